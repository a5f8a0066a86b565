//! `special-category-without-condition`: Art 9 data without the Art 9(2) condition.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    name: "special-category-without-condition",
    articles: &["Art 9(1)", "Art 9(2)", "Art 13(1)(c)"],
    severity: Severity::Error,
    section: Section::PersonalData,
    summary: "a special category of personal data has no Art 9(2) condition",
    explanation: r#"## What it checks
That every entry of `personal_data` with a `special_category` (health, biometric, …, a list
of them, or `any`) also states its `condition`: one of the exceptions of Art 9(2)(a)–(j).

## Why
Processing special categories is prohibited (Art 9(1)) unless one of the conditions of
Art 9(2) applies, in addition to an Art 6 basis. The transparency guidelines ask the notice
to name that condition, and the Finnish national exceptions (tietosuojalaki (1050/2018) 6 §)
rest on them. A health-care notice that lists health data without "9(2)(h)" leaves the
person unable to tell on what ground their patient records are kept.

## Example
```yaml
personal_data:
  - category: Terveystiedot
    special_category: health
    condition: health_care          # Art 9(2)(h)
    law: Laki potilaan asemasta ja oikeuksista (785/1992)
  - category: Lisätiedot
    description: Tiedot, jotka kerrot meille itse.
    special_category: any           # or a list: [health, genetic]
    condition: explicit_consent     # Art 9(2)(a)
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for (d, a) in cx
        .register
        .personal_data()
        .iter()
        .zip(&cx.applies.categories)
    {
        if let Some(sc) = &d.special_category
            && a.condition_missing
        {
            let what = match sc.value.items() {
                [] => "`any` special category without its".to_string(),
                [_] => format!("special category {} without its", sc.value.describe()),
                _ => format!("special categories {} without their", sc.value.describe()),
            };
            out.at(sc.pos, format!("{what} Art 9(2) condition"))
                .label("no `condition`")
                .help("add `condition:` — e.g. explicit_consent (9(2)(a)), employment (9(2)(b)), health_care (9(2)(h))");
        }
    }
}
