//! Value types of the format: text, dates, country codes, retention periods, "a list or
//! `none`", and the lint-level table.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use chrono::NaiveDate;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::{Spanned, SpecialCategory};

/// Text shown in the notice. Markdown is allowed: paragraphs, lists, emphasis and links
/// (http, https, mailto and tel; relative links when `settings.base_url` is set; raw HTML is
/// shown as text).
///
/// Today a text is one Finnish string. It is its own type so that translations can later be
/// added as `{fi: …, sv: …}` without breaking files that hold a plain string.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Text(
    String,
    /// `{ref: id}`: the shared text this stands for, until the resolve stage puts it in place.
    #[serde(skip)]
    Option<Box<Spanned<super::Id>>>,
);

impl Text {
    /// Text from a string.
    pub fn new(s: impl Into<String>) -> Self {
        Text(s.into(), None)
    }

    /// A reference to the shared text `id`, to be resolved.
    pub(crate) fn shared(id: Spanned<super::Id>) -> Self {
        Text(String::new(), Some(Box::new(id)))
    }

    /// The shared text this stands for, if it is a reference not yet resolved.
    pub fn reference(&self) -> Option<&Spanned<super::Id>> {
        self.1.as_deref()
    }

    /// The text in the notice's language.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the text is empty or only whitespace, which counts as not given.
    pub fn is_blank(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Reads a scalar as a string, refusing every explicit tag but the string tag (`!!str`, or
/// `!`): a `!!binary` value is base64 that the reviewer cannot read but that would be published
/// decoded, and any other tag says the value is not text. The parser keeps `!!binary` undecoded
/// (see `load::yaml`), so the value is never decoded even where this is not used.
pub(crate) fn untagged_string<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<String, D::Error> {
    let serde_saphyr::Tagged(value, tag) =
        serde_saphyr::Tagged::<String>::deserialize(deserializer)?;
    match tag.as_deref() {
        None | Some("!" | "!!str" | "tag:yaml.org,2002:str") => Ok(value),
        Some(tag) => {
            // `tag:yaml.org,2002:binary` is written `!!binary` in the file.
            let shown = match tag.strip_prefix("tag:yaml.org,2002:") {
                Some(name) => format!("!!{name}"),
                None => tag.to_string(),
            };
            Err(de::Error::custom(format!(
                "the tag `{shown}` is not allowed here: write the value as plain text, without a tag"
            )))
        }
    }
}

impl Text {
    /// A text read from a file, refused if it holds a character that would be published
    /// unseen. The load stage refuses these characters written as they are; here they arrive
    /// from the escapes of a double-quoted string (`"\x7f"`, `"\u202e"`).
    pub(crate) fn checked(s: String) -> Result<Text, String> {
        if let Some((_, c, kind)) = crate::characters::first_hidden(&s) {
            return Err(format!(
                "the text holds {}, {}, written as an escape: it would be published unseen",
                crate::characters::code_point(c),
                kind.describe()
            ));
        }
        Ok(Text(s, None))
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = untagged_string(deserializer)?;
        Text::checked(s).map_err(de::Error::custom)
    }
}

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "Tekstiä; Markdown sallittu (kappaleet, luettelot, korostus, http-, https-, mailto- ja tel-linkit; suhteelliset linkit, kun settings.base_url on annettu).\n\nText; Markdown allowed (paragraphs, lists, emphasis, http/https/mailto/tel links; relative links when settings.base_url is set)."
        })
    }
}

/// A calendar date written `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = untagged_string(deserializer)?;
        parse_date(&s).map(Date).map_err(de::Error::custom)
    }
}

/// The years a date in a notice may fall in. Before 1900 no register law existed, and a
/// year past 2100 is a typing error; `updated-in-future` judges the near future.
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// Parses an ISO 8601 calendar date in the years 1900–2100 (`PLAUSIBLE_YEARS`); the error says what was expected.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    use chrono::Datelike;
    let t = s.trim();
    let date = NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| {
        let hint = NaiveDate::parse_from_str(t, "%d.%m.%Y")
            .map(|d| format!(" (write {} for {t})", d.format("%Y-%m-%d")))
            .unwrap_or_default();
        format!("invalid date `{t}`: expected YYYY-MM-DD, e.g. 2025-01-15{hint}")
    })?;
    if !PLAUSIBLE_YEARS.contains(&date.year()) {
        return Err(format!(
            "implausible date `{t}`: the year must be from {} to {}",
            PLAUSIBLE_YEARS.start(),
            PLAUSIBLE_YEARS.end()
        ));
    }
    Ok(date)
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "Päivämäärä muodossa VVVV-KK-PP.\n\nA date, YYYY-MM-DD."
        })
    }
}

