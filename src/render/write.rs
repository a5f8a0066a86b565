//! Writing the output: atomic as a whole, one build at a time, never touching what lies
//! outside the output directory, and never dropping files seloste did not write.
//!
//! A build assembles the complete new output in a hidden sibling directory
//! (`.<name>.seloste-new-<pid>`), a batch of pages at a time as they are rendered
//! ([`Staging`]): the new pages, and — hard-linked from the old output — every
//! file seloste did not write and every page whose contents did not change (so its
//! modification time survives). Then one `renameat2(RENAME_EXCHANGE)` swaps the two
//! directories, so that a reader, a build killed at any moment, and a second build all see
//! either the complete old output or the complete new one. Where the exchange is not
//! available (not Linux, or a file system without it), the old directory is renamed aside and
//! the new one into place; a build killed between the two renames is recovered by the next.
//!
//! The manifest (`.seloste-manifest`) says which files an earlier build wrote, so that the
//! pages of a deleted register disappear. It lives in the output directory, which a pull
//! request can fill, so it is untrusted: an entry counts only if it names a page seloste
//! could have written, as a regular file inside the output directory — and since a build only
//! ever omits such files from the new directory, the manifest cannot delete anything else.
//!
//! Builds into one directory take turns on a lock of its parent directory; temporaries left by
//! a killed build are removed by the next one, under the lock.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use super::OutputFile;

/// The manifest of files seloste wrote, in the output directory.
pub const MANIFEST: &str = ".seloste-manifest";
/// How the per-file temporaries of seloste versions before the atomic directory switch were
/// named: `.<name>.seloste-tmp-<pid>`.
const OLD_TMP_MARK_PID: &str = ".seloste-tmp-";
/// The largest manifest read; a real one is about 40 bytes per page.
const MANIFEST_CAP: u64 = 16 << 20;
/// How deep foreign directories in the output are carried over.
const MAX_DEPTH: usize = 64;

/// What a write did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WriteReport {
    /// Files written (new or changed).
    pub written: usize,
    /// Files left as they were because their contents did not change.
    pub unchanged: usize,
    /// Files of an earlier build that this build no longer produces, removed.
    pub removed: Vec<String>,
}

/// Why writing failed. The previous output is then as it was.
#[derive(Debug)]
pub struct WriteError {
    /// The path involved.
    pub path: PathBuf,
    /// The error.
    pub error: io::Error,
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.error)
    }
}

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

fn err(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |error| WriteError {
        path: path.to_path_buf(),
        error,
    }
}

fn invalid(path: &Path, msg: &str) -> WriteError {
    WriteError {
        path: path.to_path_buf(),
        error: io::Error::new(io::ErrorKind::InvalidInput, msg.to_string()),
    }
}

/// Whether a relative output path stays inside the output directory, spelled as the file
/// system lists it (no empty, `.` or `..` step), so that one file has one spelling.
pub fn is_contained(rel: &str) -> bool {
    let p = Path::new(rel);
    !rel.is_empty()
        && p.components().all(|c| matches!(c, Component::Normal(_)))
        && rel.split('/').all(|step| !step.is_empty() && step != ".")
        && !rel.contains('\\')
}

/// Whether `rel` is a name seloste writes: a page or the index (`x.md`, `x.html`), or a
/// fragment (`fragment/x.html`). Only such names in a manifest are taken as seloste's own.
pub fn is_output_name(rel: &str) -> bool {
    if !is_contained(rel) {
        return false;
    }
    let page = |name: &str| {
        !name.starts_with('.')
            && (name
                .strip_suffix(".md")
                .or_else(|| name.strip_suffix(".html")))
            .is_some_and(|stem| !stem.is_empty())
    };
    match rel.split_once('/') {
        None => page(rel),
        Some(("fragment", name)) => !name.contains('/') && name.ends_with(".html") && page(name),
        Some(_) => false,
    }
}

/// The hidden siblings of the output directory that one build uses.
struct Siblings {
    parent: PathBuf,
    name: String,
}

impl Siblings {
    fn new_prefix(&self) -> String {
        format!(".{}.seloste-new-", self.name)
    }
    fn old_prefix(&self) -> String {
        format!(".{}.seloste-old-", self.name)
    }
    fn staging(&self) -> PathBuf {
        self.parent
            .join(format!("{}{}", self.new_prefix(), std::process::id()))
    }
    fn aside(&self) -> PathBuf {
        self.parent
            .join(format!("{}{}", self.old_prefix(), std::process::id()))
    }
}

