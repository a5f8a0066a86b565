//! The shell completions and the manual pages, as users meet them.
//!
//! Completions are run in the real shells: bash always, zsh (through `tests/shell/zsh-complete.zsh`,
//! which drives an interactive zsh in a pseudo-terminal) and fish (`complete -C`) when they are
//! installed. Without them those cases say so and pass, unless `SELOSTE_REQUIRE_SHELLS=1` (set
//! by `.ci/run`, which installs both) makes a missing shell a failure.
//!
//! Manual pages: every subcommand has one, every page the top-level page refers to exists, and
//! `seloste man SUBCOMMAND` prints the page `seloste man --out DIR` writes.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use assert_cmd::cargo::cargo_bin_cmd;
use seloste::lint::RULES;

/// `seloste ARGS`: its standard output, which must be a success.
fn seloste(args: &[&str]) -> String {
    let out = cargo_bin_cmd!("seloste").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "seloste {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Whether `shell` can be run; a failure if it cannot and CI requires it.
fn have(shell: &str) -> bool {
    let found = Command::new(shell)
        .arg("-c")
        .arg("exit 0")
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        assert!(
            std::env::var_os("SELOSTE_REQUIRE_SHELLS").is_none(),
            "{shell} is required (SELOSTE_REQUIRE_SHELLS) but cannot be run"
        );
        eprintln!("{shell} is not installed: its completions are not run");
    }
    found
}

/// The sorted, distinct lines of `out` (a candidate's description after a tab cut off).
fn candidates(out: &[u8]) -> Vec<String> {
    let set: BTreeSet<String> = String::from_utf8_lossy(out)
        .lines()
        .map(|l| l.split('\t').next().unwrap().trim_end().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    set.into_iter().collect()
}

fn rules_starting(prefix: &str, before: &str) -> Vec<String> {
    let mut v: Vec<String> = RULES
        .iter()
        .filter(|r| r.name.starts_with(prefix))
        .map(|r| format!("{before}{}", r.name))
        .collect();
    v.sort();
    v
}

/// The command lines each shell completes, with what the word after the last comma starts
/// with and what stands before it.
const CASES: &[(&[&str], &str, &str)] = &[
    (&["seloste", "explain", "missing-le"], "missing-le", ""),
    (&["seloste", "explain", ""], "", ""),
    (
        &["seloste", "check", "--select", "missing-t"],
        "missing-t",
        "",
    ),
    (
        &["seloste", "check", "--ignore", "vague-purpose,missing-le"],
        "missing-le",
        "vague-purpose,",
    ),
    (
        &[
            "seloste",
            "check",
            "--select",
            "stale-notice,vague-purpose,un",
        ],
        "un",
        "stale-notice,vague-purpose,",
    ),
];

#[test]
fn bash_completes_rule_names() {
    if !have("bash") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("seloste.bash");
    std::fs::write(&script, seloste(&["completions", "bash"])).unwrap();
    for (words, prefix, before) in CASES {
        // As bash calls it: COMP_WORDS and COMP_CWORD set; the command, the word and the one
        // before it as arguments.
        let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
        let program = format!(
            "source '{}'; COMP_WORDS=({}); COMP_CWORD={}; \
             _seloste seloste \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; \
             printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script.display(),
            quoted.join(" "),
            words.len() - 1
        );
        let out = Command::new("bash")
            .args(["--norc", "-c", &program])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut got = candidates(&out.stdout);
        if prefix.is_empty() {
            // At an empty word the options of `explain` come with the rules.
            got.retain(|c| !c.starts_with('-'));
        }
        assert_eq!(got, rules_starting(prefix, before), "bash: {words:?}");
    }
}

#[test]
fn zsh_completes_rule_names() {
    if !have("zsh") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("_seloste"),
        seloste(&["completions", "zsh"]),
    )
    .unwrap();
    let harness = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/shell/zsh-complete.zsh");
    for (words, prefix, before) in CASES {
        if prefix.is_empty() {
            continue; // zsh offers the options too, in its own order: the other cases suffice.
        }
        let out = Command::new("zsh")
            .arg("-f")
            .arg(&harness)
            .arg(words.join(" "))
            .env("ZSH_COMPLETE_FPATH", dir.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        // In a list, zsh adds a `,` that goes away when something else is typed.
        let got: Vec<String> = candidates(&out.stdout)
            .into_iter()
            .map(|c| c.trim_end_matches(',').to_string())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        assert_eq!(got, rules_starting(prefix, before), "zsh: {words:?}");
    }
}

#[test]
fn fish_completes_rule_names() {
    if !have("fish") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("seloste.fish");
    std::fs::write(&script, seloste(&["completions", "fish"])).unwrap();
    for (words, prefix, before) in CASES {
        if prefix.is_empty() {
            continue;
        }
        let line = words.join(" ");
        let out = Command::new("fish")
            .args(["--no-config", "-c"])
            .arg(format!(
                "source '{}'; complete -C '{line}'",
                script.display()
            ))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            candidates(&out.stdout),
            rules_starting(prefix, before),
            "fish: {words:?}"
        );
    }
}

