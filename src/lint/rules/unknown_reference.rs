//! `unknown-reference`: an id that names no group of data subjects or no data category, or
//! names two.

use crate::applicability::Section;
use crate::applicability::groups::ReferenceProblem;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    name: "unknown-reference",
    articles: &["Art 12(1)"],
    severity: Severity::Error,
    section: Section::Located,
    summary: "an id names no group of data subjects or data category, or names two",
    explanation: r#"## What it checks
That every id in `data_subjects:` of a purpose, a data category or a retention period is the
`id` of one group in the register's `data_subjects`, that every id in `personal_data:` of a
source, a purpose or a retention period is the `id` of one entry of `personal_data`, and that no id is given to two groups or
two categories.

## Why
A purpose, a category or a period that concerns only some data subjects, and a source that
provides only some data, say so through these ids. An id that names nothing leaves the notice
unable to say whom the entry concerns, or which data the source provides: the information is
not "concise, transparent, intelligible" (Art 12(1)), and for a source it may hide that some
data's origin is not given at all (Art 14(2)(f)). It is a defect of the file, most often a
misspelt id, so it is reported where the id is written; the notice then shows only the groups
and categories that the ids do name.

## Example
```yaml
data_subjects:
  - Asiakkaat
  - {id: hakijat, group: Työnhakijat}
purposes:
  - description: Rekrytointi
    legal_basis: contract
    data_subjects: [hakijat]        # not `hakija`
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    let r = cx.register;
    let group_ids: Vec<&str> = r
        .data_subjects()
        .iter()
        .filter_map(|s| s.id().map(|i| i.as_str()))
        .collect();
    let category_ids: Vec<&str> = r
        .personal_data()
        .iter()
        .filter_map(|d| d.id.as_ref().map(|i| i.as_str()))
        .collect();
    let known = |ids: &[&str]| {
        let mut unique: Vec<&str> = Vec::new();
        for id in ids {
            if !unique.contains(id) {
                unique.push(id);
            }
        }
        let ids = unique;
        if ids.is_empty() {
            "none is defined".to_string()
        } else {
            format!(
                "known: {}",
                ids.iter()
                    .map(|i| format!("`{i}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
    };
    for b in &cx.applies.groups.bad_references {
        match b.problem {
            ReferenceProblem::UnknownGroup => {
                out.at(
                    b.pos,
                    format!("`{}` is the id of no group in `data_subjects`", b.id),
                )
                .label("unknown group")
                .help(format!(
                    "use the `id` of a group in `data_subjects` ({}), or give the group this id: `- {{id: {}, group: …}}`",
                    known(&group_ids),
                    b.id
                ));
            }
            ReferenceProblem::UnknownCategory => {
                out.at(
                    b.pos,
                    format!("`{}` is the id of no entry of `personal_data`", b.id),
                )
                .label("unknown category")
                .help(format!(
                    "use the `id` of an entry of `personal_data` ({}), or add `id: {}` to the category meant",
                    known(&category_ids),
                    b.id
                ));
            }
            ReferenceProblem::DuplicateGroup => {
                out.at(
                    b.pos,
                    format!("the id `{}` is given to two groups of data subjects", b.id),
                )
                .label("id given before")
                .help("give each group its own id");
            }
            ReferenceProblem::DuplicateCategory => {
                out.at(
                    b.pos,
                    format!("the id `{}` is given to two data categories", b.id),
                )
                .label("id given before")
                .help("give each category its own id");
            }
        }
    }
}
