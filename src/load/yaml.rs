//! YAML parsing with serde-saphyr: strict options, input budgets, and the mapping of its
//! errors to located diagnostics.

use serde::de::DeserializeOwned;
use serde_saphyr::Error as YamlError;

use crate::diagnostic::{Diagnostic, InputError, closest};
use crate::model::pos_of;
use crate::source::{FileId, Pos};

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// Parser options: strict booleans (`no` stays text), one document, and budgets far above
/// any real notice but low enough that alias bombs and deep nesting stop at once.
fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        strict_booleans: true,
        with_snippet: false,
        reject_unsupported_tags: true,
        budget: serde_saphyr::budget! {
            max_events: 1_000_000,
            max_aliases: 1_000,
            max_anchors: 1_000,
            max_depth: 32,
            max_documents: 1,
            max_nodes: 250_000,
            max_total_scalar_bytes: 16 * 1024 * 1024,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: 100_000,
            max_replay_stack_depth: 16,
            max_alias_expansions_per_anchor: 1_000,
        },
    }
}

/// Whether the text holds no YAML content: only whitespace, comments and document markers.
pub fn is_blank_yaml(text: &str) -> bool {
    text.lines().all(|l| {
        let t = l.trim();
        t.is_empty() || t.starts_with('#') || t == "---" || t == "..."
    })
}

/// Parses `text` (file `file`) into `T`, or says precisely where and why it cannot.
pub fn parse<T: DeserializeOwned>(file: FileId, text: &str) -> Result<T, Box<Diagnostic>> {
    serde_saphyr::from_str_with_options(text, options())
        .map_err(|e| Box::new(to_diagnostic(file, text, &e)))
}

/// The location of an error, unwrapping snippet and alias wrappers.
fn innermost(e: &YamlError) -> &YamlError {
    match e {
        YamlError::WithSnippet { error, .. } => innermost(error),
        YamlError::AliasError { error, .. } => innermost(error),
        other => other,
    }
}

/// The error's message without serde-saphyr's " at line N, column M" suffix.
fn bare_message(e: &YamlError) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Human words for serde-saphyr's `expected` strings.
fn describe_expected(expected: &str) -> String {
    let e = expected.trim();
    let words = match e {
        "string scalar" | "a string" | "string" => "text",
        "mapping start" | "a map" | "map" | "mapping" => "a mapping (`key: value` lines)",
        "sequence start" | "a sequence" | "sequence" => "a list (`- item` lines)",
        "a boolean" | "bool" => "`true` or `false`",
        _ => return e.trim_start_matches("struct ").to_string(),
    };
    words.to_string()
}

/// Moves a position that points at `key:` to the value after it on the same line, so that a
/// bad value is underlined rather than its key.
fn refine_to_value(text: &str, pos: Pos) -> Pos {
    let Some(line) = text.lines().nth(pos.line.saturating_sub(1) as usize) else {
        return pos;
    };
    let col = pos.column.saturating_sub(1) as usize;
    let rest: String = line.chars().skip(col).collect();
    // `key: value` with the key at the position: find ": " and the value after it.
    let Some(colon) = rest.find(": ") else {
        return pos;
    };
    let key = &rest[..colon];
    if key.is_empty() || key.contains(['"', '\'', '[', '{', '#']) || key.starts_with("- ") {
        return pos;
    }
    let after = &rest[colon + 1..];
    let value_start = after.len() - after.trim_start().len();
    let value = after.trim();
    if value.is_empty() || value.starts_with('#') {
        return pos;
    }
    let value_col = col + key.chars().count() + 1 + after[..value_start].chars().count();
    Pos::at(pos.line, value_col as u32 + 1)
}

fn describe_breach(b: &serde_saphyr::budget::BudgetBreach) -> String {
    use serde_saphyr::budget::BudgetBreach as B;
    match b {
        B::Aliases { aliases } => format!("{aliases} aliases (`*name`)"),
        B::Anchors { anchors } => format!("{anchors} anchors (`&name`)"),
        B::Depth { depth } => format!("nesting {depth} levels deep"),
        B::Nodes { nodes } => format!("{nodes} nodes"),
        B::Events { events } => format!("{events} parser events"),
        B::Documents { documents } => format!("{documents} documents"),
        other => format!("{other:?}"),
    }
}

