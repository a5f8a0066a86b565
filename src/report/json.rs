//! `--format json`: one document with a summary and every diagnostic. The shape is documented
//! in `docs/output.md` and versioned by `"version"`; the structs below are that shape, field
//! for field and in the order written.

use serde::Serialize;

use super::locate::Locator;
use super::{Options, Report};
use crate::diagnostic::Kind;

/// The version of the JSON shape; bumped only on incompatible changes.
pub const JSON_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    tool: Tool,
    summary: Summary,
    diagnostics: Vec<Diagnostic<'a>>,
}

#[derive(Serialize)]
pub(super) struct Tool {
    name: &'static str,
    version: &'static str,
}

impl Tool {
    pub(super) const SELOSTE: Tool = Tool {
        name: "seloste",
        version: env!("CARGO_PKG_VERSION"),
    };
}

#[derive(Serialize)]
pub(super) struct Summary {
    registers: usize,
    input_errors: usize,
    errors: usize,
    warnings: usize,
}

impl Summary {
    pub(super) fn of(report: &Report<'_>) -> Summary {
        let t = report.tally();
        Summary {
            registers: report.registers,
            input_errors: t.input_errors,
            errors: t.errors,
            warnings: t.warnings,
        }
    }
}

#[derive(Serialize)]
struct Diagnostic<'a> {
    code: &'static str,
    kind: &'static str,
    severity: &'static str,
    message: &'a str,
    file: Option<String>,
    line: Option<u32>,
    column: Option<u32>,
    end_line: Option<u32>,
    end_column: Option<u32>,
    label: Option<&'a str>,
    help: &'a [String],
    articles: &'static [&'static str],
}

pub(super) fn render(report: &Report<'_>) -> String {
    let mut locator = Locator::new(report, &Options::default());
    let doc = Document {
        version: JSON_VERSION,
        tool: Tool::SELOSTE,
        summary: Summary::of(report),
        diagnostics: report
            .diagnostics
            .iter()
            .map(|d| {
                // The end where the file's text is at hand; else the start.
                let end = d
                    .pos
                    .and(locator.position(d))
                    .map(|l| (l.end_line, l.end_column));
                Diagnostic {
                    code: d.code.as_str(),
                    kind: match d.kind() {
                        Kind::Input => "input",
                        Kind::Lint => "lint",
                    },
                    severity: d.severity.as_str(),
                    message: &d.message,
                    file: report.path_of(d),
                    line: d.pos.map(|p| p.line),
                    column: d.pos.map(|p| p.column),
                    end_line: end.map(|e| e.0),
                    end_column: end.map(|e| e.1),
                    label: d.label.as_deref(),
                    help: &d.help,
                    articles: d.articles,
                }
            })
            .collect(),
    };
    // Serialising these plain structs cannot fail.
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
