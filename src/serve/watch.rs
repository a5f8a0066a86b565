//! What a project reads, and so what `seloste serve` watches: `seloste.yaml`, the register
//! directory, the shared directory and the template overrides — never the output directory,
//! nor anything else that lies in the project.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::EventKind;

use crate::model::Project;

/// The files and directories a build of the project read, as absolute paths (spelled as the
/// watcher reports them: the working directory joined with the project's paths).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WatchSet {
    /// `seloste.yaml`.
    pub config: PathBuf,
    /// The project directory: watched alone (not what is below it), for `seloste.yaml` and for
    /// the directories below being made or removed.
    pub root: PathBuf,
    /// The register directory (its `*.yaml` files).
    pub notices: PathBuf,
    /// The shared directory, if the settings name one.
    pub shared: Option<PathBuf>,
    /// The template overrides (`templates/` and everything below it).
    pub templates: PathBuf,
    /// The project directory with its links resolved, if it differs: where macOS's FSEvents
    /// reports changes (`/private/var/…` for `/var/…`).
    pub real_root: Option<PathBuf>,
}

/// How a directory is watched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Depth {
    /// The directory and its entries.
    Entries,
    /// The directory and everything below it.
    All,
}

impl WatchSet {
    /// What a project whose `seloste.yaml` could not be read reads: that file alone.
    pub fn of_config(config: &Path, cwd: &Path) -> WatchSet {
        let config = absolute(config, cwd);
        let root = config.parent().map(Path::to_path_buf).unwrap_or_default();
        WatchSet {
            notices: root.join("notices"),
            templates: root.join("templates"),
            shared: None,
            config,
            real_root: real(&root),
            root,
        }
    }

    /// What the project read from its `seloste.yaml` at `config`.
    pub fn of_project(config: &Path, project: &Project, cwd: &Path) -> WatchSet {
        let config = absolute(config, cwd);
        let root = absolute(&project.root, cwd);
        WatchSet {
            config,
            notices: absolute(&project.notices_dir, cwd),
            shared: project.shared_dir.as_ref().map(|d| absolute(d, cwd)),
            templates: root.join("templates"),
            real_root: real(&root),
            root,
        }
    }

    /// The directories to watch, each with its depth: those that exist (a directory made
    /// later is seen in the project directory, and watched after the build it causes).
    pub fn directories(&self) -> Vec<(PathBuf, Depth)> {
        let mut dirs = vec![(self.root.clone(), Depth::Entries)];
        for (dir, depth) in [
            (Some(&self.notices), Depth::Entries),
            (self.shared.as_ref(), Depth::Entries),
            (Some(&self.templates), Depth::All),
        ] {
            if let Some(d) = dir
                && d.is_dir()
                && !dirs.iter().any(|(known, _)| known == d)
            {
                dirs.push((d.clone(), depth));
            }
        }
        dirs
    }

    /// Whether a change at `path` can change what a build reads. An editor's temporaries
    /// (`.x.yaml.swp`, `x.yaml~`, `4913`) are passed over; the rename that puts the saved file
    /// in place is not.
    pub fn is_read(&self, path: &Path) -> bool {
        if let Some(rest) = self
            .real_root
            .as_deref()
            .and_then(|r| path.strip_prefix(r).ok())
        {
            return self.is_read_as_spelled(&self.root.join(rest));
        }
        self.is_read_as_spelled(path)
    }

    fn is_read_as_spelled(&self, path: &Path) -> bool {
        let yaml_in = |dir: &Path| {
            path == dir || (path.parent() == Some(dir) && crate::load::is_register_name(path))
        };
        path == self.config
            || yaml_in(&self.notices)
            || self.shared.as_deref().is_some_and(yaml_in)
            || path.starts_with(&self.templates)
    }
}

/// `dir` with its links resolved, when that is another spelling.
fn real(dir: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(dir).ok().filter(|r| r != dir)
}

/// Whether an event of this kind can change a file. Opening and reading a file is not a change
/// (and a build reads every file it watches).
pub fn is_change(kind: &EventKind) -> bool {
    !matches!(kind, EventKind::Access(_))
}

/// Waits for the next change to a file `set` reads, then until the project has been quiet for
/// `quiet` (at most `max_wait`), and returns every such file that changed meanwhile, sorted:
/// an editor's burst of events on save makes one build. `None` when the watcher has gone;
/// its errors go to `warn`.
pub fn next_change(
    events: &Receiver<notify::Result<notify::Event>>,
    set: &WatchSet,
    quiet: Duration,
    max_wait: Duration,
    warn: &mut dyn FnMut(String),
) -> Option<Vec<PathBuf>> {
    let mut changed = Vec::new();
    let mut take = |event: notify::Result<notify::Event>, changed: &mut Vec<PathBuf>| match event {
        Ok(e) if is_change(&e.kind) => {
            changed.extend(e.paths.into_iter().filter(|p| set.is_read(p)));
        }
        Ok(_) => {}
        Err(e) => warn(e.to_string()),
    };
    while changed.is_empty() {
        take(events.recv().ok()?, &mut changed);
    }
    let started = Instant::now();
    loop {
        let left = max_wait.saturating_sub(started.elapsed());
        if left.is_zero() {
            break;
        }
        match events.recv_timeout(quiet.min(left)) {
            Ok(e) => take(e, &mut changed),
            Err(RecvTimeoutError::Timeout) => break,
            Err(RecvTimeoutError::Disconnected) => return None,
        }
    }
    changed.sort();
    changed.dedup();
    Some(changed)
}

