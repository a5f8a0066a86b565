//! `seloste init` and `seloste new`: the files of a new project or register, from the
//! commented Finnish templates in `templates/init/` (a general register, and one template per
//! [`Kind`] of register in `templates/init/kinds/`). Writing never overwrites a file.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::schema;

const PROJECT: &str = include_str!("../templates/init/seloste.yaml");
const REGISTER: &str = include_str!("../templates/init/register.yaml");

/// The title a register gets when none is given.
pub const DEFAULT_TITLE: &str = "Asiakasrekisteri";

/// A kind of register that Finnish organisations keep, each with a commented template of the
/// legal bases, sources, recipients and storage periods such a register usually has
/// (`seloste new NAME --kind KIND`). The names are the Finnish ones, as the file names are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Asiakasrekisteri: customers, contract, accounting, marketing to customers.
    Asiakasrekisteri,
    /// Jäsenrekisteri: an association's members (Yhdistyslaki 503/1989 11 §).
    Jasenrekisteri,
    /// Rekrytointi: job applicants (laki yksityisyyden suojasta työelämässä 759/2004).
    Rekrytointi,
    /// Kameravalvonta: recording camera surveillance.
    Kameravalvonta,
    /// Potilasrekisteri: a health care provider's patient records.
    Potilasrekisteri,
    /// Uutiskirje: a newsletter sent by e-mail on consent.
    Uutiskirje,
    /// Verkkosivut ja evästeet: a website, its contact form, logs and cookies.
    Verkkosivut,
}

impl Kind {
    /// Every kind, in the order `--help` and `--list-kinds` show them.
    pub const ALL: [Kind; 7] = [
        Kind::Asiakasrekisteri,
        Kind::Jasenrekisteri,
        Kind::Rekrytointi,
        Kind::Kameravalvonta,
        Kind::Potilasrekisteri,
        Kind::Uutiskirje,
        Kind::Verkkosivut,
    ];

    /// The name `--kind` takes (a slug: ASCII, as a file name).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Asiakasrekisteri => "asiakasrekisteri",
            Kind::Jasenrekisteri => "jasenrekisteri",
            Kind::Rekrytointi => "rekrytointi",
            Kind::Kameravalvonta => "kameravalvonta",
            Kind::Potilasrekisteri => "potilasrekisteri",
            Kind::Uutiskirje => "uutiskirje",
            Kind::Verkkosivut => "verkkosivut",
        }
    }

    /// Other names `--kind` accepts, and a NAME may match.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Kind::Jasenrekisteri => &["jäsenrekisteri"],
            Kind::Verkkosivut => &["verkkosivut-ja-evasteet"],
            _ => &[],
        }
    }

    /// One line for `--help` and `--list-kinds`.
    pub fn summary(self) -> &'static str {
        match self {
            Kind::Asiakasrekisteri => {
                "customers: contract, accounting (Kirjanpitolaki), marketing to customers"
            }
            Kind::Jasenrekisteri => {
                "an association's members: the list of members Yhdistyslaki 11 § requires, fees"
            }
            Kind::Rekrytointi => {
                "job applicants: data from the applicant (759/2004 4 §), retention after the decision"
            }
            Kind::Kameravalvonta => {
                "recording camera surveillance: legitimate interests, signs, 759/2004 16-17 §"
            }
            Kind::Potilasrekisteri => {
                "patient records: 785/1992, 703/2023 and Kanta, Art 9(2)(h), statutory retention"
            }
            Kind::Uutiskirje => "an e-mail newsletter: consent and its withdrawal, 917/2014 200 §",
            Kind::Verkkosivut => {
                "website and cookies (verkkosivut ja evästeet): 917/2014 205 §, analytics, logs"
            }
        }
    }

    /// The kind a name stands for: its `name`, or an alias, in any case and with or without
    /// Finnish letters (`Jäsenrekisteri`, `Verkkosivut ja evästeet`).
    pub fn from_name(name: &str) -> Option<Kind> {
        let wanted = crate::identifiers::slug(name);
        Kind::ALL.into_iter().find(|k| {
            k.name() == wanted
                || k.aliases()
                    .iter()
                    .any(|a| crate::identifiers::slug(a) == wanted)
        })
    }

    /// The template, with `%SCHEMA%`, `%TITLE%` and `%TODAY%` to fill.
    pub fn template(self) -> &'static str {
        match self {
            Kind::Asiakasrekisteri => include_str!("../templates/init/kinds/asiakasrekisteri.yaml"),
            Kind::Jasenrekisteri => include_str!("../templates/init/kinds/jasenrekisteri.yaml"),
            Kind::Rekrytointi => include_str!("../templates/init/kinds/rekrytointi.yaml"),
            Kind::Kameravalvonta => include_str!("../templates/init/kinds/kameravalvonta.yaml"),
            Kind::Potilasrekisteri => include_str!("../templates/init/kinds/potilasrekisteri.yaml"),
            Kind::Uutiskirje => include_str!("../templates/init/kinds/uutiskirje.yaml"),
            Kind::Verkkosivut => include_str!("../templates/init/kinds/verkkosivut.yaml"),
        }
    }
}

