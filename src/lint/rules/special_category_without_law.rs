//! `special-category-without-law`: an Art 9(2) condition that rests on a law not named.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::nonblank;

/// The rule.
pub static RULE: Rule = Rule {
    name: "special-category-without-law",
    articles: &[
        "Art 9(2)(b)",
        "Art 9(2)(g)-(j)",
        "tietosuojalaki (1050/2018) 6 §",
    ],
    severity: Severity::Warning,
    section: Section::PersonalData,
    summary: "a special-category condition that rests on national law does not name the law",
    explanation: r#"## What it checks
That a special category whose `condition` is `employment` (9(2)(b)),
`substantial_public_interest` (g), `health_care` (h), `public_health` (i) or `research` (j)
names the law in `law` — its own, or the register's `law`, the act the whole register rests on
(a patient register naming the client data act once names the law its health data are
processed under).

## Why
These conditions apply only "on the basis of Union or Member State law". In Finland the
national rules are in tietosuojalaki (1050/2018) 6 § and in sector acts (e.g. laki potilaan
asemasta ja oikeuksista 785/1992, asiakastietolaki 703/2023, työelämän tietosuojalaki
759/2004). The transparency guidelines ask the notice to name the law where a condition
rests on one.

## Example
```yaml
  - category: Terveystiedot
    special_category: health
    condition: health_care
    law: Laki potilaan asemasta ja oikeuksista (785/1992)
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for d in cx.register.personal_data() {
        if d.special_category.is_none() {
            continue;
        }
        if let Some(c) = &d.condition
            && c.value.needs_law()
            && nonblank(&d.law).is_none()
            && nonblank(&cx.register.law).is_none()
        {
            out.at(c.pos, format!("condition `{}` ({}) rests on national law, which is not named", c.value.name(), c.value.article()))
                .help("add `law:` (on the category, or once for the register) with the act and its number, e.g. `Laki potilaan asemasta ja oikeuksista (785/1992)`");
        }
    }
}
