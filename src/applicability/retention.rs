//! Which data categories each retention period covers, and which categories no period covers
//! (Art 13(2)(a), 14(2)(a); WP260 rev.01: periods per category of data or purpose).
//!
//! How an entry of `retention` is tied to the data, decided here once:
//! - An entry with `personal_data: [id, …]` covers exactly the categories it names.
//! - An entry without ids whose `data` names categories of the register covers those: its
//!   text is a category's name, or holds one or more of them as whole words ("Nimi ja
//!   yhteystiedot sekä laskutustiedot" names the categories "Nimi ja yhteystiedot" and
//!   "Laskutustiedot"). The user wrote the category's own name: that is what the entry is for.
//! - Any other entry covers every category: one with no `data`, one whose `data` begins with
//!   "muut" or "kaikki" ("Muut tiedot", "Kaikki tiedot"), and one whose `data` names none of the
//!   categories ("Asiakastiedot", "Henkilötiedot", "Tallenteet"). Words alone cannot tell
//!   whether "Asiakastiedot" means all the data or a part, so they are read the way a reader
//!   would give the benefit of the doubt. To be exact, tie the entry with ids.
//!
//! A period limited to some groups of data subjects (`data_subjects:`) covers a category only
//! for those groups: a category is covered when the periods that cover it reach every group it
//! concerns.
//!
//! With no retention entry at all (`missing-retention`) or no categories listed
//! (`missing-data-categories`), nothing is reported per category.

use serde::Serialize;

use super::groups::{Groups, Scope};
use crate::lint::text::fold_case;
use crate::model::{Register, nonblank};

/// How a retention entry is tied to the data categories.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tie {
    /// By `personal_data: [id, …]`.
    Ids,
    /// By its `data`, which names the categories.
    Named,
    /// Not tied: it covers every category.
    All,
}

/// What one retention entry covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RetentionCoverage {
    /// How it is tied.
    pub tie: Tie,
    /// The entries of `personal_data` it covers (every one when `tie` is [`Tie::All`]).
    pub categories: Vec<usize>,
}

