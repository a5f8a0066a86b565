//! `unused-definition`: a shared definition of `seloste.yaml` that no register refers to.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, ProjectContext, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    name: "unused-definition",
    articles: &["Art 12(1)", "Art 5(2)"],
    severity: Severity::Warning,
    section: Section::Located,
    summary: "a shared definition that no register refers to",
    explanation: r#"## What it checks
That every shared definition — under `shared:` in `seloste.yaml` or in a file of the shared
directory (`shared/`) — (a purpose, data category, source,
recipient, transfer, retention entry or text) is used by at least one register, with
`- ref: id` in a list or `{ref: id}` for a text.

## Why
A definition nobody uses is published nowhere. Most often a register was meant to refer to it
and does not — a recipient, a transfer or a retention period then goes unsaid in that
register's notice (Art 13(1)(e), (f), 13(2)(a)) — or the definition is left over from a
register that was removed, and will drift out of date while it looks maintained. Either way
the controller, who must be able to show what each notice says (Art 5(2)), should know.
Checked only when the whole project is checked.

## Example
Fails (no register says `ref: posti`):
```yaml
shared:
  recipients:
    posti:
      name: Posti Oy
      role: processor
```
Passes: a register lists `- ref: posti` under `recipients`, or the definition is removed.
"#,
    project: Some(check),
    register: None,
    text: None,
};

fn check(cx: &ProjectContext<'_>, out: &mut Findings) {
    let Some(used) = cx.used else {
        return;
    };
    for (kind, key) in crate::resolve::definitions(&cx.project.definitions) {
        if !used.contains(&(kind, key.value.trim().to_string())) {
            out.at(
                key.pos,
                format!(
                    "no register refers to the shared definition `{}` of `shared.{}`",
                    key.value.trim(),
                    kind.key()
                ),
            )
            .label("unused")
            .help(format!(
                "refer to it from the registers it belongs to (`ref: {}`), or remove it",
                key.value.trim()
            ));
        }
    }
}
