//! YAML parsing with serde-saphyr: strict options, input budgets, and the mapping of its
//! errors to located diagnostics.

use serde::de::DeserializeOwned;
use serde_saphyr::Error as YamlError;

use crate::diagnostic::{Diagnostic, InputError, closest};
use crate::model::pos_of;
use crate::source::{FileId, Pos};

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// How many bytes of a file buy one node that aliases (`*name`) and merge keys (`<<`) may add
/// to it (or copy into its anchors). Expansion is thereby bounded by the file's own size: a
/// small file cannot make seloste do much more work than reading a plain file would. Each
/// expanded node costs serde-saphyr about a kilobyte at its peak, so four bytes a node keeps
/// a file's memory within a few hundred times its size.
pub const BYTES_PER_EXPANDED_NODE: usize = 4;

/// The expansion every file may use whatever its size, so that a short register may still
/// share a list among its purposes with a few anchors (a real one uses a few hundred nodes).
pub const EXPANSION_FLOOR: usize = 4_096;

/// The most any file may expand: 100 KB of register buys this much; no register needs more.
pub const EXPANSION_CEILING: usize = 25_000;

/// The number of nodes aliases and merge keys may add to a file of `len` bytes.
pub fn expansion_budget(len: usize) -> usize {
    (len / BYTES_PER_EXPANDED_NODE).clamp(EXPANSION_FLOOR, EXPANSION_CEILING)
}

