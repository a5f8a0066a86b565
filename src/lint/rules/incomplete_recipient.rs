//! `incomplete-recipient`: a recipient without a name or a role.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::nonblank;

/// The rule.
pub static RULE: Rule = Rule {
    name: "incomplete-recipient",
    articles: &["Art 13(1)(e)", "Art 14(1)(e)", "Art 26(2)", "WP260 rev.01"],
    severity: Severity::Error,
    section: Section::Recipients,
    summary: "a recipient has no name or no role",
    explanation: r#"## What it checks
That every entry of `recipients` has a `name` and a `role` (`processor`, `joint_controller`,
`third_party` or `authority`).

## Why
The guidelines on transparency (WP260) read Art 13(1)(e) as requiring recipients to be named
by default; where only categories are given they must be specific (sector, activity,
location). The role tells the person whether the recipient acts for the controller (a
processor, Art 28), decides jointly (Art 26, whose arrangement must be made available) or
uses the data for its own purposes (a third party or an authority).

## Example
```yaml
recipients:
  - name: Kela (Reseptikeskus)
    role: authority
    purpose: Sähköiset reseptit
    law: Laki sähköisestä lääkemääräyksestä (61/2007)
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for r in cx.register.recipients() {
        // One finding per recipient: both defects sit at the same place.
        match (nonblank(&r.name).is_some(), r.role.is_some()) {
            (true, true) => {}
            (false, true) => {
                out.at(r.pos, "a recipient has no `name`")
                    .label("unnamed recipient")
                    .help(NAME_HELP);
            }
            (true, false) => {
                out.at(r.pos, "a recipient has no `role`")
                    .label("no `role`")
                    .help(ROLE_HELP);
            }
            (false, false) => {
                out.at(r.pos, "a recipient has neither a `name` nor a `role`")
                    .help(NAME_HELP)
                    .help(ROLE_HELP);
            }
        }
    }
}

const NAME_HELP: &str =
    "name the recipient, or a specific category such as `Pankit ja maksunvälittäjät`";
const ROLE_HELP: &str = "add `role:` processor, joint_controller, third_party or authority";
