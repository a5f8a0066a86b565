//! Which rights of the data subject apply to a register, and why (`shared/GDPR.md` §3).
//!
//! Rights follow from the legal bases of the purposes and from the special-category
//! conditions: erasure does not apply where processing rests on a legal obligation or a public
//! task (17(3)(b)); portability only where it rests on consent or a contract (20(1)); objection
//! where it rests on a public task or legitimate interests (21(1)) and always against direct
//! marketing (21(2)); withdrawal of consent where consent (6(1)(a) or 9(2)(a)) is used, by a
//! purpose or by a class of cookies (cookies count for this right alone);
//! notification of rectification, erasure or restriction to the recipients (19) where
//! recipients are listed (or hedged as `not_regularly`), since rectification and restriction
//! always apply. The
//! renderer and the lint both use [`derive`](fn@derive), so the notice says what the lint checked.
//!
//! A purpose whose notice leaves the basis open (`either`) keeps a right unless every
//! alternative excludes it: the person may not lose a right to the controller's vagueness, and
//! a right is never shown both excluded and offered for the same purpose.

use serde::Serialize;

use crate::model::{Condition, LegalBasis, RecipientItems, Register, Right};

/// How far a right reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reach {
    /// To all processing in the register.
    All,
    /// Only to some purposes (listed in [`DerivedRight::purposes`]).
    Some,
    /// Not at all (see [`DerivedRight::exclusions`] for why).
    None,
}

/// Why a right does not reach a purpose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Exclusion {
    /// Processing is needed for a legal obligation or a public task (17(3)(b)).
    LegalObligationOrPublicTask,
    /// Portability needs consent or a contract as the basis (20(1)(a)).
    NotConsentOrContract,
    /// Objection under 21(1) needs a public task or legitimate interests as the basis.
    NotPublicTaskOrLegitimateInterests,
}

impl Exclusion {
    /// The article the exclusion rests on.
    pub fn article(self) -> &'static str {
        match self {
            Exclusion::LegalObligationOrPublicTask => "Art 17(3)(b)",
            Exclusion::NotConsentOrContract => "Art 20(1)(a)",
            Exclusion::NotPublicTaskOrLegitimateInterests => "Art 21(1)",
        }
    }
}

/// One right, how far it reaches in this register, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DerivedRight {
    /// The right.
    pub right: Right,
    /// All, some or none of the processing.
    pub reach: Reach,
    /// Indices of the purposes the right reaches, when `reach` is `Some`.
    pub purposes: Vec<usize>,
    /// Purposes the right reaches only if the basis the notice leaves open (`either`) is one
    /// that gives it: the notice may say the right applies "when processing rests on …", never
    /// that it does.
    pub uncertain: Vec<usize>,
    /// Purposes the right does not reach, each with the reason.
    pub exclusions: Vec<(usize, Exclusion)>,
    /// The articles the outcome rests on.
    pub articles: Vec<&'static str>,
    /// For objection: whether it reaches direct marketing (21(2), absolute, and to be shown
    /// separately and prominently under 21(4)).
    pub direct_marketing: bool,
    /// For withdrawal: whether explicit consent under 9(2)(a) is among the grounds.
    pub explicit_consent: bool,
    /// For withdrawal: whether a class of cookies rests on consent (205 §, Art 7(3)).
    pub cookie_consent: bool,
}

impl DerivedRight {
    /// Whether the right reaches any processing.
    pub fn applies(&self) -> bool {
        self.reach != Reach::None
    }

    /// The indices of the purposes it reaches, of a register with `purposes` purposes.
    pub fn reached(&self, purposes: usize) -> Vec<usize> {
        match self.reach {
            Reach::All => (0..purposes).collect(),
            Reach::Some => self.purposes.clone(),
            Reach::None => Vec::new(),
        }
    }
}

