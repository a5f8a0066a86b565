//! The paths a user names on the command line — a project directory, a `seloste.yaml`, a
//! register file, or any file at all (pre-commit passes every staged file its pattern
//! matches) — sorted into the projects they belong to, and what a check of them reports.
//!
//! A file belongs to the project of the nearest `seloste.yaml` at or above its directory (not
//! above the root of the repository), and only if that project reads it: `seloste.yaml`
//! itself, a register (`*.yaml` directly in `settings.notices_dir`), a file of shared
//! definitions (directly in `settings.shared_dir`), or a template override
//! (`templates/fi/<name>` or `templates/<name>` of a built-in template). Any other file — an
//! unrelated YAML file, a Zola `templates/index.html` — is ignored.
//!
//! A register file narrows the check of its project to itself: the whole project is loaded
//! (a register is judged together with `seloste.yaml` and the shared definitions), and what is
//! reported is what is located in the named registers, the findings in a shared definition
//! that a named register copies, and the input errors outside the registers (they keep the
//! project, or some of it, from being read). A file every register depends on — `seloste.yaml`,
//! shared definitions, a template — widens the check to the whole project, since a change to
//! it can change what any register says. Each project is checked once, however many of its
//! files are named.

use std::collections::{BTreeSet, HashMap};
use std::ffi::OsString;
use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::characters::one_line;
use crate::contain::ProjectRoot;
use crate::diagnostic::{Diagnostic, InputError, Kind};
use crate::load::{self, PROJECT_FILE};
use crate::model::Project;
use crate::render::templates::{BUILTIN, DEFAULT_LANGUAGE};
use crate::source::{FileId, Sources, display_path};

/// The named paths, sorted into projects.
#[derive(Debug, Default)]
pub struct Plan {
    /// The projects to check, in the order they were first named.
    pub targets: Vec<Target>,
    /// Files named that no project reads.
    pub ignored: Vec<Ignored>,
    /// Paths that cannot be used (they do not exist; a directory holds no project), as
    /// input errors.
    pub errors: Vec<Diagnostic>,
}

/// One project to check, and how much of it to report.
#[derive(Debug)]
pub struct Target {
    /// Its `seloste.yaml`, as the user would write it.
    pub config: PathBuf,
    /// What of it was named.
    pub scope: Scope,
    /// `config` resolved: the same project named two ways is one target.
    key: PathBuf,
}

/// How much of a project was named.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The project: its directory, `seloste.yaml`, or a file every register depends on.
    Project,
    /// Register files of the project, by file name (they lie in its register directory).
    Registers(BTreeSet<OsString>),
}

/// A file named that no project reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ignored {
    /// The file as named.
    pub path: PathBuf,
    /// The project above it, which does not read it; `None`: there is none.
    pub project: Option<PathBuf>,
}

/// What a file is to the project it lies in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Member {
    /// `seloste.yaml`.
    ProjectFile,
    /// A register file.
    Register,
    /// A file of shared definitions.
    Shared,
    /// A template override.
    Template,
}

