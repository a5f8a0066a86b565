//! A register file under `notices/`: one processing activity and its notice.
//!
//! Every item is optional at this level: a half-written register still loads, and the lint
//! stage says which items the law requires that it lacks.

use schemars::JsonSchema;
use serde::Deserialize;

use super::{
    Collection, Condition, Contact, CookieClass, CountryCode, Date, Derogation, LegalBases,
    LegalBasis, ListOrNone, Mechanism, Mechanisms, Obtained, OneOrMany, Period, Provision,
    RecipientRole, Recipients, Spanned, SpecialCategories, Text, Transfers,
};
use super::{DataSubject, Id};
use super::{Level, SpannedMap};

/// Rekisteri ja sen tietosuojaseloste.
///
/// A register (processing activity) and its privacy notice.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Register {
    /// Rekisterin nimi, esim. "Asiakasrekisteri".
    ///
    /// Name of the register, e.g. "Asiakasrekisteri".
    pub title: Option<Spanned<Text>>,
    /// Milloin seloste on viimeksi päivitetty (VVVV-KK-PP).
    ///
    /// When the notice was last updated (YYYY-MM-DD).
    pub updated: Option<Spanned<Date>>,
    /// Vapaaehtoinen johdanto.
    ///
    /// Optional introduction.
    #[serde(default, deserialize_with = "super::text_or_ref")]
    #[schemars(schema_with = "super::text_or_ref_schema")]
    pub description: Option<Spanned<Text>>,
    /// Yhteyshenkilö (tai luettelo), jos eri kuin `seloste.yaml`-tiedostossa.
    ///
    /// Contact person (or a list) for this register, overriding the one in `seloste.yaml`.
    pub contact: Option<Spanned<OneOrMany<Contact>>>,
    /// Rekisteröityjen ryhmät, esim. asiakkaat; ryhmällä voi olla `id`, jolla muut kohdat viittaavat siihen.
    ///
    /// Categories of data subjects, e.g. customers; a group may have an `id` for other entries to refer to it by.
    pub data_subjects: Option<Spanned<Vec<Spanned<DataSubject>>>>,
    /// Mistä tiedot kerätään: `data_subject` (13 art.), `other_sources` (14 art.) tai `both`.
    ///
    /// Where the data come from: `data_subject` (Art 13), `other_sources` (Art 14) or `both`.
    pub collection: Option<Spanned<Collection>>,
    /// Käsittelyn tarkoitukset ja kunkin oikeusperuste (13(1)(c)).
    ///
    /// Purposes of processing, each with its legal basis (Art 13(1)(c), 14(1)(c)).
    pub purposes: Option<Spanned<Vec<Spanned<Purpose>>>>,
    /// Laki, johon rekisterin käsittely perustuu; koskee jokaista lakisääteiseen velvoitteeseen tai yleisen edun mukaiseen tehtävään perustuvaa tarkoitusta, jolla ei ole omaa `law`-tietoa.
    ///
    /// The law the register's processing rests on (Art 6(3)), for every purpose on `legal_obligation` or `public_task` that names no law of its own.
    pub law: Option<Spanned<Text>>,
    /// Käsiteltävät henkilötiedot ryhmittäin (14(1)(d)).
    ///
    /// Categories of personal data (Art 14(1)(d); with the Art 13(2)(e) statement under Art 13).
    pub personal_data: Option<Spanned<Vec<Spanned<DataCategory>>>>,
    /// Koko rekisteriä koskeva tieto antamisen pakollisuudesta (13(2)(e)): koskee kaikkia
    /// rekisteröidyn itse antamia tietoja, ellei tietoryhmä kerro omaansa.
    ///
    /// One Art 13(2)(e) statement for the whole register: applies to every category the person
    /// provides, unless the category gives its own `provision`.
    pub provision: Option<Spanned<Provision>>,
    /// Mitä seuraa, jos tietoja ei anneta (13(2)(e)), koko rekisterin osalta.
    ///
    /// What follows if the data are not provided (Art 13(2)(e)), for the register-level
    /// `provision`.
    pub consequence: Option<Spanned<Text>>,
    /// Tietolähteet (14(2)(f)).
    ///
    /// Sources of the data (Art 14(2)(f)).
    pub sources: Option<Spanned<Vec<Spanned<Source>>>>,
    /// Vastaanottajat (13(1)(e)), `none`, tai `{items, note}`.
    ///
    /// Recipients (Art 13(1)(e)), `none`, or `{items, note}`.
    pub recipients: Option<Spanned<Recipients>>,
    /// Siirrot EU:n ja ETA:n ulkopuolelle (13(1)(f)), `none`, tai `{items, stored_in, note}`.
    ///
    /// Transfers outside the EU/EEA (Art 13(1)(f)), `none`, or `{items, stored_in, note}`.
    pub transfers: Option<Spanned<Transfers>>,
    /// Säilytysajat (13(2)(a)).
    ///
    /// Storage periods or the criteria that determine them (Art 13(2)(a)).
    pub retention: Option<Spanned<Vec<Spanned<Retention>>>>,
    /// Automaattiset päätökset ja profilointi (13(2)(f)), tai `none`.
    ///
    /// Automated decision-making including profiling (Art 13(2)(f)), or `none`.
    pub automated_decisions: Option<Spanned<ListOrNone<Spanned<AutomatedDecision>>>>,
    /// Suunniteltu käsittely uuteen tarkoitukseen (13(3)), tai `none`.
    ///
    /// Planned further processing for a new purpose (Art 13(3)), or `none`.
    pub further_processing: Option<Spanned<ListOrNone<Spanned<FurtherProcessing>>>>,
    /// Lisätiedot oikeuksista: miten niitä käytetään, huomautukset ja lakiin perustuvat rajoitukset.
    ///
    /// Notes on the rights: how to exercise them, notes, and restrictions laid down by law.
    pub rights: Option<Spanned<Rights>>,
    /// Tietoturva ja suojauksen periaatteet.
    ///
    /// Security measures (customary in Finnish notices).
    #[serde(default, deserialize_with = "super::text_or_ref")]
    #[schemars(schema_with = "super::text_or_ref_schema")]
    pub security: Option<Spanned<Text>>,
    /// Evästeet ja vastaavat tekniikat ryhmittäin (laki sähköisen viestinnän palveluista 205 §).
    ///
    /// Cookies and similar technologies, class by class (Finnish Act on Electronic
    /// Communications Services 917/2014, 205 §; Directive 2002/58/EC Art 5(3)).
    pub cookies: Option<Spanned<Vec<Spanned<CookieClass>>>>,
    /// Miten evästesuostumuksen voi muuttaa tai peruuttaa, esim. "sivun alalaidan
    /// Evästeasetukset-linkistä".
    ///
    /// How to change or withdraw cookie consent, e.g. the link to the cookie settings.
    #[serde(default, deserialize_with = "super::text_or_ref")]
    #[schemars(schema_with = "super::text_or_ref_schema")]
    pub cookie_settings: Option<Spanned<Text>>,
    /// Muut osiot selosteen lopussa, esim. evästeet.
    ///
    /// Further sections at the end of the notice, e.g. cookies.
    pub extra_sections: Option<Spanned<Vec<Spanned<ExtraSection>>>>,
    /// Sääntöjen tasot tälle rekisterille: `allow`, `warn` tai `deny`, esim.
    /// `vague-purpose: allow`. Ne ohittavat seloste.yaml:n `settings.lints`-tasot.
    ///
    /// Lint levels for this register: `allow`, `warn` or `deny`, e.g. `vague-purpose: allow`.
    /// They apply after the project's `settings.lints`.
    pub lints: Option<Spanned<SpannedMap<Spanned<Level>>>>,
}

