//! `--format concise`: one line per diagnostic, `path:line:col: level[code] message`, the
//! shape of ruff's concise and ESLint's compact output, which editors' problem matchers and
//! `grep` read. No snippets and no help; the summary line ends it, as in the human format.

use std::fmt::Write;

use super::{Options, Report, Verbosity, summary_line};
use crate::characters::one_line;

pub(super) fn render(report: &Report<'_>, options: &Options) -> String {
    let mut out = String::new();
    for d in report.diagnostics {
        // Every piece of user text goes through `one_line`: a line is one diagnostic.
        if let Some(path) = report.path_of(d) {
            out.push_str(&one_line(&path));
            if let Some(p) = d.pos {
                let _ = write!(out, ":{}:{}", p.line, p.column);
            }
            out.push_str(": ");
        }
        let _ = writeln!(out, "{}[{}] {}", d.severity, d.code, one_line(&d.message));
    }
    if options.verbosity == Verbosity::Normal {
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
    fn one_line_per_diagnostic_whatever_the_text() {
        let mut sources = Sources::new();
        let file = sources.add("n/a\n::b.yaml".into(), Some("x: 1\n".into()));
        let diagnostics = vec![
            Diagnostic::input(
                InputError::UnknownKey,
                file,
                Pos::at(1, 1),
                "unknown key `a\n::error::b`",
            )
            .with_help("ignored here"),
            Diagnostic::input_unlocated(InputError::NoProject, "no seloste.yaml found here"),
        ];
        let report = Report {
            sources: &sources,
            diagnostics: &diagnostics,
            registers: 1,
        };
        let out = render(&report, &Options::default());
        assert_eq!(
            out,
            "n/a\\n::b.yaml:1:1: error[unknown-key] unknown key `a\\n::error::b`\n\
             error[no-project] no seloste.yaml found here\n\
             1 register checked: 2 input errors\n"
        );
        let quiet = Options {
            verbosity: Verbosity::Quiet,
            ..Options::default()
        };
        assert_eq!(render(&report, &quiet).lines().count(), 2);
    }
}
