//! `public-authority-without-dpo`: a public authority that designates no DPO.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, ProjectContext, Rule};
use crate::model::NoneOr;

/// The rule.
pub static RULE: Rule = Rule {
    name: "public-authority-without-dpo",
    articles: &["Art 37(1)(a)", "Art 13(1)(b)"],
    severity: Severity::Error,
    section: Section::Dpo,
    summary: "a public authority designates no data protection officer",
    explanation: r#"## What it checks
When `controller.public_authority` is `true`, that `seloste.yaml` has a `dpo` (and not
`dpo: none`).

## Why
Art 37(1)(a) obliges every public authority or body (except courts acting in their judicial
capacity) to designate a data protection officer, and Art 13(1)(b) to give the DPO's contact
details in every notice. Municipalities, joint municipal authorities and wellbeing services
counties all have one.

## Example
```yaml
dpo:
  name: Tietosuojavastaava
  email: tietosuojavastaava@kunta.fi
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
    let Some(pa) = c.public_authority.as_ref().filter(|p| p.value) else {
        return;
    };
    match &cx.project.config.dpo {
        Some(d) if matches!(d.value, NoneOr::Some(_)) => {}
        Some(d) => {
            out.at(
                d.pos,
                "a public authority must designate a data protection officer",
            )
            .help("replace `dpo: none` with the DPO's contact details");
        }
        None => {
            out.at(
                pa.pos,
                "a public authority must designate a data protection officer, but `dpo` is missing",
            )
            .help("add `dpo:` with the DPO's contact details to seloste.yaml");
        }
    }
}
