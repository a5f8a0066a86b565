//! Build script: the commit seloste is built from, for `seloste --version`.
//!
//! Sets `SELOSTE_COMMIT` to `<short hash> <commit date>` (`3f2a1b9c4 2026-11-27`), with
//! `-dirty` after the hash when tracked files differ from the commit. Without git or outside
//! the repository — a crates.io tarball, the Python sdist — it takes the hash cargo wrote into
//! `.cargo_vcs_info.json` when packaging, else says `unknown commit`; it never fails the build.
//!
//! It reruns only when the commit changes (HEAD, the branch it names, packed refs) or a file
//! that could make the tree dirty changes, so an ordinary rebuild does not call git.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    println!("cargo:rerun-if-changed=build.rs");
    let commit = from_git(&root)
        .or_else(|| from_vcs_info(&root))
        .unwrap_or_else(|| "unknown commit".to_string());
    println!("cargo:rustc-env=SELOSTE_COMMIT={commit}");
}

/// The commit of the repository this package is the root of.
fn from_git(root: &Path) -> Option<String> {
    // A tarball unpacked inside some other repository must not take that repository's commit.
    let top = git(root, &["rev-parse", "--show-toplevel"])?;
    if std::fs::canonicalize(&top).ok()? != std::fs::canonicalize(root).ok()? {
        return None;
    }
    let mut watched = vec![git(root, &["rev-parse", "--git-path", "HEAD"])?];
    if let Some(branch) = git(root, &["symbolic-ref", "-q", "HEAD"]) {
        watched.extend(git(root, &["rev-parse", "--git-path", &branch]));
    }
    watched.extend(git(root, &["rev-parse", "--git-path", "packed-refs"]));
    for path in watched {
        let path = root.join(path);
        // A path that does not exist would make cargo rerun the script on every build.
        if path.exists() {
            println!("cargo:rerun-if-changed={}", path.display());
        }
    }
    // What the dirty flag depends on: the package's own files.
    for dir in ["src", "templates", "data", "Cargo.toml", "Cargo.lock"] {
        if root.join(dir).exists() {
            println!("cargo:rerun-if-changed={dir}");
        }
    }
    let hash = git(root, &["rev-parse", "--short=9", "HEAD"])?;
    let date = git(root, &["log", "-1", "--format=%cs", "HEAD"])?;
    let dirty = git(root, &["status", "--porcelain", "--untracked-files=no"]).is_some();
    Some(format!(
        "{hash}{} {date}",
        if dirty { "-dirty" } else { "" }
    ))
}

/// The hash `cargo package` records in `.cargo_vcs_info.json` (`"sha1": "…"`).
fn from_vcs_info(root: &Path) -> Option<String> {
    let path = root.join(".cargo_vcs_info.json");
    let text = std::fs::read_to_string(&path).ok()?;
    println!("cargo:rerun-if-changed={}", path.display());
    let after = &text[text.find("\"sha1\"")? + "\"sha1\"".len()..];
    let start = after.find('"')? + 1;
    let hash: String = after[start..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .take(9)
        .collect();
    (hash.len() == 9).then_some(hash)
}

/// The trimmed output of a successful git command, if any.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let text = text.trim();
    (out.status.success() && !text.is_empty()).then(|| text.to_string())
}
