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

use crate::model::{Collection, Register};
use crate::source::Pos;
use rights::DerivedRight;

/// A part of the notice: where a finding about a register is marked in its draft.
///
/// The sections follow the order of the notice. A rule names the section its findings concern
/// (`Rule::section`); a rule whose findings can concern any part — a vague word, a repealed
/// act, a malformed address — says [`Section::Located`], and the finding is marked in the
/// section of the key it stands under.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// Decided by where the finding is (the top-level key of the file it stands under).
    Located,
    /// The title and the introduction.
    Head,
    /// The controller (and its representative).
    Controller,
    /// The contact person(s).
    Contact,
    /// The data protection officer.
    Dpo,
    /// Purposes and legal bases.
    Purposes,
    /// Data subjects and categories of personal data.
    PersonalData,
    /// Whether providing the data is required (Art 13(2)(e)).
    Provision,
    /// Where the data come from.
    Sources,
    /// Recipients.
    Recipients,
    /// Transfers outside the EU/EEA.
    Transfers,
    /// Storage periods.
    Retention,
    /// Automated decision-making.
    AutomatedDecisions,
    /// Further processing for a new purpose.
    FurtherProcessing,
    /// Security measures.
    Security,
    /// The rights of the data subject.
    Rights,
    /// The right to lodge a complaint, and the supervisory authority.
    Complaint,
    /// Further sections at the end of the notice.
    Extra,
    /// The date of the notice, at its end.
    Updated,
}

impl Section {
    /// Every section of a notice (all but [`Section::Located`]), in order.
    pub const ALL: &'static [Section] = &[
        Section::Head,
        Section::Controller,
        Section::Contact,
        Section::Dpo,
        Section::Purposes,
        Section::PersonalData,
        Section::Provision,
        Section::Sources,
        Section::Recipients,
        Section::Transfers,
        Section::Retention,
        Section::AutomatedDecisions,
        Section::FurtherProcessing,
        Section::Security,
        Section::Rights,
        Section::Complaint,
        Section::Extra,
        Section::Updated,
    ];

    /// The section of a top-level key of a register file.
    pub fn of_register_key(key: &str) -> Section {
        match key {
            "title" | "description" => Section::Head,
            "updated" => Section::Updated,
            "contact" => Section::Contact,
            "data_subjects" | "personal_data" => Section::PersonalData,
            "provision" | "consequence" => Section::Provision,
            "collection" | "sources" => Section::Sources,
            "purposes" | "law" => Section::Purposes,
            "recipients" => Section::Recipients,
            "transfers" => Section::Transfers,
            "retention" => Section::Retention,
            "automated_decisions" => Section::AutomatedDecisions,
            "further_processing" => Section::FurtherProcessing,
            "rights" => Section::Rights,
            "security" => Section::Security,
            _ => Section::Extra,
        }
    }

    /// The section of a top-level key of `seloste.yaml`.
    pub fn of_project_key(key: &str) -> Section {
        match key {
            "contact" => Section::Contact,
            "dpo" => Section::Dpo,
            "supervisory_authority" => Section::Complaint,
            "controller" | "representative" => Section::Controller,
            _ => Section::Head,
        }
    }

    /// The snake_case name the templates use.
    pub fn name(self) -> &'static str {
        match self {
            Section::Located => "located",
            Section::Head => "head",
            Section::Controller => "controller",
            Section::Contact => "contact",
            Section::Dpo => "dpo",
            Section::Purposes => "purposes",
            Section::PersonalData => "personal_data",
            Section::Provision => "provision",
            Section::Sources => "sources",
            Section::Recipients => "recipients",
            Section::Transfers => "transfers",
            Section::Retention => "retention",
            Section::AutomatedDecisions => "automated_decisions",
            Section::FurtherProcessing => "further_processing",
            Section::Security => "security",
            Section::Rights => "rights",
            Section::Complaint => "complaint",
            Section::Extra => "extra",
            Section::Updated => "updated",
        }
    }
}

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
    fn collection_from_the_register_alone() {
        let a = Applicability::of(&register("title: x\ncollection: other_sources\n"));
        assert!(!a.art13 && a.art14 && !a.collection_unknown);
        let a = Applicability::of(&register("title: x\n"));
        assert!(!a.art13 && !a.art14 && a.collection_unknown);
    }
}
