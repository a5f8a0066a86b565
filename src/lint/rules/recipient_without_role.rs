//! `recipient-without-role`: a recipient whose role (processor, joint controller, third party,
//! authority) is not stated.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::nonblank;

/// The rule.
pub static RULE: Rule = Rule {
    name: "recipient-without-role",
    articles: &["Art 13(1)(e)", "Art 14(1)(e)", "Art 26(2)", "WP260 rev.01"],
    severity: Severity::Warning,
    section: Section::Recipients,
    summary: "a recipient does not say whether it acts for the controller or on its own account",
    explanation: r#"## What it checks
That every named entry of `recipients` has a `role` (`processor`, `joint_controller`,
`controller`, `third_party`, `private_person` or `authority`). An entry with no name is `incomplete-recipient`.

## Why
Art 13(1)(e) and 14(1)(e) require the recipients or their categories, not their role: a
notice that names the recipient has given what the article asks, so this is a warning, not
an error. But the role tells the person whether the recipient acts for the controller (a
processor, Art 28), decides jointly with it (Art 26, whose essence the person is entitled to
see, Art 26(2)) or uses the data for its own purposes (a third party or an authority), and
so whom to turn to. If the entry is the data subject themselves (say, "the party to the
call" who asks for their own recording), it is not a recipient at all: leave it out of
`recipients` and say it under access.

## Example
Fails:
```yaml
recipients:
  - name: Posti Oy
    purpose: Pakettien kuljetus
```
Passes:
```yaml
recipients:
  - name: Posti Oy
    role: third_party
    purpose: Pakettien kuljetus
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for r in cx.register.recipients() {
        // A nameless entry is incomplete-recipient's error; one finding at a place is enough.
        if r.role.is_none() && nonblank(&r.name).is_some() {
            out.at(
                r.pos,
                "a recipient does not say in what role it receives the data",
            )
            .label("no `role`")
            .help("add `role:` processor, joint_controller, controller, third_party, private_person or authority");
        }
    }
}
