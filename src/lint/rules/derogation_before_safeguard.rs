//! `derogation-before-safeguard`: a mechanism list that ranks an Art 49 derogation before an
//! adequacy decision or an Art 46/47 safeguard.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::Mechanism;

/// The rule.
pub static RULE: Rule = Rule {
    name: "derogation-before-safeguard",
    articles: &["Art 49(1)", "Art 13(1)(f)", "EDPB Guidelines 2/2018"],
    severity: Severity::Warning,
    section: Section::Transfers,
    summary: "a transfer's mechanisms rank an Art 49 derogation before an adequacy decision or an Art 46 safeguard",
    explanation: r#"## What it checks
A `mechanism` list gives a transfer's grounds in order of preference. The rule reports a
`derogation` (49(1)(a)–(g)) listed before `adequacy` or an Art 46/47 safeguard (standard
contractual clauses, binding corporate rules …), and `compelling_legitimate_interests` (49(1)
second subparagraph) listed before any other mechanism.

## Why
Art 49(1) allows a derogation only "in the absence of an adequacy decision pursuant to
Article 45(3), or of appropriate safeguards pursuant to Article 46, including binding
corporate rules". Compelling legitimate interests come last of all: only where a transfer
"could not be based on a provision in Article 45 or 46 … and none of the derogations for a
specific situation referred to in the first subparagraph … is applicable". The EDPB
(Guidelines 2/2018) reads the derogations restrictively, as exceptions. A notice that puts a
derogation first, with a safeguard as the fallback, tells the person the transfer rests on
the exception while the safeguard is there.

## Example
```yaml
transfers:
  # Derogation first:
  - recipient: X Ltd
    country: IN
    mechanism: [derogation, standard_contractual_clauses]
    derogation: contract
  # The safeguard first, the derogation only where it is missing:
  - recipient: X Ltd
    country: IN
    mechanism: [standard_contractual_clauses, derogation]
    derogation: contract
    document: Jäljennöksen saa pyytämällä tietosuojavastaavalta.
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

/// How late a mechanism may stand in the order Art 49(1) sets: adequacy and Art 46/47
/// safeguards first, then the derogations of the first subparagraph, then compelling
/// legitimate interests.
fn rank(m: Mechanism) -> u8 {
    match m {
        Mechanism::Derogation => 1,
        Mechanism::CompellingLegitimateInterests => 2,
        _ => 0,
    }
}

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for t in cx.register.transfers() {
        let ms = t.mechanisms();
        for (i, m) in ms.iter().enumerate() {
            let Some(later) = ms[i + 1..].iter().find(|l| rank(l.value) < rank(m.value)) else {
                continue;
            };
            out.at(
                m.pos,
                format!(
                    "`{}` ({}) is ranked before `{}` ({}), but Art 49(1) allows it only where the other cannot be used",
                    m.value.name(),
                    m.value.article(),
                    later.value.name(),
                    later.value.article()
                ),
            )
            .label("a derogation first")
            .help(format!(
                "list `{}` first and the derogation after it, for the transfers it does not cover; or drop one of them",
                later.value.name()
            ));
        }
    }
}