/// Lisäosio.
///
/// A further section of the notice, with its own heading; or `ref: id` naming one of
/// `shared.sections`, whose `title` and `text` the entry may override.
#[derive(Clone, Debug)]
pub struct ExtraSection {
    /// A reference to a shared section, until the resolve stage puts it in place.
    pub reference: Option<Spanned<Id>>,
    /// Otsikko.
    ///
    /// Heading.
    pub title: Spanned<Text>,
    /// Teksti.
    ///
    /// Text.
    pub text: Spanned<Text>,
    /// Whether the entry wrote its own `title` and `text` (else they are blank placeholders
    /// of a reference).
    pub own: (bool, bool),
}

/// The keys of an `extra_sections` entry as written.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct ExtraSectionKeys {
    #[serde(default, rename = "ref")]
    #[schemars(rename = "ref", schema_with = "super::ref_key_schema")]
    reference: Option<Spanned<Id>>,
    /// Otsikko.
    ///
    /// Heading.
    title: Option<Spanned<Text>>,
    /// Teksti.
    ///
    /// Text.
    text: Option<Spanned<Text>>,
}

impl<'de> Deserialize<'de> for ExtraSection {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let keys = ExtraSectionKeys::deserialize(deserializer)?;
        let at = keys.reference.as_ref().map(|r| r.pos).unwrap_or_default();
        let own = (keys.title.is_some(), keys.text.is_some());
        let (title, text) = match (keys.reference.is_some(), keys.title, keys.text) {
            (_, Some(title), Some(text)) => (title, text),
            (true, title, text) => (
                title.unwrap_or_else(|| Spanned::new(Text::default(), at)),
                text.unwrap_or_else(|| Spanned::new(Text::default(), at)),
            ),
            (false, None, _) => return Err(serde::de::Error::missing_field("title")),
            (false, _, None) => return Err(serde::de::Error::missing_field("text")),
        };
        Ok(ExtraSection {
            reference: keys.reference,
            title,
            text,
            own,
        })
    }
}

