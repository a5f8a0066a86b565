//! `ambiguous-legal-basis`: a purpose with alternative legal bases and no word on which applies.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::LegalBasis;

/// The rule.
pub static RULE: Rule = Rule {
    name: "ambiguous-legal-basis",
    articles: &["Art 13(1)(c)", "Art 14(1)(c)", "WP260 rev.01"],
    severity: Severity::Error,
    section: Section::Purposes,
    summary: "a purpose gives alternative legal bases without saying which applies",
    explanation: r#"## What it checks
That no purpose gives its legal basis as alternatives, `legal_basis: {either: [...]}` with
two or more different bases. The form exists so that a notice which says, for example,
"käsittely perustuu sopimukseen tai oikeutettuun etuun" can be written down as it is — and
reported.

## Why
Art 13(1)(c) and 14(1)(c) require the purposes of the processing *and* its legal basis. The
transparency guidelines (WP260 rev.01) add that the notice must say which basis applies to
which purpose: a list of alternatives leaves the person unable to tell which rights they have
(erasure and portability depend on the basis, Art 17(3)(b) and 20(1)). seloste renders such a
purpose with the bases joined by "tai", and gives it every right that any alternative would
give (a right is left out only where every alternative excludes it).

A list without `either` (`legal_basis: [contract, legal_obligation]`) says that every basis
applies, and is not reported.

## Example
```yaml
# Reported: which basis applies?
purposes:
  - description: Asiakassuhteen hoitaminen
    legal_basis:
      either: [contract, legitimate_interests]
```
```yaml
# Not reported: the purpose is split, each part with its basis.
purposes:
  - description: Tilausten toimittaminen ja laskutus
    legal_basis: contract
  - description: Asiakastyytyväisyyskyselyt
    legal_basis: legitimate_interests
    legitimate_interest: Palvelun kehittäminen asiakkaiden palautteen perusteella
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for p in cx.register.purposes() {
        let Some(alternatives) = p.either_bases() else {
            continue;
        };
        let mut distinct: Vec<LegalBasis> = Vec::new();
        for b in &alternatives.value {
            if !distinct.contains(b) {
                distinct.push(*b);
            }
        }
        if distinct.len() < 2 {
            continue;
        }
        let names: Vec<&str> = distinct.iter().map(|b| b.name()).collect();
        out.at(
            alternatives.pos,
            format!(
                "this purpose rests on {} without saying which applies",
                names.join(" or ")
            ),
        )
        .label("alternative legal bases")
        .help("split the purpose into one purpose per basis, or state which basis applies when")
        .help("if every basis applies at once, list them without `either`: `legal_basis: [contract, legal_obligation]`");
    }
}
