//! Load stage: find the project, read its files, and parse YAML into the model with spans.
//!
//! Every problem with a file — unreadable, too large, not UTF-8, empty, not YAML, not the
//! format — becomes a located [`Diagnostic`]; nothing here panics on user input.

mod discover;
mod yaml;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::characters::{self, Hidden};
use crate::contain::{ContainError, ProjectRoot};
use crate::diagnostic::{Diagnostic, InputError};
use crate::model::{ProjectFile, Register, Shared};
use crate::source::{FileId, Pos, line_col};

pub use discover::{PROJECT_FILE, discover, discover_for, projects_below, shell_word};
pub use yaml::{MAX_FILE_BYTES, is_blank_yaml, parse};

/// Reads a file of the project as text: it must be a regular file inside the project (a
/// symbolic link is followed only if it leads to one), of at most [`MAX_FILE_BYTES`]. Invalid
/// UTF-8 is reported at its line and column, and a UTF-8 byte-order mark is dropped.
///
/// `path` must lie directly in the project directory or in a directory that resolves inside
/// it (the pipeline checks the register directory before it lists it): see
/// [`crate::contain::read_entry`].
pub fn read_text(
    root: &ProjectRoot,
    path: &Path,
    file: FileId,
) -> Result<Arc<str>, Box<Diagnostic>> {
    let fail = |error: InputError, message: String, help: &str| {
        Box::new(Diagnostic::input(error, file, Pos::START, message).with_help(help.to_string()))
    };
    let bytes = match crate::contain::read_entry(root, path, MAX_FILE_BYTES) {
        Ok(b) => b,
        Err(ContainError::Outside) => {
            return Err(fail(
                InputError::OutsideProject,
                format!(
                    "{} is a symbolic link to a file outside the project, which seloste does not read",
                    crate::source::display_path(path)
                ),
                "copy the file into the project, or link to a file inside it",
            ));
        }
        Err(ContainError::NotAFile(kind)) => {
            return Err(fail(
                InputError::NotAFile,
                format!(
                    "{} is {kind}, not a regular file",
                    crate::source::display_path(path)
                ),
                "a register is a YAML file; move this out of the register directory",
            ));
        }
        Err(ContainError::TooLarge(_)) => {
            let len = fs::metadata(path).map(|m| m.len()).unwrap_or(0);
            return Err(fail(
                InputError::FileTooLarge,
                format!(
                    "the file is {}{:.1} MiB; the limit is {} MiB",
                    if len > MAX_FILE_BYTES {
                        ""
                    } else {
                        "more than "
                    },
                    len.max(MAX_FILE_BYTES) as f64 / 1048576.0,
                    MAX_FILE_BYTES / 1048576
                ),
                "a register is a few kilobytes; split it, or check that this is the right file",
            ));
        }
        Err(ContainError::Io(e)) => {
            return Err(Box::new(Diagnostic::input(
                InputError::Io,
                file,
                Pos::START,
                format!("cannot read {}: {e}", path.display()),
            )));
        }
    };
    if let Some(encoding) = wide_encoding(&bytes) {
        return Err(Box::new(
            Diagnostic::input(
                InputError::InvalidUtf8,
                file,
                Pos::START,
                format!("the file is {encoding}, not UTF-8"),
            )
            .with_help("save the file as UTF-8 (most editors: “Save with encoding” → UTF-8)"),
        ));
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]);
            let (line, column) = line_col(&prefix, valid);
            return Err(Box::new(
                Diagnostic::input(
                    InputError::InvalidUtf8,
                    file,
                    Pos {
                        line,
                        column,
                        offset: Some(valid as u32),
                        len: 1,
                        file: None,
                    },
                    "the file is not valid UTF-8",
                )
                .with_help("save the file as UTF-8 (most editors: “Save with encoding” → UTF-8)"),
            ));
        }
    };
    Ok(Arc::from(normalize_text(text)))
}

/// The encoding of a file saved as UTF-16 or UTF-32, told by its byte-order mark or, without
/// one, by NUL bytes in every other place of its first line: such a file is ASCII interleaved
/// with NULs, which is valid UTF-8 and would otherwise be reported at some far line and column.
fn wide_encoding(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xff, 0xfe, 0, 0, ..] => return Some("UTF-32 (little-endian)"),
        [0, 0, 0xfe, 0xff, ..] => return Some("UTF-32 (big-endian)"),
        [0xff, 0xfe, ..] => return Some("UTF-16 (little-endian)"),
        [0xfe, 0xff, ..] => return Some("UTF-16 (big-endian)"),
        _ => {}
    }
    let head = &bytes[..bytes.len().min(64)];
    let nul_at = |parity: usize| {
        head.len() >= 4
            && head
                .iter()
                .enumerate()
                .all(|(i, &b)| (b == 0) == (i % 2 == parity))
    };
    if nul_at(1) {
        Some("UTF-16 (little-endian)")
    } else if nul_at(0) {
        Some("UTF-16 (big-endian)")
    } else {
        None
    }
}

