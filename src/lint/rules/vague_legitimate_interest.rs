//! `vague-legitimate-interest`: the interest is named only as "our legitimate interest".

use std::sync::LazyLock;

use crate::diagnostic::Severity;
use crate::lint::text::{Phrase, PhraseSet};
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::{LegalBasis, nonblank};

/// The rule.
pub static RULE: Rule = Rule {
    name: "vague-legitimate-interest",
    articles: &["Art 13(1)(d)", "WP260 rev.01"],
    severity: Severity::Warning,
    summary: "the legitimate interest restates the legal basis instead of naming a specific interest",
    explanation: r#"## What it checks
That `legitimate_interest` says more than "the controller's legitimate interest" and is not a
placeholder of a few characters.

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

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for p in cx.register.purposes() {
        if !p.bases().contains(&LegalBasis::LegitimateInterests) {
            continue;
        }
        let Some(li) = nonblank(&p.legitimate_interest) else {
            continue;
        };
        let text = li.value.as_str().trim();
        let words = text.split_whitespace().count();
        let restates = !SET.find(text).is_empty() && words <= 5;
        if restates || words < 2 {
            out.at(li.pos, "the legitimate interest is not specific")
                .label("names no specific interest")
                .help("say what the interest is, e.g. `Asiakassuhteen ylläpitäminen ja vastaavien palvelujen markkinointi nykyisille asiakkaille`");
        }
    }
}