/// An ISO 3166-1 alpha-2 country code, e.g. `US`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// The two-letter code.
    pub fn as_str(&self) -> &str {
        // Only ASCII letters are ever stored.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// Parses a known ISO 3166-1 alpha-2 code (any case).
    pub fn parse(s: &str) -> Result<CountryCode, String> {
        let t = s.trim().to_ascii_uppercase();
        let b = t.as_bytes();
        if b.len() == 2 && b.iter().all(u8::is_ascii_uppercase) {
            let code = CountryCode([b[0], b[1]]);
            if crate::data::country(code).is_some() {
                return Ok(code);
            }
        }
        let hint = crate::data::country_by_name(s.trim())
            .map(|c| format!(" (did you mean `{}`?)", c.as_str()))
            .unwrap_or_default();
        Err(format!(
            "unknown country code `{}`: expected an ISO 3166-1 alpha-2 code such as US, GB or IN{hint}",
            s.trim()
        ))
    }

    /// A code from two ASCII letters, unchecked; for tables.
    pub const fn from_bytes(b: [u8; 2]) -> CountryCode {
        CountryCode(b)
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = untagged_string(deserializer)?;
        CountryCode::parse(&s).map_err(de::Error::custom)
    }
}

impl JsonSchema for CountryCode {
    fn schema_name() -> Cow<'static, str> {
        "CountryCode".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        // The codes the loader knows, in any case, as `CountryCode::parse` reads them.
        let codes: Vec<String> = crate::data::country_codes()
            .map(|code| {
                code.chars()
                    .map(|c| format!("[{c}{}]", c.to_ascii_lowercase()))
                    .collect()
            })
            .collect();
        let pattern = format!("^\\s*({})\\s*$", codes.join("|"));
        json_schema!({
            "type": "string",
            "pattern": pattern,
            "description": "Maakoodi (ISO 3166-1 alpha-2), esim. US.\n\nCountry code (ISO 3166-1 alpha-2), e.g. US."
        })
    }
}

/// A unit of a retention period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodUnit {
    /// Hours.
    Hours,
    /// Days.
    Days,
    /// Weeks.
    Weeks,
    /// Months.
    Months,
    /// Years.
    Years,
}

impl PeriodUnit {
    /// Approximate length in days, to compare periods.
    pub fn days(self) -> f64 {
        match self {
            PeriodUnit::Hours => 1.0 / 24.0,
            PeriodUnit::Days => 1.0,
            PeriodUnit::Weeks => 7.0,
            PeriodUnit::Months => 30.44,
            PeriodUnit::Years => 365.25,
        }
    }
}

/// How long data are kept: an amount of a unit, at most an amount of a unit, or permanently
/// (archives).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// A fixed length.
    Fixed {
        /// How many units.
        amount: u32,
        /// Which unit.
        unit: PeriodUnit,
    },
    /// At most this long (`up to 2 months`, `enintään 2 kk`): a maximum is a period.
    UpTo {
        /// How many units.
        amount: u32,
        /// Which unit.
        unit: PeriodUnit,
    },
    /// Kept permanently (e.g. documents to be archived permanently under the Archives Act).
    Permanent,
}

/// Words that make a period a maximum, longest first (`max.` before `max`).
const MAXIMUM_WORDS: &[&str] = &[
    "korkeintaan",
    "enintään",
    "maximum",
    "at most",
    "up to",
    "max.",
    "max",
];

const UNIT_WORDS: &[(&str, PeriodUnit)] = &[
    ("h", PeriodUnit::Hours),
    ("hour", PeriodUnit::Hours),
    ("hours", PeriodUnit::Hours),
    ("tunti", PeriodUnit::Hours),
    ("tuntia", PeriodUnit::Hours),
    ("d", PeriodUnit::Days),
    ("day", PeriodUnit::Days),
    ("days", PeriodUnit::Days),
    ("pv", PeriodUnit::Days),
    ("päivä", PeriodUnit::Days),
    ("päivää", PeriodUnit::Days),
    ("week", PeriodUnit::Weeks),
    ("weeks", PeriodUnit::Weeks),
    ("vk", PeriodUnit::Weeks),
    ("viikko", PeriodUnit::Weeks),
    ("viikkoa", PeriodUnit::Weeks),
    ("month", PeriodUnit::Months),
    ("months", PeriodUnit::Months),
    ("kk", PeriodUnit::Months),
    ("kuukausi", PeriodUnit::Months),
    ("kuukautta", PeriodUnit::Months),
    ("year", PeriodUnit::Years),
    ("years", PeriodUnit::Years),
    ("v", PeriodUnit::Years),
    ("vuosi", PeriodUnit::Years),
    ("vuotta", PeriodUnit::Years),
];