/// The text as the later stages see it: without a UTF-8 byte-order mark, and with each lone
/// `\r` (an old Mac line end, which YAML counts as a line break) made a `\n`, so that the
/// parser, [`line_col`] and the snippet renderer count the same lines. `\r\n` is kept, and
/// byte offsets after the BOM do not move.
pub fn normalize_text(text: String) -> String {
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    if !text.contains('\r') {
        return text;
    }
    let mut bytes = text.into_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            bytes[i] = b'\n';
        }
        i += 1;
    }
    // One ASCII byte for another keeps the text UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Refuses a file that holds a character its reader cannot see (see [`characters::hidden`]):
/// control characters and noncharacters are invalid YAML and break the front matter of Hugo
/// and Zola, and bidirectional controls and zero-width characters make a reviewer read
/// something other than what is published. The diagnostic points at the first and says where
/// the others are, so that one run finds them all.
pub fn check_characters(file: FileId, text: &str) -> Result<(), Box<Diagnostic>> {
    let mut found = characters::hidden_chars(text);
    let Some((offset, c, kind)) = found.next() else {
        return Ok(());
    };
    let (line, column) = line_col(text, offset);
    let pos = Pos {
        line,
        column,
        offset: Some(offset as u32),
        len: c.len_utf8() as u32,
        file: None,
    };
    let why = match kind {
        Hidden::Control | Hidden::Noncharacter | Hidden::LineSeparator => {
            "it is invisible, invalid in YAML, and breaks the front matter of Hugo and Zola"
        }
        Hidden::Bidi => {
            "it reorders the text around it, so that a reviewer reads something other than what is published"
        }
        Hidden::ZeroWidth => "it is invisible, and makes different names and titles look the same",
    };
    let mut d = Diagnostic::input(
        InputError::HiddenCharacter,
        file,
        pos,
        format!(
            "the file holds {}, {}",
            characters::code_point(c),
            kind.describe()
        ),
    )
    .with_label(format!("{} here", characters::code_point(c)))
    .with_help(format!("delete it: {why}"));
    let rest: Vec<(usize, char)> = found.map(|(i, c, _)| (i, c)).collect();
    if let Some(&(next, next_c)) = rest.first() {
        // One more pass for the line of the next only: the count is what matters.
        let (l, col) = line_col(text, next);
        d = d.with_help(format!(
            "the file holds {} more such character{}, the next ({}) at line {l}, column {col}",
            rest.len(),
            if rest.len() == 1 { "" } else { "s" },
            characters::code_point(next_c)
        ));
    }
    Err(Box::new(d))
}

/// Parses `seloste.yaml`. An empty project file is allowed to load; the lint says what it lacks.
pub fn parse_project(file: FileId, text: &str) -> Result<ProjectFile, Box<Diagnostic>> {
    parse_project_all(file, text).map_err(first)
}

/// [`parse_project`], reporting every input error of the file that can be found in one run.
pub fn parse_project_all(file: FileId, text: &str) -> Result<ProjectFile, Vec<Diagnostic>> {
    check_characters(file, text).map_err(|d| vec![*d])?;
    if is_blank_yaml(text) {
        return Ok(ProjectFile::default());
    }
    yaml::parse_all(file, text)
}

/// Parses a file of shared definitions (`shared/*.yaml`), reporting every input error that
/// can be found in one run. An empty file defines nothing.
pub fn parse_shared_all(file: FileId, text: &str) -> Result<Shared, Vec<Diagnostic>> {
    check_characters(file, text).map_err(|d| vec![*d])?;
    if is_blank_yaml(text) {
        return Ok(Shared::default());
    }
    yaml::parse_all(file, text)
}

/// Parses a register file. An empty file is an input error: there is nothing to lint.
pub fn parse_register(file: FileId, text: &str) -> Result<Register, Box<Diagnostic>> {
    parse_register_all(file, text).map_err(first)
}

/// [`parse_register`], reporting every input error of the file that can be found in one run.
pub fn parse_register_all(file: FileId, text: &str) -> Result<Register, Vec<Diagnostic>> {
    check_characters(file, text).map_err(|d| vec![*d])?;
    if is_blank_yaml(text) {
        return Err(vec![
            Diagnostic::input(
                InputError::EmptyFile,
                file,
                Pos::START,
                "the register file is empty",
            )
            .with_help("start from `seloste new NAME`, or delete the file"),
        ]);
    }
    yaml::parse_all(file, text)
}

