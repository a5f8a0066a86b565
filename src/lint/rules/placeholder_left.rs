//! `placeholder-left`: a `TÄYTÄ` placeholder of `seloste init` or `seloste new` is unfilled.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::text::Phrase;
use crate::lint::{Findings, Rule, TextContext, TextHook};

/// The rule.
pub static RULE: Rule = Rule {
    name: "placeholder-left",
    articles: &["Art 12(1)", "seloste init"],
    severity: Severity::Error,
    section: Section::Located,
    summary: "a placeholder (TÄYTÄ) of the scaffold has not been filled in",
    explanation: r#"## What it checks
That no text still contains `TÄYTÄ` ("fill in"), the placeholder that `seloste init` and
`seloste new` put where only you know the answer.

## Why
A notice published with placeholders tells people nothing, and the information must be
concise, transparent and intelligible (Art 12(1)). Each placeholder says what belongs there;
replace the whole text, or delete the item if it does not apply to the register.

## Example
```yaml
# Placeholder:
controller:
  name: TÄYTÄ yrityksen tai organisaation virallinen nimi
# Filled in:
controller:
  name: Esimerkki Oy
```
"#,
    project: None,
    register: None,
    text: Some(TextHook::Each {
        words: &[WORDS],
        check,
    }),
};

/// The placeholder, in capitals: the lower-case "täytä" is an ordinary Finnish word.
const PLACEHOLDER: &str = "TÄYTÄ";

/// The gate: the engine calls [`check`] only on texts holding the word in any case.
static WORDS: &[Phrase] = &[Phrase {
    pattern: "täytä*",
    note: "",
}];

fn check(cx: &TextContext<'_>, out: &mut Findings) {
    if let Some(i) = cx.value().find(PLACEHOLDER) {
        cx.at(
            out,
            i..i + PLACEHOLDER.len(),
            "this placeholder has not been filled in",
        )
        .label("placeholder")
        .help(
            "replace the text with the real information, or remove the item if it does not apply",
        );
    }
}
