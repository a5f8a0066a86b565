//! Applicability: what the law requires of a register, and why — decided once, here.
//!
//! Lint rules ask it what is required; the view asks it what to say. When the two decided
//! separately, they drifted: a register collected from the person but with one category
//! obtained elsewhere drew `missing-sources` from the lint while the notice said "we get the
//! data from you" under Art 13 alone. Everything that "applies" to a register belongs here:
//! whether Art 13 and/or 14 apply (per category too), which items they make required (the law
//! behind a purpose, the source of each category from elsewhere), whom each purpose, category
//! and retention period concerns ([`groups`]), which rights the data subject has
//! ([`rights::derive`]), and which classes of cookies need consent.
//!
//! The Art 13(2)(e) statement ("is providing the data required, and what follows if not") is
//! decided per category: it applies to data collected from the person *and provided* by them.
//! Observed data (page views, camera images) are collected from the person (Art 13 applies,
//! WP260 rev.01 para 26) but not provided, and derived data are made by the controller: the
//! person is asked for neither, so whether they are "obliged to provide" them has no answer.
//! A category takes the register's own `provision`/`consequence` unless it gives its own.

use serde::Serialize;

pub mod adequacy;
pub mod combined;
pub mod controller;
pub mod groups;
pub mod marketing;
pub mod retention;
pub mod rights;

use crate::model::{
    Collection, CookieClass, LegalBasis, ListOrNone, Obtained, Provision, RecipientItems, Register,
    nonblank,
};
use crate::source::Pos;
use groups::Groups;
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
    /// Cookies and similar technologies.
    Cookies,
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
        Section::Cookies,
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
            "cookies" | "cookie_settings" => Section::Cookies,
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
            Section::Cookies => "cookies",
            Section::Rights => "rights",
            Section::Complaint => "complaint",
            Section::Extra => "extra",
            Section::Updated => "updated",
        }
    }
}

/// Who wrote a part of a category's Art 13(2)(e) statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatedBy {
    /// The category itself.
    Category,
    /// The register, for every category the person provides.
    Register,
}

/// The Art 13(2)(e) statement that holds for one category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ProvisionStatement {
    /// Whether giving the data is required, and by what.
    pub provision: Provision,
    /// Where that `provision` is written.
    #[serde(skip)]
    pub at: Pos,
    /// The category's own `provision`, or the register's.
    pub provision_by: StatedBy,
    /// Where the `consequence` comes from, if one is given: the category's own, or the
    /// register's when the category also takes the register's `provision`.
    pub consequence_by: Option<StatedBy>,
}

/// How one entry of `personal_data` is obtained, and what that requires.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CategoryApplicability {
    /// Collected from the data subject (Art 13), provided or observed.
    pub art13: bool,
    /// Obtained from elsewhere (Art 14): its source must be named (14(2)(f)).
    pub art14: bool,
    /// Provided by the person, observed, or derived by the controller.
    pub obtained: Obtained,
    /// The Art 13(2)(e) statement is required: collected from the person and provided by them.
    pub provision_required: bool,
    /// The statement that holds for the category (its own, or the register's), when the
    /// statement is required.
    pub provision: Option<ProvisionStatement>,
    /// The category gives a `provision` or `consequence` of its own although 13(2)(e) cannot
    /// apply to it (observed or derived data): a contradiction, left out of the notice.
    pub provision_inapplicable: bool,
    /// It names a special category (Art 9(1)) but not the Art 9(2) condition.
    pub condition_missing: bool,
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
    /// A basis it names (or one of its alternatives) is legitimate interests, and it does
    /// not say which interest (13(1)(d)).
    pub interest_missing: bool,
    /// It is direct marketing and uses, or may use, special-category data without explicit
    /// consent ([`marketing`]).
    pub special_marketing: Option<marketing::SpecialMarketing>,
}

/// What the law requires of one transfer (Art 13(1)(f), 14(1)(f)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct TransferApplicability {
    /// Neither the third country nor the international organisation is named.
    pub destination_missing: bool,
    /// No mechanism (Art 45–49) is given.
    pub mechanism_missing: bool,
    /// A mechanism is an Art 46/47 safeguard, and the register does not say how to obtain a
    /// copy of it (`document`).
    pub document_missing: bool,
}

