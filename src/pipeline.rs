//! The pipeline run by `check` and `build`: discover → load → validate → lint, with registers
//! processed in parallel. The result carries every diagnostic, sorted, with the sources they
//! point into.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::contain::ProjectRoot;
use crate::diagnostic::{Diagnostic, InputError, Tally};
use crate::lint::{self, LintOptions};
use crate::load;
use crate::model::{Project, RegisterDoc};
use crate::paths;
use crate::render::links::ReferenceTargets;
use crate::render::view::Listing;
use crate::render::{FrontMatter, RenderOptions, Templates};
use crate::resolve;
use crate::source::Pos;
use crate::source::{FileId, Sources};
use crate::validate;

/// Options of a pipeline run.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// The date `updated` is judged against.
    pub today: NaiveDate,
    /// Keep the loaded registers (for `build`); `check` drops each after linting it.
    pub keep_registers: bool,
}

/// What a run found.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Every file read; texts are kept for files with diagnostics.
    pub sources: Sources,
    /// All diagnostics, sorted by file, position and code.
    pub diagnostics: Vec<Diagnostic>,
    /// The validated project, if `seloste.yaml` could be read.
    pub project: Option<Project>,
    /// Registers that loaded, in file-name order (only with `keep_registers`).
    pub registers: Vec<RegisterDoc>,
    /// What loads the registers again, a batch at a time (only from [`run_for_build`]).
    pub reload: Option<Reload>,
    /// How many register files were found.
    pub register_files: usize,
    /// The project's templates (built-in, or its own overrides), if they loaded.
    pub templates: Option<Arc<Templates>>,
}

impl Outcome {
    /// Counts of the diagnostics.
    pub fn tally(&self) -> Tally {
        Tally::of(&self.diagnostics)
    }
}

/// Where the pipeline reads files from: the disk, or memory (tests, benchmarks).
pub trait Files: Sync {
    /// The project directory `dir`, resolved.
    fn root(&self, dir: &Path) -> std::io::Result<ProjectRoot>;
    /// Reads a file of the project as text, or says why it cannot.
    fn read(
        &self,
        root: &ProjectRoot,
        path: &Path,
        file: FileId,
    ) -> Result<Arc<str>, Box<Diagnostic>>;
    /// The project's templates: the built-in ones with the project's overrides.
    fn templates(
        &self,
        root: &ProjectRoot,
        sources: &mut Sources,
    ) -> Result<Templates, Box<Diagnostic>>;
    /// Whether `dir` resolves inside the project (a directory the settings name).
    fn is_inside(&self, root: &ProjectRoot, dir: &Path) -> bool;
    /// The register files directly in `dir`, sorted.
    fn list(&self, dir: &Path) -> std::io::Result<Vec<PathBuf>>;
    /// Whether `dir` exists as a directory.
    fn is_dir(&self, dir: &Path) -> bool;
}

/// The file system.
#[derive(Clone, Copy, Debug, Default)]
pub struct Disk;

impl Files for Disk {
    fn root(&self, dir: &Path) -> std::io::Result<ProjectRoot> {
        ProjectRoot::new(dir)
    }

    fn read(
        &self,
        root: &ProjectRoot,
        path: &Path,
        file: FileId,
    ) -> Result<Arc<str>, Box<Diagnostic>> {
        load::read_text(root, path, file)
    }

    fn templates(
        &self,
        root: &ProjectRoot,
        sources: &mut Sources,
    ) -> Result<Templates, Box<Diagnostic>> {
        crate::render::templates::load(root, sources)
    }

    fn is_inside(&self, root: &ProjectRoot, dir: &Path) -> bool {
        // A directory that does not exist is reported when it is listed.
        match std::fs::canonicalize(dir) {
            Ok(real) => root.holds(&real),
            Err(_) => true,
        }
    }

    fn list(&self, dir: &Path) -> std::io::Result<Vec<PathBuf>> {
        load::register_paths(dir)
    }

    fn is_dir(&self, dir: &Path) -> bool {
        dir.is_dir()
    }
}

