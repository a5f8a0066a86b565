//! `invalid-business-id`: a Y-tunnus that fails its check digit.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::identifiers::{BusinessIdError, check_business_id};
use crate::lint::{Findings, ProjectContext, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    name: "invalid-business-id",
    articles: &["Art 13(1)(a)", "Finnish practice: Y-tunnus"],
    severity: Severity::Error,
    section: Section::Controller,
    summary: "the controller's business ID (Y-tunnus) is malformed or fails its check digit",
    explanation: r#"## What it checks
That `controller.business_id` has the form `NNNNNNN-C` and that its check digit is right:
the seven digits are weighted 7, 9, 10, 5, 8, 4, 2; r is the sum modulo 11; the check digit
is 0 when r is 0, and 11 − r otherwise; no ID is issued when r is 1.

## Why
The business ID identifies the controller beyond doubt (Art 13(1)(a): the *identity* of the
controller); a typo in it points the reader to another company or to none. The check digit
catches nearly every single-digit typo and swapped pair.

## Example
```yaml
controller:
  business_id: 2466255-1
```
"#,
    project: Some(check),
    register: None,
    text: None,
};

fn check(cx: &ProjectContext<'_>, out: &mut Findings) {
    let Some(id) = cx.project.controller().and_then(|c| c.business_id.as_ref()) else {
        return;
    };
    match check_business_id(&id.value) {
        Ok(()) => {}
        Err(BusinessIdError::Format) => {
            out.at(
                id.pos,
                format!(
                    "`{}` is not a business ID of the form NNNNNNN-C",
                    id.value.trim()
                ),
            )
            .help("write the seven digits, a hyphen and the check digit, e.g. `1234567-1`");
        }
        Err(BusinessIdError::NeverIssued) => {
            out.at(
                id.pos,
                format!(
                    "`{}` cannot be a business ID: no check digit exists for these seven digits",
                    id.value.trim()
                ),
            )
            .help("check the digits against the Business Information System (ytj.fi)");
        }
        Err(BusinessIdError::CheckDigit { expected }) => {
            out.at(
                id.pos,
                format!(
                    "the check digit of `{}` is wrong: these seven digits call for {expected}",
                    id.value.trim()
                ),
            )
            .label("check digit mismatch")
            .help("check the ID against the Business Information System (ytj.fi)");
        }
    }
}