/// What the law requires of one class of cookies (laki sähköisen viestinnän palveluista
/// 917/2014, 205 §; Directive 2002/58/EC Art 5(3)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CookieApplicability {
    /// Storing or reading needs the user's consent: the class is not strictly necessary.
    pub needs_consent: bool,
    /// It needs consent, but the register gives another basis or none.
    pub lacks_consent: bool,
    /// The register says it rests on consent: the consent can be withdrawn (7(3)).
    pub on_consent: bool,
    /// A strictly necessary class said to rest on consent: consent the user cannot refuse
    /// without losing the service is not freely given (Art 4(11), 7(4)).
    pub consent_for_necessary: bool,
    /// A strictly necessary class stored without asking consent: the notice may say that
    /// such cookies need none.
    pub exempt: bool,
}

impl CookieApplicability {
    /// What the law requires of one class of cookies. `rights::derive` asks the same about
    /// consent, so the cookie section and the withdrawal of consent cannot disagree.
    pub fn of(c: &CookieClass) -> CookieApplicability {
        // A class not yet named is not judged: `cookie-without-consent` needs one.
        let needs_consent = c.class.as_ref().is_some_and(|k| k.value.needs_consent());
        let necessary = c.class.as_ref().is_some_and(|k| !k.value.needs_consent());
        let on_consent = c
            .legal_basis
            .as_ref()
            .is_some_and(|b| b.value == LegalBasis::Consent);
        CookieApplicability {
            needs_consent,
            lacks_consent: needs_consent && !on_consent,
            on_consent,
            consent_for_necessary: necessary && on_consent,
            exempt: necessary && !on_consent,
        }
    }
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
    /// The notice states whether providing data is required (13(2)(e)): some category needs
    /// the statement, or the register states it for all data the person provides.
    pub provision_section: bool,
    /// The register's own `provision` holds for some data the person provides (or, with no
    /// categories listed yet, for all of them), so the notice states it once for all.
    pub register_provision_applies: bool,
    /// The register gives a `provision` that holds for no category: every category listed is
    /// observed, derived or obtained elsewhere.
    pub register_provision_inapplicable: bool,
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
    /// Per retention entry: the categories it covers ([`retention`]).
    pub retention: Vec<retention::RetentionCoverage>,
    /// Entries of `personal_data` that no retention period covers (13(2)(a), 14(2)(a)).
    pub categories_without_retention: Vec<usize>,
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
    /// Per entry of `cookies`, in order.
    pub cookies: Vec<CookieApplicability>,
    /// Per transfer listed, in order.
    pub transfers: Vec<TransferApplicability>,
    /// Some purpose rests on legitimate interests (or names it among its alternatives): the
    /// notice says the interests were balanced.
    pub legitimate_interests: bool,
    /// The register's own words on the rights — how to exercise them, a right's note or
    /// restriction — limit access requests to a number a year or charge for them (read as
    /// `access-request-limit` reads them): the notice does not then also say that requests
    /// are handled free of charge.
    pub requests_charged: bool,
}

