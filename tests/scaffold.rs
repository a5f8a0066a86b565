//! `seloste init` and `seloste new`, as a newcomer meets them: a fresh project whose only
//! findings are the placeholders to fill, files that carry the schema modeline, and no
//! overwriting of anything.

use assert_cmd::Command;
use predicates::prelude::*;

fn seloste() -> Command {
    let mut c = Command::cargo_bin("seloste").unwrap();
    c.env("SELOSTE_TODAY", "2026-11-23").env("NO_COLOR", "1");
    c
}

#[test]
fn init_then_check_reports_only_the_placeholders() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("uusi");
    seloste()
        .arg("init")
        .arg(&p)
        .assert()
        .success()
        .stderr(predicate::str::contains("TÄYTÄ"));
    for f in [
        "seloste.yaml",
        "notices/asiakasrekisteri.yaml",
        "schema/seloste.schema.json",
        "schema/register.schema.json",
    ] {
        assert!(p.join(f).is_file(), "{f} missing");
    }
    let register = std::fs::read_to_string(p.join("notices/asiakasrekisteri.yaml")).unwrap();
    assert!(
        register.starts_with("# yaml-language-server: $schema=../schema/register.schema.json\n")
    );
    assert!(register.contains("updated: 2026-11-23\n"));
    let project = std::fs::read_to_string(p.join("seloste.yaml")).unwrap();
    assert!(project.starts_with("# yaml-language-server: $schema=schema/seloste.schema.json\n"));

    let out = seloste()
        .args(["check", "--format", "json"])
        .arg(&p)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let codes: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(!codes.is_empty());
    assert!(codes.iter().all(|c| *c == "placeholder-left"), "{codes:?}");
}

#[test]
fn init_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("seloste.yaml"), "# mine\n").unwrap();
    seloste()
        .arg("init")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exist"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("seloste.yaml")).unwrap(),
        "# mine\n"
    );
    assert!(!dir.path().join("notices").exists());
}

#[test]
fn new_adds_a_register_with_a_safe_name_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    seloste().arg("init").arg(dir.path()).assert().success();
    seloste()
        .current_dir(dir.path())
        .args(["new", "Työnhakijat"])
        .assert()
        .success()
        .stderr(predicate::str::contains("notices/tyonhakijat.yaml"));
    let text = std::fs::read_to_string(dir.path().join("notices/tyonhakijat.yaml")).unwrap();
    assert!(text.contains("title: \"Työnhakijat\"\n"));
    assert!(text.starts_with("# yaml-language-server: $schema=../schema/register.schema.json\n"));
    seloste()
        .current_dir(dir.path())
        .args(["new", "työnhakijat"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
    seloste()
        .current_dir(dir.path())
        .args(["new", "index"])
        .assert()
        .code(2);
}

#[test]
fn check_without_a_project_suggests_init() {
    let dir = tempfile::tempdir().unwrap();
    seloste()
        .current_dir(dir.path())
        .arg("check")
        .assert()
        .code(2)
        .stdout(predicate::str::contains("seloste init"));
}

#[test]
fn completions_man_and_schema_are_printed() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        seloste()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains("seloste"));
    }
    seloste()
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH seloste"));
    let out = seloste()
        .args(["schema", "project"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let s: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(s["$schema"], "http://json-schema.org/draft-07/schema#");
}

#[test]
fn every_subcommand_help_has_an_example() {
    for sub in [
        "check",
        "build",
        "rules",
        "explain",
        "init",
        "new",
        "schema",
        "completions",
        "man",
    ] {
        seloste()
            .args([sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Example"));
    }
}

#[test]
fn an_empty_notices_directory_says_how_to_add_a_register() {
    let dir = tempfile::tempdir().unwrap();
    seloste().arg("init").arg(dir.path()).assert().success();
    std::fs::remove_file(dir.path().join("notices/asiakasrekisteri.yaml")).unwrap();
    seloste()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(2)
        .stdout(
            predicate::str::contains("no-registers")
                .and(predicate::str::contains("seloste new NAME")),
        );
}

#[test]
fn an_output_directory_that_cannot_be_written_is_reported_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    for f in [
        "seloste.yaml",
        "notices/asiakasrekisteri.yaml",
        "notices/kameravalvonta.yaml",
        // seloste.yaml publishes it with the customer register as one combined notice.
        "notices/potilasrekisteri.yaml",
    ] {
        std::fs::create_dir_all(dir.path().join(f).parent().unwrap()).unwrap();
        std::fs::copy(f, dir.path().join(f)).unwrap();
    }
    // A file stands where the output directory should be.
    std::fs::write(dir.path().join("julkaisu"), "not a directory").unwrap();
    seloste()
        .arg("build")
        .arg(dir.path())
        .arg("--out")
        .arg(dir.path().join("julkaisu"))
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("cannot write the output")
                .and(predicate::str::contains("--out")),
        );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("julkaisu")).unwrap(),
        "not a directory"
    );
}
