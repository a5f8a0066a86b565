//! Shared definitions and combined notices, both declared in `seloste.yaml`.
//!
//! `shared:` defines, once and each under an id, what several registers say alike: purposes,
//! data categories, sources, recipients, transfers, retention entries and texts. A register
//! refers to a list entry with `- ref: id` (and may add keys to it or override them) and to a
//! text with `{ref: id}`; the resolve stage (`crate::resolve`) puts the definitions in place.
//! The positions of what is read here name the file they are in ([`Pos::file`]), so that what
//! the lint says about a definition is said at the definition, once.
//!
//! `combined:` publishes several registers as one notice.
//!
//! [`Pos::file`]: crate::source::Pos::file

use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::{
    CookieClass, DataCategory, ExtraSection, Id, Purpose, Recipient, Retention, Source, Spanned,
    SpannedMap, Text, Transfer,
};

/// Yhteiset määritelmät, joihin rekisterit viittaavat tunnisteella (`ref: tunniste`).
///
/// Definitions several registers share, each under an id that registers refer to with
/// `ref: id`.
#[derive(Clone, Debug, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Shared {
    /// Käsittelyn tarkoitukset tunnisteittain.
    ///
    /// Purposes of processing, by id.
    pub purposes: Option<Spanned<SpannedMap<Spanned<Purpose>>>>,
    /// Henkilötietoryhmät tunnisteittain; tunniste on myös ryhmän `id`, ellei sillä ole omaa.
    ///
    /// Data categories, by id; the key is also the category's `id` unless it has its own.
    pub personal_data: Option<Spanned<SpannedMap<Spanned<DataCategory>>>>,
    /// Tietolähteet tunnisteittain.
    ///
    /// Sources of the data, by id.
    pub sources: Option<Spanned<SpannedMap<Spanned<Source>>>>,
    /// Vastaanottajat tunnisteittain.
    ///
    /// Recipients, by id.
    pub recipients: Option<Spanned<SpannedMap<Spanned<Recipient>>>>,
    /// Siirrot EU:n ja ETA:n ulkopuolelle tunnisteittain.
    ///
    /// Transfers outside the EU/EEA, by id.
    pub transfers: Option<Spanned<SpannedMap<Spanned<Transfer>>>>,
    /// Säilytysajat tunnisteittain.
    ///
    /// Retention entries, by id.
    pub retention: Option<Spanned<SpannedMap<Spanned<Retention>>>>,
    /// Tekstit tunnisteittain: tietoturva, huomautukset, oikeuksien käyttäminen …
    ///
    /// Texts, by id: the security text, notes, how to exercise the rights …
    pub texts: Option<Spanned<SpannedMap<Spanned<Text>>>>,
    /// Evästeryhmät tunnisteittain.
    ///
    /// Classes of cookies, by id.
    pub cookies: Option<Spanned<SpannedMap<Spanned<CookieClass>>>>,
    /// Lisäosiot tunnisteittain (`title` ja `text`).
    ///
    /// Further sections, by id (`title` and `text`).
    pub sections: Option<Spanned<SpannedMap<Spanned<ExtraSection>>>>,
}

/// The kinds of shared definition, as the keys of `shared:` name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SharedKind {
    /// `purposes`.
    Purposes,
    /// `personal_data`.
    PersonalData,
    /// `sources`.
    Sources,
    /// `recipients`.
    Recipients,
    /// `transfers`.
    Transfers,
    /// `retention`.
    Retention,
    /// `texts`.
    Texts,
    /// `cookies`.
    Cookies,
    /// `sections`.
    Sections,
}

impl SharedKind {
    /// The key under `shared:`.
    pub fn key(self) -> &'static str {
        match self {
            SharedKind::Purposes => "purposes",
            SharedKind::PersonalData => "personal_data",
            SharedKind::Sources => "sources",
            SharedKind::Recipients => "recipients",
            SharedKind::Transfers => "transfers",
            SharedKind::Retention => "retention",
            SharedKind::Texts => "texts",
            SharedKind::Cookies => "cookies",
            SharedKind::Sections => "sections",
        }
    }
}

impl Shared {
    /// The ids of one kind, with where each is defined.
    pub fn ids(&self, kind: SharedKind) -> Vec<&Spanned<String>> {
        fn keys<V>(m: &Option<Spanned<SpannedMap<V>>>) -> Vec<&Spanned<String>> {
            m.iter()
                .flat_map(|m| m.value.0.iter().map(|(k, _)| k))
                .collect()
        }
        match kind {
            SharedKind::Purposes => keys(&self.purposes),
            SharedKind::PersonalData => keys(&self.personal_data),
            SharedKind::Sources => keys(&self.sources),
            SharedKind::Recipients => keys(&self.recipients),
            SharedKind::Transfers => keys(&self.transfers),
            SharedKind::Retention => keys(&self.retention),
            SharedKind::Texts => keys(&self.texts),
            SharedKind::Cookies => keys(&self.cookies),
            SharedKind::Sections => keys(&self.sections),
        }
    }
}

impl Shared {
    /// Adds the definitions of `other` (another file's) after these.
    pub fn extend(&mut self, other: Shared) {
        fn join<V>(
            into: &mut Option<Spanned<SpannedMap<V>>>,
            from: Option<Spanned<SpannedMap<V>>>,
        ) {
            match (into.as_mut(), from) {
                (Some(a), Some(b)) => a.value.0.extend(b.value.0),
                (None, b) => *into = b,
                (Some(_), None) => {}
            }
        }
        join(&mut self.purposes, other.purposes);
        join(&mut self.personal_data, other.personal_data);
        join(&mut self.sources, other.sources);
        join(&mut self.recipients, other.recipients);
        join(&mut self.transfers, other.transfers);
        join(&mut self.retention, other.retention);
        join(&mut self.texts, other.texts);
        join(&mut self.cookies, other.cookies);
        join(&mut self.sections, other.sections);
    }
}