impl Applicability {
    /// What the law requires of `register`.
    pub fn of(register: &Register) -> Applicability {
        let own = register.collection.as_ref();
        let register_collection = own.map(|c| c.value);
        let groups = Groups::of(register);
        // Where each category's Art 14 comes in, for `art14_at`.
        let mut art14_by: Vec<Option<Pos>> = Vec::new();
        let categories: Vec<CategoryApplicability> = register
            .personal_data()
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let c = d
                    .collection
                    .as_ref()
                    .map(|c| c.value)
                    .or(register_collection);
                let art13 = c.is_some_and(Collection::art13);
                // A source that names the category provides it: the data come (also) from
                // that source, whatever `collection` says, and Art 14 applies to them.
                let named_by = register
                    .sources()
                    .iter()
                    .zip(&groups.sources)
                    .find(|(_, scope)| scope.as_ref().is_some_and(|v| v.contains(&i)))
                    .and_then(|(s, _)| s.personal_data.as_ref())
                    .map(|l| l.pos);
                art14_by.push(if c.is_some_and(Collection::art14) {
                    d.collection.as_ref().map(|c| c.pos).or(own.map(|c| c.pos))
                } else {
                    named_by
                });
                let obtained = d.obtained();
                let provision_required = art13 && obtained.provided();
                // A category's own `provision` takes its own `consequence` only: the register's
                // consequence was written for the register's provision.
                let statement = if let Some(p) = &d.provision {
                    Some(ProvisionStatement {
                        provision: p.value,
                        at: p.pos,
                        provision_by: StatedBy::Category,
                        consequence_by: nonblank(&d.consequence).map(|_| StatedBy::Category),
                    })
                } else {
                    register.provision.as_ref().map(|p| ProvisionStatement {
                        provision: p.value,
                        at: p.pos,
                        provision_by: StatedBy::Register,
                        consequence_by: if nonblank(&d.consequence).is_some() {
                            Some(StatedBy::Category)
                        } else {
                            nonblank(&register.consequence).map(|_| StatedBy::Register)
                        },
                    })
                };
                CategoryApplicability {
                    art13,
                    art14: c.is_some_and(Collection::art14) || named_by.is_some(),
                    obtained,
                    provision_required,
                    provision: statement.filter(|_| provision_required),
                    provision_inapplicable: !obtained.provided()
                        && (d.provision.is_some() || nonblank(&d.consequence).is_some()),
                    condition_missing: d.special_category.is_some() && d.condition.is_none(),
                }
            })
            .collect();
        // Once categories are listed, the register's `collection` is only the default for
        // those that give none: what applies follows the categories.
        let art13 = if categories.is_empty() {
            register_collection.is_some_and(Collection::art13)
        } else {
            categories.iter().any(|c| c.art13)
        };
        let art14_at = if categories.is_empty() {
            own.filter(|c| c.value.art14()).map(|c| c.pos)
        } else {
            // The register's `collection` when it brings Art 14 to some category, else the
            // first category's own `collection`, else the first source that names one.
            let at = |p: Option<Pos>| art14_by.iter().flatten().find(|&&q| Some(q) == p).copied();
            at(own.map(|c| c.pos))
                .or_else(|| {
                    register
                        .personal_data()
                        .iter()
                        .filter_map(|d| d.collection.as_ref())
                        .map(|c| c.pos)
                        .find(|&p| at(Some(p)).is_some())
                })
                .or_else(|| art14_by.iter().flatten().next().copied())
        };
        let art14 = art14_at.is_some();
        let collection_unknown = own.is_none()
            && register
                .personal_data()
                .iter()
                .all(|d| d.collection.is_none());
        let register_provision_applies = register.provision.is_some()
            && if categories.is_empty() {
                art13
            } else {
                categories.iter().any(|c| {
                    c.provision
                        .is_some_and(|s| s.provision_by == StatedBy::Register)
                })
            };
        let register_provision_inapplicable = register.provision.is_some()
            && !categories.is_empty()
            && !categories.iter().any(|c| c.provision_required);
        let register_law = nonblank(&register.law).is_some();
        let purposes = register
            .purposes()
            .iter()
            .enumerate()
            .map(|(i, p)| PurposeApplicability {
                law_required: p
                    .bases()
                    .iter()
                    .any(|b| matches!(b, LegalBasis::LegalObligation | LegalBasis::PublicTask)),
                law_given: nonblank(&p.law).is_some() || register_law,
                interest_missing: p.bases().contains(&LegalBasis::LegitimateInterests)
                    && nonblank(&p.legitimate_interest).is_none(),
                special_marketing: marketing::special_marketing(register, &groups, i),
            })
            .collect();
        // Only listed sources can leave a category uncovered; no sources at all is
        // `sources_missing`.
        let categories_without_source = if register.sources().is_empty() {
            Vec::new()
        } else {
            (0..categories.len())
                .filter(|&i| categories[i].art14 && !groups.has_source(i))
                .collect()
        };
        let retention = retention::coverage(register, &groups);
        let categories_without_retention = retention::uncovered(register, &groups, &retention);
        Applicability {
            art13,
            art14,
            art14_at,
            collection_unknown,
            provision_section: register_provision_applies
                || categories.iter().any(|c| c.provision_required),
            register_provision_applies,
            register_provision_inapplicable,
            categories,
            purposes,
            sources_required: art14,
            sources_missing: art14 && register.sources().is_empty(),
            categories_without_source,
            groups,
            retention,
            categories_without_retention,
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
            cookies: register
                .cookies()
                .iter()
                .map(|c| CookieApplicability::of(c))
                .collect(),
            transfers: register
                .transfers()
                .iter()
                .map(|t| {
                    let mechanisms = t.mechanisms();
                    TransferApplicability {
                        destination_missing: t.country.is_none()
                            && nonblank(&t.organisation).is_none(),
                        mechanism_missing: mechanisms.is_empty(),
                        document_missing: mechanisms.iter().any(|m| m.value.is_safeguard())
                            && nonblank(&t.document).is_none(),
                    }
                })
                .collect(),
            legitimate_interests: register
                .legal_bases()
                .any(|b| b == LegalBasis::LegitimateInterests),
            requests_charged: requests_charged(register),
        }
    }
}