/// Files held in memory, by path.
#[derive(Clone, Debug, Default)]
pub struct MemoryFiles {
    files: BTreeMap<PathBuf, Arc<str>>,
}

impl MemoryFiles {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file, normalised as a file read from disk is (see [`load::normalize_text`]).
    pub fn insert(&mut self, path: impl Into<PathBuf>, text: &str) -> &mut Self {
        self.files.insert(
            path.into(),
            Arc::from(load::normalize_text(text.to_string())),
        );
        self
    }
}

impl Files for MemoryFiles {
    fn root(&self, dir: &Path) -> std::io::Result<ProjectRoot> {
        Ok(ProjectRoot::unresolved(dir))
    }

    fn templates(&self, _: &ProjectRoot, _: &mut Sources) -> Result<Templates, Box<Diagnostic>> {
        crate::render::templates::builtin().map_err(|e| Box::new(e.to_diagnostic()))
    }

    fn is_inside(&self, _: &ProjectRoot, _: &Path) -> bool {
        true
    }

    fn read(
        &self,
        _: &ProjectRoot,
        path: &Path,
        file: FileId,
    ) -> Result<Arc<str>, Box<Diagnostic>> {
        self.files.get(path).cloned().ok_or_else(|| {
            Box::new(Diagnostic::input(
                InputError::Io,
                file,
                Pos::START,
                format!("cannot read {}: not found", path.display()),
            ))
        })
    }

    fn list(&self, dir: &Path) -> std::io::Result<Vec<PathBuf>> {
        Ok(self
            .files
            .keys()
            .filter(|p| p.parent() == Some(dir) && load::is_register_name(p))
            .cloned()
            .collect())
    }

    fn is_dir(&self, dir: &Path) -> bool {
        self.files.keys().any(|p| p.starts_with(dir) && p != dir)
    }
}

/// One register's result from the parallel stage.
struct RegisterResult {
    text: Option<Arc<str>>,
    /// Boxed: a register model is 2.9 KB before it holds anything, and the results of
    /// every register are collected at once (50,000 × 2.9 KB, where check keeps none).
    doc: Option<Box<RegisterDoc>>,
    diagnostics: Vec<Diagnostic>,
    /// The shared definitions the register refers to; `None` when the file could not be
    /// read or parsed, so what it refers to is unknown.
    used: Option<resolve::Used>,
    /// With `reload`: what loads the register again, and what the index lists of it.
    checked: Option<(Checked, Listing)>,
}

#[allow(clippy::too_many_arguments)]
fn process_register(
    files: &dyn Files,
    root: &ProjectRoot,
    project: &Project,
    file: FileId,
    path: &Path,
    id: Option<String>,
    opts: &Options,
    references: &ReferenceTargets,
    keep: bool,
    reload: bool,
) -> RegisterResult {
    let text = match files.read(root, path, file) {
        Ok(t) => t,
        Err(d) => {
            return RegisterResult {
                text: None,
                doc: None,
                diagnostics: vec![*d],
                used: None,
                checked: None,
            };
        }
    };
    let mut register = match load::parse_register_all(file, &text) {
        Ok(r) => r,
        Err(diagnostics) => {
            return RegisterResult {
                text: Some(text),
                doc: None,
                diagnostics,
                used: None,
                checked: None,
            };
        }
    };
    let (mut diagnostics, used) = resolve::register(
        Some(&project.definitions),
        &project.shared,
        file,
        &mut register,
    );
    if !diagnostics.is_empty() {
        // Like any input error, a reference that names nothing stops the file from being
        // linted: the register lacks what it meant to say, and the rules would report that.
        return RegisterResult {
            text: Some(text),
            doc: None,
            diagnostics,
            used: Some(used),
            checked: None,
        };
    }
    // A file without a usable id was already reported by validate; lint it all the same, but
    // never hand it on to be rendered.
    let has_id = id.is_some();
    let doc = RegisterDoc {
        id: id.unwrap_or_default(),
        file,
        register,
    };
    let lint_opts = LintOptions {
        today: opts.today,
        references,
    };
    diagnostics.extend(lint::lint_register(project, &doc, &text, &lint_opts));
    // Kept for the report's snippets and a draft's marks, which only files with findings need.
    let keep_text = !diagnostics.is_empty();
    let checked = (reload && has_id).then(|| (Checked::of(path, &text, &doc), Listing::of(&doc)));
    RegisterResult {
        text: keep_text.then_some(text),
        doc: (keep && has_id).then(|| Box::new(doc)),
        diagnostics,
        used: Some(used),
        checked,
    }
}