impl Period {
    /// Parses `2 years`, `6 months`, `24 h`, `5 vuotta`, `permanent` / `pysyvästi`, and
    /// maxima: `up to 2 months`, `max 2 years`, `enintään 2 kk`, `korkeintaan 6 kk`.
    pub fn parse(s: &str) -> Result<Period, String> {
        let t = s.trim().to_lowercase();
        if t == "permanent" || t == "pysyvästi" {
            return Ok(Period::Permanent);
        }
        if let Some(rest) = MAXIMUM_WORDS
            .iter()
            .find_map(|w| t.strip_prefix(w))
            .filter(|rest| rest.starts_with(|c: char| c.is_whitespace() || c.is_ascii_digit()))
        {
            return match Period::parse(rest) {
                Ok(Period::Fixed { amount, unit }) => Ok(Period::UpTo { amount, unit }),
                Ok(_) => Err(format!(
                    "invalid period `{}`: a maximum needs a number and a unit, e.g. `up to 2 months` or `enintään 2 kk`",
                    s.trim()
                )),
                Err(e) => Err(e.replace(rest.trim(), s.trim())),
            };
        }
        let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
        let (num, rest) = t.split_at(split);
        let unit_word = rest.trim();
        let unit = UNIT_WORDS
            .iter()
            .find(|(w, _)| *w == unit_word)
            .map(|(_, u)| *u);
        match (num.parse::<u32>(), unit) {
            (Ok(amount), Some(unit)) if amount > 0 => Ok(Period::Fixed { amount, unit }),
            (Ok(0), Some(_)) => Err(format!(
                "invalid period `{}`: a period of zero keeps nothing; say when the data are deleted in `criteria`",
                s.trim()
            )),
            _ => Err(format!(
                "invalid period `{}`: expected a number and a unit (hours, days, weeks, months, years — or h, pv, vk, kk, v, vuotta …), e.g. `2 years` or `6 kk`, or `permanent`; put anything else in `criteria`",
                s.trim()
            )),
        }
    }

    /// Approximate length in days; `None` for permanent.
    pub fn approx_days(&self) -> Option<f64> {
        match self {
            Period::Fixed { amount, unit } | Period::UpTo { amount, unit } => {
                Some(f64::from(*amount) * unit.days())
            }
            Period::Permanent => None,
        }
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = untagged_string(deserializer)?;
        Period::parse(&s).map_err(de::Error::custom)
    }
}

impl JsonSchema for Period {
    fn schema_name() -> Cow<'static, str> {
        "Period".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^\\s*(((up to|at most|max\\.?|maximum|enintään|korkeintaan|Up to|At most|Max\\.?|Maximum|Enintään|Korkeintaan)\\s*)?[0-9]+\\s*[A-Za-zäÄ]+|permanent|pysyvästi)\\s*$",
            "description": "Säilytysaika: luku ja yksikkö (esim. \"2 vuotta\", \"6 kk\", \"24 h\"), enimmäisaika (\"enintään 2 kk\") tai \"pysyvästi\".\n\nRetention period: a number and a unit (e.g. \"2 years\", \"6 months\", \"24 hours\"), a maximum (\"up to 2 months\") or \"permanent\"."
        })
    }
}

/// Either an explicit `none` or a list. A missing key is different from `none`: the law asks
/// the notice to say that there are none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListOrNone<T> {
    /// `none` was written.
    None,
    /// A list (possibly empty, which says nothing).
    List(Vec<T>),
}

impl<T> ListOrNone<T> {
    /// The items; empty for `none`.
    pub fn items(&self) -> &[T] {
        match self {
            ListOrNone::None => &[],
            ListOrNone::List(v) => v,
        }
    }

    /// Whether `none` was written.
    pub fn is_none(&self) -> bool {
        matches!(self, ListOrNone::None)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ListOrNone<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = ListOrNone<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list, or `none`")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                if v.trim() == "none" {
                    Ok(ListOrNone::None)
                } else {
                    Err(E::invalid_value(de::Unexpected::Str(v), &self))
                }
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(ListOrNone::List(items))
            }
        }
        deserializer.deserialize_any(V(PhantomData))
    }
}

