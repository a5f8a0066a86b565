//! `invalid-email`: an e-mail address that cannot be right.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::identifiers::is_valid_email;
use crate::lint::{Findings, ProjectContext, RegisterContext, Rule};
use crate::model::{Contact, Emails, Spanned};

/// The rule.
pub static RULE: Rule = Rule {
    name: "invalid-email",
    articles: &["Art 13(1)(a)", "Art 13(1)(b)", "Art 12(2)"],
    severity: Severity::Error,
    section: Section::Located,
    summary: "an e-mail address is malformed",
    explanation: r#"## What it checks
Every `email` field — of the controller, the contact person, the DPO, the representative, the
supervisory authority override, and a register's own contact, every entry of a list
(`email: [{label: kirjaamo, address: …}, …]`) at its own line — for the shape of an address:
one `@`, a local part without spaces, and a domain with at least two labels such as
`esimerkki.fi`.

## Why
The contact details of the controller and the DPO are required information (Art 13(1)(a),
(b)); the controller must facilitate the exercise of rights (12(2)). An address with a typo
sends requests nowhere. Names like `tietosuoja(at)esimerkki.fi` also fail: write a real
address; seloste renders it as a link.

## Example
```yaml
contact:
  email: tietosuoja@esimerkki.fi
```
"#,
    project: Some(check_project),
    register: Some(check_register),
    text: None,
};

/// Every address of a contact, each where it stands.
fn emails(out: &mut Findings, e: &Option<Spanned<Emails>>) {
    for c in crate::model::channels::entries(e) {
        email(out, &Some(c.value.clone()));
    }
}

fn email(out: &mut Findings, e: &Option<Spanned<String>>) {
    if let Some(e) = e
        && !is_valid_email(&e.value)
    {
        let v = e.value.trim();
        if v.is_empty() {
            out.at(e.pos, "an e-mail address is blank")
                .label("no address")
                .help("write the address, or leave the entry out");
        } else {
            out.at(e.pos, format!("`{v}` is not a valid e-mail address"))
                .help(help(v));
        }
    }
}

/// Help for a malformed address: spell out the fix for the common anti-spam spellings.
fn help(v: &str) -> String {
    for at in ["(at)", "[at]", "(a)", " at "] {
        if let Some((local, domain)) = v.split_once(at) {
            let fixed = format!("{}@{}", local.trim(), domain.trim());
            if is_valid_email(&fixed) {
                return format!(
                    "write `{fixed}`: seloste renders the address as a link, and people copy it as written"
                );
            }
        }
    }
    if v.contains(char::is_whitespace) {
        return "an e-mail address has no spaces: write it as name@domain.fi".to_string();
    }
    "write the address as name@domain.fi".to_string()
}

fn contact(out: &mut Findings, c: Option<&Contact>) {
    if let Some(c) = c {
        emails(out, &c.email);
    }
}

fn check_project(cx: &ProjectContext<'_>, out: &mut Findings) {
    let p = &cx.project.config;
    if let Some(c) = &p.controller {
        emails(out, &c.email);
    }
    for c in p.contact.iter().flat_map(|c| c.value.items()) {
        contact(out, Some(c));
    }
    contact(out, cx.project.dpo());
    contact(out, p.representative.as_ref().map(|c| &c.value));
    if let Some(s) = &p.supervisory_authority {
        email(out, &s.email);
    }
}

fn check_register(cx: &RegisterContext<'_>, out: &mut Findings) {
    for c in cx.register.contact.iter().flat_map(|c| c.value.items()) {
        contact(out, Some(c));
    }
}
