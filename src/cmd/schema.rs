//! `seloste schema`: the JSON Schema of the format, for editors.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use seloste::schema;

use super::{EXIT_INPUT, EXIT_OK, Output};

/// Arguments of `seloste schema`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  seloste schema register > register.schema.json\n  seloste schema --out schema        writes seloste.schema.json and register.schema.json\n\nEditors with yaml-language-server (VS Code's YAML extension, Neovim, Helix …) use them through\nthe first line of each file:\n  # yaml-language-server: $schema=../schema/register.schema.json"
)]
pub struct Args {
    /// Which schema to print.
    #[arg(value_enum, default_value_t = Which::Register)]
    pub which: Which,
    /// Write both schemas into this directory instead of printing one.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// The two schemas.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Which {
    /// A register file under notices/.
    Register,
    /// seloste.yaml.
    Project,
}

/// Runs `seloste schema`.
pub fn execute(args: Args, out: &Output) -> anyhow::Result<ExitCode> {
    match args.out {
        Some(dir) => {
            let write = || -> std::io::Result<()> {
                std::fs::create_dir_all(&dir)?;
                std::fs::write(
                    dir.join(schema::PROJECT_SCHEMA_FILE),
                    schema::to_text(&schema::project()),
                )?;
                std::fs::write(
                    dir.join(schema::REGISTER_SCHEMA_FILE),
                    schema::to_text(&schema::register()),
                )
            };
            if let Err(e) = write() {
                out.eprint(&format!(
                    "error: cannot write the schemas to {}: {e}\n",
                    dir.display()
                ))?;
                return Ok(ExitCode::from(EXIT_INPUT));
            }
            out.eprint(&format!(
                "Wrote {} and {} to {}\n",
                schema::PROJECT_SCHEMA_FILE,
                schema::REGISTER_SCHEMA_FILE,
                seloste::source::display_path(&dir)
            ))?;
        }
        None => {
            let s = match args.which {
                Which::Register => schema::register(),
                Which::Project => schema::project(),
            };
            out.print(&schema::to_text(&s))?;
        }
    }
    Ok(ExitCode::from(EXIT_OK))
}
