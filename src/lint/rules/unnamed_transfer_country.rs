//! `unnamed-transfer-country`: a transfer that does not say to which country the data go.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    name: "unnamed-transfer-country",
    articles: &["Art 13(1)(f)", "Art 14(1)(f)", "WP260 rev.01"],
    severity: Severity::Warning,
    section: Section::Transfers,
    summary: "a transfer names no third country (or international organisation)",
    explanation: r#"## What it checks
That every entry of `transfers` names where the data go: a `country` (ISO code) or an
`organisation`.

## Why
Art 13(1)(f) and 14(1)(f) require the *fact* that the controller intends to transfer the data
to a third country or an international organisation, and the adequacy decision or the
safeguards or derogation relied on; the article itself does not name the country. The
Article 29 Working Party's transparency guidelines (WP260 rev.01, endorsed by the EDPB), in
their schedule's entry on Art 13(1)(f), ask that the information on transfers be as
meaningful as possible to the data subject, which will generally mean naming the third
countries. A notice that names a vendor ("Mailchimp") but not the country meets the letter of
13(1)(f) only thinly: a warning, not an error. In the published notice such a transfer is
listed by its recipient alone; a draft marks the missing country.

## Example
```yaml
transfers:
  # Warned: which country?
  - recipient: Esimerkki Mail Inc.
    mechanism: standard_contractual_clauses
    document: Jäljennöksen vakiolausekkeista saa tietosuojavastaavalta.
  # Better:
  - recipient: Esimerkki Mail Inc.
    country: US
    mechanism: standard_contractual_clauses
    document: Jäljennöksen vakiolausekkeista saa tietosuojavastaavalta.
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for (t, a) in cx.register.transfers().iter().zip(&cx.applies.transfers) {
        if a.destination_missing {
            out.at(t.pos, "a transfer does not name the third country the data go to")
                .label("no `country` or `organisation`")
                .help("add `country:` (ISO code, e.g. US), or `organisation:` for an international organisation; WP260 asks for the third countries to be named");
        }
    }
}
