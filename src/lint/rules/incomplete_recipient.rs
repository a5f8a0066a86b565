//! `incomplete-recipient`: a recipient without a name. (A recipient without a role is
//! `recipient-without-role`, a warning.)

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::nonblank;

/// The rule.
pub static RULE: Rule = Rule {
    name: "incomplete-recipient",
    articles: &["Art 13(1)(e)", "Art 14(1)(e)", "WP260 rev.01"],
    severity: Severity::Error,
    section: Section::Recipients,
    summary: "a recipient has no name",
    explanation: r#"## What it checks
That every entry of `recipients` has a `name`: the recipient, or a category of recipients.
(An entry without a `role` is reported by `recipient-without-role`, a warning.)

## Why
Art 13(1)(e) and 14(1)(e) require the recipients or categories of recipients, and the
guidelines on transparency (WP260) read them as requiring recipients to be named by default;
where only categories are given they must be specific (sector, activity, location). An entry
with no name tells the person nothing.

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
        if nonblank(&r.name).is_none() {
            out.at(r.pos, "a recipient has no `name`")
                .label("unnamed recipient")
                .help(NAME_HELP);
        }
    }
}

const NAME_HELP: &str =
    "name the recipient, or a specific category such as `Pankit ja maksunvälittäjät`";
