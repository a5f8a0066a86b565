//! E-mail addresses and phone numbers of a contact: one plain string as before, or a list of
//! them, each optionally labelled ("kirjaamo", "vaihde").
//!
//! ```yaml
//! email: tietosuoja@esimerkki.fi
//! phone:
//!   - label: vaihde
//!     number: 09 123 4567
//!   - 09 123 4500
//! ```

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{Spanned, Text};
use crate::source::Pos;

/// What kind of channel a list holds: the key of its value in the labelled form.
pub trait ChannelKind {
    /// The key of the value in `{label: …, <KEY>: …}`.
    const KEY: &'static str;
    /// The schema's name.
    const SCHEMA: &'static str;
    /// The schema's description, Finnish and English.
    const DESCRIPTION: &'static str;
    /// The JSON Schema `pattern` of one address or number (`crate::identifiers`).
    const PATTERN: &'static str;
}

/// E-mail addresses: `{label, address}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EmailKind;

impl ChannelKind for EmailKind {
    const KEY: &'static str = "address";
    const SCHEMA: &'static str = "Emails";
    const PATTERN: &'static str = crate::identifiers::EMAIL_PATTERN;
    const DESCRIPTION: &'static str = "Sähköpostiosoite, tai luettelo osoitteista; luettelon osoitteelle voi antaa nimen: {label: kirjaamo, address: kirjaamo@esimerkki.fi}.\n\nAn e-mail address, or a list of them; an address in a list may be labelled: {label: kirjaamo, address: kirjaamo@esimerkki.fi}.";
}

/// Phone numbers: `{label, number}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhoneKind;

impl ChannelKind for PhoneKind {
    const KEY: &'static str = "number";
    const SCHEMA: &'static str = "Phones";
    const PATTERN: &'static str = crate::identifiers::PHONE_PATTERN;
    const DESCRIPTION: &'static str = "Puhelinnumero, tai luettelo numeroista; luettelon numerolle voi antaa nimen: {label: vaihde, number: 09 123 4567}.\n\nA phone number, or a list of them; a number in a list may be labelled: {label: vaihde, number: 09 123 4567}.";
}

/// One address or number, with its label if it has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Channel {
    /// What the address or number is for ("kirjaamo", "vaihde").
    pub label: Option<Spanned<Text>>,
    /// The address or number, where it stands.
    pub value: Spanned<String>,
}

impl Channel {
    /// Whether the address or number is empty or blank, which counts as not given.
    pub fn is_blank(&self) -> bool {
        self.value.value.trim().is_empty()
    }
}

/// The e-mail addresses or phone numbers of one contact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Channels<K> {
    entries: Vec<Channel>,
    kind: PhantomData<K>,
}

/// E-mail addresses.
pub type Emails = Channels<EmailKind>;
/// Phone numbers.
pub type Phones = Channels<PhoneKind>;

impl<K> Channels<K> {
    /// Every entry, in file order, blank ones included.
    pub fn entries(&self) -> &[Channel] {
        &self.entries
    }

    /// The entries that say something.
    pub fn given(&self) -> impl Iterator<Item = &Channel> {
        self.entries.iter().filter(|c| !c.is_blank())
    }
}

/// Whether a contact's `email` or `phone` gives at least one address or number.
pub fn any_given<K>(c: &Option<Spanned<Channels<K>>>) -> bool {
    c.as_ref().is_some_and(|c| c.value.given().next().is_some())
}

/// The entries of a contact's `email` or `phone` (empty when the key is absent).
pub fn entries<K>(c: &Option<Spanned<Channels<K>>>) -> &[Channel] {
    c.as_ref().map(|c| c.value.entries()).unwrap_or(&[])
}

/// One entry as read: a plain string (positioned by its list item) or a labelled mapping.
struct Entry<K> {
    label: Option<Spanned<Text>>,
    value: Option<Spanned<String>>,
    plain: Option<String>,
    kind: PhantomData<K>,
}