impl JsonSchema for ExtraSection {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ExtraSection".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut s = ExtraSectionKeys::json_schema(generator);
        s.insert(
            "description".into(),
            "Lisäosio otsikkoineen, tai `ref: tunniste` yhteiseen osioon (`shared.sections`).\n\nA further section with its heading, or `ref: id` naming a shared section (`shared.sections`).".into(),
        );
        s.insert(
            "anyOf".into(),
            serde_json::json!([{ "required": ["title", "text"] }, { "required": ["ref"] }]),
        );
        s
    }
}

/// Käsittelyn tarkoitus.
///
/// A purpose of processing.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Purpose {
    /// Viittaus `shared`-osion määritelmään (`ref: tunniste`); muut avaimet täydentävät tai
    /// korvaavat sen kenttiä.
    ///
    /// A reference to a definition under `shared` (`ref: id`); the other keys add to or
    /// override its fields.
    #[serde(default, rename = "ref")]
    #[schemars(rename = "ref", schema_with = "super::ref_key_schema")]
    pub reference: Option<Spanned<Id>>,
    /// Tarkoitus, esim. "Asiakassuhteen hoitaminen ja laskutus".
    ///
    /// The purpose, e.g. "Managing the customer relationship and invoicing".
    pub description: Option<Spanned<Text>>,
    /// Oikeusperuste (6(1)); useampi luettelona (kaikki pätevät) tai vaihtoehtoina `either:`-avaimen alla.
    ///
    /// Legal basis (Art 6(1)); several as a list (all apply), or alternatives under `either:`.
    pub legal_basis: Option<Spanned<LegalBases>>,
    /// Oikeutettu etu, jos peruste on `legitimate_interests` (13(1)(d)).
    ///
    /// The specific legitimate interest, when the basis is `legitimate_interests` (Art 13(1)(d)).
    pub legitimate_interest: Option<Spanned<Text>>,
    /// Laki, johon käsittely perustuu (`legal_obligation`, `public_task`).
    ///
    /// The law the processing rests on (for `legal_obligation` and `public_task`, Art 6(3)).
    pub law: Option<Spanned<Text>>,
    /// Onko kyse suoramarkkinoinnista (vastustamisoikeus 21(2)).
    ///
    /// Whether this purpose is direct marketing (right to object, Art 21(2)).
    pub direct_marketing: Option<Spanned<bool>>,
    /// Tietoryhmät (`id`), joita tarkoitukseen käytetään, jos vain osaa (esim. markkinointiin
    /// vain yhteystiedot).
    ///
    /// The data categories (by `id`) the purpose uses, when only some (e.g. only contact
    /// details for marketing).
    #[serde(default, deserialize_with = "super::groups::references")]
    #[schemars(schema_with = "super::groups::references_schema")]
    pub personal_data: Option<Spanned<Vec<Spanned<Id>>>>,
    /// Rekisteröityjen ryhmät (`id`), joita tarkoitus koskee, jos vain osaa.
    ///
    /// The groups of data subjects (by `id`) the purpose concerns, when only some.
    #[serde(default, deserialize_with = "super::groups::references")]
    #[schemars(schema_with = "super::groups::references_schema")]
    pub data_subjects: Option<Spanned<Vec<Spanned<Id>>>>,
}

