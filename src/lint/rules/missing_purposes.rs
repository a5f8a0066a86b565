//! `missing-purposes`: no purposes of processing.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::nonblank;
use crate::source::Pos;

/// The rule.
pub static RULE: Rule = Rule {
    name: "missing-purposes",
    articles: &["Art 13(1)(c)", "Art 14(1)(c)", "Art 5(1)(b)"],
    severity: Severity::Error,
    section: Section::Purposes,
    summary: "the register states no purpose of processing, or a purpose without a description",
    explanation: r#"## What it checks
That `purposes` lists at least one purpose and that each has a `description`.

## Why
The purposes of the processing are the first thing Art 13(1)(c) and 14(1)(c) require, and
every other item hangs on them: the legal basis is given per purpose, the rights follow from
the bases, and data may only be used for the purposes stated (purpose limitation, 5(1)(b)).

## Example
```yaml
purposes:
  - description: Asiakassuhteen hoitaminen ja laskutus
    legal_basis: contract
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    let r = cx.register;
    match &r.purposes {
        None => {
            out.at(Pos::START, "the register states no purposes of processing")
                .help("add `purposes:` with a `description` and a `legal_basis` for each purpose");
        }
        Some(list) if list.value.is_empty() => {
            out.at(list.pos, "`purposes` is empty")
                .help("list each purpose with a `description` and a `legal_basis`");
        }
        Some(_) => {
            for p in r.purposes() {
                if nonblank(&p.description).is_none() {
                    out.at(p.pos, "a purpose has no `description`")
                        .label("purpose without a description")
                        .help("say what the data are used for, e.g. `description: Laskutus`");
                }
            }
        }
    }
}
