//! `seloste build`: check, then render every register as Markdown and HTML, and the index.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use seloste::pipeline::{self, Options};
use seloste::render::{self, FrontMatter, RenderOptions};
use seloste::report::{self, Format, Report};

use super::{EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, Output, today};

/// Arguments of `seloste build`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  seloste build                        render into the output directory (default dist/)\n  seloste build --out public/tietosuoja\n  seloste build --front-matter hugo    Markdown for a Hugo content section\n  seloste build examples/mesq --draft  render a notice that still has errors, marked as a draft"
)]
pub struct Args {
    /// The project: a directory holding seloste.yaml, or the file itself. Default: the nearest
    /// seloste.yaml in this directory or above.
    pub path: Option<PathBuf>,
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
    /// Front matter of the Markdown files.
    #[arg(long, value_enum, default_value_t = FrontMatterArg::None)]
    pub front_matter: FrontMatterArg,
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

/// Runs `seloste build`.
pub fn execute(args: Args, out: &Output) -> anyhow::Result<ExitCode> {
    let cwd = std::env::current_dir()?;
    let today = today()?;
    let outcome = pipeline::run(
        args.path.as_deref(),
        &cwd,
        &Options {
            today,
            keep_registers: true,
        },
    );
    let t = outcome.tally();
    if !outcome.diagnostics.is_empty() {
        let rep = Report {
            sources: &outcome.sources,
            diagnostics: &outcome.diagnostics,
            registers: outcome.register_files,
        };
        out.eprint(&report::render(Format::Human, &rep, out.color()))?;
    }
    if t.input_errors > 0 {
        out.eprint("error: nothing was written: the input above cannot be read\n")?;
        return Ok(ExitCode::from(EXIT_INPUT));
    }
    if t.errors > 0 && !args.draft {
        out.eprint(&format!(
            "error: nothing was written: {} error{} above must be fixed first (or use --draft to review a marked draft)\n",
            t.errors,
            if t.errors == 1 { "" } else { "s" }
        ))?;
        return Ok(ExitCode::from(EXIT_FINDINGS));
    }
    let Some(project) = outcome.project.as_ref() else {
        return Ok(ExitCode::from(EXIT_INPUT));
    };
    let templates = match render::templates::load(&project.root.join("templates")) {
        Ok(t) => t,
        Err(e) => {
            out.eprint(&format!(
                "error: {} template `{}` cannot be used: {}\n",
                if e.overridden {
                    "the project's"
                } else {
                    "the built-in"
                },
                e.name,
                e.message
            ))?;
            return Ok(ExitCode::from(EXIT_INPUT));
        }
    };
    let opts = RenderOptions {
        draft: args.draft,
        front_matter: match args.front_matter {
            FrontMatterArg::None => FrontMatter::None,
            FrontMatterArg::Hugo => FrontMatter::Hugo,
            FrontMatterArg::Zola => FrontMatter::Zola,
        },
        fragments: args.fragment,
        today,
    };

    // A progress bar, only on a terminal and only once a build has taken a second.
    let total = outcome.registers.len() as u64;
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
    bar.set_style(
        ProgressStyle::with_template("{spinner} rendering {pos}/{len} registers {wide_bar}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let started = Instant::now();
    let shown = AtomicUsize::new(0);
    let on_terminal = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let progress = || {
        bar.inc(1);
        if on_terminal
            && started.elapsed() > Duration::from_secs(1)
            && shown.swap(1, Ordering::Relaxed) == 0
        {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    };
    let files = match render::render(project, &outcome.registers, &templates, &opts, &progress) {
        Ok(f) => f,
        Err(e) => {
            bar.finish_and_clear();
            out.eprint(&format!(
                "error: rendering {}{} failed: {}\n",
                e.template,
                e.register
                    .map(|r| format!(" for register `{r}`"))
                    .unwrap_or_default(),
                e.message
            ))?;
            return Ok(ExitCode::from(EXIT_INPUT));
        }
    };
    bar.finish_and_clear();
    let out_dir = args.out.unwrap_or_else(|| project.output_dir.clone());
    match render::write::write(&out_dir, &files) {
        Ok(rep) => {
            let mut msg = format!(
                "Wrote {} register{} to {}: {} file{} changed, {} unchanged",
                outcome.registers.len(),
                if outcome.registers.len() == 1 {
                    ""
                } else {
                    "s"
                },
                seloste::source::display_path(&out_dir),
                rep.written,
                if rep.written == 1 { "" } else { "s" },
                rep.unchanged
            );
            if !rep.removed.is_empty() {
                msg.push_str(&format!(
                    ", {} removed ({})",
                    rep.removed.len(),
                    rep.removed.join(", ")
                ));
            }
            if args.draft {
                msg.push_str(" — drafts, not for publication");
            }
            msg.push('\n');
            out.eprint(&msg)?;
            Ok(ExitCode::from(EXIT_OK))
        }
        Err(e) => {
            out.eprint(&format!(
                "error: cannot write the output: {e}\nhelp: check that the output directory can be written, or choose another with --out\nThe previous output was left as it was.\n"
            ))?;
            Ok(ExitCode::from(EXIT_INPUT))
        }
    }
}
