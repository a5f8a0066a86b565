//! `--format github`: GitHub Actions workflow commands, which become annotations on the lines
//! of a pull request.

use std::fmt::Write;

use super::locate::Locator;
use super::{Options, Report};
use crate::characters::one_line;
use crate::diagnostic::Severity;

/// Escapes the message part of a workflow command.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub(super) fn render(report: &Report<'_>) -> String {
    let mut out = String::new();
    let mut locator = Locator::new(report, &Options::default());
    for d in report.diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut props = Vec::new();
        if let Some(path) = report.path_of(d) {
            props.push(format!("file={}", escape_property(&path)));
            if let Some(p) = d.pos.and(locator.position(d)) {
                props.push(format!("line={}", p.line));
                props.push(format!("col={}", p.column));
                // GitHub reads the end column only on a one-line annotation, which every
                // span is (a span never crosses a line).
                props.push(format!("endLine={}", p.end_line));
                props.push(format!("endColumn={}", p.end_column));
            }
        }
        let title = if d.articles.is_empty() {
            format!("seloste {}", d.code)
        } else {
            format!("seloste {} ({})", d.code, d.articles.join(", "))
        };
        props.push(format!("title={}", escape_property(&title)));
        // The message and help are each one line, their control characters visible; the
        // line breaks between them are the annotation's own, escaped below as `%0A`.
        let mut message = one_line(&d.message).into_owned();
        for h in &d.help {
            message.push_str("\nhelp: ");
            message.push_str(&one_line(h));
        }
        let _ = writeln!(
            out,
            "::{command} {}::{}",
            props.join(","),
            escape_data(&message)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_workflow_command_rules() {
        assert_eq!(escape_data("50% a\nb"), "50%25 a%0Ab");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }

    #[test]
    fn user_text_cannot_start_a_workflow_command() {
        use crate::diagnostic::{Diagnostic, InputError};
        use crate::source::{Pos, Sources};
        let mut sources = Sources::new();
        let file = sources.add("n/a\n::add-mask::p.yaml".into(), None);
        let forged = "x\n::error file=a,line=1::forged\r\n::stop-commands::t\u{1b}[2J";
        let diagnostics = vec![
            Diagnostic::input(InputError::UnknownKey, file, Pos::at(2, 1), forged)
                .with_help(forged),
        ];
        let out = render(&Report {
            sources: &sources,
            diagnostics: &diagnostics,
            registers: 1,
        });
        assert_eq!(out.lines().count(), 1, "{out}");
        assert!(
            out.starts_with("::error file=n/a%0A%3A%3Aadd-mask%3A%3Ap.yaml,line=2,"),
            "{out}"
        );
        assert!(!out.contains('\u{1b}'), "{out}");
        assert!(
            out.contains(
                "x\\n::error file=a,line=1::forged\\r\\n::stop-commands::t\\u{1b}[2J%0Ahelp: x\\n"
            ),
            "{out}"
        );
    }
}
