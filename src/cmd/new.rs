//! `seloste new NAME`: add a register to the project.

use std::path::PathBuf;
use std::process::ExitCode;

use seloste::diagnostic::Diagnostic;
use seloste::scaffold::{self, NewFile};
use seloste::{load, schema, validate};

use super::{EXIT_INPUT, EXIT_OK, Output, today};

/// Arguments of `seloste new`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  seloste new Työnhakijat            writes notices/tyonhakijat.yaml\n  seloste new kameravalvonta --title \"Kameravalvonta\""
)]
pub struct Args {
    /// The register's name: its title, and (made safe) its file name.
    pub name: String,
    /// The title, if it should differ from NAME.
    #[arg(long)]
    pub title: Option<String>,
    /// The project (a directory holding seloste.yaml). Default: found from here upward.
    #[arg(long)]
    pub project: Option<PathBuf>,
}

fn print_diagnostic(out: &Output, d: &Diagnostic) -> anyhow::Result<()> {
    let mut msg = format!("error: {}\n", d.message);
    for h in &d.help {
        msg.push_str(&format!("help: {h}\n"));
    }
    out.eprint(&msg)
}

/// Runs `seloste new`.
pub fn execute(args: Args, out: &Output) -> anyhow::Result<ExitCode> {
    let cwd = std::env::current_dir()?;
    let command = format!("seloste new {} --project", load::shell_word(&args.name));
    let config_path = match load::discover_for(Some(&command), args.project.as_deref(), &cwd) {
        Ok(p) => p,
        Err(d) => {
            print_diagnostic(out, &d)?;
            return Ok(ExitCode::from(EXIT_INPUT));
        }
    };
    let root = config_path.parent().map(PathBuf::from).unwrap_or_default();
    // The notices directory from the settings, if seloste.yaml can be read.
    let project_root = seloste::contain::ProjectRoot::new(&root)?;
    let notices_rel = load::read_text(&project_root, &config_path, seloste::source::FileId(0))
        .ok()
        .and_then(|t| load::parse_project(seloste::source::FileId(0), &t).ok())
        .and_then(|p| {
            p.settings
                .and_then(|s| s.value.notices_dir)
                .map(|d| d.value)
        })
        .unwrap_or_else(|| seloste::model::DEFAULT_NOTICES_DIR.to_string());
    if !seloste::contain::is_plain_relative(notices_rel.trim()) {
        out.eprint(&format!(
            "error: `settings.notices_dir` ({:?}) must name a directory inside the project\nhelp: run `seloste check` to see the setting's place in seloste.yaml\n",
            notices_rel
        ))?;
        return Ok(ExitCode::from(EXIT_INPUT));
    }
    let Some(id) = validate::register_id(std::path::Path::new(&format!("{}.yaml", args.name)))
    else {
        out.eprint(&format!(
            "error: `{}` gives no usable file name\nhelp: use letters or digits, e.g. `seloste new Asiakasrekisteri`\n",
            args.name
        ))?;
        return Ok(ExitCode::from(EXIT_INPUT));
    };
    let title = args.title.unwrap_or_else(|| args.name.clone());
    let schema_rel = scaffold::relative(
        std::path::Path::new(&notices_rel),
        std::path::Path::new("schema/register.schema.json"),
    );
    let mut files = vec![NewFile {
        path: root.join(&notices_rel).join(format!("{id}.yaml")),
        contents: scaffold::register_file(&title, today()?, &schema_rel),
    }];
    // The schemas the modeline points at, if the project does not have them yet.
    for (name, s) in [
        (schema::PROJECT_SCHEMA_FILE, schema::project()),
        (schema::REGISTER_SCHEMA_FILE, schema::register()),
    ] {
        let path = root.join("schema").join(name);
        if !path.exists() {
            files.push(NewFile {
                path,
                contents: schema::to_text(&s),
            });
        }
    }
    // The register and schema directories may be committed links: write only where they
    // lead inside the project (docs/security.md).
    for f in &files {
        let parent = f.path.parent().unwrap_or(std::path::Path::new("."));
        let inside = seloste::contain::ProjectRoot::resolve_future(parent)
            .is_ok_and(|real| project_root.holds(&real));
        if !inside {
            out.eprint(&format!(
                "error: {} leads outside the project (a symbolic link); nothing was created\n",
                seloste::characters::one_line(&seloste::source::display_path(parent))
            ))?;
            return Ok(ExitCode::from(EXIT_INPUT));
        }
    }
    if let Some(p) = scaffold::existing(&files).first() {
        out.eprint(&format!(
            "error: {} already exists; nothing was created\nhelp: choose another name\n",
            seloste::source::display_path(p)
        ))?;
        return Ok(ExitCode::from(EXIT_INPUT));
    }
    if let Err(e) = scaffold::create(&files) {
        out.eprint(&format!("error: cannot create the register: {e}\n"))?;
        return Ok(ExitCode::from(EXIT_INPUT));
    }
    out.eprint(&format!(
        "Created {}\nNext: fill in every TÄYTÄ placeholder, then run `seloste check`.\n",
        seloste::source::display_path(&files[0].path)
    ))?;
    Ok(ExitCode::from(EXIT_OK))
}
