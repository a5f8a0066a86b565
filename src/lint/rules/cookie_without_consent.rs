//! `cookie-without-consent`: cookies that are not strictly necessary, on a basis other than consent.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    name: "cookie-without-consent",
    articles: &[
        "Laki sähköisen viestinnän palveluista (917/2014) 205 §",
        "Directive 2002/58/EC Art 5(3)",
        "Art 6(1)(a)",
    ],
    severity: Severity::Error,
    section: Section::Cookies,
    summary: "cookies that are not strictly necessary rest on a basis other than the user's consent",
    explanation: r#"## What it checks
Every entry of `cookies` whose `class` is `preferences`, `statistics` or `marketing`: its
`legal_basis` must be `consent`. A `necessary` class needs no consent, whatever basis it gives.
An entry without a `class` is reported too: without it, nothing tells whether the cookies are
strictly necessary or need consent.

## Why
Storing information on a user's terminal equipment, or reading it from there, is allowed only
with the user's consent, unless it is strictly necessary for providing a service the user has
explicitly asked for, or only for carrying a communication (laki sähköisen viestinnän
palveluista 917/2014, 205 §, implementing Directive 2002/58/EC Art 5(3)). Preference,
statistics and marketing cookies are not strictly necessary; Traficom and the Data
Protection Ombudsman read consent here as GDPR consent (Art 4(11), 7), given actively, not
through browser settings (Helsinki Administrative Court 2021). Legitimate interests
(6(1)(f)) cannot replace it. If a class truly is strictly necessary, say `class: necessary`:
a user-interface choice kept for the session or a few hours, such as the language the user
picked, is (Art 29 Working Party Opinion 04/2012, WP194); remembering it for months is not.

## Example
```yaml
cookies:
  - class: necessary
    description: Istuntoeväste
    purpose: Kirjautuminen ja ostoskori
    duration: istunnon ajan
  - class: statistics
    description: Google Analytics (_ga, _gid)
    purpose: Kävijämäärien ja sivujen käytön tilastointi
    legal_basis: consent        # not legitimate_interests
    duration: 13 kuukautta
    provider: Google Ireland Ltd
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for c in cx.register.cookies() {
        if c.class.is_none() {
            out.at(
                c.pos,
                "a cookie entry names no `class`, so nothing tells whether it needs the user's consent",
            )
            .label("no `class`")
            .help("add `class: necessary`, `preferences`, `statistics` or `marketing`; all but `necessary` need `legal_basis: consent`");
        }
    }
    for (c, a) in cx.register.cookies().iter().zip(&cx.applies.cookies) {
        if !a.lacks_consent {
            continue;
        }
        let class = c.class.as_ref().map_or("", |k| k.value.name());
        match &c.legal_basis {
            Some(b) => {
                out.at(
                    b.pos,
                    format!(
                        "`{class}` cookies rest on `{}`, but cookies that are not strictly necessary need the user's consent",
                        b.value.name()
                    ),
                )
                .label("not consent")
                .help("ask for consent and write `legal_basis: consent`; if the cookies are strictly necessary for the service the user asked for, write `class: necessary`");
            }
            None => {
                out.at(
                    c.pos,
                    format!(
                        "`{class}` cookies give no legal basis, and cookies that are not strictly necessary need the user's consent"
                    ),
                )
                .label("no `legal_basis`")
                .help("add `legal_basis: consent`");
            }
        }
    }
}
