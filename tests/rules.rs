//! Every lint rule has failing and passing fixtures under `tests/fixtures/rules/<rule>/`.
//!
//! - `fail*.yaml` / `pass*.yaml` are register files, checked in the clean project
//!   `_base/seloste.yaml`;
//! - `fail*.seloste.yaml` / `pass*.seloste.yaml` are project files, checked with the clean
//!   register `_base/register.yaml`.
//!
//! A failing fixture starts with comment lines `# expect: <rule> <line>:<col>`, one per
//! diagnostic it must produce; the diagnostics of that rule must be exactly those, and their
//! human rendering is pinned by an insta snapshot. A passing fixture must produce no
//! diagnostic at all, from any rule. All fixtures are judged on 2026-11-23.
//!
//! A rule whose register check depends on the project (a public authority, a controller with
//! one contact channel) may hold its own clean project in `<rule>/_project/seloste.yaml`; the
//! register fixtures of that rule are checked in it instead of `_base/seloste.yaml`, beside the
//! registers of `<rule>/_project/notices/`, if any (which must be clean). Files in
//! `<rule>/_project/schema/` stand in the `schema/` directory of the project of every project
//! fixture of that rule (the copies of the JSON Schema `stale-schema` judges).
//!
//! To add a rule's fixtures: create the directory named after the rule, write `fail.yaml` with
//! its `# expect:` lines and `pass.yaml`, run `cargo insta test --accept`, and review the new
//! snapshot.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use seloste::lint::RULES;
use seloste::pipeline::{MemoryFiles, Options, Outcome, run_project};
use seloste::report::{Human, Report};

const FIXTURES: &str = "tests/fixtures/rules";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn base(name: &str) -> String {
    fs::read_to_string(Path::new(FIXTURES).join("_base").join(name)).unwrap()
}

/// The project a register fixture is checked in: its rule's own, or the base project.
fn project_of(fixture: &Path) -> String {
    let own = fixture
        .parent()
        .unwrap()
        .join("_project")
        .join("seloste.yaml");
    fs::read_to_string(own).unwrap_or_else(|_| base("seloste.yaml"))
}

/// Runs a fixture: a register in the base project, or a project file with the base register.
fn run(fixture: &Path) -> (Outcome, PathBuf) {
    let text = fs::read_to_string(fixture).unwrap();
    let name = fixture.file_name().unwrap().to_str().unwrap();
    let mut files = MemoryFiles::new();
    let shown = if let Some(stem) = name.strip_suffix(".seloste.yaml") {
        files.insert("seloste.yaml", &text);
        files.insert("notices/register.yaml", &base("register.yaml"));
        // Copies of the JSON Schema the project file may name (stale-schema).
        let schemas = fixture.parent().unwrap().join("_project").join("schema");
        for schema in fs::read_dir(&schemas).into_iter().flatten() {
            let schema = schema.unwrap().path();
            let text = fs::read_to_string(&schema).unwrap();
            files.insert(
                PathBuf::from("schema").join(schema.file_name().unwrap()),
                &text,
            );
        }
        let _ = stem;
        PathBuf::from("seloste.yaml")
    } else {
        files.insert("seloste.yaml", &project_of(fixture));
        // The rule's own project may hold further registers, that the fixture can name.
        let others = fixture.parent().unwrap().join("_project").join("notices");
        for other in fs::read_dir(&others).into_iter().flatten() {
            let other = other.unwrap().path();
            let text = fs::read_to_string(&other).unwrap();
            files.insert(
                PathBuf::from("notices").join(other.file_name().unwrap()),
                &text,
            );
        }
        let p = PathBuf::from("notices").join(name);
        files.insert(&p, &text);
        p
    };
    let outcome = run_project(
        Path::new("seloste.yaml"),
        &files,
        &Options {
            today: today(),
            keep_registers: false,
        },
    );
    (outcome, shown)
}

/// The `# expect: rule line:col` lines at the top of a fixture.
fn expectations(fixture: &Path) -> Vec<(String, u32, u32)> {
    let text = fs::read_to_string(fixture).unwrap();
    text.lines()
        .take_while(|l| l.starts_with('#'))
        .filter_map(|l| l.strip_prefix("# expect:"))
        .map(|rest| {
            let mut parts = rest.split_whitespace();
            let rule = parts.next().expect("rule name").to_string();
            let at = parts.next().expect("line:col");
            let (line, col) = at.split_once(':').expect("line:col");
            (rule, line.parse().unwrap(), col.parse().unwrap())
        })
        .collect()
}

