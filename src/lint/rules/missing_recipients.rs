//! `missing-recipients`: recipients neither listed nor stated `none`.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::RecipientItems;
use crate::source::Pos;

/// The rule.
pub static RULE: Rule = Rule {
    name: "missing-recipients",
    articles: &["Art 13(1)(e)", "Art 14(1)(e)"],
    severity: Severity::Error,
    section: Section::Recipients,
    summary: "recipients are neither listed nor stated to be none",
    explanation: r#"## What it checks
That `recipients` is either a non-empty list or the word `none` — in the mapping form
`{items: …, note: …}`, that `items` is given. A `note` alone ("Tietoja ei luovuteta
suoramarkkinointiin") says who does *not* receive the data, not who does. The hedged
`not_regularly` is reported by `hedged-recipients` instead.

## Why
Art 13(1)(e) and 14(1)(e) require "the recipients or categories of recipients of the personal
data, if any". Processors count as recipients: the IT supplier, the payroll service and the
cloud platform are all recipients. A notice that is silent leaves the reader not knowing
whether no one receives the data or whether the notice forgot; seloste therefore asks for an
explicit `none`. WP260 adds that recipients should be named, and categories used only when
they are specific.

## Example
```yaml
recipients:
  - name: Tilitoimisto Esimerkki Oy
    role: processor
    purpose: Kirjanpito ja palkanlaskenta
# or, when truly no one receives the data:
recipients: none
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    if !cx.applies.recipients_missing {
        return;
    }
    match &cx.register.recipients {
        None => {
            out.at(
                Pos::START,
                "the register does not say who receives the data (`recipients`)",
            )
            .help("list the recipients (processors count) or write `recipients: none`");
        }
        Some(r) => match r.value.items(r.pos) {
            None => {
                out.at(
                    r.pos,
                    if r.value.note().is_some() {
                        "`recipients` has a note but does not say who receives the data"
                    } else {
                        "`recipients` is an empty mapping: it does not say who receives the data"
                    },
                )
                .label("no `items`")
                .help("add `items:` with the recipients, or `items: none` to say there are none");
            }
            Some(i) if matches!(i.value, RecipientItems::List(v) if v.is_empty()) => {
                out.at(i.pos, "`recipients` is an empty list")
                    .help("list the recipients, or write `recipients: none` to say there are none");
            }
            Some(_) => {}
        },
    }
}
