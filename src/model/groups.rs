//! Groups of data subjects and the references to them: an entry of `data_subjects` may carry
//! an `id`, and purposes, data categories and retention periods that concern only some groups
//! name them by it; a source that provides only some categories names their `id`s.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::values::untagged_string;
use super::{Spanned, Text};

/// A short name by which other entries refer to a group of data subjects or a data category:
/// ASCII letters and digits, the Finnish and Swedish letters å, ä and ö, `-` and `_`, e.g.
/// `hakijat`. Kept this narrow so that an id never hides a look-alike character and matches
/// the schema's pattern.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Id(String);

impl Id {
    /// The id as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Parses an id; the error says what an id may hold.
    pub fn parse(s: &str) -> Result<Id, String> {
        let t = s.trim();
        let ok = !t.is_empty()
            && t.chars().count() <= 64
            && t.chars()
                .all(|c| c.is_ascii_alphanumeric() || "åäöÅÄÖ-_".contains(c));
        if ok {
            Ok(Id(t.to_string()))
        } else {
            Err(format!(
                "invalid id `{}`: an id is a short name of letters (a–z, å, ä, ö), digits, `-` and `_`, e.g. `hakijat`",
                crate::characters::one_line(t)
            ))
        }
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = untagged_string(deserializer)?;
        Id::parse(&s).map_err(de::Error::custom)
    }
}

/// A list of references as written: `None` when the key is left out.
pub(crate) type References = Option<Spanned<Vec<Spanned<Id>>>>;

/// Reads a list of references (`data_subjects: [id, …]`, a source's `personal_data: [id, …]`),
/// refusing an empty one: `[]` would mean "nothing" to one reader and "everything" (no limit)
/// to another, so it is an input error, like `special_category: []`. Leaving the key out
/// means the entry is not limited.
pub(crate) fn references<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<References, D::Error> {
    let refs = References::deserialize(deserializer)?;
    if refs.as_ref().is_some_and(|r| r.value.is_empty()) {
        return Err(de::Error::custom(
            "an empty list of ids: name at least one, or leave the key out (the entry then concerns all)",
        ));
    }
    Ok(refs)
}

/// The schema of [`references`]: a non-empty list of ids.
pub(crate) fn references_schema(generator: &mut SchemaGenerator) -> Schema {
    let id = generator.subschema_for::<Id>();
    json_schema!({ "type": ["array", "null"], "items": id, "minItems": 1 })
}

impl JsonSchema for Id {
    fn schema_name() -> Cow<'static, str> {
        "Id".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[A-Za-z0-9ÄÖÅäöå_-]+$",
            "description": "Lyhyt tunniste, johon muut kohdat viittaavat, esim. `hakijat`.\n\nA short name other entries refer to, e.g. `hakijat`."
        })
    }
}

/// Rekisteröityjen ryhmä tunnisteineen.
///
/// A group of data subjects with an id, for purposes, data and retention that concern only it.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataSubjectGroup {
    /// Tunniste, jolla tarkoitukset, tietoryhmät ja säilytysajat viittaavat ryhmään, esim. `hakijat`.
    ///
    /// The id by which purposes, data categories and retention periods refer to the group, e.g. `hakijat`.
    pub id: Spanned<Id>,
    /// Ryhmä, esim. "Työnhakijat".
    ///
    /// The group, e.g. "Työnhakijat" (job applicants).
    pub group: Spanned<Text>,
}

/// An entry of `data_subjects`: a group named in text, or with an id to refer to it by.
#[derive(Clone, Debug)]
pub enum DataSubject {
    /// `- Asiakkaat`
    Named(Text),
    /// `- {id: hakijat, group: Työnhakijat}`
    Group(DataSubjectGroup),
}

impl DataSubject {
    /// The group as the notice names it.
    pub fn text(&self) -> &Text {
        match self {
            DataSubject::Named(t) => t,
            DataSubject::Group(g) => &g.group.value,
        }
    }

    /// The id, if the group has one.
    pub fn id(&self) -> Option<&Spanned<Id>> {
        match self {
            DataSubject::Named(_) => None,
            DataSubject::Group(g) => Some(&g.id),
        }
    }
}

impl<'de> Deserialize<'de> for DataSubject {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = DataSubject;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("text, or a mapping with `id` and `group`")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Text::checked(v.to_string())
                    .map(DataSubject::Named)
                    .map_err(E::custom)
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                DataSubjectGroup::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(DataSubject::Group)
            }
        }
        deserializer.deserialize_any(V)
    }
}

impl JsonSchema for DataSubject {
    fn schema_name() -> Cow<'static, str> {
        "DataSubject".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let text = generator.subschema_for::<Text>();
        let group = generator.subschema_for::<DataSubjectGroup>();
        json_schema!({
            "description": "Rekisteröityjen ryhmä tekstinä, tai `id` ja `group`, kun osa tarkoituksista, tiedoista tai säilytysajoista koskee vain sitä.\n\nA group of data subjects as text, or `id` and `group` when some purposes, data or retention periods concern only it.",
            "oneOf": [ text, group ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct R {
        data_subjects: Vec<Spanned<DataSubject>>,
    }

    fn parse(yaml: &str) -> Result<Vec<Spanned<DataSubject>>, String> {
        serde_saphyr::from_str::<R>(yaml)
            .map(|r| r.data_subjects)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn text_or_a_group_with_an_id() {
        let v = parse("data_subjects:\n  - Asiakkaat\n  - {id: hakijat, group: Työnhakijat}\n")
            .unwrap();
        assert_eq!(v[0].text().as_str(), "Asiakkaat");
        assert!(v[0].id().is_none());
        assert_eq!(v[1].text().as_str(), "Työnhakijat");
        let id = v[1].id().unwrap();
        assert_eq!(
            (id.as_str(), id.pos.line, id.pos.column),
            ("hakijat", 3, 10)
        );
    }

    #[test]
    fn a_group_needs_both_keys_and_a_plain_id() {
        assert!(parse("data_subjects:\n  - {id: hakijat}\n").is_err());
        assert!(parse("data_subjects:\n  - {group: Työnhakijat}\n").is_err());
        assert!(parse("data_subjects:\n  - {id: hakijat, group: x, other: y}\n").is_err());
        let e = parse("data_subjects:\n  - {id: työn hakijat, group: x}\n").unwrap_err();
        assert!(e.contains("invalid id"), "{e}");
        assert!(Id::parse("työnhakijat_2026-a").is_ok());
        // A Cyrillic `а` looks like a Latin `a`.
        assert!(Id::parse("h\u{430}kijat").is_err());
    }

    #[test]
    fn hidden_characters_are_refused_in_plain_entries_too() {
        let e = parse("data_subjects:\n  - \"Asiakkaat\\u202e\"\n").unwrap_err();
        assert!(e.contains("published unseen"), "{e}");
    }
}