/// Even where the shell is not installed here, its script names every rule (PowerShell's
/// completes subcommands and options only).
#[test]
fn every_shell_gets_a_script_with_every_rule() {
    for shell in ["bash", "zsh", "fish"] {
        let script = seloste(&["completions", shell]);
        for r in RULES {
            assert!(script.contains(r.name), "{shell}: {}", r.name);
        }
    }
}

/// The subcommands `seloste --help` lists, without `help`.
fn subcommands() -> Vec<String> {
    let help = seloste(&["--help"]);
    let list = help.split("Commands:\n").nth(1).unwrap();
    list.lines()
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(String::from)
        .collect()
}

#[test]
fn every_subcommand_has_a_manual_page() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("man1");
    seloste(&["man", "--out", out.to_str().unwrap()]);
    let mut written: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    written.sort();
    let subcommands = subcommands();
    assert!(subcommands.len() >= 9, "{subcommands:?}");
    let mut expected: Vec<String> = subcommands
        .iter()
        .map(|c| format!("seloste-{c}.1"))
        .chain(["seloste.1".to_string()])
        .collect();
    expected.sort();
    assert_eq!(written, expected);

    // `seloste man [SUBCOMMAND]` prints the page --out writes.
    assert_eq!(
        seloste(&["man"]),
        std::fs::read_to_string(out.join("seloste.1")).unwrap()
    );
    for c in &subcommands {
        let page = std::fs::read_to_string(out.join(format!("seloste-{c}.1"))).unwrap();
        assert_eq!(seloste(&["man", c]), page, "{c}");
        assert!(
            page.contains(&format!(".TH seloste-{c} 1 ")),
            "{c}: its title"
        );
        assert!(
            page.contains(&format!("\\fBseloste {c}\\fR")),
            "{c}: its synopsis"
        );
    }

    // Every page a page refers to (`seloste\-check(1)`, `\fBseloste\fR(1)`) exists.
    let mut referred = BTreeSet::new();
    for name in &written {
        let page = std::fs::read_to_string(out.join(name)).unwrap();
        for (i, _) in page.match_indices("(1)") {
            let before = &page[..i];
            let word = before
                .rsplit(|c: char| c.is_whitespace())
                .next()
                .unwrap()
                .replace("\\-", "-")
                .replace("\\fB", "")
                .replace("\\fR", "");
            if word.starts_with("seloste") {
                referred.insert(format!("{word}.1"));
            }
        }
    }
    let top = std::fs::read_to_string(out.join("seloste.1")).unwrap();
    for c in &subcommands {
        assert!(
            top.contains(&format!("seloste\\-{c}(1)")),
            "seloste.1 refers to {c}"
        );
    }
    for page in &referred {
        assert!(
            written.contains(page),
            "{page} is referred to but not written"
        );
    }
    assert!(referred.contains("seloste.1") && referred.len() == written.len());
}

#[test]
fn an_unknown_manual_page_is_a_usage_error() {
    let out = cargo_bin_cmd!("seloste")
        .args(["man", "chek"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no subcommand is named `chek`") && err.contains("check"));
}
