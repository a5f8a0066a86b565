//! `missing-provision-statement`: Art 13 data without saying whether they must be given.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::Provision;

/// The rule.
pub static RULE: Rule = Rule {
    name: "missing-provision-statement",
    articles: &["Art 13(2)(e)"],
    severity: Severity::Error,
    section: Section::Provision,
    summary: "data collected from the person without saying whether providing them is required and what follows if not",
    explanation: r#"## What it checks
For each entry of `personal_data` collected from the person and provided by them — the
register's `collection` is `data_subject` or `both`, unless the entry says otherwise in its own
`collection`, and the entry is not `obtained: observed` or `derived` — that a `provision`
(`statutory`, `contractual`, `contract_precondition` or `voluntary`) holds for it: its own, or
the register's `provision` for all data the person provides. Required data (all but
`voluntary`) must also say in `consequence` what follows if they are not given.

Observed data (page views, camera images) and data the controller derives are not provided by
the person, so this statement cannot apply to them and is not asked for.

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
  - category: Sivujen katselutiedot
    obtained: observed              # not provided: no statement
```

or once for the whole register:

```yaml
provision: contractual
consequence: Ilman tietoja emme voi hoitaa jäsenyyttäsi.
personal_data:
  - category: Nimi ja yhteystiedot
  - category: Valokuva
    provision: voluntary            # its own statement
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    let r = cx.register;
    // A register-level provision without a consequence is reported once, not per category.
    let mut reported = Vec::new();
    // Applicability says which categories need the statement, and which statement holds.
    for (d, a) in r
        .personal_data()
        .iter()
        .zip(&cx.applies.categories)
        .filter(|(_, a)| a.provision_required)
    {
        match a.provision {
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
            Some(s)
                if s.provision != Provision::Voluntary
                    && s.consequence_by.is_none()
                    && !reported.contains(&s.at) =>
            {
                reported.push(s.at);
                out.at(
                    s.at,
                    format!(
                        "`provision: {}` without the `consequence` of not providing the data",
                        s.provision.name()
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