impl<T: JsonSchema> JsonSchema for ListOrNone<T> {
    fn schema_name() -> Cow<'static, str> {
        format!("ListOrNone_{}", T::schema_name()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let items = generator.subschema_for::<T>();
        json_schema!({
            "oneOf": [
                { "type": "array", "items": items },
                { "const": "none" }
            ]
        })
    }
}

/// Either `none` or a mapping of type `T` (e.g. `dpo: none`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoneOr<T> {
    /// `none` was written.
    None,
    /// The mapping.
    Some(T),
}

impl<T> NoneOr<T> {
    /// The value, if not `none`.
    pub fn as_option(&self) -> Option<&T> {
        match self {
            NoneOr::None => None,
            NoneOr::Some(t) => Some(t),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for NoneOr<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = NoneOr<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping, or `none`")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                if v.trim() == "none" {
                    Ok(NoneOr::None)
                } else {
                    Err(E::invalid_value(de::Unexpected::Str(v), &self))
                }
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(NoneOr::Some)
            }
        }
        deserializer.deserialize_any(V(PhantomData))
    }
}

impl<T: JsonSchema> JsonSchema for NoneOr<T> {
    fn schema_name() -> Cow<'static, str> {
        format!("NoneOr_{}", T::schema_name()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let inner = generator.subschema_for::<T>();
        json_schema!({ "oneOf": [ inner, { "const": "none" } ] })
    }
}

/// The special categories (Art 9(1)) one entry of `personal_data` contains: one, a list, or
/// `any` ("any special category, with explicit consent").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpecialCategories {
    /// `any`: any of the special categories of Art 9(1).
    Any,
    /// The categories named (at least one).
    Listed(Vec<SpecialCategory>),
}

impl SpecialCategories {
    /// Whether `any` was written.
    pub fn is_any(&self) -> bool {
        matches!(self, SpecialCategories::Any)
    }

    /// The categories named; empty for `any`.
    pub fn items(&self) -> &[SpecialCategory] {
        match self {
            SpecialCategories::Any => &[],
            SpecialCategories::Listed(v) => v,
        }
    }

    /// The value as written in YAML, for messages: `` `health` ``, `` `genetic`, `health` ``,
    /// `` `any` ``.
    pub fn describe(&self) -> String {
        match self {
            SpecialCategories::Any => "`any`".to_string(),
            SpecialCategories::Listed(v) => v
                .iter()
                .map(|c| format!("`{}`", c.name()))
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

impl<'de> Deserialize<'de> for SpecialCategories {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = SpecialCategories;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a special category, a list of them, or `any`")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                if v.trim() == "any" {
                    return Ok(SpecialCategories::Any);
                }
                SpecialCategory::deserialize(de::value::StrDeserializer::<E>::new(v))
                    .map(|c| SpecialCategories::Listed(vec![c]))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<SpecialCategory>()? {
                    if !items.contains(&item) {
                        items.push(item);
                    }
                }
                if items.is_empty() {
                    return Err(de::Error::invalid_length(0, &self));
                }
                Ok(SpecialCategories::Listed(items))
            }
        }
        deserializer.deserialize_any(V)
    }
}

impl JsonSchema for SpecialCategories {
    fn schema_name() -> Cow<'static, str> {
        "SpecialCategories".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let one = generator.subschema_for::<SpecialCategory>();
        json_schema!({
            "description": "Erityinen henkilötietoryhmä (9(1)), luettelo niistä tai `any`.\n\nA special category (Art 9(1)), a list of them, or `any`: any of them.",
            "oneOf": [
                one.clone(),
                { "type": "array", "items": one, "minItems": 1, "uniqueItems": true },
                { "const": "any" }
            ]
        })
    }
}

/// One value or a list of them (a purpose resting on two legal bases, several contact persons).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OneOrMany<T>(pub Vec<T>);

impl<T> OneOrMany<T> {
    /// The values.
    pub fn items(&self) -> &[T] {
        &self.0
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = OneOrMany<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a value or a list of values")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                T::deserialize(de::value::StrDeserializer::<E>::new(v)).map(|t| OneOrMany(vec![t]))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|t| OneOrMany(vec![t]))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(OneOrMany(items))
            }
        }
        deserializer.deserialize_any(V(PhantomData))
    }
}

