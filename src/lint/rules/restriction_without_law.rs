//! `restriction-without-law`: a right restricted without the law that allows it.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::nonblank;

/// The rule.
pub static RULE: Rule = Rule {
    name: "restriction-without-law",
    articles: &["Art 23", "tietosuojalaki (1050/2018) 31–34 §"],
    severity: Severity::Error,
    section: Section::Rights,
    summary: "a right is restricted without naming the law that allows the restriction",
    explanation: r#"## What it checks
That every `restriction` under `rights` comes with `law`, the legislative measure it rests on.

## Why
Rights can only be restricted by Union or Member State law (Art 23) — in Finland e.g.
tietosuojalaki (1050/2018) 31–34 § for research, archiving and some authorities, or the
sector acts. A notice that says "the right does not apply" without the law silently drops a
right; seloste lets a notice restrict a right only with its ground stated.

## Example
```yaml
rights:
  access:
    restriction: Oikeus saada pääsy tietoihin ei koske tutkimusaineistoa, jos se estäisi tutkimuksen.
    law: Tietosuojalaki (1050/2018) 31 §
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    let Some(rights) = &cx.register.rights else {
        return;
    };
    let notes = [
        (&rights.access, "the right of access (Art 15)"),
        (&rights.rectification, "the right to rectification (Art 16)"),
        (&rights.erasure, "the right to erasure (Art 17)"),
        (
            &rights.restriction,
            "the right to restriction of processing (Art 18)",
        ),
        (
            &rights.notification,
            "the notification of rectification, erasure or restriction to the recipients (Art 19)",
        ),
        (
            &rights.portability,
            "the right to data portability (Art 20)",
        ),
        (&rights.objection, "the right to object (Art 21)"),
        (
            &rights.automated_decisions,
            "the right not to be subject to an automated decision (Art 22)",
        ),
        (
            &rights.withdraw_consent,
            "the right to withdraw consent (Art 7(3))",
        ),
        (&rights.complaint, "the right to lodge a complaint (Art 77)"),
    ];
    for (note, right) in notes {
        let Some(note) = note else { continue };
        if let Some(r) = nonblank(&note.restriction)
            && nonblank(&note.law).is_none()
        {
            out.at(
                r.pos,
                format!("{right} is restricted without the law that allows it"),
            )
            .label("no `law`")
            .help("add `law:` naming the act and section, e.g. `Tietosuojalaki (1050/2018) 31 §`");
        }
    }
}
