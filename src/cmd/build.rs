//! `seloste build`: check, then render every register as Markdown and HTML, and the index.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use seloste::build::{self, BuildError, BuildOptions};
use seloste::paths::{self, Scope};
use seloste::pipeline;
use seloste::render::{FrontMatter, RenderOptions};
use seloste::report::{self, Format, Report};

use super::{EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, Output, today};

/// Arguments of `seloste build`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  seloste build                        render into the output directory (default dist/)\n  seloste build --out public/tietosuoja\n  seloste build --front-matter hugo    Markdown for a Hugo content section\n  seloste build examples/mesq --draft  render a notice that still has errors, marked as a draft\n  seloste build tietosuoja             the project in tietosuoja/, from the repository root"
)]
pub struct Args {
    /// The project: a directory holding seloste.yaml, the file itself, or files of the project
    /// (a register file builds its whole project). Default: the nearest seloste.yaml in this
    /// directory or above.
    pub paths: Vec<PathBuf>,
    /// Output directory (default: `settings.output_dir` of seloste.yaml, or `dist`).
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// Render even with errors: missing items are marked in place and every page says it is a
    /// draft (LUONNOS).
    #[arg(long)]
    pub draft: bool,
    /// Also write body-only HTML under `fragment/` for pasting into a CMS.
    #[arg(long)]
    pub fragment: bool,
    /// With --fragment: start every id in a fragment with this prefix, `{id}` standing for the
    /// register's id (e.g. `{id}-`), so that fragments can share a page.
    #[arg(long, value_name = "PREFIX", requires = "fragment", value_parser = parse_id_prefix)]
    pub id_prefix: Option<String>,
    /// Front matter of the Markdown files.
    #[arg(long, value_enum, default_value_t = FrontMatterArg::None)]
    pub front_matter: FrontMatterArg,
}

fn parse_id_prefix(s: &str) -> Result<String, String> {
    seloste::render::check_id_prefix(s).map(|()| s.to_string())
}

/// Front matter choices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FrontMatterArg {
    /// Plain CommonMark.
    None,
    /// Hugo (YAML front matter; index as _index.md).
    Hugo,
    /// Zola (TOML front matter; index as _index.md).
    Zola,
}

/// A progress bar, shown only on a terminal and only once a build has taken a second.
fn progress() -> (ProgressBar, Arc<dyn Fn() + Send + Sync>) {
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
    bar.set_style(
        ProgressStyle::with_template("{spinner} rendering {pos} registers {wide_bar}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let started = Instant::now();
    let shown = AtomicBool::new(false);
    let on_terminal = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let b = bar.clone();
    let tick = Arc::new(move || {
        b.inc(1);
        if on_terminal
            && started.elapsed() > Duration::from_secs(1)
            && !shown.swap(true, Ordering::Relaxed)
        {
            b.set_draw_target(ProgressDrawTarget::stderr());
        }
    });
    (bar, tick)
}

/// Runs `seloste build`.
pub fn execute(args: Args, out: &Output) -> anyhow::Result<ExitCode> {
    let cwd = std::env::current_dir()?;
    let today = today()?;
    let plan = paths::plan(Some("seloste build"), &args.paths, &cwd);
    if let Some(note) = paths::ignored_note(&plan.ignored) {
        out.eprint(&note)?;
    }
    let mut outcome = match (plan.errors.is_empty(), plan.targets.as_slice()) {
        (true, [target]) => {
            if let Scope::Registers(_) = target.scope {
                // A page links to the others and the index lists them all: a build is of
                // the whole project, whatever file of it was named.
                out.eprint(&format!(
                    "note: building the whole project of {}\n",
                    seloste::characters::one_line(&seloste::source::display_path(&target.config))
                ))?;
            }
            pipeline::run_for_build(Some(&target.config), &cwd, today)
        }
        (true, []) => {
            out.eprint("error: nothing to build: no file named belongs to a seloste project\n")?;
            return Ok(ExitCode::from(EXIT_INPUT));
        }
        (true, many) => {
            let names: Vec<String> = many
                .iter()
                .map(|t| seloste::source::display_path(&t.config))
                .collect();
            out.eprint(&format!(
                "error: the paths name {} projects ({}); build one at a time\nhelp: each project is written to its own output directory (`settings.output_dir` or --out)\n",
                many.len(),
                seloste::characters::one_line(&names.join(", "))
            ))?;
            return Ok(ExitCode::from(EXIT_INPUT));
        }
        // The paths that cannot be used are reported as input errors, and nothing is built.
        (false, _) => pipeline::Outcome {
            diagnostics: plan.errors,
            ..pipeline::Outcome::default()
        },
    };
    let print = |outcome: &pipeline::Outcome, diagnostics: &[seloste::Diagnostic]| {
        let rep = Report {
            sources: &outcome.sources,
            diagnostics,
            registers: outcome.register_files,
        };
        // As `check` shows them: a build of thousands of registers with one stale date each
        // says so in a line, not in thousands of snippets.
        let options = report::Options {
            color: out.color(),
            max_per_code: Some(report::DEFAULT_MAX_PER_CODE),
            ..report::Options::default()
        };
        out.eprint(&report::render_with(Format::Human, &rep, &options))
    };
    if !outcome.diagnostics.is_empty() {
        print(&outcome, &outcome.diagnostics)?;
    }
    let opts = BuildOptions {
        out: args.out,
        render: RenderOptions {
            draft: args.draft,
            front_matter: match args.front_matter {
                FrontMatterArg::None => FrontMatter::None,
                FrontMatterArg::Hugo => FrontMatter::Hugo,
                FrontMatterArg::Zola => FrontMatter::Zola,
            },
            fragments: args.fragment,
            id_prefix: args.id_prefix,
            today,
        },
        deadline: build::render_deadline(outcome.register_files),
    };
    let (bar, tick) = progress();
    let result = build::build(&mut outcome, &opts, tick);
    bar.finish_and_clear();
    match result {
        Ok(built) => {
            let n = built.registers;
            let w = &built.write;
            let mut msg = format!(
                "Wrote {n} register{} to {}: {} file{} changed, {} unchanged",
                if n == 1 { "" } else { "s" },
                seloste::source::display_path(&built.out_dir),
                w.written,
                if w.written == 1 { "" } else { "s" },
                w.unchanged
            );
            if !w.removed.is_empty() {
                msg.push_str(&format!(
                    ", {} removed ({})",
                    w.removed.len(),
                    w.removed.join(", ")
                ));
            }
            if args.draft {
                msg.push_str(" — drafts, not for publication");
            }
            out.eprint(&format!("{}\n", seloste::characters::one_line(&msg)))?;
            Ok(ExitCode::from(EXIT_OK))
        }
        Err(BuildError::Render(e)) => {
            print(&outcome, &[e.to_diagnostic()])?;
            out.eprint("error: nothing was written; the previous output was left as it was\n")?;
            Ok(ExitCode::from(EXIT_INPUT))
        }
        Err(e) => {
            let code = match e {
                BuildError::Findings(_) => EXIT_FINDINGS,
                _ => EXIT_INPUT,
            };
            let help = match e {
                BuildError::Write(_) | BuildError::OutputDir { .. } => {
                    "\nhelp: check that the output directory can be written, or choose another with --out"
                }
                _ => "",
            };
            out.eprint(&format!(
                "error: nothing was written: {}{help}\nThe previous output was left as it was.\n",
                seloste::characters::one_line(&e.to_string())
            ))?;
            Ok(ExitCode::from(code))
        }
    }
}
