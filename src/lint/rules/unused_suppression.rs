//! `unused-suppression`: a `# seloste: allow(rule)` comment that suppresses no finding. The
//! engine finds it while it applies the suppressions ([`crate::lint::suppress`]); the rule
//! holds its metadata.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::Rule;

/// The rule.
pub static RULE: Rule = Rule {
    name: "unused-suppression",
    articles: &["Art 5(2)"],
    severity: Severity::Warning,
    section: Section::Located,
    summary: "a suppression comment suppresses no finding",
    explanation: r#"## What it checks
That every rule named in a `# seloste: allow(rule-name) reason` comment had a finding to
suppress on the line the comment applies to: its own line when it follows a value, or the
next line when the comment stands on a line of its own. A rule that the project allows
(`settings.lints`) has no findings, so an allowance of it is unused too.

## Why
Once the text is corrected, a suppression left behind would silently hide the next real
defect on that line; and its reason, read later, would claim something about the notice that
is no longer so. Remove a suppression when it is no longer needed (as `ruff` reports unused
`# noqa` comments).

## Example
```yaml
# Fails: "Poliisi" is not vague; nothing is suppressed
recipients:
  # seloste: allow(vague-recipient) esitutkinta
  - name: Poliisi
```
```yaml
# Passes
recipients:
  - name: Poliisi
```
"#,
    project: None,
    register: None,
    text: None,
};
