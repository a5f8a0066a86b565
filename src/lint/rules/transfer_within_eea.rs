//! `transfer-within-eea`: a "transfer" to a country of the EU or the EEA.

use crate::applicability::Section;
use crate::data;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    name: "transfer-within-eea",
    articles: &["Art 44", "Art 13(1)(f)"],
    severity: Severity::Warning,
    section: Section::Transfers,
    summary: "a transfer is listed to a country inside the EU/EEA, which is no third country",
    explanation: r#"## What it checks
That no entry of `transfers` names a country of the EU or the EEA (the 27 member states,
Iceland, Liechtenstein and Norway).

## Why
Chapter V (Art 44–49) governs transfers to *third* countries. Data moving within the EU/EEA
are not transferred in that sense, and listing them under "Siirto EU:n tai ETA:n
ulkopuolelle" misleads the reader. List such a party under `recipients` instead.

## Example
```yaml
recipients:
  - name: Esimerkki AB (Ruotsi)
    role: processor
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for t in cx.register.transfers() {
        if let Some(c) = &t.country
            && data::is_eea(c.value)
        {
            let name = data::country(c.value).map_or(c.value.as_str(), |x| x.en.as_str());
            out.at(
                c.pos,
                format!("{name} is in the EU/EEA: this is not a transfer to a third country"),
            )
            .help("list the party under `recipients` instead");
        }
    }
}
