//! `stale-schema`: a copy of seloste's JSON Schema in the project (written by `seloste init`,
//! named by the files' `# yaml-language-server: $schema=…` lines) that differs from the schema
//! of the seloste running. The pipeline reads the copies ([`copies`] says which) and this rule
//! judges them ([`is_current`], [`report`]); it reads no file itself.

use std::path::{Component, Path, PathBuf};

use serde_json::Value;

use crate::applicability::Section;
use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::{self, Findings, Rule};
use crate::model::Project;
use crate::source::{FileId, Pos};

/// The rule.
pub static RULE: Rule = Rule {
    name: "stale-schema",
    articles: &[],
    severity: Severity::Warning,
    section: Section::Head,
    summary: "a copy of the JSON Schema in the project differs from this seloste's",
    explanation: r#"## What it checks
The JSON Schemas the project's files point at in their first lines
(`# yaml-language-server: $schema=../schema/register.schema.json`), and those in the
project's `schema/` directory, where `seloste init` writes them: each must be the schema of
the seloste that checks the project. Only files inside the project are read; a schema given
by a web address is not.

## Why
Editors check and complete the files with the copy, not with seloste. After an upgrade, a
stale copy flags keys that seloste now accepts, misses values it now rejects and offers
completions that no longer exist, so the editor and `seloste check` disagree. It is not a
defect of the notice itself, and cites no article: a warning, which a project that pins its
own schema can set to `allow`.

## Example
```sh
seloste schema --out schema
```
writes the current `seloste.schema.json` and `register.schema.json` over the old copies.
"#,
    project: None,
    register: None,
    text: None,
};

/// The line a file names its schema on, the schema's path as written, and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Modeline<'a> {
    /// The path after `$schema=`.
    pub path: &'a str,
    /// Its position (1-based line and column).
    pub pos: Pos,
}

/// The `# yaml-language-server: $schema=PATH` line among the comments that open `source`.
pub fn modeline(source: &str) -> Option<Modeline<'_>> {
    for (i, line) in source.lines().enumerate() {
        let t = line.trim_start();
        if t.is_empty() {
            continue;
        }
        let comment = t.strip_prefix('#')?;
        let Some(at) = comment.find("$schema=") else {
            continue;
        };
        if !comment[..at].contains("yaml-language-server") {
            continue;
        }
        let path = comment[at + "$schema=".len()..].trim();
        let start = line.len() - t.len() + 1 + at + "$schema=".len();
        let column = line[..start].chars().count() as u32 + 1;
        return Some(Modeline {
            path,
            pos: Pos::at(i as u32 + 1, column),
        });
    }
    None
}

/// Which schema a copy should be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    /// `seloste.schema.json`, of `seloste.yaml`.
    Project,
    /// `register.schema.json`, of the register files.
    Register,
}

impl Which {
    fn text(self) -> &'static str {
        match self {
            Which::Project => crate::schema::PROJECT_SCHEMA_TEXT,
            Which::Register => crate::schema::REGISTER_SCHEMA_TEXT,
        }
    }
}

