//! The promises of docs/security.md, each tested the way a hostile pull request would break
//! it: containment of reads, writes and deletes; bounded time; an output switched as a whole.
//!
//! Every project here starts as a copy of `tests/cmd/check-clean.in` (two lint-clean
//! registers) in a temporary directory, then gets the hostile change under test.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use assert_cmd::cargo::cargo_bin_cmd;

/// A clean project in a temporary directory: `(tempdir, project path)`.
fn project() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("project");
    fs::create_dir_all(root.join("notices")).unwrap();
    let src = Path::new("tests/cmd/check-clean.in");
    fs::copy(src.join("seloste.yaml"), root.join("seloste.yaml")).unwrap();
    for e in fs::read_dir(src.join("notices")).unwrap() {
        let e = e.unwrap();
        fs::copy(e.path(), root.join("notices").join(e.file_name())).unwrap();
    }
    (tmp, root)
}

fn seloste(dir: &Path, args: &[&str]) -> Output {
    cargo_bin_cmd!("seloste")
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn a_committed_manifest_and_link_delete_nothing_outside() {
    let (tmp, root) = project();
    let victim_dir = tmp.path().join("victim");
    fs::create_dir(&victim_dir).unwrap();
    fs::write(victim_dir.join("victim.txt"), "precious").unwrap();
    let dist = root.join("dist");
    fs::create_dir(&dist).unwrap();
    symlink(&victim_dir, dist.join("esc")).unwrap();
    fs::write(
        dist.join(".seloste-manifest"),
        "esc/victim.txt\n../seloste.yaml\nesc\n",
    )
    .unwrap();
    // The link out of the output directory is refused; nothing is written or deleted.
    let o = seloste(&root, &["build"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("leads out of it"), "{}", text(&o));
    assert_eq!(
        fs::read_to_string(victim_dir.join("victim.txt")).unwrap(),
        "precious"
    );
    // With the link gone, the manifest's entries still delete nothing that is not a page.
    fs::remove_file(dist.join("esc")).unwrap();
    let o = seloste(&root, &["build"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(
        fs::read_to_string(victim_dir.join("victim.txt")).unwrap(),
        "precious"
    );
    assert!(root.join("seloste.yaml").exists());
    assert!(dist.join("ajanvaraus.html").exists());
}

#[test]
fn the_output_may_not_hold_the_project() {
    let (_tmp, root) = project();
    let before = fs::read_to_string(root.join("seloste.yaml")).unwrap();
    for out in [".", "..", "notices", "notices/x"] {
        let o = seloste(&root, &["build", "--out", out]);
        assert_eq!(o.status.code(), Some(2), "--out {out}: {}", text(&o));
        assert!(text(&o).contains("nothing was written"), "{}", text(&o));
    }
    assert_eq!(
        fs::read_to_string(root.join("seloste.yaml")).unwrap(),
        before
    );
}

#[test]
fn settings_paths_stay_inside_the_project() {
    let (tmp, root) = project();
    fs::create_dir(tmp.path().join("elsewhere")).unwrap();
    let base = fs::read_to_string(root.join("seloste.yaml")).unwrap();
    for (key, value) in [
        ("notices_dir", "/etc"),
        ("notices_dir", "../elsewhere"),
        ("output_dir", "/tmp/x"),
        ("output_dir", "../elsewhere"),
    ] {
        fs::write(
            root.join("seloste.yaml"),
            format!("{base}settings:\n  {key}: {value}\n"),
        )
        .unwrap();
        let o = seloste(&root, &["check"]);
        let t = text(&o);
        assert_eq!(o.status.code(), Some(2), "{key}: {value}: {t}");
        assert!(t.contains("error[outside-project]"), "{t}");
        assert!(t.contains("seloste.yaml:"), "located: {t}");
    }
    // A register directory that is a link out of the project.
    fs::write(
        root.join("seloste.yaml"),
        format!("{base}settings:\n  notices_dir: linked\n"),
    )
    .unwrap();
    symlink("/etc", root.join("linked")).unwrap();
    let o = seloste(&root, &["check"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("error[outside-project]"), "{}", text(&o));
    assert!(!text(&o).contains("passwd"), "{}", text(&o));
    // An output directory that is a link out of the project.
    fs::write(
        root.join("seloste.yaml"),
        format!("{base}settings:\n  output_dir: out\n"),
    )
    .unwrap();
    symlink(tmp.path().join("elsewhere"), root.join("out")).unwrap();
    let o = seloste(&root, &["build"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        fs::read_dir(tmp.path().join("elsewhere"))
            .unwrap()
            .next()
            .is_none()
    );
}

#[test]
fn templates_are_read_only_from_inside_the_project() {
    let (tmp, root) = project();
    fs::write(tmp.path().join("secret"), "GITHUB_TOKEN=ghp_secret").unwrap();
    fs::create_dir(root.join("templates")).unwrap();
    symlink(tmp.path().join("secret"), root.join("templates/style.css")).unwrap();
    for cmd in ["check", "build"] {
        let o = seloste(&root, &[cmd]);
        let t = text(&o);
        assert_eq!(o.status.code(), Some(2), "{cmd}: {t}");
        assert!(t.contains("error[outside-project]"), "{t}");
        assert!(t.contains("templates/style.css"), "{t}");
    }
    assert!(!root.join("dist").exists());
    for page in fs::read_dir(&root).unwrap() {
        let p = page.unwrap().path();
        if p.is_file() {
            assert!(!fs::read_to_string(p).unwrap_or_default().contains("ghp_"));
        }
    }
    // A device or a pipe is not read at all (it would never end, or block).
    fs::remove_file(root.join("templates/style.css")).unwrap();
    let fifo = root.join("templates/register.md");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let started = Instant::now();
    let o = seloste(&root, &["check"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("error[not-a-file]"), "{}", text(&o));
    assert!(started.elapsed() < Duration::from_secs(20));
}

#[test]
fn registers_linked_inside_are_followed_and_outside_reported() {
    let (tmp, root) = project();
    fs::create_dir(root.join("shared")).unwrap();
    fs::rename(
        root.join("notices/rekrytointi.yaml"),
        root.join("shared/rekrytointi.yaml"),
    )
    .unwrap();
    symlink(
        "../shared/rekrytointi.yaml",
        root.join("notices/rekrytointi.yaml"),
    )
    .unwrap();
    let o = seloste(&root, &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("2 registers checked"), "{}", text(&o));

    fs::write(tmp.path().join("outside.yaml"), "title: x\n").unwrap();
    symlink(
        tmp.path().join("outside.yaml"),
        root.join("notices/ulkona.yaml"),
    )
    .unwrap();
    let o = seloste(&root, &["check"]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(2), "{t}");
    assert!(t.contains("error[outside-project]"), "{t}");
    assert!(t.contains("notices/ulkona.yaml"), "{t}");
}

#[test]
fn a_broken_template_fails_check_at_its_line() {
    let (_tmp, root) = project();
    fs::create_dir(root.join("templates")).unwrap();
    fs::write(
        root.join("templates/index.md"),
        "# Rekisterit\n\n{% for r in registers %}\n{{ r.title }\n{% endfor %}\n",
    )
    .unwrap();
    let o = seloste(&root, &["check"]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(2), "{t}");
    assert!(t.contains("error[template-error]"), "{t}");
    assert!(t.contains("templates/index.md:4:"), "{t}");
    // An error that shows only when rendering is found by check as well.
    fs::write(
        root.join("templates/index.md"),
        "# Rekisterit\n\n{{ no_such_thing.field }}\n",
    )
    .unwrap();
    let o = seloste(&root, &["check"]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(2), "{t}");
    assert!(t.contains("templates/index.md:3:"), "{t}");
}

#[test]
fn a_template_that_never_ends_is_stopped() {
    let (_tmp, root) = project();
    fs::create_dir(root.join("templates")).unwrap();
    fs::write(
        root.join("templates/index.md"),
        "{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% for k in range(end=100000) %}{% endfor %}{% endfor %}{% endfor %}",
    )
    .unwrap();
    for cmd in ["check", "build"] {
        let started = Instant::now();
        let o = cargo_bin_cmd!("seloste")
            .current_dir(&root)
            .arg(cmd)
            .env("NO_COLOR", "1")
            .env("SELOSTE_RENDER_TIMEOUT", "2")
            .output()
            .unwrap();
        let t = text(&o);
        assert_eq!(o.status.code(), Some(2), "{cmd}: {t}");
        assert!(t.contains("longer than 2 s"), "{t}");
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "{cmd} took {:?}",
            started.elapsed()
        );
    }
    assert!(!root.join("dist").exists());
    // The build's staging directory, filled batch by batch, goes with the time-out.
    let left: Vec<_> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".seloste-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_template_whose_strings_double_hits_the_memory_ceiling() {
    let (_tmp, root) = project();
    fs::create_dir(root.join("templates")).unwrap();
    let mut t = String::from("{% set s = \"xxxxxxxxxxxxxxxx\" %}");
    for _ in 0..40 {
        t.push_str("{% set s = s ~ s %}");
    }
    t.push_str("{{ s | length }}");
    fs::write(root.join("templates/index.md"), t).unwrap();
    let o = cargo_bin_cmd!("seloste")
        .current_dir(&root)
        .arg("check")
        .env("SELOSTE_MEMORY_LIMIT_MB", "512")
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    // Stopped: by the ceiling (an abort) rather than by the system running out of memory.
    assert_ne!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("memory allocation"), "{}", text(&o));
}

#[test]
fn git_metadata_never_reaches_the_output() {
    let (_tmp, root) = project();
    fs::create_dir(root.join(".git")).unwrap();
    fs::write(
        root.join(".git/config"),
        "[http]\n\textraheader = AUTHORIZATION: basic ghs_TOKEN\n",
    )
    .unwrap();
    fs::create_dir(root.join("templates")).unwrap();
    symlink("../.git/config", root.join("templates/style.css")).unwrap();
    symlink("../.git/config", root.join("notices/vuoto.yaml")).unwrap();
    // Every report a CI run may publish: the human one, JSON (and so SARIF's source), build's.
    for args in [&["check"][..], &["check", "--format", "json"], &["build"]] {
        let o = seloste(&root, args);
        let t = text(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {t}");
        assert!(t.contains("outside-project"), "{t}");
        assert!(
            !t.contains("ghs_TOKEN") && !t.contains("extraheader"),
            "{t}"
        );
    }
    assert!(!root.join("dist").exists());
    // Nor may the output go into it.
    fs::remove_file(root.join("templates/style.css")).unwrap();
    fs::remove_file(root.join("notices/vuoto.yaml")).unwrap();
    for out in [".git", ".git/hooks"] {
        let o = seloste(&root, &["build", "--out", out]);
        assert_eq!(o.status.code(), Some(2), "--out {out}: {}", text(&o));
        assert!(text(&o).contains(".git"), "{}", text(&o));
    }
    let base = fs::read_to_string(root.join("seloste.yaml")).unwrap();
    fs::write(
        root.join("seloste.yaml"),
        format!("{base}settings:\n  output_dir: .git\n"),
    )
    .unwrap();
    let o = seloste(&root, &["build"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert_eq!(fs::read_dir(root.join(".git")).unwrap().count(), 1);
}

#[test]
fn a_trusted_out_cannot_be_carried_away_by_a_committed_link() {
    let (tmp, root) = project();
    let site = tmp.path().join("site");
    fs::create_dir_all(site.join("tietosuoja")).unwrap();
    fs::write(site.join("tietosuoja/index.html"), "victim").unwrap();
    symlink(&site, root.join("public")).unwrap();
    let o = seloste(&root, &["build", "--out", "public/tietosuoja"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("symbolic link"), "{}", text(&o));
    assert_eq!(
        fs::read_to_string(site.join("tietosuoja/index.html")).unwrap(),
        "victim"
    );
    // A directory outside the project, named by whoever runs seloste, is theirs to choose.
    let o = seloste(
        &root,
        &["build", "--out", site.join("tietosuoja").to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
}

#[test]
fn seloste_new_writes_only_inside_the_project() {
    let (tmp, root) = project();
    let elsewhere = tmp.path().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    fs::rename(root.join("notices"), root.join("real-notices")).unwrap();
    symlink(&elsewhere, root.join("notices")).unwrap();
    let o = seloste(&root, &["new", "Työnhakijat"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("outside the project"), "{}", text(&o));
    assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0);
}