/// The first of the errors of a file (there is always one).
fn first(mut errors: Vec<Diagnostic>) -> Box<Diagnostic> {
    Box::new(errors.swap_remove(0))
}

/// The register files of a project: `*.yaml` and `*.yml` directly under `dir`, sorted by name
/// so that output is the same on every machine. Symbolic links, pipes and the like named so
/// are listed too, so that reading them says why they are not used rather than skipping
/// them in silence; directories are not.
pub fn register_paths(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if is_register_name(&path) && !entry.file_type()?.is_dir() {
            paths.push(path);
        }
    }
    paths.sort();
    Ok(paths)
}

/// Whether `path` is named like a register file: `*.yaml` or `*.yml`, not hidden.
pub fn is_register_name(path: &Path) -> bool {
    let is_yaml = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e == "yaml" || e == "yml");
    let hidden = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'));
    is_yaml && !hidden
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let p = dir.join(name);
        fs::write(&p, bytes).unwrap();
        p
    }

    #[test]
    fn invalid_utf8_is_located() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(dir.path(), "a.yaml", b"title: ok\nx: \xff\n");
        let root = ProjectRoot::new(dir.path()).unwrap();
        let d = read_text(&root, &p, FileId(0)).unwrap_err();
        assert_eq!(d.code.as_str(), "invalid-utf8");
        let pos = d.pos.unwrap();
        assert_eq!((pos.line, pos.column), (2, 4));
    }

    #[test]
    fn utf16_and_utf32_are_named() {
        let utf16le: Vec<u8> = "title: x\n".bytes().flat_map(|b| [b, 0]).collect();
        let utf16be: Vec<u8> = "title: x\n".bytes().flat_map(|b| [0, b]).collect();
        assert_eq!(wide_encoding(&utf16le), Some("UTF-16 (little-endian)"));
        assert_eq!(wide_encoding(&utf16be), Some("UTF-16 (big-endian)"));
        assert_eq!(
            wide_encoding(b"\xff\xfet\0"),
            Some("UTF-16 (little-endian)")
        );
        assert_eq!(
            wide_encoding(b"\xff\xfe\0\0t\0\0\0"),
            Some("UTF-32 (little-endian)")
        );
        assert_eq!(wide_encoding(b"title: x\n"), None);
        assert_eq!(wide_encoding(b"a\0"), None);
    }

    #[test]
    fn bom_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(dir.path(), "a.yaml", "\u{feff}title: x\n".as_bytes());
        let root = ProjectRoot::new(dir.path()).unwrap();
        assert_eq!(&*read_text(&root, &p, FileId(0)).unwrap(), "title: x\n");
    }

    #[test]
    fn lone_carriage_returns_become_line_feeds() {
        assert_eq!(
            normalize_text("a: 1\rb: 2\r\nc: 3\r".into()),
            "a: 1\nb: 2\r\nc: 3\n"
        );
        assert_eq!(normalize_text("\u{feff}a: 1\r\n".into()), "a: 1\r\n");
    }

    #[test]
    fn hidden_characters_are_refused_at_their_position() {
        let text = "title: a\u{7f}b\ndescription: \"x\"\u{202e}\u{0}\n";
        let d = parse_register(FileId(0), text).unwrap_err();
        assert_eq!(d.code.as_str(), "hidden-character");
        assert_eq!(d.message, "the file holds U+007F, a control character");
        let pos = d.pos.unwrap();
        assert_eq!((pos.line, pos.column, pos.offset), (1, 9, Some(8)));
        assert!(
            d.help[1].contains("2 more such characters, the next (U+202E) at line 2, column 17"),
            "{:?}",
            d.help
        );
        for c in [
            '\0', '\u{1b}', '\u{85}', '\u{9f}', '\u{fffe}', '\u{ffff}', '\u{fdd0}', '\u{2066}',
            '\u{200b}', '\u{feff}',
        ] {
            let d = parse_project(FileId(0), &format!("controller:\n  name: A{c}\n")).unwrap_err();
            assert_eq!(d.code.as_str(), "hidden-character", "{c:?}");
            assert_eq!(d.pos.unwrap().line, 2, "{c:?}");
        }
        // Tabs in text, CRLF line ends and letters of any script are not hidden.
        check_characters(
            FileId(0),
            "title: \"a\tb\"\r\ndescription: Ääkköset, ελληνικά, עברית\n",
        )
        .unwrap();
    }
}