/// The register's own words on the rights: how to exercise them, and each right's note and
/// restriction.
pub fn rights_texts(
    register: &Register,
) -> impl Iterator<Item = &crate::model::Spanned<crate::model::Text>> {
    let rights = register.rights.as_ref().map(|r| &r.value);
    let notes = rights.into_iter().flat_map(|r| {
        [
            &r.access,
            &r.rectification,
            &r.erasure,
            &r.restriction,
            &r.notification,
            &r.portability,
            &r.objection,
            &r.automated_decisions,
            &r.withdraw_consent,
            &r.complaint,
        ]
    });
    rights.and_then(|r| r.exercise.as_ref()).into_iter().chain(
        notes
            .flatten()
            .flat_map(|n| [n.note.as_ref(), n.restriction.as_ref()])
            .flatten(),
    )
}

impl Applicability {
    /// How the data collected from the person arise (Art 13): whether the person provides
    /// some, and whether some are observed (a camera, a log). A register without categories
    /// yet is taken to collect what the person provides.
    pub fn direct_collection(&self) -> DirectCollection {
        let direct: Vec<&CategoryApplicability> =
            self.categories.iter().filter(|c| c.art13).collect();
        if direct.is_empty() {
            return DirectCollection {
                provided: true,
                observed: false,
            };
        }
        let observed = direct.iter().any(|c| c.obtained == Obtained::Observed);
        DirectCollection {
            provided: direct.iter().any(|c| c.obtained.provided()) || !observed,
            observed,
        }
    }
}

/// How the data collected from the person arise: see [`Applicability::direct_collection`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DirectCollection {
    /// The person provides some of the data.
    pub provided: bool,
    /// Some of the data are observed: they arise from watching the person or their activity,
    /// and the notice must not say the person gave them.
    pub observed: bool,
}

