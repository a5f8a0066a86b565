//! Applicability: what the law requires of a register, and why — decided once, here.
//!
//! Lint rules ask it what is required; the view asks it what to say. When the two decided
//! separately, they drifted: a register collected from the person but with one category
//! obtained elsewhere drew `missing-sources` from the lint while the notice said "we get the
//! data from you" under Art 13 alone. Everything that "applies" to a register belongs here:
//! whether Art 13 and/or 14 apply (per category too), which items they make required (the law
//! behind a purpose, the source of each category from elsewhere), whom each purpose, category
//! and retention period concerns ([`groups`]), and which rights the data subject has
//! ([`rights::derive`]).

use serde::Serialize;

pub mod groups;
pub mod rights;

use crate::model::{Collection, LegalBasis, Register, nonblank};
use crate::source::Pos;
use groups::Groups;
use rights::DerivedRight;

/// How one entry of `personal_data` is obtained.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CategoryApplicability {
    /// Collected from the data subject (Art 13): the 13(2)(e) statement is required.
    pub art13: bool,
    /// Obtained from elsewhere (Art 14): its source must be named (14(2)(f)).
    pub art14: bool,
}

/// What the law requires of one entry of `purposes`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PurposeApplicability {
    /// A basis it names is a legal obligation or a public task, so the law behind it must be
    /// named (Art 6(3)).
    pub law_required: bool,
    /// A law is named for it: its own `law`, or the register's `law`, which covers every
    /// purpose without one.
    pub law_given: bool,
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
    /// Per entry of `purposes`, in order.
    pub purposes: Vec<PurposeApplicability>,
    /// The sources must be listed (14(2)(f)).
    pub sources_required: bool,
    /// The sources are required but none is listed.
    pub sources_missing: bool,
    /// Entries of `personal_data` obtained from elsewhere that no listed source provides
    /// (every source names other categories): their source is missing (14(2)(f)).
    pub categories_without_source: Vec<usize>,
    /// Whom each purpose, category and retention period concerns, which categories each
    /// source provides, and the references that name nothing.
    pub groups: Groups,
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
        let register_law = nonblank(&register.law).is_some();
        let purposes = register
            .purposes()
            .iter()
            .map(|p| PurposeApplicability {
                law_required: p
                    .bases()
                    .iter()
                    .any(|b| matches!(b, LegalBasis::LegalObligation | LegalBasis::PublicTask)),
                law_given: nonblank(&p.law).is_some() || register_law,
            })
            .collect();
        let groups = Groups::of(register);
        // Only listed sources can leave a category uncovered; no sources at all is
        // `sources_missing`.
        let categories_without_source = if register.sources().is_empty() {
            Vec::new()
        } else {
            (0..categories.len())
                .filter(|&i| categories[i].art14 && !groups.has_source(i))
                .collect()
        };
        Applicability {
            art13,
            art14,
            art14_at,
            collection_unknown,
            categories,
            purposes,
            sources_required: art14,
            sources_missing: art14 && register.sources().is_empty(),
            categories_without_source,
            groups,
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
    fn a_category_from_elsewhere_needs_a_source_that_provides_it() {
        let yaml = "title: x\ncollection: data_subject\npersonal_data:\n  - category: a\n  - category: b\n    id: b\n    collection: other_sources\n  - category: c\n    id: c\n    collection: other_sources\nsources:\n  - description: s\n    public: false\n    personal_data: [b]\n";
        let a = Applicability::of(&register(yaml));
        // `a` comes from the person; `b` has its source; `c` has none.
        assert_eq!(a.categories_without_source, vec![2]);
        assert!(!a.sources_missing);
        // A source that names no categories provides them all.
        let a = Applicability::of(&register(&format!(
            "{yaml}  - description: t\n    public: true\n"
        )));
        assert!(a.categories_without_source.is_empty());
        // No sources at all is reported as missing sources, not per category.
        let a = Applicability::of(&register(yaml.split("sources:").next().unwrap()));
        assert!(a.sources_missing && a.categories_without_source.is_empty());
    }

    #[test]
    fn the_registers_law_covers_purposes_without_their_own() {
        let purposes = "purposes:\n  - description: a\n    legal_basis: legal_obligation\n  - description: b\n    legal_basis: contract\n  - description: c\n    legal_basis: {either: [contract, public_task]}\n    law: Laki c\n";
        let a = Applicability::of(&register(&format!("title: x\n{purposes}")));
        let law = |a: &Applicability| -> Vec<(bool, bool)> {
            a.purposes
                .iter()
                .map(|p| (p.law_required, p.law_given))
                .collect()
        };
        assert_eq!(law(&a), vec![(true, false), (false, false), (true, true)]);
        let a = Applicability::of(&register(&format!(
            "title: x\nlaw: Laki rekisteristä\n{purposes}"
        )));
        assert_eq!(law(&a), vec![(true, true), (false, true), (true, true)]);
        // A blank law names nothing.
        let a = Applicability::of(&register(&format!("title: x\nlaw: ' '\n{purposes}")));
        assert_eq!(law(&a)[0], (true, false));
    }

    #[test]
    fn collection_from_the_register_alone() {
        let a = Applicability::of(&register("title: x\ncollection: other_sources\n"));
        assert!(!a.art13 && a.art14 && !a.collection_unknown);
        let a = Applicability::of(&register("title: x\n"));
        assert!(!a.art13 && !a.art14 && a.collection_unknown);
    }
}