/// Parser options for a file of `len` bytes: strict booleans (`no` stays text), one document,
/// `!!binary` never decoded (a reviewer must be able to read what is published), and budgets
/// far above any real notice but low enough that alias bombs, merge-key chains and deep
/// nesting stop at once. The alias and anchor budgets grow with the file (see
/// [`expansion_budget`]), since a fixed budget lets a 1 KB file cost as much as a 10 MB one.
fn options(len: usize) -> serde_saphyr::Options {
    let expansion = expansion_budget(len);
    serde_saphyr::options! {
        strict_booleans: true,
        with_snippet: false,
        reject_unsupported_tags: true,
        ignore_binary_tag_for_string: true,
        budget: serde_saphyr::budget! {
            max_events: 1_000_000,
            max_aliases: 1_000,
            max_anchors: 1_000,
            max_depth: 32,
            max_documents: 1,
            max_nodes: 250_000,
            max_total_scalar_bytes: 16 * 1024 * 1024,
            // Events copied into anchors, including those replayed through aliases into an
            // enclosing anchor: a merge-key chain `<<: [*a, *a]` doubles them at each level.
            max_recorded_anchor_events: expansion,
            max_recorded_anchor_bytes: expansion.saturating_mul(64),
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: expansion,
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
    serde_saphyr::from_str_with_options(text, options(text.len()))
        .map_err(|e| Box::new(to_diagnostic(file, text, &e)))
}

/// The most input errors reported from one file: a file with more is better read a screen at
/// a time.
pub const MAX_ERRORS_PER_FILE: usize = 20;

/// Parses `text` (file `file`) into `T`, or reports every error it can find: after an unknown
/// key, a wrong type or an invalid value, the entry that holds it (`key: value` with all that
/// is indented under it) is blanked out — replaced by spaces, so every later position stays
/// where it is — and the file parsed again. A file that parses costs one parse, as before.
///
/// Recovery stops at the first error that could come from the blanking itself or that leaves
/// the parser no way on: broken YAML, a missing key, an error in a blanked entry's parent, a
/// document that is not a mapping.
pub fn parse_all<T: DeserializeOwned>(file: FileId, text: &str) -> Result<T, Vec<Diagnostic>> {
    crate::model::parsing(file, || parse_all_in(file, text))
}

/// [`parse_all`] within the file's parsing scope.
fn parse_all_in<T: DeserializeOwned>(file: FileId, text: &str) -> Result<T, Vec<Diagnostic>> {
    let opts = || options(text.len());
    let mut err = match serde_saphyr::from_str_with_options::<T>(text, opts()) {
        Ok(v) => return Ok(v),
        Err(e) => e,
    };
    let mut out = vec![to_diagnostic(file, text, &err)];
    let mut patched = text.to_string();
    // Lines (1-based) where an error may be the blanking's own doing: from the parent of each
    // blanked entry to the entry's end.
    let mut suspect: Vec<std::ops::RangeInclusive<u32>> = Vec::new();
    while out.len() < MAX_ERRORS_PER_FILE {
        let Some(entry) = recoverable(&err).and_then(|pos| entry_at(&patched, pos)) else {
            break;
        };
        // Spaces for every byte but line breaks: offsets, lines and columns elsewhere stay.
        let blanked: String = patched[entry.bytes.clone()]
            .bytes()
            .map(|b| if b == b'\n' { '\n' } else { ' ' })
            .collect();
        patched.replace_range(entry.bytes.clone(), &blanked);
        suspect.push(entry.parent..=entry.last);
        err = match serde_saphyr::from_str_with_options::<T>(&patched, opts()) {
            // The rest of the file is sound: what was found is all there is.
            Ok(_) => break,
            Err(e) => e,
        };
        let Some(pos) = recoverable(&err) else { break };
        if suspect.iter().any(|r| r.contains(&pos.line)) {
            break;
        }
        let d = to_diagnostic(file, text, &err);
        if out.iter().any(|o| o.pos == d.pos && o.message == d.message) {
            break;
        }
        out.push(d);
    }
    Err(out)
}

/// The position of an error that recovery can step over: one value or key that is wrong,
/// where the parser could go on without it.
fn recoverable(err: &YamlError) -> Option<Pos> {
    let e = innermost(err);
    let ok = matches!(
        e,
        YamlError::SerdeUnknownField { .. }
            | YamlError::SerdeUnknownVariant { .. }
            | YamlError::DuplicateMappingKey { .. }
            | YamlError::Unexpected { .. }
            | YamlError::ExternallyTaggedEnumExpectedScalarOrMapping { .. }
            | YamlError::UnexpectedValueForUnitEnumVariant { .. }
            | YamlError::UnexpectedValueForUnit { .. }
            | YamlError::NullIntoString { .. }
            | YamlError::InvalidScalar { .. }
            | YamlError::InvalidBooleanStrict { .. }
            | YamlError::SerdeInvalidType { .. }
            | YamlError::SerdeInvalidValue { .. }
            | YamlError::Message { .. }
            | YamlError::TaggedScalarCannotDeserializeIntoString { .. }
    );
    if !ok {
        return None;
    }
    e.location().filter(|l| l.line() > 0).map(|l| pos_of(&l))
}

/// A block entry to blank: its bytes, the line of its parent key (0 at the top level) and its
/// last line.
#[derive(Debug, PartialEq, Eq)]
struct Entry {
    bytes: std::ops::Range<usize>,
    parent: u32,
    last: u32,
}

/// The start of each line of `text` (byte offsets).
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .filter(|&i| i < text.len())
        .collect()
}

/// Where the content of a line starts, past its indentation and any `- ` of block sequences,
/// in bytes (all ASCII before it).
fn content_start(line: &str) -> usize {
    let mut i = 0;
    let b = line.as_bytes();
    loop {
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        if i + 1 < b.len() && b[i] == b'-' && b[i + 1] == b' ' {
            i += 2;
        } else {
            return i;
        }
    }
}

/// Whether `content` starts with a block mapping key (`key:` followed by a space or the end).
fn is_key(content: &str) -> bool {
    let content = content.trim_end_matches(['\r', '\n']);
    let Some(first) = content.chars().next() else {
        return false;
    };
    if matches!(
        first,
        '{' | '[' | '#' | '|' | '>' | '&' | '*' | '!' | '%' | '@' | '`' | '-' | '?' | ':'
    ) {
        return false;
    }
    let key_end = if first == '"' || first == '\'' {
        match content[1..].find(first) {
            Some(i) => i + 2,
            None => return false,
        }
    } else {
        match content.find(':') {
            Some(i) => i,
            None => return false,
        }
    };
    let rest = &content[key_end..];
    rest.starts_with(':') && (rest.len() == 1 || rest[1..].starts_with([' ', '\t']))
}

/// The indentation of a line that holds content, or `None` for a blank or comment line.
fn indent(line: &str) -> Option<usize> {
    let t = line.trim_start_matches(' ');
    (!t.trim().is_empty() && !t.starts_with('#')).then(|| line.len() - t.len())
}

/// The block entry of `text` that holds the error at `pos`: the `key:` on its line if the
/// error stands at or after the key, else the key whose block value starts at `pos` (a list
/// item, a nested mapping). `None` when there is no such key in block style (a document that
/// is not a mapping, a flow collection at the top).
fn entry_at(text: &str, pos: Pos) -> Option<Entry> {
    let starts = line_starts(text);
    let line_of = |n: usize| {
        let s = starts[n];
        let e = starts.get(n + 1).copied().unwrap_or(text.len());
        &text[s..e]
    };
    let n = (pos.line as usize).checked_sub(1)?;
    if n >= starts.len() {
        return None;
    }
    let line = line_of(n);
    let col = line
        .char_indices()
        .nth(pos.column.saturating_sub(1) as usize)
        .map_or(line.len(), |(i, _)| i);
    let c = content_start(line);
    let key_line = if is_key(&line[c..]) && col >= c {
        n
    } else {
        // The owner of a block value: the nearest key above, less indented than the value (or
        // as indented, for a list written flush under its key).
        let own = indent(line)?;
        (0..n).rev().find(|&m| {
            let l = line_of(m);
            let cs = content_start(l);
            indent(l).is_some_and(|i| i <= own)
                && is_key(&l[cs..])
                && (cs < own || cs == own && line[own..].starts_with("- "))
        })?
    };
    let l = line_of(key_line);
    let key_col = content_start(l);
    let mut last = key_line;
    for m in key_line + 1..starts.len() {
        let lm = line_of(m);
        match indent(lm) {
            Some(i) if i > key_col => last = m,
            Some(_) => break,
            None => {}
        }
    }
    let end = starts.get(last + 1).copied().unwrap_or(text.len());
    // The parent: the nearest line above that is less indented than the key.
    let parent = (0..key_line)
        .rev()
        .find(|&m| indent(line_of(m)).is_some_and(|i| i < key_col))
        .map_or(0, |m| m as u32 + 1);
    Some(Entry {
        bytes: starts[key_line] + key_col..end,
        parent,
        last: last as u32 + 1,
    })
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

/// What was found at `pos` when another type was expected, judged from the text: serde-saphyr
/// says what it expected but not what it found, and "expected text" alone leaves the reader
/// guessing.
fn found_at(text: &str, pos: Pos) -> Option<String> {
    let line = text.lines().nth(pos.line.checked_sub(1)? as usize)?;
    let rest: String = line
        .chars()
        .skip(pos.column.saturating_sub(1) as usize)
        .collect();
    let rest = rest.trim_end();
    if rest.starts_with('[') || rest == "-" || rest.starts_with("- ") {
        return Some("a list".into());
    }
    if rest.starts_with('{') {
        return Some("a mapping".into());
    }
    // `key: value` or `key:` at the position is a mapping.
    if let Some(colon) = rest.find(':') {
        let key = &rest[..colon];
        let after = &rest[colon + 1..];
        let plain_key = !key.is_empty() && !key.contains(['"', '\'', '#', ',', '[', '{']);
        if plain_key && (after.is_empty() || after.starts_with(' ')) {
            return Some("a mapping".into());
        }
    }
    if rest.is_empty() || rest.starts_with(['|', '>', '&', '*', '!', '#']) {
        return None;
    }
    // A scalar: the parser's span when it gave one (in `{a: b}` the rest of the line is more
    // than the value), else the rest of the line.
    let scalar = pos
        .offset
        .filter(|_| pos.len > 0)
        .and_then(|o| text.get(o as usize..o as usize + pos.len as usize))
        .filter(|s| !s.contains('\n'))
        .unwrap_or(rest);
    let shown: String = scalar.chars().take(40).collect();
    let ellipsis = if scalar.chars().count() > 40 {
        "…"
    } else {
        ""
    };
    Some(format!("`{shown}{ellipsis}`"))
}

/// `wrong type: expected …, found …`, with the found part when the text tells it.
fn wrong_type(expected: &str, text: &str, pos: Pos) -> String {
    match found_at(text, pos) {
        Some(found) => format!("wrong type: expected {expected}, found {found}"),
        None => format!("wrong type: expected {expected}"),
    }
}

/// Human words for serde-saphyr's scalar type names (`u32`, `f64`, …).
fn describe_scalar_type(ty: &str) -> &'static str {
    match ty {
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "a whole number (0 or more)",
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "a whole number",
        "f32" | "f64" => "a number",
        "bool" => "`true` or `false`",
        "char" => "a single character",
        _ => "a value of another type",
    }
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
        B::ScalarBytes { total_scalar_bytes } => {
            format!("{total_scalar_bytes} bytes of values")
        }
        B::AliasAnchorRatio { aliases, anchors } => format!(
            "{aliases} aliases (`*name`) for {anchors} anchor{} (`&name`)",
            if *anchors == 1 { "" } else { "s" }
        ),
        B::MergeKeys { merge_keys } => format!("{merge_keys} merge keys (`<<`)"),
        B::RecordedAnchorEvents {
            recorded_anchor_events,
        } => format!(
            "aliases (`*name`) and merge keys (`<<`) copy {recorded_anchor_events} nodes into anchors (`&name`), more than a file of this size may"
        ),
        B::RecordedAnchorBytes {
            recorded_anchor_bytes,
        } => format!("{recorded_anchor_bytes} bytes kept for anchors"),
        B::SequenceUnbalanced => "unbalanced brackets".into(),
        B::InputBytes { input_bytes } => format!("{input_bytes} bytes"),
        _ => "a structure too large to read".into(),
    }
}

