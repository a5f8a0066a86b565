//! Special-category data in direct marketing (Art 9(1), 9(2)(a); Art 21(2)–(3)), decided once.
//!
//! Using health data (or any Art 9(1) category) to market to a person is lawful only with the
//! person's explicit consent (9(2)(a)): none of the other conditions of Art 9(2) — health care,
//! employment, public interest — reaches marketing. A direct-marketing purpose (its
//! `direct_marketing: true`) can therefore use a special category lawfully only when the
//! category's `condition` is `explicit_consent` and the purpose itself rests on `consent` (not
//! on an `either` that leaves it open).
//!
//! Which data a purpose uses is said with `personal_data: [id, …]` on the purpose:
//! - when it names a special category that the above does not allow, the notice says it uses
//!   special-category data for marketing without explicit consent: [`SpecialMarketing::Uses`];
//! - when it names no special category (a pharmacy that markets from contact details only, and
//!   uses health data only to dispense medicines), nothing is wrong;
//! - when it does not say which data it uses, and the register holds a special category the
//!   above does not allow, the notice cannot tell the reader whether their health data are used
//!   for marketing: [`SpecialMarketing::MayUse`].
//!
//! A special category limited to groups of data subjects the purpose does not concern (both
//! say `data_subjects:`, with no group in common) cannot be used by it.

use serde::Serialize;

use super::groups::Groups;
use crate::model::{Condition, LegalBasis, Register};

/// How a direct-marketing purpose meets special-category data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SpecialMarketing {
    /// It names these special categories among the data it uses, without explicit consent.
    Uses(Vec<usize>),
    /// It does not say which data it uses, and the register holds these special categories
    /// without explicit consent.
    MayUse(Vec<usize>),
}

/// How the purpose `index` of `register` meets special-category data, if it is direct
/// marketing and may use some without explicit consent.
pub fn special_marketing(
    register: &Register,
    groups: &Groups,
    index: usize,
) -> Option<SpecialMarketing> {
    let purpose = register.purposes().get(index)?;
    if !purpose.is_direct_marketing() {
        return None;
    }
    let on_consent =
        purpose.bases().contains(&LegalBasis::Consent) && purpose.either_bases().is_none();
    let purpose_groups = groups.purposes.get(index).and_then(Option::as_ref);
    let candidates: Vec<usize> = register
        .personal_data()
        .iter()
        .enumerate()
        .filter(|(c, d)| {
            let explicit = d
                .condition
                .as_ref()
                .is_some_and(|k| k.value == Condition::ExplicitConsent);
            let disjoint = match (
                purpose_groups,
                groups.categories.get(*c).and_then(Option::as_ref),
            ) {
                (Some(p), Some(g)) => !p.iter().any(|x| g.contains(x)),
                _ => false,
            };
            d.special_category.is_some() && !(explicit && on_consent) && !disjoint
        })
        .map(|(c, _)| c)
        .collect();
    match groups
        .purpose_categories
        .get(index)
        .and_then(Option::as_ref)
    {
        Some(used) => {
            let used: Vec<usize> = candidates
                .into_iter()
                .filter(|c| used.contains(c))
                .collect();
            (!used.is_empty()).then_some(SpecialMarketing::Uses(used))
        }
        None => (!candidates.is_empty()).then_some(SpecialMarketing::MayUse(candidates)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(yaml: &str) -> Vec<Option<SpecialMarketing>> {
        let r: Register = crate::load::parse(crate::source::FileId(0), yaml).unwrap();
        let g = Groups::of(&r);
        (0..r.purposes().len())
            .map(|i| special_marketing(&r, &g, i))
            .collect()
    }

    const DATA: &str = "personal_data:\n  - category: Yhteystiedot\n    id: yhteys\n  - category: Lääkitystiedot\n    id: laake\n    special_category: health\n    condition: health_care\n";

    #[test]
    fn a_pharmacy_marketing_from_contact_details_only_is_lawful() {
        let got = of(&format!(
            "{DATA}purposes:\n  - description: Lääkkeiden toimittaminen\n    legal_basis: legal_obligation\n  - description: Uutiskirje\n    legal_basis: consent\n    direct_marketing: true\n    personal_data: [yhteys]\n"
        ));
        assert_eq!(got, vec![None, None]);
    }

    #[test]
    fn marketing_that_names_health_data_without_explicit_consent_uses_them() {
        let got = of(&format!(
            "{DATA}purposes:\n  - description: Tarjoukset\n    legal_basis: legitimate_interests\n    direct_marketing: true\n    personal_data: [yhteys, laake]\n"
        ));
        assert_eq!(got, vec![Some(SpecialMarketing::Uses(vec![1]))]);
        // Consent to marketing is not explicit consent to health data under 9(2)(a).
        let got = of(&format!(
            "{DATA}purposes:\n  - description: Tarjoukset\n    legal_basis: consent\n    direct_marketing: true\n    personal_data: [laake]\n"
        ));
        assert_eq!(got, vec![Some(SpecialMarketing::Uses(vec![1]))]);
    }

    #[test]
    fn explicit_consent_and_a_purpose_on_consent_allow_it() {
        let data = DATA.replace("health_care", "explicit_consent");
        let got = of(&format!(
            "{data}purposes:\n  - description: Tarjoukset\n    legal_basis: consent\n    direct_marketing: true\n    personal_data: [laake]\n  - description: Tarjoukset\n    legal_basis: {{either: [consent, legitimate_interests]}}\n    direct_marketing: true\n"
        ));
        assert_eq!(got, vec![None, Some(SpecialMarketing::MayUse(vec![1]))]);
    }

    #[test]
    fn marketing_that_does_not_say_its_data_may_use_them() {
        let got = of(&format!(
            "{DATA}purposes:\n  - description: Tarjoukset\n    legal_basis: consent\n    direct_marketing: true\n  - description: Hoito\n    legal_basis: contract\n"
        ));
        assert_eq!(got, vec![Some(SpecialMarketing::MayUse(vec![1])), None]);
        // Not when the health data concern other data subjects than the marketing.
        let groups = "data_subjects:\n  - {id: asiakkaat, group: Asiakkaat}\n  - {id: potilaat, group: Potilaat}\n";
        let data = DATA.replace(
            "condition: health_care\n",
            "condition: health_care\n    data_subjects: [potilaat]\n",
        );
        let got = of(&format!(
            "{groups}{data}purposes:\n  - description: Tarjoukset\n    legal_basis: consent\n    direct_marketing: true\n    data_subjects: [asiakkaat]\n"
        ));
        assert_eq!(got, vec![None]);
    }
}