/// Henkilötietoryhmä.
///
/// A category of personal data.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataCategory {
    /// Viittaus `shared`-osion määritelmään (`ref: tunniste`); muut avaimet täydentävät tai
    /// korvaavat sen kenttiä.
    ///
    /// A reference to a definition under `shared` (`ref: id`); the other keys add to or
    /// override its fields.
    #[serde(default, rename = "ref")]
    #[schemars(rename = "ref", schema_with = "super::ref_key_schema")]
    pub reference: Option<Spanned<Id>>,
    /// Ryhmän nimi, esim. "Nimi ja yhteystiedot".
    ///
    /// The category, e.g. "Name and contact details".
    pub category: Option<Spanned<Text>>,
    /// Tunniste, jolla tietolähteet viittaavat tietoryhmään, esim. `osoite`.
    ///
    /// The id by which sources refer to the category, e.g. `osoite`.
    pub id: Option<Spanned<Id>>,
    /// Tarkempi kuvaus.
    ///
    /// Details.
    pub description: Option<Spanned<Text>>,
    /// Mistä nämä tiedot saadaan, jos eri kuin rekisterin `collection` (esim. `other_sources`
    /// tiedoille, jotka saadaan työnantajalta).
    ///
    /// Where these data come from, when not as the register's `collection` says (e.g.
    /// `other_sources` for data obtained from an employer).
    pub collection: Option<Spanned<Collection>>,
    /// Miten tieto syntyy: `provided` (rekisteröity antaa sen; oletus), `observed` (havainnoitu,
    /// esim. kameran kuva) tai `derived` (johdettu muista tiedoista).
    ///
    /// How the data arise: `provided` by the person (the default), `observed` (page views,
    /// camera images, call metadata) or `derived` by the controller (a location inferred from an
    /// IP address). Only provided data take the Art 13(2)(e) statement.
    pub obtained: Option<Spanned<Obtained>>,
    /// Erityinen henkilötietoryhmä (9(1)), luettelo niistä tai `any`.
    ///
    /// Special category (Art 9(1)), a list of them, or `any`.
    pub special_category: Option<Spanned<SpecialCategories>>,
    /// Rikostuomioihin ja rikoksiin liittyviä tietoja (10 artikla).
    ///
    /// Personal data relating to criminal convictions and offences (Art 10).
    pub criminal_data: Option<Spanned<bool>>,
    /// Erityisen ryhmän käsittelyn edellytys (9(2)).
    ///
    /// The Art 9(2) condition for a special category.
    pub condition: Option<Spanned<Condition>>,
    /// Laki, johon edellytys tai 10 artiklan käsittely perustuu.
    ///
    /// The national law the condition (or Art 10 processing) rests on.
    pub law: Option<Spanned<Text>>,
    /// Onko tietojen antaminen lakisääteistä, sopimukseen perustuvaa, sopimuksen edellytys vai vapaaehtoista (13(2)(e)).
    ///
    /// Whether providing the data is statutory, contractual, a precondition of a contract, or
    /// voluntary (Art 13(2)(e)).
    pub provision: Option<Spanned<Provision>>,
    /// Mitä seuraa, jos tietoja ei anneta (13(2)(e)).
    ///
    /// What follows if the data are not provided (Art 13(2)(e)).
    pub consequence: Option<Spanned<Text>>,
    /// Rekisteröityjen ryhmät (`id`), joita tietoryhmä koskee, jos vain osaa.
    ///
    /// The groups of data subjects (by `id`) the category concerns, when only some.
    #[serde(default, deserialize_with = "super::groups::references")]
    #[schemars(schema_with = "super::groups::references_schema")]
    pub data_subjects: Option<Spanned<Vec<Spanned<Id>>>>,
}

