//! The human reporter: each diagnostic with the offending lines, the rule, the articles and
//! what to do, then a summary line. Colour only when asked (the CLI asks on a terminal).

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use std::collections::HashMap;

use super::{Report, summary_line};
use crate::characters::{one_line, snippet_line};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{FileId, Pos};

/// Renders diagnostics for people.
#[derive(Clone, Copy, Debug)]
pub struct Human {
    /// Whether to use ANSI colours.
    pub color: bool,
}

/// Byte offsets where the lines of a text start: built once per file, so that finding the
/// line of each of many diagnostics costs a binary search, not a scan of the file.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
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
    fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// The byte range of 0-based `line`, without its line end.
    fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
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
    fn resolve(&self, text: &str, pos: Pos) -> Option<usize> {
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
}

/// The line to show and the byte range in it to underline: the node's own extent, or the
/// word at the position.
fn span_of(
    text: &str,
    index: &LineIndex,
    pos: Pos,
) -> Option<(usize, std::ops::Range<usize>, std::ops::Range<usize>)> {
    let mut start = index.resolve(text, pos)?;
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let line = index.line_of(start);
    let range = index.line_range(text, line);
    let start = start.min(range.end);
    let line_end = range.end;
    let end = if pos.len > 0 {
        (start + pos.len as usize).min(line_end)
    } else {
        // A container or a missing key: underline the key or word that starts here.
        let word = text[start..line_end]
            .find([':', ' ', '\t', ',', ']', '}'])
            .map_or(line_end, |i| start + i);
        if word == start { line_end } else { word }
    };
    let mut end = end.max(start);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Some((
        line + 1,
        range.clone(),
        start - range.start..end - range.start,
    ))
}

impl Human {
    /// Renders every diagnostic and the summary line.
    pub fn render(&self, report: &Report<'_>) -> String {
        use rayon::prelude::*;
        // The diagnostics of each file are rendered together (they share the file's line
        // index), the files in parallel: a large project's thousands of snippets are a good
        // part of `check`'s time, and the only part after the registers' own parallel work.
        let parts: Vec<String> = report
            .diagnostics
            .par_chunk_by(|a, b| a.file == b.file)
            .map(|diagnostics| {
                let renderer = if self.color {
                    Renderer::styled()
                } else {
                    Renderer::plain()
                };
                let mut indexes: HashMap<FileId, LineIndex> = HashMap::new();
                let mut out = String::new();
                for d in diagnostics {
                    out.push_str(&self.render_one(&renderer, report, &mut indexes, d));
                    out.push_str("\n\n");
                }
                out
            })
            .collect();
        let mut out = parts.concat();
        out.push_str(&summary_line(report));
        out.push('\n');
        out
    }

