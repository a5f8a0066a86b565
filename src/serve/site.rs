//! A draft build of the project into memory: the pages `seloste build --draft` would write,
//! held as bytes by their output path, never written anywhere.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::build::{self, Source};
use crate::diagnostic::{Diagnostic, Kind, Severity, Tally};
use crate::pipeline::{self, Outcome};
use crate::render::{FrontMatter, Marks, OutputFile, Pages, RenderError, RenderOptions};

use super::watch::WatchSet;

/// The pages of one build, by output path (`index.html`, `asiakasrekisteri.md`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Site {
    files: BTreeMap<String, Arc<[u8]>>,
}

impl Site {
    /// A site of `files`.
    pub fn new(files: Vec<OutputFile>) -> Site {
        Site {
            files: files
                .into_iter()
                .map(|f| (f.path, Arc::from(f.contents.into_bytes())))
                .collect(),
        }
    }

    /// The file at `path`, if the build produced it.
    pub fn get(&self, path: &str) -> Option<&Arc<[u8]>> {
        self.files.get(path)
    }

    /// The paths of the HTML pages, in order.
    pub fn pages(&self) -> impl Iterator<Item = &str> {
        self.files
            .keys()
            .map(String::as_str)
            .filter(|p| p.ends_with(".html"))
    }

    /// How many files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// One diagnostic as the overlay shows it: every string as the user's files gave it (the
/// overlay escapes them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// `path:line:col`, or the path alone, or empty for a problem of no file.
    pub at: String,
    /// `input error`, `error` or `warning`.
    pub level: &'static str,
    /// The rule or input-error code.
    pub code: &'static str,
    /// The message.
    pub message: String,
    /// What to do about it.
    pub help: Vec<String>,
}

impl Problem {
    fn of(d: &Diagnostic, outcome: &Outcome) -> Problem {
        let path = d.file.map(|f| outcome.sources.get(f).display_path());
        let at = match (path, d.pos) {
            (Some(p), Some(pos)) => format!("{p}:{}:{}", pos.line, pos.column),
            (Some(p), None) => p,
            (None, _) => String::new(),
        };
        let level = match (d.kind(), d.severity) {
            (Kind::Input, _) => "input error",
            (Kind::Lint, Severity::Error) => "error",
            (Kind::Lint, Severity::Warning) => "warning",
        };
        Problem {
            at,
            level,
            code: d.code.as_str(),
            message: d.message.clone(),
            help: d.help.clone(),
        }
    }
}

/// What one build gave.
#[derive(Debug)]
pub struct Build {
    /// The pages, unless the project could not be read or rendered.
    pub site: Option<Site>,
    /// Every diagnostic, sorted, as the overlay shows it.
    pub problems: Vec<Problem>,
    /// Counts of the diagnostics.
    pub tally: Tally,
    /// `4 registers checked: 2 errors` (as `check` says it).
    pub summary: String,
    /// The register files found.
    pub registers: usize,
    /// What the project reads, to watch; `None` when `seloste.yaml` could not be read.
    pub watch: Option<WatchSet>,
    /// How long the build took.
    pub took: Duration,
}

/// Why serving cannot go on.
#[derive(Debug)]
pub enum Fatal {
    /// A template of the project rendered past the time budget: its thread cannot be stopped,
    /// so the process must end to stop it.
    Timeout(Duration),
}

impl std::fmt::Display for Fatal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Fatal::Timeout(d) => write!(
                f,
                "rendering took longer than {} s: does a template of the project loop without end? \
                 Fix it and start `seloste serve` again",
                d.as_secs()
            ),
        }
    }
}

impl std::error::Error for Fatal {}

