//! Whom each part of a register concerns: the groups of data subjects a purpose, a data
//! category or a retention period is limited to, and the categories a source provides — with
//! the references that name nothing, for `unknown-reference` to report.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::{Id, Register, Spanned};
use crate::source::Pos;

/// What an entry is limited to: `None` when it concerns all (it names nothing), else the
/// indices of the entries it names that exist, in the order written.
pub type Scope = Option<Vec<usize>>;

/// What kind of reference could not be resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceProblem {
    /// An id in `data_subjects:` of a purpose, category or retention period that no group of
    /// the register's `data_subjects` has.
    UnknownGroup,
    /// An id in `personal_data:` of a source, a purpose or a retention period that no entry of
    /// `personal_data` has.
    UnknownCategory,
    /// A group's id given to an earlier group too: references to it would be ambiguous.
    DuplicateGroup,
    /// A category's id given to an earlier category too.
    DuplicateCategory,
}

/// One id that does not name exactly one entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadReference {
    /// Where the id is written.
    pub pos: Pos,
    /// The id.
    pub id: String,
    /// What is wrong with it.
    pub problem: ReferenceProblem,
}

/// The scopes of a register's entries.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Groups {
    /// Per purpose: the groups of `data_subjects` it concerns.
    pub purposes: Vec<Scope>,
    /// Per entry of `personal_data`: the groups it concerns.
    pub categories: Vec<Scope>,
    /// Per retention entry: the groups it concerns.
    pub retention: Vec<Scope>,
    /// Per source: the entries of `personal_data` it provides.
    pub sources: Vec<Scope>,
    /// Per purpose: the entries of `personal_data` it uses.
    pub purpose_categories: Vec<Scope>,
    /// Per retention entry: the entries of `personal_data` it is tied to by id.
    pub retention_categories: Vec<Scope>,
    /// Ids that name nothing, or name two entries, in file order of the lists.
    #[serde(skip)]
    pub bad_references: Vec<BadReference>,
}

/// Ids to indices, reporting an id given twice.
fn index<'a>(
    ids: impl Iterator<Item = Option<&'a Spanned<Id>>>,
    duplicate: ReferenceProblem,
    bad: &mut Vec<BadReference>,
) -> HashMap<&'a str, usize> {
    let mut map = HashMap::new();
    for (i, id) in ids.enumerate() {
        let Some(id) = id else { continue };
        if map.contains_key(id.as_str()) {
            bad.push(BadReference {
                pos: id.pos,
                id: id.as_str().to_string(),
                problem: duplicate,
            });
        } else {
            map.insert(id.as_str(), i);
        }
    }
    map
}

fn resolve(
    refs: &Option<Spanned<Vec<Spanned<Id>>>>,
    known: &HashMap<&str, usize>,
    unknown: ReferenceProblem,
    bad: &mut Vec<BadReference>,
) -> Scope {
    let refs = refs.as_ref()?;
    let mut out = Vec::new();
    for id in &refs.value {
        match known.get(id.as_str()) {
            Some(&i) => {
                if !out.contains(&i) {
                    out.push(i);
                }
            }
            None => bad.push(BadReference {
                pos: id.pos,
                id: id.as_str().to_string(),
                problem: unknown,
            }),
        }
    }
    Some(out)
}

impl Groups {
    /// The scopes of `register`'s entries.
    pub fn of(register: &Register) -> Groups {
        let mut bad = Vec::new();
        let groups = index(
            register.data_subjects().iter().map(|s| s.id()),
            ReferenceProblem::DuplicateGroup,
            &mut bad,
        );
        let categories = index(
            register.personal_data().iter().map(|d| d.id.as_ref()),
            ReferenceProblem::DuplicateCategory,
            &mut bad,
        );
        let group_scope = |refs, bad: &mut Vec<BadReference>| {
            resolve(refs, &groups, ReferenceProblem::UnknownGroup, bad)
        };
        let category_scope = |refs, bad: &mut Vec<BadReference>| {
            resolve(refs, &categories, ReferenceProblem::UnknownCategory, bad)
        };
        let mut purposes = Vec::new();
        let mut purpose_categories = Vec::new();
        for p in register.purposes() {
            purposes.push(group_scope(&p.data_subjects, &mut bad));
            purpose_categories.push(category_scope(&p.personal_data, &mut bad));
        }
        let category_scopes = register
            .personal_data()
            .iter()
            .map(|d| group_scope(&d.data_subjects, &mut bad))
            .collect();
        let sources = register
            .sources()
            .iter()
            .map(|s| category_scope(&s.personal_data, &mut bad))
            .collect();
        let mut retention = Vec::new();
        let mut retention_categories = Vec::new();
        for r in register.retention() {
            retention.push(group_scope(&r.data_subjects, &mut bad));
            retention_categories.push(category_scope(&r.personal_data, &mut bad));
        }
        Groups {
            purposes,
            categories: category_scopes,
            retention,
            sources,
            purpose_categories,
            retention_categories,
            bad_references: bad,
        }
    }

