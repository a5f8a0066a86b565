//! `vague-purpose`: qualifiers such as "voidaan", "mahdollisesti", "tarvittaessa" in purposes.

use std::sync::LazyLock;

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::language;
use crate::lint::text::{Phrase, PhraseSet, fold_case, locate, quote};
use crate::lint::{Findings, RegisterContext, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    name: "vague-purpose",
    articles: &["Art 5(1)(b)", "Art 12(1)", "WP260 rev.01"],
    severity: Severity::Warning,
    section: Section::Purposes,
    summary: "a purpose uses vague wording (\"may\", \"possibly\", \"if needed\", \"other purposes\")",
    explanation: r#"## What it checks
The `description` of each purpose, and its `legitimate_interest`, for qualifiers that make a
statement indefinite: *mahdollisesti*, *tarvittaessa*, *esimerkiksi*, *muun muassa* (*mm.*),
*muut … tarkoitukset* (with any words between), *yms.*, *jne.*, and in English *may*,
*might*, *often*, *possible* — and *voida*/*saattaa* ("may", "might") where they keep a
possibility of the controller open: the first person plural (*voimme*, *saatamme*), the
passive (*tietoja voidaan / saatetaan käyttää*), or the third person with the controller, the
data or a thing as its subject (*Yhtiö Oy voi luovuttaa*, *tietoja voi tarvittaessa
käyttää*, *palveluun voi sisältyä*). What the person or a user can do is no hedge: *voit
perua*, *hakija voi hakea uudelleen*, *asiakas voi peruuttaa*, *rekisteristä voi tehdä
hakuja* (the Finnish zero person); nor is a denied possibility (*emme voi*).

## Why
The transparency guidelines (WP260 rev.01 and its annex) say information should
be concrete and definitive: qualifiers such as "may", "might", "some", "often" and "possible"
should be avoided where a definite statement can be made; purposes such as "we may use your
data to develop new services" are given as poor practice. Purposes must be specified
(5(1)(b)), or the person cannot know what their data are used for. *The annex's wording is
partly unverified in seloste's sources; the rule is a warning.*

## Example
```yaml
# Vague:
  - description: Tietoja voidaan käyttää tarvittaessa myös muihin tarkoituksiin.
# Definite:
  - description: Asiakastyytyväisyyskyselyt kerran vuodessa
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

static VAGUE: &[Phrase] = &[
    Phrase {
        pattern: "mahdollis*",
        note: "possibly",
    },
    Phrase {
        pattern: "tarvittaessa",
        note: "if needed",
    },
    Phrase {
        pattern: "esimerkiksi",
        note: "for example",
    },
    Phrase {
        pattern: "esim",
        note: "for example",
    },
    Phrase {
        pattern: "muun muassa",
        note: "among other things",
    },
    Phrase {
        pattern: "mm",
        note: "among other things",
    },
    Phrase {
        pattern: "muut tarkoitukset",
        note: "other purposes",
    },
    Phrase {
        pattern: "muihin tarkoituksiin",
        note: "other purposes",
    },
    Phrase {
        pattern: "muut vastaavat",
        note: "other similar",
    },
    Phrase {
        pattern: "yms",
        note: "etc.",
    },
    Phrase {
        pattern: "ym",
        note: "etc.",
    },
    Phrase {
        pattern: "jne",
        note: "etc.",
    },
    Phrase {
        pattern: "tms",
        note: "or similar",
    },
    Phrase {
        pattern: "may",
        note: "may",
    },
    Phrase {
        pattern: "might",
        note: "might",
    },
    Phrase {
        pattern: "often",
        note: "often",
    },
    Phrase {
        pattern: "possible",
        note: "possible",
    },
    Phrase {
        pattern: "possibly",
        note: "possibly",
    },
];

static SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(VAGUE));

/// Words that `mahdollis*` finds but that are definite: the verb *mahdollistaa* (to enable:
/// "ajanvarausten mahdollistaminen"), the noun *mahdollisuus* (an opportunity) and
/// *mahdollisimman* ("as … as possible": "mahdollisimman nopeasti").
const DEFINITE: &[&str] = &[
    "mahdollisimma",
    "mahdollistaa",
    "mahdollistam",
    "mahdollistet",
    "mahdollistav",
    "mahdollistu",
    "mahdollisuu",
];

fn is_vague(word: &str) -> bool {
    let w = fold_case(word);
    !DEFINITE.iter().any(|d| w.starts_with(d))
}

/// The words of `text` (letters and digits, with inner hyphens) and where they start.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inner_hyphen = c == '-' && start.is_some();
        match (c.is_alphanumeric() || inner_hyphen, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, text[s..i].trim_end_matches('-')));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text[s..].trim_end_matches('-')));
    }
    out
}

/// "muut … tarkoitukset", "muuhun … tarkoitukseen", "muut … tehtävät" with up to seven words
/// between: an open-ended purpose, whatever adjectives it carries. Returns byte ranges.
fn other_purposes(text: &str) -> Vec<(std::ops::Range<usize>, &'static str)> {
    let ws = words(text);
    let mut out = Vec::new();
    for (i, (start, w)) in ws.iter().enumerate() {
        let w = fold_case(w);
        let other = matches!(
            w.as_str(),
            "muu" | "muut" | "muun" | "muuhun" | "muihin" | "muiden" | "muita" | "muuta"
        );
        if !other {
            continue;
        }
        for (end, x) in ws.iter().skip(i + 1).take(8) {
            let x_folded = fold_case(x);
            let note = if x_folded.starts_with("tehtäv") {
                "other tasks"
            } else if x_folded.starts_with("tarkoitu") || x_folded.starts_with("käyttötarkoitu") {
                "other purposes"
            } else {
                continue;
            };
            out.push((*start..*end + x.len(), note));
            break;
        }
    }
    out
}

/// The forms of *voida* and *saattaa* that keep a possibility of the controller open
/// ("voimme", "tietoja voidaan", "yhtiö voi"), not those that state what the person or a user
/// can do ("voit perua", "hakija voi hakea", "rekisteristä voi tehdä hakuja") or deny
/// ("emme voi").
fn hedges(value: &str) -> impl Iterator<Item = (std::ops::Range<usize>, &'static str)> {
    language::modals(value)
        .into_iter()
        .filter(language::Modal::is_hedge)
        .map(|m| (m.range, m.note))
}

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for p in cx.register.purposes() {
        for t in [&p.description, &p.legitimate_interest]
            .into_iter()
            .flatten()
        {
            let value = t.value.as_str();
            let mut found: Vec<(std::ops::Range<usize>, &str)> = SET
                .find(value)
                .into_iter()
                .filter(|m| is_vague(&value[m.range.clone()]))
                .map(|m| (m.range, m.phrase.note))
                .chain(hedges(value))
                .collect();
            for (r, note) in other_purposes(value) {
                if !found
                    .iter()
                    .any(|(f, _)| f.start < r.end && r.start < f.end)
                {
                    found.push((r, note));
                }
            }
            found.sort_by_key(|(r, _)| r.start);
            for (range, note) in found {
                let pos = locate(cx.source_at(t.pos), t.pos, value, range.clone());
                out.at(pos, format!("vague wording in a purpose: “{}” ({note})", quote(&value[range])))
                    .label("not a definite statement")
                    .help("state the purpose definitely; split it into separate purposes if it covers several");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{SET, is_vague};

    #[test]
    fn an_ability_of_the_person_is_no_hedge() {
        for t in [
            "Hakija voi hakea uudelleen seuraavalla hakukierroksella",
            "Rekisteristä voi tehdä hakuja asiakasnumerolla",
            "Voit perua tilauksen verkkokaupassa",
            "Asiakas voi peruuttaa ajanvarauksen verkossa",
            "Emme voi käyttää tietoja muuhun",
        ] {
            assert!(vague(t).is_empty(), "{t}: {:?}", vague(t));
        }
        assert_eq!(vague("Voimme käyttää tietoja tuotekehitykseen"), ["Voimme"]);
        assert_eq!(
            vague("Tietoja saatetaan käyttää tuotekehitykseen"),
            ["saatetaan"]
        );
        assert_eq!(
            vague("Tietoja voidaan käyttää tarvittaessa asiakaspalveluun"),
            ["voidaan", "tarvittaessa"]
        );
    }

    fn vague(text: &str) -> Vec<&str> {
        let mut found: Vec<_> = SET
            .find(text)
            .into_iter()
            .map(|m| m.range)
            .filter(|r| is_vague(&text[r.clone()]))
            .chain(super::hedges(text).map(|(r, _)| r))
            .collect();
        found.sort_by_key(|r| r.start);
        found.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn open_ended_purposes_are_found_with_words_between() {
        let t =
            "sekä muut kokonaisasiakkuuden ja liiketoiminnan kehittämiseen liittyvät tarkoitukset";
        let r = super::other_purposes(t);
        assert_eq!(r.len(), 1);
        assert!(
            t[r[0].0.clone()].starts_with("muut") && t[r[0].0.clone()].ends_with("tarkoitukset")
        );
        assert_eq!(
            super::other_purposes("muut rekisterinpitäjän tehtävät")[0].1,
            "other tasks"
        );
        assert!(super::other_purposes("muuhun toiminnalliseen tarkoitukseen").len() == 1);
        assert!(
            super::other_purposes(
                "muut asiakkaat ja heidän huoltajansa sekä muiden yritysten yhteyshenkilöt"
            )
            .is_empty()
        );
        assert_eq!(
            vague("Apteekki voi käyttää tietoja, mm. laskutukseen"),
            ["voi", "mm"]
        );
    }

    #[test]
    fn enabling_is_not_possibly() {
        assert!(vague("Ajanvarausten mahdollistaminen verkossa").is_empty());
        assert!(vague("Tarjota mahdollisuus osallistua arvontaan").is_empty());
        assert_eq!(
            vague("Tietoja käytetään mahdollisesti myös mahdollisiin kyselyihin"),
            ["mahdollisesti", "mahdollisiin"]
        );
    }
}