/// Reads the shared definitions: those of `seloste.yaml`, then every file of the shared
/// directory, if it exists, and indexes them all into `project`.
fn load_shared(
    fs: &dyn Files,
    root: &ProjectRoot,
    project: &mut Project,
    sources: &mut Sources,
    config_text: &Arc<str>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    project
        .shared_sources
        .push((project.file, config_text.clone()));
    if let Some(dir) = project.shared_dir.clone() {
        if !fs.is_inside(root, &dir) {
            diagnostics.push(
                Diagnostic::input_unlocated(
                    InputError::OutsideProject,
                    format!(
                        "the shared directory {} leads outside the project (a symbolic link), which seloste does not read",
                        crate::source::display_path(&dir)
                    ),
                )
                .with_help("keep the shared definitions in a directory of the project"),
            );
        } else {
            let mut paths = fs.list(&dir).unwrap_or_else(|e| {
                diagnostics.push(Diagnostic::input_unlocated(
                    InputError::Io,
                    format!(
                        "cannot read the shared directory {}: {e}",
                        crate::source::display_path(&dir)
                    ),
                ));
                Vec::new()
            });
            paths.sort();
            for path in paths {
                let file = sources.add(path.clone(), None);
                let text = match fs.read(root, &path, file) {
                    Ok(t) => t,
                    Err(d) => {
                        diagnostics.push(*d);
                        continue;
                    }
                };
                sources.set_text(file, Some(text.clone()));
                match load::parse_shared_all(file, &text) {
                    Ok(defs) => {
                        project.definitions.extend(defs);
                        project.shared_sources.push((file, text));
                    }
                    Err(d) => diagnostics.extend(d),
                }
            }
        }
    }
    let (index, errors) = resolve::SharedIndex::new(&project.definitions, project.file);
    diagnostics.extend(errors);
    project.shared = Arc::new(index);
}

/// What a reference by id may name in the project: the section anchors of its templates (the
/// built-in ones when its own failed to load, which is reported), the registers with a usable
/// id, and its combined notices.
fn reference_targets(
    templates: Option<&Templates>,
    project: &Project,
    ids: &[Option<String>],
) -> ReferenceTargets {
    let ids = ids.iter().flatten().map(String::as_str);
    match templates {
        Some(t) => ReferenceTargets::new(t, project, ids),
        None => match crate::render::templates::builtin() {
            Ok(t) => ReferenceTargets::new(&t, project, ids),
            Err(_) => ReferenceTargets::default(),
        },
    }
}

/// Runs the pipeline on the project at `path` (or found upward from `cwd`).
pub fn run(path: Option<&Path>, cwd: &Path, opts: &Options) -> Outcome {
    match load::discover(path, cwd) {
        Ok(config_path) => run_project(&config_path, &Disk, opts),
        Err(d) => Outcome {
            diagnostics: vec![*d],
            ..Outcome::default()
        },
    }
}

/// What `check` found in the projects of the paths a user named, merged for one report.
#[derive(Debug, Default)]
pub struct Findings {
    /// The files of every project checked, in one table.
    pub sources: Sources,
    /// What is reported: the paths that could not be used, then each project's diagnostics
    /// narrowed to what was named ([`paths::Scope::retain`]), sorted within each project.
    pub diagnostics: Vec<Diagnostic>,
    /// How many registers are reported on: all of a project checked whole, the named ones
    /// of another.
    pub registers: usize,
    /// How many projects were checked.
    pub projects: usize,
    /// Files named that no project reads.
    pub ignored: Vec<paths::Ignored>,
}

