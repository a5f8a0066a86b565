//! Built-in reference data (`data/*.yaml`, compiled in): countries and the EU/EEA, adequacy
//! decisions with the date they were reviewed, the Finnish supervisory authority, common
//! non-EEA service providers and dissolved Finnish public bodies. Every table carries the date
//! it was last reviewed (`as_of`), which `seloste --version` prints.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::model::CountryCode;

/// A country of ISO 3166-1.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// English short name.
    pub en: String,
    /// Finnish name.
    pub fi: String,
    /// Whether it is in the EU or the EEA (so no third country).
    #[serde(default)]
    pub eea: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountryTable {
    // Required of the table, and printed by `--version` from its line (a test holds the two
    // equal).
    #[cfg_attr(not(test), allow(dead_code))]
    as_of: NaiveDate,
    countries: BTreeMap<String, Country>,
}

/// An adequacy decision in force for a country.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Adequacy {
    /// Whom the decision covers, when not everyone in the country.
    #[serde(default)]
    pub scope: Option<String>,
    /// When it expires, if it has an end date.
    #[serde(default)]
    pub valid_until: Option<NaiveDate>,
    /// Whether it covers only organisations certified under the EU–US Data Privacy Framework.
    #[serde(default)]
    pub requires_dpf: bool,
    /// Anything a reader should know (pending cases …).
    #[serde(default)]
    pub note: Option<String>,
}

/// The adequacy table and when it was last reviewed.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdequacyTable {
    /// The date the table was checked against the Commission's list.
    pub as_of: NaiveDate,
    /// Decisions by ISO code.
    pub countries: BTreeMap<String, Adequacy>,
    /// International organisations with an adequacy decision.
    pub organisations: Vec<String>,
}

/// The supervisory authority's details.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    /// The date the details were last checked.
    pub as_of: NaiveDate,
    /// Finnish name.
    pub name: String,
    /// Swedish name.
    pub name_sv: String,
    /// English name.
    pub name_en: String,
    /// Visiting address.
    pub visiting_address: String,
    /// Postal address.
    pub postal_address: String,
    /// E-mail.
    pub email: String,
    /// Switchboard.
    pub phone: String,
    /// Website.
    pub website: String,
}

/// A non-EEA service provider that notices name as a recipient or processor.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vendor {
    /// Stable identifier.
    pub id: String,
    /// The name a message shows.
    pub name: String,
    /// The company that provides and processes (the parent, where data go).
    pub provider: String,
    /// Where that provider is established.
    pub country: CountryCode,
    /// The third countries personal data go to: a transfer to one of them covers the vendor.
    pub data_countries: Vec<CountryCode>,
    /// The EU/EEA company EU customers contract with, if any.
    #[serde(default)]
    pub eu_entity: Option<String>,
    /// Listed as certified under the EU–US Data Privacy Framework; `None` when not known.
    pub dpf: Option<bool>,
    /// The names to find in texts.
    pub aliases: Vec<Alias>,
    /// Where the facts were read.
    pub source: String,
    /// When.
    pub checked: NaiveDate,
    /// Whether `source` was read and confirms the entry.
    pub verified: bool,
    /// Anything a reader should know.
    #[serde(default)]
    pub note: Option<String>,
}

/// A name of a vendor to find in texts.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum Alias {
    /// Found in any letter case.
    Any(String),
    /// Found only with the capitals as written, when the lower-case word is an ordinary one.
    Exact {
        /// The name.
        alias: String,
        /// Always true.
        exact: bool,
    },
}

impl Alias {
    /// The name.
    pub fn text(&self) -> &str {
        match self {
            Alias::Any(s) | Alias::Exact { alias: s, .. } => s,
        }
    }

    /// Whether it must stand with its capitals as written.
    pub fn exact(&self) -> bool {
        matches!(self, Alias::Exact { exact: true, .. })
    }
}

/// The vendor table and when it was last reviewed.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VendorTable {
    /// The date the table was last reviewed.
    pub as_of: NaiveDate,
    /// The vendors.
    pub vendors: Vec<Vendor>,
}