/// Checks and renders the project of `config` (its `seloste.yaml`) as a draft, into memory:
/// the pages `seloste build --draft` would write, with every finding marked in place.
pub fn build(config: &Path, cwd: &Path, today: NaiveDate) -> Result<Build, Fatal> {
    let started = Instant::now();
    let mut outcome = pipeline::run_for_build(Some(config), cwd, today);
    let watch = outcome
        .project
        .as_ref()
        .map(|p| WatchSet::of_project(config, p, cwd));
    let site = render(&mut outcome, today)?;
    let problems = outcome
        .diagnostics
        .iter()
        .map(|d| Problem::of(d, &outcome))
        .collect();
    let report = crate::report::Report {
        sources: &outcome.sources,
        diagnostics: &outcome.diagnostics,
        registers: outcome.register_files,
    };
    Ok(Build {
        site,
        problems,
        tally: outcome.tally(),
        summary: crate::report::summary_line(&report),
        registers: outcome.register_files,
        watch,
        took: started.elapsed(),
    })
}

/// Renders `outcome` as [`build::build`] does with `--draft`, into memory. A template's error,
/// and a register that changed between the check and the render, are added to the outcome's
/// diagnostics and give no site (the next change builds again).
fn render(outcome: &mut Outcome, today: NaiveDate) -> Result<Option<Site>, Fatal> {
    if outcome.tally().input_errors > 0 {
        return Ok(None);
    }
    let (Some(project), Some(templates)) = (outcome.project.take(), outcome.templates.clone())
    else {
        return Ok(None);
    };
    let source = match outcome.reload.take() {
        Some(r) => Source::Reload(r),
        None => Source::Held(std::mem::take(&mut outcome.registers)),
    };
    let marks = Marks::from_diagnostics(&outcome.diagnostics, &outcome.sources, Some(project.file));
    let opts = RenderOptions {
        draft: true,
        front_matter: FrontMatter::None,
        fragments: false,
        id_prefix: None,
        today,
    };
    let deadline = build::render_deadline(source.len());
    let rendered = build::with_deadline(
        (project, source, templates, opts, marks),
        deadline,
        |(project, source, templates, opts, marks)| {
            let mut files = Vec::new();
            let sink = |batch: Vec<OutputFile>| {
                files.extend(batch);
                Ok::<(), Halt>(())
            };
            let done = match source {
                Source::Held(r) => {
                    Pages::new(project, &r[..], templates, opts, marks).each_batch(&|| {}, sink)
                }
                Source::Reload(r) => {
                    Pages::new(project, r, templates, opts, marks).each_batch(&|| {}, sink)
                }
            };
            done.map(|()| files)
        },
    );
    match rendered {
        Ok((_, Ok(files))) => Ok(Some(Site::new(files))),
        Ok((_, Err(Halt::Render(e)))) => {
            outcome.diagnostics.push(e.to_diagnostic());
            Ok(None)
        }
        // Changed while it was being built: the watcher has seen the change and builds again.
        Ok((_, Err(Halt::Reload(e)))) => {
            outcome.diagnostics.push(Diagnostic::input_unlocated(
                crate::diagnostic::InputError::Io,
                e.to_string(),
            ));
            Ok(None)
        }
        Err(d) => Err(Fatal::Timeout(d)),
    }
}

/// Why rendering stopped early.
enum Halt {
    Render(RenderError),
    Reload(pipeline::ReloadError),
}

impl From<RenderError> for Halt {
    fn from(e: RenderError) -> Self {
        Halt::Render(e)
    }
}

impl From<pipeline::ReloadError> for Halt {
    fn from(e: pipeline::ReloadError) -> Self {
        Halt::Reload(e)
    }
}

impl From<std::convert::Infallible> for Halt {
    fn from(e: std::convert::Infallible) -> Self {
        match e {}
    }
}

/// The directory of the project whose `seloste.yaml` is `config`.
pub fn project_dir(config: &Path) -> PathBuf {
    config.parent().map(Path::to_path_buf).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_lists_its_html_pages() {
        let site = Site::new(vec![
            OutputFile {
                path: "index.html".into(),
                contents: "<p>i</p>".into(),
            },
            OutputFile {
                path: "index.md".into(),
                contents: "i".into(),
            },
        ]);
        assert_eq!(site.pages().collect::<Vec<_>>(), ["index.html"]);
        assert_eq!(site.get("index.md").map(|b| &b[..]), Some(&b"i"[..]));
        assert!(site.get("../index.md").is_none());
    }
}
