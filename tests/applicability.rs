//! One truth about what applies (issue 8): the lint and the notice ask the same
//! [`seloste::applicability`], so a notice can never say what the lint knows to be false.

use chrono::NaiveDate;
use seloste::pipeline::{MemoryFiles, Options, run_project};
use seloste::render::{self, FrontMatter, RenderOptions, templates};

const PROJECT: &str = "tests/cmd/check-clean.in";

/// The clean appointment register, collected from the person, with one more category obtained
/// elsewhere (a referral from another clinic) and no `sources`; `lints` is added to seloste.yaml.
fn project(lints: &str) -> MemoryFiles {
    let config = std::fs::read_to_string(format!("{PROJECT}/seloste.yaml")).unwrap();
    let register = std::fs::read_to_string(format!("{PROJECT}/notices/ajanvaraus.yaml")).unwrap();
    let register = register.replace(
        "recipients:",
        "  - category: Lähetetiedot\n    collection: other_sources\nrecipients:",
    );
    assert!(register.contains("Lähetetiedot"));
    let mut files = MemoryFiles::new();
    files.insert("seloste.yaml", &format!("{config}{lints}"));
    files.insert("notices/ajanvaraus.yaml", &register);
    files
}

fn markdown(files: &MemoryFiles, draft: bool) -> (Vec<String>, String) {
    page(files, draft, "ajanvaraus.md")
}

/// The codes of `check` on `files`, and the Markdown page `name` of their build.
fn page(files: &MemoryFiles, draft: bool, name: &str) -> (Vec<String>, String) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let outcome = run_project(
        std::path::Path::new("seloste.yaml"),
        files,
        &Options {
            today,
            keep_registers: true,
        },
    );
    let codes = outcome
        .diagnostics
        .iter()
        .map(|d| d.code.as_str().to_string())
        .collect();
    let t = templates::builtin().unwrap();
    let opts = RenderOptions {
        draft,
        front_matter: FrontMatter::None,
        fragments: false,
        id_prefix: None,
        today,
    };
    let out = render::render(
        outcome.project.as_ref().unwrap(),
        &outcome.registers,
        &t,
        &opts,
        &render::Marks::none(),
        &|| {},
    )
    .unwrap();
    let md = out.into_iter().find(|f| f.path == name).unwrap().contents;
    (codes, md)
}

#[test]
fn a_category_from_elsewhere_is_art_14_for_the_lint_and_the_notice() {
    let (codes, md) = markdown(&project(""), true);
    assert!(codes.iter().any(|c| c == "missing-sources"), "{codes:?}");
    assert!(md.contains("13 ja 14 artiklaan"), "{md}");
    assert!(md.contains("PUUTTUU: tietolähteet"), "{md}");
    assert!(!md.contains("Saamme tiedot sinulta itseltäsi.\n"), "{md}");
}

#[test]
fn a_build_with_the_rule_allowed_publishes_nothing_false() {
    let (codes, md) = markdown(
        &project("settings:\n  lints:\n    missing-sources: allow\n"),
        false,
    );
    assert!(!codes.iter().any(|c| c == "missing-sources"), "{codes:?}");
    // Not "we get the data from you" under Art 13 alone: the referral data come from elsewhere.
    assert!(!md.contains("Saamme tiedot sinulta itseltäsi.\n"), "{md}");
    assert!(!md.contains("ja sen 13 artiklaan"), "{md}");
    assert!(md.contains("13 ja 14 artiklaan"), "{md}");
    assert!(
        md.contains("Saamme tiedot sinulta itseltäsi sekä muista lähteistä."),
        "{md}"
    );
    // And no list intro left hanging without a list.
    assert!(!md.contains("seuraavista lähteistä:"), "{md}");
    // The referral category needs no 13(2)(e) statement; the others keep theirs.
    assert!(!md.contains("**Lähetetiedot:** "), "{md}");
}

/// The clean appointment register with one more category, given as YAML lines.
fn with_category(category: &str) -> MemoryFiles {
    let config = std::fs::read_to_string(format!("{PROJECT}/seloste.yaml")).unwrap();
    let register = std::fs::read_to_string(format!("{PROJECT}/notices/ajanvaraus.yaml")).unwrap();
    let register = register.replace("recipients:", &format!("{category}recipients:"));
    let mut files = MemoryFiles::new();
    files.insert("seloste.yaml", &config);
    files.insert("notices/ajanvaraus.yaml", &register);
    files
}