/// Sorts `paths` into projects. Without paths, the project is found from `cwd` upward, as
/// [`load::discover_for`] finds it (`command` is what its help tells to run).
pub fn plan(command: Option<&str>, paths: &[PathBuf], cwd: &Path) -> Plan {
    let mut plan = Plan::default();
    if paths.is_empty() {
        match load::discover_for(command, None, cwd) {
            Ok(config) => plan.add(cwd, config, None),
            Err(d) => plan.errors.push(*d),
        }
        return plan;
    }
    // The layout of each project met, by its resolved seloste.yaml: read once, however many
    // of its files are named.
    let mut layouts: HashMap<PathBuf, Option<Layout>> = HashMap::new();
    for path in paths {
        // The file system is asked about the path as it lies from `cwd`; the user is told
        // about it as it was named.
        let at = cwd.join(path);
        if fs::symlink_metadata(&at).is_err() {
            plan.errors.push(
                Diagnostic::input_unlocated(
                    InputError::Io,
                    format!("{} does not exist", display_path(path)),
                )
                .with_help(
                    "pass a project directory, its seloste.yaml, or a register file of the project",
                ),
            );
            continue;
        }
        if at.is_dir() {
            // `seloste check notices`: a directory the project above reads (its register or
            // shared directory, its templates) stands for its project.
            if !at.join(PROJECT_FILE).is_file()
                && let Some(config) = project_of(&path.join(PROJECT_FILE), cwd)
                && layouts
                    .entry(resolved(&cwd.join(&config)))
                    .or_insert_with(|| Layout::of(&cwd.join(&config)))
                    .as_ref()
                    .is_some_and(|l| l.reads_directory(&at))
            {
                plan.add(cwd, config, None);
                continue;
            }
            match load::discover_for(command, Some(path), cwd) {
                Ok(config) => plan.add(cwd, config, None),
                Err(d) => plan.errors.push(*d),
            }
            continue;
        }
        if path.file_name().is_some_and(|n| n == PROJECT_FILE) {
            plan.add(cwd, path.clone(), None);
            continue;
        }
        let Some(config) = project_of(path, cwd) else {
            plan.ignored.push(Ignored {
                path: path.clone(),
                project: None,
            });
            continue;
        };
        let layout = layouts
            .entry(resolved(&cwd.join(&config)))
            .or_insert_with(|| Layout::of(&cwd.join(&config)));
        match layout.as_ref().map(|l| l.member(&at)) {
            Some(Some(Member::Register)) => {
                let name = path.file_name().map(OsString::from);
                plan.add(cwd, config, name);
            }
            // A seloste.yaml that cannot be read: the check says why, and nothing else.
            None | Some(Some(_)) => plan.add(cwd, config, None),
            Some(None) => plan.ignored.push(Ignored {
                path: path.clone(),
                project: Some(config),
            }),
        }
    }
    plan
}

impl Plan {
    /// Adds `config`'s project: the whole of it (`register` `None`), or one register file.
    fn add(&mut self, cwd: &Path, config: PathBuf, register: Option<OsString>) {
        let key = resolved(&cwd.join(&config));
        let target = match self.targets.iter_mut().find(|t| t.key == key) {
            Some(t) => t,
            None => {
                self.targets.push(Target {
                    config,
                    scope: Scope::Registers(BTreeSet::new()),
                    key,
                });
                self.targets.last_mut().expect("just pushed")
            }
        };
        match (&mut target.scope, register) {
            (Scope::Registers(names), Some(name)) => {
                names.insert(name);
            }
            (scope, None) => *scope = Scope::Project,
            (Scope::Project, Some(_)) => {}
        }
    }
}