/// Every right, in the order of the GDPR, with its reach in `register`.
///
/// A purpose without a legal basis yet excludes nothing: a half-written register is shown every
/// right it may owe rather than too few.
pub fn derive(register: &Register) -> Vec<DerivedRight> {
    let purposes = register.purposes();
    let bases: Vec<&[LegalBasis]> = purposes.iter().map(|p| p.bases()).collect();
    // An `either` purpose rests on one of its alternatives, the notice does not say which.
    let either: Vec<bool> = purposes
        .iter()
        .map(|p| p.either_bases().is_some())
        .collect();
    let explicit_consent = register.personal_data().iter().any(|d| {
        d.condition
            .as_ref()
            .is_some_and(|c| c.value == Condition::ExplicitConsent)
    });
    let marketing: Vec<bool> = purposes.iter().map(|p| p.is_direct_marketing()).collect();
    // Cookie classes are purposes of their own for one right only: consent given to them can
    // be withdrawn (7(3)). They are not listed among the purposes, and the other rights follow
    // the register's purposes.
    let cookie_consent = register
        .cookies()
        .iter()
        .any(|c| super::CookieApplicability::of(c).on_consent);
    let has_automated = !register.automated_decisions().is_empty();
    // Art 19 follows rectification (16) and restriction (18), which always apply, to every
    // recipient the data were disclosed to: it applies whenever recipients are listed, and
    // under the hedge `not_regularly` too, which is said only because someone does receive
    // the data now and then.
    let has_recipients = !register.recipients().is_empty()
        || register.recipients.as_ref().is_some_and(|r| {
            r.value
                .items(r.pos)
                .is_some_and(|i| matches!(i.value, RecipientItems::NotRegularly))
        });

    // A right that reaches every purpose `applies` says yes to; others are excluded for `why`.
    let by_purpose = |right: Right,
                      articles: Vec<&'static str>,
                      applies: &dyn Fn(usize, &[LegalBasis]) -> bool,
                      why: Exclusion| {
        let mut reached = Vec::new();
        let mut uncertain = Vec::new();
        let mut exclusions = Vec::new();
        for (i, b) in bases.iter().enumerate() {
            // Under alternatives the right is excluded only if every alternative excludes it:
            // whichever basis applies, the notice must not take away a right the person has.
            let reaches = if either[i] {
                let giving = b
                    .iter()
                    .filter(|a| applies(i, std::slice::from_ref(*a)))
                    .count();
                if giving > 0 && giving < b.len() {
                    uncertain.push(i);
                }
                giving > 0
            } else {
                applies(i, b)
            };
            if b.is_empty() || reaches {
                reached.push(i);
            } else {
                exclusions.push((i, why));
            }
        }
        let reach = if exclusions.is_empty() {
            Reach::All
        } else if reached.is_empty() {
            Reach::None
        } else {
            Reach::Some
        };
        DerivedRight {
            right,
            reach,
            purposes: if reach == Reach::Some {
                reached
            } else {
                Vec::new()
            },
            uncertain,
            exclusions,
            articles,
            direct_marketing: false,
            explicit_consent: false,
            cookie_consent: false,
        }
    };
    let always = |right: Right| DerivedRight {
        right,
        reach: Reach::All,
        purposes: Vec::new(),
        uncertain: Vec::new(),
        exclusions: Vec::new(),
        articles: vec![right.article()],
        direct_marketing: false,
        explicit_consent: false,
        cookie_consent: false,
    };
    let with_reach = |right: Right, on: bool, articles: Vec<&'static str>| DerivedRight {
        right,
        reach: if on { Reach::All } else { Reach::None },
        purposes: Vec::new(),
        uncertain: Vec::new(),
        exclusions: Vec::new(),
        articles,
        direct_marketing: false,
        explicit_consent: false,
        cookie_consent: false,
    };

    let erasure = by_purpose(
        Right::Erasure,
        vec!["Art 17", "Art 17(3)(b)"],
        &|_, b| {
            !b.iter()
                .any(|b| matches!(b, LegalBasis::LegalObligation | LegalBasis::PublicTask))
        },
        Exclusion::LegalObligationOrPublicTask,
    );
    let portability = by_purpose(
        Right::Portability,
        vec!["Art 20(1)"],
        &|_, b| {
            b.iter()
                .any(|b| matches!(b, LegalBasis::Consent | LegalBasis::Contract))
        },
        Exclusion::NotConsentOrContract,
    );
    let mut objection = by_purpose(
        Right::Objection,
        vec!["Art 21(1)", "Art 21(2)", "Art 21(4)"],
        &|i, b| {
            marketing[i]
                || b.iter()
                    .any(|b| matches!(b, LegalBasis::PublicTask | LegalBasis::LegitimateInterests))
        },
        Exclusion::NotPublicTaskOrLegitimateInterests,
    );
    objection.direct_marketing = marketing.iter().any(|m| *m);
    // Withdrawal reaches the purposes that rest on consent, and explicit consent to special
    // categories (9(2)(a)); a purpose without a basis yet gives no withdrawal to speak of.
    let consent: Vec<usize> = (0..bases.len())
        .filter(|&i| bases[i].contains(&LegalBasis::Consent))
        .collect();
    let withdraw_reach = if consent.is_empty() {
        if explicit_consent || cookie_consent {
            Reach::Some
        } else {
            Reach::None
        }
    } else if consent.len() == bases.len() {
        Reach::All
    } else {
        Reach::Some
    };
    let mut withdraw_articles = vec!["Art 7(3)", "Art 13(2)(c)"];
    if explicit_consent {
        withdraw_articles.push("Art 9(2)(a)");
    }
    let withdraw = DerivedRight {
        right: Right::WithdrawConsent,
        reach: withdraw_reach,
        // Consent among alternatives (`either`, with another basis): withdrawal reaches the
        // purpose only if consent is the basis that applies.
        uncertain: consent
            .iter()
            .copied()
            .filter(|&i| either[i] && bases[i].len() > 1)
            .collect(),
        purposes: if withdraw_reach == Reach::Some {
            consent
        } else {
            Vec::new()
        },
        exclusions: Vec::new(),
        articles: withdraw_articles,
        direct_marketing: false,
        explicit_consent,
        cookie_consent,
    };

    vec![
        always(Right::Access),
        always(Right::Rectification),
        erasure,
        always(Right::Restriction),
        with_reach(Right::Notification, has_recipients, vec!["Art 19"]),
        portability,
        objection,
        with_reach(Right::AutomatedDecisions, has_automated, vec!["Art 22"]),
        withdraw,
        always(Right::Complaint),
    ]
}