/// The diagnostic for an input that exceeds a budget: `what` says which.
fn too_complex(file: FileId, pos: Pos, what: &str) -> Diagnostic {
    Diagnostic::input(
        InputError::TooComplex,
        file,
        pos,
        format!("the YAML exceeds an input budget: {what}"),
    )
    .with_help("a notice needs neither deep nesting nor many aliases; write the values out plainly")
    .with_help(format!(
        "aliases and merge keys may add {EXPANSION_FLOOR} nodes to a file, or one per {BYTES_PER_EXPANDED_NODE} bytes of a larger one, at most {EXPANSION_CEILING}"
    ))
}

/// The diagnostic for a file with more than one YAML document.
fn multiple_documents(file: FileId, pos: Pos) -> Diagnostic {
    Diagnostic::input(
        InputError::YamlSyntax,
        file,
        pos,
        "the file holds more than one YAML document",
    )
    .with_help("a file is one register; remove the `---` separator or split the file")
}

/// The byte offset of a position's line and column in `text`.
fn offset_of(text: &str, pos: Pos) -> Option<usize> {
    let mut start = 0;
    for _ in 1..pos.line {
        start += text[start..].find('\n')? + 1;
    }
    let line = &text[start..];
    let col = pos.column.saturating_sub(1) as usize;
    Some(start + line.char_indices().nth(col).map_or(line.len(), |(i, _)| i))
}

