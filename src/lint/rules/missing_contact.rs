//! `missing-contact`: no contact person for data-protection matters.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, ProjectContext, Rule};
use crate::model::channels::any_given;
use crate::source::Pos;

/// The rule.
pub static RULE: Rule = Rule {
    name: "missing-contact",
    articles: &[
        "Art 12(2)",
        "Finnish practice: Rekisteriasioista vastaava / yhteyshenkilö",
    ],
    severity: Severity::Warning,
    section: Section::Contact,
    summary: "no contact person for data-protection matters is named",
    explanation: r#"## What it checks
That `seloste.yaml` names a `contact`: the person or function that answers data-protection
questions and requests (a register may name its own). A designated DPO with an e-mail address
or phone number is enough: the notice then directs requests to the DPO.

## Why
The controller must facilitate the exercise of rights (Art 12(2)). Finnish notices have always
named a contact person (*yhteyshenkilö rekisteriä koskevissa asioissa*), and the rendered
notice tells people to send their requests there. Without one, requests go to a general
address and get lost.

## Example
```yaml
contact:
  name: Asiakaspalvelu
  email: tietosuoja@esimerkki.fi
  phone: 09 123 4567
```
"#,
    project: Some(check),
    register: None,
    text: None,
};

fn check(cx: &ProjectContext<'_>, out: &mut Findings) {
    // A DPO that can be reached is the contact point the rendered notice names instead.
    let dpo_reachable = cx
        .project
        .dpo()
        .is_some_and(|d| any_given(&d.email) || any_given(&d.phone));
    if cx.project.config.contact.is_none() && !dpo_reachable {
        out.at(
            Pos::START,
            "seloste.yaml names no contact person for data-protection matters (`contact`)",
        )
        .help("add `contact:` with a name (or function), `email` and `phone`");
    }
}
