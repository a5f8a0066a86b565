//! `undeclared-transfer`: a text names a known non-EEA service provider, but no transfer
//! covers it.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::applicability::Section;
use crate::data::{self, Vendor};
use crate::diagnostic::Severity;
use crate::lint::text::{fold_case, locate, negated, quote};
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::{CountryCode, ListOrNone};
use crate::source::Pos;

/// The rule.
pub static RULE: Rule = Rule {
    name: "undeclared-transfer",
    articles: &["Art 13(1)(f)", "Art 14(1)(f)", "Art 44", "Art 45", "Art 46"],
    severity: Severity::Warning,
    section: Section::Transfers,
    summary: "a text names a service provider established outside the EU/EEA, but no transfer covers it",
    explanation: r#"## What it checks
Every text of a register — recipients' names above all, but also purposes, security, cookies and
notes — for the names of common service providers established outside the EU/EEA, from
seloste's dated table (`data/vendors.yaml`): Google (Analytics, Workspace, Ads), Microsoft
(365, Teams, Azure), Meta (Facebook, Instagram), Discord, Slack, Zoom, Mailchimp, HubSpot,
Salesforce, Stripe, PayPal, Cloudflare, GitHub, Amazon Web Services, Webflow, Shopify,
Zendesk, Intercom, Atlassian (Jira, Confluence, Trello), Dropbox, Twilio. Names are found as
whole words in any letter case and with Finnish case endings ("Googlen", "Microsoftin",
"Zoomissa", "Slackiin", "AWS:n"), but not inside other words ("googlettaa", "zoomata",
"metatiedot"). A name in a negated clause ("emme käytä Google Analyticsia", "tietoja ei
siirretä Googlelle") does not count.

It reports a provider when `transfers` is `none` or missing, or when no transfer names the
provider or goes to a country where it takes the data (for Google, the United States). The
message says what was recognised: the provider, where it is established, the EU company EU
customers contract with, and whether the table lists it as certified under the EU–US Data
Privacy Framework (DPF), with the date the entry was checked.

## Why
Art 13(1)(f) and 14(1)(f) require telling the person that data are transferred to a third
country and on what ground (Art 44–46): the adequacy decision for DPF-certified US
organisations, standard contractual clauses, binding corporate rules. Many of these providers
contract with EU customers through an Irish or other EU company, but the data still reach the
parent in the United States and its sub-processors there. A notice that names Mailchimp or
Google Analytics and says "Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle" says something the
controller cannot stand behind.

Where a provider really keeps every piece of the data in the EEA with no access from outside
it, say so in the notice and suppress the finding with a reason
(`# seloste: allow(undeclared-transfer) AWS eu-north-1 only, no support access`).

## Example
```yaml
# Reported: Mailchimp is The Rocket Science Group LLC (Intuit Inc.) in the United States.
recipients:
  - name: Mailchimp (uutiskirjeiden lähetys)
    role: processor
transfers: none
# Not reported:
transfers:
  - recipient: The Rocket Science Group LLC (Mailchimp)
    country: US
    mechanism: [adequacy, standard_contractual_clauses]
    dpf_certified: true
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

/// The aliases of every vendor, folded, in one automaton.
struct Matcher {
    automaton: AhoCorasick,
    /// For each pattern: the vendor's index and whether it must stand with its capitals.
    patterns: Vec<(usize, &'static str, bool)>,
}

static MATCHER: LazyLock<Matcher> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    for (i, v) in data::vendor_table().vendors.iter().enumerate() {
        for a in &v.aliases {
            patterns.push((i, a.text(), a.exact()));
        }
    }
    let folded: Vec<String> = patterns.iter().map(|(_, a, _)| fold_case(a)).collect();
    // A DFA without a prefilter, as the lint's other tables: the prefilter's candidates are
    // many in Finnish text, and every text of every register is searched.
    let automaton = crate::lint::text::automaton(&folded, MatchKind::LeftmostLongest);
    Matcher {
        automaton,
        patterns,
    }
});

/// Finnish case endings (after a connecting `i` or `e`, or none) that a name may carry:
/// Google|n, Zoom|issa, Slack|iin, Jira|an, Trello|on, Shopify|hin.
const ENDINGS: &[&str] = &[
    "n", "a", "ä", "ta", "tä", "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle",
    "ksi", "na", "nä", "in", "han", "hen", "hin", "hon", "hun", "hyn", "seen", "an", "en", "on",
    "un", "yn", "än", "ön",
];

/// Whether `rest`, the letters that follow a name in the same word, are a Finnish case ending
/// (with a possessive suffix or clitic): "n", "issa", "iin", "ssamme", "nkin". The letters of
/// another word ("ttaa" in googlettaa, "ata" in zoomata) are not.
fn finnish_ending(rest: &str) -> bool {
    if rest.is_empty() {
        return true;
    }
    let mut r = rest;
    for clitic in ["kin", "kaan", "kään"] {
        if let Some(x) = r.strip_suffix(clitic) {
            r = x;
            break;
        }
    }
    for possessive in ["mme", "nne", "nsa", "nsä"] {
        if let Some(x) = r.strip_suffix(possessive) {
            r = x;
            break;
        }
    }
    if r.is_empty() {
        return rest != r;
    }
    ENDINGS.contains(&r)
        || r.strip_prefix(['i', 'e'])
            .is_some_and(|x| !x.is_empty() && ENDINGS.contains(&x))
}

/// The vendors named in `value`: (vendor index, byte range of the name with its ending).
/// With `negation`, a name in a negated clause is left out.
fn vendors_in(value: &str, negation: bool) -> Vec<(usize, std::ops::Range<usize>)> {
    let m = &*MATCHER;
    // Folding keeps byte lengths; line breaks inside a name count as spaces.
    let folded: String = fold_case(value)
        .chars()
        .map(|c| if c.is_ascii_whitespace() { ' ' } else { c })
        .collect();
    if folded.len() != value.len() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for hit in m.automaton.find_iter(&folded) {
        let (vendor, alias, exact) = m.patterns[hit.pattern().as_usize()];
        let before_ok = folded[..hit.start()]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let word_end = folded[hit.end()..]
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(folded.len(), |(i, _)| hit.end() + i);
        if !before_ok || !finnish_ending(&folded[hit.end()..word_end]) {
            continue;
        }
        if exact && !value[hit.start()..hit.end()].starts_with(alias) {
            continue;
        }
        if negation && negated(value, hit.start()..hit.end()) {
            continue;
        }
        out.push((vendor, hit.start()..word_end));
    }
    out
}

/// What the register's transfers cover.
#[derive(Debug, Default)]
pub(crate) struct Coverage {
    /// `transfers` is missing.
    absent: bool,
    /// `transfers` says `none` (or its `items` do).
    none: bool,
    /// The countries transfers go to.
    countries: Vec<CountryCode>,
    /// The vendors transfers name.
    vendors: Vec<usize>,
    /// The vendors already reported in this register.
    reported: Vec<usize>,
}

impl Coverage {
    fn of(cx: &RegisterContext<'_>) -> Coverage {
        let r = cx.register;
        let mut c = Coverage {
            absent: r.transfers.is_none(),
            none: r.transfers.as_ref().is_some_and(|t| {
                t.value
                    .items(t.pos)
                    .is_some_and(|i| matches!(i.value, ListOrNone::None))
            }),
            ..Coverage::default()
        };
        for t in r.transfers() {
            c.countries.extend(t.country.as_ref().map(|x| x.value));
            let texts = [&t.recipient, &t.organisation, &t.conditions, &t.document];
            for text in texts.into_iter().flatten() {
                c.vendors.extend(
                    vendors_in(text.value.as_str(), false)
                        .into_iter()
                        .map(|(v, _)| v),
                );
            }
        }
        c
    }

    fn covers(&self, index: usize, vendor: &Vendor) -> bool {
        self.vendors.contains(&index)
            || vendor
                .data_countries
                .iter()
                .any(|c| self.countries.contains(c))
    }
}

/// The country's English name, as it stands in a sentence ("the United States").
fn country_name(code: CountryCode) -> String {
    let name = data::country(code).map_or("an unknown country", |c| c.en.as_str());
    if name.starts_with("United ") {
        format!("the {name}")
    } else {
        name.to_string()
    }
}

fn date(d: chrono::NaiveDate) -> String {
    d.format("%-d.%-m.%Y").to_string()
}

/// What seloste knows of a vendor, for the message: "Mailchimp (The Rocket Science Group LLC
/// …, United States; listed as DPF certified, checked 27.11.2026)".
fn described(v: &Vendor) -> String {
    let checked = date(v.checked);
    let dpf = match (v.dpf, v.verified) {
        (Some(true), true) => format!("EU–US DPF certified as of {checked}"),
        (Some(true), false) => {
            format!("EU–US DPF certified as far as known on {checked}, unconfirmed")
        }
        (Some(false), _) => format!("not EU–US DPF certified as of {checked}"),
        (None, _) => format!("EU–US DPF status unknown on {checked}"),
    };
    format!(
        "{} ({}, {}; {dpf})",
        v.name,
        v.provider,
        country_name(v.country)
    )
}

/// Reports the vendors named in one text value that the register's transfers do not cover,
/// each once per register.
pub(crate) fn check_text(
    value: &str,
    pos: Pos,
    source: &str,
    coverage: &mut Coverage,
    out: &mut Findings,
) {
    let vendors = &data::vendor_table().vendors;
    for (index, range) in vendors_in(value, true) {
        let v = &vendors[index];
        if coverage.covers(index, v) || coverage.reported.contains(&index) {
            continue;
        }
        coverage.reported.push(index);
        let found = quote(&value[range.clone()]);
        let countries: Vec<String> = v.data_countries.iter().map(|c| country_name(*c)).collect();
        let why = if coverage.absent {
            "but the register does not say whether data are transferred outside the EU/EEA"
                .to_string()
        } else if coverage.none {
            "but `transfers` is `none`".to_string()
        } else {
            format!(
                "but no transfer names it or goes to {}",
                countries.join(" or ")
            )
        };
        let at = locate(source, pos, value, range);
        let finding = out
            .at(at, format!("“{found}” is {}, {why}", described(v)))
            .label(format!("a provider in {}", country_name(v.country)));
        match &v.eu_entity {
            Some(eu) => finding.help(format!(
                "EU customers contract with {eu}, but the data also go to {} and its sub-processors in {}: the provider processes data in a third country",
                v.provider,
                countries.join(" and ")
            )),
            None => finding.help(format!(
                "the provider processes data in a third country ({})",
                countries.join(", ")
            )),
        };
        finding.help(format!(
            "the notice must say so and on what ground (Art 13(1)(f), 14(1)(f)): add a transfer, e.g. `- recipient: {}` with `country: {}` and its `mechanism` (`adequacy` with `dpf_certified: true` for a DPF-certified US organisation, or `standard_contractual_clauses`)",
            v.provider,
            v.data_countries.first().map_or("US", |c| c.as_str())
        ));
        if !v.verified {
            let list = "https://www.dataprivacyframework.gov/list";
            let check = if v.source.starts_with(list) {
                list.to_string()
            } else {
                format!("{} and {list}", v.source)
            };
            finding.help(format!(
                "seloste's table entry for {} could not be confirmed from a source on {}: check {check}",
                v.name,
                date(v.checked)
            ));
        }
    }
}

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    let mut coverage = Coverage::of(cx);
    for t in cx.texts {
        // Most texts name no vendor: one pass over the folded form that the lint has made
        // already tells, before the text is folded again with its offsets kept.
        if MATCHER.automaton.is_match(t.normalized()) {
            check_text(t.value, t.pos, cx.source_at(t.pos), &mut coverage, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        let vendors = &data::vendor_table().vendors;
        vendors_in(text, true)
            .into_iter()
            .map(|(v, r)| format!("{}={}", vendors[v].id, &text[r]))
            .collect()
    }

    #[test]
    fn names_are_found_with_finnish_endings() {
        assert_eq!(
            names("Googlen, Microsoftin ja Zoomissa; viestit Slackiin ja AWS:n palvelimille."),
            [
                "google=Googlen",
                "microsoft=Microsoftin",
                "zoom=Zoomissa",
                "slack=Slackiin",
                "aws=AWS"
            ]
        );
        assert_eq!(
            names("Google Analyticsin evästeet, Jiraan ja Trelloon, Shopifyhin"),
            [
                "google=Google Analyticsin",
                "atlassian=Jiraan",
                "atlassian=Trelloon",
                "shopify=Shopifyhin"
            ]
        );
        assert_eq!(
            names("Mailchimpissämme ja Facebookissakin"),
            ["mailchimp=Mailchimpissämme", "meta=Facebookissakin"]
        );
        assert_eq!(
            names("Teams-kokouksissa ja Meta-pikselin avulla; teams-sana"),
            ["microsoft=Teams", "meta=Meta-pikselin"]
        );
    }

    #[test]
    fn other_words_are_not_names() {
        for text in [
            "Asiakas voi googlettaa tai googlata ohjeet.",
            "Kuvaa voi zoomata ja zoomaus tallentuu.",
            "Metatiedot ja meta-tiedot tallennetaan.",
            "Stripes ja stripet eivät ole palveluita.",
            "Ovipuhelin (intercom) tallentaa soitot.",
            "fonts.googleapis.com ja googlemail",
            "Zoomi-objektiivi",
        ] {
            assert_eq!(names(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn a_negated_name_does_not_count() {
        assert!(names("Emme käytä Google Analyticsia.").is_empty());
        assert!(names("Tietoja ei siirretä Googlelle.").is_empty());
        assert_eq!(
            names("Emme myy tietoja, mutta käytämme Google Analyticsia."),
            ["google=Google Analyticsia"]
        );
    }

    #[test]
    fn endings() {
        for ok in ["", "n", "issa", "iin", "ssamme", "nkin", "an", "hin"] {
            assert!(finnish_ending(ok), "{ok}");
        }
        for no in ["ttaa", "ata", "s", "i", "us", "tili", "mail", "apis"] {
            assert!(!finnish_ending(no), "{no}");
        }
    }
}
