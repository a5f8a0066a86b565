//! The human reporter: each diagnostic with the offending lines, the rule, the articles and
//! what to do, then a summary line. Colour only when asked (the CLI asks on a terminal).

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::{Report, summary_line};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceFile;

/// Renders diagnostics for people.
#[derive(Clone, Copy, Debug)]
pub struct Human {
    /// Whether to use ANSI colours.
    pub color: bool,
}

/// The byte range to underline: the node's own extent, or the word at the position.
fn span_of(file: &SourceFile, d: &Diagnostic) -> Option<std::ops::Range<usize>> {
    let text = file.text.as_deref()?;
    let pos = d.pos?;
    let start = file.resolve(pos)?.min(text.len());
    let line_end = text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| start + i);
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
    Some(start..end)
}

impl Human {
    /// Renders every diagnostic and the summary line.
    pub fn render(&self, report: &Report<'_>) -> String {
        let renderer = if self.color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let mut out = String::new();
        for d in report.diagnostics {
            out.push_str(&self.render_one(&renderer, report, d));
            out.push_str("\n\n");
        }
        out.push_str(&summary_line(report));
        out.push('\n');
        out
    }

    fn render_one(&self, renderer: &Renderer, report: &Report<'_>, d: &Diagnostic) -> String {
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let file = d.file.map(|f| report.sources.get(f));
        // A file name may hold a bidirectional override or a control character.
        let path = file.map(|f| super::escape_line(&f.display_path()));
        let snippet = file.and_then(|f| Some((f.text.as_deref()?, span_of(f, d)?)));
        let title = level.primary_title(d.message.as_str()).id(d.code.as_str());
        let mut group = match (path.as_deref(), snippet) {
            (Some(p), Some((text, span))) => {
                let mut ann = AnnotationKind::Primary.span(span);
                if let Some(l) = &d.label {
                    ann = ann.label(l.as_str());
                }
                title.element(Snippet::source(text).path(p).fold(true).annotation(ann))
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
        for h in &d.help {
            group = group.element(Level::HELP.message(h.as_str()));
        }
        renderer.render(&[group])
    }
}
