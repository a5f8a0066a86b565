//! Source files and positions in them: what every diagnostic points at.

use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Index of a file in a [`Sources`] table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

/// A position in a source file: 1-based line and column (in characters), and where known the
/// byte range of the node that starts there.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in characters.
    pub column: u32,
    /// Byte offset of the node in the file, when the parser reported one.
    pub offset: Option<u32>,
    /// Byte length of the node (0 for a container or an unknown extent).
    pub len: u32,
    /// The file the position is in, when it is not the file being read: a shared definition
    /// of `seloste.yaml` (or `shared/`) used in a register keeps pointing at its own file, so
    /// that what is said about it is said there, once. `None`: the file at hand.
    pub file: Option<FileId>,
}

impl Pos {
    /// The start of a file.
    pub const START: Pos = Pos {
        line: 1,
        column: 1,
        offset: Some(0),
        len: 0,
        file: None,
    };

    /// A position from a line and a column alone.
    pub fn at(line: u32, column: u32) -> Pos {
        Pos {
            line,
            column,
            offset: None,
            len: 0,
            file: None,
        }
    }
}

/// One file the project consists of: its display path and, once read, its text.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Path as shown to the user (relative to where seloste was started when possible).
    pub path: PathBuf,
    /// The text as read (BOM removed, line ends as in the file), when it could be read.
    pub text: Option<Arc<str>>,
}

impl SourceFile {
    /// The path with `/` separators, as CI systems expect it.
    pub fn display_path(&self) -> String {
        display_path(&self.path)
    }

    /// Byte offset of a line and column (1-based, column in characters), clamped to the text.
    pub fn offset_of(&self, line: u32, column: u32) -> Option<usize> {
        let text = self.text.as_deref()?;
        let start = line_start(text, line)?;
        let line_text = &text[start..];
        let line_end = line_text.find('\n').unwrap_or(line_text.len());
        let line_text = &line_text[..line_end];
        let col = column.saturating_sub(1) as usize;
        let within = line_text
            .char_indices()
            .nth(col)
            .map_or(line_text.len(), |(i, _)| i);
        Some(start + within)
    }

    /// The byte offset of `pos`, using the recorded offset when there is one.
    pub fn resolve(&self, pos: Pos) -> Option<usize> {
        match pos.offset {
            Some(off) => Some(off as usize),
            None => self.offset_of(pos.line, pos.column),
        }
    }

    /// Line and column (1-based, column in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let text = self.text.as_deref().unwrap_or("");
        line_col(text, offset)
    }
}

/// Byte offset where 1-based `line` starts.
fn line_start(text: &str, line: u32) -> Option<usize> {
    if line <= 1 {
        return Some(0);
    }
    let mut seen = 1;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            seen += 1;
            if seen == line {
                return Some(i + 1);
            }
        }
    }
    None
}

/// Line and column (1-based, column in characters) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() as u32 + 1;
    (line, column)
}

/// Byte offsets where the lines of a text start: built once per file, so that finding the
/// line of each of many diagnostics costs a binary search, not a scan of the file.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
}