/// The bases of Art 6(1) on which the right to object under 21(1) rests in a register: the
/// notice names only these, so that it does not offer an objection to processing on a basis
/// the register does not use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ObjectionGrounds {
    /// Some purpose the right reaches rests on a task in the public interest (6(1)(e)).
    pub public_task: bool,
    /// The controller is a public authority and some purpose rests on 6(1)(e): the notice
    /// names the exercise of official authority too.
    pub official_authority: bool,
    /// Some purpose the right reaches rests on legitimate interests (6(1)(f)).
    pub legitimate_interests: bool,
}

impl ObjectionGrounds {
    /// The grounds of the purposes that `objection` (the derived right) reaches under 21(1),
    /// direct marketing (21(2)) aside. A purpose without a basis yet, or a register whose
    /// reached purposes name neither basis, gives both, as every right is shown to a
    /// half-written register.
    pub fn of(
        register: &Register,
        objection: &DerivedRight,
        public_authority: bool,
    ) -> ObjectionGrounds {
        let purposes = register.purposes();
        let mut g = ObjectionGrounds::default();
        let mut unknown = false;
        for i in objection.reached(purposes.len()) {
            let Some(p) = purposes.get(i) else { continue };
            if p.is_direct_marketing() {
                continue;
            }
            let bases = p.bases();
            unknown |= bases.is_empty();
            g.public_task |= bases.contains(&LegalBasis::PublicTask);
            g.legitimate_interests |= bases.contains(&LegalBasis::LegitimateInterests);
        }
        if unknown || !(g.public_task || g.legitimate_interests) {
            g.public_task = true;
            g.legitimate_interests = true;
        }
        g.official_authority = g.public_task && public_authority;
        g
    }

