//! Containment: every file the project names is read from inside the project, and only if it
//! is a regular file of bounded size.
//!
//! Project content is untrusted (`docs/security.md`): a pull request can commit a symbolic link
//! (`templates/style.css -> /proc/self/environ`), a FIFO, or settings that point elsewhere
//! (`notices_dir: /etc`). So a path is judged by where it *resolves*, not by how it is spelled:
//! [`ProjectRoot::confine`] canonicalises it and refuses anything outside the project, and
//! [`read_confined`] refuses everything but a regular file, before reading a byte, and reads at
//! most a fixed number of bytes.

use std::fs;
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};

/// The directory of a project, as shown to the user and as resolved on disk.
#[derive(Clone, Debug)]
pub struct ProjectRoot {
    shown: PathBuf,
    real: PathBuf,
}

/// Why a path may not be used.
#[derive(Debug)]
pub enum ContainError {
    /// It resolves to a place outside the project.
    Outside,
    /// It is not a regular file (a directory, device, FIFO or socket).
    NotAFile(&'static str),
    /// It is larger than the budget, in bytes.
    TooLarge(u64),
    /// It could not be resolved or read.
    Io(io::Error),
}

impl std::fmt::Display for ContainError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ContainError::Outside => f.write_str("it leads outside the project"),
            ContainError::NotAFile(kind) => write!(f, "it is {kind}, not a regular file"),
            ContainError::TooLarge(n) => write!(f, "it is larger than {n} bytes"),
            ContainError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ContainError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ContainError::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl ProjectRoot {
    /// The project in directory `shown` (`""` means the current directory).
    pub fn new(shown: &Path) -> io::Result<ProjectRoot> {
        let dir = if shown.as_os_str().is_empty() {
            Path::new(".")
        } else {
            shown
        };
        Ok(ProjectRoot {
            shown: shown.to_path_buf(),
            real: fs::canonicalize(dir)?,
        })
    }

    /// A root that is taken as it is, for files held in memory (tests, benchmarks).
    pub fn unresolved(shown: &Path) -> ProjectRoot {
        ProjectRoot {
            shown: shown.to_path_buf(),
            real: shown.to_path_buf(),
        }
    }

    /// The directory as the user gave it.
    pub fn shown(&self) -> &Path {
        &self.shown
    }

    /// The directory with every symbolic link resolved.
    pub fn real(&self) -> &Path {
        &self.real
    }

    /// Whether a resolved path is the project directory or inside it — and not in its git
    /// metadata: `.git/config` holds the token `actions/checkout` leaves behind, so nothing
    /// under a `.git` directory counts as part of the project, whatever links lead there.
    pub fn holds(&self, real: &Path) -> bool {
        match real.strip_prefix(&self.real) {
            Ok(rest) => !rest.components().any(|c| c.as_os_str() == ".git"),
            Err(_) => false,
        }
    }

    /// Resolves `path` (which must exist) and returns where it really is, if that is inside
    /// the project.
    pub fn confine(&self, path: &Path) -> Result<PathBuf, ContainError> {
        let real = fs::canonicalize(path).map_err(ContainError::Io)?;
        if self.holds(&real) {
            Ok(real)
        } else {
            Err(ContainError::Outside)
        }
    }

    /// Resolves a path that need not exist yet (an output directory): its nearest existing
    /// ancestor is resolved, and the rest must be plain names.
    pub fn resolve_future(path: &Path) -> io::Result<PathBuf> {
        let mut existing = path;
        let mut rest: Vec<&std::ffi::OsStr> = Vec::new();
        loop {
            match fs::symlink_metadata(existing) {
                Ok(_) => break,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    let Some(name) = existing.file_name() else {
                        return Err(e);
                    };
                    rest.push(name);
                    existing = existing.parent().unwrap_or(Path::new("."));
                    if existing.as_os_str().is_empty() {
                        existing = Path::new(".");
                    }
                }
                Err(e) => return Err(e),
            }
        }
        let mut real = fs::canonicalize(existing)?;
        for name in rest.iter().rev() {
            real.push(name);
        }
        Ok(real)
    }
}

/// Whether a path from a project's settings is a plain relative path: no root, no drive, no
/// `..`. Such a path cannot leave the project by its spelling; symbolic links on the way are
/// judged when it is used.
pub fn is_plain_relative(path: &str) -> bool {
    !path.is_empty()
        && !path.contains('\\')
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}

/// What kind of file a metadata describes, for messages.
fn kind_of(meta: &fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    "not a regular file"
}

/// Opens a file without blocking on a FIFO or a device that never answers; with `no_follow`,
/// a symbolic link is not opened but fails (ELOOP on Unix).
fn open_nonblocking(path: &Path, no_follow: bool) -> io::Result<fs::File> {
    let mut opts = fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let mut flags = rustix::fs::OFlags::NONBLOCK;
        if no_follow {
            flags |= rustix::fs::OFlags::NOFOLLOW;
        }
        opts.custom_flags(flags.bits() as i32);
    }
    #[cfg(not(unix))]
    let _ = no_follow;
    opts.open(path)
}

/// Reads a file that lies directly in a directory known to resolve inside the project — the
/// project directory itself, or the register directory once [`ProjectRoot::confine`] has
/// accepted it — with the checks of [`read_confined`] at the cost of a plain read: the file is
/// opened without following a link, and only a link is resolved (and must lead inside).
pub fn read_entry(root: &ProjectRoot, path: &Path, cap: u64) -> Result<Vec<u8>, ContainError> {
    #[cfg(unix)]
    {
        match open_nonblocking(path, true) {
            Ok(file) => read_open(file, cap),
            // ELOOP: the entry is a symbolic link; resolve it and judge where it leads.
            Err(e) if e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error()) => {
                read_confined(root, path, cap)
            }
            Err(e) => Err(ContainError::Io(e)),
        }
    }
    #[cfg(not(unix))]
    {
        read_confined(root, path, cap)
    }
}