impl<T: JsonSchema> JsonSchema for OneOrMany<T> {
    fn schema_name() -> Cow<'static, str> {
        format!("OneOrMany_{}", T::schema_name()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let inner = generator.subschema_for::<T>();
        json_schema!({
            "oneOf": [ inner.clone(), { "type": "array", "items": inner, "minItems": 1 } ]
        })
    }
}

/// A mapping whose keys keep their positions, in file order (e.g. the lint-level table).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpannedMap<V>(pub Vec<(Spanned<String>, V)>);

impl<V> Default for SpannedMap<V> {
    fn default() -> Self {
        SpannedMap(Vec::new())
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for SpannedMap<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Vis<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for Vis<V> {
            type Value = SpannedMap<V>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some((k, v)) = map.next_entry::<Spanned<String>, V>()? {
                    entries.push((k, v));
                }
                Ok(SpannedMap(entries))
            }
        }
        deserializer.deserialize_map(Vis(PhantomData))
    }
}

impl<V: JsonSchema> JsonSchema for SpannedMap<V> {
    fn schema_name() -> Cow<'static, str> {
        format!("Map_{}", V::schema_name()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let v = generator.subschema_for::<V>();
        json_schema!({ "type": "object", "additionalProperties": v })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_parse_in_english_and_finnish() {
        let p = |s| Period::parse(s).unwrap();
        assert_eq!(
            p("2 years"),
            Period::Fixed {
                amount: 2,
                unit: PeriodUnit::Years
            }
        );
        assert_eq!(
            p("6 kk"),
            Period::Fixed {
                amount: 6,
                unit: PeriodUnit::Months
            }
        );
        assert_eq!(
            p("24h"),
            Period::Fixed {
                amount: 24,
                unit: PeriodUnit::Hours
            }
        );
        assert_eq!(
            p("12 vuotta"),
            Period::Fixed {
                amount: 12,
                unit: PeriodUnit::Years
            }
        );
        assert_eq!(p("Pysyvästi"), Period::Permanent);
        assert!(Period::parse("as long as needed").is_err());
        assert!(Period::parse("0 days").unwrap_err().contains("zero"));
        assert!(Period::parse("2 fortnights").is_err());
    }

    #[test]
    fn maxima_parse_in_english_and_finnish() {
        let up_to = |amount, unit| Period::UpTo { amount, unit };
        let p = |s| Period::parse(s).unwrap();
        assert_eq!(p("up to 2 months"), up_to(2, PeriodUnit::Months));
        assert_eq!(p("enintään 2 kk"), up_to(2, PeriodUnit::Months));
        assert_eq!(p("Enintään 6 kuukautta"), up_to(6, PeriodUnit::Months));
        assert_eq!(p("max 2 years"), up_to(2, PeriodUnit::Years));
        assert_eq!(p("max. 30 pv"), up_to(30, PeriodUnit::Days));
        assert_eq!(p("korkeintaan 1 vuosi"), up_to(1, PeriodUnit::Years));
        assert_eq!(p("at most 24h"), up_to(24, PeriodUnit::Hours));
        assert!(Period::parse("enintään pysyvästi").is_err());
        assert!(Period::parse("up to 0 days").unwrap_err().contains("zero"));
        let e = Period::parse("enintään kaksi vuotta").unwrap_err();
        assert!(e.contains("`enintään kaksi vuotta`"), "{e}");
        // A word that merely begins like one is not a maximum.
        assert!(Period::parse("maxi 2 years").is_err());
    }

    #[test]
    fn dates_must_be_iso_and_finnish_dates_get_a_hint() {
        assert!(parse_date("2025-02-29").is_err());
        assert!(parse_date("2024-02-29").is_ok());
        let e = parse_date("15.1.2025").unwrap_err();
        assert!(e.contains("write 2025-01-15"), "{e}");
    }

    #[test]
    fn dates_must_fall_in_plausible_years() {
        for bad in ["0000-01-01", "1899-12-31", "2101-01-01", "9999-12-31"] {
            let e = parse_date(bad).unwrap_err();
            assert!(
                e.contains("the year must be from 1900 to 2100"),
                "{bad}: {e}"
            );
        }
        for ok in ["1900-01-01", "2018-05-25", "2100-12-31"] {
            assert!(parse_date(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn country_codes_are_checked_against_iso_3166() {
        assert_eq!(CountryCode::parse("us").unwrap().as_str(), "US");
        assert!(CountryCode::parse("XX").is_err());
        assert!(CountryCode::parse("USA").is_err());
    }
}
