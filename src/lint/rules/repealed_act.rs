//! `repealed-act`: a reference to an act that is no longer in force.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::text::Phrase;
use crate::lint::{Rule, TextHook};

/// The rule.
pub static RULE: Rule = Rule {
    name: "repealed-act",
    articles: &["Art 12(1)", "Art 94", "tietosuojalaki (1050/2018) 37 §"],
    severity: Severity::Error,
    section: Section::Located,
    summary: "the text cites a repealed act (henkilötietolaki 523/1999, STM 298/2009, 159/2007, directive 95/46/EC …)",
    explanation: r#"## What it checks
Every text of the register and of `seloste.yaml` for references to acts no longer in force:

| Reference | Current law |
|---|---|
| henkilötietolaki (523/1999) | repealed 31.12.2018: the GDPR and tietosuojalaki 1050/2018 |
| directive 95/46/EC ("EU-direktiivi") | repealed by the GDPR (Art 94) on 25.5.2018 |
| STM:n asetus potilasasiakirjoista 298/2009 | replaced by STM:n asetus 94/2022; retention periods since 1.1.2024 in the annex of asiakastietolaki 703/2023 |
| laki sosiaali- ja terveydenhuollon asiakastietojen sähköisestä käsittelystä 159/2007 | replaced by asiakastietolaki 703/2023 |
| laki sosiaalihuollon asiakasasiakirjoista 254/2015 and act 784/2021 | replaced by asiakastietolaki 703/2023 |

## Why
A notice must state the law that applies (Art 12(1), 13(1)(c)). Citing a repealed act misleads
the reader about their rights — the Personal Data Act knew no portability and no erasure as
the GDPR gives them — and shows that the notice has not been reviewed since.

## Example
```yaml
# Outdated:
description: Henkilötietolain 10 §:n mukainen rekisteriseloste.
# Current:
description: Tietosuojaseloste EU:n yleisen tietosuoja-asetuksen 13 ja 14 artiklan mukaisesti.
```
"#,
    project: None,
    register: None,
    text: Some(TextHook::Phrases {
        phrases: REPEALED,
        joins,
        report,
    }),
};

const PDA: &str = "the Personal Data Act was repealed on 31.12.2018; cite the GDPR (2016/679) and tietosuojalaki (1050/2018)";
const DIRECTIVE: &str = "directive 95/46/EC was repealed by the GDPR (2016/679) on 25.5.2018";
const PATIENT_DOCS: &str = "decree 298/2009 was replaced by STM decree 94/2022; since 1.1.2024 retention periods are in the annex of asiakastietolaki 703/2023";
const CLIENT_DATA: &str = "act 159/2007 was replaced by asiakastietolaki 703/2023 (laki sosiaali- ja terveydenhuollon asiakastietojen käsittelystä)";
const SOCIAL_DOCS: &str = "replaced by asiakastietolaki 703/2023";

pub(crate) static REPEALED: &[Phrase] = &[
    Phrase {
        pattern: "henkilötietola*",
        note: PDA,
    },
    Phrase {
        pattern: "523/1999",
        note: PDA,
    },
    Phrase {
        pattern: "523/99",
        note: PDA,
    },
    Phrase {
        pattern: "95/46/ey",
        note: DIRECTIVE,
    },
    Phrase {
        pattern: "95/46/ec",
        note: DIRECTIVE,
    },
    Phrase {
        pattern: "eu-direktii*",
        note: DIRECTIVE,
    },
    Phrase {
        pattern: "tietosuojadirektii*",
        note: DIRECTIVE,
    },
    Phrase {
        pattern: "298/2009",
        note: PATIENT_DOCS,
    },
    Phrase {
        pattern: "159/2007",
        note: CLIENT_DATA,
    },
    Phrase {
        pattern: "asiakastietojen sähköisestä käsittely*",
        note: CLIENT_DATA,
    },
    Phrase {
        pattern: "784/2021",
        note: SOCIAL_DOCS,
    },
    Phrase {
        pattern: "254/2015",
        note: SOCIAL_DOCS,
    },
];

/// Whether the text between two matches only joins an act's name to its number: white space,
/// a bracket, or words such as "annettu laki" ("… käsittelystä annettu laki (159/2007)").
fn joins(between: &str) -> bool {
    const JOINING: &[&str] = &[
        "annettu",
        "annetun",
        "annettua",
        "laki",
        "lain",
        "lakia",
        "asetus",
        "asetuksen",
    ];
    between
        .split(|c: char| c.is_whitespace() || c == '(')
        .filter(|w| !w.is_empty())
        .all(|w| JOINING.contains(&w))
}

fn report(found: &str, phrase: &Phrase) -> (String, String) {
    (
        format!("“{found}” refers to a repealed act"),
        phrase.note.to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::{REPEALED, joins};
    use crate::lint::text::PhraseSet;
    use std::sync::LazyLock;

    static SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(REPEALED));

    fn references(t: &str) -> Vec<std::ops::Range<usize>> {
        SET.find_merged(t, joins)
            .into_iter()
            .map(|m| m.range)
            .collect()
    }

    #[test]
    fn a_name_and_its_number_are_one_reference() {
        let t = "Henkilötietolain (523/1999) 10 §:n mukainen seloste; ks. myös 298/2009.";
        let found: Vec<&str> = references(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(found, ["Henkilötietolain (523/1999)", "298/2009"]);
        let t = "asiakastietojen sähköisestä käsittelystä annettu laki\n(159/2007)";
        assert_eq!(references(t).len(), 1);
        let t = "henkilötietolaissa ja EU-direktiivissä";
        assert_eq!(references(t).len(), 2);
    }
}
