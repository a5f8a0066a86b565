//! `single-contact-channel`: only one way to reach the controller.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, ProjectContext, RegisterContext, Rule};
use crate::model::{Contact, Controller, nonblank};
use crate::source::Pos;

/// The rule.
pub static RULE: Rule = Rule {
    name: "single-contact-channel",
    articles: &["Art 12(2)", "WP260 rev.01"],
    severity: Severity::Warning,
    section: Section::Located,
    summary: "the controller and contact person can be reached through one channel only",
    explanation: r#"## What it checks
That the controller and the contact person together offer at least two kinds of channel:
e-mail, phone, postal address.

## Why
The transparency guidelines (WP260 rev.01) read the controller's contact details as allowing
different forms of communication — a phone number, an e-mail address, a postal address — and
Art 12(2) requires facilitating the exercise of rights. A single e-mail address excludes
those who do not use e-mail, and fails when the mailbox is not watched.

## Example
```yaml
controller:
  address: PL 100, 00100 Helsinki
  email: tietosuoja@esimerkki.fi
  phone: 09 123 4567
```
"#,
    project: Some(check_project),
    register: Some(check_register),
    text: None,
};

/// Which kinds of channel (e-mail, phone, post) are offered.
fn channels(controller: Option<&Controller>, contacts: &[Contact]) -> [bool; 3] {
    use crate::model::channels::any_given;
    let mut k = [false; 3];
    if let Some(c) = controller {
        k[0] |= any_given(&c.email);
        k[1] |= any_given(&c.phone);
        k[2] |= nonblank(&c.address).is_some();
    }
    for c in contacts {
        k[0] |= any_given(&c.email);
        k[1] |= any_given(&c.phone);
        k[2] |= nonblank(&c.address).is_some();
    }
    k
}

const CHANNELS: [&str; 3] = ["e-mail", "phone", "postal address"];

/// The one channel offered, if exactly one is.
fn single(k: [bool; 3]) -> Option<usize> {
    let mut on = k.iter().enumerate().filter(|(_, b)| **b).map(|(i, _)| i);
    match (on.next(), on.next()) {
        (Some(i), None) => Some(i),
        _ => None,
    }
}

/// "add a phone number or a postal address as well", naming the channels missing.
fn help(only: usize) -> String {
    let missing: Vec<&str> = (0..3)
        .filter(|i| *i != only)
        .map(|i| match i {
            0 => "an e-mail address",
            1 => "a phone number",
            _ => "a postal address",
        })
        .collect();
    format!("add {} or {} as well", missing[0], missing[1])
}

fn check_project(cx: &ProjectContext<'_>, out: &mut Findings) {
    let p = &cx.project.config;
    let controller = p.controller.as_ref().map(|c| &c.value);
    let contacts = p.contact.as_ref().map(|c| c.value.items()).unwrap_or(&[]);
    // No channel at all is `missing-controller-details`.
    if let Some(only) = single(channels(controller, contacts)) {
        let pos = p.controller.as_ref().map_or(Pos::START, |c| c.pos);
        out.at(
            pos,
            format!(
                "the controller and its contact person can be reached by {} only",
                CHANNELS[only]
            ),
        )
        .label(format!("{} only", CHANNELS[only]))
        .help(help(only));
    }
}

fn check_register(cx: &RegisterContext<'_>, out: &mut Findings) {
    // Only a register with its own contact person can change the answer.
    let Some(own) = &cx.register.contact else {
        return;
    };
    let controller = cx.project.config.controller.as_ref().map(|c| &c.value);
    if let Some(only) = single(channels(controller, own.value.items())) {
        out.at(
            own.pos,
            format!(
                "the controller and this register's contact person can be reached by {} only",
                CHANNELS[only]
            ),
        )
        .label(format!("{} only", CHANNELS[only]))
        .help(help(only));
    }
}
