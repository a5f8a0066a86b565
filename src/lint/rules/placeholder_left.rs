//! `placeholder-left`: a `TÄYTÄ` placeholder of `seloste init` or `seloste new` is unfilled.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::text::{TextValue, locate};
use crate::lint::{Findings, ProjectContext, RegisterContext, Rule};

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
    project: Some(check_project),
    register: Some(check_register),
};

/// The placeholder, in capitals: the lower-case "täytä" is an ordinary Finnish word.
const PLACEHOLDER: &str = "TÄYTÄ";

fn scan(out: &mut Findings, source: &str, texts: &[TextValue<'_>]) {
    for TextValue { value, pos, .. } in texts {
        if let Some(i) = value.find(PLACEHOLDER) {
            let at = locate(source, *pos, value, i..i + PLACEHOLDER.len());
            out.at(at, "this placeholder has not been filled in")
                .label("placeholder")
                .help("replace the text with the real information, or remove the item if it does not apply");
        }
    }
}

fn check_project(cx: &ProjectContext<'_>, out: &mut Findings) {
    scan(out, cx.source, cx.texts);
}

fn check_register(cx: &RegisterContext<'_>, out: &mut Findings) {
    scan(out, cx.source, cx.texts);
}
