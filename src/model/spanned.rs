//! `Spanned<T>`: a value with the position it was read from.

use std::borrow::Cow;
use std::cell::Cell;
use std::ops::Deref;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer};

use crate::source::{FileId, Pos};

/// A value together with where it stands in its file.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it was read from.
    pub pos: Pos,
}

impl<T> Spanned<T> {
    /// Wraps a value read at `pos`.
    pub fn new(value: T, pos: Pos) -> Self {
        Spanned { value, pos }
    }

    /// Maps the value, keeping the position.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Spanned<U> {
        Spanned {
            value: f(self.value),
            pos: self.pos,
        }
    }
}

impl<T> Deref for Spanned<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

/// Converts serde-saphyr's location into ours. Columns and lines are 1-based in both.
pub(crate) fn pos_of(loc: &serde_saphyr::Location) -> Pos {
    let span = loc.span();
    Pos {
        line: u32::try_from(loc.line()).unwrap_or(u32::MAX),
        column: u32::try_from(loc.column()).unwrap_or(u32::MAX),
        offset: span.byte_offset().and_then(|o| u32::try_from(o).ok()),
        len: span
            .byte_len()
            .and_then(|l| u32::try_from(l).ok())
            .unwrap_or(0),
        file: TAGGING.get().then(|| PARSING.get()).flatten(),
    }
}

thread_local! {
    /// The file the load stage is parsing on this thread.
    static PARSING: Cell<Option<FileId>> = const { Cell::new(None) };
    /// Whether the values being read are shared definitions, whose positions name their file.
    static TAGGING: Cell<bool> = const { Cell::new(false) };
}

/// Restores a thread-local cell when dropped, also on an early return or a panic.
struct Restore<T: Copy + 'static>(&'static std::thread::LocalKey<Cell<T>>, T);

impl<T: Copy + 'static> Drop for Restore<T> {
    fn drop(&mut self) {
        self.0.set(self.1);
    }
}

/// Runs `parse` with `file` as the file being parsed: positions of shared definitions read in
/// it name it (see [`Pos::file`]).
pub(crate) fn parsing<R>(file: FileId, parse: impl FnOnce() -> R) -> R {
    let _restore = Restore(&PARSING, PARSING.replace(Some(file)));
    parse()
}

/// Runs `read` with the positions it reads naming their file: used while the shared
/// definitions are deserialized, which registers then copy.
pub(crate) fn naming_file<R>(read: impl FnOnce() -> R) -> R {
    let _restore = Restore(&TAGGING, TAGGING.replace(true));
    read()
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let inner = serde_saphyr::Spanned::<T>::deserialize(deserializer)?;
        Ok(Spanned {
            pos: pos_of(&inner.referenced),
            value: inner.value,
        })
    }
}

/// The schema of a spanned value is the schema of the value: spans are invisible in YAML.
impl<T: JsonSchema> JsonSchema for Spanned<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}
