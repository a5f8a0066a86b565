//! `seloste explain RULE`: one rule's metadata and explanation.

use std::process::ExitCode;

use seloste::diagnostic::closest;
use seloste::lint::{RULES, rule};

use super::completions::RuleNameHint;
use super::{EXIT_INPUT, EXIT_OK, Output};

/// Arguments of `seloste explain`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  seloste explain missing-legal-basis")]
pub struct Args {
    /// The rule's name, as shown in diagnostics (e.g. missing-legal-basis).
    #[arg(value_parser = RuleNameHint, hide_possible_values = true)]
    pub rule: String,
}

/// Runs `seloste explain`.
pub fn execute(args: Args, out: &Output) -> anyhow::Result<ExitCode> {
    let Some(r) = rule(args.rule.trim()) else {
        let mut msg = format!("error: no rule is named `{}`\n", args.rule);
        if let Some(s) = closest(&args.rule, RULES.iter().map(|r| r.name)) {
            msg.push_str(&format!("help: did you mean `{s}`?\n"));
        }
        msg.push_str("help: `seloste rules` lists every rule\n");
        out.eprint(&msg)?;
        return Ok(ExitCode::from(EXIT_INPUT));
    };
    out.print(&format!(
        "# {}\n\nLevel: {} (default) · Rests on: {}\n\n{}\n\n{}",
        r.name,
        r.severity.as_str(),
        seloste::lint::docs::rests_on(r),
        r.summary,
        r.explanation.trim_start()
    ))?;
    Ok(ExitCode::from(EXIT_OK))
}
