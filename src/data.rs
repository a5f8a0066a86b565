//! Built-in reference data (`data/*.yaml`, compiled in): countries and the EU/EEA, adequacy
//! decisions with the date they were reviewed, and the Finnish supervisory authority.

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
struct CountryTable {
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

fn parse<T: for<'de> Deserialize<'de>>(name: &str, yaml: &str) -> T {
    // Built-in data are tested; a failure here is a bug in this crate, not in user input.
    serde_saphyr::from_str(yaml).unwrap_or_else(|e| panic!("built-in data {name} is invalid: {e}"))
}

static COUNTRIES: LazyLock<BTreeMap<String, Country>> = LazyLock::new(|| {
    parse::<CountryTable>("countries.yaml", include_str!("../data/countries.yaml")).countries
});

static ADEQUACY: LazyLock<AdequacyTable> =
    LazyLock::new(|| parse("adequacy.yaml", include_str!("../data/adequacy.yaml")));

static AUTHORITY: LazyLock<Authority> = LazyLock::new(|| {
    parse(
        "supervisory_authority.yaml",
        include_str!("../data/supervisory_authority.yaml"),
    )
});

/// The country with this code, if ISO 3166-1 knows it.
pub fn country(code: CountryCode) -> Option<&'static Country> {
    COUNTRIES.get(code.as_str())
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn authority_is_current() {
        assert_eq!(authority().postal_address, "PL 800, 00531 Helsinki");
        assert_eq!(country_by_name("Yhdysvallat"), Some(code("US")));
    }
}