/// `path` joined to `cwd` when relative, without resolving links: the spelling the watcher
/// reports paths in.
fn absolute(path: &Path, cwd: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd.join(path)
    };
    // `./x` and `x` must compare equal; `..` is kept (a link may stand before it).
    joined
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set() -> WatchSet {
        WatchSet {
            config: "/p/seloste.yaml".into(),
            root: "/p".into(),
            notices: "/p/notices".into(),
            shared: Some("/p/shared".into()),
            templates: "/p/templates".into(),
            real_root: Some("/private/p".into()),
        }
    }

    #[test]
    fn what_the_project_reads_is_watched_and_nothing_else() {
        let s = set();
        for read in [
            "/p/seloste.yaml",
            "/p/notices/asiakasrekisteri.yaml",
            "/p/notices/x.yml",
            "/p/notices",
            "/p/shared/yhteiset.yaml",
            "/p/templates/fi/register.md",
            "/p/templates",
            "/private/p/notices/x.yaml",
            "/private/p/seloste.yaml",
        ] {
            assert!(s.is_read(Path::new(read)), "{read}");
        }
        for not_read in [
            "/p/dist/index.html",
            "/p/dist",
            "/p/README.md",
            "/p/.git/index",
            "/p/notices/.x.yaml.swp",
            "/p/notices/x.yaml~",
            "/p/notices/4913",
            "/p/notices/sub/x.yaml",
            "/p/seloste.yaml.bak",
            "/private/p/dist/index.html",
        ] {
            assert!(!s.is_read(Path::new(not_read)), "{not_read}");
        }
    }

    fn event(kind: EventKind, path: &str) -> notify::Result<notify::Event> {
        Ok(notify::Event::new(kind).add_path(path.into()))
    }

    #[test]
    fn a_burst_of_events_makes_one_change_and_reads_make_none() {
        use notify::event::{AccessKind, CreateKind, ModifyKind, RemoveKind, RenameMode};
        let (tx, rx) = std::sync::mpsc::channel();
        // A build reading the files: no change.
        tx.send(event(
            EventKind::Access(AccessKind::Any),
            "/p/notices/x.yaml",
        ))
        .unwrap();
        // Vim's save: a probe file, a backup, the new file renamed over the old one.
        for (kind, path) in [
            (EventKind::Create(CreateKind::File), "/p/notices/4913"),
            (EventKind::Remove(RemoveKind::File), "/p/notices/4913"),
            (
                EventKind::Modify(ModifyKind::Name(RenameMode::From)),
                "/p/notices/x.yaml",
            ),
            (EventKind::Create(CreateKind::File), "/p/notices/x.yaml~"),
            (
                EventKind::Modify(ModifyKind::Data(notify::event::DataChange::Any)),
                "/p/notices/x.yaml",
            ),
            (EventKind::Modify(ModifyKind::Any), "/p/dist/index.html"),
        ] {
            tx.send(event(kind, path)).unwrap();
        }
        tx.send(Err(notify::Error::generic("overflow"))).unwrap();
        let mut warnings = Vec::new();
        let changed = next_change(
            &rx,
            &set(),
            Duration::from_millis(1),
            Duration::from_secs(5),
            &mut |w| warnings.push(w),
        );
        assert_eq!(changed, Some(vec![PathBuf::from("/p/notices/x.yaml")]));
        assert_eq!(warnings, ["overflow"]);
        // Only reads, then the watcher gone: no change.
        tx.send(event(EventKind::Access(AccessKind::Any), "/p/seloste.yaml"))
            .unwrap();
        drop(tx);
        assert_eq!(
            next_change(
                &rx,
                &set(),
                Duration::from_millis(1),
                Duration::from_secs(5),
                &mut |_| {}
            ),
            None
        );
    }

    #[test]
    fn paths_are_spelled_as_the_watcher_reports_them() {
        assert_eq!(
            absolute(Path::new("./examples/./mesq"), Path::new("/w")),
            PathBuf::from("/w/examples/mesq")
        );
        let s = WatchSet::of_config(Path::new("./seloste.yaml"), Path::new("/w"));
        assert_eq!(s.root, PathBuf::from("/w"));
        assert!(s.is_read(Path::new("/w/seloste.yaml")));
    }
}
