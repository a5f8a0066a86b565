//! `seloste.yaml`: what all registers of one controller share.

use schemars::JsonSchema;
use serde::Deserialize;

use super::{
    CombinedNotice, CountryCode, Emails, Level, NoneOr, OneOrMany, Phones, Shared, Spanned,
    SpannedMap, Text,
};

/// `seloste.yaml`: rekisterinpitäjä, yhteyshenkilö, tietosuojavastaava, edustaja ja asetukset.
///
/// `seloste.yaml`: the controller, contact person, DPO, EU representative and settings shared
/// by every register of the project.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectFile {
    /// Rekisterinpitäjä (13(1)(a), 14(1)(a)).
    ///
    /// The controller: identity and contact details (Art 13(1)(a), 14(1)(a)).
    pub controller: Option<Spanned<Controller>>,
    /// Yhteyshenkilö tietosuoja-asioissa, tai luettelo yhteyshenkilöistä. Rekisteri voi korvata
    /// tämän omalla `contact`-kentällään.
    ///
    /// Contact person for data-protection matters, or a list of them; a register may override it.
    pub contact: Option<Spanned<OneOrMany<Contact>>>,
    /// Tietosuojavastaava (13(1)(b)), tai `none`, jos sitä ei ole nimetty.
    ///
    /// The data protection officer (Art 13(1)(b)), or `none` if none is designated.
    pub dpo: Option<Spanned<NoneOr<Contact>>>,
    /// EU:n ulkopuolisen rekisterinpitäjän edustaja unionissa (27 artikla).
    ///
    /// Representative in the Union of a controller established outside it (Art 27).
    pub representative: Option<Spanned<Contact>>,
    /// Valvontaviranomaisen tiedot, jos sisäänrakennetut (tietosuojavaltuutetun toimisto) eivät käy.
    ///
    /// Supervisory authority details, overriding the built-in Office of the Data Protection
    /// Ombudsman field by field.
    pub supervisory_authority: Option<Spanned<SupervisoryAuthority>>,
    /// Yhteiset määritelmät, joihin rekisterit viittaavat tunnisteella (`ref: tunniste`).
    ///
    /// Definitions several registers share, each under an id that registers refer to with
    /// `ref: id`.
    pub shared: Option<Spanned<Shared>>,
    /// Yhdistetyt selosteet: useampi rekisteri yhtenä sivuna.
    ///
    /// Combined notices: several registers published as one page each.
    pub combined: Option<Spanned<Vec<Spanned<CombinedNotice>>>>,
    /// Asetukset.
    ///
    /// Settings.
    pub settings: Option<Spanned<Settings>>,
}

/// Rekisterinpitäjä.
///
/// The controller.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Controller {
    /// Nimi, esim. "Esimerkki Oy".
    ///
    /// Name, e.g. "Esimerkki Oy".
    pub name: Option<Spanned<Text>>,
    /// Y-tunnus muodossa 1234567-8.
    ///
    /// Finnish business ID (Y-tunnus), `NNNNNNN-C`.
    #[schemars(extend("pattern" = crate::identifiers::BUSINESS_ID_PATTERN))]
    pub business_id: Option<Spanned<String>>,
    /// Postiosoite.
    ///
    /// Postal address.
    pub address: Option<Spanned<Text>>,
    /// Käyntiosoite, jos eri kuin postiosoite.
    ///
    /// Visiting address, if different from the postal address.
    pub visiting_address: Option<Spanned<Text>>,
    /// Sijaintimaa (ISO 3166-1), oletus FI.
    ///
    /// Country of establishment (ISO 3166-1), default FI.
    pub country: Option<Spanned<CountryCode>>,
    /// Sähköpostiosoite, tai luettelo osoitteista (`{label: kirjaamo, address: …}`).
    ///
    /// E-mail address, or a list of them, each optionally labelled.
    pub email: Option<Spanned<Emails>>,
    /// Puhelinnumero, tai luettelo numeroista (`{label: vaihde, number: …}`).
    ///
    /// Phone number, or a list of them, each optionally labelled.
    pub phone: Option<Spanned<Phones>>,
    /// Verkkosivusto (https://…).
    ///
    /// Website (https://…).
    #[schemars(extend("pattern" = crate::identifiers::WEB_URL_PATTERN))]
    pub website: Option<Spanned<String>>,
    /// Onko rekisterinpitäjä viranomainen (kunta, hyvinvointialue, valtion virasto …).
    ///
    /// Whether the controller is a public authority or body (municipality, wellbeing services
    /// county, state agency …); decides e.g. whether legitimate interests may be used.
    pub public_authority: Option<Spanned<bool>>,
}

