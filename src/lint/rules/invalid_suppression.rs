//! `invalid-suppression`: a `# seloste: allow(...)` comment without a reason, naming an
//! unknown rule, or not in the form the engine reads. The engine checks it while it applies
//! the suppressions ([`crate::lint::suppress`]); the rule holds its metadata.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::Rule;

/// The rule.
pub static RULE: Rule = Rule {
    name: "invalid-suppression",
    articles: &["Art 5(2)"],
    severity: Severity::Warning,
    section: Section::Located,
    summary: "a suppression comment has no reason, names no known rule or cannot be read",
    explanation: r#"## What it checks
Every comment that starts with `# seloste:`. It must read
`# seloste: allow(rule-name) reason`, name rules that exist (several are separated by
commas: `allow(rule-a, rule-b)`) and give a reason after the closing parenthesis.

## Why
A suppression says "this finding is wrong here, or accepted". The controller must be able
to show why its notice complies (Art 5(2), accountability), so the reason belongs next to
the suppression, where the next reviewer reads it. A misspelt rule name suppresses nothing,
and the finding it was meant for would still be reported without saying why.

A suppression without a reason still suppresses; an unknown rule name is ignored.

## Example
```yaml
# Fails: no reason, and a misspelt rule
recipients:
  # seloste: allow(vague-recipients)
  - name: Viranomaiset
```
```yaml
# Passes
recipients:
  # seloste: allow(vague-recipient) viranomaiset luetellaan liitteessä 1
  - name: Viranomaiset
```
"#,
    project: None,
    register: None,
    text: None,
};