/// Why a name gives no file name for a register.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StemError {
    /// The name has no letter or digit to make a file name of (`…`, emoji only).
    NoLetters,
    /// The file name would overwrite another output or name a Windows device.
    Reserved {
        /// The slug the name gives.
        stem: String,
        /// What it would collide with.
        conflict: String,
    },
}

/// The longest file stem `seloste new` makes of a name, in bytes: a title may be long, a file
/// name should stay readable (and far below the 255 bytes file systems allow).
pub const MAX_STEM: usize = 60;

/// The file stem (and so the register id) for a register called `name`: its
/// [slug](crate::identifiers::slug), shortened at a word boundary to [`MAX_STEM`] bytes, and
/// neither empty nor a name the output or Windows reserves. Whatever it returns is a register
/// id as `seloste check` reads it back from the file name.
pub fn register_stem(name: &str) -> Result<String, StemError> {
    let mut stem = crate::identifiers::slug(name);
    if stem.len() > MAX_STEM {
        // The slug is ASCII: any byte index is a character boundary.
        let cut = stem[..=MAX_STEM]
            .rfind('-')
            .filter(|&i| i > 0)
            .unwrap_or(MAX_STEM);
        stem.truncate(cut);
    }
    if stem.is_empty() {
        return Err(StemError::NoLetters);
    }
    match crate::render::id_conflict(&stem) {
        Some(conflict) => Err(StemError::Reserved { stem, conflict }),
        None => Ok(stem),
    }
}

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
    fill(REGISTER, title, today, schema_path)
}

/// A register file of a kind (or, with `None`, the general template), filled as
/// [`register_file`] fills it.
pub fn kind_register_file(
    kind: Option<Kind>,
    title: &str,
    today: NaiveDate,
    schema_path: &str,
) -> String {
    fill(
        kind.map_or(REGISTER, Kind::template),
        title,
        today,
        schema_path,
    )
}

