//! Build stage: render a checked project and publish it, atomically, into its output directory.
//!
//! [`build`] takes the [`Outcome`] of the pipeline, refuses to go on if it holds input errors
//! (or errors, unless drafts are asked for), renders every register with the project's
//! templates under a time budget ([`render_deadline`]) a batch at a time, and writes each
//! batch into a [`Staging`] as it comes, which then switches the whole output at once: the
//! pages of all registers are never held in memory together. The output
//! directory is checked first ([`output_dir`]): never the project itself, its registers or
//! templates, and — when it comes from `seloste.yaml` — never outside the project.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::contain::{ProjectRoot, is_plain_relative};
use crate::model::{Project, RegisterDoc};
use crate::pipeline::{Outcome, Reload, ReloadError};
use crate::render::write::{Staging, WriteError, WriteReport};
use crate::render::{Marks, OutputFile, Pages, RenderError, RenderOptions, Templates};

/// Options of a build.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    /// The output directory given on the command line (trusted: chosen by whoever runs
    /// seloste); `None` takes `settings.output_dir` of the project (untrusted).
    pub out: Option<PathBuf>,
    /// How to render.
    pub render: RenderOptions,
    /// How long rendering may take; see [`render_deadline`].
    pub deadline: Duration,
}

/// What a build did.
#[derive(Debug)]
pub struct Built {
    /// Registers rendered.
    pub registers: usize,
    /// The output directory, as the user gave it.
    pub out_dir: PathBuf,
    /// What was written, kept and removed.
    pub write: WriteReport,
}

/// Why a build wrote nothing. In every case the previous output is as it was.
#[derive(Debug)]
pub enum BuildError {
    /// The input cannot be read; the outcome's diagnostics say why.
    Input,
    /// The notices have errors (and no draft was asked for).
    Findings(usize),
    /// A template failed while rendering.
    Render(Box<RenderError>),
    /// Rendering did not finish within its time budget.
    Timeout(Duration),
    /// Rendering stopped without finishing or failing: a panic, a bug of seloste.
    Stopped,
    /// A register could not be loaded again to be rendered, or changed after it was checked.
    Reload(ReloadError),
    /// The output directory may not be used.
    OutputDir {
        /// The directory as given.
        path: PathBuf,
        /// Why not.
        reason: String,
    },
    /// Writing failed.
    Write(WriteError),
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Input => f.write_str("the input above cannot be read"),
            BuildError::Findings(n) => write!(
                f,
                "{n} error{} above must be fixed first (or use --draft to review a marked draft)",
                if *n == 1 { "" } else { "s" }
            ),
            BuildError::Render(e) => write!(f, "{e}"),
            BuildError::Timeout(d) => write!(
                f,
                "rendering took longer than {} s: does a template of the project loop without end?",
                d.as_secs()
            ),
            BuildError::Stopped => f.write_str(
                "rendering stopped unexpectedly (a bug in seloste: please report it with the message above)",
            ),
            BuildError::Reload(e) => write!(f, "{e}; build again"),
            BuildError::OutputDir { path, reason } => write!(
                f,
                "cannot write the output into {}: {reason}",
                crate::source::display_path(path)
            ),
            BuildError::Write(e) => write!(f, "cannot write the output: {e}"),
        }
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BuildError::Render(e) => Some(e.as_ref()),
            BuildError::Write(e) => Some(e),
            _ => None,
        }
    }
}

/// The time budget of rendering: 30 s plus 20 ms per register (a register renders in well
/// under 1 ms), at most 5 minutes however many registers a pull request adds, or
/// `SELOSTE_RENDER_TIMEOUT` seconds when set.
pub fn render_deadline(registers: usize) -> Duration {
    if let Some(secs) = std::env::var("SELOSTE_RENDER_TIMEOUT")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|&s| s > 0)
    {
        return Duration::from_secs(secs);
    }
    (Duration::from_secs(30) + Duration::from_millis(20 * registers as u64))
        .min(Duration::from_secs(300))
}

/// Runs `f` on `data` in a thread of its own and waits at most `deadline` for it. tera has no
/// budget of its own, and a template override can loop for hours; on time-out the thread is
/// left to the process's end (the command exits right after), and its data with it.
pub fn with_deadline<T, R>(
    data: T,
    deadline: Duration,
    f: impl FnOnce(&T) -> R + Send + 'static,
) -> Result<(T, R), Duration>
where
    T: Send + 'static,
    R: Send + 'static,
{
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("seloste-render".into())
        .spawn(move || {
            let r = f(&data);
            let _ = tx.send((data, r));
        });
    if spawned.is_err() {
        return Err(Duration::ZERO);
    }
    rx.recv_timeout(deadline).map_err(|_| deadline)
}

