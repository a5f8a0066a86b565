//! `hedged-recipients`: "tietoja ei luovuteta säännönmukaisesti" instead of the recipients.

use std::sync::LazyLock;

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::text::{Phrase, PhraseSet, locate, quote};
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::RecipientItems;

/// The rule.
pub static RULE: Rule = Rule {
    name: "hedged-recipients",
    articles: &["Art 13(1)(e)", "Art 14(1)(e)"],
    severity: Severity::Error,
    section: Section::Recipients,
    summary: "the notice says data are \"not disclosed regularly\" instead of naming the recipients",
    explanation: r#"## What it checks
That `recipients` is not `not_regularly` ("Tietoja ei luovuteta säännönmukaisesti"), in the
short form or as `items:` of the mapping form, and that the section's `note` does not say it
in words.

## Why
"Säännönmukaiset luovutukset" was an item of the register description under the Personal
Data Act (523/1999), repealed by the Data Protection Act (1050/2018). Art 13(1)(e) and
14(1)(e) ask for "the recipients or categories of recipients of the personal data, if any":
occasional recipients are recipients too. "Not regularly" says that someone does receive the
data, without saying who. Name them — e.g. the authorities that receive data on request and
the law that entitles them — or, if no one does, say `none`.

## Example
```yaml
# Hedged:
recipients: not_regularly
# Says who:
recipients:
  - name: Poliisi ja muut viranomaiset pyynnöstä
    role: authority
    purpose: Rikosten selvittäminen
    law: Poliisilaki (872/2011) 4 luku 3 §
```
"#,
    project: None,
    register: Some(check),
};

/// The hedge in words, as a note may put it. Only the negated forms: "säännönmukaiset
/// luovutukset: Kela" lists a recipient and is no hedge.
static HEDGES: &[Phrase] = &[
    Phrase {
        pattern: "ei luovuteta säännönmukaisesti",
        note: "not disclosed regularly",
    },
    Phrase {
        pattern: "ei säännönmukaisesti luovuteta",
        note: "not disclosed regularly",
    },
    Phrase {
        pattern: "ei luovuteta muille säännönmukaisesti",
        note: "not disclosed regularly",
    },
];

static SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(HEDGES));

const HELP: &str = "name the occasional recipients too, e.g. authorities that receive data on request, with the law (`role: authority`, `law:`); or write `none` if no one receives the data";

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    let Some(r) = &cx.register.recipients else {
        return;
    };
    if let Some(i) = r.value.items(r.pos)
        && matches!(i.value, RecipientItems::NotRegularly)
    {
        out.at(
            i.pos,
            "“not disclosed regularly” does not say who receives the data",
        )
        .label("names no recipient")
        .help(HELP);
    }
    if let Some(note) = r.value.note() {
        let value = note.value.as_str();
        for m in SET.find(value) {
            let pos = locate(cx.source, note.pos, value, m.range.clone());
            out.at(
                pos,
                format!(
                    "“{}” ({}) does not say who receives the data",
                    quote(&value[m.range.clone()]),
                    m.phrase.note
                ),
            )
            .label("names no recipient")
            .help(HELP);
        }
    }
}