/// Tietolähde.
///
/// A source of the data.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Viittaus `shared`-osion määritelmään (`ref: tunniste`); muut avaimet täydentävät tai
    /// korvaavat sen kenttiä.
    ///
    /// A reference to a definition under `shared` (`ref: id`); the other keys add to or
    /// override its fields.
    #[serde(default, rename = "ref")]
    #[schemars(rename = "ref", schema_with = "super::ref_key_schema")]
    pub reference: Option<Spanned<Id>>,
    /// Lähde, esim. "Väestötietojärjestelmä".
    ///
    /// The source, e.g. "Population Information System".
    pub description: Option<Spanned<Text>>,
    /// Onko lähde julkisesti saatavilla (14(2)(f)).
    ///
    /// Whether the source is publicly accessible (Art 14(2)(f)).
    pub public: Option<Spanned<bool>>,
    /// Tietoryhmät (`id`), jotka saadaan tästä lähteestä, jos vain osa.
    ///
    /// The data categories (by `id`) this source provides, when only some.
    #[serde(default, deserialize_with = "super::groups::references")]
    #[schemars(schema_with = "super::groups::references_schema")]
    pub personal_data: Option<Spanned<Vec<Spanned<Id>>>>,
}

/// Vastaanottaja.
///
/// A recipient or category of recipients.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    /// Viittaus `shared`-osion määritelmään (`ref: tunniste`); muut avaimet täydentävät tai
    /// korvaavat sen kenttiä.
    ///
    /// A reference to a definition under `shared` (`ref: id`); the other keys add to or
    /// override its fields.
    #[serde(default, rename = "ref")]
    #[schemars(rename = "ref", schema_with = "super::ref_key_schema")]
    pub reference: Option<Spanned<Id>>,
    /// Vastaanottajan nimi tai tarkka ryhmä.
    ///
    /// Name of the recipient, or a specific category.
    pub name: Option<Spanned<Text>>,
    /// Asema: `processor`, `joint_controller`, `controller`, `third_party`, `private_person` tai
    /// `authority`.
    ///
    /// Role: `processor`, `joint_controller`, `controller`, `third_party`, `private_person` or
    /// `authority`.
    pub role: Option<Spanned<RecipientRole>>,
    /// Mihin tietoja luovutetaan tai käytetään.
    ///
    /// What the data are disclosed or used for.
    pub purpose: Option<Spanned<Text>>,
    /// Laki, johon luovutus perustuu.
    ///
    /// The law a disclosure rests on.
    pub law: Option<Spanned<Text>>,
}

