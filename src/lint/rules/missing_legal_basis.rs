//! `missing-legal-basis`: a purpose without its legal basis.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    name: "missing-legal-basis",
    articles: &["Art 13(1)(c)", "Art 14(1)(c)", "Art 6(1)"],
    severity: Severity::Error,
    section: Section::Purposes,
    summary: "a purpose does not say its legal basis",
    explanation: r#"## What it checks
That every purpose has a `legal_basis`: one of `consent`, `contract`, `legal_obligation`,
`vital_interests`, `public_task` or `legitimate_interests` (Art 6(1)(a)–(f)), or a list of them.

## Why
Art 13(1)(c) and 14(1)(c) require the purposes *and* the legal basis for the processing, and
the transparency guidelines (WP260) ask for the basis per purpose, not one sentence listing
several bases for everything. The basis decides the person's rights: erasure does not apply
under a legal obligation, portability only under consent or contract, objection under a
public task or legitimate interests. A notice without bases cannot state the rights correctly.

## Example
```yaml
purposes:
  - description: Kirjanpito
    legal_basis: legal_obligation
    law: Kirjanpitolaki (1336/1997)
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for p in cx.register.purposes() {
        match &p.legal_basis {
            None => {
                out.at(p.pos, "this purpose has no `legal_basis`")
                    .label("purpose without a legal basis")
                    .help("add `legal_basis:` with one of consent, contract, legal_obligation, vital_interests, public_task, legitimate_interests");
            }
            Some(b) if b.value.items().is_empty() => {
                out.at(b.pos, "`legal_basis` is an empty list")
                    .help("give at least one legal basis");
            }
            Some(_) => {}
        }
    }
}
