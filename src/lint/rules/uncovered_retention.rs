//! `uncovered-retention`: a data category no storage period covers.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::text::quote;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::nonblank;

/// The rule.
pub static RULE: Rule = Rule {
    name: "uncovered-retention",
    articles: &[
        "Art 13(2)(a)",
        "Art 14(2)(a)",
        "Art 5(1)(e)",
        "WP260 rev.01",
    ],
    severity: Severity::Warning,
    section: Section::Retention,
    summary: "a data category is covered by no storage period",
    explanation: r#"## What it checks
That every entry of `personal_data` is covered by some entry of `retention`. How an entry
covers the data:
- with `personal_data: [id, …]` it covers exactly the categories it names;
- without ids, an entry whose `data` is a category's name, or holds category names as whole
  words ("Nimi ja yhteystiedot sekä laskutustiedot"), covers those categories;
- any other entry — no `data`, `data` that begins with *muut* or *kaikki*, or `data` that names
  none of the categories ("Asiakastiedot", "Henkilötiedot") — covers every category. Words
  cannot tell whether "Asiakastiedot" means all of the data, so the rule does not guess; tie
  the entry with ids to be exact.

A period limited to some groups of data subjects (`data_subjects:`) covers a category only for
those groups. The finding stands at the category. With no `retention` at all,
`missing-retention` reports it instead.

## Why
Art 13(2)(a) and 14(2)(a) require the storage period of the personal data — all of them, not
of one kind. The transparency guidelines (WP260 rev.01) add that where periods differ they are
given per category of data or purpose, so that the person can work out how long their own
data are kept. A notice that says how long invoices are kept (the Accounting Act) and nothing
about the customer's contact details has said nothing about most of the data.

## Example
```yaml
personal_data:
  - category: Nimi ja yhteystiedot
    id: yhteystiedot
  - category: Laskutustiedot
    id: laskut
retention:
  # Only the invoices: the contact details are not covered.
  - data: Laskutustiedot
    period: 6 years
    law: Kirjanpitolaki (1336/1997) 2 luku 10 §
  # Covered:
  - personal_data: [yhteystiedot]
    period: 2 years
    from: asiakassuhteen päättyminen
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    let data = cx.register.personal_data();
    for &c in &cx.applies.categories_without_retention {
        let Some(d) = data.get(c) else { continue };
        let (pos, name) = match nonblank(&d.category) {
            Some(t) => (t.pos, format!("“{}”", quote(t.value.as_str()))),
            None => (d.pos, "this category".to_string()),
        };
        let help = match &d.id {
            Some(id) => format!(
                "add a retention entry for it with `personal_data: [{}]`, or name it in an entry's `data`",
                id.as_str()
            ),
            None => "add a retention entry for it: give the category an `id` and the entry `personal_data: [id]`, or name it in the entry's `data`".to_string(),
        };
        out.at(pos, format!("no storage period covers {name}"))
            .label("no retention entry covers it")
            .help(help);
    }
}
