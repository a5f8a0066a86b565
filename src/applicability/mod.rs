//! Applicability: what the law requires of a register, and why — decided once, here.
//!
//! Lint rules ask it what is required; the view asks it what to say. When the two decided
//! separately, they drifted: a register collected from the person but with one category
//! obtained elsewhere drew `missing-sources` from the lint while the notice said "we get the
//! data from you" under Art 13 alone. Everything that "applies" to a register belongs here:
//! whether Art 13 and/or 14 apply (per category too), which items they make required, which
//! rights the data subject has ([`rights::derive`]), and which classes of cookies need consent.

use serde::Serialize;

pub mod rights;

use crate::model::{Collection, Register};
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

/// What the law requires of one class of cookies (laki sähköisen viestinnän palveluista
/// 917/2014, 205 §; Directive 2002/58/EC Art 5(3)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CookieApplicability {
    /// Storing or reading needs the user's consent: the class is not strictly necessary.
    pub needs_consent: bool,
    /// It needs consent, but the register gives another basis or none.
    pub lacks_consent: bool,
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
    /// Every right, with its reach in this register.
    #[serde(skip)]
    pub rights: Vec<DerivedRight>,
    /// Per entry of `cookies`, in order.
    pub cookies: Vec<CookieApplicability>,
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
            rights: rights::derive(register),
            cookies: register
                .cookies()
                .iter()
                .map(|c| {
                    // A class not yet named is not judged: `cookie-without-consent` needs one.
                    let needs_consent = c.class.as_ref().is_some_and(|k| k.value.needs_consent());
                    let consent = c
                        .legal_basis
                        .as_ref()
                        .is_some_and(|b| b.value == crate::model::LegalBasis::Consent);
                    CookieApplicability {
                        needs_consent,
                        lacks_consent: needs_consent && !consent,
                    }
                })
                .collect(),
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
    fn cookies_other_than_necessary_need_consent() {
        let a = Applicability::of(&register(
            "title: x\ncookies:\n  - class: necessary\n  - class: statistics\n    legal_basis: consent\n  - class: marketing\n    legal_basis: legitimate_interests\n  - class: preferences\n",
        ));
        let got: Vec<(bool, bool)> = a
            .cookies
            .iter()
            .map(|c| (c.needs_consent, c.lacks_consent))
            .collect();
        assert_eq!(
            got,
            vec![(false, false), (true, false), (true, true), (true, true)]
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
