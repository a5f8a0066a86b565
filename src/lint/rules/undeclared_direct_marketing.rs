//! `undeclared-direct-marketing`: a marketing purpose not flagged as direct marketing.

use std::sync::LazyLock;

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::text::{Phrase, PhraseSet, locate, negated, quote};
use crate::lint::{Findings, RegisterContext, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    name: "undeclared-direct-marketing",
    articles: &["Art 21(2)", "Art 21(3)", "Art 21(4)"],
    severity: Severity::Warning,
    section: Section::Purposes,
    summary: "a purpose speaks of marketing but is not marked `direct_marketing: true`",
    explanation: r#"## What it checks
That a purpose whose description speaks of marketing (*markkinointi*, *suoramarkkinointi*,
*mainonta*, *uutiskirje*, *marketing*, *newsletter* …) is marked `direct_marketing: true`, or
says the opposite explicitly with `direct_marketing: false`. A word the description denies —
a negation before it in its clause, as in *evästeillä ei kerätä tietoja mainontaan* or *ei
myydä eikä käytetä markkinointiin* — does not count.

## Why
The person may object to processing for direct marketing at any time, and the controller must
then stop (Art 21(2)–(3)) — whatever the legal basis. Art 21(4) requires this right to be
brought explicitly to the person's attention, clearly and separately from other information.
seloste shows the right prominently only for purposes marked as direct marketing.

## Example
```yaml
purposes:
  - description: Suoramarkkinointi nykyisille asiakkaille
    legal_basis: legitimate_interests
    legitimate_interest: Tarjota asiakkaille tietoa vastaavista palveluista
    direct_marketing: true
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

static MARKETING: &[Phrase] = &[
    Phrase {
        pattern: "markkinoin*",
        note: "",
    },
    Phrase {
        pattern: "suoramarkkinoin*",
        note: "",
    },
    Phrase {
        pattern: "suoramainon*",
        note: "",
    },
    Phrase {
        pattern: "mainon*",
        note: "",
    },
    Phrase {
        pattern: "uutiskirje*",
        note: "",
    },
    Phrase {
        pattern: "markkinointiviesti*",
        note: "",
    },
    Phrase {
        pattern: "marketing",
        note: "",
    },
    Phrase {
        pattern: "newsletter*",
        note: "",
    },
];

static SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(MARKETING));

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for p in cx.register.purposes() {
        if p.direct_marketing.is_some() {
            continue;
        }
        let Some(d) = &p.description else { continue };
        let value = d.value.as_str();
        // "ei kerätä tietoja mainontaan" speaks of marketing only to deny it.
        if let Some(m) = SET
            .find(value)
            .into_iter()
            .find(|m| !negated(value, m.range.clone()))
        {
            let pos = locate(cx.source_at(d.pos), d.pos, value, m.range.clone());
            out.at(pos, format!("this purpose speaks of “{}” but is not marked as direct marketing", quote(&value[m.range.clone()])))
                .label("no `direct_marketing`")
                .help("add `direct_marketing: true` so the absolute right to object (Art 21(2)) is shown separately; or `direct_marketing: false` if it is not direct marketing");
        }
    }
}
