//! `consent-for-necessary-cookie`: strictly necessary cookies said to rest on consent.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    name: "consent-for-necessary-cookie",
    articles: &[
        "Laki sähköisen viestinnän palveluista (917/2014) 205 §",
        "Art 4(11)",
        "Art 7(4)",
        "EDPB Guidelines 05/2020 on consent",
    ],
    severity: Severity::Warning,
    section: Section::Cookies,
    summary: "strictly necessary cookies are said to rest on consent, which the user cannot refuse",
    explanation: r#"## What it checks
Every entry of `cookies` whose `class` is `necessary`: its `legal_basis` should not be
`consent`.

## Why
Strictly necessary cookies — those without which the service the user asked for cannot be
provided — need no consent (laki sähköisen viestinnän palveluista 917/2014, 205 §,
implementing Directive 2002/58/EC Art 5(3)). Calling them consent-based misleads: consent
must be freely given (Art 4(11)), and consent the user cannot refuse without losing the
service is not (Art 7(4); EDPB Guidelines 05/2020 on consent, section 3.1). The notice would
also promise that the consent can be withdrawn (Art 7(3)) while the cookies stay. Either the
cookies are strictly necessary — then leave out `legal_basis: consent` and give the basis of
the processing of personal data, if any (e.g. `contract` or `legitimate_interests`) — or the
user can refuse them, and they belong to another class (`preferences`, `statistics`,
`marketing`) that does need consent.

## Example
```yaml
cookies:
  - class: necessary
    description: Istuntoeväste
    purpose: Kirjautuminen ja ostoskori
    duration: istunnon ajan      # no `legal_basis: consent`
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for (c, a) in cx.register.cookies().iter().zip(&cx.applies.cookies) {
        if !a.consent_for_necessary {
            continue;
        }
        let Some(b) = &c.legal_basis else { continue };
        out.at(
            b.pos,
            "strictly necessary cookies are said to rest on consent, but they need none, and consent the user cannot refuse is not freely given",
        )
        .label("consent for `necessary` cookies")
        .help("if the cookies are strictly necessary for the service the user asked for, remove `legal_basis: consent` (give `contract` or `legitimate_interests` if personal data are processed); if the user can refuse them, give the class they belong to");
    }
}
