//! Finding the project: at a path the user gives, or from the working directory upward — and,
//! when there is none, naming the projects one level down, so that a user at the root of a
//! repository whose project lives in `tietosuoja/` is told what to run.

use std::fs;
use std::path::{Path, PathBuf};

use crate::characters;
use crate::diagnostic::{Diagnostic, InputError};
use crate::source::display_path;

/// The name of the project file.
pub const PROJECT_FILE: &str = "seloste.yaml";

/// Directories never looked into for a project one level down: build output and installed
/// dependencies, which can be large and never hold one of the user's projects.
const SKIPPED_DIRS: &[&str] = &["target", "node_modules", "dist"];

/// At most this many entries of a directory are looked at one level down, so that a
/// directory of a million files costs no more than a glance.
const MAX_ENTRIES: usize = 10_000;

/// At most this many projects found one level down are named in a help line.
const MAX_NAMED: usize = 5;

/// Finds the project file: at `path` if given (a directory holding `seloste.yaml`, or the file
/// itself), otherwise in `cwd` or the nearest directory above it. When there is none, the
/// help names the projects one level down, if any.
pub fn discover(path: Option<&Path>, cwd: &Path) -> Result<PathBuf, Box<Diagnostic>> {
    discover_for(None, path, cwd)
}

/// [`discover`], for a command: when no project is found but some lie one level down, the
/// help says to run `command DIR` (e.g. `seloste check tietosuoja`). Without a command it says
/// to pass the directory.
pub fn discover_for(
    command: Option<&str>,
    path: Option<&Path>,
    cwd: &Path,
) -> Result<PathBuf, Box<Diagnostic>> {
    match path {
        Some(p) if p.is_file() => Ok(p.to_path_buf()),
        Some(p) if p.is_dir() => {
            let f = p.join(PROJECT_FILE);
            if f.is_file() {
                Ok(f)
            } else {
                Err(not_found(
                    command,
                    format!("in {}", display_path(p)),
                    p,
                    &projects_below(p),
                ))
            }
        }
        // A device, a socket or a pipe exists but is no project.
        Some(p) if p.exists() => Err(Box::new(
            Diagnostic::input_unlocated(
                InputError::Io,
                format!("{} is neither a file nor a directory", display_path(p)),
            )
            .with_help("pass a directory that holds seloste.yaml, or the file itself"),
        )),
        Some(p) => Err(Box::new(
            Diagnostic::input_unlocated(
                InputError::Io,
                format!("{} does not exist", display_path(p)),
            )
            .with_help("pass a directory that holds seloste.yaml, or the file itself"),
        )),
        None => {
            let mut rel = PathBuf::new();
            for dir in cwd.ancestors() {
                if dir.join(PROJECT_FILE).is_file() {
                    return Ok(rel.join(PROJECT_FILE));
                }
                // Not beyond the root of the repository: a project above it is not this one.
                if dir.join(".git").exists() {
                    break;
                }
                rel.push("..");
            }
            Err(not_found(
                command,
                format!(
                    "in {} or any directory above it up to the repository root",
                    cwd.display()
                ),
                Path::new(""),
                &projects_below(cwd),
            ))
        }
    }
}

/// The `no-project` diagnostic: no project `where_`; `shown` is the directory looked in as the
/// user would type it (`""`: the working directory), `below` the projects one level down.
fn not_found(
    command: Option<&str>,
    where_: String,
    shown: &Path,
    below: &[String],
) -> Box<Diagnostic> {
    let d = Diagnostic::input_unlocated(
        InputError::NoProject,
        format!("no {PROJECT_FILE} found {where_}"),
    );
    let dirs: Vec<String> = below
        .iter()
        .map(|name| display_path(&shown.join(name)))
        .collect();
    let help = match (dirs.as_slice(), command) {
        ([], _) => {
            "create a project with `seloste init`, or pass the directory that holds seloste.yaml"
                .to_string()
        }
        ([one], Some(command)) => format!(
            "{one}/{PROJECT_FILE} is one level down: run `{command} {}`",
            shell_word(one)
        ),
        ([one], None) => format!(
            "{one}/{PROJECT_FILE} is one level down: pass `{}` as the project, or run seloste in that directory",
            shell_word(one)
        ),
        (many, command) => {
            let named: Vec<String> = many
                .iter()
                .take(MAX_NAMED)
                .map(|dir| match command {
                    Some(c) => format!("`{c} {}`", shell_word(dir)),
                    None => format!("`{}`", shell_word(dir)),
                })
                .collect();
            let more = match many.len().saturating_sub(MAX_NAMED) {
                0 => String::new(),
                n => format!(" (and {n} more)"),
            };
            match command {
                Some(_) => format!(
                    "{} projects are one level down: run {}{more}",
                    many.len(),
                    named.join(" or ")
                ),
                None => format!(
                    "{} projects are one level down: pass one of {}{more} as the project",
                    many.len(),
                    named.join(", ")
                ),
            }
        }
    };
    Box::new(d.with_help(help))
}

