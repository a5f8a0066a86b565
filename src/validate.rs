//! Validate stage: resolve `seloste.yaml` into a [`Project`] (settings with defaults, lint
//! levels naming real rules) and give each register a safe, unique id.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, InputError, closest};
use crate::lint;
use crate::model::{
    DEFAULT_NOTICES_DIR, DEFAULT_OUTPUT_DIR, DEFAULT_STALENESS_MONTHS, Level, Project, ProjectFile,
    Spanned, SpannedMap,
};
use crate::render;
use crate::source::{FileId, Pos};

/// Resolves the settings of `seloste.yaml`. Problems are input errors located in the file; the
/// project is still returned (with defaults in place of bad values) so other files can be
/// checked.
pub fn project(root: &Path, file: FileId, config: ProjectFile) -> (Project, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let settings = config.settings.as_ref().map(|s| &s.value);
    let mut dir = |value: Option<&Spanned<String>>, default: &str| -> PathBuf {
        match value {
            Some(v) if v.value.trim().is_empty() => {
                diagnostics.push(Diagnostic::input(
                    InputError::InvalidValue,
                    file,
                    v.pos,
                    "a directory name cannot be empty",
                ));
                root.join(default)
            }
            Some(v) if !crate::contain::is_plain_relative(v.value.trim()) => {
                diagnostics.push(
                    Diagnostic::input(
                        InputError::OutsideProject,
                        file,
                        v.pos,
                        format!(
                            "{:?} is not a directory inside the project: an absolute path or `..` is not allowed here",
                            v.value.trim()
                        ),
                    )
                    .with_help(format!(
                        "name a directory relative to seloste.yaml, such as `{default}`; to build elsewhere, use `seloste build --out DIR`"
                    )),
                );
                root.join(default)
            }
            Some(v) => root.join(v.value.trim()),
            None => root.join(default),
        }
    };
    let notices_dir = dir(
        settings.and_then(|s| s.notices_dir.as_ref()),
        DEFAULT_NOTICES_DIR,
    );
    let output_dir = dir(
        settings.and_then(|s| s.output_dir.as_ref()),
        DEFAULT_OUTPUT_DIR,
    );
    // Read only when named: an existing project may have a `shared/` of another kind.
    let shared_dir = settings.and_then(|s| s.shared_dir.as_ref()).and_then(|d| {
        let usable =
            !d.value.trim().is_empty() && crate::contain::is_plain_relative(d.value.trim());
        // A directory that may not be used is reported, and none is read.
        let path = dir(Some(d), "shared");
        usable.then_some(path)
    });
    let staleness_months = match settings.and_then(|s| s.staleness_months.as_ref()) {
        Some(m) if m.value == 0 => {
            diagnostics.push(
                Diagnostic::input(
                    InputError::InvalidValue,
                    file,
                    m.pos,
                    "`staleness_months` must be at least 1",
                )
                .with_help("to switch the check off, set `stale-notice: allow` under `lints`"),
            );
            DEFAULT_STALENESS_MONTHS
        }
        Some(m) => m.value,
        None => DEFAULT_STALENESS_MONTHS,
    };
    let levels = settings
        .and_then(|s| s.lints.as_ref())
        .map(|l| lint_levels(file, &l.value, &mut diagnostics))
        .unwrap_or_default();
    let definitions = config
        .shared
        .as_ref()
        .map(|s| s.value.clone())
        .unwrap_or_default();
    let project = Project {
        root: root.to_path_buf(),
        file,
        config,
        notices_dir,
        output_dir,
        staleness_months,
        levels,
        shared_dir,
        definitions,
        shared: Default::default(),
        shared_sources: Vec::new(),
    };
    (project, diagnostics)
}

