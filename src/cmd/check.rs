//! `seloste check`: load, validate and lint; report in the chosen format.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use seloste::lint::Selection;
use seloste::paths;
use seloste::pipeline::{self, Options};
use seloste::report::{self, Format, Report, Verbosity};

use super::completions::RuleName;
use super::{EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, Output, today};

/// Arguments of `seloste check`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  seloste check                     check the project found here or above\n  seloste check examples/mesq       check another project\n  seloste check notices/a.yaml notices/b.yaml\n                                    report these registers' findings (the\n                                    project is loaded whole; files no project\n                                    reads are ignored, as pre-commit needs)\n  seloste check --format github     annotations for GitHub Actions\n  seloste check --deny-warnings     fail on warnings too (for CI)\n  seloste check --ignore stale-notice,vague-purpose\n                                    leave these rules out of this run"
)]
pub struct Args {
    /// What to check: project directories, seloste.yaml files, or files of a project (register
    /// files narrow the report to themselves; files no project reads are ignored). Default: the
    /// project of the nearest seloste.yaml in this directory or above.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
    /// Exit with 1 on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Print less: -q the diagnostics without the summary line, -qq nothing (the exit code
    /// says it all).
    #[arg(long, short, action = clap::ArgAction::Count)]
    pub quiet: u8,
    /// Instead of each diagnostic, how many there are of each rule, most first (human,
    /// concise and json formats).
    #[arg(long)]
    pub statistics: bool,
    /// Human format: show at most N diagnostics of each rule and count the rest (0: all).
    #[arg(long, value_name = "N", default_value_t = report::DEFAULT_MAX_PER_CODE)]
    pub max_per_rule: usize,
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
    /// One line per diagnostic: path:line:col: level[rule] message.
    Concise,
    /// A stable JSON document (docs/output.md).
    Json,
    /// GitHub Actions annotations.
    Github,
    /// GitLab Code Quality report.
    Gitlab,
    /// SARIF 2.1.0.
    Sarif,
}

impl From<OutputFormat> for Format {
    fn from(f: OutputFormat) -> Format {
        match f {
            OutputFormat::Human => Format::Human,
            OutputFormat::Concise => Format::Concise,
            OutputFormat::Json => Format::Json,
            OutputFormat::Github => Format::Github,
            OutputFormat::Gitlab => Format::Gitlab,
            OutputFormat::Sarif => Format::Sarif,
        }
    }
}

/// Runs `seloste check`.
pub fn execute(args: Args, out: &Output) -> anyhow::Result<ExitCode> {
    let format = Format::from(args.format);
    if args.statistics && !format.has_statistics() {
        use clap::CommandFactory;
        super::Cli::command()
            .error(
                clap::error::ErrorKind::ArgumentConflict,
                format!(
                    "--statistics counts findings for people (human, concise) or scripts (json); \
                     the {} format describes each finding at its place and has no place for counts",
                    args.format
                        .to_possible_value()
                        .map_or_else(String::new, |v| v.get_name().to_string())
                ),
            )
            .exit();
    }
    let cwd = std::env::current_dir()?;
    let mut outcome = pipeline::check_paths(
        &args.paths,
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
        registers: outcome.registers,
    };
    let human = args.format == OutputFormat::Human;
    if human
        && args.quiet == 0
        && let Some(note) = paths::ignored_note(&outcome.ignored)
    {
        out.eprint(&note)?;
    }
    let options = report::Options {
        color: out.color(),
        verbosity: match args.quiet {
            0 => Verbosity::Normal,
            1 => Verbosity::Quiet,
            _ => Verbosity::Silent,
        },
        statistics: args.statistics,
        max_per_code: (args.max_per_rule > 0).then_some(args.max_per_rule),
        anchor: Some(report::expected_project_file(
            args.paths.first().map(PathBuf::as_path),
        )),
        base: Some(cwd),
    };
    // Named files that no project reads leave nothing to say to a person; a machine format
    // is still one (empty) document.
    if !(human && outcome.projects == 0 && outcome.diagnostics.is_empty()) {
        out.print(&report::render_with(format, &report, &options))?;
    }
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