/// Holds the lock on the output directory's parent for as long as it lives.
struct Lock {
    _file: fs::File,
}

fn lock(parent: &Path, name: &str) -> Result<Lock, WriteError> {
    // On Unix the parent directory itself is locked, so no lock file is left behind; elsewhere
    // a hidden lock file beside the output.
    #[cfg(unix)]
    let file = {
        let _ = name;
        fs::File::open(parent).map_err(err(parent))?
    };
    #[cfg(not(unix))]
    let file = {
        let p = parent.join(format!(".{name}.seloste-lock"));
        fs::OpenOptions::new()
            .create(true)
            .write(true)
            .truncate(false)
            .open(&p)
            .map_err(err(&p))?
    };
    file.lock().map_err(err(parent))?;
    Ok(Lock { _file: file })
}

/// Recovers from a build killed between the two renames of the fallback switch, then removes
/// every temporary an earlier build left. Runs under the lock.
fn recover_and_clean(s: &Siblings, dir: &Path) -> Result<(), WriteError> {
    let mut asides = Vec::new();
    let mut stale = Vec::new();
    let (new_prefix, old_prefix) = (s.new_prefix(), s.old_prefix());
    for e in fs::read_dir(&s.parent).map_err(err(&s.parent))?.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with(&old_prefix) {
            asides.push(e.path());
        } else if name.starts_with(&new_prefix) {
            stale.push(e.path());
        }
    }
    if fs::symlink_metadata(dir).is_err()
        && let Some(newest) = asides
            .iter()
            .filter(|p| fs::symlink_metadata(p).is_ok_and(|m| m.is_dir()))
            .max_by_key(|p| fs::symlink_metadata(p).and_then(|m| m.modified()).ok())
            .cloned()
    {
        fs::rename(&newest, dir).map_err(err(dir))?;
        asides.retain(|p| p != &newest);
    }
    for p in asides.into_iter().chain(stale) {
        remove_any(&p).map_err(err(&p))?;
    }
    Ok(())
}