impl Findings {
    /// Counts of the diagnostics.
    pub fn tally(&self) -> Tally {
        Tally::of(&self.diagnostics)
    }

    /// Adds one project's files and diagnostics, its file ids moved past the files already
    /// held.
    fn merge(&mut self, sources: &Sources, diagnostics: Vec<Diagnostic>) {
        let offset = self.sources.len() as u32;
        for (_, f) in sources.iter() {
            self.sources.add(f.path.clone(), f.text.clone());
        }
        let moved = |f: FileId| FileId(f.0 + offset);
        self.diagnostics
            .extend(diagnostics.into_iter().map(|mut d| {
                d.file = d.file.map(moved);
                if let Some(p) = &mut d.pos {
                    p.file = p.file.map(moved);
                }
                for r in &mut d.registers {
                    *r = moved(*r);
                }
                d
            }));
    }
}

/// Runs the pipeline on the projects that `paths` name (see [`paths`]): each project once,
/// whole, reporting what lies in the named files. Without paths, on the project found from
/// `cwd` upward.
pub fn check_paths(paths: &[PathBuf], cwd: &Path, opts: &Options) -> Findings {
    let plan = paths::plan(Some("seloste check"), paths, cwd);
    let mut out = Findings {
        diagnostics: plan.errors,
        ignored: plan.ignored,
        ..Findings::default()
    };
    for target in plan.targets {
        let mut outcome = run_project(&target.config, &Disk, opts);
        target.scope.retain(
            &outcome.sources,
            outcome.project.as_ref(),
            &mut outcome.diagnostics,
        );
        out.registers += target.scope.registers(outcome.register_files);
        out.projects += 1;
        out.merge(&outcome.sources, outcome.diagnostics);
    }
    out
}

/// [`run`] for `build`: every register is checked as `check` checks it, its model dropped
/// after linting it, and [`Outcome::reload`] keeps what loads it again when its pages are
/// rendered, a batch at a time. A register's model is about three times its YAML (15 KB):
/// holding every one would take 700 MB for 50,000 registers.
pub fn run_for_build(path: Option<&Path>, cwd: &Path, today: NaiveDate) -> Outcome {
    let opts = Options {
        today,
        keep_registers: false,
    };
    match load::discover(path, cwd) {
        Ok(config_path) => run_project_as(&config_path, &Disk, &opts, true),
        Err(d) => Outcome {
            diagnostics: vec![*d],
            ..Outcome::default()
        },
    }
}

/// Runs the pipeline on the project whose `seloste.yaml` is `config_path`, reading from `fs`.
pub fn run_project(config_path: &Path, fs: &dyn Files, opts: &Options) -> Outcome {
    run_project_as(config_path, fs, opts, false)
}