    /// Whether some source provides the entry `category` of `personal_data`: one that names it,
    /// or one that names no categories (and so provides them all).
    pub fn has_source(&self, category: usize) -> bool {
        self.sources
            .iter()
            .any(|s| s.as_ref().is_none_or(|v| v.contains(&category)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn register(yaml: &str) -> Register {
        crate::load::parse(crate::source::FileId(0), yaml).unwrap()
    }

    const GROUPS: &str = "data_subjects:\n  - Asiakkaat\n  - {id: hakijat, group: Työnhakijat}\n  - {id: harjoittelijat, group: Harjoittelijat}\n";

    #[test]
    fn scopes_name_the_groups_they_concern() {
        let r = register(&format!(
            "{GROUPS}purposes:\n  - description: a\n  - description: b\n    data_subjects: [harjoittelijat, hakijat]\npersonal_data:\n  - category: c\n    data_subjects: [hakijat]\nretention:\n  - data: d\n    data_subjects: [hakijat, hakijat]\n"
        ));
        let g = Groups::of(&r);
        assert_eq!(g.purposes, vec![None, Some(vec![2, 1])]);
        assert_eq!(g.categories, vec![Some(vec![1])]);
        assert_eq!(g.retention, vec![Some(vec![1])]);
        assert!(g.bad_references.is_empty());
    }

    #[test]
    fn unknown_and_duplicate_ids_are_bad_references() {
        let r = register(&format!(
            "{GROUPS}  - {{id: hakijat, group: Toinen}}\npurposes:\n  - description: a\n    data_subjects: [asiakkaat, hakijat]\npersonal_data:\n  - category: c\n    id: osoite\nsources:\n  - description: s\n    personal_data: [osoitteet]\n"
        ));
        let g = Groups::of(&r);
        let bad: Vec<(&str, ReferenceProblem, u32)> = g
            .bad_references
            .iter()
            .map(|b| (b.id.as_str(), b.problem, b.pos.line))
            .collect();
        assert_eq!(
            bad,
            vec![
                ("hakijat", ReferenceProblem::DuplicateGroup, 5),
                ("asiakkaat", ReferenceProblem::UnknownGroup, 8),
                ("osoitteet", ReferenceProblem::UnknownCategory, 14),
            ]
        );
        // The known id still counts; the unknown one limits to nothing.
        assert_eq!(g.purposes, vec![Some(vec![1])]);
        assert_eq!(g.sources, vec![Some(vec![])]);
    }

    #[test]
    fn an_empty_list_of_ids_is_an_input_error() {
        // `[]` would read as "nothing" to the lint and "everyone" to the notice.
        for yaml in [
            "data_subjects: [A]\npurposes:\n  - description: a\n    data_subjects: []\n",
            "personal_data:\n  - category: a\n    data_subjects: []\n",
            "retention:\n  - data: a\n    data_subjects: []\n",
            "personal_data:\n  - category: a\nsources:\n  - description: s\n    personal_data: []\n",
        ] {
            let e = crate::load::parse_register(crate::source::FileId(0), yaml)
                .err()
                .unwrap_or_else(|| panic!("`{yaml}` loads"));
            assert!(e.message.contains("an empty list of ids"), "{}", e.message);
        }
        // Leaving the key out is not limiting, and still loads.
        assert!(Groups::of(&register("purposes:\n  - description: a\n")).purposes[0].is_none());
    }

    #[test]
    fn a_source_without_categories_provides_them_all() {
        let r = register(
            "personal_data:\n  - category: a\n    id: a\n  - category: b\n    id: b\n  - category: c\nsources:\n  - description: s\n    personal_data: [a]\n",
        );
        let g = Groups::of(&r);
        assert!(g.has_source(0) && !g.has_source(1) && !g.has_source(2));
        let r = register(
            "personal_data:\n  - category: a\n    id: a\n  - category: b\nsources:\n  - description: s\n    personal_data: [a]\n  - description: t\n",
        );
        let g = Groups::of(&r);
        assert!(g.has_source(0) && g.has_source(1));
    }
}
