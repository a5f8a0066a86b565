//! `invalid-phone`: a phone number that cannot be dialled.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::identifiers::{PhoneError, check_phone};
use crate::lint::{Findings, ProjectContext, RegisterContext, Rule};
use crate::model::{Contact, Phones, Spanned};

/// The rule.
pub static RULE: Rule = Rule {
    name: "invalid-phone",
    articles: &["Art 13(1)(a)", "Art 13(1)(b)", "Art 12(2)"],
    severity: Severity::Error,
    section: Section::Located,
    summary: "a phone number is malformed",
    explanation: r#"## What it checks
Every `phone` field, every entry of a list (`phone: [{label: vaihde, number: …}, …]`) at its
own line, for a number that can be dialled: the Finnish national form with its
leading 0 (`029 566 6700`, `(09) 123 4567`) or the international form (`+358 29 566 6700`,
at most 15 digits). Spaces, hyphens and brackets are fine; words such as "puh." are not.

## Why
Contact details are required information (Art 13(1)(a), (b)), and a person must be able to
use them (12(2)). A number without its area code, or with a letter in it, cannot be called.

## Example
```yaml
controller:
  phone: 03 880 700
```
"#,
    project: Some(check_project),
    register: Some(check_register),
    text: None,
};

/// Every number of a contact, each where it stands.
fn phones(out: &mut Findings, p: &Option<Spanned<Phones>>) {
    for c in crate::model::channels::entries(p) {
        phone(out, &Some(c.value.clone()));
    }
}

fn phone(out: &mut Findings, p: &Option<Spanned<String>>) {
    let Some(p) = p else { return };
    let v = p.value.trim();
    let (what, help) = match check_phone(v) {
        Ok(()) => return,
        Err(PhoneError::Characters) => (
            "holds characters other than digits and separators",
            match bare_number(v) {
                Some(n) => format!("write only the number: `{n}`"),
                None => "write only the number, with its area code, e.g. `09 123 4567`".to_string(),
            },
        ),
        Err(PhoneError::NoPrefix) => (
            "has no area code or country code",
            "start a Finnish number with 0 (e.g. `03 880 700`) or use `+358 3 880 700`".to_string(),
        ),
        Err(PhoneError::Length) if after_country_code(v).is_some_and(|n| n.starts_with('0')) => (
            "keeps the leading 0 of the area code after +358",
            match without_trunk_zero(v) {
                Some(n) => format!("after +358 leave out the leading 0: `{n}`"),
                None => {
                    "after +358 leave out the leading 0, e.g. `+358 9 123 4567` for `09 123 4567`"
                        .to_string()
                }
            },
        ),
        Err(PhoneError::Length) => (
            "has too few or too many digits",
            "check the number; after +358 leave out the leading 0".to_string(),
        ),
    };
    out.at(p.pos, format!("the phone number `{v}` {what}"))
        .help(help);
}

/// The digits after `+358`, if the number is written in the Finnish international form.
fn after_country_code(v: &str) -> Option<String> {
    let digits: String = v.chars().filter(char::is_ascii_digit).collect();
    v.starts_with('+')
        .then(|| digits.strip_prefix("358").map(str::to_string))
        .flatten()
}

/// `+358 017 …` or `+358 (0)17 …` without the national trunk 0, if that leaves a valid number.
fn without_trunk_zero(v: &str) -> Option<String> {
    let rest = v.strip_prefix("+358")?.trim_start();
    let rest = rest
        .strip_prefix("(0)")
        .or_else(|| rest.strip_prefix('0'))?
        .trim_start();
    let n = format!("+358 {rest}");
    check_phone(&n).is_ok().then_some(n)
}

/// The number without words around it ("puh. 09 123 4567", "09 123 4567 (vaihde)"), if that
/// leaves a valid number.
fn bare_number(v: &str) -> Option<&str> {
    let start = v.find(|c: char| c.is_ascii_digit() || c == '+' || c == '(')?;
    let end = v.rfind(|c: char| c.is_ascii_digit())? + 1;
    let n = v.get(start..end)?.trim();
    check_phone(n).is_ok().then_some(n)
}

fn contact(out: &mut Findings, c: Option<&Contact>) {
    if let Some(c) = c {
        phones(out, &c.phone);
    }
}

fn check_project(cx: &ProjectContext<'_>, out: &mut Findings) {
    let p = &cx.project.config;
    if let Some(c) = &p.controller {
        phones(out, &c.phone);
    }
    for c in p.contact.iter().flat_map(|c| c.value.items()) {
        contact(out, Some(c));
    }
    contact(out, cx.project.dpo());
    contact(out, p.representative.as_ref().map(|c| &c.value));
    if let Some(s) = &p.supervisory_authority {
        phone(out, &s.phone);
    }
}

fn check_register(cx: &RegisterContext<'_>, out: &mut Findings) {
    for c in cx.register.contact.iter().flat_map(|c| c.value.items()) {
        contact(out, Some(c));
    }
}
