//! `seloste completions SHELL` and `seloste man`: generated from the command definitions.

use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use super::{Cli, EXIT_OK, Output};

/// Arguments of `seloste completions`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  seloste completions bash > ~/.local/share/bash-completion/completions/seloste\n  seloste completions zsh > ~/.zfunc/_seloste\n  seloste completions fish > ~/.config/fish/completions/seloste.fish\n  seloste completions powershell >> $PROFILE"
)]
pub struct Args {
    /// The shell.
    #[arg(value_enum)]
    pub shell: CompletionShell,
}

/// Shells with completions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CompletionShell {
    /// Bash.
    Bash,
    /// Zsh.
    Zsh,
    /// Fish.
    Fish,
    /// PowerShell.
    Powershell,
}

/// Runs `seloste completions`.
pub fn execute(args: Args, out: &Output) -> anyhow::Result<ExitCode> {
    let shell = match args.shell {
        CompletionShell::Bash => Shell::Bash,
        CompletionShell::Zsh => Shell::Zsh,
        CompletionShell::Fish => Shell::Fish,
        CompletionShell::Powershell => Shell::PowerShell,
    };
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "seloste", &mut buf);
    out.print(&String::from_utf8_lossy(&buf))?;
    Ok(ExitCode::from(EXIT_OK))
}

/// Arguments of `seloste man`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  seloste man > seloste.1 && man ./seloste.1")]
pub struct ManArgs {}

/// Runs `seloste man`: the manual page in roff.
pub fn execute_man(_: ManArgs, out: &Output) -> anyhow::Result<ExitCode> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut buf)?;
    out.print(&String::from_utf8_lossy(&buf))?;
    Ok(ExitCode::from(EXIT_OK))
}