fn fill(template: &str, title: &str, today: NaiveDate, schema_path: &str) -> String {
    let quoted = serde_json::to_string(title).unwrap_or_else(|_| "\"\"".into());
    template
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
    fn kinds_are_found_by_name_alias_and_title() {
        for k in Kind::ALL {
            assert_eq!(Kind::from_name(k.name()), Some(k));
            assert_eq!(crate::identifiers::slug(k.name()), k.name());
            assert!(k.template().contains("title: %TITLE%\n"), "{k:?}");
            assert!(k.template().contains("updated: %TODAY%\n"), "{k:?}");
            assert!(
                k.template()
                    .starts_with("# yaml-language-server: $schema=%SCHEMA%\n")
            );
        }
        assert_eq!(
            Kind::from_name("Jäsenrekisteri"),
            Some(Kind::Jasenrekisteri)
        );
        assert_eq!(
            Kind::from_name("jäsenrekisteri"),
            Some(Kind::Jasenrekisteri)
        );
        assert_eq!(
            Kind::from_name("Verkkosivut ja evästeet"),
            Some(Kind::Verkkosivut)
        );
        assert_eq!(
            Kind::from_name(" KAMERAVALVONTA "),
            Some(Kind::Kameravalvonta)
        );
        assert_eq!(Kind::from_name("Työnhakijat"), None);
        assert_eq!(Kind::from_name("Asiakasrekisteri 2"), None);
    }

    #[test]
    fn a_kind_template_is_filled() {
        let t = kind_register_file(
            Some(Kind::Rekrytointi),
            "Työnhakijat",
            NaiveDate::from_ymd_opt(2026, 1, 2).unwrap(),
            "../schema/register.schema.json",
        );
        assert!(t.starts_with("# yaml-language-server: $schema=../schema/register.schema.json\n"));
        assert!(t.contains("title: \"Työnhakijat\"\n"));
        assert!(!t.contains('%'));
        let general =
            kind_register_file(None, "X", NaiveDate::from_ymd_opt(2026, 1, 2).unwrap(), "s");
        assert_eq!(
            general,
            register_file("X", NaiveDate::from_ymd_opt(2026, 1, 2).unwrap(), "s")
        );
    }

    #[test]
    fn register_stems() {
        for (name, want) in [
            ("Työnhakijat", Ok("tyonhakijat")),
            ("Šakkikerho", Ok("sakkikerho")),
            ("Straße", Ok("strasse")),
            ("Työnhakijat 2026/27", Ok("tyonhakijat-2026-27")),
            ("../../etc/passwd", Ok("etc-passwd")),
            ("C:\\Users\\x", Ok("c-users-x")),
            ("…", Err(StemError::NoLetters)),
            ("🦄 🦄", Err(StemError::NoLetters)),
            ("", Err(StemError::NoLetters)),
        ] {
            assert_eq!(register_stem(name), want.map(String::from), "{name:?}");
        }
        for reserved in ["CON", "nul", "Com1", "LPT9", "index", "_index"] {
            assert!(
                matches!(register_stem(reserved), Err(StemError::Reserved { .. })),
                "{reserved}"
            );
        }
        // Long names are cut at a word boundary.
        let long = "Kaupungin liikuntapalvelujen uimahallien ja kuntosalien asiakkaiden \
                    kulunvalvontarekisteri";
        let stem = register_stem(long).unwrap();
        assert_eq!(
            stem,
            "kaupungin-liikuntapalvelujen-uimahallien-ja-kuntosalien"
        );
        assert!(stem.len() <= MAX_STEM);
        let one_word = "a".repeat(200);
        assert_eq!(register_stem(&one_word).unwrap().len(), MAX_STEM);
    }

    proptest::proptest! {
        /// Whatever the name, `seloste new` either refuses it or makes a file whose name
        /// `seloste check` reads back as the same register id; and a slug is its own slug.
        #[test]
        fn every_stem_is_the_id_of_its_file(name in "\\PC{0,80}") {
            let slug = crate::identifiers::slug(&name);
            proptest::prop_assert_eq!(crate::identifiers::slug(&slug), slug.clone());
            proptest::prop_assert!(slug
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-'));
            proptest::prop_assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"));
            match register_stem(&name) {
                Ok(stem) => {
                    proptest::prop_assert!(!stem.is_empty() && stem.len() <= MAX_STEM);
                    let file = format!("{stem}.yaml");
                    proptest::prop_assert_eq!(
                        crate::validate::register_id(Path::new(&file)),
                        Some(stem)
                    );
                }
                Err(StemError::NoLetters) => proptest::prop_assert!(slug.is_empty()),
                Err(StemError::Reserved { stem, .. }) => {
                    proptest::prop_assert!(crate::render::id_conflict(&stem).is_some())
                }
            }
        }
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