/// Resolves a `lints` table (of `settings` or of a register): its levels by rule, in file
/// order; a name that is no rule is an input error at the name.
pub(crate) fn lint_levels(
    file: FileId,
    lints: &SpannedMap<Spanned<Level>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(&'static str, Level)> {
    let mut levels = Vec::new();
    for (name, level) in &lints.0 {
        match lint::rule(&name.value) {
            Some(rule) => levels.push((rule.name, level.value)),
            None => {
                let mut d = Diagnostic::input(
                    InputError::UnknownRule,
                    file,
                    name.pos,
                    format!("no rule is named `{}`", name.value),
                );
                if let Some(s) = closest(&name.value, lint::RULES.iter().map(|r| r.name)) {
                    d = d.with_help(format!("did you mean `{s}`?"));
                }
                diagnostics.push(d.with_help("`seloste rules` lists every rule"));
            }
        }
    }
    levels
}

/// The id of a register file: its stem in lower case, with Finnish letters folded to ASCII and
/// anything but letters, digits, `-` and `_` turned into `-`. An id can therefore never name
/// a path outside the output directory; nor, by [`render::id_conflict`], a file that the
/// output holds for another purpose.
pub fn register_id(path: &Path) -> Option<String> {
    let id = slug_of(path)?;
    render::id_conflict(&id).is_none().then_some(id)
}

/// The slug of a file's stem, if it gives one.
fn slug_of(path: &Path) -> Option<String> {
    let id = crate::identifiers::slug(path.file_stem()?.to_str()?);
    (!id.is_empty()).then_some(id)
}

/// Assigns ids to register files; a file whose name gives no usable id, or the id of an
/// earlier file, is an input error.
pub fn register_ids(files: &[(FileId, PathBuf)]) -> (Vec<Option<String>>, Vec<Diagnostic>) {
    let mut seen: HashMap<String, &Path> = HashMap::new();
    let mut ids = Vec::with_capacity(files.len());
    let mut diagnostics = Vec::new();
    for (file, path) in files {
        let conflict = slug_of(path).and_then(|id| Some((render::id_conflict(&id)?, id)));
        if let Some((conflict, id)) = conflict {
            let stem = id.trim_start_matches('_');
            diagnostics.push(
                Diagnostic::input(
                    InputError::InvalidValue,
                    *file,
                    Pos::START,
                    format!("this file gives the register id `{id}`, whose pages would overwrite {conflict}"),
                )
                .with_help(format!("rename the file, e.g. to `{stem}-register.yaml`")),
            );
            ids.push(None);
            continue;
        }
        match register_id(path) {
            None => {
                diagnostics.push(
                    Diagnostic::input(
                        InputError::InvalidValue,
                        *file,
                        Pos::START,
                        "this file name gives no usable register id",
                    )
                    .with_help("rename the file with letters or digits, e.g. `asiakasrekisteri.yaml` (not `index.yaml`)"),
                );
                ids.push(None);
            }
            Some(id) => {
                if let Some(first) = seen.get(&id) {
                    diagnostics.push(
                        Diagnostic::input(
                            InputError::DuplicateId,
                            *file,
                            Pos::START,
                            format!(
                                "this file gives the register id `{id}`, as {} does",
                                first.display()
                            ),
                        )
                        .with_help("rename one of the files"),
                    );
                    ids.push(None);
                } else {
                    seen.insert(id.clone(), path);
                    ids.push(Some(id));
                }
            }
        }
    }
    (ids, diagnostics)
}

/// The id a combined notice's entry names (a register's, or the notice's own): the slug of
/// what is written, so that `Asiakasrekisteri` names the file `Asiakasrekisteri.yaml` as the
/// register id `asiakasrekisteri` does. One function for [`combined`] and the renderer.
pub fn combined_id(written: &str) -> String {
    crate::identifiers::slug(written)
}

/// Checks `combined:` of `seloste.yaml` against the register ids (`ids`, from
/// [`register_ids`]): every register a notice lists exists (else an error at the entry, with
/// the closest id as a suggestion) and is listed once; a notice lists some register; the
/// notices' ids are unique, and neither a register's id nor a file the output holds for
/// another purpose ([`render::id_conflict`]). Every problem is an input error located in
/// `seloste.yaml`.
pub fn combined(project: &Project, ids: &[Option<String>]) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let Some(notices) = project.config.combined.as_ref() else {
        return diagnostics;
    };
    let file = project.file;
    let known: Vec<&str> = ids.iter().flatten().map(String::as_str).collect();
    let mut notice_ids: HashMap<String, Pos> = HashMap::new();
    for notice in &notices.value {
        let n = &notice.value;
        let id = combined_id(n.id.value.as_str());
        if let Some(conflict) = render::id_conflict(&id) {
            diagnostics.push(
                Diagnostic::input(
                    InputError::InvalidValue,
                    file,
                    n.id.pos,
                    format!("the combined notice id `{id}` would overwrite {conflict}"),
                )
                .with_help(format!(
                    "choose another id, e.g. `{}-seloste`",
                    id.trim_start_matches('_')
                )),
            );
        } else if known.contains(&id.as_str()) {
            diagnostics.push(
                Diagnostic::input(
                    InputError::DuplicateId,
                    file,
                    n.id.pos,
                    format!("the combined notice id `{id}` is a register's id too: both would be written as {id}.md and {id}.html"),
                )
                .with_help("choose an id that no register file has, e.g. `tietosuojaseloste`"),
            );
        } else if let Some(first) = notice_ids.get(&id) {
            diagnostics.push(
                Diagnostic::input(
                    InputError::DuplicateId,
                    file,
                    n.id.pos,
                    format!(
                        "the combined notice id `{id}` is already used by the notice at line {}",
                        first.line
                    ),
                )
                .with_help("give each combined notice an id of its own"),
            );
        } else {
            notice_ids.insert(id, n.id.pos);
        }
        if n.registers.value.is_empty() {
            diagnostics.push(
                Diagnostic::input(
                    InputError::InvalidValue,
                    file,
                    n.registers.pos,
                    "a combined notice lists no registers",
                )
                .with_help("list the registers it publishes by their file names without `.yaml`, e.g. `registers: [asiakasrekisteri, potilasrekisteri]`"),
            );
        }
        let mut listed: HashMap<String, Pos> = HashMap::new();
        for r in &n.registers.value {
            let rid = combined_id(r.value.as_str());
            if !known.contains(&rid.as_str()) {
                let mut d = Diagnostic::input(
                    InputError::UnknownValue,
                    file,
                    r.pos,
                    format!("no register has the id `{}`", r.value.as_str()),
                );
                if let Some(s) = closest(&rid, known.iter().copied()) {
                    d = d.with_help(format!("did you mean `{s}`?"));
                }
                diagnostics.push(d.with_help(
                    "a register's id is its file name in the register directory without `.yaml`",
                ));
            } else if let Some(first) = listed.get(&rid) {
                diagnostics.push(
                    Diagnostic::input(
                        InputError::InvalidValue,
                        file,
                        r.pos,
                        format!(
                            "the register `{rid}` is already listed in this notice (line {})",
                            first.line
                        ),
                    )
                    .with_help("list each register once"),
                );
            } else {
                listed.insert(rid, r.pos);
            }
        }
    }
    diagnostics
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_safe_slugs() {
        let id = |s: &str| register_id(Path::new(s));
        assert_eq!(
            id("notices/Asiakasrekisteri.yaml").as_deref(),
            Some("asiakasrekisteri")
        );
        assert_eq!(
            id("Työntekijät ja hakijat.yaml").as_deref(),
            Some("tyontekijat-ja-hakijat")
        );
        assert_eq!(id("../../etc/passwd.yaml").as_deref(), Some("passwd"));
        assert_eq!(id("..yaml"), None);
        assert_eq!(id("index.yaml"), None);
        assert_eq!(id("_index.yaml"), None);
        assert_eq!(id("Nul.yaml"), None);
        assert_eq!(id("com1.yml"), None);
        assert_eq!(id("com10.yaml").as_deref(), Some("com10"));
        assert_eq!(id("index-register.yaml").as_deref(), Some("index-register"));
        assert_eq!(id("a..b.yaml").as_deref(), Some("a-b"));
    }

    #[test]
    fn ids_that_would_overwrite_an_output_file_are_reported() {
        let files = vec![
            (FileId(1), PathBuf::from("n/_index.yaml")),
            (FileId(2), PathBuf::from("n/Index.yml")),
            (FileId(3), PathBuf::from("n/a.yaml")),
        ];
        let (ids, diags) = register_ids(&files);
        assert_eq!(ids, vec![None, None, Some("a".to_string())]);
        assert_eq!(diags.len(), 2);
        assert_eq!(
            diags[0].message,
            "this file gives the register id `_index`, whose pages would overwrite the section index _index.md written for Hugo and Zola"
        );
        assert_eq!(
            diags[0].help,
            ["rename the file, e.g. to `index-register.yaml`"]
        );
        assert!(
            diags[1]
                .message
                .contains("the index (index.md and index.html)")
        );
    }

    #[test]
    fn duplicate_ids_are_reported() {
        let files = vec![
            (FileId(1), PathBuf::from("n/Asiakas.yaml")),
            (FileId(2), PathBuf::from("n/asiakas.yml")),
        ];
        let (ids, diags) = register_ids(&files);
        assert_eq!(ids, vec![Some("asiakas".to_string()), None]);
        assert_eq!(diags[0].code.as_str(), "duplicate-id");
    }
}