/// [`run_project`]; with `reload`, as [`run_for_build`].
fn run_project_as(config_path: &Path, fs: &dyn Files, opts: &Options, reload: bool) -> Outcome {
    let mut out = Outcome::default();
    let config_path = config_path.to_path_buf();
    let root = config_path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let config_file = out.sources.add(config_path.clone(), None);
    let root = match fs.root(&root) {
        Ok(r) => r,
        Err(e) => {
            out.diagnostics.push(Diagnostic::input_unlocated(
                InputError::Io,
                format!("cannot read the project directory {}: {e}", root.display()),
            ));
            return out;
        }
    };
    let config_text = match fs.read(&root, &config_path, config_file) {
        Ok(t) => t,
        Err(d) => {
            out.diagnostics.push(*d);
            return out;
        }
    };
    out.sources.set_text(config_file, Some(config_text.clone()));
    let config = match load::parse_project_all(config_file, &config_text) {
        Ok(c) => c,
        Err(d) => {
            // Without the settings, the registers cannot be found or judged.
            out.diagnostics.extend(d);
            return out;
        }
    };
    let (mut project, mut diagnostics) = validate::project(root.shown(), config_file, config);
    if !fs.is_inside(&root, &project.notices_dir) {
        let message = format!(
            "the register directory {} leads outside the project (a symbolic link), which seloste does not read",
            crate::source::display_path(&project.notices_dir)
        );
        // At the setting when there is one; the default directory is named by no line.
        let d = match project
            .config
            .settings
            .as_ref()
            .and_then(|s| s.value.notices_dir.as_ref())
        {
            Some(v) => Diagnostic::input(InputError::OutsideProject, config_file, v.pos, message),
            None => Diagnostic::input_unlocated(InputError::OutsideProject, message),
        };
        diagnostics.push(d.with_help("keep the registers in a directory of the project"));
        out.diagnostics = diagnostics;
        out.project = Some(project);
        return out;
    }
    load_shared(
        fs,
        &root,
        &mut project,
        &mut out.sources,
        &config_text,
        &mut diagnostics,
    );
    let templates = match fs.templates(&root, &mut out.sources) {
        Ok(t) => Some(Arc::new(t)),
        Err(d) => {
            diagnostics.push(*d);
            None
        }
    };
    // With templates of its own, `check` renders every register to find their errors too.
    // (A build renders them anyway.)
    let trial = !opts.keep_registers
        && !reload
        && templates.as_ref().is_some_and(|t| !t.overrides.is_empty());
    let keep = opts.keep_registers || trial;

    let paths = match fs.list(&project.notices_dir) {
        Ok(p) => p,
        Err(e) => {
            diagnostics.push(
                Diagnostic::input_unlocated(
                    InputError::Io,
                    format!("cannot read the register directory {}: {e}", crate::source::display_path(&project.notices_dir)),
                )
                .with_help("create it and add a register with `seloste new NAME`, or set `settings.notices_dir`"),
            );
            Vec::new()
        }
    };
    if paths.is_empty() && fs.is_dir(&project.notices_dir) {
        diagnostics.push(
            Diagnostic::input_unlocated(
                InputError::NoRegisters,
                format!(
                    "{} holds no register files (*.yaml)",
                    crate::source::display_path(&project.notices_dir)
                ),
            )
            .with_help("add one with `seloste new NAME`"),
        );
    }
    out.register_files = paths.len();
    let files: Vec<(FileId, PathBuf)> = paths
        .into_iter()
        .map(|p| (out.sources.add(p.clone(), None), p))
        .collect();
    let (ids, id_diagnostics) = validate::register_ids(&files);
    diagnostics.extend(id_diagnostics);
    diagnostics.extend(validate::combined(&project, &ids));
    let references = reference_targets(templates.as_deref(), &project, &ids);

    let results: Vec<RegisterResult> = files
        .par_iter()
        .zip(ids.into_par_iter())
        .map(|((file, path), id)| {
            process_register(
                fs,
                &root,
                &project,
                *file,
                path,
                id,
                opts,
                &references,
                keep,
                reload,
            )
        })
        .collect();

    let (project_errors, mut used) = resolve::project(&mut project);
    diagnostics.extend(project_errors);
    // What registers found in the shared definitions they copied, said once.
    let mut in_shared: Vec<Diagnostic> = Vec::new();
    let mut seen = std::collections::HashMap::new();
    // A register that cannot be read or parsed may refer to any definition: none is then
    // reported unused.
    let mut all_used_known = true;
    let (mut checked, mut listings) = (Vec::new(), Vec::new());
    for ((file, _), r) in files.iter().zip(results) {
        if r.text.is_some() {
            out.sources.set_text(*file, r.text);
        }
        for d in r.diagnostics {
            if d.file.is_some_and(|f| project.shared_text(f).is_some()) {
                let key = (d.code, d.pos.map(|p| (p.line, p.column)), d.message.clone());
                match seen.get(&key) {
                    Some(&i) => {
                        let kept: &mut Diagnostic = &mut in_shared[i];
                        kept.registers.extend(d.registers);
                    }
                    None => {
                        seen.insert(key, in_shared.len());
                        in_shared.push(d);
                    }
                }
            } else {
                diagnostics.push(d);
            }
        }
        match r.used {
            Some(u) => used.extend(u),
            None => all_used_known = false,
        }
        if let Some(doc) = r.doc {
            out.registers.push(*doc);
        }
        if let Some((c, listing)) = r.checked {
            checked.push(c);
            listings.push(listing);
        }
    }
    if reload {
        out.reload = Some(Reload {
            root: root.clone(),
            registers: checked,
            listings,
            definitions: Arc::new(project.definitions.clone()),
            index: project.shared.clone(),
        });
    }
    diagnostics.extend(lint::lint_project(
        &project,
        &config_text,
        &LintOptions {
            today: opts.today,
            references: &references,
        },
        lint::SharedUse {
            used: (out.register_files > 0 && all_used_known).then_some(&used),
            findings: in_shared,
        },
    ));

    diagnostics.extend(stale_schemas(
        fs,
        &root,
        &project,
        (config_file, &config_text),
        &files,
        &mut out.sources,
    ));

    if trial && let Some(t) = &templates {
        let registers = std::mem::take(&mut out.registers);
        let deadline = crate::build::render_deadline(registers.len());
        let opts = RenderOptions {
            draft: true,
            front_matter: FrontMatter::None,
            fragments: false,
            id_prefix: None,
            today: opts.today,
        };
        let t = t.clone();
        match crate::build::with_deadline((project, registers), deadline, move |(p, r)| {
            // Every page is rendered and dropped: only whether the templates work matters.
            let marks = crate::render::Marks::none();
            crate::render::Pages::new(p, &r[..], &t, &opts, &marks)
                .each_batch(&|| {}, |_| Ok::<(), crate::render::RenderError>(()))
        }) {
            Ok(((p, _), result)) => {
                project = p;
                if let Err(e) = result {
                    diagnostics.push(e.to_diagnostic());
                }
            }
            Err(d) => {
                diagnostics.push(Diagnostic::input_unlocated(
                    InputError::Template,
                    format!(
                        "rendering with the project's templates took longer than {} s: does a template loop without end?",
                        d.as_secs()
                    ),
                ));
                out.diagnostics = diagnostics;
                out.templates = templates;
                return out;
            }
        }
    }
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out.diagnostics = diagnostics;
    out.project = Some(project);
    out.templates = templates;
    out
}

