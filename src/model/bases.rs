//! The legal basis of a purpose: one basis, several that all apply, or alternatives the notice
//! leaves open (`{either: [...]}`).

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{LegalBasis, Spanned};

/// The legal basis of one purpose (Art 6(1)).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LegalBases {
    /// One basis, or a list of bases that all apply (`legal_basis: [contract, legal_obligation]`).
    All(Vec<LegalBasis>),
    /// `legal_basis: {either: [contract, legitimate_interests]}`: the notice names alternatives
    /// without saying which applies — a defect of the notice (`ambiguous-legal-basis`), recorded
    /// as it is so that it can be reported. Located at the list under `either`.
    Either(Spanned<Vec<LegalBasis>>),
}

impl LegalBases {
    /// Every basis named: those that all apply, or the alternatives.
    pub fn items(&self) -> &[LegalBasis] {
        match self {
            LegalBases::All(v) => v,
            LegalBases::Either(v) => &v.value,
        }
    }

    /// The alternatives, when the notice leaves open which basis applies.
    pub fn either(&self) -> Option<&Spanned<Vec<LegalBasis>>> {
        match self {
            LegalBases::Either(v) => Some(v),
            LegalBases::All(_) => None,
        }
    }
}

/// `{either: [...]}` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EitherMap {
    either: Spanned<Vec<LegalBasis>>,
}

impl<'de> Deserialize<'de> for LegalBases {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = LegalBases;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a legal basis, a list of them, or `either:` with a list")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                LegalBasis::deserialize(de::value::StrDeserializer::<E>::new(v))
                    .map(|b| LegalBases::All(vec![b]))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(LegalBases::All(items))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                EitherMap::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|m| LegalBases::Either(m.either))
            }
        }
        deserializer.deserialize_any(V)
    }
}

impl JsonSchema for LegalBases {
    fn schema_name() -> Cow<'static, str> {
        "LegalBases".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let basis = generator.subschema_for::<LegalBasis>();
        json_schema!({
            "description": "Oikeusperuste; useampi luettelona (kaikki pätevät) tai `either:`-luettelona, kun seloste ei kerro, kumpi pätee.\n\nThe legal basis; several as a list (all apply), or as `either:` with a list when the notice does not say which applies.",
            "oneOf": [
                basis.clone(),
                { "type": "array", "items": basis.clone(), "minItems": 1 },
                {
                    "type": "object",
                    "properties": {
                        "either": { "type": "array", "items": basis, "minItems": 1 }
                    },
                    "required": ["either"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct P {
        legal_basis: Spanned<LegalBases>,
    }

    fn parse(yaml: &str) -> Result<LegalBases, String> {
        serde_saphyr::from_str::<P>(yaml)
            .map(|p| p.legal_basis.value)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn one_a_list_or_alternatives() {
        assert_eq!(
            parse("legal_basis: contract\n").unwrap(),
            LegalBases::All(vec![LegalBasis::Contract])
        );
        assert_eq!(
            parse("legal_basis: [contract, legal_obligation]\n").unwrap(),
            LegalBases::All(vec![LegalBasis::Contract, LegalBasis::LegalObligation])
        );
        let e = parse("legal_basis:\n  either: [contract, legitimate_interests]\n").unwrap();
        let alt = e.either().unwrap();
        assert_eq!(
            alt.value,
            vec![LegalBasis::Contract, LegalBasis::LegitimateInterests]
        );
        assert_eq!((alt.pos.line, alt.pos.column), (2, 11));
        assert_eq!(e.items().len(), 2);
    }

    #[test]
    fn unknown_keys_and_bases_are_refused() {
        assert!(parse("legal_basis: {any: [contract]}\n").is_err());
        assert!(parse("legal_basis: {either: [contrat]}\n").is_err());
    }
}
