//! Where a diagnostic is, as the machine formats need it: start and end, in characters and in
//! UTF-16 code units; the file as a URI relative to a base directory; a place for the
//! diagnostics that concern no file; and a fingerprint that survives edits elsewhere in the
//! file.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use super::{Options, Report};
use crate::diagnostic::Diagnostic;
use crate::load::PROJECT_FILE;
use crate::source::{FileId, LineIndex, display_path, utf16_len};

/// A diagnostic's place: 1-based lines and columns, the end exclusive (the column just after
/// the last character, as SARIF's `endColumn`). A span never crosses a line, so `end_line` is
/// `line` today; it is kept apart so that the formats need not change if spans grow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    /// The file's display path: relative to where seloste was started, `/`-separated.
    pub path: String,
    /// The file, when the diagnostic or its anchor is one of the run's sources.
    pub file: Option<FileId>,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
    /// 1-based line of the end.
    pub end_line: u32,
    /// 1-based column just after the end, in characters.
    pub end_column: u32,
    /// `column` in UTF-16 code units.
    pub column_utf16: u32,
    /// `end_column` in UTF-16 code units.
    pub end_column_utf16: u32,
    /// The text the span covers, or the trimmed line when the span is empty; empty when the
    /// file's text is not at hand. What the fingerprint hashes.
    pub text: String,
    /// Whether the diagnostic names this place itself (`false`: it concerns no file, or a
    /// whole file, and was attached here).
    pub exact: bool,
}

/// Finds the places of a report's diagnostics, indexing each file's lines once.
pub struct Locator<'r> {
    report: &'r Report<'r>,
    anchor: Option<PathBuf>,
    indexes: HashMap<FileId, LineIndex>,
}

impl<'r> Locator<'r> {
    /// A locator for `report`; `options.anchor` is where diagnostics without a file go when
    /// the run read no `seloste.yaml`.
    pub fn new(report: &'r Report<'r>, options: &Options) -> Self {
        Locator {
            report,
            anchor: options.anchor.clone(),
            indexes: HashMap::new(),
        }
    }

    /// Where `d` is, as it says itself; `None` when it names no file.
    pub fn position(&mut self, d: &Diagnostic) -> Option<Located> {
        let file = d.file?;
        let source = self.report.sources.get(file);
        let path = source.display_path();
        let Some(pos) = d.pos else {
            return Some(self.whole_file(file, path));
        };
        let text = source.text.as_deref();
        let span = text.and_then(|text| {
            let index = self
                .indexes
                .entry(file)
                .or_insert_with(|| LineIndex::new(text));
            index.span(text, pos).map(|s| (text, s))
        });
        Some(match span {
            Some((text, s)) => {
                let line_text = &text[s.line_range.clone()];
                let before = &line_text[..s.span.start];
                let covered = &line_text[s.span.clone()];
                // The start as the diagnostic gives it; the end counted from there.
                let chars = covered.chars().count() as u32;
                let column_utf16 = utf16_len(before) + 1;
                Located {
                    path,
                    file: Some(file),
                    line: pos.line,
                    column: pos.column,
                    end_line: pos.line,
                    end_column: pos.column + chars,
                    column_utf16,
                    end_column_utf16: column_utf16 + utf16_len(covered),
                    text: if covered.trim().is_empty() {
                        line_text.trim().to_string()
                    } else {
                        covered.to_string()
                    },
                    exact: true,
                }
            }
            // Without the text, the start is all there is.
            None => Located {
                path,
                file: Some(file),
                line: pos.line,
                column: pos.column,
                end_line: pos.line,
                end_column: pos.column,
                column_utf16: pos.column,
                end_column_utf16: pos.column,
                text: String::new(),
                exact: true,
            },
        })
    }

    /// Where `d` is, or, for a diagnostic that concerns no file, the project's `seloste.yaml`
    /// (line 1): the first one the run read, or the one it looked for.
    pub fn anchored(&mut self, d: &Diagnostic) -> Located {
        if let Some(located) = self.position(d) {
            return located;
        }
        let project = self.report.sources.iter().find(|(_, f)| {
            f.path
                .file_name()
                .is_some_and(|n| n == std::ffi::OsStr::new(PROJECT_FILE))
        });
        let mut located = match project {
            Some((id, f)) => self.whole_file(id, f.display_path()),
            None => {
                let path = self
                    .anchor
                    .as_deref()
                    .map_or_else(|| PROJECT_FILE.to_string(), display_path);
                Located {
                    path,
                    file: None,
                    line: 1,
                    column: 1,
                    end_line: 1,
                    end_column: 1,
                    column_utf16: 1,
                    end_column_utf16: 1,
                    text: String::new(),
                    exact: false,
                }
            }
        };
        located.exact = false;
        located
    }

