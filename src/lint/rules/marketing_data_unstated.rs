//! `marketing-data-unstated`: a register with special-category data does not say which data
//! its direct marketing uses.

use crate::applicability::Section;
use crate::applicability::marketing::SpecialMarketing;
use crate::diagnostic::Severity;
use crate::lint::text::quote;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::nonblank;

/// The rule.
pub static RULE: Rule = Rule {
    name: "marketing-data-unstated",
    articles: &["Art 9(1)", "Art 9(2)(a)", "Art 13(1)(c)", "Art 21(2)"],
    severity: Severity::Warning,
    section: Section::Purposes,
    summary: "a register holds special-category data and has direct marketing, but does not say which data the marketing uses",
    explanation: r#"## What it checks
A purpose marked `direct_marketing: true` that does not list the data it uses
(`personal_data: [id, …]`), in a register that holds a special category (`special_category:`)
without explicit consent for it (its `condition` is not `explicit_consent`, or the marketing
purpose does not rest on `consent` alone). A special category limited to groups of data
subjects the marketing does not concern is left out.

When the purpose does list its data, `special-category-marketing` reports it if a special
category is among them, and nothing is reported if none is.

## Why
Health data and the other special categories may be used for direct marketing only with the
person's explicit consent (Art 9(1), 9(2)(a)); the conditions that allow the care itself do
not reach marketing. A pharmacy or a clinic that markets to its customers may do so lawfully
from their contact details alone — but a notice that lists health data and a marketing
purpose side by side, without saying which data the marketing uses, leaves the reader unable
to tell whether their medication is used to target offers (Art 13(1)(c): the purposes of the
processing "for which the personal data are intended"). This is a warning, not an error: the
notice does not say the special data are used, only fails to say they are not.

## Example
```yaml
purposes:
  - description: Uutiskirje ja tarjoukset
    legal_basis: consent
    direct_marketing: true
    personal_data: [yhteystiedot]   # says: contact details only
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    let data = cx.register.personal_data();
    for (p, a) in cx.register.purposes().iter().zip(&cx.applies.purposes) {
        let Some(SpecialMarketing::MayUse(special)) = &a.special_marketing else {
            continue;
        };
        let Some(flag) = &p.direct_marketing else {
            continue;
        };
        let names: Vec<String> = special
            .iter()
            .filter_map(|&c| data.get(c))
            .filter_map(|d| nonblank(&d.category))
            .map(|t| format!("“{}”", quote(t.value.as_str())))
            .collect();
        let which = if names.is_empty() {
            "special-category data".to_string()
        } else {
            format!("special-category data ({})", names.join(", "))
        };
        out.at(
            flag.pos,
            format!("the register holds {which}, and this direct-marketing purpose does not say which data it uses"),
        )
        .label("which data does the marketing use?")
        .help("list the categories the marketing uses with `personal_data: [id, …]` on the purpose; if special-category data are among them, they need explicit consent (Art 9(2)(a))");
    }
}
