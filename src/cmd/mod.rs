//! Command-line interface: one module per subcommand, each with its `Args` and `execute`.

pub mod build;
pub mod check;
pub mod completions;
pub mod explain;
pub mod init;
pub mod new;
pub mod rules;
pub mod schema;
pub mod serve;

use std::io::Write;
use std::process::ExitCode;

use anstream::ColorChoice;
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

/// Exit code: nothing to report, or only warnings.
pub const EXIT_OK: u8 = 0;
/// Exit code: findings at error level (or warnings with `--deny-warnings`).
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: usage error, I/O error, or input that cannot be read.
pub const EXIT_INPUT: u8 = 2;

/// seloste: privacy notices (tietosuojaseloste) as code.
#[derive(Debug, Parser)]
#[command(
    name = "seloste",
    version = version(),
    long_version = long_version(),
    about = "Compile Finnish GDPR privacy notices (tietosuojaseloste) from YAML: check them against Art 13/14, render them as Markdown and HTML",
    after_help = "Exit codes: 0 clean, 1 findings at error level, 2 usage, I/O or unreadable input.\nSet SELOSTE_TODAY=YYYY-MM-DD to judge `updated` dates against a fixed day."
)]
pub struct Cli {
    /// When to use colours: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
    #[command(subcommand)]
    pub command: Command,
}

/// `seloste -V`: the version and the commit it was built from, "0.1.0 (3f2a1b9c4 2026-11-27)"
/// (`-dirty` after the hash for uncommitted changes; "unknown commit" when built without git),
/// as `cargo -V` and `rustc -V` say it.
pub fn version() -> &'static str {
    concat!(env!("CARGO_PKG_VERSION"), " (", env!("SELOSTE_COMMIT"), ")")
}

/// `seloste --version`: the same line with the date each built-in legal data table was last
/// reviewed, "0.1.0 (3f2a1b9c4 2026-11-27; legal data: adequacy 2026-11-23, …)". Still one
/// line, for scripts. A notice checked with old tables may miss a change in law.
pub fn long_version() -> &'static str {
    static VERSION: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    VERSION.get_or_init(|| {
        let dates: Vec<String> = seloste::data::table_dates()
            .into_iter()
            .map(|(table, date)| format!("{table} {date}"))
            .collect();
        format!(
            "{} ({}; legal data: {})",
            env!("CARGO_PKG_VERSION"),
            env!("SELOSTE_COMMIT"),
            dates.join(", ")
        )
    })
}

/// When to colour output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every register against GDPR Art 13/14 and Finnish practice.
    Check(check::Args),
    /// Check, then render each register as Finnish Markdown and HTML, and an index.
    Build(build::Args),
    /// List the rules with their articles and default levels.
    Rules(rules::Args),
    /// Explain one rule: what it checks, why, and an example.
    Explain(explain::Args),
    /// Create a project: seloste.yaml, a commented example register, and the JSON Schemas.
    Init(init::Args),
    /// Add a register to the project from a commented template.
    New(new::Args),
    /// Print the JSON Schema of register files or seloste.yaml, for editors.
    Schema(schema::Args),
    /// Print shell completions (bash, zsh, fish, powershell).
    Completions(completions::Args),
    /// Print a manual page (roff), or write them all with --out.
    Man(completions::ManArgs),
    /// Preview the notices in a browser, rebuilt and reloaded on every change.
    Serve(serve::Args),
}

/// Runs the chosen subcommand.
pub fn execute(cli: Cli) -> anyhow::Result<ExitCode> {
    let out = Output::new(cli.color);
    match cli.command {
        Command::Check(args) => check::execute(args, &out),
        Command::Build(args) => build::execute(args, &out),
        Command::Rules(args) => rules::execute(args, &out),
        Command::Explain(args) => explain::execute(args, &out),
        Command::Init(args) => init::execute(args, &out),
        Command::New(args) => new::execute(args, &out),
        Command::Schema(args) => schema::execute(args, &out),
        Command::Completions(args) => completions::execute(args, &out),
        Command::Man(args) => completions::execute_man(args, &out),
        Command::Serve(args) => serve::execute(args, &out),
    }
}

/// Where commands write: standard output and error, coloured as chosen.
#[derive(Debug)]
pub struct Output {
    choice: ColorChoice,
}

impl Output {
    fn new(when: ColorWhen) -> Output {
        let choice = match when {
            ColorWhen::Always => ColorChoice::Always,
            ColorWhen::Never => ColorChoice::Never,
            ColorWhen::Auto => anstream::AutoStream::choice(&std::io::stdout()),
        };
        Output { choice }
    }

    /// Whether to produce coloured text.
    pub fn color(&self) -> bool {
        !matches!(self.choice, ColorChoice::Never)
    }

    /// Writes to standard output (colours stripped if not wanted).
    pub fn print(&self, s: &str) -> anyhow::Result<()> {
        let mut stdout = anstream::AutoStream::new(std::io::stdout().lock(), self.choice);
        match stdout.write_all(s.as_bytes()).and_then(|()| stdout.flush()) {
            // A closed pipe (`seloste check | head`) is not an error of ours.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => Ok(other?),
        }
    }

    /// Writes to standard error.
    pub fn eprint(&self, s: &str) -> anyhow::Result<()> {
        let mut stderr = anstream::AutoStream::new(std::io::stderr().lock(), self.choice);
        stderr.write_all(s.as_bytes())?;
        Ok(())
    }
}

/// The date `updated` is judged against: `SELOSTE_TODAY` (YYYY-MM-DD) if set, else today.
pub fn today() -> anyhow::Result<NaiveDate> {
    match std::env::var("SELOSTE_TODAY") {
        Ok(s) if !s.trim().is_empty() => {
            seloste::model::parse_date(&s).map_err(|e| anyhow::anyhow!("SELOSTE_TODAY: {e}"))
        }
        _ => Ok(chrono::Local::now().date_naive()),
    }
}
