//! Every command the documentation shows is run, or at least checked against the program:
//!
//! - each shell block (`sh`, `bash`, `shell`) of the README, `docs/` and the examples' READMEs
//!   runs as a script, in order, in a sandbox holding a copy of this repository's sample
//!   project and examples; every `seloste` it starts must exit with 0 or 1 (1 = findings),
//!   never with a usage or input error, and every `seloste` line of the block must have run;
//! - each `seloste …` command of a YAML block (CI recipes: `run:`, `script:` items) runs the
//!   same way;
//! - every `seloste SUBCOMMAND --flag` written in running text or in a synopsis names a
//!   subcommand and flags the program has (from its `--help`);
//! - console blocks (`$ seloste …` with the output) are trycmd cases (`tests/cli.rs` runs the
//!   README's and docs/data.md's): a console block anywhere else would go unchecked, so it is
//!   refused here.
//!
//! Programs other than seloste that the documents call (cargo, hugo, chromium, pip, …) are
//! replaced by stubs that do nothing: what is verified is that the documented seloste commands
//! exist and work as written, not the other tools.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The documents whose commands are checked.
fn documents() -> Vec<PathBuf> {
    let mut docs = vec![PathBuf::from("README.md")];
    for dir in ["docs", "examples"] {
        let mut found: Vec<PathBuf> = walk(Path::new(dir))
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .filter(|p| dir == "docs" || p.file_name().is_some_and(|n| n == "README.md"))
            .collect();
        found.sort();
        docs.extend(found);
    }
    docs
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// A fenced block: its info string and its lines.
struct Block {
    lang: String,
    lines: Vec<String>,
    line: usize,
}

fn blocks(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut open: Option<(String, usize, Block)> = None;
    for (n, raw) in markdown.lines().enumerate() {
        let t = raw.trim_start();
        let indent = raw.len() - t.len();
        if let Some(rest) = t.strip_prefix("```") {
            match open.take() {
                Some((_, _, block)) if rest.trim().is_empty() => out.push(block),
                Some(o) => open = Some(o),
                None => {
                    open = Some((
                        String::new(),
                        indent,
                        Block {
                            lang: rest.trim().to_string(),
                            lines: Vec::new(),
                            line: n + 1,
                        },
                    ))
                }
            }
            continue;
        }
        if let Some((_, indent, block)) = open.as_mut() {
            let cut = raw.len().min(*indent);
            let line = if raw[..cut].trim().is_empty() {
                &raw[cut..]
            } else {
                raw
            };
            block.lines.push(line.to_string());
        }
    }
    out
}

/// The command of a line, if it starts `seloste`: `seloste check`, `- seloste check`,
/// `run: seloste check`.
fn seloste_command(line: &str) -> Option<&str> {
    let t = line.trim();
    let t = t.strip_prefix("- ").unwrap_or(t);
    let t = t.strip_prefix("run: ").unwrap_or(t);
    (t.starts_with("seloste ") || t == "seloste").then_some(t)
}

/// A copy of the sample project, its schemas and the examples, in a temporary directory, with
/// stubs for the other programs and a `seloste` that logs how each run ended.
struct Sandbox {
    dir: tempfile::TempDir,
}

const STUBS: &[&str] = &[
    "bash",
    "cargo",
    "cargo-binstall",
    "chromium",
    "curl",
    "hugo",
    "man",
    "node",
    "npm",
    "npx",
    "pdftoppm",
    "pip",
    "pip3",
    "pipx",
    "pre-commit",
    "uv",
    "wget",
    "zola",
];

impl Sandbox {
    fn new() -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("work");
        fs::create_dir(&root).unwrap();
        fs::copy("seloste.yaml", root.join("seloste.yaml")).unwrap();
        for sub in ["notices", "examples", "schema"] {
            copy_dir(Path::new(sub), &root.join(sub));
        }
        let bin = dir.path().join("bin");
        fs::create_dir(&bin).unwrap();
        for stub in STUBS {
            write_script(&bin.join(stub), "#!/bin/sh\nexit 0\n");
        }
        write_script(
            &bin.join("seloste"),
            &format!(
                "#!/bin/sh\n'{}' \"$@\"\nrc=$?\nprintf '%s\\t%s\\n' \"$rc\" \"$*\" >> '{}'\nexit $rc\n",
                env!("CARGO_BIN_EXE_seloste"),
                dir.path().join("log").display()
            ),
        );
        let home = dir.path().join("home");
        for d in [
            ".local/share/bash-completion/completions",
            ".zfunc",
            ".config/fish/completions",
        ] {
            fs::create_dir_all(home.join(d)).unwrap();
        }
        Sandbox { dir }
    }

    /// Runs `script` in the project copy; returns the runs of seloste: (exit code, arguments).
    fn run(&self, script: &str) -> (Vec<(i32, String)>, String) {
        let log = self.dir.path().join("log");
        let _ = fs::remove_file(&log);
        let path = format!(
            "{}:{}",
            self.dir.path().join("bin").display(),
            std::env::var("PATH").unwrap_or_default()
        );
        // A command that does not end (a server) fails the test instead of hanging it.
        let out = Command::new("timeout")
            .args(["120", "/bin/sh", "-c"])
            .arg(script)
            .current_dir(self.dir.path().join("work"))
            .env("PATH", path)
            .env("HOME", self.dir.path().join("home"))
            .env("SELOSTE_TODAY", "2026-11-23")
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let runs = fs::read_to_string(&log)
            .unwrap_or_default()
            .lines()
            .map(|l| {
                let (rc, args) = l.split_once('\t').unwrap_or((l, ""));
                (rc.parse().unwrap_or(-1), args.to_string())
            })
            .collect();
        (runs, String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

fn write_script(path: &Path, text: &str) {
    fs::write(path, text).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(0o755)).unwrap();
    }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let dest = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_dir(&p, &dest);
        } else {
            fs::copy(&p, &dest).unwrap();
        }
    }
}

