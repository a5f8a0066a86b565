//! `updated-in-future`: the `updated` date has not come yet.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    name: "updated-in-future",
    articles: &["Art 5(1)(a)", "Art 12(1)"],
    severity: Severity::Error,
    section: Section::Updated,
    summary: "the `updated` date is in the future",
    explanation: r#"## What it checks
That `updated` is not later than today.

## Why
A notice dated in the future states something untrue about itself (transparency, 5(1)(a)),
and usually means a typo in the year or a date set in advance of changes not yet in force.
If the notice describes processing that starts later, publish it when it starts, or say so in
the text (Art 13(3) asks for information *before* further processing begins).

## Example
```yaml
updated: 2026-01-15
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    if let Some(u) = &cx.register.updated
        && u.value.0 > cx.today
    {
        out.at(
            u.pos,
            format!(
                "`updated` is {}, after today ({})",
                u.value.0.format("%-d.%-m.%Y"),
                cx.today.format("%-d.%-m.%Y")
            ),
        )
        .label("in the future")
        .help("use the date the notice was actually last reviewed");
    }
}
