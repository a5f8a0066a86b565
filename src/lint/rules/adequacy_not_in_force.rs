//! `adequacy-not-in-force`: a transfer claims an adequacy decision that does not exist.

use crate::applicability::Section;
use crate::data;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::Mechanism;

/// The rule.
pub static RULE: Rule = Rule {
    name: "adequacy-not-in-force",
    articles: &[
        "Art 45",
        "Art 13(1)(f)",
        "Commission Implementing Decision (EU) 2023/1795",
    ],
    severity: Severity::Error,
    section: Section::Transfers,
    summary: "a transfer relies on an adequacy decision that is not in force for that country",
    explanation: r#"## What it checks
That a transfer with `mechanism: adequacy` (alone or in a list of mechanisms) goes to a country with an adequacy decision in
force on the date of the check, according to seloste's dated table (`data/adequacy.yaml`),
and that a transfer to the United States on adequacy is to an organisation certified under
the EU–US Data Privacy Framework (`dpf_certified: true`).

## Why
Only the countries the Commission has found adequate (Art 45) can receive data without
further safeguards: Andorra, Argentina, Brazil, Canada (commercial organisations), the Faroe
Islands, Guernsey, the Isle of Man, Israel, Japan, Jersey, the Republic of Korea, New Zealand,
Switzerland, the United Kingdom (until 27.12.2031) and Uruguay — and the United States only
for organisations certified under the Data Privacy Framework (decision 2023/1795, upheld by
the General Court on 3.9.2025 in T-553/23; appeal C-703/25 P pending). Elsewhere a transfer
needs a safeguard of Art 46/47 or a derogation of Art 49.

## Example
```yaml
transfers:
  - recipient: Esimerkki Inc.
    country: US
    mechanism: adequacy
    dpf_certified: true
```
"#,
    project: None,
    register: Some(check),
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for t in cx.register.transfers() {
        let Some(country) = &t.country else {
            continue;
        };
        let Some(m) = t
            .mechanisms()
            .into_iter()
            .find(|m| m.value == Mechanism::Adequacy)
        else {
            continue;
        };
        if data::is_eea(country.value) {
            continue;
        }
        let name = data::country(country.value).map_or(country.value.as_str(), |c| c.en.as_str());
        match data::adequacy(country.value, cx.today) {
            None => {
                out.at(m.pos, format!("no adequacy decision is in force for {name} ({})", country.value))
                    .label("adequacy claimed")
                    .help("use the safeguard the transfer actually rests on, e.g. `standard_contractual_clauses`, and say in `document` how to get a copy")
                    .help(format!("seloste's adequacy table was reviewed on {}", data::adequacy_table().as_of.format("%-d.%-m.%Y")));
            }
            Some(a) if a.requires_dpf && !t.dpf_certified.as_ref().is_some_and(|d| d.value) => {
                out.at(m.pos, format!("{name} ({}): the adequacy decision covers only organisations certified under the EU–US Data Privacy Framework", country.value))
                    .label("no `dpf_certified: true`")
                    .help("if the recipient is certified, add `dpf_certified: true`; otherwise name the safeguard it rests on (e.g. standard_contractual_clauses)");
            }
            Some(_) => {}
        }
    }
}