/// The script a block stands for: a shell block as it is, the `seloste` lines of a YAML block.
fn script_of(block: &Block) -> Option<(String, usize)> {
    match block.lang.as_str() {
        // `seloste serve` runs until stopped: tests/serve.rs runs the documented commands and
        // stops them with Ctrl-C.
        "sh" | "bash" | "shell" if block.lines.iter().any(|l| l.starts_with("seloste serve")) => {
            None
        }
        "sh" | "bash" | "shell" => {
            let n = block
                .lines
                .iter()
                .filter(|l| l.trim_start().starts_with("seloste "))
                .count();
            (n > 0).then(|| (block.lines.join("\n"), n))
        }
        "yaml" | "yml" => {
            let lines: Vec<&str> = block
                .lines
                .iter()
                .filter_map(|l| seloste_command(l))
                .collect();
            (!lines.is_empty()).then(|| (lines.join("\n"), lines.len()))
        }
        _ => None,
    }
}

#[test]
fn every_command_in_the_documents_runs() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for doc in documents() {
        let text = fs::read_to_string(&doc).unwrap();
        for block in blocks(&text) {
            let Some((script, expected)) = script_of(&block) else {
                continue;
            };
            let sandbox = Sandbox::new();
            let (runs, stderr) = sandbox.run(&script);
            let place = format!("{}:{}", doc.display(), block.line);
            checked += runs.len();
            if runs.len() < expected {
                failures.push(format!(
                    "{place}: {expected} seloste commands, {} ran: {runs:?}\n{stderr}",
                    runs.len()
                ));
            }
            for (rc, args) in &runs {
                if !(0..=1).contains(rc) {
                    failures.push(format!(
                        "{place}: `seloste {args}` exited with {rc}\n{stderr}"
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    // The README's quick start and start of a project, the CI recipes and the publishing
    // recipes at least.
    assert!(checked >= 15, "only {checked} commands ran");
}

/// The subcommands and their long options, from the program's own help.
fn options_of(subcommand: Option<&str>) -> Option<BTreeSet<String>> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_seloste"));
    cmd.args(subcommand).arg("--help");
    let out = cmd.output().unwrap();
    if !out.status.success() {
        return None;
    }
    let help = String::from_utf8_lossy(&out.stdout).into_owned();
    Some(
        help.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .filter(|w| w.starts_with("--") && w.len() > 2)
            .map(str::to_string)
            .collect(),
    )
}

/// `seloste SUBCOMMAND … --flag …` in running text, synopses and shell blocks.
fn mentioned_commands(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = markdown;
    while let Some(start) = rest.find("`seloste ") {
        let after = &rest[start + 1..];
        let Some(end) = after.find('`') else { break };
        out.push(after[..end].to_string());
        rest = &after[end..];
    }
    for block in blocks(markdown) {
        if block.lang == "console" {
            continue;
        }
        out.extend(
            block
                .lines
                .iter()
                .filter_map(|l| seloste_command(l))
                .map(str::to_string),
        );
    }
    out
}

#[test]
fn every_option_the_documents_name_exists() {
    let global = options_of(None).unwrap();
    let mut failures = Vec::new();
    let mut seen = 0;
    for doc in documents() {
        let text = fs::read_to_string(&doc).unwrap();
        for command in mentioned_commands(&text) {
            let words: Vec<&str> = command.split_whitespace().skip(1).collect();
            let sub = words
                .first()
                .filter(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
                .filter(|w| !w.starts_with('-'))
                .copied();
            let options = match sub {
                Some(s) => match options_of(Some(s)) {
                    Some(o) => o,
                    None => {
                        // `seloste check kansio`: a word after `seloste` that is no subcommand is
                        // an error only when it is not a path or placeholder of the top level.
                        failures.push(format!(
                            "{}: `{command}`: no subcommand `{s}`",
                            doc.display()
                        ));
                        continue;
                    }
                },
                None => global.clone(),
            };
            for w in &words {
                let Some(flag) = w.strip_prefix("--") else {
                    continue;
                };
                let name: String = flag
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                if name.is_empty() {
                    continue;
                }
                seen += 1;
                let flag = format!("--{name}");
                if !options.contains(&flag) && !global.contains(&flag) {
                    failures.push(format!(
                        "{}: `{command}`: `{}` has no option {flag}",
                        doc.display(),
                        sub.unwrap_or("seloste")
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(seen >= 10, "only {seen} options named");
}

#[test]
fn console_blocks_are_only_where_trycmd_runs_them() {
    let run_by_trycmd = [Path::new("README.md"), Path::new("docs/data.md")];
    for doc in documents() {
        let text = fs::read_to_string(&doc).unwrap();
        let consoles = blocks(&text)
            .into_iter()
            .filter(|b| b.lang == "console")
            .count();
        assert!(
            consoles == 0 || run_by_trycmd.contains(&doc.as_path()),
            "{}: {consoles} console blocks that tests/cli.rs does not run",
            doc.display()
        );
    }
}

#[test]
fn the_block_reader_sees_indented_and_nested_fences() {
    let md = "text\n```sh\nseloste build\n```\n- item\n\n  ```css\n  a {}\n  ```\n";
    let b = blocks(md);
    assert_eq!(
        b.len(),
        2,
        "{:?}",
        b.iter().map(|b| &b.lang).collect::<Vec<_>>()
    );
    assert_eq!(b[0].lang, "sh");
    assert_eq!(b[0].lines, ["seloste build"]);
    assert_eq!(b[1].lang, "css");
    assert_eq!(b[1].lines, ["a {}"]);
    assert_eq!(
        seloste_command("      - run: seloste check"),
        Some("seloste check")
    );
    assert_eq!(seloste_command("# seloste: allow(x)"), None);
}
