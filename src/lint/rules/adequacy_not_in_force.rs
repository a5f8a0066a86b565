//! `adequacy-not-in-force`: a transfer claims an adequacy decision that does not exist.

use crate::applicability::Section;
use crate::applicability::adequacy::{self, Cover};
use crate::data;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};

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
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for t in cx.register.transfers() {
        // The same decision gives the notice its sentence on the decision's scope.
        let Some(a) = adequacy::of(t, cx.today) else {
            continue;
        };
        let country = a.country;
        let name = data::country(country).map_or(country.as_str(), |c| c.en.as_str());
        match a.cover {
            Cover::NotInForce => {
                out.at(a.at, format!("no adequacy decision is in force for {name} ({country})"))
                    .label("adequacy claimed")
                    .help("use the safeguard the transfer actually rests on, e.g. `standard_contractual_clauses`, and say in `document` how to get a copy")
                    .help(format!("seloste's adequacy table was reviewed on {}", data::adequacy_table().as_of.format("%-d.%-m.%Y")));
            }
            Cover::NotCertified => {
                out.at(a.at, format!("{name} ({country}): the adequacy decision covers only organisations certified under the EU–US Data Privacy Framework"))
                    .label("no `dpf_certified: true`")
                    .help("if the recipient is certified, add `dpf_certified: true`; otherwise name the safeguard it rests on (e.g. standard_contractual_clauses)");
            }
            Cover::Country | Cover::Scoped | Cover::Certified => {}
        }
    }
}