/// The copies of the JSON Schema the project's files name (and those of its `schema/`
/// directory), read — inside the project only — and judged by `stale-schema`. A copy that
/// cannot be read is no finding: the editor says so itself.
fn stale_schemas(
    fs: &dyn Files,
    root: &ProjectRoot,
    project: &Project,
    config: (FileId, &str),
    registers: &[(FileId, PathBuf)],
    sources: &mut Sources,
) -> Vec<Diagnostic> {
    use crate::lint::rules::stale_schema;
    let texts: Vec<(FileId, PathBuf, Arc<str>)> = registers
        .iter()
        .filter_map(|(file, path)| {
            let text = sources.get(*file).text.clone()?;
            let dir = path.parent()?.strip_prefix(root.shown()).ok()?;
            Some((*file, dir.to_path_buf(), text))
        })
        .collect();
    let copies = stale_schema::copies(config, texts.iter().map(|(f, d, t)| (*f, d.clone(), &**t)));
    let mut out = Vec::new();
    for (path, which, named_at) in copies {
        let shown = root.shown().join(&path);
        // The id only labels a read error, which is dropped.
        let Ok(text) = fs.read(root, &shown, config.0) else {
            continue;
        };
        if stale_schema::is_current(&text, which) {
            continue;
        }
        let at = match named_at {
            Some(at) => at,
            None => (sources.add(shown.clone(), Some(text)), Pos::at(1, 1)),
        };
        stale_schema::report(
            project,
            at,
            &crate::source::display_path(&shown),
            which,
            &mut out,
        );
    }
    out
}

/// The registers of a build, checked and dropped by [`run_for_build`], to be loaded again a
/// batch at a time as their pages are rendered ([`crate::render::Registers`]).
#[derive(Debug)]
pub struct Reload {
    root: ProjectRoot,
    registers: Vec<Checked>,
    /// What the index reads of each register, in the same order.
    listings: Vec<Listing>,
    /// The shared definitions, put in place again as the check did.
    definitions: Arc<crate::model::Shared>,
    index: Arc<resolve::SharedIndex>,
}

