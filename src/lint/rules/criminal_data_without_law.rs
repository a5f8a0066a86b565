//! `criminal-data-without-law`: Art 10 data without the law that authorises them.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::nonblank;

/// The rule.
pub static RULE: Rule = Rule {
    name: "criminal-data-without-law",
    articles: &["Art 10", "tietosuojalaki (1050/2018) 7 §"],
    severity: Severity::Warning,
    section: Section::PersonalData,
    summary: "data on criminal convictions or offences without the law that allows them",
    explanation: r#"## What it checks
That an entry of `personal_data` with `criminal_data: true` names the law in `law`.

## Why
Art 10 allows processing data relating to criminal convictions and offences only under the
control of official authority or when authorised by Union or Member State law; in Finland
tietosuojalaki (1050/2018) 7 § lists the cases. The transparency guidelines ask the notice to
name that law.

## Example
```yaml
  - category: Rikostaustaote
    criminal_data: true
    law: Laki lasten kanssa työskentelevien rikostaustan selvittämisestä (504/2002)
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for d in cx.register.personal_data() {
        if let Some(c) = &d.criminal_data
            && c.value
            && nonblank(&d.law).is_none()
        {
            out.at(
                c.pos,
                "data on criminal convictions or offences without the law that allows them",
            )
            .help("add `law:` naming the act (see tietosuojalaki (1050/2018) 7 §)");
        }
    }
}
