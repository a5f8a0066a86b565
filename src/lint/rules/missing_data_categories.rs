//! `missing-data-categories`: the register does not list the personal data it holds.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::nonblank;
use crate::source::Pos;

/// The rule.
pub static RULE: Rule = Rule {
    name: "missing-data-categories",
    articles: &["Art 14(1)(d)", "Art 13(2)(e)"],
    severity: Severity::Error,
    section: Section::PersonalData,
    summary: "the register lists no categories of personal data, or a category without a name",
    explanation: r#"## What it checks
That `personal_data` lists at least one category, each with a `category` name.

## Why
When data are obtained from someone other than the person, Art 14(1)(d) requires "the
categories of personal data concerned": the person cannot otherwise know what is held about
them. When data are collected from the person (Art 13), the list is where seloste records
whether providing each kind of data is required (13(2)(e)), and Finnish notices have always
listed it (*Rekisterin tietosisältö*). Special categories (Art 9) can only be declared there.

## Example
```yaml
personal_data:
  - category: Nimi ja yhteystiedot
    provision: contractual
    consequence: Ilman yhteystietoja emme voi toimittaa tilausta.
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    let r = cx.register;
    let art14 = cx.applies.art14;
    let why = if art14 {
        "data obtained from other sources require the categories of personal data (Art 14(1)(d))"
    } else {
        "list the data held, with whether providing them is required (Art 13(2)(e))"
    };
    match &r.personal_data {
        None => {
            out.at(
                Pos::START,
                "the register lists no categories of personal data (`personal_data`)",
            )
            .help(why);
        }
        Some(list) if list.value.is_empty() => {
            out.at(list.pos, "`personal_data` is empty").help(why);
        }
        Some(_) => {
            for d in r.personal_data() {
                if nonblank(&d.category).is_none() {
                    out.at(d.pos, "a data category has no `category` name")
                        .label("unnamed category")
                        .help("name the category, e.g. `category: Nimi ja yhteystiedot`");
                }
            }
        }
    }
}
