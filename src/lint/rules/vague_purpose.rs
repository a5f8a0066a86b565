//! `vague-purpose`: qualifiers such as "voidaan", "mahdollisesti", "tarvittaessa" in purposes.

use std::sync::LazyLock;

use crate::diagnostic::Severity;
use crate::lint::text::{Phrase, PhraseSet, fold_case, locate};
use crate::lint::{Findings, RegisterContext, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    name: "vague-purpose",
    articles: &["Art 5(1)(b)", "Art 12(1)", "WP260 rev.01"],
    severity: Severity::Warning,
    summary: "a purpose uses vague wording (\"may\", \"possibly\", \"if needed\", \"other purposes\")",
    explanation: r#"## What it checks
The `description` of each purpose, and its `legitimate_interest`, for qualifiers that make a
statement indefinite: *voidaan*, *saatetaan*, *mahdollisesti*, *tarvittaessa*, *esimerkiksi*,
*muut tarkoitukset*, *yms.*, *jne.*, and in English *may*, *might*, *some*, *often*,
*possible*.

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
};

static VAGUE: &[Phrase] = &[
    Phrase {
        pattern: "voidaan",
        note: "may",
    },
    Phrase {
        pattern: "saatetaan",
        note: "might",
    },
    Phrase {
        pattern: "saattaa",
        note: "might",
    },
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
/// "ajanvarausten mahdollistaminen") and the noun *mahdollisuus* (an opportunity).
const DEFINITE: &[&str] = &[
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

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for p in cx.register.purposes() {
        for t in [&p.description, &p.legitimate_interest]
            .into_iter()
            .flatten()
        {
            let value = t.value.as_str();
            for m in SET
                .find(value)
                .into_iter()
                .filter(|m| is_vague(&value[m.range.clone()]))
            {
                let pos = locate(cx.source, t.pos, value, m.range.clone());
                out.at(pos, format!("vague wording in a purpose: “{}” ({})", value[m.range.clone()].split_whitespace().collect::<Vec<_>>().join(" "), m.phrase.note))
                    .label("not a definite statement")
                    .help("state the purpose definitely; split it into separate purposes if it covers several");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{SET, is_vague};

    fn vague(text: &str) -> Vec<&str> {
        SET.find(text)
            .into_iter()
            .map(|m| &text[m.range])
            .filter(|w| is_vague(w))
            .collect()
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
