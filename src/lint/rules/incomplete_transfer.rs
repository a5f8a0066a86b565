//! `incomplete-transfer`: a transfer without destination, mechanism or derogation.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::{Mechanism, nonblank};

/// The rule.
pub static RULE: Rule = Rule {
    name: "incomplete-transfer",
    articles: &["Art 13(1)(f)", "Art 14(1)(f)", "Art 44", "Art 49(1)"],
    severity: Severity::Error,
    section: Section::Transfers,
    summary: "a transfer lacks its destination, its mechanism, or which derogation it relies on",
    explanation: r#"## What it checks
That every entry of `transfers` names the destination — a `country` (ISO code) or an
`organisation` — and the `mechanism` (Art 45–49), and that a transfer on
`mechanism: derogation` says which one in `derogation` (49(1)(a)–(g)).

## Why
Art 13(1)(f) requires the existence or absence of an adequacy decision, or a reference to the
safeguards of Art 46/47 or to the derogation of Art 49(1). WP260 asks for the countries to be
named. "Data may be transferred outside the EU with your consent" says neither where nor on
what ground.

## Example
```yaml
transfers:
  - recipient: Esimerkki Analytics Ltd
    country: GB
    mechanism: adequacy
```
"#,
    project: None,
    register: Some(check),
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for t in cx.register.transfers() {
        let no_destination = t.country.is_none() && nonblank(&t.organisation).is_none();
        match &t.mechanism {
            // One finding per transfer when both are missing: they sit at the same place.
            None if no_destination => {
                out.at(
                    t.pos,
                    "a transfer says neither where the data go nor on what ground",
                )
                .help(DESTINATION_HELP)
                .help(MECHANISM_HELP);
            }
            None => {
                out.at(
                    t.pos,
                    "a transfer does not say on what ground (`mechanism`)",
                )
                .label("no `mechanism`")
                .help(MECHANISM_HELP);
            }
            Some(m) => {
                if no_destination {
                    out.at(t.pos, "a transfer does not say where the data go")
                        .label("no `country` or `organisation`")
                        .help(DESTINATION_HELP);
                }
                if m.value == Mechanism::Derogation && t.derogation.is_none() {
                    out.at(m.pos, "`mechanism: derogation` without saying which derogation")
                        .help("add `derogation:` explicit_consent, contract, contract_in_interest, public_interest, legal_claims, vital_interests or public_register");
                }
            }
        }
    }
}

const DESTINATION_HELP: &str = "add `country:` (ISO code, e.g. US) or `organisation:`";
const MECHANISM_HELP: &str = "add `mechanism:` e.g. adequacy, standard_contractual_clauses, binding_corporate_rules, derogation";
