//! Whether the adequacy decision a transfer relies on covers it (Art 45) — decided once, for
//! `adequacy-not-in-force` and for the sentence the notice says about the decision's scope.
//!
//! The decision depends on the date (a decision may expire), so it is a function of the
//! transfer and the day rather than a field of [`Applicability`](super::Applicability).

use chrono::NaiveDate;
use serde::Serialize;

use crate::data;
use crate::model::{CountryCode, Mechanism, Transfer};
use crate::source::Pos;

/// How far the adequacy decision a transfer names reaches it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cover {
    /// No decision is in force for the country on the day.
    NotInForce,
    /// The decision covers the whole country.
    Country,
    /// The decision covers only some organisations of the country (Canada's commercial
    /// organisations): whether the recipient is one is not recorded, the notice says the scope.
    Scoped,
    /// The decision covers only organisations certified under the EU–US Data Privacy Framework,
    /// and the recipient is certified (`dpf_certified: true`).
    Certified,
    /// The decision covers only certified organisations, and the register does not say the
    /// recipient is one (`dpf_certified` false or absent): the decision does not reach it.
    NotCertified,
}

/// The adequacy a transfer relies on, and how far it reaches it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TransferAdequacy {
    /// Where `adequacy` is written in `mechanism`.
    pub at: Pos,
    /// The country.
    pub country: CountryCode,
    /// How far the decision reaches the transfer.
    pub cover: Cover,
}

impl TransferAdequacy {
    /// Whether the decision reaches the transfer.
    pub fn covers(&self) -> bool {
        matches!(
            self.cover,
            Cover::Country | Cover::Scoped | Cover::Certified
        )
    }
}

/// The adequacy `t` relies on, on `today`: `None` when it names no `adequacy` mechanism, no
/// country, or a country of the EU/EEA (no transfer at all).
pub fn of(t: &Transfer, today: NaiveDate) -> Option<TransferAdequacy> {
    let country = t.country.as_ref()?.value;
    let at = t
        .mechanisms()
        .into_iter()
        .find(|m| m.value == Mechanism::Adequacy)?
        .pos;
    if data::is_eea(country) {
        return None;
    }
    let cover = match data::adequacy(country, today) {
        None => Cover::NotInForce,
        Some(a) if a.requires_dpf => {
            if t.dpf_certified.as_ref().is_some_and(|d| d.value) {
                Cover::Certified
            } else {
                Cover::NotCertified
            }
        }
        Some(a) if a.scope.is_some() => Cover::Scoped,
        Some(_) => Cover::Country,
    };
    Some(TransferAdequacy { at, country, cover })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cover(yaml: &str) -> Option<Cover> {
        let r: crate::model::Register = crate::load::parse(crate::source::FileId(0), yaml).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        of(&r.transfers()[0], today).map(|a| a.cover)
    }

    #[test]
    fn a_us_recipient_is_covered_only_when_certified() {
        let t = "transfers:\n  - recipient: X\n    country: US\n    mechanism: adequacy\n";
        assert_eq!(cover(t), Some(Cover::NotCertified));
        assert_eq!(
            cover(&format!("{t}    dpf_certified: false\n")),
            Some(Cover::NotCertified)
        );
        assert_eq!(
            cover(&format!("{t}    dpf_certified: true\n")),
            Some(Cover::Certified)
        );
    }

    #[test]
    fn other_countries() {
        let t = |c: &str, m: &str| {
            cover(&format!(
                "transfers:\n  - recipient: X\n    country: {c}\n    mechanism: {m}\n"
            ))
        };
        assert_eq!(t("JP", "adequacy"), Some(Cover::Country));
        assert_eq!(t("CA", "adequacy"), Some(Cover::Scoped));
        assert_eq!(t("IN", "adequacy"), Some(Cover::NotInForce));
        assert_eq!(
            t("IN", "[standard_contractual_clauses, adequacy]"),
            Some(Cover::NotInForce)
        );
        assert_eq!(t("IN", "standard_contractual_clauses"), None);
        assert_eq!(t("SE", "adequacy"), None);
    }
}
