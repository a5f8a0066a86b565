//! `vague-legitimate-interest`: the interest is named only as "our legitimate interest".

use std::sync::LazyLock;

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::text::{Phrase, PhraseSet, fold_case};
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::{LegalBasis, nonblank};

/// The rule.
pub static RULE: Rule = Rule {
    name: "vague-legitimate-interest",
    articles: &["Art 13(1)(d)", "WP260 rev.01"],
    severity: Severity::Warning,
    section: Section::Purposes,
    summary: "the legitimate interest restates the legal basis instead of naming a specific interest",
    explanation: r#"## What it checks
That `legitimate_interest` says more than "the controller's legitimate interest": leaving out
the words that restate the legal basis (*oikeutettu etu*, *legitimate interest*) and those that
only say whose interest it is (*rekisterinpitäjän*, *yhtiön*, *our*), at least two words must
remain to say what the interest is.

## Why
The transparency guidelines (WP260 rev.01) say the specific interest must be identified for
the person's benefit; "our legitimate interests" tells nothing. A person can only weigh an
objection (Art 21(1)) against an interest they are told about.

## Example
```yaml
# Vague:
legitimate_interest: Rekisterinpitäjän oikeutettu etu
# Specific:
legitimate_interest: Asiakkaiden turvallisuus ja omaisuuden suojaaminen myymälässä
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

static RESTATEMENTS: &[Phrase] = &[
    Phrase {
        pattern: "oikeutettu etu",
        note: "",
    },
    Phrase {
        pattern: "oikeutettu etumme",
        note: "",
    },
    Phrase {
        pattern: "oikeutetut edut",
        note: "",
    },
    Phrase {
        pattern: "oikeutettu intressi",
        note: "",
    },
    Phrase {
        pattern: "oikeutettuun etuun",
        note: "",
    },
    Phrase {
        pattern: "legitimate interest*",
        note: "",
    },
];

static SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(RESTATEMENTS));

/// Words that say whose interest it is, not what it is.
const OWNERS: &[&str] = &[
    "rekisterinpitäjän",
    "yhtiön",
    "yrityksen",
    "yhdistyksen",
    "meidän",
    "kolmannen",
    "osapuolen",
    "ja",
    "tai",
    "our",
    "the",
    "controller's",
    "company's",
    "and",
    "or",
];

/// The words of `text` that say something beyond "the controller's legitimate interest".
fn substance(text: &str) -> usize {
    let mut rest = text.to_string();
    // Blank out the restatements, back to front so earlier ranges stay valid.
    for m in SET.find(text).into_iter().rev() {
        rest.replace_range(m.range, " ");
    }
    rest.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .filter(|w| !w.is_empty())
        .filter(|w| !OWNERS.contains(&fold_case(w).as_str()))
        .count()
}

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for p in cx.register.purposes() {
        if !p.bases().contains(&LegalBasis::LegitimateInterests) {
            continue;
        }
        let Some(li) = nonblank(&p.legitimate_interest) else {
            continue;
        };
        let text = li.value.as_str().trim();
        if substance(text) >= 2 {
            continue;
        }
        let message = if SET.find(text).is_empty() {
            format!("the legitimate interest “{text}” is too general to name a specific interest")
        } else {
            format!(
                "the legitimate interest “{text}” restates the legal basis instead of naming the interest"
            )
        };
        out.at(li.pos, message)
            .label("names no specific interest")
            .help("say what the interest is, e.g. `Asiakassuhteen ylläpitäminen ja vastaavien palvelujen markkinointi nykyisille asiakkaille`");
    }
}

#[cfg(test)]
mod tests {
    use super::substance;

    #[test]
    fn restatements_and_owners_carry_no_substance() {
        assert_eq!(substance("Rekisterinpitäjän oikeutettu etu"), 0);
        assert_eq!(substance("Our legitimate interests"), 0);
        assert_eq!(substance("Liiketoiminta"), 1);
        assert_eq!(substance("Yhtiön oikeutettu etu valvoa työaikoja"), 2);
    }
}
