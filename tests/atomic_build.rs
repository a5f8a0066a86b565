//! A build is atomic as a whole (docs/security.md, DESIGN.md "Atomic"): killed at any moment,
//! or racing another build into the same directory, it leaves either the complete old output
//! or the complete new one — never a mix, never a half — and the next build removes what a
//! killed one left behind.

#![cfg(unix)]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const REGISTERS: usize = 200;

/// Kill trials; `SELOSTE_KILL_TRIALS` runs more (the measurement used 100).
fn trials() -> usize {
    std::env::var("SELOSTE_KILL_TRIALS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(16)
}

/// A project of [`REGISTERS`] copies of a clean register, every title carrying `version`.
fn write_project(root: &Path, version: &str) {
    let src = Path::new("tests/cmd/check-clean.in");
    fs::create_dir_all(root.join("notices")).unwrap();
    fs::copy(src.join("seloste.yaml"), root.join("seloste.yaml")).unwrap();
    let register = fs::read_to_string(src.join("notices/ajanvaraus.yaml")).unwrap();
    let (head, rest) = register.split_once('\n').unwrap();
    assert!(head.starts_with("title: "), "{head}");
    for i in 0..REGISTERS {
        fs::write(
            root.join(format!("notices/r{i:04}.yaml")),
            format!("{head} {version}\n{rest}"),
        )
        .unwrap();
    }
}

fn seloste() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_seloste"));
    c.env("NO_COLOR", "1");
    c
}

/// Which version every page of `dist` shows; panics on a mix or a missing page.
fn version_of(dist: &Path) -> String {
    let names: BTreeSet<String> = fs::read_dir(dist)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut expected: BTreeSet<String> = (0..REGISTERS)
        .flat_map(|i| [format!("r{i:04}.md"), format!("r{i:04}.html")])
        .collect();
    expected.extend(["index.md", "index.html", ".seloste-manifest"].map(String::from));
    assert_eq!(
        names, expected,
        "the output is not one build's complete output"
    );
    let mut versions = BTreeSet::new();
    for i in 0..REGISTERS {
        let md = fs::read_to_string(dist.join(format!("r{i:04}.md"))).unwrap();
        let v = if md.contains("VERSIO-A") {
            "A"
        } else if md.contains("VERSIO-B") {
            "B"
        } else {
            panic!("r{i:04}.md carries no version");
        };
        versions.insert(v);
    }
    assert_eq!(versions.len(), 1, "pages of two builds mixed: {versions:?}");
    versions.into_iter().next().unwrap().to_string()
}

fn leftovers(parent: &Path) -> Vec<PathBuf> {
    fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy().into_owned();
            [".seloste-new-", ".seloste-old-", ".seloste-tmp"]
                .iter()
                .any(|m| n.contains(m))
        })
        .collect()
}

/// A small deterministic generator for the kill moments.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn a_killed_build_leaves_the_old_or_the_new_output_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("p");
    let dist = root.join("dist");
    write_project(&root, "VERSIO-A");
    // How long a build takes is measured on one like the trials': over an existing output,
    // with every page changed. The first build, into nothing and with cold caches, can take
    // several times as long, and kill moments spread over it all land after the switch.
    let mut full = Duration::ZERO;
    for version in ["B", "A"] {
        let started = Instant::now();
        let ok = seloste().current_dir(&root).arg("build").output().unwrap();
        assert!(
            ok.status.success(),
            "{}",
            String::from_utf8_lossy(&ok.stderr)
        );
        full = started.elapsed();
        write_project(&root, &format!("VERSIO-{version}"));
    }
    let ok = seloste().current_dir(&root).arg("build").output().unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert_eq!(version_of(&dist), "A");

    let mut rng = Lcg(0x5e1057e);
    let mut current = "A".to_string();
    let (mut saw_old, mut saw_new) = (0, 0);
    // Kill moments spread from the start to a little past a whole build. On a busy machine a
    // build can take longer than the one measured: while no trial has yet ended after the
    // switch, the window widens, so that both sides are reached.
    let mut window = full.as_micros() as u64 * 12 / 10 + 1;
    let trials = trials();
    for trial in 0..trials {
        let next = if current == "A" { "B" } else { "A" };
        write_project(&root, &format!("VERSIO-{next}"));
        let mut child = seloste()
            .current_dir(&root)
            .arg("build")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let at = Duration::from_micros(rng.next() % window);
        std::thread::sleep(at);
        let _ = child.kill();
        let _ = child.wait();
        let seen = version_of(&dist);
        if seen == current {
            saw_old += 1;
            if saw_new == 0 && trial >= trials / 4 {
                window = window * 3 / 2;
            }
        } else {
            saw_new += 1;
            current = seen;
        }
    }
    // The moments are spread over the build: some trials must have ended on each side.
    assert!(saw_old > 0 && saw_new > 0, "old {saw_old}, new {saw_new}");

    // The next build completes and leaves no temporaries behind.
    let ok = seloste().current_dir(&root).arg("build").output().unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    version_of(&dist);
    assert!(leftovers(&root).is_empty(), "{:?}", leftovers(&root));
    assert!(leftovers(&dist).is_empty(), "{:?}", leftovers(&dist));
}

#[test]
fn two_builds_at_once_take_turns() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("p");
    write_project(&root, "VERSIO-A");
    let started = Instant::now();
    let ok = seloste().current_dir(&root).arg("build").output().unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let full = started.elapsed();
    // The second build starts at a different moment of the first each round: before it has
    // read anything, while it renders, while it writes.
    for round in 0..6u32 {
        let version = if round % 2 == 0 { "B" } else { "A" };
        write_project(&root, &format!("VERSIO-{version}"));
        let a = seloste()
            .current_dir(&root)
            .arg("build")
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(full * round / 6);
        let b = seloste()
            .current_dir(&root)
            .arg("build")
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        for c in [a, b] {
            let o = c.wait_with_output().unwrap();
            assert!(
                o.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&o.stderr)
            );
        }
        assert_eq!(version_of(&root.join("dist")), version);
        assert!(leftovers(&root).is_empty(), "{:?}", leftovers(&root));
        assert!(leftovers(&root.join("dist")).is_empty());
    }
}
