//! The forms of the disclosure sections: `recipients` and `transfers` as a list, `none`, or a
//! mapping with the list and a note (and, for transfers, where the data are stored); the
//! hedged `recipients: not_regularly`; and a transfer's mechanism as one value or a list in
//! order of preference.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{ListOrNone, Mechanism, Recipient, Spanned, Text, Transfer};
use crate::source::Pos;

/// A section given in its short form (the items alone) or as a mapping with a note.
#[derive(Clone, Debug)]
pub enum Section<I, M> {
    /// The items alone: `recipients: none`, `recipients: [..]`.
    Short(I),
    /// A mapping: `{items: …, note: …}`.
    Long(M),
}

/// The mapping form of a section.
pub trait SectionMap {
    /// What `items` holds.
    type Items;
    /// The items, if given.
    fn items(&self) -> Option<&Spanned<Self::Items>>;
    /// The note, if given.
    fn note(&self) -> Option<&Spanned<Text>>;
}

impl<I, M: SectionMap<Items = I>> Section<I, M> {
    /// The items and where they stand; `at` is where the section stands (the items' place in
    /// the short form).
    pub fn items(&self, at: Pos) -> Option<Spanned<&I>> {
        match self {
            Section::Short(i) => Some(Spanned::new(i, at)),
            Section::Long(m) => m.items().map(|i| Spanned::new(&i.value, i.pos)),
        }
    }

    /// The note, if given and not blank.
    pub fn note(&self) -> Option<&Spanned<Text>> {
        match self {
            Section::Short(_) => None,
            Section::Long(m) => m.note().filter(|n| !n.value.is_blank()),
        }
    }

    /// The mapping, in the long form.
    pub fn long(&self) -> Option<&M> {
        match self {
            Section::Short(_) => None,
            Section::Long(m) => Some(m),
        }
    }
}

impl<'de, I: Deserialize<'de>, M: Deserialize<'de>> Deserialize<'de> for Section<I, M> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V<I, M>(PhantomData<(I, M)>);
        impl<'de, I: Deserialize<'de>, M: Deserialize<'de>> Visitor<'de> for V<I, M> {
            type Value = Section<I, M>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list, `none`, or a mapping with `items` and `note`")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                I::deserialize(de::value::StrDeserializer::<E>::new(v)).map(Section::Short)
            }

            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                I::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(Section::Short)
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                M::deserialize(de::value::MapAccessDeserializer::new(map)).map(Section::Long)
            }
        }
        deserializer.deserialize_any(V(PhantomData))
    }
}

impl<I: JsonSchema, M: JsonSchema> JsonSchema for Section<I, M> {
    fn schema_name() -> Cow<'static, str> {
        format!("Section_{}", M::schema_name()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let short = generator.subschema_for::<I>();
        let long = generator.subschema_for::<M>();
        json_schema!({ "oneOf": [ short, long ] })
    }
}

/// The recipients: a list, `none`, or the hedged `not_regularly`.
#[derive(Clone, Debug)]
pub enum RecipientItems {
    /// `none`: no one receives the data.
    None,
    /// `not_regularly`: "tietoja ei luovuteta säännönmukaisesti", a leftover of the repealed
    /// Personal Data Act that names no recipient (reported by `hedged-recipients`).
    NotRegularly,
    /// A list (possibly empty, which says nothing).
    List(Vec<Spanned<Recipient>>),
}

impl RecipientItems {
    /// The recipients listed; empty for `none` and `not_regularly`.
    pub fn items(&self) -> &[Spanned<Recipient>] {
        match self {
            RecipientItems::List(v) => v,
            _ => &[],
        }
    }
}

impl<'de> Deserialize<'de> for RecipientItems {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RecipientItems;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list, `none` or `not_regularly`")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                match v.trim() {
                    "none" => Ok(RecipientItems::None),
                    "not_regularly" => Ok(RecipientItems::NotRegularly),
                    _ => Err(E::invalid_value(de::Unexpected::Str(v), &self)),
                }
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(RecipientItems::List(items))
            }
        }
        deserializer.deserialize_any(V)
    }
}

