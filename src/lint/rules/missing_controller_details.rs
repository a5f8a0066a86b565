//! `missing-controller-details`: the controller's identity or contact details are missing.

use crate::applicability::Section;
use crate::applicability::controller::ControllerApplicability;
use crate::diagnostic::Severity;
use crate::lint::{Findings, ProjectContext, Rule};
use crate::source::Pos;

/// The rule.
pub static RULE: Rule = Rule {
    name: "missing-controller-details",
    articles: &["Art 13(1)(a)", "Art 14(1)(a)"],
    severity: Severity::Error,
    section: Section::Controller,
    summary: "the controller's name or contact details are missing",
    explanation: r#"## What it checks
That `seloste.yaml` has a `controller` with a `name` and at least one way to reach it: a
postal `address`, an `email` or a `phone`.

## Why
The first item of Art 13(1)(a) and 14(1)(a) is "the identity and the contact details of the
controller". A notice that names a web shop's brand but not the company, or gives no address,
leaves the person unable to tell whom to hold responsible or where to send a request.

## Example
```yaml
controller:
  name: Esimerkki Oy
  business_id: 1234567-1
  address: PL 100, 00100 Helsinki
  email: tietosuoja@esimerkki.fi
  phone: 09 123 4567
```
"#,
    project: Some(check),
    register: None,
    text: None,
};

fn check(cx: &ProjectContext<'_>, out: &mut Findings) {
    let Some(c) = cx.project.controller() else {
        out.at(Pos::START, "seloste.yaml has no `controller`")
            .help("add `controller:` with `name`, `address`, `email` and `phone`");
        return;
    };
    // The draft's marker reads the same decision.
    let a = ControllerApplicability::of(cx.project);
    let (has_name, has_contact) = (!a.name_missing, !a.contact_missing);
    // One finding per controller block: both defects sit at the same place.
    match (has_name, has_contact) {
        (true, true) => {}
        (false, true) => {
            out.at(c.pos, "the controller has no `name`")
                .label("controller without a name")
                .help("give the controller's legal name, e.g. `name: Esimerkki Oy`");
        }
        (true, false) => {
            out.at(c.pos, "the controller has no contact details")
                .label("no address, e-mail or phone")
                .help("add at least one of `address`, `email` and `phone` (better: all three)");
        }
        (false, false) => {
            out.at(
                c.pos,
                "the controller has neither a `name` nor contact details",
            )
            .label("controller without name, address, e-mail or phone")
            .help("give the controller's legal name, e.g. `name: Esimerkki Oy`")
            .help("add at least one of `address`, `email` and `phone` (better: all three)");
        }
    }
}