    /// A place for a finding about a whole file: its first line.
    fn whole_file(&mut self, file: FileId, path: String) -> Located {
        let first = self
            .report
            .sources
            .get(file)
            .text
            .as_deref()
            .map(|t| t.split(['\n', '\r']).next().unwrap_or(""))
            .unwrap_or("");
        Located {
            path,
            file: Some(file),
            line: 1,
            column: 1,
            end_line: 1,
            end_column: first.chars().count() as u32 + 1,
            column_utf16: 1,
            end_column_utf16: utf16_len(first) + 1,
            text: first.trim().to_string(),
            exact: false,
        }
    }
}

/// Percent-encodes a `/`-separated path for a URI (RFC 3986): every byte but the unreserved
/// characters (`A–Z a–z 0–9 - . _ ~`) and `/` becomes `%XX`, so a space is `%20`, `ä` is
/// `%C3%A4`, `#` is `%23` and `%` is `%25`.
pub fn percent_encode_path(path: &str) -> String {
    percent_encode(path, |b| b == b'/')
}

fn percent_encode(s: &str, keep: impl Fn(u8) -> bool) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') || keep(b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// An absolute path as a `file://` URI (`file:///home/a/b%20c.yaml`,
/// `file:///C:/x/y.yaml`), with a trailing `/` when `dir`.
pub fn file_uri(path: &Path, dir: bool) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    // `:` stays as it is: it is part of a Windows drive (`C:`) and allowed in a path segment.
    let mut encoded = percent_encode(&s, |b| b == b'/' || b == b':');
    if !encoded.starts_with('/') {
        encoded.insert(0, '/');
    }
    if dir && !encoded.ends_with('/') {
        encoded.push('/');
    }
    format!("file://{encoded}")
}

/// Removes `.` and resolves `..` without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// A display path as a SARIF artifact location: relative to `base` and percent-encoded, with
/// `true` for "relative to `%SRCROOT%`"; or, for a path outside `base` (`../x`, an absolute
/// path elsewhere), an absolute `file://` URI with `false`.
pub fn artifact_uri(path: &str, base: Option<&Path>) -> (String, bool) {
    let p = Path::new(path);
    let inside = p.is_relative()
        && p.components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if inside {
        return (percent_encode_path(&display_path(p)), true);
    }
    let Some(base) = base else {
        return if p.is_absolute() {
            (file_uri(p, false), false)
        } else {
            (percent_encode_path(&display_path(p)), true)
        };
    };
    let absolute = normalize(&base.join(p));
    match absolute.strip_prefix(normalize(base)) {
        Ok(rel) if !rel.as_os_str().is_empty() => (percent_encode_path(&display_path(rel)), true),
        _ => (file_uri(&absolute, false), false),
    }
}

/// FNV-1a, 64 bits: small, fixed and the same on every platform and in every release, which
/// is all a fingerprint needs (it is no defence against anyone).
fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Every diagnostic's place, anchored (a place for those that concern no file), and its
/// fingerprint: what the formats that need a location for every result (SARIF, GitLab) write.
pub fn anchored_with_fingerprints(
    report: &Report<'_>,
    options: &Options,
) -> (Vec<Located>, Vec<String>) {
    let mut locator = Locator::new(report, options);
    let places: Vec<Located> = report
        .diagnostics
        .iter()
        .map(|d| locator.anchored(d))
        .collect();
    let fingerprints = fingerprints(report, &places);
    (places, fingerprints)
}

