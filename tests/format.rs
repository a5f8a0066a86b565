//! Every construct of the format has a fixture pair under `tests/fixtures/format/<construct>/`:
//! registers that use it, each checked in the clean project `tests/fixtures/rules/_base/`, and
//! the notice each renders to.
//!
//! - A fixture's leading comment lines `# expect: <rule> <line>:<col>` list exactly the
//!   diagnostics it must produce, from any rule; a fixture without them must be clean. A
//!   construct that states something lawful (observed data, a retention maximum) has clean
//!   fixtures: no rule may complain about it. A construct that records a defect of the notice
//!   (two bases with no mapping, a hedged "ei säännönmukaisesti") expects its finding.
//! - The published Markdown (not a draft) of every fixture is pinned by an insta snapshot
//!   `format__<construct>__<file>.snap`, so the construct's rendering is reviewed, and its HTML
//!   is checked to convert.
//! - Each construct directory is named in `docs/format.md` (as `<!-- construct: name -->`), so
//!   no construct goes undocumented.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use seloste::pipeline::{MemoryFiles, Options, Outcome, run_project};
use seloste::render::{self, FrontMatter, RenderOptions, templates};
use seloste::report::{Human, Report};

const FIXTURES: &str = "tests/fixtures/format";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn run(fixture: &Path) -> Outcome {
    let text = fs::read_to_string(fixture).unwrap();
    let project = fs::read_to_string("tests/fixtures/rules/_base/seloste.yaml").unwrap();
    let mut files = MemoryFiles::new();
    files.insert("seloste.yaml", &project);
    files.insert(
        Path::new("notices").join(fixture.file_name().unwrap()),
        &text,
    );
    run_project(
        Path::new("seloste.yaml"),
        &files,
        &Options {
            today: today(),
            keep_registers: true,
        },
    )
}

fn expectations(fixture: &Path) -> BTreeSet<(String, u32, u32)> {
    fs::read_to_string(fixture)
        .unwrap()
        .lines()
        .take_while(|l| l.starts_with('#'))
        .filter_map(|l| l.strip_prefix("# expect:"))
        .map(|rest| {
            let mut parts = rest.split_whitespace();
            let rule = parts.next().expect("rule name").to_string();
            let (line, col) = parts.next().expect("line:col").split_once(':').unwrap();
            (rule, line.parse().unwrap(), col.parse().unwrap())
        })
        .collect()
}

fn constructs() -> Vec<(String, Vec<PathBuf>)> {
    let mut out = Vec::new();
    let Ok(dirs) = fs::read_dir(FIXTURES) else {
        return out;
    };
    for dir in dirs {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let mut files: Vec<PathBuf> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .collect();
        files.sort();
        out.push((
            dir.file_name().unwrap().to_str().unwrap().to_string(),
            files,
        ));
    }
    out.sort();
    out
}

#[test]
fn every_construct_is_documented_and_has_a_fixture() {
    let doc = fs::read_to_string("docs/format.md").unwrap();
    for (name, files) in constructs() {
        assert!(!files.is_empty(), "construct {name} has no fixture");
        assert!(
            doc.contains(&format!("<!-- construct: {name} -->")),
            "docs/format.md does not document construct {name} (`<!-- construct: {name} -->`)"
        );
    }
}

#[test]
fn constructs_lint_and_render_as_specified() {
    let t = templates::builtin().unwrap();
    let mut failures = Vec::new();
    for (name, files) in constructs() {
        for fixture in files {
            let outcome = run(&fixture);
            let report = Report {
                sources: &outcome.sources,
                diagnostics: &outcome.diagnostics,
                registers: outcome.register_files,
            };
            let got: BTreeSet<(String, u32, u32)> = outcome
                .diagnostics
                .iter()
                .map(|d| {
                    let p = d.pos.unwrap_or_default();
                    (d.code.as_str().to_string(), p.line, p.column)
                })
                .collect();
            let expected = expectations(&fixture);
            if got != expected || got.len() != outcome.diagnostics.len() {
                failures.push(format!(
                    "{}: expected {expected:?}, got:\n{}",
                    fixture.display(),
                    Human { color: false }.render(&report)
                ));
                continue;
            }
            let Some(project) = outcome.project.as_ref() else {
                failures.push(format!("{}: project did not load", fixture.display()));
                continue;
            };
            let [doc] = outcome.registers.as_slice() else {
                failures.push(format!("{}: register did not load", fixture.display()));
                continue;
            };
            let files = render::render_register(
                project,
                doc,
                &t,
                &RenderOptions {
                    draft: false,
                    front_matter: FrontMatter::None,
                    fragments: true,
                    id_prefix: None,
                    today: today(),
                },
                &render::Marks::none(),
            )
            .unwrap();
            let md = files
                .iter()
                .find(|f| f.path.ends_with(".md"))
                .expect("a Markdown page");
            assert!(
                files.iter().any(|f| f.path.ends_with(".html")),
                "{}: no HTML page",
                fixture.display()
            );
            let stem = fixture.file_stem().unwrap().to_str().unwrap();
            insta::assert_snapshot!(format!("format__{name}__{stem}"), md.contents);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