/// Reads an opened file if it is a regular file of at most `cap` bytes.
fn read_open(file: fs::File, cap: u64) -> Result<Vec<u8>, ContainError> {
    let meta = file.metadata().map_err(ContainError::Io)?;
    if !meta.is_file() {
        return Err(ContainError::NotAFile(kind_of(&meta)));
    }
    if meta.len() > cap {
        return Err(ContainError::TooLarge(cap));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // At most one byte past the budget: the file may have grown since it was measured.
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(ContainError::Io)?;
    if bytes.len() as u64 > cap {
        return Err(ContainError::TooLarge(cap));
    }
    Ok(bytes)
}

/// Reads a file of the project: it must resolve inside `root`, be a regular file, and hold at
/// most `cap` bytes. The kind of file is checked on the opened handle, so what is read is what
/// was checked; opening does not block on a FIFO.
pub fn read_confined(root: &ProjectRoot, path: &Path, cap: u64) -> Result<Vec<u8>, ContainError> {
    let real = root.confine(path)?;
    // A FIFO is refused before it is opened (opening one for reading can block on some
    // systems even with O_NONBLOCK); the handle is checked again below.
    let meta = fs::metadata(&real).map_err(ContainError::Io)?;
    if !meta.is_file() {
        return Err(ContainError::NotAFile(kind_of(&meta)));
    }
    read_open(
        open_nonblocking(&real, false).map_err(ContainError::Io)?,
        cap,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_relative_paths() {
        for ok in ["dist", "public/tietosuoja", "./notices", "a/./b"] {
            assert!(is_plain_relative(ok), "{ok}");
        }
        for bad in [
            "",
            "/etc",
            "../x",
            "a/../../b",
            "a/..",
            "..",
            "C:\\x",
            "a\\..\\b",
        ] {
            assert!(!is_plain_relative(bad), "{bad}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_out_of_the_project_are_refused_and_inside_followed() {
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret"), "token").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let root = ProjectRoot::new(dir.path()).unwrap();
        fs::write(dir.path().join("real.yaml"), "a: 1").unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret"), dir.path().join("out.yaml"))
            .unwrap();
        std::os::unix::fs::symlink("real.yaml", dir.path().join("in.yaml")).unwrap();
        assert!(matches!(
            read_confined(&root, &dir.path().join("out.yaml"), 100),
            Err(ContainError::Outside)
        ));
        assert_eq!(
            read_confined(&root, &dir.path().join("in.yaml"), 100).unwrap(),
            b"a: 1"
        );
        assert!(matches!(
            read_confined(&root, &dir.path().join("real.yaml"), 2),
            Err(ContainError::TooLarge(2))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn git_metadata_is_not_part_of_the_project() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join(".git")).unwrap();
        fs::write(
            dir.path().join(".git/config"),
            "extraheader = AUTHORIZATION: x",
        )
        .unwrap();
        std::os::unix::fs::symlink(".git/config", dir.path().join("style.css")).unwrap();
        let root = ProjectRoot::new(dir.path()).unwrap();
        assert!(matches!(
            read_confined(&root, &dir.path().join("style.css"), 100),
            Err(ContainError::Outside)
        ));
        assert!(matches!(
            read_entry(&root, &dir.path().join("style.css"), 100),
            Err(ContainError::Outside)
        ));
        assert!(!root.holds(&root.real().join(".git")));
        assert!(root.holds(&root.real().join("a.git/x")));
    }

    #[cfg(unix)]
    #[test]
    fn entries_are_read_plainly_and_links_judged() {
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret"), "token").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let root = ProjectRoot::new(dir.path()).unwrap();
        fs::write(dir.path().join("a.yaml"), "a: 1").unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret"), dir.path().join("o.yaml"))
            .unwrap();
        std::os::unix::fs::symlink("a.yaml", dir.path().join("i.yaml")).unwrap();
        assert_eq!(
            read_entry(&root, &dir.path().join("a.yaml"), 9).unwrap(),
            b"a: 1"
        );
        assert_eq!(
            read_entry(&root, &dir.path().join("i.yaml"), 9).unwrap(),
            b"a: 1"
        );
        assert!(matches!(
            read_entry(&root, &dir.path().join("o.yaml"), 9),
            Err(ContainError::Outside)
        ));
        let fifo = dir.path().join("f.yaml");
        if std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success())
        {
            assert!(matches!(
                read_entry(&root, &fifo, 9),
                Err(ContainError::NotAFile(_))
            ));
        }
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_fifos_are_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("f.yaml");
        let status = std::process::Command::new("mkfifo").arg(&fifo).status();
        let root = ProjectRoot::new(dir.path()).unwrap();
        if status.is_ok_and(|s| s.success()) {
            assert!(matches!(
                read_confined(&root, &fifo, 100),
                Err(ContainError::NotAFile(_))
            ));
        }
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("z.css")).unwrap();
        // Outside the project first; a device inside it would be refused as not a file.
        assert!(read_confined(&root, &dir.path().join("z.css"), 100).is_err());
        let dev = ProjectRoot::new(Path::new("/dev")).unwrap();
        assert!(matches!(
            read_confined(&dev, Path::new("/dev/zero"), 100),
            Err(ContainError::NotAFile("a device"))
        ));
    }
}