impl<'de, K: ChannelKind> Deserialize<'de> for Entry<K> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V<K>(PhantomData<K>);
        impl<'de, K: ChannelKind> Visitor<'de> for V<K> {
            type Value = Entry<K>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "a string, or a mapping with `label` and `{}`", K::KEY)
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Entry {
                    label: None,
                    value: None,
                    plain: Some(v.to_string()),
                    kind: PhantomData,
                })
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let (mut label, mut value) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    if key == "label" {
                        if label.is_some() {
                            return Err(de::Error::duplicate_field("label"));
                        }
                        label = Some(map.next_value::<Spanned<Text>>()?);
                    } else if key == K::KEY {
                        if value.is_some() {
                            return Err(de::Error::duplicate_field(K::KEY));
                        }
                        let s: Spanned<StringValue> = map.next_value()?;
                        value = Some(s.map(|s| s.0));
                    } else {
                        return Err(de::Error::unknown_field(&key, &["label", K::KEY]));
                    }
                }
                if value.is_none() {
                    return Err(de::Error::missing_field(K::KEY));
                }
                Ok(Entry {
                    label,
                    value,
                    plain: None,
                    kind: PhantomData,
                })
            }
        }
        deserializer.deserialize_any(V(PhantomData))
    }
}

/// A string read as the plain form of a value is read (tags refused, see `untagged_string`).
struct StringValue(String);

impl<'de> Deserialize<'de> for StringValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::values::untagged_string(deserializer).map(StringValue)
    }
}

/// The whole value as read: one string, or a list of entries.
enum Raw<K> {
    One(String),
    Many(Vec<Spanned<Entry<K>>>),
}

impl<'de, K: ChannelKind> Deserialize<'de> for Raw<K> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V<K>(PhantomData<K>);
        impl<'de, K: ChannelKind> Visitor<'de> for V<K> {
            type Value = Raw<K>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(
                    f,
                    "a string, or a list of strings and mappings with `label` and `{}`",
                    K::KEY
                )
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Raw::One(v.to_string()))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Raw::Many(items))
            }
        }
        deserializer.deserialize_any(V(PhantomData))
    }
}

impl<'de, K: ChannelKind> Deserialize<'de> for Channels<K> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // The position of the whole value places a plain string.
        let raw = serde_saphyr::Spanned::<Raw<K>>::deserialize(deserializer)?;
        let at: Pos = super::spanned::pos_of(&raw.referenced);
        let entries = match raw.value {
            Raw::One(s) => vec![Channel {
                label: None,
                value: Spanned::new(s, at),
            }],
            Raw::Many(items) => items
                .into_iter()
                .map(|e| {
                    let Spanned { value: e, pos } = e;
                    Channel {
                        label: e.label,
                        value: e
                            .value
                            .unwrap_or_else(|| Spanned::new(e.plain.unwrap_or_default(), pos)),
                    }
                })
                .collect(),
        };
        Ok(Channels {
            entries,
            kind: PhantomData,
        })
    }
}

impl<K: ChannelKind> JsonSchema for Channels<K> {
    fn schema_name() -> Cow<'static, str> {
        K::SCHEMA.into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let label = generator.subschema_for::<Text>();
        let key = K::KEY;
        let pattern = K::PATTERN;
        json_schema!({
            "description": K::DESCRIPTION,
            "oneOf": [
                { "type": "string", "pattern": pattern },
                {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "oneOf": [
                            { "type": "string", "pattern": pattern },
                            {
                                "type": "object",
                                "properties": { "label": label, key: { "type": "string", "pattern": pattern } },
                                "required": [key],
                                "additionalProperties": false
                            }
                        ]
                    }
                }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct C {
        email: Option<Spanned<Emails>>,
        phone: Option<Spanned<Phones>>,
    }

    #[test]
    fn a_plain_string_and_a_labelled_list_both_keep_their_positions() {
        let c: C = serde_saphyr::from_str(
            "email: a@b.fi\nphone:\n  - label: vaihde\n    number: 09 123 4567\n  - 09 123 4500\n",
        )
        .unwrap();
        let e = entries(&c.email);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].value.value, "a@b.fi");
        assert_eq!((e[0].value.pos.line, e[0].value.pos.column), (1, 8));
        assert!(e[0].label.is_none());
        let p = entries(&c.phone);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].label.as_ref().unwrap().value.as_str(), "vaihde");
        assert_eq!((p[0].value.pos.line, p[0].value.pos.column), (4, 13));
        assert_eq!(p[1].value.value, "09 123 4500");
        assert_eq!((p[1].value.pos.line, p[1].value.pos.column), (5, 5));
        assert_eq!(c.phone.as_ref().unwrap().pos.line, 3);
        assert!(any_given(&c.phone));
    }

    #[test]
    fn a_labelled_entry_needs_its_value_and_no_other_key() {
        let bad = serde_saphyr::from_str::<C>("phone:\n  - label: vaihde\n");
        assert!(bad.is_err());
        let bad = serde_saphyr::from_str::<C>("email:\n  - label: x\n    number: 1\n");
        assert!(format!("{}", bad.err().unwrap()).contains("number"));
    }
}
