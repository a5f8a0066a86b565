//! `missing-law-reference`: a legal obligation or public task without the law behind it.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::LegalBasis;

/// The rule.
pub static RULE: Rule = Rule {
    name: "missing-law-reference",
    articles: &["Art 6(3)", "Art 13(1)(c)", "WP260 rev.01"],
    severity: Severity::Warning,
    section: Section::Purposes,
    summary: "a purpose rests on a legal obligation or public task but does not name the law",
    explanation: r#"## What it checks
That every purpose whose basis is `legal_obligation` or `public_task` (alone, in a list, or
among the alternatives of `either`) names the law in `law` — its own, or the register's `law`,
which covers every purpose that names none.

## Why
Art 6(3) requires the basis of processing under 6(1)(c) and (e) to be laid down by Union or
Member State law. Naming the act (with its number) lets the person see what obliges the
controller, and which rights are therefore limited (no erasure under 17(3)(b)). "Lain
perusteella" without the act tells the reader nothing.

## Example
```yaml
purposes:
  - description: Kirjanpito
    legal_basis: legal_obligation
    law: Kirjanpitolaki (1336/1997)
```
```yaml
# One act for the whole register, given once:
law: Laki sosiaali- ja terveydenhuollon asiakastietojen käsittelystä (703/2023)
purposes:
  - description: Potilasasiakirjojen laatiminen ja säilyttäminen
    legal_basis: legal_obligation
  - description: Hoidon järjestäminen
    legal_basis: public_task
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for (p, a) in cx.register.purposes().iter().zip(&cx.applies.purposes) {
        if !a.law_required || a.law_given {
            continue;
        }
        let Some(basis) = p
            .bases()
            .iter()
            .find(|b| matches!(b, LegalBasis::LegalObligation | LegalBasis::PublicTask))
        else {
            continue;
        };
        let pos = p.legal_basis.as_ref().map_or(p.pos, |b| b.pos);
        out.at(
            pos,
            format!("`{}` without the law it rests on", basis.name()),
        )
        .label("no `law` given")
        .help("add `law:` with the act and its number, e.g. `Kirjanpitolaki (1336/1997)`");
    }
}
