//! `seloste init [DIR]`: scaffold a project.

use std::path::PathBuf;
use std::process::ExitCode;

use seloste::scaffold;

use super::{EXIT_INPUT, EXIT_OK, Output, today};

/// Arguments of `seloste init`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  seloste init                 in this directory\n  seloste init tietosuoja      in a new directory\n\nThen fill in every TÄYTÄ placeholder; `seloste check` lists those left."
)]
pub struct Args {
    /// Where to create the project (created if missing). Default: this directory.
    pub dir: Option<PathBuf>,
}

/// Runs `seloste init`.
pub fn execute(args: Args, out: &Output) -> anyhow::Result<ExitCode> {
    let dir = args.dir.unwrap_or_else(|| PathBuf::from("."));
    let files = scaffold::project_files(&dir, today()?);
    let existing = scaffold::existing(&files);
    if !existing.is_empty() {
        let list: Vec<String> = existing
            .iter()
            .map(|p| format!("  {}", seloste::source::display_path(p)))
            .collect();
        out.eprint(&format!(
            "error: nothing was created: these files already exist\n{}\nhelp: choose another directory, or add a register to this project with `seloste new NAME`\n",
            list.join("\n")
        ))?;
        return Ok(ExitCode::from(EXIT_INPUT));
    }
    if let Err(e) = scaffold::create(&files) {
        out.eprint(&format!(
            "error: cannot create the project: {e}\nhelp: check that the directory can be written\n"
        ))?;
        return Ok(ExitCode::from(EXIT_INPUT));
    }
    let mut msg = String::from("Created a seloste project:\n");
    for f in &files {
        msg.push_str(&format!("  {}\n", seloste::source::display_path(&f.path)));
    }
    let at = if dir == std::path::Path::new(".") {
        String::new()
    } else {
        format!(" {}", seloste::source::display_path(&dir))
    };
    msg.push_str(&format!(
        "\nNext: fill in every TÄYTÄ placeholder (your editor completes keys from schema/), then run\n  seloste check{at}\n  seloste build{at}\n"
    ));
    out.eprint(&msg)?;
    Ok(ExitCode::from(EXIT_OK))
}