fn fixtures_of(rule: &str) -> Vec<PathBuf> {
    let dir = Path::new(FIXTURES).join(rule);
    let Ok(entries) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    v.sort();
    v
}

fn is_fail(p: &Path) -> bool {
    p.file_name().unwrap().to_str().unwrap().starts_with("fail")
}

#[test]
fn base_fixtures_are_clean() {
    let (outcome, _) = run(&Path::new(FIXTURES).join("_base/register.yaml"));
    let report = Report {
        sources: &outcome.sources,
        diagnostics: &outcome.diagnostics,
        registers: outcome.register_files,
    };
    assert!(
        outcome.diagnostics.is_empty(),
        "{}",
        Human { color: false }.render(&report)
    );
}

#[test]
fn every_rule_has_failing_and_passing_fixtures_and_no_fixture_lacks_a_rule() {
    for rule in RULES {
        let fixtures = fixtures_of(rule.name);
        assert!(
            fixtures.iter().any(|p| is_fail(p)),
            "{} has no failing fixture",
            rule.name
        );
        assert!(
            fixtures.iter().any(|p| !is_fail(p)),
            "{} has no passing fixture",
            rule.name
        );
    }
    for entry in fs::read_dir(FIXTURES).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(
            name == "_base" || RULES.iter().any(|r| r.name == name),
            "fixture directory {name} names no rule"
        );
    }
}