/// Where a diagnostic's span lies in its file: the line (0-based), the byte range of that line
/// without its line end, and the byte range of the span within the line. A span never crosses
/// a line end: a node longer than its line is cut at the end of the line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineSpan {
    /// 0-based line.
    pub line: usize,
    /// Byte range of the line in the text, without `\r\n` or `\n`.
    pub line_range: std::ops::Range<usize>,
    /// Byte range of the span, relative to the start of the line.
    pub span: std::ops::Range<usize>,
}

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// The byte range of 0-based `line`, without its line end.
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.starts[line];
        let end = self
            .starts
            .get(line + 1)
            .map_or(text.len(), |&next| next - 1);
        let end = if text[start..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        start..end.max(start)
    }

    /// The byte offset of `pos`: its recorded offset, or its line and column.
    pub fn resolve(&self, text: &str, pos: Pos) -> Option<usize> {
        if let Some(off) = pos.offset {
            return Some((off as usize).min(text.len()));
        }
        let line = (pos.line.max(1) - 1) as usize;
        if line >= self.starts.len() {
            return None;
        }
        let range = self.line_range(text, line);
        let col = pos.column.saturating_sub(1) as usize;
        let within = text[range.clone()]
            .char_indices()
            .nth(col)
            .map_or(range.len(), |(i, _)| i);
        Some(range.start + within)
    }

    /// The span of `pos`: the node's own extent when the parser recorded one, or else the key
    /// or word that starts there — what the human format underlines and the machine formats
    /// give as the end position.
    pub fn span(&self, text: &str, pos: Pos) -> Option<LineSpan> {
        let mut start = self.resolve(text, pos)?;
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let line = self.line_of(start);
        let range = self.line_range(text, line);
        let start = start.min(range.end);
        let line_end = range.end;
        let end = if pos.len > 0 {
            (start + pos.len as usize).min(line_end)
        } else {
            // A container or a missing key: the key or word that starts here.
            let word = text[start..line_end]
                .find([':', ' ', '\t', ',', ']', '}'])
                .map_or(line_end, |i| start + i);
            if word == start { line_end } else { word }
        };
        let mut end = end.max(start);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        Some(LineSpan {
            line,
            line_range: range.clone(),
            span: start - range.start..end - range.start,
        })
    }
}

/// Number of UTF-16 code units of `s`: the unit SARIF counts columns in by default, and the
/// one JavaScript-based viewers use (`😀` is two, `ä` one).
pub fn utf16_len(s: &str) -> u32 {
    s.chars().map(|c| c.len_utf16() as u32).sum()
}

/// A path shown with `/` separators and without a leading `./`.
pub fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    match s.strip_prefix("./") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => s,
    }
}

/// The files of one project run; diagnostics refer to them by [`FileId`].
#[derive(Clone, Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file and returns its id.
    pub fn add(&mut self, path: PathBuf, text: Option<Arc<str>>) -> FileId {
        let id = FileId(self.files.len() as u32);
        self.files.push(SourceFile { path, text });
        id
    }

    /// The file with this id.
    ///
    /// # Panics
    /// If the id is not from this table (a programming error, never user input).
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// Sets the text of a file once it has been read.
    pub fn set_text(&mut self, id: FileId, text: Option<Arc<str>>) {
        self.files[id.0 as usize].text = text;
    }

    /// All files in id order.
    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), f))
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_and_line_columns_agree() {
        let f = SourceFile {
            path: "a.yaml".into(),
            text: Some("ab\näöx: 1\n\nz".into()),
        };
        let off = f.offset_of(2, 3).unwrap();
        assert_eq!(&f.text.as_deref().unwrap()[off..off + 1], "x");
        assert_eq!(f.line_col(off), (2, 3));
        assert_eq!(f.offset_of(4, 1), Some(13));
        assert_eq!(f.offset_of(9, 1), None);
        assert_eq!(line_col("abc", 99), (1, 4));
    }

    #[test]
    fn spans_end_at_the_node_or_the_word_and_never_cross_a_line() {
        let text = "a: 1\nkey: ä😀x yz\r\nlast";
        let index = LineIndex::new(text);
        // No extent recorded: the word up to `:`.
        let s = index.span(text, Pos::at(2, 1)).unwrap();
        assert_eq!((s.line, &text[s.line_range.clone()]), (1, "key: ä😀x yz"));
        assert_eq!(&text[s.line_range.start..][s.span.clone()], "key");
        // A recorded extent longer than the line is cut at the line end (before `\r`).
        let start = text.find('ä').unwrap();
        let pos = Pos {
            line: 2,
            column: 6,
            offset: Some(start as u32),
            len: 100,
            file: None,
        };
        let s = index.span(text, pos).unwrap();
        assert_eq!(&text[s.line_range.start..][s.span.clone()], "ä😀x yz");
        assert_eq!(utf16_len("ä😀x"), 4);
        // A position past the last line has no span.
        assert_eq!(index.span(text, Pos::at(9, 1)), None);
    }

    #[test]
    fn display_paths_use_forward_slashes() {
        assert_eq!(
            display_path(Path::new("./notices/a.yaml")),
            "notices/a.yaml"
        );
        assert_eq!(display_path(Path::new("x\\y.yaml")), "x/y.yaml");
    }
}