/// A position spanning `len` bytes at byte `offset` of `text`.
fn pos_at_offset(text: &str, offset: usize, len: usize) -> Pos {
    let (line, column) = crate::source::line_col(text, offset);
    Pos {
        line,
        column,
        offset: Some(offset as u32),
        len: len as u32,
        file: None,
    }
}

/// A key as the message shows it: at most 60 characters, and said to be empty when it is.
fn shown_key(key: &str) -> String {
    if key.is_empty() {
        return "`` (an empty key)".into();
    }
    let shown: String = key.chars().take(60).collect();
    let more = if key.chars().count() > 60 { "…" } else { "" };
    format!("`{shown}{more}`")
}

/// For a key that is not ASCII, the help that names the first character that only looks like
/// an ASCII letter (a Cyrillic `а` for a Latin `a`): else "did you mean `data_subjects`?"
/// suggests what the reader believes they already wrote.
fn non_ascii_help(key: &str) -> Option<String> {
    let c = key.chars().find(|c| !c.is_ascii())?;
    Some(format!(
        "the key holds `{c}` (U+{:04X}), which is not an ASCII letter: keys are written in plain ASCII",
        c as u32
    ))
}

/// The scanner's error, with the cause said plainly where the scanner's words mislead: a
/// plain key longer than YAML's 1024 characters ("simple key expected ':'" though the `:` is
/// there), a tab in the indentation (reported on the line above), a byte-order mark in the
/// middle of the file.
fn scanner_error(file: FileId, text: &str, pos: Pos, msg: &str) -> Diagnostic {
    let line = text
        .lines()
        .nth(pos.line.saturating_sub(1) as usize)
        .unwrap_or("");
    if msg.contains("simple key")
        && let Some(colon) = line.find(':').filter(|&i| line[..i].chars().count() > 1024)
    {
        return Diagnostic::input(
            InputError::YamlSyntax,
            file,
            pos,
            format!(
                "a key of {} characters: YAML allows a key of at most 1024",
                line[..colon].trim().chars().count()
            ),
        )
        .with_help("no key of a register is that long; check what was pasted here");
    }
    if msg.contains("found a tab") || msg.contains("tabs") {
        let start = offset_of(text, pos).unwrap_or(0);
        // The tab is on the reported line or the next one, never further.
        let window = text[start..]
            .match_indices('\n')
            .nth(1)
            .map_or(text.len(), |(i, _)| start + i);
        if let Some(i) = text[start..window].find('\t') {
            return Diagnostic::input(
                InputError::YamlSyntax,
                file,
                pos_at_offset(text, start + i, 1),
                "a tab where YAML allows only spaces (in the indentation, or inside a plain value that goes on to this line)",
            )
            .with_help("indent with spaces; YAML does not allow tabs for indentation");
        }
    }
    if msg.contains("BOM") {
        return Diagnostic::input(InputError::YamlSyntax, file, pos, msg).with_help(
            "remove the invisible byte-order mark (U+FEFF) here; it is left behind when files are joined",
        );
    }
    Diagnostic::input(InputError::YamlSyntax, file, pos, msg).with_help(
        "check the indentation of this line and the one above it, and that quotes and brackets are closed",
    )
}