    /// One diagnostic. Every string from the user's files — the message, label and help
    /// (which quote keys and values), the path and the source line — is shown through
    /// [`characters::one_line`] or [`characters::snippet_line`], so that none can break the
    /// line, start a CI command (`::error …`) or send the terminal a control sequence.
    fn render_one(
        &self,
        renderer: &Renderer,
        report: &Report<'_>,
        indexes: &mut HashMap<FileId, LineIndex>,
        d: &Diagnostic,
    ) -> String {
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let file = d.file.map(|f| (f, report.sources.get(f)));
        let path = file.map(|(_, f)| one_line(&f.display_path()).into_owned());
        let snippet = match (file, d.pos) {
            (Some((id, f)), Some(pos)) => f.text.as_deref().and_then(|text| {
                let index = indexes.entry(id).or_insert_with(|| LineIndex::new(text));
                let (line_no, range, span) = span_of(text, index, pos)?;
                let (line, span) = snippet_line(&text[range], span);
                Some((line_no, line, span))
            }),
            _ => None,
        };
        let message = one_line(&d.message);
        let label = d.label.as_deref().map(one_line);
        let title = level.primary_title(message.as_ref()).id(d.code.as_str());
        let mut group = match (path.as_deref(), snippet.as_ref()) {
            (Some(p), Some((line_no, line, span))) => {
                let mut ann = AnnotationKind::Primary.span(span.clone());
                if let Some(l) = &label {
                    ann = ann.label(l.as_ref());
                }
                title.element(
                    Snippet::source(line.as_ref())
                        .line_start(*line_no)
                        .path(p)
                        .fold(true)
                        .annotation(ann),
                )
            }
            // Without the text to show (a file that is not UTF-8, or was not read), the
            // position still gets its `-->` line.
            (Some(p), None) => {
                let mut origin = Origin::path(p);
                if let Some(pos) = d.pos {
                    origin = origin
                        .line(pos.line as usize)
                        .char_column(pos.column as usize);
                }
                title.element(origin)
            }
            _ => Group::with_title(title),
        };
        if !d.articles.is_empty() {
            group =
                group.element(Level::NOTE.message(format!("rests on {}", d.articles.join(", "))));
        }
        let help: Vec<_> = d.help.iter().map(|h| one_line(h)).collect();
        for h in &help {
            group = group.element(Level::HELP.message(h.as_ref()));
        }
        renderer.render(&[group])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::InputError;
    use crate::source::{Pos, Sources};

    /// A file whose line 2 holds an escape sequence and a C1 control, and a diagnostic there
    /// whose message, label and help quote a key that holds line breaks and CI commands.
    fn hostile_report(sources: &mut Sources) -> Vec<Diagnostic> {
        let text = "title: x\n\"k\u{1b}[2J\u{9b}\": 1\nz: 2\n";
        let file = sources.add("notices/a\n::error::path.yaml".into(), Some(text.into()));
        let forged = "x\n::error file=a,line=1::forged\r::add-mask::y\u{2028}::stop-commands::z";
        let d = Diagnostic::input(
            InputError::UnknownKey,
            file,
            Pos::at(2, 1),
            format!("unknown key `{forged}`"),
        )
        .with_label(format!("label {forged}"))
        .with_help(format!("help {forged}\u{1b}[31m"));
        let at_offset = Diagnostic::input(
            InputError::UnknownKey,
            file,
            Pos {
                line: 2,
                column: 1,
                offset: Some(9),
                len: 12,
                file: None,
            },
            "second",
        );
        vec![d, at_offset]
    }

    #[test]
    fn no_user_text_breaks_a_line_or_reaches_the_terminal_raw() {
        let mut sources = Sources::new();
        let diagnostics = hostile_report(&mut sources);
        let report = Report {
            sources: &sources,
            diagnostics: &diagnostics,
            registers: 1,
        };
        let out = Human { color: false }.render(&report);
        for line in out.lines() {
            assert!(!line.trim_start().starts_with("::"), "{line:?} in\n{out}");
            assert!(
                !line.chars().any(|c| c.is_control() || c == '\u{2028}'),
                "{line:?} in\n{out}"
            );
        }
        assert!(out.contains("unknown key `x\\n::error file=a,line=1::forged\\r::add-mask::y\\u{2028}::stop-commands::z`"), "{out}");
        assert!(
            out.contains("--> notices/a\\n::error::path.yaml:2:1"),
            "{out}"
        );
        // The source line is shown escaped, and the underline still covers the key.
        assert!(
            out.contains("2 | \"k\\u{1b}[2J\\u{9b}\": 1\n  | ^^^^^^^^^^^^^^^^^^"),
            "{out}"
        );
    }

    #[test]
    fn snippets_show_the_line_each_diagnostic_points_at() {
        let text: String = (1..=500).map(|i| format!("k{i}: v\n")).collect();
        let mut sources = Sources::new();
        let file = sources.add("a.yaml".into(), Some(text.into()));
        let diagnostics: Vec<Diagnostic> = [1, 2, 250, 499, 500]
            .into_iter()
            .map(|line| Diagnostic::input(InputError::UnknownKey, file, Pos::at(line, 1), "x"))
            .collect();
        let report = Report {
            sources: &sources,
            diagnostics: &diagnostics,
            registers: 1,
        };
        let out = Human { color: false }.render(&report);
        for line in [1, 2, 250, 499, 500] {
            assert!(out.contains(&format!("a.yaml:{line}:1")), "{out}");
            assert!(out.contains(&format!("{line} | k{line}: v\n")), "{out}");
        }
    }
}