#[test]
fn fixtures_produce_exactly_what_they_expect() {
    let mut failures = Vec::new();
    for rule in RULES {
        for fixture in fixtures_of(rule.name) {
            let (outcome, shown) = run(&fixture);
            let file = outcome
                .sources
                .iter()
                .find(|(_, f)| f.path == shown)
                .map(|(id, _)| id);
            if is_fail(&fixture) {
                let expected: BTreeSet<(String, u32, u32)> =
                    expectations(&fixture).into_iter().collect();
                assert!(
                    !expected.is_empty(),
                    "{} has no `# expect:` line",
                    fixture.display()
                );
                assert!(
                    expected.iter().all(|(r, ..)| r == rule.name),
                    "{} expects another rule",
                    fixture.display()
                );
                let mine: Vec<_> = outcome
                    .diagnostics
                    .iter()
                    .filter(|d| d.code.as_str() == rule.name)
                    .cloned()
                    .collect();
                let got: BTreeSet<(String, u32, u32)> = mine
                    .iter()
                    .filter(|d| d.file == file)
                    .map(|d| {
                        let p = d.pos.unwrap();
                        (d.code.as_str().to_string(), p.line, p.column)
                    })
                    .collect();
                if got != expected || mine.len() != got.len() {
                    failures.push(format!(
                        "{}: expected {:?}, got {:?}",
                        fixture.display(),
                        expected,
                        mine.iter()
                            .map(|d| (d.code.as_str(), d.file, d.pos.map(|p| (p.line, p.column))))
                            .collect::<Vec<_>>()
                    ));
                    continue;
                }
                let report = Report {
                    sources: &outcome.sources,
                    diagnostics: &mine,
                    registers: outcome.register_files,
                };
                let stem = fixture
                    .file_name()
                    .unwrap()
                    .to_str()
                    .unwrap()
                    .trim_end_matches(".yaml");
                insta::assert_snapshot!(
                    format!("{}__{}", rule.name, stem),
                    Human { color: false }.render(&report)
                );
            } else if !outcome.diagnostics.is_empty() {
                let report = Report {
                    sources: &outcome.sources,
                    diagnostics: &outcome.diagnostics,
                    registers: outcome.register_files,
                };
                failures.push(format!(
                    "{} should be clean but emits:\n{}",
                    fixture.display(),
                    Human { color: false }.render(&report)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Where each section of a notice starts: the anchor of its heading (`None`: the head, before
/// the first section; the end of the notice for what stands after the complaint section).
fn anchor(section: seloste::applicability::Section) -> Option<&'static str> {
    use seloste::applicability::Section as S;
    Some(match section {
        S::Located | S::Head => return None,
        S::Controller => "{#rekisterinpitaja}",
        S::Contact => "{#yhteyshenkilo}",
        S::Dpo => "{#tietosuojavastaava}",
        S::Purposes => "{#tarkoitukset}",
        S::PersonalData => "{#henkilotiedot}",
        S::Provision => "{#pakollisuus}",
        S::Sources => "{#tietolahteet}",
        S::Recipients => "{#vastaanottajat}",
        S::Transfers => "{#siirrot}",
        S::Retention => "{#sailytysaika}",
        S::AutomatedDecisions => "{#automaattinen-paatoksenteko}",
        S::FurtherProcessing => "{#uudet-tarkoitukset}",
        S::Security => "{#tietoturva}",
        S::Cookies => "{#evasteet}",
        S::Rights => "{#oikeudet}",
        S::Complaint | S::Extra | S::Updated => "{#valitusoikeus}",
    })
}

/// `build --draft` of every failing fixture marks each of its findings, with the rule and the
/// place, in the section of the notice the rule names — not only the items the view knows to
/// be missing.
#[test]
fn drafts_of_failing_fixtures_mark_each_finding_in_its_section() {
    use seloste::render::{FrontMatter, Marks, RenderOptions, render_register, templates};
    let t = templates::builtin().unwrap();
    let opts = RenderOptions {
        draft: true,
        front_matter: FrontMatter::Hugo,
        fragments: false,
        id_prefix: None,
        today: today(),
    };
    let mut failures = Vec::new();
    for rule in RULES {
        for fixture in fixtures_of(rule.name).into_iter().filter(|f| is_fail(f)) {
            let (mut outcome, _) = run(&fixture);
            // `run` keeps no registers; load them again for rendering.
            if outcome.registers.is_empty() {
                let text = fs::read_to_string(&fixture).unwrap();
                let name = fixture.file_name().unwrap().to_str().unwrap();
                let mut files = MemoryFiles::new();
                if name.ends_with(".seloste.yaml") {
                    files.insert("seloste.yaml", &text);
                    files.insert("notices/register.yaml", &base("register.yaml"));
                } else {
                    files.insert("seloste.yaml", &project_of(&fixture));
                    files.insert(PathBuf::from("notices").join(name), &text);
                }
                outcome = run_project(
                    Path::new("seloste.yaml"),
                    &files,
                    &Options {
                        today: today(),
                        keep_registers: true,
                    },
                );
            }
            let (Some(project), [doc]) = (outcome.project.as_ref(), outcome.registers.as_slice())
            else {
                failures.push(format!("{}: did not load", fixture.display()));
                continue;
            };
            let marks =
                Marks::from_diagnostics(&outcome.diagnostics, &outcome.sources, Some(project.file));
            let md = render_register(project, doc, &t, &opts, &marks).unwrap()[0]
                .contents
                .replace('\\', "");
            for d in outcome
                .diagnostics
                .iter()
                .filter(|d| d.code.as_str() == rule.name)
            {
                let p = d.pos.unwrap();
                let needle = format!(
                    "{}, {}:{}:{})",
                    rule.name,
                    outcome.sources.get(d.file.unwrap()).display_path(),
                    p.line,
                    p.column
                );
                let Some(at) = md.find(&needle) else {
                    failures.push(format!("{}: no marker `{needle}`", fixture.display()));
                    continue;
                };
                // In the rule's own section: after its heading, before the next one.
                if let Some(a) = anchor(rule.section) {
                    let start = md.find(a).unwrap_or(usize::MAX);
                    let next = md[start.min(md.len())..]
                        .find("\n## ")
                        .map_or(md.len(), |n| start + n);
                    let tail = matches!(
                        rule.section,
                        seloste::applicability::Section::Extra
                            | seloste::applicability::Section::Updated
                    );
                    if at < start || (!tail && at > next) {
                        failures.push(format!(
                            "{}: `{needle}` is not in the section {a}",
                            fixture.display()
                        ));
                    }
                } else if rule.section == seloste::applicability::Section::Head
                    && md.find("\n## ").is_some_and(|first| at > first)
                {
                    failures.push(format!(
                        "{}: `{needle}` is not in the head",
                        fixture.display()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