/// The words of a text, case-folded.
fn words(s: &str) -> Vec<String> {
    fold_case(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether `needle` occurs in `haystack` as a run of whole words.
fn contains_words(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// Words that make an entry's `data` speak of all the data, or of all not named elsewhere.
const ALL: &[&str] = &["muut", "muu", "kaikki", "other", "all"];

/// What each retention entry covers, in order.
pub fn coverage(register: &Register, groups: &Groups) -> Vec<RetentionCoverage> {
    let names: Vec<Vec<String>> = register
        .personal_data()
        .iter()
        .map(|d| nonblank(&d.category).map_or_else(Vec::new, |c| words(c.value.as_str())))
        .collect();
    let every: Vec<usize> = (0..names.len()).collect();
    register
        .retention()
        .iter()
        .enumerate()
        .map(|(i, r)| {
            if let Some(Some(ids)) = groups.retention_categories.get(i) {
                return RetentionCoverage {
                    tie: Tie::Ids,
                    categories: ids.clone(),
                };
            }
            let data = nonblank(&r.data).map_or_else(Vec::new, |d| words(d.value.as_str()));
            let named: Vec<usize> = if data.first().is_some_and(|w| ALL.contains(&w.as_str())) {
                Vec::new()
            } else {
                (0..names.len())
                    .filter(|&c| contains_words(&data, &names[c]))
                    .collect()
            };
            if named.is_empty() {
                RetentionCoverage {
                    tie: Tie::All,
                    categories: every.clone(),
                }
            } else {
                RetentionCoverage {
                    tie: Tie::Named,
                    categories: named,
                }
            }
        })
        .collect()
}

/// The entries of `personal_data` that no retention period covers for every group of data
/// subjects they concern.
pub fn uncovered(register: &Register, groups: &Groups, covers: &[RetentionCoverage]) -> Vec<usize> {
    if covers.is_empty() {
        return Vec::new();
    }
    let all_groups: Vec<usize> = (0..register.data_subjects().len()).collect();
    (0..register.personal_data().len())
        .filter(|&c| {
            let mut reached: Vec<usize> = Vec::new();
            for (i, cov) in covers.iter().enumerate() {
                if !cov.categories.contains(&c) {
                    continue;
                }
                match groups.retention.get(i) {
                    Some(Some(g)) => reached.extend(g),
                    // A period for all data subjects covers the category.
                    _ => return false,
                }
            }
            let needed: &Scope = groups.categories.get(c).unwrap_or(&None);
            let needed = needed.as_deref().unwrap_or(&all_groups);
            // A category no period names at all is uncovered even with no groups listed.
            covers.iter().all(|cov| !cov.categories.contains(&c))
                || !needed.iter().all(|g| reached.contains(g))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(yaml: &str) -> (Vec<RetentionCoverage>, Vec<usize>) {
        let r: Register = crate::load::parse(crate::source::FileId(0), yaml).unwrap();
        let g = Groups::of(&r);
        let c = coverage(&r, &g);
        let u = uncovered(&r, &g, &c);
        (c, u)
    }

    const DATA: &str = "personal_data:\n  - category: Nimi ja yhteystiedot\n    id: nimi\n  - category: Laskutustiedot\n    id: laskut\n  - category: Terveystiedot\n";

    #[test]
    fn one_period_named_for_one_category_leaves_the_others_uncovered() {
        let (c, u) = of(&format!(
            "{DATA}retention:\n  - data: Laskutustiedot\n    period: 6 years\n"
        ));
        assert_eq!(c[0].tie, Tie::Named);
        assert_eq!(u, vec![0, 2]);
        // The same tied by id.
        let (c, u) = of(&format!(
            "{DATA}retention:\n  - personal_data: [laskut]\n    period: 6 years\n"
        ));
        assert_eq!((c[0].tie, c[0].categories.clone()), (Tie::Ids, vec![1]));
        assert_eq!(u, vec![0, 2]);
    }

    #[test]
    fn an_entry_that_names_no_category_covers_them_all() {
        for data in [
            "",
            "  - data: Asiakastiedot\n    period: 2 years\n",
            "  - data: Muut tiedot, kuten laskutustiedot\n    period: 2 years\n",
        ] {
            let (c, u) = of(&format!(
                "{DATA}retention:\n  - data: Terveystiedot\n    period: 12 years\n{data}  - criteria: x\n"
            ));
            assert_eq!(c.last().unwrap().tie, Tie::All);
            assert!(u.is_empty(), "{data}: {u:?}");
        }
        // Several names in one text, as whole words only.
        let (c, u) = of(&format!(
            "{DATA}retention:\n  - data: Nimi ja yhteystiedot sekä laskutustiedot\n    period: 2 years\n  - data: Terveystiedoista\n"
        ));
        assert_eq!(c[0].categories, vec![0, 1]);
        assert_eq!(c[1].tie, Tie::All);
        assert!(u.is_empty());
    }

    #[test]
    fn a_period_for_some_groups_covers_a_category_only_for_them() {
        let groups = "data_subjects:\n  - {id: a, group: A}\n  - {id: b, group: B}\n";
        let data =
            "personal_data:\n  - category: Nimi\n  - category: Kuva\n    data_subjects: [a]\n";
        let (_, u) = of(&format!(
            "{groups}{data}retention:\n  - data: Nimi\n    data_subjects: [a]\n  - data: Kuva\n    data_subjects: [a]\n"
        ));
        assert_eq!(u, vec![0]);
        let (_, u) = of(&format!(
            "{groups}{data}retention:\n  - data: Nimi\n    data_subjects: [a]\n  - data: Nimi\n    data_subjects: [b]\n  - data: Kuva\n"
        ));
        assert!(u.is_empty());
    }

    #[test]
    fn nothing_is_uncovered_without_retention_or_categories() {
        assert!(of(DATA).1.is_empty());
        assert!(of("retention:\n  - data: x\n").1.is_empty());
    }
}