/// A path resolved, to tell whether two spellings name the same file; as it is if it cannot
/// be resolved.
fn resolved(path: &Path) -> PathBuf {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The nearest `seloste.yaml` at or above the directory of `file`, not above the root of the
/// repository (a directory holding `.git`) it is in: shown relative to `cwd` when `file` is
/// relative. Only whether a `seloste.yaml` is there is looked at.
pub fn project_of(file: &Path, cwd: &Path) -> Option<PathBuf> {
    let dir = file.parent().unwrap_or(Path::new(""));
    let abs = lexical(&cwd.join(dir));
    for d in abs.ancestors() {
        let f = d.join(PROJECT_FILE);
        if f.is_file() {
            return Some(if file.is_absolute() {
                f
            } else {
                relative(&f, &lexical(cwd))
            });
        }
        if d.join(".git").exists() {
            break;
        }
    }
    None
}

/// `path` with `.` left out and each `name/..` taken away, without asking the file system:
/// the directories above a file as the user spelled its path.
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if matches!(out.components().next_back(), Some(Component::Normal(_))) {
                    out.pop();
                } else if !out.has_root() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// `path` relative to `base`, both absolute and [`lexical`]: `../x` where it lies beside.
fn relative(path: &Path, base: &Path) -> PathBuf {
    let p: Vec<Component> = path.components().collect();
    let b: Vec<Component> = base.components().collect();
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in &p[common..] {
        out.push(c);
    }
    out
}

/// The directories of a project whose files it reads, resolved.
#[derive(Debug)]
struct Layout {
    root: PathBuf,
    notices: Option<PathBuf>,
    shared: Option<PathBuf>,
    /// `templates/` and `templates/fi/`.
    templates: Vec<PathBuf>,
}

impl Layout {
    /// The layout of the project of `config`, from its settings as the pipeline reads them.
    /// `None` when `seloste.yaml` cannot be read or parsed, a setting is wrong, or the register
    /// or shared directory leads outside the project: which files the project reads is then
    /// unknown, and a check says what is wrong. A directory that does not exist holds no file.
    fn of(config: &Path) -> Option<Layout> {
        let shown = config.parent().unwrap_or(Path::new(""));
        let root = ProjectRoot::new(shown).ok()?;
        let text = load::read_text(&root, config, FileId(0)).ok()?;
        let file = load::parse_project(FileId(0), &text).ok()?;
        let (project, errors) = crate::validate::project(root.shown(), FileId(0), file);
        if !errors.is_empty() {
            return None;
        }
        // `Err(())`: the directory resolves outside the project.
        let inside = |dir: &Path| match fs::canonicalize(dir) {
            Ok(real) if root.holds(&real) => Ok(Some(real)),
            Ok(_) => Err(()),
            Err(_) => Ok(None),
        };
        let templates = shown.join("templates");
        Some(Layout {
            root: root.real().to_path_buf(),
            notices: inside(&project.notices_dir).ok()?,
            shared: match &project.shared_dir {
                Some(dir) => inside(dir).ok()?,
                None => None,
            },
            // A template that leads outside is reported when templates are loaded.
            templates: [templates.join(DEFAULT_LANGUAGE), templates]
                .iter()
                .filter_map(|d| inside(d).ok().flatten())
                .collect(),
        })
    }

    /// Whether `dir` is a directory the project reads files from: its register or shared
    /// directory, or one of its template directories.
    fn reads_directory(&self, dir: &Path) -> bool {
        let Ok(dir) = fs::canonicalize(dir) else {
            return false;
        };
        self.notices.as_ref() == Some(&dir)
            || self.shared.as_ref() == Some(&dir)
            || self.templates.contains(&dir)
    }

    /// What `file` is to the project, if the project reads it. Its directory is resolved,
    /// its name taken as it is (a register may be a link; reading it says whether it may be).
    fn member(&self, file: &Path) -> Option<Member> {
        let name = file.file_name()?;
        let parent = match file.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let parent = fs::canonicalize(parent).ok()?;
        let yaml = load::is_register_name(file);
        if parent == self.root && name == PROJECT_FILE {
            Some(Member::ProjectFile)
        } else if yaml && self.notices.as_ref() == Some(&parent) {
            Some(Member::Register)
        } else if yaml && self.shared.as_ref() == Some(&parent) {
            Some(Member::Shared)
        } else if self.templates.contains(&parent) && BUILTIN.iter().any(|(n, _)| name == *n) {
            Some(Member::Template)
        } else {
            None
        }
    }
}

impl Scope {
    /// Keeps the diagnostics a check of this scope reports (see the module's documentation).
    /// `project` is `None` when `seloste.yaml` could not be read: then everything is kept, as
    /// it all says why the project cannot be read.
    pub fn retain(
        &self,
        sources: &Sources,
        project: Option<&Project>,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let (Scope::Registers(names), Some(project)) = (self, project) else {
            return;
        };
        let is_register = |f: FileId| sources.get(f).path.parent() == Some(&project.notices_dir);
        let named = |f: FileId| {
            is_register(f)
                && sources
                    .get(f)
                    .path
                    .file_name()
                    .is_some_and(|n| names.contains(n))
        };
        diagnostics.retain(|d| match d.file {
            None => true,
            Some(f) => {
                named(f)
                    || d.registers.iter().any(|&r| named(r))
                    || (d.kind() == Kind::Input && !is_register(f))
            }
        });
    }

    /// How many registers a check of this scope reports on, of the `total` in the project.
    pub fn registers(&self, total: usize) -> usize {
        match self {
            Scope::Project => total,
            Scope::Registers(names) => names.len(),
        }
    }
}

/// One line for standard error saying which named files were ignored, or `None` if none was.
pub fn ignored_note(ignored: &[Ignored]) -> Option<String> {
    let line = match ignored {
        [] => return None,
        [one] => format!(
            "note: ignored {}: {}",
            display_path(&one.path),
            match &one.project {
                None => "no seloste.yaml in its directory or above it".to_string(),
                Some(p) => format!("not a file that the project of {} reads", display_path(p)),
            }
        ),
        many => {
            const NAMED: usize = 5;
            let mut names: Vec<String> = many
                .iter()
                .take(NAMED)
                .map(|i| display_path(&i.path))
                .collect();
            if many.len() > NAMED {
                names.push(format!("and {} more", many.len() - NAMED));
            }
            format!(
                "note: ignored {} files that no seloste project reads: {}",
                many.len(),
                names.join(", ")
            )
        }
    };
    Some(format!("{}\n", one_line(&line)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Code, InputError};
    use crate::source::Pos;

    /// A repository holding a project in `tietosuoja/` with registers in `rekisterit/`,
    /// shared definitions in `yhteiset/` and a template override; and beside it files of no
    /// project.
    fn repo() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for d in [
            ".git",
            "tietosuoja/rekisterit",
            "tietosuoja/notices",
            "tietosuoja/yhteiset",
            "tietosuoja/templates/fi",
            "templates",
        ] {
            fs::create_dir_all(root.join(d)).unwrap();
        }
        let files = [
            (
                "tietosuoja/seloste.yaml",
                "settings:\n  notices_dir: rekisterit\n  shared_dir: yhteiset\n",
            ),
            ("tietosuoja/rekisterit/a.yaml", "title: A\n"),
            ("tietosuoja/rekisterit/b.yml", "title: B\n"),
            ("tietosuoja/rekisterit/notes.txt", ""),
            ("tietosuoja/notices/old.yaml", "title: Old\n"),
            ("tietosuoja/yhteiset/texts.yaml", ""),
            ("tietosuoja/templates/fi/page.html", ""),
            ("tietosuoja/templates/fi/other.html", ""),
            ("templates/index.html", ""),
            ("other.yaml", ""),
        ];
        for (p, text) in files {
            fs::write(root.join(p), text).unwrap();
        }
        dir
    }

    fn names(n: &[&str]) -> Scope {
        Scope::Registers(n.iter().map(OsString::from).collect())
    }

    #[test]
    fn files_are_grouped_by_project_and_members_follow_the_settings() {
        let dir = repo();
        let root = dir.path();
        let at = |p: &str| root.join(p);
        let plan = plan(
            Some("seloste check"),
            &[
                at("tietosuoja/rekisterit/a.yaml"),
                at("other.yaml"),
                at("tietosuoja/./rekisterit/../rekisterit/b.yml"),
                at("tietosuoja/rekisterit/notes.txt"),
                at("tietosuoja/notices/old.yaml"),
                at("templates/index.html"),
                at("tietosuoja/templates/fi/other.html"),
            ],
            root,
        );
        assert!(plan.errors.is_empty(), "{:?}", plan.errors);
        assert_eq!(plan.targets.len(), 1);
        assert_eq!(plan.targets[0].config, at("tietosuoja/seloste.yaml"));
        assert_eq!(plan.targets[0].scope, names(&["a.yaml", "b.yml"]));
        let ignored: Vec<(PathBuf, Option<PathBuf>)> = plan
            .ignored
            .iter()
            .map(|i| (i.path.clone(), i.project.clone()))
            .collect();
        let project = Some(at("tietosuoja/seloste.yaml"));
        assert_eq!(
            ignored,
            [
                (at("other.yaml"), None),
                (at("tietosuoja/rekisterit/notes.txt"), project.clone()),
                // The default register directory, which the settings replace.
                (at("tietosuoja/notices/old.yaml"), project.clone()),
                (at("templates/index.html"), None),
                // Not the name of a built-in template.
                (at("tietosuoja/templates/fi/other.html"), project),
            ]
        );
    }

    #[test]
    fn a_directory_the_project_reads_stands_for_the_project() {
        let dir = repo();
        let root = dir.path();
        let at = |p: &str| root.join(p);
        for d in [
            "tietosuoja/rekisterit",
            "tietosuoja/yhteiset",
            "tietosuoja/templates/fi",
        ] {
            let plan = plan(Some("seloste check"), &[at(d)], root);
            assert!(plan.errors.is_empty(), "{d}: {:?}", plan.errors);
            assert_eq!(plan.targets.len(), 1, "{d}");
            assert_eq!(plan.targets[0].config, at("tietosuoja/seloste.yaml"));
            assert_eq!(plan.targets[0].scope, Scope::Project, "{d}");
        }
        // The default register directory, which the settings replace, is not read; nor is a
        // directory with no seloste.yaml above it.
        for d in ["tietosuoja/notices", "templates"] {
            let plan = plan(Some("seloste check"), &[at(d)], root);
            assert!(plan.targets.is_empty(), "{d}");
            assert_eq!(plan.errors.len(), 1, "{d}");
            assert_eq!(
                plan.errors[0].code,
                Code::Input(InputError::NoProject),
                "{d}"
            );
        }
    }

    #[test]
    fn files_every_register_depends_on_widen_to_the_project() {
        let dir = repo();
        let root = dir.path();
        let at = |p: &str| root.join(p);
        for widening in [
            "tietosuoja/seloste.yaml",
            "tietosuoja/yhteiset/texts.yaml",
            "tietosuoja/templates/fi/page.html",
            "tietosuoja",
        ] {
            let plan = plan(
                None,
                &[at("tietosuoja/rekisterit/a.yaml"), at(widening)],
                root,
            );
            assert!(
                plan.errors.is_empty() && plan.ignored.is_empty(),
                "{widening}"
            );
            assert_eq!(plan.targets.len(), 1, "{widening}");
            assert_eq!(plan.targets[0].scope, Scope::Project, "{widening}");
        }
    }

    #[test]
    fn several_projects_are_kept_apart_and_missing_paths_are_errors() {
        let dir = repo();
        let root = dir.path();
        fs::create_dir_all(root.join("toinen/notices")).unwrap();
        fs::write(root.join("toinen/seloste.yaml"), "").unwrap();
        fs::write(root.join("toinen/notices/c.yaml"), "").unwrap();
        let at = |p: &str| root.join(p);
        let plan = plan(
            None,
            &[
                at("toinen/notices/c.yaml"),
                at("tietosuoja/rekisterit/a.yaml"),
                at("puuttuu.yaml"),
                at("toinen"),
            ],
            root,
        );
        let configs: Vec<&Path> = plan.targets.iter().map(|t| t.config.as_path()).collect();
        // A directory names its project as `discover` does.
        assert_eq!(
            configs,
            [at("toinen/seloste.yaml"), at("tietosuoja/seloste.yaml")]
        );
        assert_eq!(plan.targets[0].scope, Scope::Project);
        assert_eq!(plan.targets[1].scope, names(&["a.yaml"]));
        assert_eq!(plan.errors.len(), 1);
        assert_eq!(plan.errors[0].code.as_str(), "io-error");
        assert!(
            plan.errors[0]
                .message
                .ends_with("puuttuu.yaml does not exist")
        );
    }

    #[test]
    fn an_unreadable_project_file_makes_its_files_members() {
        let dir = repo();
        let root = dir.path();
        fs::write(root.join("tietosuoja/seloste.yaml"), "settings: [\n").unwrap();
        let plan = plan(None, &[root.join("tietosuoja/rekisterit/notes.txt")], root);
        assert_eq!(plan.targets.len(), 1);
        assert_eq!(plan.targets[0].scope, Scope::Project);
    }

    #[test]
    fn a_project_whose_settings_are_wrong_is_checked_whatever_file_is_named() {
        let dir = repo();
        let root = dir.path();
        let config = root.join("tietosuoja/seloste.yaml");
        let named = [root.join("tietosuoja/rekisterit/notes.txt")];
        fs::write(&config, "settings:\n  notices_dir: /etc\n").unwrap();
        assert_eq!(plan(None, &named, root).targets[0].scope, Scope::Project);
        #[cfg(unix)]
        {
            let outside = tempfile::tempdir().unwrap();
            std::os::unix::fs::symlink(outside.path(), root.join("tietosuoja/ulkona")).unwrap();
            fs::write(&config, "settings:\n  notices_dir: ulkona\n").unwrap();
            assert_eq!(plan(None, &named, root).targets[0].scope, Scope::Project);
        }
        // A register directory that does not exist holds no file of the project.
        fs::write(&config, "settings:\n  notices_dir: puuttuu\n").unwrap();
        assert_eq!(plan(None, &named, root).ignored.len(), 1);
    }

    #[test]
    fn the_project_of_a_file_is_shown_as_the_file_was_named() {
        let dir = repo();
        let root = dir.path();
        let cwd = root.join("tietosuoja/rekisterit");
        assert_eq!(
            project_of(Path::new("a.yaml"), &cwd),
            Some(PathBuf::from("../seloste.yaml"))
        );
        assert_eq!(
            project_of(Path::new("tietosuoja/rekisterit/a.yaml"), root),
            Some(PathBuf::from("tietosuoja/seloste.yaml"))
        );
        assert_eq!(
            project_of(Path::new("../../other.yaml"), &cwd),
            None,
            "not above the repository root"
        );
        assert_eq!(
            project_of(&root.join("tietosuoja/yhteiset/texts.yaml"), &cwd),
            Some(root.join("tietosuoja/seloste.yaml"))
        );
    }

    #[test]
    fn lexical_and_relative_paths() {
        assert_eq!(lexical(Path::new("/a/./b/../c")), Path::new("/a/c"));
        assert_eq!(lexical(Path::new("/../a")), Path::new("/a"));
        assert_eq!(lexical(Path::new("../a/..")), Path::new(".."));
        assert_eq!(
            relative(Path::new("/r/p/seloste.yaml"), Path::new("/r/q/s")),
            Path::new("../../p/seloste.yaml")
        );
        assert_eq!(
            relative(Path::new("/r/seloste.yaml"), Path::new("/r")),
            Path::new("seloste.yaml")
        );
    }

    /// Diagnostics of a project whose registers are `notices/a.yaml` and `notices/b.yaml`
    /// and whose shared definitions are in `seloste.yaml`.
    fn diagnostics() -> (Sources, Project, Vec<Diagnostic>) {
        let mut sources = Sources::new();
        let config = sources.add("p/seloste.yaml".into(), None);
        let a = sources.add("p/notices/a.yaml".into(), None);
        let b = sources.add("p/notices/b.yaml".into(), None);
        let template = sources.add("p/templates/fi/page.html".into(), None);
        let (project, _) =
            crate::validate::project(Path::new("p"), config, crate::model::ProjectFile::default());
        let lint = |file: Option<FileId>, registers: Vec<FileId>, message: &str| Diagnostic {
            code: Code::Rule("vague-purpose"),
            severity: crate::diagnostic::Severity::Warning,
            message: message.into(),
            file,
            pos: Some(Pos::START),
            label: None,
            help: Vec::new(),
            articles: &[],
            registers,
        };
        let input = |file: FileId, message: &str| {
            Diagnostic::input(InputError::YamlSyntax, file, Pos::START, message)
        };
        let all = vec![
            lint(Some(a), vec![], "in a"),
            lint(Some(b), vec![], "in b"),
            input(b, "input error in b"),
            lint(Some(config), vec![], "project lint"),
            lint(Some(config), vec![a], "shared, used by a"),
            lint(Some(config), vec![b], "shared, used by b"),
            input(config, "input error in seloste.yaml"),
            input(template, "template error"),
            Diagnostic::input_unlocated(InputError::NoRegisters, "unlocated"),
        ];
        (sources, project, all)
    }

    #[test]
    fn a_register_scope_reports_its_own_and_what_keeps_the_project_from_loading() {
        let (sources, project, mut all) = diagnostics();
        names(&["a.yaml"]).retain(&sources, Some(&project), &mut all);
        let kept: Vec<&str> = all.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            kept,
            [
                "in a",
                "shared, used by a",
                "input error in seloste.yaml",
                "template error",
                "unlocated"
            ]
        );
        assert_eq!(names(&["a.yaml"]).registers(3000), 1);
    }

    #[test]
    fn a_project_scope_or_an_unreadable_project_keeps_everything() {
        let (sources, project, mut all) = diagnostics();
        let n = all.len();
        Scope::Project.retain(&sources, Some(&project), &mut all);
        assert_eq!(all.len(), n);
        names(&["a.yaml"]).retain(&sources, None, &mut all);
        assert_eq!(all.len(), n);
        assert_eq!(Scope::Project.registers(3000), 3000);
    }

    #[test]
    fn ignored_files_are_told_in_one_line() {
        assert_eq!(ignored_note(&[]), None);
        let one = Ignored {
            path: "other.yaml".into(),
            project: None,
        };
        assert_eq!(
            ignored_note(std::slice::from_ref(&one)).unwrap(),
            "note: ignored other.yaml: no seloste.yaml in its directory or above it\n"
        );
        let member = Ignored {
            path: "templates/index.html".into(),
            project: Some("seloste.yaml".into()),
        };
        assert_eq!(
            ignored_note(std::slice::from_ref(&member)).unwrap(),
            "note: ignored templates/index.html: not a file that the project of seloste.yaml reads\n"
        );
        let many: Vec<Ignored> = (0..7)
            .map(|i| Ignored {
                path: format!("x{i}.yaml").into(),
                project: None,
            })
            .collect();
        assert_eq!(
            ignored_note(&many).unwrap(),
            "note: ignored 7 files that no seloste project reads: x0.yaml, x1.yaml, x2.yaml, x3.yaml, x4.yaml, and 2 more\n"
        );
        let forged = Ignored {
            path: "a\n::error::x.yaml".into(),
            project: None,
        };
        assert!(!ignored_note(&[forged]).unwrap().trim_end().contains('\n'));
    }
}