/// The output directory to use: `out` if given, else the project's `settings.output_dir`.
///
/// Refused: a symbolic link; the project directory, a directory above it, the register or
/// template directory or anything in them (a build replaces the whole output directory); and,
/// for the project's own setting, anything that resolves outside the project.
pub fn output_dir(project: &Project, out: Option<&Path>) -> Result<PathBuf, BuildError> {
    let chosen = out.map_or_else(|| project.output_dir.clone(), Path::to_path_buf);
    let refuse = |reason: &str| BuildError::OutputDir {
        path: chosen.clone(),
        reason: reason.to_string(),
    };
    let io = |e: std::io::Error| refuse(&e.to_string());
    let root = ProjectRoot::new(&project.root).map_err(io)?;
    if let Ok(m) = std::fs::symlink_metadata(&chosen)
        && m.file_type().is_symlink()
    {
        return Err(refuse(
            "it is a symbolic link; seloste writes only into a real directory",
        ));
    }
    // Whoever runs seloste chooses `--out`, but the project's own directories on the way are
    // the pull request's: a committed link `public -> /srv/www` would carry a trusted
    // `--out public/tietosuoja` anywhere. So below the project directory every step must be a
    // real directory, and none may be `.git`.
    let cwd = std::env::current_dir().map_err(io)?;
    let lexical_root = lexical(&cwd.join(&project.root));
    if let Ok(below) = lexical(&cwd.join(&chosen)).strip_prefix(&lexical_root) {
        let mut step = lexical_root.clone();
        for c in below.components() {
            if c.as_os_str() == ".git" {
                return Err(refuse("it is inside the project's git metadata (.git)"));
            }
            step.push(c);
            match std::fs::symlink_metadata(&step) {
                Ok(m) if m.file_type().is_symlink() => {
                    return Err(refuse(&format!(
                        "the way to it passes through a symbolic link of the project ({}); seloste writes only through real directories",
                        crate::source::display_path(
                            step.strip_prefix(&lexical_root).unwrap_or(&step)
                        )
                    )));
                }
                Ok(_) => {}
                Err(_) => break,
            }
        }
    }
    let abs = ProjectRoot::resolve_future(&chosen).map_err(io)?;
    if abs.starts_with(root.real()) && !root.holds(&abs) {
        return Err(refuse("it is inside the project's git metadata (.git)"));
    }
    if root.real().starts_with(&abs) {
        return Err(refuse(
            "it holds the project itself; a build replaces its whole output directory",
        ));
    }
    let templates = project.root.join("templates");
    for (dir, what) in [
        (Some(&project.notices_dir), "the registers"),
        (project.shared_dir.as_ref(), "the shared definitions"),
        (Some(&templates), "the templates"),
    ]
    .into_iter()
    .filter_map(|(d, w)| Some((d?, w)))
    {
        if let Ok(real) = std::fs::canonicalize(dir)
            && (abs.starts_with(&real) || real.starts_with(&abs))
        {
            return Err(refuse(&format!("it overlaps the directory of {what}")));
        }
    }
    if out.is_none() {
        let spelled = chosen
            .strip_prefix(&project.root)
            .ok()
            .and_then(|p| p.to_str())
            .is_some_and(is_plain_relative);
        if !spelled || !root.holds(&abs) {
            return Err(refuse(
                "`settings.output_dir` must name a directory inside the project; \
                 choose another place with --out",
            ));
        }
    }
    Ok(chosen)
}

/// `path` with `.` and `..` taken away by their spelling alone (no link is followed).
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

/// What the rendering thread hands the writing one.
enum Batch {
    /// Pages to write.
    Files(Vec<OutputFile>),
    /// Every page was handed over, or a template failed.
    Done(Result<(), BuildError>),
}

/// Why the rendering thread stopped early.
enum Halt {
    /// A template failed.
    Render(RenderError),
    /// A register could not be loaded again.
    Reload(ReloadError),
    /// The writing thread no longer listens (it failed, or the time ran out).
    Gone,
}

impl From<RenderError> for Halt {
    fn from(e: RenderError) -> Self {
        Halt::Render(e)
    }
}

impl From<ReloadError> for Halt {
    fn from(e: ReloadError) -> Self {
        Halt::Reload(e)
    }
}

impl From<std::convert::Infallible> for Halt {
    fn from(e: std::convert::Infallible) -> Self {
        match e {}
    }
}

