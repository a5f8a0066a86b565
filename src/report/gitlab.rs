//! `--format gitlab`: a GitLab Code Quality report, the subset of the Code Climate issue
//! format GitLab reads (docs.gitlab.com, "Code Quality", *Implement a custom tool*):
//! `description`, `check_name`, `fingerprint`, `severity` and `location.path` with
//! `location.positions` (lines and columns). GitLab shows findings with the same fingerprint
//! once, so each fingerprint is unique in a report and stays the same across edits elsewhere
//! in the file.

use serde::Serialize;

use super::locate::anchored_with_fingerprints;
use super::{Options, Report};
use crate::characters::one_line;
use crate::diagnostic::{Kind, Severity};

#[derive(Serialize)]
struct Issue<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    check_name: &'static str,
    description: String,
    categories: [&'static str; 1],
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    positions: Positions,
}

#[derive(Serialize)]
struct Positions {
    begin: LineColumn,
    end: LineColumn,
}

#[derive(Serialize)]
struct LineColumn {
    line: u32,
    column: u32,
}

/// GitLab's scale is info, minor, major, critical, blocker: an input error stops the file
/// from being checked at all (critical), an error-level finding blocks a build (major), a
/// warning does not (minor).
fn severity(d: &crate::Diagnostic) -> &'static str {
    match (d.kind(), d.severity) {
        (Kind::Input, _) => "critical",
        (Kind::Lint, Severity::Error) => "major",
        (Kind::Lint, Severity::Warning) => "minor",
    }
}

pub(super) fn render(report: &Report<'_>, options: &Options) -> String {
    let (places, fingerprints) = anchored_with_fingerprints(report, options);
    let issues: Vec<Issue<'_>> = report
        .diagnostics
        .iter()
        .zip(&places)
        .zip(fingerprints)
        .map(|((d, place), fingerprint)| {
            let mut description = one_line(&d.message).into_owned();
            for h in &d.help {
                description.push_str(" — help: ");
                description.push_str(&one_line(h));
            }
            Issue {
                kind: "issue",
                check_name: d.code.as_str(),
                description,
                // Code Climate's categories name kinds of code smell; a notice that misses
                // what the law requires, or a file that cannot be read, is a risk of a defect.
                categories: ["Bug Risk"],
                fingerprint,
                severity: severity(d),
                location: Location {
                    path: &place.path,
                    positions: Positions {
                        begin: LineColumn {
                            line: place.line,
                            column: place.column,
                        },
                        end: LineColumn {
                            line: place.end_line,
                            column: place.end_column,
                        },
                    },
                },
            }
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&issues).unwrap_or_default();
    s.push('\n');
    s
}
