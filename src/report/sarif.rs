//! `--format sarif`: SARIF 2.1.0, with a rules table built from the rule metadata, for GitHub
//! code scanning and other dashboards.

use serde_json::{Value, json};

use super::Report;
use crate::diagnostic::{InputError, Severity};
use crate::lint::RULES;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The rules table: every lint rule, then the input-error codes.
fn rules() -> Vec<Value> {
    let mut out: Vec<Value> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.name,
                "name": r.name,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.summary },
                "help": { "text": r.explanation, "markdown": r.explanation },
                "defaultConfiguration": { "level": level(r.severity) },
                "properties": { "tags": r.articles },
            })
        })
        .collect();
    out.extend(InputError::ALL.iter().map(|e| {
        json!({
            "id": e.code(),
            "name": e.code(),
            "shortDescription": { "text": e.summary() },
            "fullDescription": { "text": e.summary() },
            "defaultConfiguration": { "level": "error" },
            "properties": { "tags": ["input"] },
        })
    }));
    out
}

pub(super) fn render(report: &Report<'_>) -> String {
    let table = rules();
    let index_of = |code: &str| table.iter().position(|r| r["id"] == code);
    let results: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            let mut text = d.message.clone();
            for h in &d.help {
                text.push_str("\nhelp: ");
                text.push_str(h);
            }
            let mut result = json!({
                "ruleId": d.code.as_str(),
                "level": level(d.severity),
                "message": { "text": text },
            });
            if let Some(i) = index_of(d.code.as_str()) {
                result["ruleIndex"] = json!(i);
            }
            if let Some(path) = report.path_of(d) {
                let mut physical = json!({
                    "artifactLocation": { "uri": path, "uriBaseId": "%SRCROOT%" },
                });
                // A region needs a start; a file-level finding has none.
                if let Some(p) = d.pos {
                    physical["region"] = json!({ "startLine": p.line, "startColumn": p.column });
                }
                result["locations"] = json!([{ "physicalLocation": physical }]);
            }
            result
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "seloste",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": table,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
