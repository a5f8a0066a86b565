//! `missing-representative`: a controller outside the EU without its EU representative.

use crate::applicability::Section;
use crate::data;
use crate::diagnostic::Severity;
use crate::lint::{Findings, ProjectContext, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    name: "missing-representative",
    articles: &["Art 27", "Art 13(1)(a)", "Art 14(1)(a)"],
    severity: Severity::Error,
    section: Section::Controller,
    summary: "a controller established outside the EU/EEA names no representative in the Union",
    explanation: r#"## What it checks
When `controller.country` is outside the EU and the EEA, that `seloste.yaml` has a
`representative`.

## Why
A controller not established in the Union that offers goods or services to people in it, or
monitors their behaviour, must designate a representative in the Union (Art 27), and the
notice must give the representative's identity and contact details together with the
controller's (Art 13(1)(a), 14(1)(a)). The occasional-processing exemption of Art 27(2) is
narrow; if it applies, set this rule to `allow` and say so in the notice.

## Example
```yaml
controller:
  name: Example Ltd
  country: GB
representative:
  name: Esimerkki Edustaja Oy
  address: PL 1, 00100 Helsinki
  email: gdpr-edustaja@esimerkki.fi
```
"#,
    project: Some(check),
    register: None,
    text: None,
};

fn check(cx: &ProjectContext<'_>, out: &mut Findings) {
    let Some(c) = cx.project.controller() else {
        return;
    };
    let Some(country) = &c.country else { return };
    if !data::is_eea(country.value) && cx.project.config.representative.is_none() {
        let name = data::country(country.value).map_or(country.value.as_str(), |x| x.en.as_str());
        out.at(country.pos, format!("the controller is established outside the EU/EEA ({name}), but no `representative` in the Union is named"))
            .help("add `representative:` with the name and contact details of the representative in the Union");
    }
}