/// Removes a file, a symbolic link (not what it points to) or a directory tree.
fn remove_any(p: &Path) -> io::Result<()> {
    match fs::symlink_metadata(p) {
        Ok(m) if m.is_dir() => fs::remove_dir_all(p),
        Ok(_) => fs::remove_file(p),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// The files an earlier build says it wrote, if they are names seloste writes.
fn read_manifest(dir: &Path) -> BTreeSet<String> {
    let p = dir.join(MANIFEST);
    let Ok(meta) = fs::symlink_metadata(&p) else {
        return BTreeSet::new();
    };
    if !meta.is_file() || meta.len() > MANIFEST_CAP {
        return BTreeSet::new();
    }
    fs::read_to_string(&p)
        .map(|s| {
            s.lines()
                .map(str::trim)
                .filter(|l| is_output_name(l))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// The metadata of `dir/rel` if it is a regular file reached without passing a symbolic link.
fn own_regular_file(dir: &Path, rel: &str) -> Option<fs::Metadata> {
    let mut p = dir.to_path_buf();
    let mut parts = rel.split('/').peekable();
    while let Some(part) = parts.next() {
        p.push(part);
        let m = fs::symlink_metadata(&p).ok()?;
        if parts.peek().is_some() {
            if !m.is_dir() {
                return None;
            }
        } else if m.is_file() {
            return Some(m);
        }
    }
    None
}

/// Links `from` (a file, link or other non-directory) to `to`; copies a regular file where a
/// hard link is not possible.
fn link_or_copy(from: &Path, to: &Path, meta: &fs::Metadata) -> io::Result<()> {
    match fs::hard_link(from, to) {
        Ok(()) => Ok(()),
        Err(e) => {
            if meta.is_file() {
                fs::copy(from, to).map(|_| ())
            } else if meta.file_type().is_symlink() {
                #[cfg(unix)]
                {
                    std::os::unix::fs::symlink(fs::read_link(from)?, to)
                }
                #[cfg(not(unix))]
                {
                    Err(e)
                }
            } else {
                Err(e)
            }
        }
    }
}

/// Carries what seloste did not write, and nothing of its own, from the old output into the
/// new one. `ours` are the old build's own files; `new` the new build's files and their
/// directories, which must not be taken by a foreign file.
fn carry_over(
    old: &Path,
    staging: &Path,
    rel: &str,
    depth: usize,
    ours: &BTreeSet<String>,
    new_files: &BTreeSet<String>,
    new_dirs: &BTreeSet<String>,
) -> Result<(), WriteError> {
    let here = if rel.is_empty() {
        old.to_path_buf()
    } else {
        old.join(rel)
    };
    for e in fs::read_dir(&here).map_err(err(&here))? {
        let e = e.map_err(err(&here))?;
        let name = e.file_name();
        let Some(name) = name.to_str() else {
            // Not UTF-8: certainly not ours; carried as it is.
            let to = staging.join(rel).join(e.file_name());
            let meta = fs::symlink_metadata(e.path()).map_err(err(&e.path()))?;
            if meta.is_dir() {
                copy_tree(&e.path(), &to, depth + 1)?;
            } else {
                link_or_copy(&e.path(), &to, &meta).map_err(err(&to))?;
            }
            continue;
        };
        let r = if rel.is_empty() {
            name.to_string()
        } else {
            format!("{rel}/{name}")
        };
        let from = e.path();
        let meta = fs::symlink_metadata(&from).map_err(err(&from))?;
        // The old manifest is replaced by the new one; the per-file temporaries of earlier
        // versions (`.x.html.seloste-tmp-123`) are dropped. Nothing else is.
        if r == MANIFEST && !meta.is_dir() {
            continue;
        }
        if meta.is_file() && name.starts_with('.') && name.contains(OLD_TMP_MARK_PID) {
            continue;
        }
        if meta.is_file() && (ours.contains(&r) || new_files.contains(&r)) {
            continue;
        }
        let to = staging.join(&r);
        if meta.is_dir() {
            if new_files.contains(&r) || r == MANIFEST {
                return Err(invalid(
                    &from,
                    "a directory stands where a page must be written",
                ));
            }
            if depth >= MAX_DEPTH {
                return Err(invalid(&from, "directories nested too deep to carry over"));
            }
            fs::create_dir_all(&to).map_err(err(&to))?;
            let _ = fs::set_permissions(&to, meta.permissions());
            carry_over(old, staging, &r, depth + 1, ours, new_files, new_dirs)?;
        } else if new_files.contains(&r) {
            // A link or the like where a page goes: the page replaces it (never written
            // through it), as it replaces a file of the same name.
            continue;
        } else {
            if meta.file_type().is_symlink() && !link_stays_inside(&r, &from) {
                return Err(invalid(
                    &from,
                    "the output directory holds a symbolic link that leads out of it; a deploy \
                     that follows links would publish what it points at: remove the link",
                ));
            }
            if new_dirs.contains(&r) {
                return Err(invalid(
                    &from,
                    "a file seloste did not write stands where seloste must write",
                ));
            }
            link_or_copy(&from, &to, &meta).map_err(err(&to))?;
        }
    }
    Ok(())
}

/// Whether the symbolic link at `rel` (relative to the output directory) points, by its
/// spelling, to a place inside the output directory: a relative target whose `..` never
/// climb above the output directory. An absolute target never does.
fn link_stays_inside(rel: &str, link: &Path) -> bool {
    let Ok(target) = fs::read_link(link) else {
        return false;
    };
    target_stays_inside(rel, &target)
}

/// [`link_stays_inside`] for a given target.
fn target_stays_inside(rel: &str, target: &Path) -> bool {
    let mut depth = rel.split('/').count() as i64 - 1;
    for c in target.components() {
        match c {
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
            Component::ParentDir => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            Component::RootDir | Component::Prefix(_) => return false,
        }
    }
    true
}

/// Copies a directory tree (for names that are not UTF-8, which are never ours).
fn copy_tree(from: &Path, to: &Path, depth: usize) -> Result<(), WriteError> {
    if depth >= MAX_DEPTH {
        return Err(invalid(from, "directories nested too deep to carry over"));
    }
    fs::create_dir_all(to).map_err(err(to))?;
    for e in fs::read_dir(from).map_err(err(from))? {
        let e = e.map_err(err(from))?;
        let meta = fs::symlink_metadata(e.path()).map_err(err(&e.path()))?;
        let target = to.join(e.file_name());
        if meta.is_dir() {
            copy_tree(&e.path(), &target, depth + 1)?;
        } else {
            link_or_copy(&e.path(), &target, &meta).map_err(err(&target))?;
        }
    }
    Ok(())
}

/// Swaps `staging` and `dir` in one step where the system can.
fn exchange(staging: &Path, dir: &Path) -> io::Result<bool> {
    #[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, staging, CWD, dir, RenameFlags::EXCHANGE) {
            Ok(()) => Ok(true),
            Err(e)
                if e == rustix::io::Errno::INVAL
                    || e == rustix::io::Errno::NOSYS
                    || e == rustix::io::Errno::NOTSUP =>
            {
                Ok(false)
            }
            Err(e) => Err(e.into()),
        }
    }
    #[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
    {
        let _ = (staging, dir);
        Ok(false)
    }
}

/// Writes `files` as the complete new contents of seloste's pages in `dir`, atomically: one
/// batch through a [`Staging`].
///
/// `dir` must not be a symbolic link; files in it that seloste did not write are kept.
pub fn write(dir: &Path, files: &[OutputFile]) -> Result<WriteReport, WriteError> {
    let mut staging = Staging::begin(dir)?;
    staging.add(files)?;
    staging.commit()
}

/// A build's new output, assembled beside the old one a batch of pages at a time, so that
/// no more than one batch need be held in memory.
///
/// [`Staging::begin`] takes the lock of the output directory, cleans what a killed build left
/// and creates the hidden sibling directory; [`Staging::add`] writes pages into it (a page
/// whose bytes did not change is hard-linked from the old output, so that its modification
/// time survives); [`Staging::commit`] carries over from the old output what seloste did not
/// write, writes the manifest and switches the two directories at once. A staging dropped
/// without a commit — a render error, a time-out, a write error, a panic — removes its
/// directory: the old output is then as it was. Any number of producers may add to one
/// staging, in any order, as long as no two pages share a path.
pub struct Staging {
    /// The output directory as given, for errors.
    dir: PathBuf,
    /// The output directory, the way to it resolved.
    abs: PathBuf,
    siblings: Siblings,
    /// The old output's metadata, if there is one.
    existing: Option<fs::Metadata>,
    /// The hidden sibling the new output is assembled in.
    staging: PathBuf,
    /// The old build's own files (its manifest, checked).
    ours: BTreeSet<String>,
    /// The pages added so far.
    files: BTreeSet<String>,
    /// The directories of the pages added so far, with every directory above them.
    dirs: BTreeSet<String>,
    report: WriteReport,
    // Last: dropped after `Drop::drop` has removed the staging directory.
    _lock: Lock,
}

impl Staging {
    /// Starts a new output for `dir`: waits for the lock, recovers from and cleans after a
    /// killed build, and creates the empty staging directory.
    pub fn begin(dir: &Path) -> Result<Staging, WriteError> {
        // The directory itself is not resolved (if it is a link, it is refused below), only
        // the way to it.
        let abs = match (dir.parent(), dir.components().next_back()) {
            (Some(parent), Some(Component::Normal(name))) => {
                let parent = if parent.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    parent
                };
                crate::contain::ProjectRoot::resolve_future(parent)
                    .map_err(err(dir))?
                    .join(name)
            }
            _ => crate::contain::ProjectRoot::resolve_future(dir).map_err(err(dir))?,
        };
        let (Some(parent), Some(name)) = (abs.parent(), abs.file_name().and_then(|n| n.to_str()))
        else {
            return Err(invalid(dir, "the output directory must have a name"));
        };
        let siblings = Siblings {
            parent: parent.to_path_buf(),
            name: name.to_string(),
        };
        fs::create_dir_all(&siblings.parent).map_err(err(&siblings.parent))?;
        let lock = lock(&siblings.parent, &siblings.name)?;
        recover_and_clean(&siblings, &abs)?;

        let existing = match fs::symlink_metadata(&abs) {
            Ok(m) if m.file_type().is_symlink() => {
                return Err(invalid(
                    dir,
                    "the output directory is a symbolic link; seloste writes only into a real directory",
                ));
            }
            Ok(m) if !m.is_dir() => {
                return Err(invalid(dir, "the output path is not a directory"));
            }
            Ok(m) => Some(m),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(err(dir)(e)),
        };
        let staging = siblings.staging();
        fs::create_dir(&staging).map_err(err(&staging))?;
        let s = Staging {
            dir: dir.to_path_buf(),
            ours: if existing.is_some() {
                read_manifest(&abs)
            } else {
                BTreeSet::new()
            },
            abs,
            siblings,
            existing,
            staging,
            files: BTreeSet::new(),
            dirs: BTreeSet::new(),
            report: WriteReport::default(),
            _lock: lock,
        };
        if let Some(m) = &s.existing {
            let _ = fs::set_permissions(&s.staging, m.permissions());
        }
        Ok(s)
    }

    /// Writes a batch of pages into the new output. A path that leaves the output directory,
    /// or that a page added before already has, is refused.
    pub fn add(&mut self, files: &[OutputFile]) -> Result<(), WriteError> {
        for f in files {
            let target = self.staging.join(&f.path);
            if !is_contained(&f.path) {
                return Err(invalid(
                    &self.dir.join(&f.path),
                    "path leaves the output directory",
                ));
            }
            if self.files.contains(&f.path) {
                return Err(invalid(
                    &self.dir.join(&f.path),
                    "two pages of this build would be written to the same file",
                ));
            }
            if let Some((d, _)) = f.path.rsplit_once('/')
                && !self.dirs.contains(d)
            {
                let p = self.staging.join(d);
                fs::create_dir_all(&p).map_err(err(&p))?;
                let mut above = d;
                loop {
                    self.dirs.insert(above.to_string());
                    match above.rsplit_once('/') {
                        Some((up, _)) => above = up,
                        None => break,
                    }
                }
            }
            if self.dirs.contains(&f.path) {
                return Err(invalid(
                    &self.dir.join(&f.path),
                    "a page and a directory of this build have the same path",
                ));
            }
            self.files.insert(f.path.clone());
            let old = self
                .existing
                .as_ref()
                .and_then(|_| own_regular_file(&self.abs, &f.path));
            let same = old.is_some_and(|m| {
                m.len() == f.contents.len() as u64
                    && fs::read(self.abs.join(&f.path)).is_ok_and(|b| b == f.contents.as_bytes())
            });
            if same && fs::hard_link(self.abs.join(&f.path), &target).is_ok() {
                self.report.unchanged += 1;
                continue;
            }
            fs::write(&target, f.contents.as_bytes()).map_err(err(&target))?;
            self.report.written += 1;
        }
        Ok(())
    }

    /// Completes the new output — what seloste did not write carried over from the old one,
    /// the manifest — and switches it in place of the old one, at once.
    pub fn commit(mut self) -> Result<WriteReport, WriteError> {
        if self.existing.is_some() {
            carry_over(
                &self.abs,
                &self.staging,
                "",
                0,
                &self.ours,
                &self.files,
                &self.dirs,
            )?;
        }
        let mut manifest = String::from(
            "# Files written by seloste build; used to remove outputs of deleted registers.\n",
        );
        for p in &self.files {
            manifest.push_str(p);
            manifest.push('\n');
        }
        let m = self.staging.join(MANIFEST);
        fs::write(&m, manifest).map_err(err(&m))?;
        let mut report = std::mem::take(&mut self.report);
        report.removed = self
            .ours
            .difference(&self.files)
            .filter(|p| own_regular_file(&self.abs, p).is_some())
            .cloned()
            .collect();

        // The switch. Whatever `self.staging` holds afterwards — the new output if the switch
        // failed, the old one after an exchange — is removed when `self` is dropped.
        let (staging, abs) = (&self.staging, &self.abs);
        if self.existing.is_none() {
            fs::rename(staging, abs).map_err(err(&self.dir))?;
            return Ok(report);
        }
        match exchange(staging, abs) {
            Ok(true) => {}
            Ok(false) => {
                let aside = self.siblings.aside();
                fs::rename(abs, &aside).map_err(err(&self.dir))?;
                if let Err(e) = fs::rename(staging, abs) {
                    let _ = fs::rename(&aside, abs);
                    return Err(err(&self.dir)(e));
                }
                let _ = remove_any(&aside);
            }
            Err(e) => return Err(err(&self.dir)(e)),
        }
        Ok(report)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        // Under the lock, which is released after this.
        let _ = remove_any(&self.staging);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, contents: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            contents: contents.into(),
        }
    }

    fn siblings(dir: &Path) -> Vec<String> {
        fs::read_dir(dir.parent().unwrap())
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".seloste-"))
            .collect()
    }

    #[test]
    fn paths_must_stay_inside() {
        assert!(is_contained("a.html"));
        assert!(is_contained("fragment/a.html"));
        for bad in [
            "",
            "../a.html",
            "/etc/passwd",
            "a/../../b",
            "./a",
            "a\\..\\b",
            "a//b.html",
            "a/./b.html",
            "fragment/",
        ] {
            assert!(!is_contained(bad), "{bad}");
        }
    }

    #[test]
    fn only_page_names_count_as_ours() {
        for ok in ["a.md", "index.html", "_index.md", "fragment/a.html"] {
            assert!(is_output_name(ok), "{ok}");
        }
        for bad in [
            "esc/victim.txt",
            "README",
            "x.txt",
            ".md",
            "fragment/a.md",
            "fragment/x/a.html",
            "../a.md",
            "seloste.yaml",
            ".git/config",
        ] {
            assert!(!is_output_name(bad), "{bad}");
        }
    }

    #[test]
    fn writes_keeps_foreign_files_and_removes_own_stale_ones() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("dist");
        fs::create_dir(&dir).unwrap();
        fs::write(dir.join("own-notes.txt"), "mine").unwrap();
        fs::create_dir(dir.join("img")).unwrap();
        fs::write(dir.join("img/logo.svg"), "<svg/>").unwrap();
        let r = write(&dir, &[file("a.html", "A"), file("b.html", "B")]).unwrap();
        assert_eq!(r.written, 2);
        let r = write(&dir, &[file("a.html", "A"), file("c.html", "C")]).unwrap();
        assert_eq!((r.written, r.unchanged), (1, 1));
        assert_eq!(r.removed, vec!["b.html".to_string()]);
        assert!(!dir.join("b.html").exists());
        assert_eq!(
            fs::read_to_string(dir.join("own-notes.txt")).unwrap(),
            "mine"
        );
        assert_eq!(
            fs::read_to_string(dir.join("img/logo.svg")).unwrap(),
            "<svg/>"
        );
        assert!(siblings(&dir).is_empty(), "{:?}", siblings(&dir));
    }

    #[test]
    fn a_failed_write_leaves_the_previous_output() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("dist");
        write(&dir, &[file("a.html", "old")]).unwrap();
        // A file where the fragment directory must go makes the build fail.
        fs::write(dir.join("fragment"), "not a directory").unwrap();
        let e = write(&dir, &[file("a.html", "new"), file("fragment/z.html", "z")]);
        assert!(e.is_err());
        assert_eq!(fs::read_to_string(dir.join("a.html")).unwrap(), "old");
        assert!(siblings(&dir).is_empty(), "{:?}", siblings(&dir));
    }

    #[cfg(unix)]
    #[test]
    fn a_hostile_manifest_deletes_nothing_outside_and_nothing_foreign() {
        let victim_dir = tempfile::tempdir().unwrap();
        let victim = victim_dir.path().join("victim.txt");
        fs::write(&victim, "precious").unwrap();
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("dist");
        fs::create_dir(&dir).unwrap();
        std::os::unix::fs::symlink(victim_dir.path(), dir.join("esc")).unwrap();
        fs::write(dir.join("README.txt"), "keep").unwrap();
        fs::write(
            dir.join(MANIFEST),
            "esc/victim.txt\nREADME.txt\n../x.md\nesc\n",
        )
        .unwrap();
        // A link out of the output is refused: nothing is written, nothing deleted.
        assert!(write(&dir, &[file("a.html", "A")]).is_err());
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        // Without it, the manifest's foreign and escaping entries delete nothing.
        fs::remove_file(dir.join("esc")).unwrap();
        fs::create_dir(dir.join("esc")).unwrap();
        fs::write(dir.join("esc/victim.txt"), "also precious").unwrap();
        write(&dir, &[file("a.html", "A")]).unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        assert_eq!(fs::read_to_string(dir.join("README.txt")).unwrap(), "keep");
        assert_eq!(
            fs::read_to_string(dir.join("esc/victim.txt")).unwrap(),
            "also precious"
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_output_are_refused_and_foreign_files_all_kept() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("dist");
        fs::create_dir_all(dir.join("img")).unwrap();
        fs::write(dir.join("my.seloste-tmp.txt"), "mine").unwrap();
        fs::write(dir.join("img/a.seloste-tmp"), "mine").unwrap();
        std::os::unix::fs::symlink("../a.html", dir.join("img/up.html")).unwrap();
        write(&dir, &[file("a.html", "A")]).unwrap();
        assert_eq!(
            fs::read_to_string(dir.join("my.seloste-tmp.txt")).unwrap(),
            "mine"
        );
        assert_eq!(
            fs::read_to_string(dir.join("img/a.seloste-tmp")).unwrap(),
            "mine"
        );
        assert_eq!(fs::read_to_string(dir.join("img/up.html")).unwrap(), "A");
        for target in ["/etc/passwd", "../../.git/config", "img/../../x"] {
            let link = dir.join("pw.html");
            let _ = fs::remove_file(&link);
            std::os::unix::fs::symlink(target, &link).unwrap();
            let e = write(&dir, &[file("a.html", "B")]).unwrap_err();
            assert!(e.to_string().contains("leads out of it"), "{target}: {e}");
            assert_eq!(fs::read_to_string(dir.join("a.html")).unwrap(), "A");
        }
        assert!(target_stays_inside("img/x", Path::new("../a.html")));
        assert!(!target_stays_inside("x", Path::new("../a.html")));
        assert!(!target_stays_inside("x", Path::new("/etc")));
    }

    #[cfg(unix)]
    #[test]
    fn an_output_directory_that_is_a_link_is_refused() {
        let elsewhere = tempfile::tempdir().unwrap();
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("dist");
        std::os::unix::fs::symlink(elsewhere.path(), &dir).unwrap();
        let e = write(&dir, &[file("a.html", "A")]).unwrap_err();
        assert!(e.to_string().contains("symbolic link"), "{e}");
        assert!(fs::read_dir(elsewhere.path()).unwrap().next().is_none());
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_page_is_replaced_not_written_through() {
        let elsewhere = tempfile::tempdir().unwrap();
        let target = elsewhere.path().join("t.html");
        fs::write(&target, "theirs").unwrap();
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("dist");
        fs::create_dir(&dir).unwrap();
        std::os::unix::fs::symlink(&target, dir.join("a.html")).unwrap();
        fs::create_dir(dir.join("x")).unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), dir.join("fragment")).unwrap();
        // A link where the fragment directory must go is refused; without it the page is
        // written as a new file and the link's target is untouched.
        assert!(write(&dir, &[file("fragment/a.html", "A")]).is_err());
        fs::remove_file(dir.join("fragment")).unwrap();
        write(&dir, &[file("a.html", "A")]).unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "theirs");
        assert_eq!(fs::read_to_string(dir.join("a.html")).unwrap(), "A");
    }

    #[test]
    fn stale_temporaries_are_removed_and_an_interrupted_switch_recovered() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("dist");
        write(&dir, &[file("a.html", "A")]).unwrap();
        // A build killed after moving the old output aside and before moving the new in.
        fs::rename(&dir, root.path().join(".dist.seloste-old-99999")).unwrap();
        fs::create_dir(root.path().join(".dist.seloste-new-99999")).unwrap();
        fs::write(root.path().join(".dist.seloste-new-99999/a.html"), "half").unwrap();
        write(&dir, &[file("a.html", "A"), file("b.html", "B")]).unwrap();
        let r = write(&dir, &[file("a.html", "A"), file("b.html", "B")]).unwrap();
        assert_eq!(r.unchanged, 2);
        assert!(siblings(&dir).is_empty(), "{:?}", siblings(&dir));
    }

    #[test]
    fn batches_make_one_output_with_foreign_files_kept_and_stale_ones_removed() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("dist");
        write(
            &dir,
            &[
                file("a.html", "A"),
                file("b.html", "B"),
                file("fragment/b.html", "b"),
            ],
        )
        .unwrap();
        fs::write(dir.join("oma.txt"), "mine").unwrap();
        fs::write(dir.join("fragment/notes.txt"), "notes").unwrap();

        let mut s = Staging::begin(&dir).unwrap();
        s.add(&[file("a.html", "A")]).unwrap();
        // Until the commit, the old output is all a reader sees.
        s.add(&[file("c.html", "C"), file("fragment/c.html", "c")])
            .unwrap();
        assert_eq!(fs::read_to_string(dir.join("b.html")).unwrap(), "B");
        assert!(!dir.join("c.html").exists());
        s.add(&[]).unwrap();
        let r = s.commit().unwrap();

        assert_eq!((r.written, r.unchanged), (2, 1));
        assert_eq!(
            r.removed,
            vec!["b.html".to_string(), "fragment/b.html".to_string()]
        );
        assert!(!dir.join("b.html").exists() && !dir.join("fragment/b.html").exists());
        assert_eq!(fs::read_to_string(dir.join("c.html")).unwrap(), "C");
        assert_eq!(
            fs::read_to_string(dir.join("fragment/c.html")).unwrap(),
            "c"
        );
        assert_eq!(fs::read_to_string(dir.join("oma.txt")).unwrap(), "mine");
        assert_eq!(
            fs::read_to_string(dir.join("fragment/notes.txt")).unwrap(),
            "notes"
        );
        let manifest: Vec<String> = fs::read_to_string(dir.join(MANIFEST))
            .unwrap()
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(str::to_string)
            .collect();
        assert_eq!(manifest, ["a.html", "c.html", "fragment/c.html"]);
        assert!(siblings(&dir).is_empty(), "{:?}", siblings(&dir));
    }

    /// The old output, with a foreign file, as a test of a failed build finds it.
    fn old_output(root: &Path) -> PathBuf {
        let dir = root.join("dist");
        write(&dir, &[file("a.html", "old"), file("b.html", "old")]).unwrap();
        fs::write(dir.join("oma.txt"), "mine").unwrap();
        dir
    }

    fn assert_untouched(dir: &Path) {
        assert_eq!(fs::read_to_string(dir.join("a.html")).unwrap(), "old");
        assert_eq!(fs::read_to_string(dir.join("b.html")).unwrap(), "old");
        assert_eq!(fs::read_to_string(dir.join("oma.txt")).unwrap(), "mine");
        assert!(siblings(dir).is_empty(), "{:?}", siblings(dir));
    }

    #[test]
    fn a_failure_between_batches_leaves_the_old_output_and_no_staging() {
        let root = tempfile::tempdir().unwrap();
        let dir = old_output(root.path());

        // A batch that fails after one was written: a path out of the output.
        let mut s = Staging::begin(&dir).unwrap();
        s.add(&[file("a.html", "new")]).unwrap();
        assert!(
            s.add(&[file("c.html", "new"), file("../x.html", "x")])
                .is_err()
        );
        drop(s);
        assert_untouched(&dir);
        assert!(!root.path().join("x.html").exists());

        // A page two batches both write.
        let mut s = Staging::begin(&dir).unwrap();
        s.add(&[file("a.html", "new")]).unwrap();
        let e = s.add(&[file("a.html", "again")]).unwrap_err();
        assert!(e.to_string().contains("same file"), "{e}");
        drop(s);
        assert_untouched(&dir);

        // A render error or a time-out: the staging is dropped without a commit.
        let mut s = Staging::begin(&dir).unwrap();
        s.add(&[file("a.html", "new"), file("c.html", "new")])
            .unwrap();
        drop(s);
        assert_untouched(&dir);

        // A panic while the batches are written.
        let d = dir.clone();
        let panicked = std::panic::catch_unwind(move || {
            let mut s = Staging::begin(&d).unwrap();
            s.add(&[file("a.html", "new")]).unwrap();
            panic!("a bug while rendering");
        });
        assert!(panicked.is_err());
        assert_untouched(&dir);

        // A failure of the commit itself: a foreign directory where a page goes.
        fs::create_dir(dir.join("c.html")).unwrap();
        let mut s = Staging::begin(&dir).unwrap();
        s.add(&[file("a.html", "new")]).unwrap();
        s.add(&[file("c.html", "new")]).unwrap();
        assert!(s.commit().is_err());
        assert_untouched(&dir);
        assert!(dir.join("c.html").is_dir());
    }

    #[test]
    fn a_page_cannot_take_the_place_of_a_directory_of_the_build() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("dist");
        let mut s = Staging::begin(&dir).unwrap();
        s.add(&[file("fragment/a.html", "a")]).unwrap();
        assert!(s.add(&[file("fragment", "x")]).is_err());
        drop(s);
        assert!(!dir.exists());
        assert!(siblings(&dir).is_empty(), "{:?}", siblings(&dir));
    }
}
