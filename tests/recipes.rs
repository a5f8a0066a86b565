//! The CI recipes of `docs/ci.md` and the pre-commit hook are run, not just shown: every
//! `seloste` command in them must work on the sample project of this repository.

use std::fs;
use std::path::Path;
use std::process::Command;

/// A copy of the sample project in a temporary directory.
fn sample() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::copy("seloste.yaml", dir.path().join("seloste.yaml")).unwrap();
    fs::create_dir(dir.path().join("notices")).unwrap();
    for e in fs::read_dir("notices").unwrap() {
        let p = e.unwrap().path();
        fs::copy(&p, dir.path().join("notices").join(p.file_name().unwrap())).unwrap();
    }
    dir
}

/// Runs a shell line with the built `seloste` first on PATH.
fn sh(line: &str, dir: &Path) -> std::process::Output {
    let bin = Path::new(env!("CARGO_BIN_EXE_seloste"))
        .parent()
        .unwrap()
        .to_path_buf();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    Command::new("sh")
        .arg("-c")
        .arg(line)
        .current_dir(dir)
        .env("PATH", path)
        .env("SELOSTE_TODAY", "2026-11-23")
        .output()
        .unwrap()
}

/// The `seloste …` command lines in the YAML blocks of a Markdown document.
fn seloste_lines(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_yaml = false;
    for line in markdown.lines() {
        if line.starts_with("```") {
            in_yaml = line.trim() == "```yaml";
            continue;
        }
        if !in_yaml {
            continue;
        }
        let t = line
            .trim()
            .trim_start_matches("- ")
            .trim_start_matches("run: ");
        if t.starts_with("seloste ") {
            out.push(t.to_string());
        }
    }
    out
}

#[test]
fn every_command_in_the_ci_recipes_works() {
    let doc = fs::read_to_string("docs/ci.md").unwrap();
    let lines = seloste_lines(&doc);
    assert!(lines.len() >= 5, "found only {lines:?}");
    for line in &lines {
        let dir = sample();
        let out = sh(line, dir.path());
        assert!(
            out.status.success(),
            "`{line}` failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // And they produce what the recipe relies on.
    let dir = sample();
    sh(
        "seloste check --format sarif > seloste.sarif || true",
        dir.path(),
    );
    let sarif: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("seloste.sarif")).unwrap())
            .unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    sh("seloste build --out dist", dir.path());
    assert!(dir.path().join("dist/index.html").is_file());
    // A finding turns into an annotation and a failing step.
    fs::write(
        dir.path().join("notices/uusi.yaml"),
        "title: Uusi rekisteri\ncollection: data_subject\n",
    )
    .unwrap();
    let out = sh("seloste check --format github --deny-warnings", dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("::error file=notices/uusi.yaml,line="));
}

#[test]
fn the_workflow_is_valid_yaml_with_the_steps_it_describes() {
    let doc = fs::read_to_string("docs/ci.md").unwrap();
    let start = doc.find("```yaml\n# .github/workflows/").unwrap() + "```yaml\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let workflow: serde_json::Value = serde_saphyr::from_str(&doc[start..end]).unwrap();
    let steps = workflow["jobs"]["check"]["steps"].as_array().unwrap();
    let uses: Vec<&str> = steps.iter().filter_map(|s| s["uses"].as_str()).collect();
    assert!(
        uses.iter()
            .any(|u| u.starts_with("github/codeql-action/upload-sarif@"))
    );
    assert_eq!(workflow["permissions"]["security-events"], "write");
}

#[test]
fn the_pre_commit_hook_runs_seloste_check_on_project_files() {
    let hooks: serde_json::Value =
        serde_saphyr::from_str(&fs::read_to_string(".pre-commit-hooks.yaml").unwrap()).unwrap();
    let hook = &hooks[0];
    assert_eq!(hook["id"], "seloste");
    assert_eq!(hook["language"], "rust");
    assert_eq!(hook["pass_filenames"], false);
    let files = regex::Regex::new(hook["files"].as_str().unwrap()).unwrap();
    for f in [
        "seloste.yaml",
        "notices/asiakasrekisteri.yaml",
        "notices/a.yml",
        "templates/register.md",
        "templates/fi/register.md",
        "tietosuoja/seloste.yaml",
        "tietosuoja/notices/b.yaml",
    ] {
        assert!(files.is_match(f), "the hook ignores {f}");
    }
    for f in [
        "README.md",
        "src/main.rs",
        "notices/deep/x.txt",
        "my-seloste.yaml.bak",
    ] {
        assert!(!files.is_match(f), "the hook runs for {f}");
    }
    let dir = sample();
    let out = sh(hook["entry"].as_str().unwrap(), dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
