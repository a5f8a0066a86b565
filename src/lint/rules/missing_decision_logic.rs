//! `missing-decision-logic`: automated decisions without logic or consequences.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::nonblank;

/// The rule.
pub static RULE: Rule = Rule {
    name: "missing-decision-logic",
    articles: &["Art 13(2)(f)", "Art 14(2)(g)", "Art 22"],
    severity: Severity::Error,
    section: Section::AutomatedDecisions,
    summary: "an automated decision does not explain its logic or its consequences",
    explanation: r#"## What it checks
That every entry of `automated_decisions` has a `description`, the `logic` involved, and its
`consequences` (significance and envisaged consequences for the person).

## Why
Where automated decision-making or profiling under Art 22 exists, Art 13(2)(f) and 14(2)(g)
require "meaningful information about the logic involved, as well as the significance and the
envisaged consequences of such processing for the data subject". Stating that decisions are
automated, without these, does not let the person understand or contest them.

## Example
```yaml
automated_decisions:
  - description: Luottopäätös verkkokaupan osamaksulle
    logic: Päätös perustuu luottotietoihin ja aiempaan maksuhistoriaan pisteytysmallilla.
    consequences: Kielteinen päätös estää osamaksun; voit pyytää käsittelijän arvion.
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for a in cx.register.automated_decisions() {
        let missing: Vec<(&str, &str)> = [
            (
                "description",
                &a.description,
                "say what is decided automatically",
            ),
            (
                "logic",
                &a.logic,
                "explain the logic: which data, and how they lead to the decision",
            ),
            (
                "consequences",
                &a.consequences,
                "explain the significance and envisaged consequences for the person",
            ),
        ]
        .into_iter()
        .filter(|(_, value, _)| nonblank(value).is_none())
        .map(|(field, _, help)| (field, help))
        .collect();
        if missing.is_empty() {
            continue;
        }
        // One finding per decision: the missing fields all belong to the same entry.
        let fields: Vec<String> = missing.iter().map(|(f, _)| format!("`{f}`")).collect();
        let finding = out.at(
            a.pos,
            format!("an automated decision has no {}", or_list(&fields)),
        );
        for (_, help) in missing {
            finding.help(help);
        }
    }
}

/// "`a`", "`a` or `b`", "`a`, `b` or `c`".
fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}
