//! Report stage: diagnostics → text, one reporter per format. Only here do positions become
//! `file:line:col` and snippets; the library returns strings and never prints.

mod concise;
mod github;
mod gitlab;
mod human;
mod json;
mod locate;
mod sarif;
mod statistics;

use std::path::{Path, PathBuf};

use crate::diagnostic::{Code, Diagnostic, Tally};
use crate::source::Sources;

pub use human::Human;
pub use locate::{Located, Locator, file_uri, fingerprints, percent_encode_path};
pub use statistics::{Statistic, statistics};

/// Output formats of `seloste check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Snippets with the offending lines, for people.
    Human,
    /// One line per diagnostic, `path:line:col: level[code] message`, for editors and grep.
    Concise,
    /// A stable JSON document (see `docs/output.md`).
    Json,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
    /// GitLab Code Quality: a JSON array of issues for merge requests.
    Gitlab,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
}

impl Format {
    /// Whether `--statistics` has a meaning in this format: a table for people, an object in
    /// JSON. The CI formats describe findings at places and have no place for counts.
    pub fn has_statistics(self) -> bool {
        matches!(self, Format::Human | Format::Concise | Format::Json)
    }
}

/// How much the human and concise formats say (`-q`, `-qq`), as ruff does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verbosity {
    /// Diagnostics, the note on those left out, and the summary line.
    #[default]
    Normal,
    /// `-q`: the diagnostics only — no summary line, no note on those left out.
    Quiet,
    /// `-qq`: nothing at all, in any format; only the exit code speaks.
    Silent,
}

/// How a report is rendered, beyond its format.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// ANSI colours (human format only).
    pub color: bool,
    /// `-q` / `-qq`.
    pub verbosity: Verbosity,
    /// Counts per rule instead of the diagnostics (human, concise and JSON formats).
    pub statistics: bool,
    /// Human format: show at most this many diagnostics of each code and count the rest in
    /// one line. `None`: show all.
    pub max_per_code: Option<usize>,
    /// The directory relative paths are relative to (where seloste was started): SARIF names
    /// it in `originalUriBaseIds` and turns paths outside it into absolute `file://` URIs.
    /// `None`: paths are given as they are.
    pub base: Option<PathBuf>,
    /// The file a diagnostic without one is attached to in the formats that need every
    /// finding located (SARIF, GitLab), when the run read no `seloste.yaml`: the
    /// `seloste.yaml` the user's path named. `None`: `seloste.yaml` in the base directory.
    pub anchor: Option<PathBuf>,
}

/// The default number of diagnostics of one code the CLI's human format shows.
pub const DEFAULT_MAX_PER_CODE: usize = 20;

/// What a reporter needs: the diagnostics, the files they point into, and how many registers
/// were checked.
#[derive(Clone, Copy, Debug)]
pub struct Report<'a> {
    /// The files.
    pub sources: &'a Sources,
    /// The diagnostics, sorted.
    pub diagnostics: &'a [Diagnostic],
    /// Register files found.
    pub registers: usize,
}

impl Report<'_> {
    /// Counts of the diagnostics.
    pub fn tally(&self) -> Tally {
        Tally::of(self.diagnostics)
    }

    /// The display path of a diagnostic's file, if it has one.
    pub fn path_of(&self, d: &Diagnostic) -> Option<String> {
        d.file.map(|f| self.sources.get(f).display_path())
    }
}

/// Renders a report in `format`; `color` applies to the human format only. Every diagnostic is
/// shown (see [`render_with`] for the CLI's options).
pub fn render(format: Format, report: &Report<'_>, color: bool) -> String {
    render_with(
        format,
        report,
        &Options {
            color,
            ..Options::default()
        },
    )
}

/// Renders a report in `format` with `options`.
pub fn render_with(format: Format, report: &Report<'_>, options: &Options) -> String {
    if options.verbosity == Verbosity::Silent {
        return String::new();
    }
    if options.statistics && format.has_statistics() {
        return statistics::render(format, report, options);
    }
    match format {
        Format::Human => Human {
            color: options.color,
        }
        .render_with(report, options),
        Format::Concise => concise::render(report, options),
        Format::Json => json::render(report),
        Format::Github => github::render(report),
        Format::Gitlab => gitlab::render(report, options),
        Format::Sarif => sarif::render(report, options),
    }
}

/// A stable `https` link to the documentation of a code: the rule's section of
/// `docs/rules.md`, or the input-error table of `docs/output.md`.
pub fn help_uri(code: Code) -> String {
    match code {
        Code::Rule(name) => crate::lint::docs::rule_url(name),
        Code::Input(_) => crate::lint::docs::docs_url("output.md#input-error-codes"),
    }
}

/// One line on what a code means: the rule's summary or the input error's.
pub fn code_summary(code: Code) -> &'static str {
    match code {
        Code::Rule(name) => crate::lint::rule(name).map_or("", |r| r.summary),
        Code::Input(e) => e.summary(),
    }
}

/// The `seloste.yaml` a run without a project was looking for: in the directory the user
/// named, the file itself if they named one, or in the current directory.
pub fn expected_project_file(path: Option<&Path>) -> PathBuf {
    match path {
        Some(p) if p.is_dir() => p.join(crate::load::PROJECT_FILE),
        Some(p) => p.to_path_buf(),
        None => PathBuf::from(crate::load::PROJECT_FILE),
    }
}

/// `n` with a thin separator of thousands, as the summary lines write counts: `2,997`.
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `n one` or `n many`: `1 error`, `2 errors`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The counts of a tally as every summary says them, `1 input error, 2 errors, 1 warning`;
/// `None` when there is nothing to count.
pub fn counts(t: &Tally) -> Option<String> {
    let parts: Vec<String> = [
        (t.input_errors, "input error", "input errors"),
        (t.errors, "error", "errors"),
        (t.warnings, "warning", "warnings"),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| plural(n, one, many))
    .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The one-line summary shown after the human report, e.g. `3 registers checked: 2 errors, 1
/// warning`.
pub fn summary_line(report: &Report<'_>) -> String {
    let registers = plural(report.registers, "register", "registers");
    let counts = counts(&report.tally()).unwrap_or_else(|| "no problems found".to_string());
    format!("{registers} checked: {counts}")
}