/// A Finnish public body that no longer exists.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DissolvedBody {
    /// Its official name.
    pub name: String,
    /// Other full names, matched like `name`.
    #[serde(default)]
    pub also: Vec<String>,
    /// Common short names.
    #[serde(default)]
    pub short_names: Vec<String>,
    /// Whether the short names belong to this body alone (no successor kept them), so that
    /// they identify it on their own.
    #[serde(default)]
    pub short_names_unique: bool,
    /// Its business ID.
    #[serde(default)]
    pub business_id: Option<String>,
    /// The first day on which it no longer had its tasks.
    pub ended: NaiveDate,
    /// Who has the tasks now.
    pub successor: String,
    /// The successor's business ID.
    #[serde(default)]
    pub successor_business_id: Option<String>,
    /// Where the facts were read.
    pub source: String,
    /// When.
    pub checked: NaiveDate,
    /// Whether `source` was read and confirms the entry.
    pub verified: bool,
    /// Anything a reader should know.
    #[serde(default)]
    pub note: Option<String>,
}

/// The table of dissolved bodies and when it was last reviewed.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DissolvedTable {
    /// The date the table was last reviewed.
    pub as_of: NaiveDate,
    /// The bodies.
    pub bodies: Vec<DissolvedBody>,
}

fn parse<T: for<'de> Deserialize<'de>>(name: &str, yaml: &str) -> T {
    // Built-in data are tested; a failure here is a bug in this crate, not in user input.
    serde_saphyr::from_str(yaml).unwrap_or_else(|e| panic!("built-in data {name} is invalid: {e}"))
}

/// The built-in tables, as they are embedded.
const COUNTRIES_YAML: &str = include_str!("../data/countries.yaml");
const VENDORS_YAML: &str = include_str!("../data/vendors.yaml");
const DISSOLVED_YAML: &str = include_str!("../data/dissolved_bodies.yaml");
const ADEQUACY_YAML: &str = include_str!("../data/adequacy.yaml");
const AUTHORITY_YAML: &str = include_str!("../data/supervisory_authority.yaml");

static COUNTRY_TABLE: LazyLock<CountryTable> =
    LazyLock::new(|| parse("countries.yaml", COUNTRIES_YAML));

static COUNTRIES: LazyLock<&'static BTreeMap<String, Country>> =
    LazyLock::new(|| &COUNTRY_TABLE.countries);

static VENDORS: LazyLock<VendorTable> = LazyLock::new(|| parse("vendors.yaml", VENDORS_YAML));

static DISSOLVED: LazyLock<DissolvedTable> =
    LazyLock::new(|| parse("dissolved_bodies.yaml", DISSOLVED_YAML));

static ADEQUACY: LazyLock<AdequacyTable> = LazyLock::new(|| parse("adequacy.yaml", ADEQUACY_YAML));

static AUTHORITY: LazyLock<Authority> =
    LazyLock::new(|| parse("supervisory_authority.yaml", AUTHORITY_YAML));

/// The country with this code, if ISO 3166-1 knows it.
pub fn country(code: CountryCode) -> Option<&'static Country> {
    COUNTRIES.get(code.as_str())
}

/// Every ISO 3166-1 alpha-2 code the table knows, in order (for the JSON Schema).
pub fn country_codes() -> impl Iterator<Item = &'static str> {
    COUNTRIES.keys().map(String::as_str)
}

/// A country by its English or Finnish name (for "did you mean" hints).
pub fn country_by_name(name: &str) -> Option<CountryCode> {
    let lc = name.to_lowercase();
    COUNTRIES
        .iter()
        .find(|(_, c)| c.en.to_lowercase() == lc || c.fi.to_lowercase() == lc)
        .map(|(code, _)| {
            let b = code.as_bytes();
            CountryCode::from_bytes([b[0], b[1]])
        })
}

/// Whether the country is in the EU or the EEA.
pub fn is_eea(code: CountryCode) -> bool {
    country(code).is_some_and(|c| c.eea)
}

/// The adequacy decision in force for a country on `date`, if any.
pub fn adequacy(code: CountryCode, date: NaiveDate) -> Option<&'static Adequacy> {
    ADEQUACY
        .countries
        .get(code.as_str())
        .filter(|a| a.valid_until.is_none_or(|until| date <= until))
}

/// The whole adequacy table.
pub fn adequacy_table() -> &'static AdequacyTable {
    &ADEQUACY
}

/// The built-in supervisory authority.
pub fn authority() -> &'static Authority {
    &AUTHORITY
}

/// The table of known non-EEA service providers.
pub fn vendor_table() -> &'static VendorTable {
    &VENDORS
}

/// The table of dissolved Finnish public bodies.
pub fn dissolved_table() -> &'static DissolvedTable {
    &DISSOLVED
}

