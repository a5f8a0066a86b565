//! Cookies and similar technologies: what a register stores on, or reads from, the user's
//! terminal equipment, class by class.
//!
//! In Finland storing or reading such information needs the user's consent unless it is
//! strictly necessary for a service the user has asked for (laki sähköisen viestinnän
//! palveluista 917/2014, 205 §, implementing Directive 2002/58/EC Art 5(3)).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{LegalBasis, Spanned, Text};

/// Evästeryhmä.
///
/// The class of cookies, as consent tools group them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CookieClassKind {
    /// Välttämättömät: palvelun tarjoamiseksi välttämättömät, eivät edellytä suostumusta.
    /// — Strictly necessary for the service the user asked for: no consent needed.
    Necessary,
    /// Asetukset, esim. kieli. — Preferences, e.g. the language chosen.
    Preferences,
    /// Tilastointi ja analytiikka. — Statistics and analytics.
    Statistics,
    /// Markkinointi ja kohdentaminen. — Marketing and targeting.
    Marketing,
}

impl CookieClassKind {
    /// The value as written in YAML.
    pub fn name(self) -> &'static str {
        match self {
            CookieClassKind::Necessary => "necessary",
            CookieClassKind::Preferences => "preferences",
            CookieClassKind::Statistics => "statistics",
            CookieClassKind::Marketing => "marketing",
        }
    }

    /// Whether storing or reading needs the user's consent (205 §): all but the necessary.
    pub fn needs_consent(self) -> bool {
        self != CookieClassKind::Necessary
    }
}

/// Evästeryhmä ja sen tarkoitus.
///
/// One class of cookies or similar technologies (local storage, pixels, fingerprinting).
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CookieClass {
    /// Viittaus `shared`-osion määritelmään (`ref: tunniste`); muut avaimet täydentävät tai
    /// korvaavat sen kenttiä.
    ///
    /// A reference to a definition under `shared` (`ref: id`); the other keys add to or
    /// override its fields.
    #[serde(default, rename = "ref")]
    #[schemars(rename = "ref", schema_with = "super::ref_key_schema")]
    pub reference: Option<Spanned<super::Id>>,
    /// Ryhmä: `necessary`, `preferences`, `statistics` tai `marketing`.
    ///
    /// The class: `necessary`, `preferences`, `statistics` or `marketing`.
    pub class: Option<Spanned<CookieClassKind>>,
    /// Mitä evästeitä tai tekniikoita ryhmään kuuluu, esim. "Google Analytics (_ga, _gid)".
    ///
    /// Which cookies or technologies the class holds, e.g. "Google Analytics (_ga, _gid)".
    pub description: Option<Spanned<Text>>,
    /// Mihin niitä käytetään.
    ///
    /// What they are used for.
    pub purpose: Option<Spanned<Text>>,
    /// Oikeusperuste (6(1)); muille kuin välttämättömille `consent` (205 §).
    ///
    /// Legal basis (Art 6(1)); `consent` for all but the necessary (205 §).
    pub legal_basis: Option<Spanned<LegalBasis>>,
    /// Kuinka kauan evästeet säilyvät, esim. "istunnon ajan", "13 kuukautta".
    ///
    /// How long they last, e.g. "for the session", "13 months".
    pub duration: Option<Spanned<Text>>,
    /// Kolmas osapuoli, joka asettaa evästeet, jos ei rekisterinpitäjä itse.
    ///
    /// The third party that sets them, if not the controller itself.
    pub provider: Option<Spanned<Text>>,
}
