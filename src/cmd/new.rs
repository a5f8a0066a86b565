//! `seloste new NAME [--kind KIND]`: add a register to the project.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use seloste::diagnostic::Diagnostic;
use seloste::scaffold::{self, Kind, NewFile, StemError};
use seloste::{load, schema};

use super::{EXIT_INPUT, EXIT_OK, Output, today};

/// Arguments of `seloste new`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  seloste new Työnhakijat --kind rekrytointi  writes notices/tyonhakijat.yaml\n  seloste new Kameravalvonta                  the kind its name names\n  seloste new \"Hallituksen jäsenet\"           the general template\n  seloste new --list-kinds"
)]
pub struct Args {
    /// The register's name: its title, and (made safe) its file name.
    #[arg(required_unless_present = "list_kinds")]
    pub name: Option<String>,
    /// The kind of register: a commented template with the legal bases, sources, recipients
    /// and storage periods such a register usually has in Finland. Default: the kind NAME
    /// names (`seloste new Kameravalvonta`), otherwise a general template.
    #[arg(long, value_name = "KIND", ignore_case = true, value_parser = kind_parser())]
    pub kind: Option<Kind>,
    /// List the kinds of register, one a line, and exit.
    #[arg(long, conflicts_with_all = ["kind", "title"])]
    pub list_kinds: bool,
    /// The title, if it should differ from NAME.
    #[arg(long)]
    pub title: Option<String>,
    /// The project (a directory holding seloste.yaml). Default: found from here upward.
    #[arg(long)]
    pub project: Option<PathBuf>,
}

/// The values of `--kind`, with a line of help each (shown by `--help` and offered by the
/// shell completions).
fn kind_parser() -> impl TypedValueParser<Value = Kind> {
    PossibleValuesParser::new(Kind::ALL.map(|k| {
        PossibleValue::new(k.name())
            .help(k.summary())
            .aliases(k.aliases().iter().copied())
    }))
    .try_map(|s| Kind::from_name(&s).ok_or("no such kind"))
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
    let Some(name) = args.name.filter(|_| !args.list_kinds) else {
        let width = Kind::ALL.iter().map(|k| k.name().len()).max().unwrap_or(0);
        let mut list = String::new();
        for k in Kind::ALL {
            list.push_str(&format!("{:width$}  {}\n", k.name(), k.summary()));
        }
        out.print(&list)?;
        return Ok(ExitCode::from(EXIT_OK));
    };
    let cwd = std::env::current_dir()?;
    let command = format!("seloste new {} --project", load::shell_word(&name));
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
    let shown = seloste::characters::one_line(&name);
    let id = match scaffold::register_stem(&name) {
        Ok(id) => id,
        Err(StemError::NoLetters) => {
            out.eprint(&format!(
                "error: `{shown}` gives no file name: it has no letter or digit\nhelp: use letters or digits, e.g. `seloste new Asiakasrekisteri`\n",
            ))?;
            return Ok(ExitCode::from(EXIT_INPUT));
        }
        Err(StemError::Reserved { stem, conflict }) => {
            out.eprint(&format!(
                "error: `{shown}` gives the file name `{stem}.yaml`, whose pages would overwrite {conflict}\nhelp: name the file otherwise and keep the title: `seloste new {stem}-rekisteri --title \"{shown}\"`\n",
            ))?;
            return Ok(ExitCode::from(EXIT_INPUT));
        }
    };
    // A name that names a kind picks it (`seloste new Kameravalvonta`); any other name without
    // `--kind` gets the general template.
    let kind = args.kind.or_else(|| Kind::from_name(&name));
    let title = args.title.unwrap_or_else(|| name.clone());
    let schema_rel = scaffold::relative(
        std::path::Path::new(&notices_rel),
        std::path::Path::new("schema/register.schema.json"),
    );
    let mut files = vec![NewFile {
        path: root.join(&notices_rel).join(format!("{id}.yaml")),
        contents: scaffold::kind_register_file(kind, &title, today()?, &schema_rel),
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
    let template = match kind {
        Some(k) => format!("the template for {}", k.name()),
        None => "the general template (`--kind` chooses one for a kind of register: `seloste new --list-kinds`)".to_string(),
    };
    out.eprint(&format!(
        "Created {} from {template}\nNext: fill in every TÄYTÄ placeholder, read the comments, then run `seloste check`.\n",
        seloste::source::display_path(&files[0].path)
    ))?;
    Ok(ExitCode::from(EXIT_OK))
}