/// The registers a build renders.
pub enum Source {
    /// Held in memory.
    Held(Vec<RegisterDoc>),
    /// Loaded again a batch at a time.
    Reload(Reload),
}

impl Source {
    /// How many registers.
    pub fn len(&self) -> usize {
        match self {
            Source::Held(r) => r.len(),
            Source::Reload(r) => r.len(),
        }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Renders every register and the index under the time budget, and adds the pages to
/// `staging` a batch at a time as they come; a draft marks `marks`.
///
/// Rendering runs on a thread of its own (the registers in parallel on rayon's pool) and hands
/// each batch over a channel that holds one, so that at most three batches live at once: one
/// being rendered, one waiting, one being written. The budget counts the time this thread
/// waits for a batch, not the time it spends writing one: a template that loops runs it out,
/// a slow disk does not. On time-out the rendering thread is left to the process's end, as in
/// [`with_deadline`]; it stops at its next batch, as nobody takes it.
#[allow(clippy::too_many_arguments)]
pub fn render_into(
    staging: &mut Staging,
    project: Project,
    registers: Source,
    templates: Arc<Templates>,
    opts: RenderOptions,
    marks: Marks,
    deadline: Duration,
    progress: Arc<dyn Fn() + Send + Sync>,
) -> Result<(), BuildError> {
    let (tx, rx) = mpsc::sync_channel::<Batch>(1);
    let spawned = std::thread::Builder::new()
        .name("seloste-render".into())
        .spawn(move || {
            let send = |files| tx.send(Batch::Files(files)).map_err(|_| Halt::Gone);
            let done = match &registers {
                Source::Held(r) => Pages::new(&project, &r[..], &templates, &opts, &marks)
                    .each_batch(&*progress, send),
                Source::Reload(r) => {
                    Pages::new(&project, r, &templates, &opts, &marks).each_batch(&*progress, send)
                }
            };
            let done = match done {
                Ok(()) => Ok(()),
                Err(Halt::Render(e)) => Err(BuildError::Render(Box::new(e))),
                Err(Halt::Reload(e)) => Err(BuildError::Reload(e)),
                Err(Halt::Gone) => return,
            };
            let _ = tx.send(Batch::Done(done));
        });
    if spawned.is_err() {
        return Err(BuildError::Timeout(Duration::ZERO));
    }
    let mut left = deadline;
    loop {
        let waiting = Instant::now();
        let batch = rx.recv_timeout(left);
        left = left.saturating_sub(waiting.elapsed());
        match batch {
            Ok(Batch::Files(files)) => staging.add(&files).map_err(BuildError::Write)?,
            Ok(Batch::Done(done)) => return done,
            Err(mpsc::RecvTimeoutError::Timeout) => return Err(BuildError::Timeout(deadline)),
            Err(mpsc::RecvTimeoutError::Disconnected) => return Err(BuildError::Stopped),
        }
    }
}

/// Builds the project of `outcome`: checks that it may be built, renders it, and writes it.
/// The project and its registers are moved out of `outcome`; its sources stay, for
/// reporting a [`BuildError::Render`] at its place in a template.
pub fn build(
    outcome: &mut Outcome,
    opts: &BuildOptions,
    progress: Arc<dyn Fn() + Send + Sync>,
) -> Result<Built, BuildError> {
    let tally = outcome.tally();
    if tally.input_errors > 0 {
        return Err(BuildError::Input);
    }
    if tally.errors > 0 && !opts.render.draft {
        return Err(BuildError::Findings(tally.errors));
    }
    let (Some(project), Some(templates)) = (outcome.project.take(), outcome.templates.clone())
    else {
        return Err(BuildError::Input);
    };
    let out_dir = output_dir(&project, opts.out.as_deref())?;
    let source = match outcome.reload.take() {
        Some(r) => Source::Reload(r),
        None => Source::Held(std::mem::take(&mut outcome.registers)),
    };
    let registers = source.len();
    // A draft marks every finding where it belongs; a published notice has none to mark.
    let marks = if opts.render.draft {
        Marks::from_diagnostics(&outcome.diagnostics, &outcome.sources, Some(project.file))
    } else {
        Marks::none()
    };
    // Dropped on any error below, the staging directory goes, and the old output stays.
    let mut staging = Staging::begin(&out_dir).map_err(BuildError::Write)?;
    render_into(
        &mut staging,
        project,
        source,
        templates,
        opts.render.clone(),
        marks,
        opts.deadline,
        progress,
    )?;
    let write = staging.commit().map_err(BuildError::Write)?;
    Ok(Built {
        registers,
        out_dir,
        write,
    })
}