#[test]
fn observed_data_need_no_provision_statement_in_the_lint_or_the_notice() {
    let files =
        with_category("  - category: Ajanvarauspalvelun käyttötiedot\n    obtained: observed\n");
    let (codes, md) = markdown(&files, true);
    assert!(codes.is_empty(), "{codes:?}");
    assert!(!md.contains("PUUTTUU: tietojen antamisen"), "{md}");
    assert!(!md.contains("**Ajanvarauspalvelun käyttötiedot:**"), "{md}");
    assert!(md.contains("Havainnoitu tieto:"), "{md}");
    // The provided categories keep their statement.
    assert!(md.contains("**Nimi ja yhteystiedot:** "), "{md}");
}

#[test]
fn a_statement_on_observed_data_is_reported_and_never_published() {
    let files = with_category(
        "  - category: Ajanvarauspalvelun käyttötiedot\n    obtained: observed\n    provision: voluntary\n",
    );
    let (codes, md) = markdown(&files, false);
    assert_eq!(codes, vec!["provision-for-unprovided-data".to_string()]);
    assert!(!md.contains("**Ajanvarauspalvelun käyttötiedot:**"), "{md}");
    assert!(!md.contains("vapaaehtoista"), "{md}");
}

/// The draft of a fixture register checked in the clean base project.
fn fixture_draft(fixture: &str) -> (Vec<String>, String) {
    let mut files = MemoryFiles::new();
    files.insert(
        "seloste.yaml",
        &std::fs::read_to_string("tests/fixtures/rules/_base/seloste.yaml").unwrap(),
    );
    files.insert(
        "notices/rekisteri.yaml",
        &std::fs::read_to_string(fixture).unwrap(),
    );
    page(&files, true, "rekisteri.md")
}

#[test]
fn a_category_no_scoped_source_provides_is_missing_its_source_in_lint_and_draft() {
    let (codes, md) = fixture_draft("tests/fixtures/rules/missing-sources/fail-uncovered.yaml");
    assert_eq!(codes, vec!["missing-sources"]);
    assert!(md.contains("PUUTTUU: tietolähteet"), "{md}");
    let (codes, md) = fixture_draft("tests/fixtures/rules/missing-sources/pass-scoped.yaml");
    assert!(codes.is_empty(), "{codes:?}");
    assert!(!md.contains("PUUTTUU:"), "{md}");
}

/// The clean appointment register with a `rights` section, and `lints` added to seloste.yaml.
fn with_rights(rights: &str, lints: &str) -> MemoryFiles {
    let config = std::fs::read_to_string(format!("{PROJECT}/seloste.yaml")).unwrap();
    let register = std::fs::read_to_string(format!("{PROJECT}/notices/ajanvaraus.yaml")).unwrap();
    let mut files = MemoryFiles::new();
    files.insert("seloste.yaml", &format!("{config}{lints}"));
    files.insert("notices/ajanvaraus.yaml", &format!("{register}{rights}"));
    files
}

#[test]
fn a_notice_that_charges_for_access_never_also_says_requests_are_free() {
    // Without a note of its own, the notice says requests are handled free of charge.
    let (codes, md) = markdown(&with_rights("", ""), false);
    assert!(codes.is_empty(), "{codes:?}");
    assert!(md.contains("Pyyntöjesi käsittely on maksutonta"), "{md}");
    let allow = "settings:\n  lints:\n    access-request-limit: allow\n";
    for rights in [
        "rights:\n  access:\n    note: Tarkastuksesta peritään maksu, jos edellisestä tarkastuksesta on kulunut alle vuosi.\n",
        "rights:\n  exercise: Kopiosta veloitetaan 15 euroa.\n",
        "rights:\n  access:\n    note: Pyynnön voi tehdä maksutta kerran vuodessa.\n",
    ] {
        // The lint reports the note …
        let (codes, _) = markdown(&with_rights(rights, ""), false);
        assert_eq!(codes, vec!["access-request-limit".to_string()], "{rights}");
        // … and with the rule allowed, the note is published without "free of charge" beside it.
        let (codes, md) = markdown(&with_rights(rights, allow), false);
        assert!(codes.is_empty(), "{codes:?}");
        let note = rights.lines().last().unwrap().split(": ").last().unwrap();
        assert!(md.contains(note), "{md}");
        assert!(!md.contains("maksuton"), "{md}");
    }
    // A lawful fee for further copies (15(3)) keeps the statement.
    let (codes, md) = markdown(
        &with_rights(
            "rights:\n  access:\n    note: Lisäjäljennöksistä voimme periä kohtuullisen maksun.\n",
            "",
        ),
        false,
    );
    assert!(codes.is_empty(), "{codes:?}");
    assert!(md.contains("Pyyntöjesi käsittely on maksutonta"), "{md}");
}