/// Siirto EU:n ja ETA:n ulkopuolelle.
///
/// A transfer to a third country or an international organisation.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Transfer {
    /// Viittaus `shared`-osion määritelmään (`ref: tunniste`); muut avaimet täydentävät tai
    /// korvaavat sen kenttiä.
    ///
    /// A reference to a definition under `shared` (`ref: id`); the other keys add to or
    /// override its fields.
    #[serde(default, rename = "ref")]
    #[schemars(rename = "ref", schema_with = "super::ref_key_schema")]
    pub reference: Option<Spanned<Id>>,
    /// Vastaanottaja.
    ///
    /// Recipient.
    pub recipient: Option<Spanned<Text>>,
    /// Kohdemaa (ISO 3166-1 alpha-2).
    ///
    /// Destination country (ISO 3166-1 alpha-2).
    pub country: Option<Spanned<CountryCode>>,
    /// Kansainvälinen järjestö, jos siirto ei ole maahan.
    ///
    /// International organisation, when the transfer is not to a country.
    pub organisation: Option<Spanned<Text>>,
    /// Siirtoperuste (45–49 art.); useampi luettelona etusijajärjestyksessä.
    ///
    /// Transfer mechanism (Art 45–49); several as a list, in order of preference.
    pub mechanism: Option<Spanned<Mechanisms>>,
    /// Siirron ehdot omin sanoin, esim. milloin käytetään mitäkin perustetta.
    ///
    /// The conditions of the transfer in your own words, e.g. when which mechanism is used.
    pub conditions: Option<Spanned<Text>>,
    /// Poikkeusperuste, kun `mechanism: derogation` (49(1)(a)–(g)).
    ///
    /// The derogation, when `mechanism: derogation` (Art 49(1)(a)–(g)).
    pub derogation: Option<Spanned<Derogation>>,
    /// Onko vastaanottaja sertifioitu EU–US Data Privacy Frameworkiin.
    ///
    /// Whether a US recipient is certified under the EU–US Data Privacy Framework.
    pub dpf_certified: Option<Spanned<bool>>,
    /// Miten suojatoimista saa jäljennöksen tai missä ne ovat saatavilla (13(1)(f)).
    ///
    /// How to obtain a copy of the safeguards or where they are available (Art 13(1)(f)).
    pub document: Option<Spanned<Text>>,
}

/// Säilytysaika.
///
/// A storage period.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Retention {
    /// Viittaus `shared`-osion määritelmään (`ref: tunniste`); muut avaimet täydentävät tai
    /// korvaavat sen kenttiä.
    ///
    /// A reference to a definition under `shared` (`ref: id`); the other keys add to or
    /// override its fields.
    #[serde(default, rename = "ref")]
    #[schemars(rename = "ref", schema_with = "super::ref_key_schema")]
    pub reference: Option<Spanned<Id>>,
    /// Mitä tietoja säilytysaika koskee.
    ///
    /// Which data the period applies to.
    pub data: Option<Spanned<Text>>,
    /// Säilytysaika, esim. "2 vuotta" tai "pysyvästi".
    ///
    /// The period, e.g. "2 years" or "permanent".
    pub period: Option<Spanned<Period>>,
    /// Perusteet, joilla aika määräytyy, jos kiinteää aikaa ei voi antaa.
    ///
    /// The criteria that determine the period when no fixed period can be given.
    pub criteria: Option<Spanned<Text>>,
    /// Tapahtuma, josta aika lasketaan, esim. "asiakassuhteen päättyminen".
    ///
    /// The event the period runs from, e.g. "end of the customer relationship".
    pub from: Option<Spanned<Text>>,
    /// Tapahtuma, johon säilytys päättyy, esim. "tili poistetaan" (kunnes …).
    ///
    /// The event that ends the storage, e.g. "the account is deleted" (until …).
    pub until: Option<Spanned<Text>>,
    /// Poikkeukset ja pidennykset, esim. oikeusvaateen vuoksi.
    ///
    /// Exceptions and extensions, e.g. when the data are needed for a legal claim.
    pub exceptions: Option<Spanned<Text>>,
    /// Laki, jossa säilytysajasta säädetään.
    ///
    /// The law that sets the period.
    pub law: Option<Spanned<Text>>,
    /// Tietoryhmät (`id`), joita säilytysaika koskee, jos vain osaa.
    ///
    /// The data categories (by `id`) the period applies to, when only some.
    #[serde(default, deserialize_with = "super::groups::references")]
    #[schemars(schema_with = "super::groups::references_schema")]
    pub personal_data: Option<Spanned<Vec<Spanned<Id>>>>,
    /// Rekisteröityjen ryhmät (`id`), joita säilytysaika koskee, jos vain osaa.
    ///
    /// The groups of data subjects (by `id`) the period concerns, when only some.
    #[serde(default, deserialize_with = "super::groups::references")]
    #[schemars(schema_with = "super::groups::references_schema")]
    pub data_subjects: Option<Spanned<Vec<Spanned<Id>>>>,
}

