//! `legitimate-interests-by-public-authority`: a public authority relying on 6(1)(f).

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::LegalBasis;

/// The rule.
pub static RULE: Rule = Rule {
    name: "legitimate-interests-by-public-authority",
    articles: &["Art 6(1) second subparagraph", "Art 6(1)(e)", "Art 6(3)"],
    severity: Severity::Error,
    section: Section::Purposes,
    summary: "a public authority rests a purpose on legitimate interests",
    explanation: r#"## What it checks
When `controller.public_authority` is `true` in `seloste.yaml`, that no purpose rests on
`legitimate_interests`.

## Why
The last subparagraph of Art 6(1) says point (f) "shall not apply to processing carried out by
public authorities in the performance of their tasks". A municipality, a wellbeing services
county or a state agency processes on a legal obligation (6(1)(c)) or a public task (6(1)(e)),
laid down by law (6(3)); in Finland, tietosuojalaki (1050/2018) 4 § points to these.

If a purpose of an authority truly lies outside its public tasks (rare), set
`legitimate-interests-by-public-authority: allow` for the project and say why in the notice.

## Example
```yaml
purposes:
  - description: Asiakaspuheluiden tallentaminen
    legal_basis: public_task
    law: Laki sosiaali- ja terveydenhuollon asiakastietojen käsittelystä (703/2023)
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    if !cx.project.is_public_authority() {
        return;
    }
    for p in cx.register.purposes() {
        if p.bases().contains(&LegalBasis::LegitimateInterests) {
            let pos = p.legal_basis.as_ref().map_or(p.pos, |b| b.pos);
            out.at(
                pos,
                "a public authority cannot rest its tasks on legitimate interests",
            )
            .label("6(1)(f) is not available to public authorities")
            .help("use `legal_obligation` or `public_task` and name the law in `law:`");
        }
    }
}
