//! `--format json`: one document with a summary and every diagnostic. The shape is documented
//! in `docs/output.md` and versioned by `"version"`.

use serde_json::{Value, json};

use super::Report;
use crate::diagnostic::Kind;

/// The version of the JSON shape; bumped only on incompatible changes.
pub const JSON_VERSION: u32 = 1;

pub(super) fn render(report: &Report<'_>) -> String {
    let t = report.tally();
    let diagnostics: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            json!({
                "code": d.code.as_str(),
                "kind": match d.kind() { Kind::Input => "input", Kind::Lint => "lint" },
                "severity": d.severity.as_str(),
                "message": d.message,
                "file": report.path_of(d),
                "line": d.pos.map(|p| p.line),
                "column": d.pos.map(|p| p.column),
                "label": d.label,
                "help": d.help,
                "articles": d.articles,
            })
        })
        .collect();
    let doc = json!({
        "version": JSON_VERSION,
        "tool": { "name": "seloste", "version": env!("CARGO_PKG_VERSION") },
        "summary": {
            "registers": report.registers,
            "input_errors": t.input_errors,
            "errors": t.errors,
            "warnings": t.warnings,
        },
        "diagnostics": diagnostics,
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