/// Automaattinen päätöksenteko tai profilointi.
///
/// Automated decision-making or profiling (Art 22).
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AutomatedDecision {
    /// Mitä päätetään.
    ///
    /// What is decided.
    pub description: Option<Spanned<Text>>,
    /// Käsittelyn logiikka.
    ///
    /// The logic involved.
    pub logic: Option<Spanned<Text>>,
    /// Merkitys ja seuraukset rekisteröidylle.
    ///
    /// Significance and envisaged consequences for the data subject.
    pub consequences: Option<Spanned<Text>>,
}

/// Käsittely uuteen tarkoitukseen.
///
/// Further processing for a purpose other than the one the data were collected for.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FurtherProcessing {
    /// Uusi tarkoitus.
    ///
    /// The new purpose.
    pub purpose: Option<Spanned<Text>>,
    /// Muut olennaiset tiedot.
    ///
    /// Any further relevant information.
    pub details: Option<Spanned<Text>>,
}

/// Lisätiedot oikeuksista.
///
/// Notes on the data subject's rights.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rights {
    /// Miten oikeuksia käytetään (oletuksena yhteyshenkilön kautta).
    ///
    /// How to exercise the rights (by default: through the contact person).
    #[serde(default, deserialize_with = "super::text_or_ref")]
    #[schemars(schema_with = "super::text_or_ref_schema")]
    pub exercise: Option<Spanned<Text>>,
    /// Pääsy tietoihin (15).
    ///
    /// Access (Art 15).
    pub access: Option<Spanned<RightNote>>,
    /// Oikaiseminen (16).
    ///
    /// Rectification (Art 16).
    pub rectification: Option<Spanned<RightNote>>,
    /// Poistaminen (17).
    ///
    /// Erasure (Art 17).
    pub erasure: Option<Spanned<RightNote>>,
    /// Käsittelyn rajoittaminen (18).
    ///
    /// Restriction (Art 18).
    pub restriction: Option<Spanned<RightNote>>,
    /// Oikaisusta, poistosta ja rajoittamisesta ilmoittaminen vastaanottajille (19).
    ///
    /// Notification of rectification, erasure or restriction to each recipient (Art 19).
    pub notification: Option<Spanned<RightNote>>,
    /// Siirto järjestelmästä toiseen (20).
    ///
    /// Portability (Art 20).
    pub portability: Option<Spanned<RightNote>>,
    /// Vastustaminen (21).
    ///
    /// Objection (Art 21).
    pub objection: Option<Spanned<RightNote>>,
    /// Automaattiset päätökset (22).
    ///
    /// Automated decisions (Art 22).
    pub automated_decisions: Option<Spanned<RightNote>>,
    /// Suostumuksen peruuttaminen (7(3)).
    ///
    /// Withdrawal of consent (Art 7(3)).
    pub withdraw_consent: Option<Spanned<RightNote>>,
    /// Valitus valvontaviranomaiselle (77).
    ///
    /// Complaint to the supervisory authority (Art 77).
    pub complaint: Option<Spanned<RightNote>>,
}

/// Huomautus tai rajoitus yhteen oikeuteen.
///
/// A note on one right, or a restriction of it laid down by law (Art 23).
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RightNote {
    /// Lisätieto oikeuden käytöstä.
    ///
    /// A note on exercising the right.
    #[serde(default, deserialize_with = "super::text_or_ref")]
    #[schemars(schema_with = "super::text_or_ref_schema")]
    pub note: Option<Spanned<Text>>,
    /// Lakiin perustuva rajoitus (23 art.).
    ///
    /// A restriction of the right (Art 23).
    pub restriction: Option<Spanned<Text>>,
    /// Laki, johon rajoitus perustuu.
    ///
    /// The law the restriction rests on.
    pub law: Option<Spanned<Text>>,
}

fn slice<T>(v: &Option<Spanned<Vec<Spanned<T>>>>) -> &[Spanned<T>] {
    v.as_ref().map(|v| v.value.as_slice()).unwrap_or(&[])
}

fn listed<T>(v: &Option<Spanned<ListOrNone<Spanned<T>>>>) -> &[Spanned<T>] {
    v.as_ref().map(|v| v.value.items()).unwrap_or(&[])
}

