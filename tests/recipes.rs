//! The CI recipes of `docs/ci.md` and the pre-commit hook are run, not just shown: every
//! `seloste` command in them must work on the sample project of this repository.

use std::fs;
use std::path::Path;
use std::process::Command;

/// A copy of the sample project in a temporary directory.
fn sample() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_sample(dir.path());
    dir
}

/// Copies the sample project into `to`.
fn copy_sample(to: &Path) {
    fs::create_dir_all(to.join("notices")).unwrap();
    fs::copy("seloste.yaml", to.join("seloste.yaml")).unwrap();
    for e in fs::read_dir("notices").unwrap() {
        let p = e.unwrap().path();
        fs::copy(&p, to.join("notices").join(p.file_name().unwrap())).unwrap();
    }
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

/// A YAML file of this repository as JSON.
fn yaml(path: &str) -> serde_json::Value {
    serde_saphyr::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

/// The hooks a user can pick: the two of this repository (`language: rust`, built from
/// source; `language: system`, the seloste on PATH) and the mirror's (`language: python`, the
/// wheel) — one entry, one file pattern, every file of a commit passed.
fn hooks() -> Vec<serde_json::Value> {
    let root = yaml(".pre-commit-hooks.yaml");
    let mirror = yaml("packaging/pre-commit/.pre-commit-hooks.yaml");
    let mut all = root.as_array().unwrap().clone();
    all.extend(mirror.as_array().unwrap().iter().cloned());
    all
}

#[test]
fn the_pre_commit_hooks_pass_the_yaml_and_template_files_of_a_commit() {
    let hooks = hooks();
    let languages: Vec<(&str, &str)> = hooks
        .iter()
        .map(|h| (h["id"].as_str().unwrap(), h["language"].as_str().unwrap()))
        .collect();
    assert_eq!(
        languages,
        [
            ("seloste", "rust"),
            ("seloste-system", "system"),
            ("seloste", "python")
        ]
    );
    let pattern = hooks[0]["files"].as_str().unwrap();
    for hook in &hooks {
        assert_eq!(hook["entry"], "seloste check");
        assert_eq!(hook["pass_filenames"], true);
        assert_eq!(hook["files"], pattern, "{hook}");
    }
    // The `repo: local` recipe of docs/ci.md uses the same pattern.
    let doc = fs::read_to_string("docs/ci.md").unwrap();
    assert!(
        doc.contains(&format!("files: '{pattern}'")),
        "docs/ci.md's hook has another files pattern than {pattern}"
    );
    // pre-commit applies it with re.search to paths relative to the repository root; seloste
    // then decides which of them are a project's, so the pattern only keeps away files that
    // no project can hold.
    let files = regex::Regex::new(pattern).unwrap();
    for f in [
        "seloste.yaml",
        "notices/asiakasrekisteri.yaml",
        "notices/a.yml",
        "tietosuoja/seloste.yaml",
        "tietosuoja/notices/b.yaml",
        // settings.notices_dir and settings.shared_dir are the project's to name
        "tietosuoja/rekisterit/c.yaml",
        "tietosuoja/shared/kela.yml",
        // a project's templates/<name> replaces the built-in file of that name
        "templates/register.md",
        "tietosuoja/templates/page.html",
        "templates/style.css",
        "templates/labels.yaml",
    ] {
        assert!(files.is_match(f), "the hooks ignore {f}");
    }
    for f in [
        "README.md",
        "docs/index.md",
        "src/main.rs",
        "notices/deep/x.txt",
        "my-seloste.yaml.bak",
        "Cargo.toml",
        // a site generator's templates are no seloste project's: not one folder deeper
        "site/templates/partials/header.html",
        "templates/fi/register.md",
        "templates/logo.png",
    ] {
        assert!(!files.is_match(f), "the hooks run for {f}");
    }
}

/// What pre-commit does with the hook, from a repository whose project is in `tietosuoja/`: the
/// entry with the matching files of the commit appended, from the repository root. Files of
/// no project are left alone. (`ci/package.sh` runs pre-commit itself, with the wheel.)
#[test]
fn the_pre_commit_hook_checks_a_project_in_a_subdirectory_from_the_files_it_is_given() {
    let repo = tempfile::tempdir().unwrap();
    copy_sample(&repo.path().join("tietosuoja"));
    fs::create_dir_all(repo.path().join(".github/workflows")).unwrap();
    fs::write(repo.path().join(".github/workflows/ci.yml"), "on: push\n").unwrap();
    let mut files = vec![
        "tietosuoja/seloste.yaml".to_string(),
        ".github/workflows/ci.yml".to_string(),
    ];
    for e in fs::read_dir(repo.path().join("tietosuoja/notices")).unwrap() {
        let name = e.unwrap().file_name().into_string().unwrap();
        files.push(format!("tietosuoja/notices/{name}"));
    }
    let entry = hooks()[0]["entry"].as_str().unwrap().to_string();
    let run = |files: &[String]| sh(&format!("{entry} {}", files.join(" ")), repo.path());

    let out = run(&files);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Only files of no project: nothing to check, and no error.
    let out = run(&[".github/workflows/ci.yml".to_string()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A register with findings fails the commit and is named.
    fs::write(
        repo.path().join("tietosuoja/notices/uusi.yaml"),
        "title: Uusi rekisteri\ncollection: data_subject\n",
    )
    .unwrap();
    files.push("tietosuoja/notices/uusi.yaml".to_string());
    let out = run(&files);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("uusi.yaml"));
}

/// The targets the release workflow builds, each with the archive it publishes.
fn release_archives() -> Vec<(String, String)> {
    let workflow = yaml(".github/workflows/release.yml");
    let job = &workflow["jobs"]["binaries"];
    let steps = serde_json::to_string(&job["steps"]).unwrap();
    assert!(
        steps.contains("--profile dist"),
        "the binaries are not built with the dist profile"
    );
    assert!(
        steps.contains("bash packaging/archive.sh \\\"$TARGET\\\""),
        "{steps}"
    );
    // packaging/archive.sh names them.
    let script = fs::read_to_string("packaging/archive.sh").unwrap();
    assert!(script.contains("*-windows-*) exe=seloste.exe archive=seloste-$target.zip ;;"));
    assert!(script.contains("*) exe=seloste archive=seloste-$target.tar.gz ;;"));
    job["strategy"]["matrix"]["include"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let target = m["target"].as_str().unwrap().to_string();
            let ext = if target.contains("-windows-") {
                "zip"
            } else {
                "tar.gz"
            };
            let archive = format!("seloste-{target}.{ext}");
            (target, archive)
        })
        .collect()
}

#[test]
fn the_release_archives_are_what_binstall_and_the_action_download() {
    let archives = release_archives();
    let targets: Vec<&str> = archives.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        targets,
        [
            "x86_64-unknown-linux-musl",
            "aarch64-unknown-linux-musl",
            "x86_64-apple-darwin",
            "aarch64-apple-darwin",
            "x86_64-pc-windows-msvc"
        ]
    );

    // cargo binstall: Cargo.toml's templates, with a target's override laid over the defaults.
    let manifest: toml_edit::DocumentMut =
        fs::read_to_string("Cargo.toml").unwrap().parse().unwrap();
    let binstall = &manifest["package"]["metadata"]["binstall"];
    for (target, archive) in &archives {
        let get = |key: &str| {
            binstall
                .get("overrides")
                .and_then(|o| o.get(target.as_str()))
                .and_then(|o| o.get(key))
                .or_else(|| binstall.get(key))
                .and_then(|v| v.as_str())
                .unwrap()
                .to_string()
        };
        let url = get("pkg-url")
            .replace("{ name }", "seloste")
            .replace("{ target }", target)
            .replace("{ version }", "0.1.0");
        assert_eq!(
            url,
            format!("{{ repo }}/releases/download/v0.1.0/{archive}"),
            "{target}"
        );
        let fmt = if archive.ends_with(".zip") {
            "zip"
        } else {
            "tgz"
        };
        assert_eq!(get("pkg-fmt"), fmt, "{target}");
        // packaging/archive.sh puts the binary at the root of the archive.
        assert_eq!(get("bin-dir"), "{ bin }{ binary-ext }", "{target}");
    }

    // action.yml: one target per runner, the same names, from the same release.
    let action = yaml("action.yml");
    let install = action["runs"]["steps"][0]["run"].as_str().unwrap();
    for (target, _) in &archives {
        assert!(
            install.contains(&format!(" target={target} ;;")),
            "action.yml lacks {target}"
        );
    }
    assert_eq!(install.matches(" target=").count(), archives.len());
    assert!(install.contains(r#"archive="seloste-$target.zip""#));
    assert!(install.contains(r#"archive="seloste-$target.tar.gz""#));
    assert!(
        install
            .contains(r#"base="$GITHUB_SERVER_URL/$ACTION_REPOSITORY/releases/download/$version""#)
    );
    assert!(install.contains(r#""$base/$archive.sha256""#));
}

#[test]
fn the_python_packages_carry_the_version_of_cargo_toml() {
    let manifest: toml_edit::DocumentMut =
        fs::read_to_string("Cargo.toml").unwrap().parse().unwrap();
    let version = manifest["package"]["version"].as_str().unwrap();
    // The wheel takes its version from Cargo.toml, and holds the binary only.
    let wheel: toml_edit::DocumentMut = fs::read_to_string("pyproject.toml")
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(wheel["project"]["name"].as_str(), Some("seloste"));
    assert_eq!(
        wheel["project"]["dynamic"]
            .as_array()
            .unwrap()
            .iter()
            .next()
            .and_then(|v| v.as_str()),
        Some("version")
    );
    assert_eq!(wheel["tool"]["maturin"]["bindings"].as_str(), Some("bin"));
    // The pre-commit mirror installs the wheel of the same version.
    let mirror: toml_edit::DocumentMut = fs::read_to_string("packaging/pre-commit/pyproject.toml")
        .unwrap()
        .parse()
        .unwrap();
    let deps: Vec<&str> = mirror["project"]["dependencies"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d.as_str())
        .collect();
    assert_eq!(deps, [format!("seloste=={version}")]);
    assert_eq!(mirror["project"]["version"].as_str(), Some(version));
    // And so do the recipes that pin it.
    let doc = fs::read_to_string("docs/ci.md").unwrap();
    assert!(doc.contains(&format!(
        r#"additional_dependencies: ["seloste=={version}"]"#
    )));
}
