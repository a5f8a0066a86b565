//! `stale-notice`: the notice has not been reviewed within the staleness limit.

use chrono::Months;

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    name: "stale-notice",
    articles: &["Art 5(2)", "Art 24(1)", "WP260 rev.01"],
    severity: Severity::Warning,
    section: Section::Updated,
    summary: "the notice was last updated longer ago than the staleness limit (default 12 months)",
    explanation: r#"## What it checks
That `updated` is within `settings.staleness_months` (default 12) of today.

## Why
Processing changes: new processors, new systems, new law (the Finnish Personal Data Act was
repealed in 2018, the patient-document decree in 2022, the client-data act replaced in 2023,
Valvira merged into Lupa- ja valvontavirasto in 2026). The controller must review its
measures "where necessary" (Art 24(1)) and be able to show compliance (5(2)); WP260 asks for
notices to be kept current. A yearly review date is the common practice that this rule
enforces. Set the limit in `seloste.yaml`:

```yaml
settings:
  staleness_months: 24
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    let Some(u) = &cx.register.updated else {
        return;
    };
    let months = cx.project.staleness_months;
    let Some(limit) = cx.today.checked_sub_months(Months::new(months)) else {
        return;
    };
    if u.value.0 < limit {
        let age = cx.today.signed_duration_since(u.value.0).num_days() / 30;
        out.at(u.pos, format!("the notice was last updated on {}, about {age} months ago (the limit is {months} months)", u.value.0.format("%-d.%-m.%Y")))
            .label("stale")
            .help("review the notice against current processing and law, then set `updated` to the review date");
    }
}
