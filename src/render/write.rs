//! Writing the output: atomically per file, all-or-nothing before any rename, and never
//! touching files seloste did not write.
//!
//! Every file is first written to a hidden temporary file beside its target; only when all of
//! them are written are they renamed into place, so a build that fails or is interrupted
//! while writing leaves the previous output as it was. A manifest (`.seloste-manifest`)
//! records what seloste wrote, so that the pages of a register that was removed are removed
//! too — and nothing else ever is. Files whose contents are unchanged are left alone, so their
//! modification times survive.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use super::OutputFile;

/// The manifest of files seloste wrote, in the output directory.
pub const MANIFEST: &str = ".seloste-manifest";
const TMP_MARK: &str = ".seloste-tmp";

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

/// Why writing failed.
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

fn err(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |error| WriteError {
        path: path.to_path_buf(),
        error,
    }
}

/// Whether a relative output path stays inside the output directory.
pub fn is_contained(rel: &str) -> bool {
    let p = Path::new(rel);
    !rel.is_empty()
        && p.components().all(|c| matches!(c, Component::Normal(_)))
        && !rel.contains('\\')
}

fn tmp_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}{TMP_MARK}-{}", std::process::id()))
}

/// Removes temporary files an interrupted earlier build left behind.
fn clean_stale_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') && name.contains(TMP_MARK) {
            let _ = fs::remove_file(e.path());
        } else if e.file_type().is_ok_and(|t| t.is_dir()) && name == "fragment" {
            clean_stale_temporaries(&e.path());
        }
    }
}

fn read_manifest(dir: &Path) -> BTreeSet<String> {
    fs::read_to_string(dir.join(MANIFEST))
        .map(|s| {
            s.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#') && is_contained(l))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// Writes `files` into `dir`.
pub fn write(dir: &Path, files: &[OutputFile]) -> Result<WriteReport, WriteError> {
    for f in files {
        if !is_contained(&f.path) {
            return Err(WriteError {
                path: dir.join(&f.path),
                error: io::Error::new(
                    io::ErrorKind::InvalidInput,
                    "path leaves the output directory",
                ),
            });
        }
    }
    fs::create_dir_all(dir).map_err(err(dir))?;
    clean_stale_temporaries(dir);
    let previous = read_manifest(dir);

    // The directories first, once each: thousands of files share a handful of them.
    let parents: BTreeSet<PathBuf> = files
        .iter()
        .filter_map(|f| dir.join(&f.path).parent().map(Path::to_path_buf))
        .collect();
    for parent in &parents {
        fs::create_dir_all(parent).map_err(err(parent))?;
    }

    // Phase 1: write every changed file to a temporary beside its target.
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut report = WriteReport::default();
    let stage = |staged: &mut Vec<(PathBuf, PathBuf)>,
                 report: &mut WriteReport|
     -> Result<(), WriteError> {
        for f in files {
            let target = dir.join(&f.path);
            if fs::read(&target).is_ok_and(|old| old == f.contents.as_bytes()) {
                report.unchanged += 1;
                continue;
            }
            let tmp = tmp_path(&target);
            fs::write(&tmp, f.contents.as_bytes()).map_err(err(&tmp))?;
            staged.push((tmp, target));
        }
        Ok(())
    };
    if let Err(e) = stage(&mut staged, &mut report) {
        for (tmp, _) in &staged {
            let _ = fs::remove_file(tmp);
        }
        return Err(e);
    }

    // Phase 2: rename into place.
    for (i, (tmp, target)) in staged.iter().enumerate() {
        if let Err(e) = fs::rename(tmp, target) {
            for (t, _) in &staged[i..] {
                let _ = fs::remove_file(t);
            }
            return Err(WriteError {
                path: target.clone(),
                error: e,
            });
        }
        report.written += 1;
    }

    // Phase 3: remove what an earlier build wrote and this one does not, then the manifest.
    let now: BTreeSet<String> = files.iter().map(|f| f.path.clone()).collect();
    for old in previous.difference(&now) {
        let p = dir.join(old);
        if p.is_file() && fs::remove_file(&p).is_ok() {
            report.removed.push(old.clone());
        }
    }
    let mut manifest = String::from(
        "# Files written by seloste build; used to remove outputs of deleted registers.\n",
    );
    for p in &now {
        manifest.push_str(p);
        manifest.push('\n');
    }
    let target = dir.join(MANIFEST);
    if fs::read_to_string(&target).ok().as_deref() != Some(manifest.as_str()) {
        let tmp = tmp_path(&target);
        fs::write(&tmp, manifest).map_err(err(&tmp))?;
        fs::rename(&tmp, &target).map_err(err(&target))?;
    }
    Ok(report)
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
        ] {
            assert!(!is_contained(bad), "{bad}");
        }
    }

    #[test]
    fn writes_keeps_foreign_files_and_removes_own_stale_ones() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("own-notes.txt"), "mine").unwrap();
        let r = write(dir.path(), &[file("a.html", "A"), file("b.html", "B")]).unwrap();
        assert_eq!(r.written, 2);
        let r = write(dir.path(), &[file("a.html", "A"), file("c.html", "C")]).unwrap();
        assert_eq!((r.written, r.unchanged), (1, 1));
        assert_eq!(r.removed, vec!["b.html".to_string()]);
        assert!(!dir.path().join("b.html").exists());
        assert_eq!(
            fs::read_to_string(dir.path().join("own-notes.txt")).unwrap(),
            "mine"
        );
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().contains(TMP_MARK))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn a_failed_write_leaves_the_previous_output() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), &[file("a.html", "old")]).unwrap();
        // A file where the fragment directory must go makes staging fail after a.html is staged.
        fs::write(dir.path().join("fragment"), "not a directory").unwrap();
        let e = write(
            dir.path(),
            &[file("a.html", "new"), file("fragment/z.html", "z")],
        );
        assert!(e.is_err());
        assert_eq!(
            fs::read_to_string(dir.path().join("a.html")).unwrap(),
            "old"
        );
        let leftovers = fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().contains(TMP_MARK))
            .count();
        assert_eq!(leftovers, 0);
    }
}