impl Register {
    /// The purposes (empty if none are given).
    pub fn purposes(&self) -> &[Spanned<Purpose>] {
        slice(&self.purposes)
    }

    /// The data categories (empty if none are given).
    pub fn personal_data(&self) -> &[Spanned<DataCategory>] {
        slice(&self.personal_data)
    }

    /// The sources (empty if none are given).
    pub fn sources(&self) -> &[Spanned<Source>] {
        slice(&self.sources)
    }

    /// The retention entries (empty if none are given).
    pub fn retention(&self) -> &[Spanned<Retention>] {
        slice(&self.retention)
    }

    /// The data subject categories (empty if none are given).
    pub fn data_subjects(&self) -> &[Spanned<DataSubject>] {
        slice(&self.data_subjects)
    }

    /// The recipients listed (empty for `none`, `not_regularly` or a missing key).
    pub fn recipients(&self) -> &[Spanned<Recipient>] {
        self.recipients
            .as_ref()
            .and_then(|r| r.value.items(r.pos))
            .map(|i| i.value.items())
            .unwrap_or(&[])
    }

    /// The transfers listed (empty for `none` or a missing key).
    pub fn transfers(&self) -> &[Spanned<Transfer>] {
        self.transfers
            .as_ref()
            .and_then(|t| t.value.items(t.pos))
            .map(|i| i.value.items())
            .unwrap_or(&[])
    }

    /// The automated decisions listed (empty for `none` or a missing key).
    pub fn automated_decisions(&self) -> &[Spanned<AutomatedDecision>] {
        listed(&self.automated_decisions)
    }

    /// The cookie classes (empty if none are given).
    pub fn cookies(&self) -> &[Spanned<CookieClass>] {
        slice(&self.cookies)
    }

    /// The extra sections (empty if none are given).
    pub fn extra_sections(&self) -> &[Spanned<ExtraSection>] {
        slice(&self.extra_sections)
    }

    /// The further processing listed (empty for `none` or a missing key).
    pub fn further_processing(&self) -> &[Spanned<FurtherProcessing>] {
        listed(&self.further_processing)
    }

    /// Every legal basis any purpose rests on.
    pub fn legal_bases(&self) -> impl Iterator<Item = LegalBasis> + '_ {
        self.purposes()
            .iter()
            .flat_map(|p| p.bases().iter().copied())
    }

    /// Whether any special-category data are processed.
    pub fn has_special_categories(&self) -> bool {
        self.personal_data()
            .iter()
            .any(|d| d.special_category.is_some())
    }
}

impl DataCategory {
    /// How the data arise; absent means provided by the person.
    pub fn obtained(&self) -> Obtained {
        self.obtained
            .as_ref()
            .map(|o| o.value)
            .unwrap_or(Obtained::Provided)
    }
}

impl Transfer {
    /// The mechanisms in order of preference, each where it stands (empty if none is given).
    pub fn mechanisms(&self) -> Vec<Spanned<Mechanism>> {
        self.mechanism
            .as_ref()
            .map(|m| m.value.spanned(m.pos))
            .unwrap_or_default()
    }
}

impl Purpose {
    /// The legal bases named (empty if none): those that all apply, or the alternatives of an
    /// `either`.
    pub fn bases(&self) -> &[LegalBasis] {
        self.legal_basis
            .as_ref()
            .map(|b| b.value.items())
            .unwrap_or(&[])
    }

    /// The alternatives, when the notice leaves open which basis applies (`either`).
    pub fn either_bases(&self) -> Option<&Spanned<Vec<LegalBasis>>> {
        self.legal_basis.as_ref().and_then(|b| b.value.either())
    }

    /// Whether the purpose is flagged as direct marketing.
    pub fn is_direct_marketing(&self) -> bool {
        self.direct_marketing.as_ref().is_some_and(|d| d.value)
    }
}

/// The text if it is given and not blank: a blank text says nothing.
pub fn nonblank(t: &Option<Spanned<Text>>) -> Option<&Spanned<Text>> {
    t.as_ref().filter(|t| !t.value.is_blank())
}