/// The copy a modeline names, relative to the project root: `file_dir` is the directory of
/// the file holding it, relative to the root. `None` for a web address or a path that leaves
/// the project (absolute, or `..` beyond the root): those are never read.
pub fn copy_path(file_dir: &Path, written: &str) -> Option<PathBuf> {
    if written.is_empty() || written.contains("://") || written.contains('\\') {
        return None;
    }
    let joined = file_dir.join(written);
    let mut parts: Vec<&std::ffi::OsStr> = Vec::new();
    for c in joined.components() {
        match c {
            Component::Normal(p) => parts.push(p),
            Component::CurDir => {}
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.iter().collect())
}

/// A copy of a schema to read: its path relative to the project root, the schema it should
/// be, and the modeline that names it first (`None` for a file of the conventional `schema/`
/// directory that no file names).
pub type Copy = (PathBuf, Which, Option<(FileId, Pos)>);

/// The copies of a project to read, each once: those the modelines of `seloste.yaml`
/// (`project`) and of the registers (`registers`: each with its directory relative to the
/// root, and its text) name, then the conventional `schema/` files.
pub fn copies<'a>(
    project: (FileId, &'a str),
    registers: impl IntoIterator<Item = (FileId, PathBuf, &'a str)>,
) -> Vec<Copy> {
    let mut out: Vec<Copy> = Vec::new();
    let named = std::iter::once((project.0, PathBuf::new(), project.1, Which::Project)).chain(
        registers
            .into_iter()
            .map(|(file, dir, text)| (file, dir, text, Which::Register)),
    );
    for (file, dir, text, which) in named {
        if let Some(m) = modeline(text)
            && let Some(path) = copy_path(&dir, m.path)
            && !out.iter().any(|(p, _, _)| *p == path)
        {
            out.push((path, which, Some((file, m.pos))));
        }
    }
    for (name, which) in [
        (crate::schema::PROJECT_SCHEMA_FILE, Which::Project),
        (crate::schema::REGISTER_SCHEMA_FILE, Which::Register),
    ] {
        let path = Path::new("schema").join(name);
        if !out.iter().any(|(p, _, _)| *p == path) {
            out.push((path, which, None));
        }
    }
    out
}

/// Whether `text` is the schema `which` of this seloste: the same text as `seloste schema
/// --out` writes (line ends aside), or failing that the same JSON in another layout.
pub fn is_current(text: &str, which: Which) -> bool {
    let ours = which.text();
    if text.replace("\r\n", "\n").trim_end() == ours.trim_end() {
        return true;
    }
    match (
        serde_json::from_str::<Value>(text),
        serde_json::from_str::<Value>(ours),
    ) {
        (Ok(theirs), Ok(ours)) => theirs == ours,
        _ => false,
    }
}

/// Reports a copy that is not current (see [`is_current`]), shown as `shown`, at `at` (the
/// modeline that names it, or the copy's own first line), at the level the project sets.
pub fn report(
    project: &Project,
    at: (FileId, Pos),
    shown: &str,
    which: Which,
    out: &mut Vec<Diagnostic>,
) {
    let Some(severity) = lint::severity_in(&RULE, project, &[]) else {
        return;
    };
    let path = Path::new(shown);
    let dir = path
        .parent()
        .map(crate::source::display_path)
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| ".".to_string());
    let (conventional, name) = match which {
        Which::Project => (crate::schema::PROJECT_SCHEMA_FILE, "project"),
        Which::Register => (crate::schema::REGISTER_SCHEMA_FILE, "register"),
    };
    // `schema --out` writes the conventional names; another name is written by hand.
    let help = if path.file_name().is_some_and(|n| n == conventional) {
        format!("run `seloste schema --out {dir}`")
    } else {
        format!("run `seloste schema {name} > {shown}`")
    };
    let mut findings = Findings::default();
    findings
        .at(
            at.1,
            format!(
                "{shown} is not the JSON Schema of this seloste: editors check the files with an old copy"
            ),
        )
        .help(help);
    lint::into_diagnostics(&RULE, severity, at.0, findings, Pos::START, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_modeline_is_found_among_the_leading_comments() {
        let m =
            modeline("# yaml-language-server: $schema=../schema/register.schema.json\ntitle: x\n");
        assert_eq!(
            m.as_ref().map(|m| m.path),
            Some("../schema/register.schema.json")
        );
        assert_eq!(m.map(|m| (m.pos.line, m.pos.column)), Some((1, 33)));
        let m = modeline("# Asiakasrekisteri\n\n#yaml-language-server: $schema=s.json\n");
        assert_eq!(m.map(|m| (m.path, m.pos.line)), Some(("s.json", 3)));
        assert_eq!(
            modeline("title: x\n# yaml-language-server: $schema=s.json\n"),
            None
        );
        assert_eq!(modeline("# $schema=s.json\n"), None);
    }

    #[test]
    fn a_copy_is_current_when_it_is_the_same_json() {
        let text = crate::schema::to_text(&crate::schema::register());
        assert!(is_current(&text, Which::Register));
        assert!(is_current(&text.replace('\n', "\r\n"), Which::Register));
        let compact = serde_json::to_string(&crate::schema::register()).unwrap();
        assert!(is_current(&compact, Which::Register));
        assert!(!is_current(&text, Which::Project));
        assert!(!is_current("{}", Which::Register));
        assert!(!is_current("not json", Which::Register));
    }

    #[test]
    fn copies_are_named_once_and_the_conventional_ones_last() {
        let (a, b) = (FileId(0), FileId(1));
        let line = "# yaml-language-server: $schema=../schema/register.schema.json\n";
        let got = copies(
            (
                a,
                "# yaml-language-server: $schema=schema/seloste.schema.json\n",
            ),
            [
                (b, PathBuf::from("notices"), line),
                (b, PathBuf::from("notices"), line),
            ],
        );
        let paths: Vec<_> = got
            .iter()
            .map(|(p, w, at)| (p.clone(), *w, at.map(|(f, _)| f)))
            .collect();
        assert_eq!(
            paths,
            [
                (
                    PathBuf::from("schema/seloste.schema.json"),
                    Which::Project,
                    Some(a)
                ),
                (
                    PathBuf::from("schema/register.schema.json"),
                    Which::Register,
                    Some(b)
                ),
            ]
        );
    }

    #[test]
    fn only_copies_inside_the_project_are_named() {
        let notices = Path::new("notices");
        assert_eq!(
            copy_path(notices, "../schema/register.schema.json"),
            Some(PathBuf::from("schema/register.schema.json"))
        );
        assert_eq!(
            copy_path(Path::new(""), "./schema/x.json"),
            Some(PathBuf::from("schema/x.json"))
        );
        for outside in [
            "../../schema/register.schema.json",
            "/etc/passwd",
            "https://example.fi/register.schema.json",
            "..\\schema\\x.json",
            "",
        ] {
            assert_eq!(copy_path(notices, outside), None, "{outside}");
        }
    }
}
