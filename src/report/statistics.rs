//! `--statistics`: instead of each diagnostic, how many there are of each code, most first,
//! as ruff's `--statistics` — a table for people, an object in JSON.

use std::collections::HashMap;
use std::fmt::Write;

use serde::Serialize;

use super::{Format, Options, Report, Verbosity, code_summary, summary_line, thousands};
use crate::diagnostic::{Code, Severity};

/// The count of one code at one severity (a rule's level may differ between registers).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Statistic {
    /// How many diagnostics.
    pub count: usize,
    /// The rule's name or the input-error code.
    pub code: &'static str,
    /// `input` or `lint`.
    pub kind: &'static str,
    /// `error` or `warning`.
    pub severity: &'static str,
    /// One line on what the code means.
    pub summary: &'static str,
}

/// The counts of a report's diagnostics per code and severity: most first, then by code.
pub fn statistics(report: &Report<'_>) -> Vec<Statistic> {
    let mut counts: HashMap<(Code, Severity), usize> = HashMap::new();
    for d in report.diagnostics {
        *counts.entry((d.code, d.severity)).or_insert(0) += 1;
    }
    let mut out: Vec<Statistic> = counts
        .into_iter()
        .map(|((code, severity), count)| Statistic {
            count,
            code: code.as_str(),
            kind: match code {
                Code::Input(_) => "input",
                Code::Rule(_) => "lint",
            },
            severity: severity.as_str(),
            summary: code_summary(code),
        })
        .collect();
    out.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(a.code.cmp(b.code))
            .then(a.severity.cmp(b.severity))
    });
    out
}

#[derive(Serialize)]
struct Document {
    version: u32,
    tool: super::json::Tool,
    summary: super::json::Summary,
    statistics: Vec<Statistic>,
}

pub(super) fn render(format: Format, report: &Report<'_>, options: &Options) -> String {
    let stats = statistics(report);
    if format == Format::Json {
        let doc = Document {
            version: super::json::JSON_VERSION,
            tool: super::json::Tool::SELOSTE,
            summary: super::json::Summary::of(report),
            statistics: stats,
        };
        let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
        s.push('\n');
        return s;
    }
    let mut out = String::new();
    let count_width = stats
        .iter()
        .map(|s| thousands(s.count).len())
        .max()
        .unwrap_or(0);
    let code_width = stats.iter().map(|s| s.code.len()).max().unwrap_or(0);
    for s in &stats {
        let _ = writeln!(
            out,
            "{:>count_width$}  {:<code_width$}  {:<7}  {}",
            thousands(s.count),
            s.code,
            s.severity,
            s.summary
        );
    }
    if options.verbosity == Verbosity::Normal {
        if !stats.is_empty() {
            out.push('\n');
        }
        out.push_str(&summary_line(report));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Diagnostic, InputError};
    use crate::source::{Pos, Sources};

    #[test]
    fn counts_are_sorted_most_first_and_aligned() {
        let mut sources = Sources::new();
        let file = sources.add("a.yaml".into(), Some("x: 1\n".into()));
        let mut diagnostics = Vec::new();
        for _ in 0..1200 {
            diagnostics.push(Diagnostic::input(
                InputError::UnknownKey,
                file,
                Pos::at(1, 1),
                "k",
            ));
        }
        diagnostics.push(Diagnostic::input(
            InputError::WrongType,
            file,
            Pos::at(1, 1),
            "t",
        ));
        let report = Report {
            sources: &sources,
            diagnostics: &diagnostics,
            registers: 1,
        };
        let out = render(Format::Human, &report, &Options::default());
        assert_eq!(
            out,
            "1,200  unknown-key  error    a key that the format does not define\n\
             \x20   1  wrong-type   error    a value of the wrong type\n\
             \n\
             1 register checked: 1201 input errors\n"
        );
        let json: serde_json::Value =
            serde_json::from_str(&render(Format::Json, &report, &Options::default())).unwrap();
        assert_eq!(json["statistics"][0]["count"], 1200);
        assert_eq!(json["statistics"][1]["code"], "wrong-type");
        assert_eq!(json["summary"]["input_errors"], 1201);
    }
}