/// Yhteystiedot (yhteyshenkilö, tietosuojavastaava tai edustaja).
///
/// Contact details of a person or function.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Nimi.
    ///
    /// Name.
    pub name: Option<Spanned<Text>>,
    /// Tehtävänimike tai rooli.
    ///
    /// Title or role.
    pub title: Option<Spanned<Text>>,
    /// Sähköpostiosoite, tai luettelo osoitteista (`{label: kirjaamo, address: …}`).
    ///
    /// E-mail address, or a list of them, each optionally labelled.
    pub email: Option<Spanned<Emails>>,
    /// Puhelinnumero, tai luettelo numeroista (`{label: vaihde, number: …}`).
    ///
    /// Phone number, or a list of them, each optionally labelled.
    pub phone: Option<Spanned<Phones>>,
    /// Postiosoite.
    ///
    /// Postal address.
    pub address: Option<Spanned<Text>>,
}

/// Valvontaviranomaisen tiedot.
///
/// Supervisory authority details.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SupervisoryAuthority {
    /// Nimi.
    ///
    /// Name.
    pub name: Option<Spanned<Text>>,
    /// Käyntiosoite.
    ///
    /// Visiting address.
    pub visiting_address: Option<Spanned<Text>>,
    /// Postiosoite.
    ///
    /// Postal address.
    pub postal_address: Option<Spanned<Text>>,
    /// Sähköpostiosoite.
    ///
    /// E-mail address.
    #[schemars(extend("pattern" = crate::identifiers::EMAIL_PATTERN))]
    pub email: Option<Spanned<String>>,
    /// Puhelinnumero (vaihde).
    ///
    /// Phone number (switchboard).
    #[schemars(extend("pattern" = crate::identifiers::PHONE_PATTERN))]
    pub phone: Option<Spanned<String>>,
    /// Verkkosivusto.
    ///
    /// Website.
    #[schemars(extend("pattern" = crate::identifiers::WEB_URL_PATTERN))]
    pub website: Option<Spanned<String>>,
}

/// Asetukset.
///
/// Settings.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Rekisterikansio, oletus `notices`.
    ///
    /// Directory of the register files, relative to `seloste.yaml`; default `notices`.
    pub notices_dir: Option<Spanned<String>>,
    /// Kansio, jonka YAML-tiedostot määrittelevät yhteisiä määritelmiä kuten `shared`-osio,
    /// esim. `shared`.
    ///
    /// Directory of files of shared definitions, each shaped like the `shared:` block,
    /// relative to `seloste.yaml`, e.g. `shared`; none is read unless this names one.
    pub shared_dir: Option<Spanned<String>>,
    /// Tuloskansio, oletus `dist`.
    ///
    /// Output directory of `seloste build`, relative to `seloste.yaml`; default `dist`.
    pub output_dir: Option<Spanned<String>>,
    /// Kuinka monta kuukautta vanha `updated`-päiväys on vanhentunut, oletus 12.
    ///
    /// Months after which a register's `updated` date counts as stale; default 12.
    pub staleness_months: Option<Spanned<u32>>,
    /// Sivuston osoite (https://…), jota vasten tekstien suhteelliset linkit tehdään
    /// absoluuttisiksi, esim. `https://www.esimerkki.fi/tietosuoja/`.
    ///
    /// The address (https://…) that relative links in texts are resolved against, e.g.
    /// `https://www.esimerkki.fi/tietosuoja/`.
    #[schemars(extend("pattern" = crate::identifiers::WEB_URL_PATTERN))]
    pub base_url: Option<Spanned<String>>,
    /// Sääntöjen tasot: `allow`, `warn` tai `deny`, esim. `vague-purpose: deny`.
    ///
    /// Lint levels per rule: `allow`, `warn` or `deny`, e.g. `vague-purpose: deny`.
    pub lints: Option<Spanned<SpannedMap<Spanned<Level>>>>,
}