fn to_diagnostic(file: FileId, text: &str, err: &YamlError) -> Diagnostic {
    let e = innermost(err);
    let pos = e
        .location()
        .filter(|l| l.line() > 0)
        .map(|l| pos_of(&l))
        .unwrap_or(Pos::START);
    match e {
        YamlError::SerdeUnknownField {
            field, expected, ..
        } => {
            let mut d = Diagnostic::input(
                InputError::UnknownKey,
                file,
                pos,
                format!("unknown key `{field}`"),
            )
            .with_label("not a key here");
            if let Some(s) = closest(field, expected.iter().copied()) {
                d = d.with_help(format!("did you mean `{s}`?"));
            }
            d.with_help(format!("keys allowed here: {}", expected.join(", ")))
        }
        YamlError::SerdeUnknownVariant {
            variant, expected, ..
        } => {
            let mut d = Diagnostic::input(
                InputError::UnknownValue,
                file,
                pos,
                format!("unknown value `{variant}`"),
            )
            .with_label("not one of the allowed values");
            if let Some(s) = closest(variant, expected.iter().copied()) {
                d = d.with_help(format!("did you mean `{s}`?"));
            }
            d.with_help(format!("allowed values: {}", expected.join(", ")))
        }
        YamlError::DuplicateMappingKey { key, .. } => {
            let what = key
                .as_deref()
                .map(|k| format!("`{k}`"))
                .unwrap_or_else(|| "a key".into());
            Diagnostic::input(
                InputError::DuplicateKey,
                file,
                pos,
                format!("{what} is given twice in the same mapping"),
            )
            .with_label("second occurrence")
            .with_help("remove one of them, or merge their contents")
        }
        YamlError::Budget { breach, .. } => Diagnostic::input(
            InputError::TooComplex,
            file,
            pos,
            format!(
                "the YAML exceeds an input budget: {}",
                describe_breach(breach)
            ),
        )
        .with_help(
            "a notice needs neither deep nesting nor many aliases; write the values out plainly",
        ),
        YamlError::Unexpected { expected, .. } => Diagnostic::input(
            InputError::WrongType,
            file,
            pos,
            format!("wrong type: expected {}", describe_expected(expected)),
        ),
        YamlError::InvalidBooleanStrict { .. } => Diagnostic::input(
            InputError::WrongType,
            file,
            refine_to_value(text, pos),
            "wrong type: expected `true` or `false`",
        )
        .with_help("YAML 1.1 spellings such as `yes`, `no`, `on` and `off` are not booleans here"),
        YamlError::SerdeInvalidType {
            unexpected,
            expected,
            ..
        } => Diagnostic::input(
            InputError::WrongType,
            file,
            refine_to_value(text, pos),
            format!(
                "wrong type: expected {}, found {unexpected}",
                describe_expected(expected)
            ),
        ),
        YamlError::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => {
            let mut d = Diagnostic::input(
                InputError::InvalidValue,
                file,
                refine_to_value(text, pos),
                format!("invalid value: expected {expected}, found {unexpected}"),
            );
            if expected.contains("`none`") {
                d = d.with_help("write `none` to say there are none, or give a list");
            }
            d
        }
        YamlError::Message { msg, .. } => Diagnostic::input(
            InputError::InvalidValue,
            file,
            refine_to_value(text, pos),
            msg.clone(),
        ),
        YamlError::MultipleDocuments { .. } => Diagnostic::input(
            InputError::YamlSyntax,
            file,
            pos,
            "the file holds more than one YAML document",
        )
        .with_help("a file is one register; remove the `---` separator or split the file"),
        YamlError::UnsupportedTag { tag, .. } => Diagnostic::input(
            InputError::YamlSyntax,
            file,
            pos,
            format!("unsupported YAML tag `{tag}`"),
        )
        .with_help("remove the tag; seloste's files need no tags"),
        YamlError::SerdeMissingField { field, .. } => Diagnostic::input(
            InputError::MissingKey,
            file,
            pos,
            format!("missing key `{field}`"),
        ),
        _ => Diagnostic::input(InputError::YamlSyntax, file, pos, bare_message(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_yaml_is_recognised() {
        assert!(is_blank_yaml(""));
        assert!(is_blank_yaml("# only\n\n---\n"));
        assert!(!is_blank_yaml("title: x"));
    }

    #[test]
    fn refine_moves_to_the_value() {
        let text = "title: a\nrecipients: nonee # x\n";
        let p = refine_to_value(text, Pos::at(2, 1));
        assert_eq!((p.line, p.column), (2, 13));
        // Nothing to move to when the value is on the next lines.
        let p = refine_to_value("recipients:\n  - a\n", Pos::at(1, 1));
        assert_eq!((p.line, p.column), (1, 1));
    }
}