/// The names of the directories directly in `dir` that hold a `seloste.yaml`, sorted. Hidden
/// directories, symbolic links, `target`, `node_modules` and `dist` are not looked into, names
/// a terminal would show as something else are left out, and at most 10,000 entries
/// are looked at: nothing is read beyond whether the file is there.
pub fn projects_below(dir: &Path) -> Vec<String> {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<String> = entries
        .take(MAX_ENTRIES)
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| {
            !name.starts_with('.')
                && !SKIPPED_DIRS.contains(&name.as_str())
                && characters::first_hidden(name).is_none()
                && !name.chars().any(char::is_control)
        })
        .filter(|name| dir.join(name).join(PROJECT_FILE).is_file())
        .collect();
    found.sort();
    found
}

/// `s` as one word of a POSIX shell: as it is when it holds only letters, digits and
/// `/._-+,:@%=`, otherwise in single quotes.
pub fn shell_word(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || "/._-+,:@%=".contains(c));
    if plain {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(dir: &Path) {
        fs::create_dir_all(dir).unwrap();
        fs::write(dir.join(PROJECT_FILE), "").unwrap();
    }

    #[test]
    fn discover_walks_upward() {
        let dir = tempfile::tempdir().unwrap();
        project(dir.path());
        let sub = dir.path().join("notices/deep");
        fs::create_dir_all(&sub).unwrap();
        let found = discover(None, &sub).unwrap();
        assert_eq!(found, Path::new("../../seloste.yaml"));
        let err = discover(Some(&sub), &sub).unwrap_err();
        assert_eq!(err.code.as_str(), "no-project");
    }

    #[test]
    fn discover_stops_at_the_repository_root() {
        let dir = tempfile::tempdir().unwrap();
        project(dir.path());
        let repo = dir.path().join("repo");
        fs::create_dir_all(repo.join(".git")).unwrap();
        let err = discover(None, &repo).unwrap_err();
        assert_eq!(err.code.as_str(), "no-project");
    }

    #[test]
    fn no_project_names_the_one_below() {
        let dir = tempfile::tempdir().unwrap();
        let repo = dir.path().join("repo");
        fs::create_dir_all(repo.join(".git")).unwrap();
        project(&repo.join("tietosuoja"));
        let err = discover_for(Some("seloste check"), None, &repo).unwrap_err();
        assert_eq!(
            err.help,
            ["tietosuoja/seloste.yaml is one level down: run `seloste check tietosuoja`"]
        );
        // Given as a directory, the directory is part of what to run.
        let err = discover_for(Some("seloste build"), Some(&repo), dir.path()).unwrap_err();
        let shown = display_path(&repo.join("tietosuoja"));
        assert_eq!(
            err.help,
            [format!(
                "{shown}/seloste.yaml is one level down: run `seloste build {}`",
                shell_word(&shown)
            )]
        );
        let err = discover(None, &repo).unwrap_err();
        assert!(
            err.help[0].contains("pass `tietosuoja` as the project"),
            "{:?}",
            err.help
        );
    }

    #[test]
    fn no_project_lists_several_and_skips_what_holds_none() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "b",
            "a",
            "Työ haku",
            ".hidden",
            "target",
            "node_modules",
            "dist",
        ] {
            project(&dir.path().join(name));
        }
        fs::create_dir_all(dir.path().join("empty")).unwrap();
        fs::write(dir.path().join("file"), "").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path().join("a"), dir.path().join("link")).unwrap();
        assert_eq!(projects_below(dir.path()), ["Työ haku", "a", "b"]);
        let err = discover_for(Some("seloste check"), Some(dir.path()), dir.path()).unwrap_err();
        let d = display_path(dir.path());
        assert_eq!(
            err.help,
            [format!(
                "3 projects are one level down: run `seloste check {}` or `seloste check {}` or `seloste check {}`",
                shell_word(&format!("{d}/Työ haku")),
                shell_word(&format!("{d}/a")),
                shell_word(&format!("{d}/b")),
            )]
        );
        // Two levels down is not looked at.
        let deeper = tempfile::tempdir().unwrap();
        project(&deeper.path().join("x/y"));
        assert!(projects_below(deeper.path()).is_empty());
    }

    #[test]
    fn many_projects_below_are_counted_not_all_named() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join(".git")).unwrap();
        for i in 0..7 {
            project(&dir.path().join(format!("p{i}")));
        }
        let err = discover_for(Some("seloste check"), None, dir.path()).unwrap_err();
        assert!(
            err.help[0].starts_with("7 projects are one level down: run `seloste check p0`")
                && err.help[0].ends_with("`seloste check p4` (and 2 more)"),
            "{:?}",
            err.help
        );
    }

    #[test]
    fn shell_words_are_quoted_when_needed() {
        assert_eq!(shell_word("tietosuoja"), "tietosuoja");
        assert_eq!(shell_word("../työt/a-b_c.yaml"), "../työt/a-b_c.yaml");
        assert_eq!(shell_word("a b"), "'a b'");
        assert_eq!(shell_word("it's"), r"'it'\''s'");
        assert_eq!(shell_word("$(x)"), "'$(x)'");
        assert_eq!(shell_word(""), "''");
    }
}
