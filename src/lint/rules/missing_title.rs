//! `missing-title`: the register has no name.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::nonblank;
use crate::source::Pos;

/// The rule.
pub static RULE: Rule = Rule {
    name: "missing-title",
    articles: &["Art 12(1)", "Finnish practice: Rekisterin nimi"],
    severity: Severity::Error,
    section: Section::Head,
    summary: "the register has no title",
    explanation: r#"## What it checks
That the register file has a non-empty `title`.

## Why
The title names the processing activity. It heads the notice, the contents list of the
index page and the browser tab; Finnish notices have always opened with *Rekisterin nimi*.
Without it a reader cannot tell which of the controller's notices is in front of them
(Art 12(1): information in a concise, transparent and intelligible form).

## Example
```yaml
title: Asiakasrekisteri
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    match &cx.register.title {
        None => {
            out.at(Pos::START, "the register has no `title`")
                .help("add e.g. `title: Asiakasrekisteri`");
        }
        Some(t) if nonblank(&cx.register.title).is_none() => {
            out.at(t.pos, "the register's `title` is empty")
                .help("name the register, e.g. `title: Asiakasrekisteri`");
        }
        Some(_) => {}
    }
}
