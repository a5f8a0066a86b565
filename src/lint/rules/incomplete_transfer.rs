//! `incomplete-transfer`: a transfer without mechanism, or without the derogation it relies on.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::Mechanism;

/// The rule.
pub static RULE: Rule = Rule {
    name: "incomplete-transfer",
    articles: &["Art 13(1)(f)", "Art 14(1)(f)", "Art 44", "Art 49(1)"],
    severity: Severity::Error,
    section: Section::Transfers,
    summary: "a transfer lacks its mechanism, or which derogation it relies on",
    explanation: r#"## What it checks
That every entry of `transfers` names the `mechanism` (Art 45–49) — one, or several in order
of preference — and that a transfer relying on `derogation` (alone or among others) says
which one in `derogation` (49(1)(a)–(g)). A transfer that does not name its country is
reported separately, as a warning (`unnamed-transfer-country`).

## Why
Art 13(1)(f) requires the existence or absence of an adequacy decision, or a reference to the
safeguards of Art 46/47 or to the derogation of Art 49(1). "Data may be transferred outside
the EU with your consent" does not say on what ground.

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
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for (t, a) in cx.register.transfers().iter().zip(&cx.applies.transfers) {
        if a.mechanism_missing {
            out.at(
                t.pos,
                "a transfer does not say on what ground (`mechanism`)",
            )
            .label("no `mechanism`")
            .help(MECHANISM_HELP);
        }
        if let Some(m) = t
            .mechanisms()
            .into_iter()
            .find(|m| m.value == Mechanism::Derogation)
            && t.derogation.is_none()
        {
            out.at(m.pos, "`mechanism: derogation` without saying which derogation")
                .help("add `derogation:` explicit_consent, contract, contract_in_interest, public_interest, legal_claims, vital_interests or public_register");
        }
    }
}

const MECHANISM_HELP: &str = "add `mechanism:` e.g. adequacy, standard_contractual_clauses, binding_corporate_rules, derogation";
