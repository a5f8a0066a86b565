//! `missing-retention`: no storage period.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::source::Pos;

/// The rule.
pub static RULE: Rule = Rule {
    name: "missing-retention",
    articles: &["Art 13(2)(a)", "Art 14(2)(a)", "Art 5(1)(e)"],
    severity: Severity::Error,
    section: Section::Retention,
    summary: "the register does not say how long data are kept",
    explanation: r#"## What it checks
That `retention` lists at least one storage period.

## Why
Art 13(2)(a) and 14(2)(a) require "the period for which the personal data will be stored, or
if that is not possible, the criteria used to determine that period". Storage limitation
(5(1)(e)) is one of the principles; a notice that is silent on it is incomplete.

## Example
```yaml
retention:
  - data: Asiakastiedot
    period: 2 years
    from: asiakassuhteen päättyminen
  - data: Kirjanpitoaineisto
    period: 6 years
    from: tilikauden päättyminen
    law: Kirjanpitolaki (1336/1997) 2 luku 10 §
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    match &cx.register.retention {
        None => {
            out.at(
                Pos::START,
                "the register does not say how long data are kept (`retention`)",
            )
            .help("add `retention:` with a `period` (or `criteria`) for each kind of data");
        }
        Some(r) if r.value.is_empty() => {
            out.at(r.pos, "`retention` is empty")
                .help("give a `period` (or `criteria`) for each kind of data");
        }
        Some(_) => {}
    }
}
