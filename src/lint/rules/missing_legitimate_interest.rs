//! `missing-legitimate-interest`: legitimate interests as the basis without saying which.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    name: "missing-legitimate-interest",
    articles: &["Art 13(1)(d)", "Art 14(2)(b)", "Art 6(1)(f)"],
    severity: Severity::Error,
    section: Section::Purposes,
    summary: "a purpose rests on legitimate interests but does not say what the interest is",
    explanation: r#"## What it checks
That every purpose whose `legal_basis` includes `legitimate_interests` also has
`legitimate_interest`: the specific interest the controller or a third party pursues.

## Why
Art 13(1)(d) and 14(2)(b) require "the legitimate interests pursued by the controller or by a
third party" where processing rests on Art 6(1)(f). The person needs the interest to judge
whether to object (Art 21(1)). The transparency guidelines (WP260) add that the interest must
be specific, and that the balancing test should be available on request.

## Example
```yaml
purposes:
  - description: Kameravalvonta
    legal_basis: legitimate_interests
    legitimate_interest: Omaisuuden suojaaminen ja rikosten ehkäiseminen ja selvittäminen
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for (p, a) in cx.register.purposes().iter().zip(&cx.applies.purposes) {
        if a.interest_missing {
            // Point at the empty field, or else at the basis that calls for it.
            let (pos, label) = match (&p.legitimate_interest, &p.legal_basis) {
                (Some(l), _) => (l.pos, "empty"),
                (None, Some(b)) => (b.pos, "no `legitimate_interest` given"),
                (None, None) => (p.pos, "no `legitimate_interest` given"),
            };
            out.at(pos, "this purpose rests on legitimate interests but does not say which interest")
                .label(label)
                .help("add `legitimate_interest:` naming the specific interest, e.g. `Tarjota asiakkaille tietoa vastaavista palveluista`");
        }
    }
}