/// The position of the tag `tag` as written: the parser reports the tagged node, which for a
/// block collection starts on the next line, where no tag is to be seen.
fn tag_pos(text: &str, pos: Pos, tag: &str) -> Pos {
    let Some(end) = offset_of(text, pos) else {
        return pos;
    };
    match text[..end].rfind(tag) {
        Some(i) if !text[i..end].contains("\n\n") => pos_at_offset(text, i, tag.len()),
        _ => pos,
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
                format!("unknown key {}", shown_key(field)),
            )
            .with_label("not a key here");
            if let Some(h) = non_ascii_help(field) {
                d = d.with_help(h);
            }
            if let Some(s) = closest(field, expected.iter().copied()) {
                d = d.with_help(format!("did you mean `{s}`?"));
            }
            d.with_help(format!("keys allowed here: {}", expected.join(", ")))
        }
        YamlError::SerdeUnknownVariant {
            variant, expected, ..
        } => {
            // A value read through `OneOrMany` is reported at its key: move to the value.
            let mut d = Diagnostic::input(
                InputError::UnknownValue,
                file,
                refine_to_value(text, pos),
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
        // One document per file is a rule of the format, not a resource limit.
        YamlError::Budget {
            breach: serde_saphyr::budget::BudgetBreach::Documents { .. },
            ..
        }
        | YamlError::MultipleDocuments { .. } => multiple_documents(file, pos),
        YamlError::Budget { breach, .. } => too_complex(file, pos, &describe_breach(breach)),
        // Replayed aliases report where the replayed node was defined, i.e. in the anchor.
        YamlError::AliasReplayLimitExceeded {
            max_total_replayed_events,
            ..
        } => too_complex(
            file,
            pos,
            &format!(
                "aliases (`*name`) expand to more than {max_total_replayed_events} nodes, the most a file of this size may; the last one expanded is here"
            ),
        ),
        YamlError::AliasExpansionLimitExceeded {
            max_expansions_per_anchor,
            ..
        } => too_complex(
            file,
            pos,
            &format!("an anchor (`&name`) is expanded more than {max_expansions_per_anchor} times"),
        ),
        YamlError::AliasReplayStackDepthExceeded { max_depth, .. } => too_complex(
            file,
            pos,
            &format!("aliases (`*name`) nest more than {max_depth} levels deep"),
        ),
        YamlError::AliasReplayCounterOverflow { .. } => {
            too_complex(file, pos, "aliases (`*name`) expand to too many nodes")
        }
        YamlError::Unexpected { expected, .. } => Diagnostic::input(
            InputError::WrongType,
            file,
            pos,
            wrong_type(&describe_expected(expected), text, pos),
        ),
        // A fixed-choice value (`collection`, `legal_basis`, …) written as a list or mapping.
        YamlError::ExternallyTaggedEnumExpectedScalarOrMapping { .. }
        | YamlError::UnexpectedValueForUnitEnumVariant { .. }
        | YamlError::UnexpectedValueForUnit { .. } => Diagnostic::input(
            InputError::WrongType,
            file,
            pos,
            wrong_type("one of the allowed values", text, pos),
        )
        .with_help("write a single value such as `contract`, not a list or a mapping"),
        YamlError::NullIntoString { .. } => Diagnostic::input(
            InputError::WrongType,
            file,
            pos,
            "wrong type: expected text, found nothing (null)",
        )
        .with_help("write the text, or remove the item"),
        YamlError::InvalidScalar { ty, .. } => Diagnostic::input(
            InputError::WrongType,
            file,
            refine_to_value(text, pos),
            wrong_type(describe_scalar_type(ty), text, refine_to_value(text, pos)),
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
                "wrong type: expected {}, found {}",
                describe_expected(expected),
                // serde's words for what a value of more than one form found instead.
                match unexpected.as_str() {
                    "sequence" => "a list",
                    "map" => "a mapping",
                    other => other,
                }
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
        YamlError::UnsupportedTag { tag, .. } => Diagnostic::input(
            InputError::YamlSyntax,
            file,
            tag_pos(text, pos, tag),
            format!("unsupported YAML tag `{tag}`"),
        )
        .with_help("remove the tag; seloste's files need no tags"),
        YamlError::TaggedScalarCannotDeserializeIntoString { .. } => Diagnostic::input(
            InputError::WrongType,
            file,
            pos,
            "wrong type: expected text, found a value tagged as another type",
        )
        .with_help("remove the tag; seloste's files need no tags"),
        YamlError::SerdeMissingField { field, .. } => Diagnostic::input(
            InputError::MissingKey,
            file,
            pos,
            format!("missing key `{field}`"),
        ),
        // The scanner's and parser's own errors: the message is YAML's, the cause is nearly
        // always indentation or an unclosed quote or bracket.
        YamlError::ExternalMessage { msg, .. } => scanner_error(file, text, pos, msg),
        YamlError::UnknownAnchor { .. } => Diagnostic::input(
            InputError::YamlSyntax,
            file,
            pos,
            "this alias (`*name`) refers to no anchor (`&name`) defined before it",
        ),
        _ => Diagnostic::input(InputError::YamlSyntax, file, pos, bare_message(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<(String, u32, u32)> {
        match parse_all::<crate::model::Register>(FileId(0), text) {
            Ok(_) => Vec::new(),
            Err(ds) => ds
                .into_iter()
                .map(|d| {
                    let p = d.pos.unwrap();
                    (d.code.as_str().to_string(), p.line, p.column)
                })
                .collect(),
        }
    }

    #[test]
    fn every_wrong_key_type_and_value_of_a_file_is_reported() {
        let text = "title: A\ntitel: B\npurposes:\n  - description: x\n    legal_basis: contrat\n    descripton: y\n  - description:\n      - z\n    legal_basis: consent\ncollection: [a]\nrights:\n  access:\n    noet: x\n";
        assert_eq!(
            errors(text),
            [
                ("unknown-key".into(), 2, 1),
                ("unknown-value".into(), 5, 18),
                ("unknown-key".into(), 6, 5),
                ("wrong-type".into(), 8, 7),
                ("wrong-type".into(), 10, 13),
                ("unknown-key".into(), 13, 5),
            ]
        );
    }

    #[test]
    fn a_clean_file_parses_and_one_error_is_one_error() {
        assert!(errors("title: A\n").is_empty());
        assert_eq!(
            errors("title: A\ntitel: B\n"),
            [("unknown-key".into(), 2, 1)]
        );
    }

    #[test]
    fn recovery_reports_nothing_the_blanking_caused() {
        // The id is invalid; without it the group lacks a required key, which is not reported.
        let text = "title: A\ndata_subjects:\n  - id: Ei Kelpaa!\n    group: Asiakkaat\n";
        let e = errors(text);
        assert_eq!(e.len(), 1, "{e:?}");
        // A syntax error after a wrong value stops the file: it is reported on the next run.
        let text = "title: A\ntitel: B\npurposes: [\n";
        let e = errors(text);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].1, 2);
        // A document that is not a mapping is one error.
        assert_eq!(errors("- a\n- b\n").len(), 1);
    }

    #[test]
    fn errors_per_file_are_capped() {
        let text: String = std::iter::once("title: A\n".to_string())
            .chain((0..40).map(|i| format!("unknown{i}: x\n")))
            .collect();
        assert_eq!(errors(&text).len(), MAX_ERRORS_PER_FILE);
    }

    #[test]
    fn entries_cover_their_block_and_name_their_parent() {
        let text = "a: 1\nb:\n  c: 2\n  d:\n    - 3\n\n    - 4\n  e: 5\n";
        let at = |line, column| {
            entry_at(
                text,
                Pos {
                    line,
                    column,
                    offset: None,
                    len: 0,
                    file: None,
                },
            )
            .unwrap()
        };
        let d = at(4, 3);
        assert_eq!(&text[d.bytes.clone()], "d:\n    - 3\n\n    - 4\n");
        assert_eq!((d.parent, d.last), (2, 7));
        // An error in the list is the entry of its key.
        assert_eq!(at(7, 7), d);
        assert_eq!(&text[at(1, 4).bytes], "a: 1\n");
    }

    /// A register whose purposes are a merge-key chain: each level merges the one before twice.
    fn merge_chain(levels: usize) -> String {
        let mut s = String::from(
            "title: Asiakasrekisteri\npurposes:\n  - &a0 {description: x, legal_basis: contract}\n",
        );
        for i in 1..=levels {
            s.push_str(&format!("  - &a{i}\n    <<: [*a{}, *a{}]\n", i - 1, i - 1));
        }
        s
    }

    #[test]
    fn merge_key_chains_stop_in_proportion_to_the_file() {
        // 12 levels in 400 bytes expand to some 40,000 nodes: this passed the fixed budget
        // at a cost of half a second and 100 MB.
        let text = merge_chain(12);
        assert!(text.len() < 500);
        let d = parse::<crate::model::Register>(FileId(0), &text).unwrap_err();
        assert_eq!(d.code.as_str(), "too-complex", "{}", d.message);
        assert!(
            d.message.contains("more than a file of this size may"),
            "{}",
            d.message
        );
        // A few levels, as a real register might share a purpose, still load.
        parse::<crate::model::Register>(FileId(0), &merge_chain(3)).unwrap();
    }

    #[test]
    fn the_expansion_budget_grows_with_the_file_within_bounds() {
        assert_eq!(expansion_budget(0), EXPANSION_FLOOR);
        assert_eq!(expansion_budget(40_000), 10_000);
        assert_eq!(expansion_budget(10 * 1024 * 1024), EXPANSION_CEILING);
    }

    #[test]
    fn shared_anchors_in_a_real_register_load() {
        let text = "title: Asiakasrekisteri\nrecipients:\n  - &r {name: Tilitoimisto, purpose: kirjanpito}\n  - *r\npurposes:\n  - &p\n    description: Asiakassuhde\n    legal_basis: contract\n  - *p\n  - *p\n";
        parse::<crate::model::Register>(FileId(0), text).unwrap();
    }

    #[test]
    fn blank_yaml_is_recognised() {
        assert!(is_blank_yaml(""));
        assert!(is_blank_yaml("# only\n\n---\n"));
        assert!(!is_blank_yaml("title: x"));
    }

    #[test]
    fn found_says_what_stands_at_the_position() {
        let text = "title:\n  - a\nx: [b]\ny: {c: d}\nz:\n  k: v\nn: abc}\n";
        let found = |line, column| found_at(text, Pos::at(line, column));
        assert_eq!(found(2, 3).as_deref(), Some("a list"));
        assert_eq!(found(3, 4).as_deref(), Some("a list"));
        assert_eq!(found(4, 4).as_deref(), Some("a mapping"));
        assert_eq!(found(6, 3).as_deref(), Some("a mapping"));
        assert_eq!(found(7, 4).as_deref(), Some("`abc}`"));
        // With the parser's span, a flow scalar stops where the parser says.
        let offset = text.find("abc").unwrap() as u32;
        let pos = Pos {
            line: 7,
            column: 4,
            offset: Some(offset),
            len: 3,
            file: None,
        };
        assert_eq!(found_at(text, pos).as_deref(), Some("`abc`"));
        assert_eq!(found(99, 1), None);
    }

    #[test]
    fn a_tag_is_located_where_it_is_written() {
        let text = "title: x\npurposes: !!omap\n  - a: b\n";
        let p = tag_pos(text, Pos::at(3, 3), "!!omap");
        assert_eq!((p.line, p.column, p.len), (2, 11, 6));
        // Not found before the node: the parser's position stands.
        assert_eq!(tag_pos(text, Pos::at(3, 3), "!x").line, 3);
    }

    #[test]
    fn keys_are_shown_short_and_lookalikes_named() {
        assert_eq!(shown_key(""), "`` (an empty key)");
        assert_eq!(
            shown_key(&"k".repeat(100)),
            format!("`{}…`", "k".repeat(60))
        );
        assert!(non_ascii_help("d\u{430}ta").unwrap().contains("U+0430"));
        assert_eq!(non_ascii_help("data"), None);
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