/// A fingerprint per diagnostic: a hash of its code, its file and the text it points at —
/// not its line, so that the finding keeps its identity when lines are added above it —
/// then `:n` counting the diagnostics with the same hash in the run (`:1`, `:2`, …), so that
/// two identical findings in one file stay two.
pub fn fingerprints(report: &Report<'_>, places: &[Located]) -> Vec<String> {
    let mut seen: HashMap<u64, u32> = HashMap::new();
    report
        .diagnostics
        .iter()
        .zip(places)
        .map(|(d, place)| {
            let text = if place.text.is_empty() {
                d.message.as_str()
            } else {
                place.text.as_str()
            };
            let h = fnv1a(&[d.code.as_str(), &place.path, text]);
            let n = seen.entry(h).or_insert(0);
            *n += 1;
            format!("{h:016x}:{n}")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::InputError;
    use crate::source::{Pos, Sources};

    #[test]
    fn paths_become_percent_encoded_uris_relative_to_the_base() {
        assert_eq!(
            percent_encode_path("notices/työ hakijat #2 100%.yaml"),
            "notices/ty%C3%B6%20hakijat%20%232%20100%25.yaml"
        );
        let base = Path::new("/repo");
        assert_eq!(
            artifact_uri("notices/ä.yaml", Some(base)),
            ("notices/%C3%A4.yaml".to_string(), true)
        );
        // `..` that stays inside the base is folded; outside it, an absolute URI.
        assert_eq!(
            artifact_uri("../repo/x/a.yaml", Some(base)),
            ("x/a.yaml".to_string(), true)
        );
        assert_eq!(
            artifact_uri("../other/seloste.yaml", Some(base)),
            ("file:///other/seloste.yaml".to_string(), false)
        );
        assert_eq!(
            artifact_uri("/srv/p ä/seloste.yaml", Some(base)),
            ("file:///srv/p%20%C3%A4/seloste.yaml".to_string(), false)
        );
        assert_eq!(
            artifact_uri("/repo/n/a.yaml", Some(base)),
            ("n/a.yaml".to_string(), true)
        );
        assert_eq!(
            file_uri(Path::new("C:\\x y\\p"), true),
            "file:///C:/x%20y/p/"
        );
    }

    #[test]
    fn ends_count_characters_and_utf16_units() {
        let mut sources = Sources::new();
        let text = "title: x\n😀ä: ääni 😀 on\n";
        let file = sources.add("n/a.yaml".into(), Some(text.into()));
        let key = Diagnostic::input(InputError::UnknownKey, file, Pos::at(2, 1), "k");
        let offset = text.find("ääni").unwrap() as u32;
        let value = Diagnostic::input(
            InputError::WrongType,
            file,
            Pos {
                line: 2,
                column: 5,
                offset: Some(offset),
                len: "ääni 😀".len() as u32,
                file: None,
            },
            "v",
        );
        let diagnostics = vec![key, value];
        let report = Report {
            sources: &sources,
            diagnostics: &diagnostics,
            registers: 1,
        };
        let mut locator = Locator::new(&report, &Options::default());
        let k = locator.position(&diagnostics[0]).unwrap();
        assert_eq!((k.line, k.column, k.end_line, k.end_column), (2, 1, 2, 3));
        assert_eq!((k.column_utf16, k.end_column_utf16), (1, 4));
        assert_eq!(k.text, "😀ä");
        let v = locator.position(&diagnostics[1]).unwrap();
        assert_eq!((v.column, v.end_column), (5, 11));
        assert_eq!((v.column_utf16, v.end_column_utf16), (6, 13));
        assert_eq!(v.text, "ääni 😀");
    }

    #[test]
    fn a_diagnostic_without_a_file_is_attached_to_the_project_file() {
        let mut sources = Sources::new();
        sources.add("p/seloste.yaml".into(), Some("title: Yhdistys\n".into()));
        let d = Diagnostic::input_unlocated(InputError::NoRegisters, "none");
        let diagnostics = vec![d];
        let report = Report {
            sources: &sources,
            diagnostics: &diagnostics,
            registers: 0,
        };
        let mut locator = Locator::new(&report, &Options::default());
        assert_eq!(locator.position(&diagnostics[0]), None);
        let at = locator.anchored(&diagnostics[0]);
        assert_eq!(
            (
                at.path.as_str(),
                at.line,
                at.column,
                at.end_column,
                at.exact
            ),
            ("p/seloste.yaml", 1, 1, 16, false)
        );
        // Without a project, the file the user's path named.
        let empty = Sources::new();
        let report = Report {
            sources: &empty,
            diagnostics: &diagnostics,
            registers: 0,
        };
        let options = Options {
            anchor: Some("kansio/seloste.yaml".into()),
            ..Options::default()
        };
        let at = Locator::new(&report, &options).anchored(&diagnostics[0]);
        assert_eq!(at.path, "kansio/seloste.yaml");
    }

    #[test]
    fn fingerprints_ignore_the_line_and_count_twins() {
        let mut sources = Sources::new();
        let before = "a:\n  - description: x\n  - description: y\n";
        let after = "# new line\na:\n  - description: x\n  - description: y\n";
        let fps = |text: &str, lines: [u32; 2]| {
            let mut s = sources.clone();
            let file = s.add("n/a.yaml".into(), Some(text.into()));
            let diagnostics: Vec<Diagnostic> = lines
                .iter()
                .map(|&l| Diagnostic::input(InputError::UnknownKey, file, Pos::at(l, 5), "m"))
                .collect();
            let report = Report {
                sources: &s,
                diagnostics: &diagnostics,
                registers: 1,
            };
            let mut locator = Locator::new(&report, &Options::default());
            let places: Vec<Located> = diagnostics.iter().map(|d| locator.anchored(d)).collect();
            fingerprints(&report, &places)
        };
        let a = fps(before, [2, 3]);
        let b = fps(after, [3, 4]);
        assert_eq!(a, b, "a line added above changes no fingerprint");
        assert_ne!(a[0], a[1]);
        assert!(a[0].ends_with(":1") && a[1].ends_with(":2"), "{a:?}");
        sources.add("unused".into(), None);
    }
}
