//! `provision-for-unprovided-data`: a 13(2)(e) statement on data the person does not provide.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::nonblank;

/// The rule.
pub static RULE: Rule = Rule {
    name: "provision-for-unprovided-data",
    articles: &["Art 13(2)(e)"],
    severity: Severity::Warning,
    section: Section::Provision,
    summary: "a statement whether providing data is required, on data the person does not provide",
    explanation: r#"## What it checks
That an entry of `personal_data` that is `obtained: observed` (page views, camera images, call
metadata) or `obtained: derived` (a location inferred from an IP address) has no `provision`
or `consequence`, and that a register-level `provision` holds for at least one listed
category, i.e. that some category is collected from the person and provided by them.

## Why
Art 13(2)(e) asks the notice to say "whether the data subject is obliged to provide the
personal data and of the possible consequences of failure to provide such data". Data the
person does not provide — observed by the controller (collected from the person, Art 13
applies: WP260 rev.01 para 26) or derived by it — cannot be "provided" or withheld: a
statement such as "giving these data is voluntary" about camera images tells the person
something false. The notice leaves such a statement out; this warning asks you either to
remove it, or to correct `obtained` if the person does in fact give these data.

## Example
```yaml
personal_data:
  - category: Kameratallenteet
    obtained: observed              # no provision: the person does not provide them
  - category: Nimi ja yhteystiedot
    provision: contract_precondition
    consequence: Ilman yhteystietoja emme voi toimittaa tilausta.
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    let r = cx.register;
    for (d, a) in r.personal_data().iter().zip(&cx.applies.categories) {
        if !a.provision_inapplicable {
            continue;
        }
        let at = d
            .provision
            .as_ref()
            .map(|p| p.pos)
            .or_else(|| nonblank(&d.consequence).map(|c| c.pos))
            .unwrap_or(d.pos);
        out.at(
            at,
            format!(
                "`obtained: {}` data are not provided by the person, so whether providing them is required (Art 13(2)(e)) cannot apply",
                a.obtained.name()
            ),
        )
        .label("left out of the notice")
        .help("remove `provision` and `consequence`, or drop `obtained` if the person gives these data");
    }
    if cx.applies.register_provision_inapplicable
        && let Some(p) = &r.provision
    {
        out.at(
            p.pos,
            "the register's `provision` holds for no category: none is collected from the person and provided by them",
        )
        .label("left out of the notice")
        .help("remove the register's `provision` and `consequence`, or correct `obtained`/`collection` of the categories the person gives");
    }
}