/// The words of a name for comparing names: lower case, split at anything not a letter or a
/// digit, so that dashes, brackets and spacing do not matter ("sote –kuntayhtymä" is "sote
/// -kuntayhtymä").
fn name_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Where `pattern` stands in `words` as consecutive words, its last word possibly inflected
/// ("sairaanhoitopiiri" in "sairaanhoitopiirin kuntayhtymä"): the index of its first word.
fn find_words(words: &[String], pattern: &[String], inflected: bool) -> Option<usize> {
    let (last, init) = pattern.split_last()?;
    words.windows(pattern.len()).position(|w| {
        w[..init.len()] == *init
            && if inflected {
                w[init.len()].starts_with(last.as_str())
            } else {
                w[init.len()] == *last
            }
    })
}

/// The dissolved body a controller's name names, if any: its official or other full name, or,
/// as the whole name, a short name that only it had. A name that also names the successor, beside the body's own
/// name, is the successor ("Keski-Uudenmaan hyvinvointialue (Keusote)").
pub fn dissolved_body_named(name: &str) -> Option<&'static DissolvedBody> {
    let words = name_words(name);
    DISSOLVED.bodies.iter().find(|b| {
        let full = std::iter::once(&b.name).chain(&b.also).map(|n| (n, true));
        let short = b
            .short_names
            .iter()
            .filter(|_| b.short_names_unique)
            .map(|n| (n, false));
        full.chain(short).any(|(n, inflected)| {
            let pattern = name_words(n);
            // A short name is the whole name ("Valvira"), not a word in a longer one.
            if !inflected && words != pattern {
                return false;
            }
            let Some(at) = find_words(&words, &pattern, inflected) else {
                return false;
            };
            // The successor may share words with the body ("Sosiaali- ja terveysalan lupa- ja
            // valvontavirasto" holds "Lupa- ja valvontavirasto"): look for it elsewhere.
            let rest: Vec<String> = words[..at]
                .iter()
                .chain(&words[at + pattern.len()..])
                .cloned()
                .collect();
            find_words(&rest, &name_words(&b.successor), true).is_none()
        })
    })
}

/// The dissolved body with this business ID, if any.
pub fn dissolved_body_with_id(business_id: &str) -> Option<&'static DissolvedBody> {
    let id = business_id.trim();
    DISSOLVED
        .bodies
        .iter()
        .find(|b| b.business_id.as_deref() == Some(id))
}

/// The built-in tables and the date each was last reviewed, for `seloste --version`. Read
/// from each table's `as_of:` line, not by parsing the tables: every run of the CLI prints or
/// builds its version, and most never need the tables (a test holds the line to the parse).
pub fn table_dates() -> Vec<(&'static str, NaiveDate)> {
    TABLES
        .iter()
        .filter_map(|(name, yaml)| as_of_line(yaml).map(|d| (*name, d)))
        .collect()
}

/// Each table's name and text.
const TABLES: &[(&str, &str)] = &[
    ("adequacy", ADEQUACY_YAML),
    ("supervisory authority", AUTHORITY_YAML),
    ("vendors", VENDORS_YAML),
    ("dissolved bodies", DISSOLVED_YAML),
    ("countries", COUNTRIES_YAML),
];

