//! The rights of a combined notice: several registers published as one page, each right said
//! once, with the registers it reaches.
//!
//! Each register's rights are still derived by [`rights::derive`](super::rights::derive) (through
//! [`Applicability::of`](super::Applicability::of)); this module only lays them side by side.
//! A right is offered on the page only for the registers where it applies: the page names
//! them when the right does not reach every register, says why it does not reach the others
//! (when one reason holds for all of them), and lists purposes a right reaches only in part
//! with the register they belong to. So the page never claims a right for a register where it
//! does not apply.

use super::rights::{DerivedRight, Exclusion, ObjectionGrounds, Reach};
use crate::model::{Register, Right};

/// One right across the registers of a combined notice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RightAcross {
    /// The right.
    pub right: Right,
    /// How far it reaches in each register, in the notice's order of registers.
    pub per: Vec<DerivedRight>,
}

impl RightAcross {
    /// The registers (indices) the right reaches, wholly or in part.
    pub fn reaching(&self) -> Vec<usize> {
        (0..self.per.len())
            .filter(|&i| self.per[i].applies())
            .collect()
    }

    /// The registers (indices) the right does not reach at all.
    pub fn not_reaching(&self) -> Vec<usize> {
        (0..self.per.len())
            .filter(|&i| !self.per[i].applies())
            .collect()
    }

    /// How far the right reaches on the page: `None` when it reaches no register, `Some` when
    /// it reaches some register only in part (the page lists the purposes), else `All` — which
    /// may still be a subset of the registers ([`RightAcross::only`]).
    pub fn reach(&self) -> Reach {
        if self.per.iter().all(|d| !d.applies()) {
            Reach::None
        } else if self.per.iter().any(|d| d.reach == Reach::Some) {
            Reach::Some
        } else {
            Reach::All
        }
    }

    /// The registers the right reaches, when it does not reach every one of them (and some):
    /// the page must name them.
    pub fn only(&self) -> Option<Vec<usize>> {
        let reaching = self.reaching();
        (!reaching.is_empty() && reaching.len() < self.per.len()).then_some(reaching)
    }

    /// Why the right reaches none of the processing of the registers it does not reach, when
    /// one reason holds for all of them (erasure, portability); `None` when they give none
    /// (a right that follows from what the register does, as notification or automated
    /// decisions) or differ.
    pub fn reason_elsewhere(&self) -> Option<Exclusion> {
        let mut reasons = self
            .not_reaching()
            .into_iter()
            .map(|i| self.per[i].exclusions.first().map(|(_, why)| *why));
        let first = reasons.next()??;
        reasons.all(|r| r == Some(first)).then_some(first)
    }
}

/// Every right, in the order of the GDPR, across `rights` (each register's derived rights, in
/// the notice's order of registers).
pub fn rights_across(rights: &[&[DerivedRight]]) -> Vec<RightAcross> {
    let Some(first) = rights.first() else {
        return Vec::new();
    };
    first
        .iter()
        .map(|d| RightAcross {
            right: d.right,
            per: rights
                .iter()
                .filter_map(|r| r.iter().find(|x| x.right == d.right).cloned())
                .collect(),
        })
        .collect()
}

/// The bases of Art 6(1) the right to object under 21(1) rests on in any of the registers:
/// the page names these, each register's purposes listed with it.
pub fn objection_grounds_across(
    registers: &[&Register],
    rights: &[&[DerivedRight]],
    public_authority: bool,
) -> ObjectionGrounds {
    let mut g = ObjectionGrounds::default();
    for (r, d) in registers.iter().zip(rights) {
        let Some(o) = d.iter().find(|x| x.right == Right::Objection) else {
            continue;
        };
        if !o.applies() {
            continue;
        }
        let own = ObjectionGrounds::of(r, o, public_authority);
        g.public_task |= own.public_task;
        g.official_authority |= own.official_authority;
        g.legitimate_interests |= own.legitimate_interests;
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::applicability::Applicability;

    fn register(yaml: &str) -> Register {
        serde_saphyr::from_str(yaml).unwrap()
    }

    const CONSENT: &str = "purposes:\n  - description: Uutiskirje\n    legal_basis: consent\n";
    const OBLIGATION: &str =
        "purposes:\n  - description: Kirjanpito\n    legal_basis: legal_obligation\n";
    const MIXED: &str = "purposes:\n  - description: Asiakassuhde\n    legal_basis: contract\n  - description: Kirjanpito\n    legal_basis: legal_obligation\n";

    fn across(yamls: &[&str]) -> Vec<RightAcross> {
        let regs: Vec<Register> = yamls.iter().map(|y| register(y)).collect();
        let rights: Vec<Vec<DerivedRight>> =
            regs.iter().map(|r| Applicability::of(r).rights).collect();
        let slices: Vec<&[DerivedRight]> = rights.iter().map(Vec::as_slice).collect();
        rights_across(&slices)
    }

    fn get(a: &[RightAcross], r: Right) -> &RightAcross {
        a.iter().find(|x| x.right == r).unwrap()
    }

    #[test]
    fn a_right_one_register_lacks_names_the_registers_it_reaches() {
        let a = across(&[CONSENT, OBLIGATION]);
        // Access reaches both: said once, for all.
        let access = get(&a, Right::Access);
        assert_eq!(access.reach(), Reach::All);
        assert_eq!(access.only(), None);
        // Erasure and portability reach the consent register only, and say why not the other.
        for r in [Right::Erasure, Right::Portability] {
            let x = get(&a, r);
            assert_eq!(x.reach(), Reach::All, "{r:?}");
            assert_eq!(x.only(), Some(vec![0]), "{r:?}");
            assert_eq!(x.not_reaching(), vec![1]);
        }
        assert_eq!(
            get(&a, Right::Erasure).reason_elsewhere(),
            Some(Exclusion::LegalObligationOrPublicTask)
        );
        assert_eq!(
            get(&a, Right::Portability).reason_elsewhere(),
            Some(Exclusion::NotConsentOrContract)
        );
        // Withdrawal reaches the consent register only; objection neither.
        assert_eq!(get(&a, Right::WithdrawConsent).only(), Some(vec![0]));
        assert_eq!(get(&a, Right::Objection).reach(), Reach::None);
        assert_eq!(get(&a, Right::Objection).only(), None);
    }

    #[test]
    fn a_right_reaching_a_register_in_part_is_partial_on_the_page() {
        let a = across(&[MIXED, OBLIGATION]);
        let erasure = get(&a, Right::Erasure);
        assert_eq!(erasure.reach(), Reach::Some);
        assert_eq!(erasure.only(), Some(vec![0]));
        assert_eq!(erasure.per[0].exclusions.len(), 1);
        // No register: none on the page, and no register named.
        let b = across(&[OBLIGATION, OBLIGATION]);
        assert_eq!(get(&b, Right::Erasure).reach(), Reach::None);
        assert_eq!(get(&b, Right::Erasure).only(), None);
    }

    #[test]
    fn objection_grounds_are_those_of_the_registers_it_reaches() {
        let li = "purposes:\n  - description: a\n    legal_basis: legitimate_interests\n";
        let regs = [register(li), register(OBLIGATION)];
        let rights: Vec<Vec<DerivedRight>> =
            regs.iter().map(|r| Applicability::of(r).rights).collect();
        let slices: Vec<&[DerivedRight]> = rights.iter().map(Vec::as_slice).collect();
        let refs: Vec<&Register> = regs.iter().collect();
        let g = objection_grounds_across(&refs, &slices, false);
        assert!(g.legitimate_interests && !g.public_task);
    }
}
