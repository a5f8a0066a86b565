//! `special-category-marketing`: a direct-marketing purpose uses special-category data
//! without explicit consent.

use crate::applicability::Section;
use crate::applicability::marketing::SpecialMarketing;
use crate::diagnostic::Severity;
use crate::lint::text::quote;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::nonblank;

/// The rule.
pub static RULE: Rule = Rule {
    name: "special-category-marketing",
    articles: &["Art 9(1)", "Art 9(2)(a)", "Art 21(2)"],
    severity: Severity::Error,
    section: Section::Purposes,
    summary: "a direct-marketing purpose uses special-category data (e.g. health) without explicit consent",
    explanation: r#"## What it checks
A purpose marked `direct_marketing: true` that lists the data it uses (`personal_data: [id,
…]`) and names among them a special category (`special_category:`) for which the register
does not have explicit consent: the category's `condition` is not `explicit_consent`, or the
purpose does not rest on `consent` alone.

When the marketing purpose does not say which data it uses, the rule cannot tell;
`marketing-data-unstated` warns instead.

## Why
Processing special categories of data — health above all — is prohibited (Art 9(1)) unless a
condition of Art 9(2) applies. The conditions a health-care provider or a pharmacy rests on
(9(2)(h) health care, 9(2)(b) employment, 9(2)(g) public interest) allow the care, not
marketing: the only condition that can reach direct marketing is the person's explicit
consent (9(2)(a)). Consent to receive a newsletter is not explicit consent to have one's
health data used to target it. The notice saying it does so is a statement contrary to the
GDPR, so this is an error.

## Example
```yaml
personal_data:
  - category: Yhteystiedot
    id: yhteystiedot
  - category: Lääkitystiedot
    id: laakitys
    special_category: health
    condition: health_care
purposes:
  # Error: health data used for marketing on health-care grounds.
  - description: Tarjoukset asiakkaan lääkityksen perusteella
    legal_basis: legitimate_interests
    legitimate_interest: Asiakkaille kohdennetut tarjoukset
    direct_marketing: true
    personal_data: [yhteystiedot, laakitys]
  # Lawful: marketing from contact details only.
  - description: Uutiskirje
    legal_basis: consent
    direct_marketing: true
    personal_data: [yhteystiedot]
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    let data = cx.register.personal_data();
    for (p, a) in cx.register.purposes().iter().zip(&cx.applies.purposes) {
        let Some(SpecialMarketing::Uses(used)) = &a.special_marketing else {
            continue;
        };
        let Some(ids) = &p.personal_data else {
            continue;
        };
        for &c in used {
            let Some(d) = data.get(c) else { continue };
            // The id in the purpose's list that names the category.
            let at =
                d.id.as_ref()
                    .and_then(|id| ids.value.iter().find(|i| i.as_str() == id.as_str()))
                    .map_or(ids.pos, |i| i.pos);
            let name = nonblank(&d.category).map_or_else(
                || "special-category data".to_string(),
                |t| format!("“{}”", quote(t.value.as_str())),
            );
            let kind = d
                .special_category
                .as_ref()
                .map(|s| s.value.describe())
                .unwrap_or_default();
            out.at(
                at,
                format!("direct marketing uses {name} ({kind}) without explicit consent"),
            )
            .label("special-category data in marketing")
            .help("use only other data for marketing (leave this id out), or rest both on explicit consent: `condition: explicit_consent` on the category and `legal_basis: consent` on the purpose (Art 9(2)(a))");
        }
    }
}
