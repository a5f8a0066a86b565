//! `seloste init` and `seloste new`: the files of a new project or register, from the
//! commented Finnish templates in `templates/init/`. Writing never overwrites a file.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::schema;

const PROJECT: &str = include_str!("../templates/init/seloste.yaml");
const REGISTER: &str = include_str!("../templates/init/register.yaml");

/// The title a register gets when none is given.
pub const DEFAULT_TITLE: &str = "Asiakasrekisteri";

/// A file to create.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewFile {
    /// Where.
    pub path: PathBuf,
    /// What.
    pub contents: String,
}

/// A register file from the template: `title`, `updated` = `today`, and the schema modeline
/// pointing at `schema_path` (relative to the register file).
pub fn register_file(title: &str, today: NaiveDate, schema_path: &str) -> String {
    let quoted = serde_json::to_string(title).unwrap_or_else(|_| "\"\"".into());
    REGISTER
        .replace("%SCHEMA%", schema_path)
        .replace("%TITLE%", &quoted)
        .replace("%TODAY%", &today.format("%Y-%m-%d").to_string())
}

/// The files of a new project in `dir`: `seloste.yaml`, one register, and the schemas.
pub fn project_files(dir: &Path, today: NaiveDate) -> Vec<NewFile> {
    vec![
        NewFile {
            path: dir.join(crate::load::PROJECT_FILE),
            contents: PROJECT.to_string(),
        },
        NewFile {
            path: dir.join("notices").join("asiakasrekisteri.yaml"),
            contents: register_file(DEFAULT_TITLE, today, "../schema/register.schema.json"),
        },
        NewFile {
            path: dir.join("schema").join(schema::PROJECT_SCHEMA_FILE),
            contents: schema::to_text(&schema::project()),
        },
        NewFile {
            path: dir.join("schema").join(schema::REGISTER_SCHEMA_FILE),
            contents: schema::to_text(&schema::register()),
        },
    ]
}

/// The files that already exist among `files`.
pub fn existing(files: &[NewFile]) -> Vec<&Path> {
    files
        .iter()
        .filter(|f| f.path.exists())
        .map(|f| f.path.as_path())
        .collect()
}

/// Creates every file, refusing (before writing anything) if one already exists.
pub fn create(files: &[NewFile]) -> io::Result<()> {
    if let Some(p) = existing(files).first() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{} already exists", p.display()),
        ));
    }
    let mut written: Vec<&Path> = Vec::new();
    for f in files {
        let result = (|| {
            if let Some(parent) = f.path.parent() {
                fs::create_dir_all(parent)?;
            }
            // create_new: never replace a file that appeared in the meantime.
            let mut file = OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&f.path)?;
            file.write_all(f.contents.as_bytes())
        })();
        if let Err(e) = result {
            for p in written {
                let _ = fs::remove_file(p);
            }
            return Err(io::Error::new(
                e.kind(),
                format!("{}: {e}", f.path.display()),
            ));
        }
        written.push(&f.path);
    }
    Ok(())
}

/// The path of `to` relative to the directory `from` (both relative to the same root), for
/// the schema modeline of a register in a custom notices directory.
pub fn relative(from_dir: &Path, to: &Path) -> String {
    let depth = from_dir
        .components()
        .filter(|c| matches!(c, std::path::Component::Normal(_)))
        .count();
    let mut s = "../".repeat(depth);
    s.push_str(&crate::source::display_path(to));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn register_template_is_filled() {
        let t = register_file(
            "Työnhakijat \"2026\"",
            NaiveDate::from_ymd_opt(2026, 1, 2).unwrap(),
            "../schema/register.schema.json",
        );
        assert!(t.starts_with("# yaml-language-server: $schema=../schema/register.schema.json\n"));
        assert!(t.contains("title: \"Työnhakijat \\\"2026\\\"\"\n"));
        assert!(t.contains("updated: 2026-01-02\n"));
        assert!(!t.contains('%'));
    }

    #[test]
    fn create_refuses_to_overwrite_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 1, 2).unwrap();
        let files = project_files(dir.path(), today);
        fs::create_dir_all(dir.path().join("schema")).unwrap();
        fs::write(dir.path().join("schema/register.schema.json"), "mine").unwrap();
        assert!(create(&files).is_err());
        assert!(!dir.path().join("seloste.yaml").exists());
        assert_eq!(
            fs::read_to_string(dir.path().join("schema/register.schema.json")).unwrap(),
            "mine"
        );
    }

    #[test]
    fn relative_paths_for_modelines() {
        assert_eq!(
            relative(
                Path::new("notices"),
                Path::new("schema/register.schema.json")
            ),
            "../schema/register.schema.json"
        );
        assert_eq!(
            relative(Path::new("a/b"), Path::new("schema/x.json")),
            "../../schema/x.json"
        );
    }
}
