//! `missing-transfers`: transfers outside the EU/EEA neither listed nor stated `none`.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::ListOrNone;
use crate::source::Pos;

/// The rule.
pub static RULE: Rule = Rule {
    name: "missing-transfers",
    articles: &["Art 13(1)(f)", "Art 14(1)(f)"],
    severity: Severity::Error,
    section: Section::Transfers,
    summary: "transfers outside the EU/EEA are neither listed nor stated to be none",
    explanation: r#"## What it checks
That `transfers` is either a non-empty list or the word `none` — in the mapping form
`{items: …, stored_in: …, note: …}`, that `items` or `stored_in` is given. `stored_in: eu`
("Tiedot tallennetaan EU:n alueella") is a statement about where the data are kept and answers
the question; a `note` alone does not.

## Why
Art 13(1)(f) and 14(1)(f) require telling the person whether the controller intends to
transfer the data to a third country or an international organisation, and on what ground.
Cloud services, e-mail and analytics often do; a notice must say either which transfers take
place or that there are none. Silence is not the same as "none".

## Example
```yaml
transfers: none
# or
transfers:
  - recipient: Esimerkki Cloud Inc.
    country: US
    mechanism: standard_contractual_clauses
    document: Jäljennöksen vakiolausekkeista saa tietosuojavastaavalta.
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    if !cx.applies.transfers_missing {
        return;
    }
    match &cx.register.transfers {
        None => {
            out.at(Pos::START, "the register does not say whether data are transferred outside the EU/EEA (`transfers`)")
                .help("list the transfers, or write `transfers: none`");
        }
        Some(t) => match t.value.items(t.pos) {
            None => {
                out.at(t.pos, if t.value.note().is_some() {
                    "`transfers` has a note but does not say whether data are transferred outside the EU/EEA"
                } else {
                    "`transfers` is an empty mapping: it does not say whether data are transferred outside the EU/EEA"
                })
                    .label("no `items` or `stored_in`")
                    .help("add `items:` with the transfers, `items: none`, or `stored_in: eu` if the data are kept in the EU");
            }
            Some(i) if matches!(i.value, ListOrNone::List(v) if v.is_empty()) => {
                out.at(i.pos, "`transfers` is an empty list")
                    .help("list the transfers, or write `transfers: none` to say there are none");
            }
            _ => {}
        },
    }
}
