//! Report stage: diagnostics → text, one reporter per format. Only here do positions become
//! `file:line:col` and snippets; the library returns strings and never prints.

mod github;
mod human;
mod json;
mod sarif;

use crate::diagnostic::{Diagnostic, Tally};
use crate::source::Sources;

pub use human::Human;

/// Output formats of `seloste check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Snippets with the offending lines, for people.
    Human,
    /// A stable JSON document (see `docs/output.md`).
    Json,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
}

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

/// Renders a report in `format`; `color` applies to the human format only.
pub fn render(format: Format, report: &Report<'_>, color: bool) -> String {
    match format {
        Format::Human => Human { color }.render(report),
        Format::Json => json::render(report),
        Format::Github => github::render(report),
        Format::Sarif => sarif::render(report),
    }
}

/// The one-line summary shown after the human report, e.g. `3 registers checked: 2 errors, 1
/// warning`.
pub fn summary_line(report: &Report<'_>) -> String {
    let t = report.tally();
    let n = report.registers;
    let registers = format!("{n} register{}", if n == 1 { "" } else { "s" });
    let mut parts = Vec::new();
    let plural =
        |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
    if t.input_errors > 0 {
        parts.push(plural(t.input_errors, "input error", "input errors"));
    }
    if t.errors > 0 {
        parts.push(plural(t.errors, "error", "errors"));
    }
    if t.warnings > 0 {
        parts.push(plural(t.warnings, "warning", "warnings"));
    }
    if parts.is_empty() {
        format!("{registers} checked: no problems found")
    } else {
        format!("{registers} checked: {}", parts.join(", "))
    }
}