impl JsonSchema for RecipientItems {
    fn schema_name() -> Cow<'static, str> {
        "RecipientItems".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let items = generator.subschema_for::<Recipient>();
        json_schema!({
            "oneOf": [
                { "type": "array", "items": items },
                { "const": "none" },
                {
                    "const": "not_regularly",
                    "description": "\"Tietoja ei luovuteta säännönmukaisesti\": ei kerro vastaanottajia (virhe, hedged-recipients).\n\n\"Not disclosed regularly\": names no recipient (an error, hedged-recipients)."
                }
            ]
        })
    }
}

/// Vastaanottajat huomautuksen kanssa.
///
/// The recipients with a note.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecipientsDetail {
    /// Vastaanottajat: luettelo, `none` tai `not_regularly`.
    ///
    /// The recipients: a list, `none` or `not_regularly`.
    pub items: Option<Spanned<RecipientItems>>,
    /// Huomautus osion lopussa, esim. "Tietoja ei luovuteta suoramarkkinointiin."
    ///
    /// A note at the end of the section, e.g. "Tietoja ei luovuteta suoramarkkinointiin."
    #[serde(default, deserialize_with = "super::text_or_ref")]
    #[schemars(schema_with = "super::text_or_ref_schema")]
    pub note: Option<Spanned<Text>>,
}

impl SectionMap for RecipientsDetail {
    type Items = RecipientItems;
    fn items(&self) -> Option<&Spanned<RecipientItems>> {
        self.items.as_ref()
    }
    fn note(&self) -> Option<&Spanned<Text>> {
        self.note.as_ref()
    }
}

/// The `recipients` section.
pub type Recipients = Section<RecipientItems, RecipientsDetail>;

/// Missä tiedot tallennetaan.
///
/// Where the data are stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StoredIn {
    /// Euroopan unionin alueella. — In the European Union.
    Eu,
    /// Euroopan talousalueella. — In the European Economic Area.
    Eea,
}

impl StoredIn {
    /// The value as written in YAML.
    pub fn name(self) -> &'static str {
        match self {
            StoredIn::Eu => "eu",
            StoredIn::Eea => "eea",
        }
    }
}

/// Siirrot huomautuksen ja tallennuspaikan kanssa.
///
/// The transfers with a note and where the data are stored.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TransfersDetail {
    /// Siirrot: luettelo tai `none`.
    ///
    /// The transfers: a list or `none`.
    pub items: Option<Spanned<ListOrNone<Spanned<Transfer>>>>,
    /// Missä tiedot tallennetaan: `eu` tai `eea`.
    ///
    /// Where the data are stored: `eu` or `eea`.
    pub stored_in: Option<Spanned<StoredIn>>,
    /// Huomautus osion lopussa.
    ///
    /// A note at the end of the section.
    #[serde(default, deserialize_with = "super::text_or_ref")]
    #[schemars(schema_with = "super::text_or_ref_schema")]
    pub note: Option<Spanned<Text>>,
}

impl SectionMap for TransfersDetail {
    type Items = ListOrNone<Spanned<Transfer>>;
    fn items(&self) -> Option<&Spanned<Self::Items>> {
        self.items.as_ref()
    }
    fn note(&self) -> Option<&Spanned<Text>> {
        self.note.as_ref()
    }
}

/// The `transfers` section.
pub type Transfers = Section<ListOrNone<Spanned<Transfer>>, TransfersDetail>;

impl Transfers {
    /// Where the data are stored, if said.
    pub fn stored_in(&self) -> Option<&Spanned<StoredIn>> {
        self.long().and_then(|m| m.stored_in.as_ref())
    }
}

/// A transfer's mechanism: one, or several in order of preference ("ensisijaisesti …, muuten
/// …"). Each keeps its own position when written as a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mechanisms(Vec<(Mechanism, Option<Pos>)>);

impl Mechanisms {
    /// The mechanisms in order of preference, each with its place; `at` is where the value
    /// stands (the place of a single mechanism).
    pub fn spanned(&self, at: Pos) -> Vec<Spanned<Mechanism>> {
        self.0
            .iter()
            .map(|(m, p)| Spanned::new(*m, p.unwrap_or(at)))
            .collect()
    }

    /// The mechanisms in order of preference.
    pub fn iter(&self) -> impl Iterator<Item = Mechanism> + '_ {
        self.0.iter().map(|(m, _)| *m)
    }

    /// Whether `m` is among them.
    pub fn contains(&self, m: Mechanism) -> bool {
        self.iter().any(|x| x == m)
    }
}

