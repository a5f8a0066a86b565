//! `missing-safeguard-copy`: a safeguard without how to obtain a copy of it.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    name: "missing-safeguard-copy",
    articles: &["Art 13(1)(f)", "Art 14(1)(f)", "Art 46", "Art 47"],
    severity: Severity::Error,
    section: Section::Transfers,
    summary: "a transfer on Art 46/47 safeguards does not say how to obtain a copy of them",
    explanation: r#"## What it checks
That a transfer whose `mechanism` is an appropriate safeguard (standard contractual clauses,
binding corporate rules, codes of conduct, certification, …) says in `document` how to
obtain a copy of the safeguard or where it has been made available. With several mechanisms
("ensisijaisesti komission päätöksen perusteella, muuten vakiosopimuslausekkein"), any one that
is a safeguard needs it.

## Why
For transfers under Art 46 or 47, Art 13(1)(f) requires "reference to the appropriate or
suitable safeguards and the means by which to obtain a copy of them or where they have been
made available". Naming the clauses without saying how to see them falls short.

## Example
```yaml
transfers:
  - recipient: Esimerkki Support Pvt Ltd
    country: IN
    mechanism: standard_contractual_clauses
    document: Jäljennöksen vakiolausekkeista saa pyytämällä tietosuojavastaavalta.
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for (t, a) in cx.register.transfers().iter().zip(&cx.applies.transfers) {
        if let Some(m) = t.mechanisms().into_iter().find(|m| m.value.is_safeguard())
            && a.document_missing
        {
            out.at(m.pos, format!("`{}` ({}) without how to obtain a copy of the safeguard", m.value.name(), m.value.article()))
                .help("add `document:` saying how to get a copy, e.g. `Jäljennöksen saa pyytämällä tietosuojavastaavalta.`");
        }
    }
}