/// The date of a table's top-level `as_of:` line.
fn as_of_line(yaml: &str) -> Option<NaiveDate> {
    yaml.lines()
        .find_map(|l| l.strip_prefix("as_of:"))
        .and_then(|d| {
            NaiveDate::parse_from_str(d.trim().trim_matches(['"', '\'']), "%Y-%m-%d").ok()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_dates_are_the_tables_own() {
        let dates = table_dates();
        assert_eq!(
            dates,
            vec![
                ("adequacy", ADEQUACY.as_of),
                ("supervisory authority", AUTHORITY.as_of),
                ("vendors", VENDORS.as_of),
                ("dissolved bodies", DISSOLVED.as_of),
                ("countries", COUNTRY_TABLE.as_of),
            ]
        );
    }

    fn code(s: &str) -> CountryCode {
        CountryCode::parse(s).unwrap()
    }

    #[test]
    fn eea_is_eu27_plus_three() {
        let eea: Vec<_> = COUNTRIES.iter().filter(|(_, c)| c.eea).collect();
        // 27 member states + Åland and 6 outermost regions with their own codes + IS, LI, NO.
        assert_eq!(eea.len(), 27 + 1 + 6 + 3);
        assert!(is_eea(code("NO")));
        assert!(is_eea(code("FI")));
        assert!(!is_eea(code("CH")));
        assert!(!is_eea(code("GB")));
    }

    #[test]
    fn adequacy_table_loads_and_respects_end_dates() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(adequacy(code("JP"), d("2026-01-01")).is_some());
        assert!(adequacy(code("GB"), d("2031-12-27")).is_some());
        assert!(adequacy(code("GB"), d("2031-12-28")).is_none());
        assert!(adequacy(code("US"), d("2026-01-01")).unwrap().requires_dpf);
        assert!(adequacy(code("IN"), d("2026-01-01")).is_none());
        for c in adequacy_table().countries.keys() {
            assert!(COUNTRIES.contains_key(c), "{c} is not an ISO code");
            assert!(!COUNTRIES[c].eea, "{c} is in the EEA");
        }
    }

    #[test]
    fn vendor_table_loads_and_every_entry_says_where_data_go() {
        let t = vendor_table();
        assert!(t.vendors.len() >= 21);
        let mut ids = std::collections::BTreeSet::new();
        for v in &t.vendors {
            assert!(ids.insert(v.id.as_str()), "{} twice", v.id);
            assert!(!v.aliases.is_empty(), "{} has no alias", v.id);
            assert!(!v.data_countries.is_empty(), "{} has no data country", v.id);
            for c in v.data_countries.iter().chain([&v.country]) {
                assert!(!is_eea(*c), "{}: {c} is in the EEA", v.id);
            }
            assert!(v.source.starts_with("https://"), "{}: source", v.id);
            assert!(v.checked <= t.as_of, "{}: checked after as_of", v.id);
            // An unverified entry says why, or what to check, unless the source is the DPF list.
            assert!(
                v.verified || v.note.is_some() || v.source.contains("dataprivacyframework"),
                "{}: unverified without a note",
                v.id
            );
        }
        for id in [
            "google",
            "microsoft",
            "meta",
            "mailchimp",
            "aws",
            "atlassian",
        ] {
            assert!(ids.contains(id), "{id} missing");
        }
    }

    #[test]
    fn dissolved_bodies_match_by_name_but_not_their_successors() {
        let t = dissolved_table();
        for b in &t.bodies {
            assert!(b.checked <= t.as_of && b.ended <= t.as_of, "{}", b.name);
            assert!(!b.name.to_lowercase().starts_with("hus"), "HUS continues");
        }
        let keusote = dissolved_body_named("Keski-Uudenmaan sote –kuntayhtymä (Keusote)").unwrap();
        assert_eq!(keusote.successor, "Keski-Uudenmaan hyvinvointialue");
        assert!(dissolved_body_named("Keski-Uudenmaan hyvinvointialue (Keusote)").is_none());
        assert!(
            dissolved_body_named("Keusote").is_none(),
            "the county kept the name"
        );
        assert!(dissolved_body_named("Siun sote").is_none());
        assert!(dissolved_body_named("HUS-yhtymä").is_none());
        assert!(dissolved_body_named("Helsingin kaupunki").is_none());
        assert!(dissolved_body_named("Lupa- ja valvontavirasto").is_none());
        assert_eq!(
            dissolved_body_named("Valvira").unwrap().successor,
            "Lupa- ja valvontavirasto"
        );
        assert!(dissolved_body_named("Pirkanmaan sairaanhoitopiirin kuntayhtymä").is_some());
        assert!(dissolved_body_named("PSHP").is_some());
        assert!(dissolved_body_named("Esimerkki Oy, ent. Valviran kumppani").is_none());
        assert!(dissolved_body_named("Uudenmaan ELY-keskus").is_some());
        assert!(dissolved_body_named("Pirkanmaan hyvinvointialue").is_none());
        assert_eq!(
            dissolved_body_with_id("2732095-2").unwrap().short_names,
            ["Siun sote"]
        );
        assert!(dissolved_body_with_id("3221317-4").is_none());
    }

    #[test]
    fn every_table_has_a_date() {
        let names: Vec<&str> = table_dates().into_iter().map(|(n, _)| n).collect();
        assert_eq!(
            names,
            [
                "adequacy",
                "supervisory authority",
                "vendors",
                "dissolved bodies",
                "countries"
            ]
        );
    }

    #[test]
    fn authority_is_current() {
        assert_eq!(authority().postal_address, "PL 800, 00531 Helsinki");
        assert_eq!(country_by_name("Yhdysvallat"), Some(code("US")));
    }
}
