//! `missing-updated`: the notice has no date.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::source::Pos;

/// The rule.
pub static RULE: Rule = Rule {
    name: "missing-updated",
    articles: &["Art 12(1)", "Art 5(2)", "WP260 rev.01"],
    severity: Severity::Warning,
    section: Section::Updated,
    summary: "the register has no `updated` date",
    explanation: r#"## What it checks
That the register has `updated`, the date the notice was last reviewed (YYYY-MM-DD).

## Why
A notice must be kept up to date (WP260 rev.01: changes are to be communicated, and
notices reviewed); the date shows the reader how current it is, and lets seloste warn when it
is stale. It is rendered as *Päivitetty* at the end of the notice and as the `lastmod` of the
Markdown front matter.

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
    if cx.register.updated.is_none() {
        out.at(Pos::START, "the register has no `updated` date")
            .help("add `updated: YYYY-MM-DD`, the date the notice was last reviewed");
    }
}
