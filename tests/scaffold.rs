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

/// A project whose `seloste.yaml` is complete, so that `check` reports only what the register
/// says.
fn project_with_a_complete_controller() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("seloste.yaml"),
        "controller:\n  name: Esimerkki Oy\n  business_id: 1234567-1\n  address: PL 1, 00100 Helsinki\n  email: tietosuoja@esimerkki.fi\n  phone: 09 123 4567\ncontact:\n  name: Tietosuoja-asiat\n  email: tietosuoja@esimerkki.fi\n  phone: 09 123 4567\ndpo: none\n",
    )
    .unwrap();
    dir
}

/// The kinds, as `seloste new --list-kinds` names them (so a kind added later is tested too).
fn kinds() -> Vec<String> {
    let out = seloste()
        .args(["new", "--list-kinds"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let kinds: Vec<String> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect();
    assert!(kinds.len() >= 7, "{kinds:?}");
    kinds
}

/// `(code, line)` of every finding of `check --format json` in `dir`, and the exit code.
fn findings(dir: &std::path::Path) -> (Vec<(String, u64)>, i32) {
    let out = seloste()
        .args(["check", "--format", "json"])
        .arg(dir)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    (found, out.status.code().unwrap())
}

/// What an organisation would write for each key a template leaves as `TÄYTÄ …`: plausible,
/// specific values, so that what `check` says of the filled template is what it says of the
/// template's own text.
fn filled(template: &str) -> String {
    let value = |key: &str| match key {
        "name" => "Esimerkkipalvelu Oy",
        "description" => "Kerromme tässä, miten käsittelemme henkilötietojasi.",
        "criteria" => "Aika on arvioitu tarkoituksen ja tavallisten selvityspyyntöjen perusteella.",
        "security" => "Tietoja käsittelevät vain nimetyt työntekijät henkilökohtaisin tunnuksin.",
        "duration" => "12 kuukautta",
        "provider" => "Esimerkkianalytiikka Oy",
        "cookie_settings" => "Voit muuttaa valintojasi sivun alalaidan Evästeasetukset-linkistä.",
        other => panic!("no value to fill in for `{other}`: add one to this table"),
    };
    let mut out = String::new();
    for line in template.lines() {
        match line.split_once(": TÄYTÄ") {
            Some((key, _)) if !line.trim_start().starts_with('#') => {
                let bare = key.trim_start().trim_start_matches("- ");
                out.push_str(&format!("{key}: {}\n", value(bare)));
            }
            _ => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

#[test]
fn every_kind_as_written_reports_its_placeholders_and_nothing_else() {
    for kind in kinds() {
        let dir = project_with_a_complete_controller();
        seloste()
            .current_dir(dir.path())
            .args(["new", "Rekisteri", "--kind", &kind])
            .assert()
            .success()
            .stderr(predicate::str::contains(format!("template for {kind}")));
        let text = std::fs::read_to_string(dir.path().join("notices/rekisteri.yaml")).unwrap();
        assert!(
            text.starts_with("# yaml-language-server: $schema=../schema/register.schema.json\n")
        );
        assert!(text.contains("title: \"Rekisteri\"\n"), "{kind}");
        assert!(text.contains("updated: 2026-11-23\n"), "{kind}");
        assert!(!text.contains('%'), "{kind}: an unfilled %…% marker");
        // The lines of the values that are placeholders, not of the comments that mention them.
        let placeholders: Vec<u64> = (1..)
            .zip(text.lines())
            .filter(|(_, l)| l.contains(": TÄYTÄ") && !l.trim_start().starts_with('#'))
            .map(|(n, _)| n)
            .collect();
        assert!(
            !placeholders.is_empty(),
            "{kind}: no placeholder to fill in"
        );
        let (found, code) = findings(dir.path());
        assert_eq!(code, 1, "{kind}");
        let lines: Vec<u64> = found
            .iter()
            .map(|(c, line)| {
                assert_eq!(c, "placeholder-left", "{kind}: line {line}");
                *line
            })
            .collect();
        assert_eq!(lines, placeholders, "{kind}");
    }
}

#[test]
fn every_kind_filled_in_checks_clean_and_builds() {
    for kind in kinds() {
        let dir = project_with_a_complete_controller();
        seloste()
            .current_dir(dir.path())
            .args(["new", "Rekisteri", "--kind", &kind])
            .assert()
            .success();
        let path = dir.path().join("notices/rekisteri.yaml");
        let text = filled(&std::fs::read_to_string(&path).unwrap());
        std::fs::write(&path, text).unwrap();
        let (found, code) = findings(dir.path());
        assert_eq!(found, [], "{kind}: the filled-in template has findings");
        assert_eq!(code, 0, "{kind}");
        seloste()
            .arg("build")
            .arg(dir.path())
            .arg("--out")
            .arg(dir.path().join("dist"))
            .assert()
            .success();
        let page = std::fs::read_to_string(dir.path().join("dist/rekisteri.md")).unwrap();
        assert!(!page.contains("TÄYTÄ"), "{kind}");
    }
}

#[test]
fn a_name_that_names_a_kind_picks_it_and_other_names_get_the_general_template() {
    let dir = project_with_a_complete_controller();
    for (name, file, from) in [
        (
            "Kameravalvonta",
            "kameravalvonta",
            "template for kameravalvonta",
        ),
        (
            "Jäsenrekisteri",
            "jasenrekisteri",
            "template for jasenrekisteri",
        ),
        (
            "Verkkosivut ja evästeet",
            "verkkosivut-ja-evasteet",
            "template for verkkosivut",
        ),
        (
            "Työnhakijat 2026/27",
            "tyonhakijat-2026-27",
            "general template",
        ),
        ("Šakkikerho", "sakkikerho", "general template"),
        ("Straße", "strasse", "general template"),
    ] {
        seloste()
            .current_dir(dir.path())
            .args(["new", name])
            .assert()
            .success()
            .stderr(
                predicate::str::contains(format!("notices/{file}.yaml"))
                    .and(predicate::str::contains(from)),
            );
        assert!(dir.path().join(format!("notices/{file}.yaml")).is_file());
    }
    // `--kind` accepts the Finnish spelling and any case.
    for kind in ["jäsenrekisteri", "KAMERAVALVONTA"] {
        seloste()
            .current_dir(dir.path())
            .args(["new", &format!("x-{}", kind.len()), "--kind", kind])
            .assert()
            .success();
    }
    // Names that give no file name are usage errors; nothing is written.
    for name in ["…", "🦄", "CON", "_index"] {
        seloste()
            .current_dir(dir.path())
            .args(["new", name])
            .assert()
            .code(2)
            .stderr(predicate::str::starts_with("error: "));
    }
    assert_eq!(
        std::fs::read_dir(dir.path().join("notices"))
            .unwrap()
            .count(),
        8
    );
}

/// The README's "start a project" block is run as written: every command in it is valid (no
/// usage or input error) in the project it creates; `check` and `build` may still report the
/// placeholders to fill in.
#[test]
fn the_readme_start_a_project_commands_work() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let block = readme
        .split("Then start a project of your own:")
        .nth(1)
        .and_then(|rest| rest.split("```sh\n").nth(1))
        .and_then(|rest| rest.split("```").next())
        .expect("the README's start-a-project block");
    let root = tempfile::tempdir().unwrap();
    let mut cwd = root.path().to_path_buf();
    let mut ran = 0;
    for line in block.lines() {
        let command = line.split(" #").next().unwrap().trim();
        if let Some(dir) = command.strip_prefix("cd ") {
            cwd = cwd.join(dir);
            continue;
        }
        let args: Vec<&str> = command
            .strip_prefix("seloste ")
            .expect("a seloste command")
            .split_whitespace()
            .collect();
        let out = seloste().current_dir(&cwd).args(&args).output().unwrap();
        assert_ne!(
            out.status.code(),
            Some(2),
            "`{command}`: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        ran += 1;
    }
    assert!(ran >= 5, "{block}");
    assert!(cwd.join("notices/tyonhakijat.yaml").is_file());
}