impl<'de> Deserialize<'de> for Mechanisms {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Mechanisms;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mechanism, or a list of them in order of preference")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Mechanism::deserialize(de::value::StrDeserializer::<E>::new(v))
                    .map(|m| Mechanisms(vec![(m, None)]))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(m) = seq.next_element::<Spanned<Mechanism>>()? {
                    items.push((m.value, Some(m.pos)));
                }
                if items.is_empty() {
                    return Err(de::Error::custom(
                        "an empty list of mechanisms: name at least one, or leave `mechanism` out",
                    ));
                }
                Ok(Mechanisms(items))
            }
        }
        deserializer.deserialize_any(V)
    }
}

impl JsonSchema for Mechanisms {
    fn schema_name() -> Cow<'static, str> {
        "Mechanisms".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let inner = generator.subschema_for::<Mechanism>();
        json_schema!({
            "oneOf": [ inner.clone(), { "type": "array", "items": inner, "minItems": 1 } ]
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Mechanism, RecipientItems, Register, StoredIn};

    fn register(yaml: &str) -> Result<Register, String> {
        crate::load::parse(crate::source::FileId(0), yaml).map_err(|e| format!("{e:?}"))
    }

    #[test]
    fn recipients_take_a_list_none_the_hedge_or_a_mapping() {
        let r = register("recipients: none\n").unwrap();
        let s = r.recipients.as_ref().unwrap();
        assert!(matches!(
            s.value.items(s.pos).unwrap().value,
            RecipientItems::None
        ));

        let r = register("recipients: not_regularly\n").unwrap();
        let s = r.recipients.as_ref().unwrap();
        let items = s.value.items(s.pos).unwrap();
        assert!(matches!(items.value, RecipientItems::NotRegularly));
        assert_eq!((items.pos.line, items.pos.column), (1, 13));
        assert!(r.recipients().is_empty());

        let r = register(
            "recipients:\n  items:\n    - name: A\n    - name: B\n  note: Ei suoramarkkinointiin.\n",
        )
        .unwrap();
        assert_eq!(r.recipients().len(), 2);
        let s = r.recipients.as_ref().unwrap();
        assert_eq!(
            s.value.note().unwrap().value.as_str(),
            "Ei suoramarkkinointiin."
        );

        let r = register("recipients:\n  note: Ei suoramarkkinointiin.\n").unwrap();
        let s = r.recipients.as_ref().unwrap();
        assert!(s.value.items(s.pos).is_none());
    }

    #[test]
    fn transfers_take_stored_in_but_not_the_hedge() {
        let r = register("transfers:\n  stored_in: eu\n").unwrap();
        let s = r.transfers.as_ref().unwrap();
        assert_eq!(s.value.stored_in().unwrap().value, StoredIn::Eu);
        assert!(s.value.items(s.pos).is_none());
        assert!(register("transfers: not_regularly\n").is_err());
        assert!(register("transfers:\n  items: not_regularly\n").is_err());
        assert!(register("recipients:\n  stored_in: eu\n").is_err());
        assert!(register("transfers:\n  stored_in: us\n").is_err());
    }

    #[test]
    fn mechanisms_are_one_or_a_list_each_with_its_place() {
        let r = register("transfers:\n  - country: US\n    mechanism: adequacy\n").unwrap();
        let m = r.transfers()[0].mechanisms();
        assert_eq!(m.len(), 1);
        assert_eq!(
            (m[0].value, m[0].pos.line, m[0].pos.column),
            (Mechanism::Adequacy, 3, 16)
        );

        let r = register(
            "transfers:\n  - country: US\n    mechanism: [adequacy, standard_contractual_clauses]\n",
        )
        .unwrap();
        let m = r.transfers()[0].mechanisms();
        let got: Vec<_> = m.iter().map(|m| (m.value, m.pos.column)).collect();
        assert_eq!(
            got,
            vec![
                (Mechanism::Adequacy, 17),
                (Mechanism::StandardContractualClauses, 27)
            ]
        );
        assert!(register("transfers:\n  - mechanism: []\n").is_err());
        assert!(register("transfers:\n  - mechanism: [adequacy, nonsense]\n").is_err());
    }
}