/// Reads the shared definitions with positions that name their file.
impl<'de> Deserialize<'de> for Shared {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Raw {
            purposes: Option<Spanned<SpannedMap<Spanned<Purpose>>>>,
            personal_data: Option<Spanned<SpannedMap<Spanned<DataCategory>>>>,
            sources: Option<Spanned<SpannedMap<Spanned<Source>>>>,
            recipients: Option<Spanned<SpannedMap<Spanned<Recipient>>>>,
            transfers: Option<Spanned<SpannedMap<Spanned<Transfer>>>>,
            retention: Option<Spanned<SpannedMap<Spanned<Retention>>>>,
            texts: Option<Spanned<SpannedMap<Spanned<Text>>>>,
            cookies: Option<Spanned<SpannedMap<Spanned<CookieClass>>>>,
            sections: Option<Spanned<SpannedMap<Spanned<ExtraSection>>>>,
        }
        let raw = super::naming_file(|| Raw::deserialize(deserializer))?;
        Ok(Shared {
            purposes: raw.purposes,
            personal_data: raw.personal_data,
            sources: raw.sources,
            recipients: raw.recipients,
            transfers: raw.transfers,
            retention: raw.retention,
            texts: raw.texts,
            cookies: raw.cookies,
            sections: raw.sections,
        })
    }
}

/// Yhdistetty seloste: useampi rekisteri yhtenä sivuna.
///
/// A combined notice: several registers published as one page.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CombinedNotice {
    /// Tunniste, josta tulee sivun tiedostonimi, esim. `tietosuojaseloste`.
    ///
    /// The id, which names the page's files, e.g. `tietosuojaseloste`.
    pub id: Spanned<Id>,
    /// Otsikko, esim. "Tietosuojaseloste".
    ///
    /// The title, e.g. "Tietosuojaseloste".
    pub title: Option<Spanned<Text>>,
    /// Vapaaehtoinen johdanto, tai `{ref: tunniste}` yhteiseen tekstiin. Rekisterin oma
    /// johdanto, joka on sama teksti, jätetään sivulla pois.
    ///
    /// Optional introduction, or `{ref: id}` naming a shared text. A register's own
    /// introduction that is the same text is not repeated on the page.
    #[serde(default, deserialize_with = "text_or_ref")]
    #[schemars(schema_with = "text_or_ref_schema")]
    pub description: Option<Spanned<Text>>,
    /// Rekisterit (tiedostonimi ilman päätettä) siinä järjestyksessä, jossa ne esitetään.
    ///
    /// The registers (their file names without `.yaml`), in the order they are presented.
    pub registers: Spanned<Vec<Spanned<Id>>>,
    /// Tehdäänkö rekistereistä myös omat sivunsa, oletus `true`.
    ///
    /// Whether the registers also get pages of their own; default `true`.
    pub separate_pages: Option<Spanned<bool>>,
}

/// A text, or a reference to a shared text (`{ref: id}`), for the keys that take one.
pub(crate) fn text_or_ref<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Spanned<Text>>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Text;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("text, or `{ref: id}` naming a text of `shared.texts`")
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
            Text::checked(v.to_string()).map_err(E::custom)
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
            let mut id: Option<Spanned<Id>> = None;
            while let Some(key) = map.next_key::<String>()? {
                if key != "ref" || id.is_some() {
                    return Err(de::Error::custom(format!(
                        "unknown key `{}`: a reference to a shared text holds only `ref`",
                        crate::characters::one_line(&key)
                    )));
                }
                id = Some(map.next_value()?);
            }
            id.map(Text::shared)
                .ok_or_else(|| de::Error::custom("write `ref: id` naming a text of `shared.texts`"))
        }
    }
    struct Wrapped(Text);
    impl<'de> Deserialize<'de> for Wrapped {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(V).map(Wrapped)
        }
    }
    Ok(Option::<Spanned<Wrapped>>::deserialize(deserializer)?.map(|s| s.map(|w| w.0)))
}

/// The schema of [`text_or_ref`].
pub(crate) fn text_or_ref_schema(generator: &mut SchemaGenerator) -> Schema {
    let text = generator.subschema_for::<Text>();
    let reference = reference_schema(generator, "texts");
    json_schema!({ "oneOf": [ text, reference ] })
}

/// The schema of `{ref: id}` naming a definition of `shared.<kind>`.
fn reference_schema(generator: &mut SchemaGenerator, kind: &str) -> Schema {
    let id = generator.subschema_for::<Id>();
    json_schema!({
        "type": "object",
        "properties": { "ref": id },
        "required": ["ref"],
        "additionalProperties": false,
        "description": format!("Viittaus seloste.yaml:n yhteiseen määritelmään `shared.{kind}`.\n\nA reference to the shared definition `shared.{kind}` of seloste.yaml."),
    })
}

/// The schema of a list entry's `ref`.
pub(crate) fn ref_key_schema(generator: &mut SchemaGenerator) -> Schema {
    let id = generator.subschema_for::<Id>();
    let mut s = json_schema!({
        "description": "Viittaus seloste.yaml:n `shared`-osion määritelmään; muut avaimet täydentävät tai korvaavat sen kenttiä.\n\nA reference to a definition under `shared` in seloste.yaml; the entry's other keys add to or override its fields."
    });
    s.insert("allOf".into(), serde_json::json!([id]));
    s
}
