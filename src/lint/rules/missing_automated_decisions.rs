//! `missing-automated-decisions`: automated decision-making neither listed nor stated `none`.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::ListOrNone;
use crate::source::Pos;

/// The rule.
pub static RULE: Rule = Rule {
    name: "missing-automated-decisions",
    articles: &["Art 13(2)(f)", "Art 14(2)(g)", "Art 22"],
    severity: Severity::Warning,
    section: Section::AutomatedDecisions,
    summary: "the register does not say whether automated decision-making or profiling takes place",
    explanation: r#"## What it checks
That `automated_decisions` is either a non-empty list or the word `none`.

## Why
Art 13(2)(f) and 14(2)(g) require informing the person of the existence of automated
decision-making, including profiling, referred to in Art 22(1) and (4), with meaningful
information about the logic involved and its significance and consequences. The law asks
only where such decisions exist; good practice, and the reader's peace of mind, is to say
`none` explicitly. Hence a warning rather than an error.

## Example
```yaml
automated_decisions: none
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    match &cx.register.automated_decisions {
        None => {
            out.at(Pos::START, "the register does not say whether automated decisions or profiling take place (`automated_decisions`)")
                .help("write `automated_decisions: none`, or list them with their logic and consequences");
        }
        Some(a) if matches!(&a.value, ListOrNone::List(v) if v.is_empty()) => {
            out.at(a.pos, "`automated_decisions` is an empty list")
                .help("write `automated_decisions: none` to say there are none");
        }
        Some(_) => {}
    }
}
