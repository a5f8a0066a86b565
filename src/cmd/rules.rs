//! `seloste rules`: the rule table.

use std::fmt::Write;
use std::process::ExitCode;

use seloste::lint::RULES;

use super::{EXIT_OK, Output};

/// Arguments of `seloste rules`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  seloste rules\n  seloste rules --format json\n  seloste rules --format markdown > docs/rules.md"
)]
pub struct Args {
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = RulesFormat::Text)]
    pub format: RulesFormat,
}

/// Formats of the rule list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum RulesFormat {
    /// A table.
    Text,
    /// JSON, versioned (docs/output.md).
    Json,
    /// Markdown, as in docs/rules.md.
    Markdown,
}

/// Runs `seloste rules`.
pub fn execute(args: Args, out: &Output) -> anyhow::Result<ExitCode> {
    let text = match args.format {
        RulesFormat::Text => {
            let width = RULES.iter().map(|r| r.name.len()).max().unwrap_or(0);
            let mut s = String::new();
            for r in RULES {
                let _ = writeln!(
                    s,
                    "{:width$}  {:7}  {}  [{}]",
                    r.name,
                    r.severity.as_str(),
                    r.summary,
                    seloste::lint::docs::rests_on(r)
                );
            }
            let _ = writeln!(
                s,
                "\n{} rules. `seloste explain RULE` tells more about one.",
                RULES.len()
            );
            s
        }
        RulesFormat::Markdown => seloste::lint::docs::rules_markdown(),
        RulesFormat::Json => seloste::lint::docs::rules_json(),
    };
    out.print(&text)?;
    Ok(ExitCode::from(EXIT_OK))
}
