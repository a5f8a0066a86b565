//! The human reporter: each diagnostic with the offending lines, the rule, the articles and
//! what to do, then a summary line. Colour only when asked (the CLI asks on a terminal).

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use std::collections::HashMap;

use super::{Options, Report, Verbosity, summary_line, thousands};
use crate::characters::{one_line, snippet_line};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{FileId, LineIndex, Pos};

/// Renders diagnostics for people.
#[derive(Clone, Copy, Debug)]
pub struct Human {
    /// Whether to use ANSI colours.
    pub color: bool,
}

/// The diagnostics to show — the first `max` of each code, in their order — and, for each code
/// with more, its severity and how many were left out.
fn collapse(
    diagnostics: &[Diagnostic],
    max: Option<usize>,
) -> (Vec<&Diagnostic>, Vec<(&'static str, Severity, usize)>) {
    let Some(max) = max else {
        return (diagnostics.iter().collect(), Vec::new());
    };
    let mut seen: HashMap<&'static str, usize> = HashMap::new();
    let mut left_out: Vec<(&'static str, Severity, usize)> = Vec::new();
    let mut shown = Vec::new();
    for d in diagnostics {
        let n = seen.entry(d.code.as_str()).or_insert(0);
        *n += 1;
        if *n <= max {
            shown.push(d);
        } else if let Some(entry) = left_out
            .iter_mut()
            .find(|(c, s, _)| *c == d.code.as_str() && *s == d.severity)
        {
            entry.2 += 1;
        } else {
            left_out.push((d.code.as_str(), d.severity, 1));
        }
    }
    (shown, left_out)
}

/// The line to show and the byte range in it to underline.
fn span_of(
    text: &str,
    index: &LineIndex,
    pos: Pos,
) -> Option<(usize, std::ops::Range<usize>, std::ops::Range<usize>)> {
    let s = index.span(text, pos)?;
    Some((s.line + 1, s.line_range, s.span))
}

impl Human {
    /// Renders every diagnostic and the summary line.
    pub fn render(&self, report: &Report<'_>) -> String {
        self.render_with(report, &Options::default())
    }

    /// Renders the diagnostics — at most `options.max_per_code` of each code, the rest
    /// counted in one line each — and, unless quiet, the summary line.
    pub fn render_with(&self, report: &Report<'_>, options: &Options) -> String {
        use rayon::prelude::*;
        let (shown, left_out) = collapse(report.diagnostics, options.max_per_code);
        // The diagnostics of each file are rendered together (they share the file's line
        // index), the files in parallel: a large project's thousands of snippets are a good
        // part of `check`'s time, and the only part after the registers' own parallel work.
        let parts: Vec<String> = shown
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
        if options.verbosity == Verbosity::Normal {
            for (code, severity, n) in &left_out {
                out.push_str(&format!(
                    "… and {} more {severity}{} of {code}\n",
                    thousands(*n),
                    if *n == 1 { "" } else { "s" },
                ));
            }
            if !left_out.is_empty() {
                out.push_str(
                    "(`seloste check --max-per-rule 0` shows them all, `--statistics` counts them)\n\n",
                );
            }
            out.push_str(&summary_line(report));
            out.push('\n');
        }
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