/// Whether a text of the rights section limits or charges access requests: see
/// [`Applicability::requests_charged`].
fn requests_charged(register: &Register) -> bool {
    rights_texts(register)
        .any(|t| crate::lint::rules::access_request_limit::limits_or_charges(t.value.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn register(yaml: &str) -> Register {
        crate::load::parse(crate::source::FileId(0), yaml).unwrap()
    }

    #[test]
    fn observed_data_are_not_said_to_be_provided() {
        let of = |yaml: &str| Applicability::of(&register(yaml)).direct_collection();
        let camera = "collection: data_subject\npersonal_data:\n  - category: Videokuva\n    obtained: observed\n";
        assert_eq!(
            of(camera),
            DirectCollection {
                provided: false,
                observed: true
            }
        );
        let both = "collection: data_subject\npersonal_data:\n  - category: Nimi\n  - category: Videokuva\n    obtained: observed\n";
        assert_eq!(
            of(both),
            DirectCollection {
                provided: true,
                observed: true
            }
        );
        assert!(of("collection: data_subject\n").provided);
    }

    #[test]
    fn a_fee_or_limit_in_the_rights_section_is_known_once() {
        let of = |rights: &str| Applicability::of(&register(&format!("title: x\n{rights}")));
        assert!(!of("").requests_charged);
        assert!(of("rights:\n  exercise: Tarkastuksesta peritään maksu.\n").requests_charged);
        assert!(
            of("rights:\n  access:\n    note: Pyynnön voi tehdä kerran kalenterivuodessa.\n")
                .requests_charged
        );
        assert!(
            !of("rights:\n  access:\n    note: Lisäjäljennöksistä voimme periä kohtuullisen maksun.\n")
                .requests_charged
        );
    }

    #[test]
    fn a_category_obtained_elsewhere_brings_in_art_14() {
        let a = Applicability::of(&register(
            "title: x\ncollection: data_subject\npersonal_data:\n  - category: a\n  - category: b\n    collection: other_sources\n",
        ));
        assert!(a.art13 && a.art14);
        assert!(a.sources_required && a.sources_missing);
        let how: Vec<(bool, bool, bool)> = a
            .categories
            .iter()
            .map(|c| (c.art13, c.art14, c.provision_required))
            .collect();
        assert_eq!(how, vec![(true, false, true), (false, true, false)]);
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
    fn once_categories_are_listed_the_registers_collection_is_only_their_default() {
        // Collected from the person by default, but the only category comes from elsewhere.
        let a = Applicability::of(&register(
            "title: x\ncollection: data_subject\npersonal_data:\n  - category: a\n    collection: other_sources\n",
        ));
        assert!(!a.art13 && a.art14);
        assert_eq!(a.art14_at.map(|p| p.line), Some(5));
        // From elsewhere by default, but every category comes from the person: no sources.
        let a = Applicability::of(&register(
            "title: x\ncollection: other_sources\npersonal_data:\n  - category: a\n    collection: data_subject\n",
        ));
        assert!(a.art13 && !a.art14 && !a.sources_required && a.art14_at.is_none());
        // The default still holds for a category that gives none, and is where Art 14 comes in.
        let a = Applicability::of(&register(
            "title: x\ncollection: other_sources\npersonal_data:\n  - category: a\n    collection: data_subject\n  - category: b\n",
        ));
        assert!(a.art13 && a.art14);
        assert_eq!(a.art14_at.map(|p| p.line), Some(2));
    }

    #[test]
    fn a_category_a_source_names_comes_from_that_source() {
        let yaml = "title: x\ncollection: data_subject\npersonal_data:\n  - category: a\n    id: a\n  - category: b\n    id: b\nsources:\n  - description: s\n    public: false\n    personal_data: [a]\n";
        let a = Applicability::of(&register(yaml));
        let how: Vec<(bool, bool)> = a.categories.iter().map(|c| (c.art13, c.art14)).collect();
        // `a` is collected from the person and obtained from the source: 13 and 14.
        assert_eq!(how, vec![(true, true), (true, false)]);
        assert!(a.art13 && a.art14 && !a.sources_missing);
        assert!(a.categories_without_source.is_empty());
        assert_eq!(a.art14_at.map(|p| p.line), Some(11));
        // A source that names no categories says nothing about which data it provides.
        let a = Applicability::of(&register(&yaml.replace("    personal_data: [a]\n", "")));
        assert!(a.art13 && !a.art14);
    }

    #[test]
    fn necessary_cookies_on_consent_are_one_decision() {
        let a = Applicability::of(&register(
            "title: x\ncookies:\n  - class: necessary\n    legal_basis: consent\n  - class: necessary\n",
        ));
        let got: Vec<(bool, bool, bool)> = a
            .cookies
            .iter()
            .map(|c| (c.on_consent, c.consent_for_necessary, c.exempt))
            .collect();
        assert_eq!(got, vec![(true, true, false), (false, false, true)]);
        // The withdrawal of consent reads the same decision.
        let w = a
            .rights
            .iter()
            .find(|r| r.right == crate::model::Right::WithdrawConsent)
            .unwrap();
        assert!(w.cookie_consent);
    }

    #[test]
    fn what_a_purpose_a_category_and_a_transfer_lack() {
        let a = Applicability::of(&register(
            "title: x\npurposes:\n  - description: a\n    legal_basis: {either: [contract, legitimate_interests]}\n  - description: b\n    legal_basis: legitimate_interests\n    legitimate_interest: c\npersonal_data:\n  - category: d\n    special_category: health\n  - category: e\n    special_category: health\n    condition: health_care\ntransfers:\n  - recipient: X\n    mechanism: standard_contractual_clauses\n  - recipient: Y\n    country: JP\n",
        ));
        let interest: Vec<bool> = a.purposes.iter().map(|p| p.interest_missing).collect();
        assert_eq!(interest, vec![true, false]);
        assert!(a.legitimate_interests);
        let condition: Vec<bool> = a.categories.iter().map(|c| c.condition_missing).collect();
        assert_eq!(condition, vec![true, false]);
        let t: Vec<(bool, bool, bool)> = a
            .transfers
            .iter()
            .map(|t| {
                (
                    t.destination_missing,
                    t.mechanism_missing,
                    t.document_missing,
                )
            })
            .collect();
        assert_eq!(t, vec![(true, false, true), (false, true, false)]);
    }

    #[test]
    fn collection_from_the_register_alone() {
        let a = Applicability::of(&register("title: x\ncollection: other_sources\n"));
        assert!(!a.art13 && a.art14 && !a.collection_unknown);
        let a = Applicability::of(&register("title: x\n"));
        assert!(!a.art13 && !a.art14 && a.collection_unknown);
    }

    #[test]
    fn observed_and_derived_data_need_no_provision_statement() {
        let a = Applicability::of(&register(
            "title: x\ncollection: data_subject\npersonal_data:\n  - category: a\n  - category: b\n    obtained: observed\n  - category: c\n    obtained: derived\n  - category: d\n    obtained: provided\n",
        ));
        let required: Vec<bool> = a.categories.iter().map(|c| c.provision_required).collect();
        assert_eq!(required, vec![true, false, false, true]);
        // Observed data are still collected from the person: Art 13, not Art 14.
        assert!(a.categories.iter().all(|c| c.art13 && !c.art14));
        assert!(!a.sources_required);
        assert!(a.provision_section);
        assert!(a.categories.iter().all(|c| !c.provision_inapplicable));
    }

    #[test]
    fn a_provision_on_observed_data_is_a_contradiction() {
        let a = Applicability::of(&register(
            "title: x\ncollection: data_subject\npersonal_data:\n  - category: a\n    obtained: observed\n    provision: voluntary\n",
        ));
        let c = a.categories[0];
        assert!(c.provision_inapplicable && !c.provision_required && c.provision.is_none());
        assert!(!a.provision_section);
    }

    #[test]
    fn the_register_statement_holds_unless_a_category_has_its_own() {
        let a = Applicability::of(&register(
            "title: x\ncollection: data_subject\nprovision: contractual\nconsequence: c\npersonal_data:\n  - category: a\n  - category: b\n    provision: voluntary\n  - category: c\n    consequence: own\n  - category: d\n    obtained: observed\n  - category: e\n    provision: statutory\n",
        ));
        assert!(a.register_provision_applies && !a.register_provision_inapplicable);
        let s: Vec<Option<(Provision, StatedBy, Option<StatedBy>)>> = a
            .categories
            .iter()
            .map(|c| {
                c.provision
                    .map(|s| (s.provision, s.provision_by, s.consequence_by))
            })
            .collect();
        assert_eq!(
            s,
            vec![
                Some((
                    Provision::Contractual,
                    StatedBy::Register,
                    Some(StatedBy::Register)
                )),
                Some((Provision::Voluntary, StatedBy::Category, None)),
                Some((
                    Provision::Contractual,
                    StatedBy::Register,
                    Some(StatedBy::Category)
                )),
                None,
                // Its own provision does not take the register's consequence.
                Some((Provision::Statutory, StatedBy::Category, None)),
            ]
        );
        assert_eq!(a.categories[0].provision.unwrap().at.line, 3);
    }

    #[test]
    fn a_register_statement_for_no_provided_data_is_a_contradiction() {
        let a = Applicability::of(&register(
            "title: x\ncollection: data_subject\nprovision: voluntary\npersonal_data:\n  - category: a\n    obtained: observed\n",
        ));
        assert!(a.register_provision_inapplicable && !a.register_provision_applies);
        assert!(!a.provision_section);
        // With no categories listed yet, it holds for whatever the person provides.
        let a = Applicability::of(&register(
            "title: x\ncollection: data_subject\nprovision: voluntary\n",
        ));
        assert!(a.register_provision_applies && a.provision_section);
    }
}
