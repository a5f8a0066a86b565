//! `dissolved-controller`: the controller named is a public body that no longer exists.

use crate::applicability::Section;
use crate::data::{self, DissolvedBody};
use crate::diagnostic::Severity;
use crate::lint::{Findings, ProjectContext, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    name: "dissolved-controller",
    articles: &["Art 13(1)(a)", "Art 14(1)(a)"],
    severity: Severity::Error,
    section: Section::Controller,
    summary: "the controller is a Finnish public body that no longer exists",
    explanation: r#"## What it checks
The controller's `name` and `business_id` in `seloste.yaml` against seloste's dated table of
Finnish public bodies that have been dissolved or merged (`data/dissolved_bodies.yaml`):

| Bodies | Ended | Tasks now with |
|---|---|---|
| the social and health care joint municipal authorities (Keusote, Eksote, Siun sote, Kymsote, Soite, Essote, Kainuun sote, Päijät-Hämeen hyvinvointikuntayhtymä) | 1.1.2023 | the wellbeing services county of the region |
| the hospital districts other than HUS | 1.1.2023 | the wellbeing services county of the region |
| Valvira and the six regional state administrative agencies (AVI) | 1.1.2026 | Lupa- ja valvontavirasto |
| the ELY centres | 1.1.2026 | the regional elinvoimakeskus (environmental permits: Lupa- ja valvontavirasto) |

A name matches when it contains the body's official name, whatever the dashes and spacing
("Keski-Uudenmaan sote –kuntayhtymä (Keusote)"), unless it also names the successor. A short
name matches as the whole name, and only where no successor kept it: "Keusote", "Siun sote",
"Kymsote" and "Soite" are names of wellbeing services counties today, "Valvira", "Essote" and
"PSHP" are not.
HUS is not in the table: HUS-yhtymä continues.

`outdated-term` reports Valvira and the AVIs wherever else a text names them (a complaint
address, a recipient); it leaves the controller's name to this rule.

## Why
Art 13(1)(a) and 14(1)(a) require the identity of the controller. A notice in the name of a
body that no longer exists does not tell people who is responsible for their data or where to
send a request: the successor is the controller now, and the notice must name it.

## Example
```yaml
# Reported:
controller:
  name: Keski-Uudenmaan sote -kuntayhtymä (Keusote)
# Current:
controller:
  name: Keski-Uudenmaan hyvinvointialue (Keusote)
```
"#,
    project: Some(check),
    register: None,
    text: None,
};

fn date(d: chrono::NaiveDate) -> String {
    d.format("%-d.%-m.%Y").to_string()
}

fn report(body: &DissolvedBody, what: String, at: crate::source::Pos, out: &mut Findings) {
    let successor = match &body.successor_business_id {
        Some(id) => format!("{} (Y-tunnus {id})", body.successor),
        None => body.successor.clone(),
    };
    let short = if body.short_names.is_empty() {
        String::new()
    } else {
        format!(" ({})", body.short_names.join(", "))
    };
    // "the controller “Valvira…” is Valvira…" says nothing: name the body only when the
    // controller's name is another one of its names.
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let given = key(what.split('“').nth(1).unwrap_or(""));
    let own = key(&format!("{}{short}", body.name));
    let what = if given == own || given == key(&body.name) {
        format!("{what} no longer exists")
    } else {
        format!("{what} is {}{short}, which no longer exists", body.name)
    };
    let finding = out
        .at(
            at,
            format!(
                "{what}: its tasks passed to {successor} on {}",
                date(body.ended)
            ),
        )
        .label("dissolved")
        .help(format!(
            "name the controller that processes the data now, {successor}, and its contact details"
        ));
    if let Some(note) = &body.note {
        finding.help(note.clone());
    }
    if !body.verified {
        finding.help(format!(
            "seloste's table entry could not be confirmed from its source on {}: check {}",
            date(body.checked),
            body.source
        ));
    }
}

fn check(cx: &ProjectContext<'_>, out: &mut Findings) {
    let Some(c) = cx.project.controller() else {
        return;
    };
    let by_name = c.value.name.as_ref().and_then(|n| {
        data::dissolved_body_named(n.value.as_str())
            .filter(|b| cx.today >= b.ended)
            .map(|b| (b, n))
    });
    if let Some((body, name)) = by_name {
        report(
            body,
            format!("the controller “{}”", name.value.as_str().trim()),
            name.pos,
            out,
        );
        return;
    }
    let by_id = c.value.business_id.as_ref().and_then(|id| {
        data::dissolved_body_with_id(&id.value)
            .filter(|b| cx.today >= b.ended)
            .map(|b| (b, id))
    });
    if let Some((body, id)) = by_id {
        report(
            body,
            format!("the controller's business ID {}", id.value.trim()),
            id.pos,
            out,
        );
    }
}