    /// The grounds as one code, the key of the `objection_grounds` labels: `public_task`,
    /// `official_authority`, `legitimate_interests`, or two of them joined by `_and_`.
    pub fn code(self) -> &'static str {
        match (
            self.official_authority,
            self.public_task,
            self.legitimate_interests,
        ) {
            (true, _, true) => "official_authority_and_legitimate_interests",
            (true, _, false) => "official_authority",
            (false, true, true) => "public_task_and_legitimate_interests",
            (false, true, false) => "public_task",
            (false, false, _) => "legitimate_interests",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Register;

    fn register(yaml: &str) -> Register {
        serde_saphyr::from_str(yaml).unwrap()
    }

    fn reach(rights: &[DerivedRight], r: Right) -> Reach {
        rights.iter().find(|d| d.right == r).unwrap().reach
    }

    #[test]
    fn objection_names_only_the_bases_the_register_uses() {
        let grounds = |yaml: &str, public: bool| {
            let reg = register(yaml);
            let rights = derive(&reg);
            let o = rights.iter().find(|d| d.right == Right::Objection).unwrap();
            ObjectionGrounds::of(&reg, o, public)
        };
        let li = "purposes:\n  - description: a\n    legal_basis: legitimate_interests\n  - description: b\n    legal_basis: contract\n";
        assert_eq!(
            grounds(li, false),
            ObjectionGrounds {
                public_task: false,
                official_authority: false,
                legitimate_interests: true
            }
        );
        let pt = "purposes:\n  - description: a\n    legal_basis: public_task\n";
        assert_eq!(
            grounds(pt, true),
            ObjectionGrounds {
                public_task: true,
                official_authority: true,
                legitimate_interests: false
            }
        );
        assert!(!grounds(pt, false).official_authority);
        // Direct marketing on legitimate interests is 21(2), not a ground of 21(1).
        let dm = "purposes:\n  - description: a\n    legal_basis: public_task\n  - description: b\n    legal_basis: legitimate_interests\n    direct_marketing: true\n";
        assert!(!grounds(dm, false).legitimate_interests);
        // No basis yet: both are named.
        let open = "purposes:\n  - description: a\n";
        let g = grounds(open, false);
        assert!(g.public_task && g.legitimate_interests);
    }

    #[test]
    fn legal_obligation_excludes_erasure_and_portability() {
        let r = derive(&register(
            "purposes:\n  - description: Kirjanpito\n    legal_basis: legal_obligation\n",
        ));
        assert_eq!(reach(&r, Right::Erasure), Reach::None);
        assert_eq!(reach(&r, Right::Portability), Reach::None);
        assert_eq!(reach(&r, Right::Objection), Reach::None);
        assert_eq!(reach(&r, Right::WithdrawConsent), Reach::None);
        assert_eq!(reach(&r, Right::Access), Reach::All);
        assert_eq!(reach(&r, Right::Complaint), Reach::All);
    }

    #[test]
    fn mixed_bases_give_partial_reach() {
        let r = derive(&register(
            "purposes:\n  - description: a\n    legal_basis: contract\n  - description: b\n    legal_basis: legal_obligation\n  - description: c\n    legal_basis: legitimate_interests\n    direct_marketing: true\n",
        ));
        let erasure = r.iter().find(|d| d.right == Right::Erasure).unwrap();
        assert_eq!(erasure.reach, Reach::Some);
        assert_eq!(erasure.purposes, vec![0, 2]);
        assert_eq!(
            erasure.exclusions,
            vec![(1, Exclusion::LegalObligationOrPublicTask)]
        );
        let portability = r.iter().find(|d| d.right == Right::Portability).unwrap();
        assert_eq!(portability.purposes, vec![0]);
        let objection = r.iter().find(|d| d.right == Right::Objection).unwrap();
        assert_eq!(objection.purposes, vec![2]);
        assert!(objection.direct_marketing);
    }

    #[test]
    fn direct_marketing_gives_objection_whatever_the_basis() {
        let r = derive(&register(
            "purposes:\n  - description: Uutiskirje\n    legal_basis: consent\n    direct_marketing: true\n",
        ));
        assert_eq!(reach(&r, Right::Objection), Reach::All);
        assert_eq!(reach(&r, Right::WithdrawConsent), Reach::All);
        assert_eq!(reach(&r, Right::Portability), Reach::All);
    }

    #[test]
    fn explicit_consent_for_special_categories_gives_withdrawal() {
        let r = derive(&register(
            "purposes:\n  - description: Hoito\n    legal_basis: contract\npersonal_data:\n  - category: Terveystiedot\n    special_category: health\n    condition: explicit_consent\n",
        ));
        let w = r
            .iter()
            .find(|d| d.right == Right::WithdrawConsent)
            .unwrap();
        assert!(w.applies());
        assert!(w.explicit_consent);
    }

    #[test]
    fn explicit_consent_for_any_or_several_special_categories_gives_withdrawal() {
        for sc in ["any", "[health, genetic]"] {
            let r = derive(&register(&format!(
                "purposes:\n  - description: Hoito\n    legal_basis: contract\npersonal_data:\n  - category: Muut tiedot\n    special_category: {sc}\n    condition: explicit_consent\n"
            )));
            let w = r
                .iter()
                .find(|d| d.right == Right::WithdrawConsent)
                .unwrap();
            assert!(w.applies() && w.explicit_consent, "{sc}");
        }
    }

    #[test]
    fn public_task_gives_objection_but_not_erasure() {
        let r = derive(&register(
            "purposes:\n  - description: Puhelut\n    legal_basis: [legal_obligation, public_task]\n",
        ));
        assert_eq!(reach(&r, Right::Erasure), Reach::None);
        assert_eq!(reach(&r, Right::Objection), Reach::All);
    }

    /// No purpose is both reached by a right and excluded from it.
    fn consistent(rights: &[DerivedRight]) {
        for d in rights {
            for (i, _) in &d.exclusions {
                assert!(
                    !d.purposes.contains(i),
                    "{:?}: purpose {i} both reached and excluded",
                    d.right
                );
            }
            if d.reach == Reach::All {
                assert!(d.exclusions.is_empty(), "{:?}", d.right);
            }
        }
    }

    #[test]
    fn either_excludes_a_right_only_if_every_alternative_does() {
        let r = derive(&register(
            "purposes:\n  - description: Jäsenrekisteri\n    legal_basis:\n      either: [contract, legal_obligation]\n",
        ));
        consistent(&r);
        // Contract keeps erasure and gives portability; legal obligation alone would not.
        assert_eq!(reach(&r, Right::Erasure), Reach::All);
        assert_eq!(reach(&r, Right::Portability), Reach::All);
        // Neither alternative gives objection under 21(1).
        assert_eq!(reach(&r, Right::Objection), Reach::None);
        assert_eq!(reach(&r, Right::WithdrawConsent), Reach::None);

        let r = derive(&register(
            "purposes:\n  - description: a\n    legal_basis:\n      either: [legal_obligation, public_task]\n",
        ));
        consistent(&r);
        assert_eq!(reach(&r, Right::Erasure), Reach::None);
        assert_eq!(reach(&r, Right::Objection), Reach::All);

        let r = derive(&register(
            "purposes:\n  - description: a\n    legal_basis:\n      either: [consent, legitimate_interests]\n",
        ));
        consistent(&r);
        assert_eq!(reach(&r, Right::WithdrawConsent), Reach::All);
        assert_eq!(reach(&r, Right::Objection), Reach::All);
        assert_eq!(reach(&r, Right::Portability), Reach::All);
        // Each of those rights holds only under one of the alternatives; erasure under both.
        let uncertain = |right: Right| {
            r.iter()
                .find(|d| d.right == right)
                .map(|d| d.uncertain.clone())
                .unwrap()
        };
        assert_eq!(uncertain(Right::WithdrawConsent), vec![0]);
        assert_eq!(uncertain(Right::Objection), vec![0]);
        assert_eq!(uncertain(Right::Portability), vec![0]);
        assert!(uncertain(Right::Erasure).is_empty());
    }

    #[test]
    fn either_differs_from_a_list_where_one_basis_excludes() {
        // The same two bases as a list (both apply): 17(3)(b) excludes erasure.
        let all = derive(&register(
            "purposes:\n  - description: a\n    legal_basis: [contract, legal_obligation]\n",
        ));
        assert_eq!(reach(&all, Right::Erasure), Reach::None);
        let either = derive(&register(
            "purposes:\n  - description: a\n    legal_basis: contract\n  - description: b\n    legal_basis: {either: [contract, legal_obligation]}\n  - description: c\n    legal_basis: legal_obligation\n",
        ));
        consistent(&either);
        let erasure = either.iter().find(|d| d.right == Right::Erasure).unwrap();
        assert_eq!(erasure.reach, Reach::Some);
        assert_eq!(erasure.purposes, vec![0, 1]);
        assert_eq!(
            erasure.exclusions,
            vec![(2, Exclusion::LegalObligationOrPublicTask)]
        );
    }

    #[test]
    fn consent_to_cookies_gives_withdrawal_and_nothing_else() {
        let r = derive(&register(
            "purposes:\n  - description: Kirjanpito\n    legal_basis: legal_obligation\ncookies:\n  - class: necessary\n  - class: statistics\n    legal_basis: consent\n",
        ));
        let w = r
            .iter()
            .find(|d| d.right == Right::WithdrawConsent)
            .unwrap();
        assert!(w.applies() && w.cookie_consent);
        assert!(w.purposes.is_empty());
        assert_eq!(reach(&r, Right::Portability), Reach::None);
        assert_eq!(reach(&r, Right::Erasure), Reach::None);
        let none = derive(&register(
            "purposes:\n  - description: Kirjanpito\n    legal_basis: legal_obligation\ncookies:\n  - class: necessary\n",
        ));
        assert_eq!(reach(&none, Right::WithdrawConsent), Reach::None);
    }

    #[test]
    fn notification_follows_the_recipients() {
        let none = derive(&register("recipients: none\n"));
        assert_eq!(reach(&none, Right::Notification), Reach::None);
        let missing = derive(&register("title: x\n"));
        assert_eq!(reach(&missing, Right::Notification), Reach::None);
        let listed = derive(&register(
            "purposes:\n  - description: Kirjanpito\n    legal_basis: legal_obligation\nrecipients:\n  - name: Tilitoimisto\n    role: processor\n",
        ));
        // Erasure does not apply here, but rectification and restriction do: Art 19 still does.
        assert_eq!(reach(&listed, Right::Erasure), Reach::None);
        assert_eq!(reach(&listed, Right::Notification), Reach::All);
        let order: Vec<Right> = listed.iter().map(|d| d.right).collect();
        assert_eq!(
            order.iter().position(|r| *r == Right::Notification),
            Some(4)
        );
    }

    #[test]
    fn automated_decisions_right_follows_the_list() {
        let none = derive(&register("automated_decisions: none\n"));
        assert_eq!(reach(&none, Right::AutomatedDecisions), Reach::None);
        let some = derive(&register(
            "automated_decisions:\n  - description: Luottopäätös\n",
        ));
        assert_eq!(reach(&some, Right::AutomatedDecisions), Reach::All);
    }

    #[test]
    fn recipients_hedged_as_not_regularly_bring_art_19() {
        let notification = |yaml: &str| {
            derive(&register(yaml))
                .into_iter()
                .find(|d| d.right == Right::Notification)
                .unwrap()
                .applies()
        };
        assert!(notification("recipients: not_regularly\n"));
        assert!(notification(
            "recipients:\n  items: not_regularly\n  note: x\n"
        ));
        assert!(notification("recipients: [{name: A}]\n"));
        assert!(!notification("recipients: none\n"));
        assert!(!notification("title: x\n"));
    }
}
