//! Applicability: what the law requires of a register, and why — decided once, here.
//!
//! Lint rules ask it what is required; the view asks it what to say. When the two decided
//! separately, they drifted: a register collected from the person but with one category
//! obtained elsewhere drew `missing-sources` from the lint while the notice said "we get the
//! data from you" under Art 13 alone. Everything that "applies" to a register belongs here:
//! whether Art 13 and/or 14 apply (per category too), which items they make required, and
//! which rights the data subject has ([`rights::derive`]).

use serde::Serialize;

pub mod rights;

use crate::model::{Collection, ListOrNone, RecipientItems, Register};
use crate::source::Pos;
use rights::DerivedRight;

/// How one entry of `personal_data` is obtained.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CategoryApplicability {
    /// Collected from the data subject (Art 13): the 13(2)(e) statement is required.
    pub art13: bool,
    /// Obtained from elsewhere (Art 14): its source must be named (14(2)(f)).
    pub art14: bool,
}

/// What the law requires of one register.
#[derive(Clone, Debug, Serialize)]
pub struct Applicability {
    /// Art 13 applies: some data are collected from the data subject.
    pub art13: bool,
    /// Art 14 applies: some data are obtained from elsewhere, by the register's `collection`
    /// or by a category's own.
    pub art14: bool,
    /// Where Art 14 comes in: the register's `collection`, or the first category obtained
    /// elsewhere. What a finding about the sources points at.
    #[serde(skip)]
    pub art14_at: Option<Pos>,
    /// Neither the register nor any category says how the data are obtained.
    pub collection_unknown: bool,
    /// Per entry of `personal_data`, in order.
    pub categories: Vec<CategoryApplicability>,
    /// The sources must be listed (14(2)(f)).
    pub sources_required: bool,
    /// The sources are required but none is listed.
    pub sources_missing: bool,
    /// The recipients are not stated (13(1)(e)): neither listed nor `none` (a note alone, or
    /// an empty list, says nothing). The hedged `not_regularly` counts as stated here; it has
    /// its own finding, `hedged-recipients`.
    pub recipients_missing: bool,
    /// The transfers are not stated (13(1)(f)): neither listed, `none`, nor where the data
    /// are stored (`stored_in`, which answers the question).
    pub transfers_missing: bool,
    /// Every right, with its reach in this register.
    #[serde(skip)]
    pub rights: Vec<DerivedRight>,
}

impl Applicability {
    /// What the law requires of `register`.
    pub fn of(register: &Register) -> Applicability {
        let own = register.collection.as_ref();
        let register_collection = own.map(|c| c.value);
        let categories: Vec<CategoryApplicability> = register
            .personal_data()
            .iter()
            .map(|d| {
                let c = d
                    .collection
                    .as_ref()
                    .map(|c| c.value)
                    .or(register_collection);
                CategoryApplicability {
                    art13: c.is_some_and(Collection::art13),
                    art14: c.is_some_and(Collection::art14),
                }
            })
            .collect();
        let art13 = register_collection.is_some_and(Collection::art13)
            || categories.iter().any(|c| c.art13);
        let art14_at = own.filter(|c| c.value.art14()).map(|c| c.pos).or_else(|| {
            register
                .personal_data()
                .iter()
                .filter_map(|d| d.collection.as_ref())
                .find(|c| c.value.art14())
                .map(|c| c.pos)
        });
        let art14 = art14_at.is_some();
        let collection_unknown = own.is_none()
            && register
                .personal_data()
                .iter()
                .all(|d| d.collection.is_none());
        Applicability {
            art13,
            art14,
            art14_at,
            collection_unknown,
            categories,
            sources_required: art14,
            sources_missing: art14 && register.sources().is_empty(),
            recipients_missing: register.recipients.as_ref().is_none_or(|r| {
                r.value
                    .items(r.pos)
                    .is_none_or(|i| matches!(i.value, RecipientItems::List(v) if v.is_empty()))
            }),
            transfers_missing: register.transfers.as_ref().is_none_or(|t| {
                t.value.stored_in().is_none()
                    && t.value
                        .items(t.pos)
                        .is_none_or(|i| matches!(i.value, ListOrNone::List(v) if v.is_empty()))
            }),
            rights: rights::derive(register),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn register(yaml: &str) -> Register {
        crate::load::parse(crate::source::FileId(0), yaml).unwrap()
    }

    #[test]
    fn a_category_obtained_elsewhere_brings_in_art_14() {
        let a = Applicability::of(&register(
            "title: x\ncollection: data_subject\npersonal_data:\n  - category: a\n  - category: b\n    collection: other_sources\n",
        ));
        assert!(a.art13 && a.art14);
        assert!(a.sources_required && a.sources_missing);
        assert_eq!(
            a.categories,
            vec![
                CategoryApplicability {
                    art13: true,
                    art14: false
                },
                CategoryApplicability {
                    art13: false,
                    art14: true
                }
            ]
        );
        assert_eq!(a.art14_at.map(|p| p.line), Some(6));
    }

    #[test]
    fn what_states_the_recipients_and_the_transfers() {
        let missing = |yaml: &str| {
            let a = Applicability::of(&register(yaml));
            (a.recipients_missing, a.transfers_missing)
        };
        assert_eq!(missing("title: x\n"), (true, true));
        assert_eq!(
            missing("recipients: none\ntransfers: none\n"),
            (false, false)
        );
        assert_eq!(missing("recipients: []\ntransfers: []\n"), (true, true));
        // The hedge is stated (and reported by its own rule); a note alone is not.
        assert_eq!(
            missing("recipients: not_regularly\ntransfers:\n  note: x\n"),
            (false, true)
        );
        assert_eq!(
            missing("recipients:\n  note: x\ntransfers:\n  stored_in: eu\n"),
            (true, false)
        );
        assert_eq!(
            missing(
                "recipients:\n  items: [{name: A}]\ntransfers:\n  items: []\n  stored_in: eea\n"
            ),
            (false, false)
        );
    }

    #[test]
    fn collection_from_the_register_alone() {
        let a = Applicability::of(&register("title: x\ncollection: other_sources\n"));
        assert!(!a.art13 && a.art14 && !a.collection_unknown);
        let a = Applicability::of(&register("title: x\n"));
        assert!(!a.art13 && !a.art14 && a.collection_unknown);
    }
}
