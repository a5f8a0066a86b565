//! `--format sarif`: SARIF 2.1.0, with a rules table built from the rule metadata, for GitHub
//! code scanning and other dashboards.
//!
//! Written to what GitHub ingests ("SARIF support for code scanning", docs.github.com,
//! `code-security/reference/code-scanning/sarif-files/sarif-support-for-code-scanning`): every
//! result has a location with a relative `uri` (GitHub resolves it against the root of the
//! checkout) and a region with start and end; every rule has `shortDescription`,
//! `fullDescription` and `help`; results carry `partialFingerprints.primaryLocationLineHash`,
//! the one fingerprint GitHub reads; a run holds at most 25,000 results (GitHub rejects more).
//! `tests/sarif.rs` checks the output against the OASIS schema and these rules.

use std::collections::HashMap;

use serde_json::{Value, json};

use super::locate::{Located, anchored_with_fingerprints, artifact_uri, file_uri};
use super::{Options, Report, help_uri};
use crate::diagnostic::{Code, InputError, Severity};
use crate::lint::RULES;

/// The most results GitHub accepts in one run; above it, the whole upload is rejected.
pub const MAX_RESULTS: usize = 25_000;

/// The id of the base directory relative URIs are relative to.
pub const SRCROOT: &str = "%SRCROOT%";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The help of an input-error code: what it means and what to do, in Markdown.
fn input_help(e: InputError) -> String {
    format!(
        "**{}** — {}.\n\nAn input error: the file could not be read, or does not follow the \
         format of seloste, so it was not checked further (`seloste check` exits with 2). \
         The message says what was found and the help below it what to do. The codes are \
         listed in docs/output.md.",
        e.code(),
        e.summary()
    )
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
                "helpUri": help_uri(Code::Rule(r.name)),
                "defaultConfiguration": { "level": level(r.severity) },
                // Tags let a dashboard filter by article; a rule that rests on none (a
                // project's upkeep, as stale-schema) says so, since empty tags filter nothing.
                "properties": {
                    "tags": if r.articles.is_empty() { &["maintenance"][..] } else { r.articles }
                },
            })
        })
        .collect();
    out.extend(InputError::ALL.iter().map(|&e| {
        let help = input_help(e);
        json!({
            "id": e.code(),
            "name": e.code(),
            "shortDescription": { "text": e.summary() },
            "fullDescription": { "text": e.summary() },
            "help": { "text": help, "markdown": help },
            "helpUri": help_uri(Code::Input(e)),
            "defaultConfiguration": { "level": "error" },
            "properties": { "tags": ["input"] },
        })
    }));
    out
}

fn physical_location(place: &Located, options: &Options) -> Value {
    let (uri, relative) = artifact_uri(&place.path, options.base.as_deref());
    let artifact = if relative {
        json!({ "uri": uri, "uriBaseId": SRCROOT })
    } else {
        json!({ "uri": uri })
    };
    json!({
        "artifactLocation": artifact,
        "region": {
            "startLine": place.line,
            "startColumn": place.column_utf16,
            "endLine": place.end_line,
            "endColumn": place.end_column_utf16,
        },
    })
}

pub(super) fn render(report: &Report<'_>, options: &Options) -> String {
    let table = rules();
    let index: HashMap<&str, usize> = table
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r["id"].as_str().map(|id| (id, i)))
        .collect();
    let (places, fingerprints) = anchored_with_fingerprints(report, options);
    let mut results: Vec<(Severity, Value)> = report
        .diagnostics
        .iter()
        .zip(&places)
        .zip(&fingerprints)
        .map(|((d, place), fingerprint)| {
            let mut text = d.message.clone();
            for h in &d.help {
                text.push_str("\nhelp: ");
                text.push_str(h);
            }
            let mut result = json!({
                "ruleId": d.code.as_str(),
                "level": level(d.severity),
                "message": { "text": text },
                "locations": [{ "physicalLocation": physical_location(place, options) }],
                "partialFingerprints": { "primaryLocationLineHash": fingerprint },
            });
            if let Some(&i) = index.get(d.code.as_str()) {
                result["ruleIndex"] = json!(i);
            }
            (d.severity, result)
        })
        .collect();
    let mut run = json!({
        "tool": {
            "driver": {
                "name": "seloste",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": crate::lint::docs::repository_url(),
                "rules": table,
            }
        },
        "columnKind": "utf16CodeUnits",
    });
    if let Some(base) = &options.base {
        run["originalUriBaseIds"] = json!({
            SRCROOT: {
                "uri": file_uri(base, true),
                "description": { "text": "The directory seloste was started in." },
            }
        });
    }
    if results.len() > MAX_RESULTS {
        // GitHub rejects a run of more: keep the errors first, and say what was left out.
        let all = results.len();
        results.sort_by_key(|(s, _)| *s);
        results.truncate(MAX_RESULTS);
        run["invocations"] = json!([{
            "executionSuccessful": true,
            "toolExecutionNotifications": [{
                "level": "warning",
                "message": { "text": format!(
                    "{} of {all} results were left out: a run holds at most {MAX_RESULTS} \
                     (GitHub code scanning rejects more). `seloste check --statistics` counts them all.",
                    all - MAX_RESULTS
                ) },
            }],
        }]);
    }
    run["results"] = Value::Array(results.into_iter().map(|(_, r)| r).collect());
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;
    use crate::source::{Pos, Sources};

    #[test]
    fn a_run_holds_at_most_what_github_accepts_errors_first() {
        let mut sources = Sources::new();
        let file = sources.add("a.yaml".into(), Some("x: 1\n".into()));
        let mut diagnostics: Vec<Diagnostic> = (0..MAX_RESULTS)
            .map(|_| {
                let mut d = Diagnostic::input(InputError::UnknownKey, file, Pos::at(1, 1), "w");
                d.severity = Severity::Warning;
                d
            })
            .collect();
        diagnostics.push(Diagnostic::input(
            InputError::WrongType,
            file,
            Pos::at(1, 4),
            "the error",
        ));
        let report = Report {
            sources: &sources,
            diagnostics: &diagnostics,
            registers: 1,
        };
        let doc: Value = serde_json::from_str(&render(&report, &Options::default())).unwrap();
        let run = &doc["runs"][0];
        let results = run["results"].as_array().unwrap();
        assert_eq!(results.len(), MAX_RESULTS);
        assert_eq!(results[0]["message"]["text"], "the error");
        let note = run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
            .as_str()
            .unwrap();
        assert!(
            note.starts_with("1 of 25001 results were left out"),
            "{note}"
        );
        // Below the limit, no invocation is written.
        let report = Report {
            diagnostics: &diagnostics[..10],
            ..report
        };
        let doc: Value = serde_json::from_str(&render(&report, &Options::default())).unwrap();
        assert!(doc["runs"][0]["invocations"].is_null());
    }
}