/// A checked register: which it is, where, and what it was.
#[derive(Debug)]
struct Checked {
    id: String,
    file: FileId,
    path: PathBuf,
    /// A hash of the text that was checked: what is rendered must be what was checked.
    hash: u64,
}

fn text_hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

impl Checked {
    fn of(path: &Path, text: &str, doc: &RegisterDoc) -> Checked {
        Checked {
            id: doc.id.clone(),
            file: doc.file,
            path: path.to_path_buf(),
            hash: text_hash(text),
        }
    }

    /// Reads and parses the register again, and puts the shared definitions in place, as
    /// [`process_register`] did.
    fn load(
        &self,
        root: &ProjectRoot,
        definitions: &crate::model::Shared,
        index: &resolve::SharedIndex,
    ) -> Result<RegisterDoc, ReloadError> {
        let fail = |reason: String| ReloadError {
            path: self.path.clone(),
            reason,
        };
        let file = self.file;
        let text = load::read_text(root, &self.path, file).map_err(|d| fail(d.message))?;
        if text_hash(&text) != self.hash {
            return Err(fail("it changed after it was checked".into()));
        }
        let mut register = load::parse_register_all(file, &text)
            .map_err(|d| fail(d.first().map(|d| d.message.clone()).unwrap_or_default()))?;
        let (errors, _) = resolve::register(Some(definitions), index, file, &mut register);
        if let Some(e) = errors.first() {
            return Err(fail(e.message.clone()));
        }
        Ok(RegisterDoc {
            id: self.id.clone(),
            file,
            register,
        })
    }
}

impl Reload {
    /// How many registers.
    pub fn len(&self) -> usize {
        self.registers.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.registers.is_empty()
    }
}

impl crate::render::Registers for Reload {
    type Error = ReloadError;

    fn count(&self) -> usize {
        self.registers.len()
    }

    fn batch(
        &self,
        range: std::ops::Range<usize>,
    ) -> Result<std::borrow::Cow<'_, [RegisterDoc]>, ReloadError> {
        self.registers[range]
            .par_iter()
            .map(|c| c.load(&self.root, &self.definitions, &self.index))
            .collect::<Result<Vec<_>, _>>()
            .map(std::borrow::Cow::Owned)
    }

    fn listings(&self) -> std::borrow::Cow<'_, [Listing]> {
        std::borrow::Cow::Borrowed(&self.listings)
    }
}

/// A register that could not be loaded again for rendering, or that changed after it was
/// checked. Nothing is then written.
#[derive(Debug)]
pub struct ReloadError {
    /// The register's file.
    pub path: PathBuf,
    /// Why.
    pub reason: String,
}

impl std::fmt::Display for ReloadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {}",
            crate::source::display_path(&self.path),
            self.reason
        )
    }
}

impl std::error::Error for ReloadError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_projects_keep_pointing_at_their_own_files() {
        let project = |name: &str| {
            let mut sources = Sources::new();
            let config = sources.add(format!("{name}/seloste.yaml").into(), None);
            let register = sources.add(format!("{name}/notices/a.yaml").into(), None);
            let mut d = Diagnostic::input(InputError::YamlSyntax, config, Pos::START, name);
            d.pos = Some(Pos {
                file: Some(config),
                ..Pos::START
            });
            d.registers = vec![register];
            (sources, vec![d])
        };
        let mut found = Findings::default();
        for name in ["yksi", "kaksi"] {
            let (sources, diagnostics) = project(name);
            found.merge(&sources, diagnostics);
        }
        assert_eq!(found.sources.len(), 4);
        for d in &found.diagnostics {
            let path = |f: FileId| found.sources.get(f).display_path();
            assert_eq!(path(d.file.unwrap()), format!("{}/seloste.yaml", d.message));
            assert_eq!(path(d.pos.unwrap().file.unwrap()), path(d.file.unwrap()));
            assert_eq!(
                path(d.registers[0]),
                format!("{}/notices/a.yaml", d.message)
            );
        }
        assert_eq!(found.tally().input_errors, 2);
    }
}
