//! `missing-provision-statement`: Art 13 data without saying whether they must be given.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::{Provision, nonblank};

/// The rule.
pub static RULE: Rule = Rule {
    name: "missing-provision-statement",
    articles: &["Art 13(2)(e)"],
    severity: Severity::Error,
    section: Section::Provision,
    summary: "data collected from the person without saying whether providing them is required and what follows if not",
    explanation: r#"## What it checks
For each entry of `personal_data` collected from the person — the register's `collection`
is `data_subject` or `both`, unless the entry says otherwise in its own `collection` — that it
has `provision` (`statutory`, `contractual`, `contract_precondition` or `voluntary`), and that
required data (all but `voluntary`) say in `consequence` what follows if they are not given.

## Why
Art 13(2)(e) requires telling the person "whether the provision of personal data is a
statutory or contractual requirement, or a requirement necessary to enter into a contract,
as well as whether the data subject is obliged to provide the personal data and of the
possible consequences of failure to provide such data". Almost no Finnish notice says this;
it is what lets a person decide what to give.

## Example
```yaml
personal_data:
  - category: Nimi ja osoite
    provision: contract_precondition
    consequence: Ilman osoitetta emme voi toimittaa tilausta.
  - category: Syntymäpäivä
    provision: voluntary
```
"#,
    project: None,
    register: Some(check),
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    let r = cx.register;
    // Data a category obtains elsewhere need no 13(2)(e) statement, whatever the register says.
    for (d, _) in r
        .personal_data()
        .iter()
        .zip(&cx.applies.categories)
        .filter(|(_, a)| a.art13)
    {
        match &d.provision {
            None => {
                out.at(
                    d.pos,
                    "no `provision`: is giving these data required, and by what?",
                )
                .label("no `provision`")
                .help(
                    "add `provision:` statutory, contractual, contract_precondition or voluntary",
                );
            }
            Some(p) if p.value != Provision::Voluntary && nonblank(&d.consequence).is_none() => {
                out.at(
                    p.pos,
                    format!(
                        "`provision: {}` without the `consequence` of not providing the data",
                        p.value.name()
                    ),
                )
                .help(
                    "add `consequence:`, e.g. `Ilman yhteystietoja emme voi toimittaa tilausta.`",
                );
            }
            Some(_) => {}
        }
    }
}
