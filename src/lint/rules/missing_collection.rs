//! `missing-collection`: the register does not say where its data come from.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::source::Pos;

/// The rule.
pub static RULE: Rule = Rule {
    name: "missing-collection",
    articles: &["Art 13", "Art 14"],
    severity: Severity::Error,
    section: Section::Sources,
    summary: "the register does not say whether data come from the person or from elsewhere",
    explanation: r#"## What it checks
That the register states `collection`: `data_subject`, `other_sources` or `both`.

## Why
The answer decides which article applies and so what the notice must say. Data collected
from the person (Art 13) need the statement whether providing them is required and what
follows if they are not (13(2)(e)). Data obtained elsewhere (Art 14) need the categories of
data (14(1)(d)) and the sources, including whether they are public (14(2)(f)). Without
`collection`, seloste cannot check either.

## Example
```yaml
collection: both   # asiakkaalta itseltään ja Väestötietojärjestelmästä
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    if cx.register.collection.is_none() {
        out.at(
            Pos::START,
            "the register does not say where the data come from (`collection`)",
        )
        .help("add `collection: data_subject` (Art 13), `other_sources` (Art 14) or `both`");
    }
}
