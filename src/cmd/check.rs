//! `seloste check`: load, validate and lint; report in the chosen format.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use seloste::lint::Selection;
use seloste::pipeline::{self, Options};
use seloste::report::{self, Format, Report};

use super::completions::RuleName;
use super::{EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, Output, today};

/// Arguments of `seloste check`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  seloste check                     check the project found here or above\n  seloste check examples/mesq       check another project\n  seloste check --format github     annotations for GitHub Actions\n  seloste check --deny-warnings     fail on warnings too (for CI)\n  seloste check --ignore stale-notice,vague-purpose\n                                    leave these rules out of this run"
)]
pub struct Args {
    /// The project: a directory holding seloste.yaml, or the file itself. Default: the nearest
    /// seloste.yaml in this directory or above.
    pub path: Option<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
    /// Exit with 1 on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Report only these rules (comma-separated), after the levels in the files.
    #[arg(long, value_name = "RULE", value_delimiter = ',', value_parser = RuleName, hide_possible_values = true)]
    pub select: Vec<&'static str>,
    /// Do not report these rules (comma-separated), after the levels in the files.
    #[arg(long, value_name = "RULE", value_delimiter = ',', value_parser = RuleName, hide_possible_values = true)]
    pub ignore: Vec<&'static str>,
}

/// The output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Snippets for people.
    Human,
    /// A stable JSON document (docs/output.md).
    Json,
    /// GitHub Actions annotations.
    Github,
    /// SARIF 2.1.0.
    Sarif,
}

impl From<OutputFormat> for Format {
    fn from(f: OutputFormat) -> Format {
        match f {
            OutputFormat::Human => Format::Human,
            OutputFormat::Json => Format::Json,
            OutputFormat::Github => Format::Github,
            OutputFormat::Sarif => Format::Sarif,
        }
    }
}

/// Runs `seloste check`.
pub fn execute(args: Args, out: &Output) -> anyhow::Result<ExitCode> {
    let cwd = std::env::current_dir()?;
    let mut outcome = pipeline::run(
        args.path.as_deref(),
        &cwd,
        &Options {
            today: today()?,
            keep_registers: false,
        },
    );
    let selection = Selection {
        select: args.select,
        ignore: args.ignore,
    };
    selection.retain(&mut outcome.diagnostics);
    let report = Report {
        sources: &outcome.sources,
        diagnostics: &outcome.diagnostics,
        registers: outcome.register_files,
    };
    out.print(&report::render(args.format.into(), &report, out.color()))?;
    let t = outcome.tally();
    let code = if t.input_errors > 0 {
        EXIT_INPUT
    } else if t.errors > 0 || (args.deny_warnings && t.warnings > 0) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    };
    Ok(ExitCode::from(code))
}
