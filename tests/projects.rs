//! The projects in this repository: the sample organisation at the root must be lint-clean,
//! and each of the five real notices under `examples/` must load and report exactly the
//! findings pinned in its snapshot (its README explains each one).

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use seloste::pipeline::{Options, Outcome, run};
use seloste::report::{Human, Report};

fn check(dir: &str) -> Outcome {
    run(
        Some(Path::new(dir)),
        Path::new("."),
        &Options {
            today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            keep_registers: false,
        },
    )
}

fn human(outcome: &Outcome) -> String {
    Human { color: false }.render(&Report {
        sources: &outcome.sources,
        diagnostics: &outcome.diagnostics,
        registers: outcome.register_files,
    })
}

#[test]
fn the_sample_project_is_clean() {
    let outcome = check(".");
    assert!(
        outcome.register_files >= 3,
        "the sample needs at least three registers"
    );
    assert!(outcome.diagnostics.is_empty(), "{}", human(&outcome));
}

#[test]
fn examples_report_their_real_gaps() {
    let mut seen = Vec::new();
    for entry in fs::read_dir("examples").unwrap() {
        let dir = entry.unwrap().path();
        if !dir.join("seloste.yaml").is_file() {
            continue;
        }
        let name = dir.file_name().unwrap().to_str().unwrap().to_string();
        let outcome = check(dir.to_str().unwrap());
        let t = outcome.tally();
        assert_eq!(
            t.input_errors,
            0,
            "{name} does not load:\n{}",
            human(&outcome)
        );
        assert!(t.errors > 0, "{name} should have findings at error level");
        assert!(dir.join("README.md").is_file(), "{name} has no README");
        insta::assert_snapshot!(format!("example-{name}"), human(&outcome));
        readme_matches(
            &name,
            &fs::read_to_string(dir.join("README.md")).unwrap(),
            &outcome,
        );
        seen.push(name);
    }
    seen.sort();
    assert_eq!(
        seen,
        ["cranion", "ilves-apteekki", "keusote", "mesq", "rokdent"],
        "the five seeds are examples"
    );
}

/// How a draft's marker of `d` ends: `(…; rule, path:line:col)`, escapes aside.
fn marker_end(d: &seloste::diagnostic::Diagnostic, outcome: &Outcome) -> String {
    let p = d.pos.unwrap();
    format!(
        "{}, {}:{}:{})",
        d.code.as_str(),
        outcome.sources.get(d.file.unwrap()).display_path(),
        p.line,
        p.column
    )
}

/// An example's README explains its findings: its heading gives the real tally, every rule that
/// fires is explained (`**rule-name**`), and it explains no rule that does not fire.
fn readme_matches(name: &str, readme: &str, outcome: &Outcome) {
    let t = outcome.tally();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let heading = format!(
        "## What `seloste check` reports ({}, {})",
        plural(t.errors, "error", "errors"),
        plural(t.warnings, "warning", "warnings")
    );
    let start = readme
        .find(&heading)
        .unwrap_or_else(|| panic!("examples/{name}/README.md has no heading `{heading}`"));
    let section = &readme[start + heading.len()..];
    let section = &section[..section.find("\n## ").unwrap_or(section.len())];
    let fired: BTreeSet<&str> = outcome
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    let explained: BTreeSet<&str> = section
        .split("**")
        .skip(1)
        .step_by(2)
        .filter(|w| seloste::lint::rule(w).is_some())
        .collect();
    let unexplained: Vec<_> = fired.difference(&explained).collect();
    let stale: Vec<_> = explained.difference(&fired).collect();
    assert!(
        unexplained.is_empty() && stale.is_empty(),
        "examples/{name}/README.md: findings not explained {unexplained:?}; explained but not reported {stale:?}"
    );
}

/// A draft marks every finding of `check` in the notice it concerns: each diagnostic of a
/// register file in that register's draft, each of `seloste.yaml` in every draft — by its
/// rule and place, once. (Drafts used to mark only what the view knew to be missing: 111
/// markers for 141 errors across the five examples.)
#[test]
fn example_drafts_mark_every_finding() {
    use seloste::render::{self, FrontMatter, Marks, RenderOptions, templates};
    let t = templates::builtin().unwrap();
    let mut total = 0;
    for name in ["cranion", "ilves-apteekki", "keusote", "mesq", "rokdent"] {
        let dir = format!("examples/{name}");
        let outcome = run(
            Some(Path::new(&dir)),
            Path::new("."),
            &Options {
                today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
                keep_registers: true,
            },
        );
        let project = outcome.project.as_ref().unwrap();
        let marks =
            Marks::from_diagnostics(&outcome.diagnostics, &outcome.sources, Some(project.file));
        let opts = RenderOptions {
            draft: true,
            front_matter: FrontMatter::None,
            fragments: false,
            id_prefix: None,
            today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        };
        for doc in &outcome.registers {
            let files = render::render_register(project, doc, &t, &opts, &marks).unwrap();
            // Escapes aside, the marker says rule and place: `(…; rule, path:line:col)`.
            let md = files[0].contents.replace('\\', "");
            let mine: Vec<_> = outcome
                .diagnostics
                .iter()
                // A finding in a shared definition is marked only in the registers using it.
                .filter(|d| {
                    d.file == Some(doc.file)
                        || (d.file == Some(project.file)
                            && (d.registers.is_empty() || d.registers.contains(&doc.file)))
                })
                .collect();
            for d in &mine {
                let needle = marker_end(d, &outcome);
                assert_eq!(
                    md.matches(&needle).count(),
                    mine.iter()
                        .filter(|o| o.code == d.code && o.file == d.file && o.pos == d.pos)
                        .count(),
                    "{name}/{}: the draft does not mark `{}` at {needle}:\n{md}",
                    doc.id,
                    d.message
                );
            }
            let markers =
                md.matches("**KORJATTAVAA:**").count() + md.matches("**TARKISTETTAVAA:**").count();
            assert_eq!(
                markers,
                mine.len(),
                "{name}/{}: markers for findings that do not exist",
                doc.id
            );
            total += mine.iter().filter(|d| d.file == Some(doc.file)).count();
        }
        // A combined notice's draft marks every finding of its registers and of seloste.yaml
        // somewhere on the page (what the registers say alike, and its marks, said once).
        let pages = render::render(project, &outcome.registers, &t, &opts, &marks, &|| {}).unwrap();
        for notice in project.config.combined.iter().flat_map(|c| &c.value) {
            let id = notice.value.id.value.as_str();
            let md = pages
                .iter()
                .find(|f| f.path == format!("{id}.md"))
                .expect("the combined page")
                .contents
                .replace('\\', "");
            let files: Vec<_> = outcome
                .registers
                .iter()
                .filter(|r| {
                    notice
                        .value
                        .registers
                        .value
                        .iter()
                        .any(|x| x.value.as_str() == r.id)
                })
                .map(|r| r.file)
                .collect();
            for d in outcome.diagnostics.iter().filter(|d| {
                d.file.is_some_and(|f| files.contains(&f))
                    || (d.file == Some(project.file)
                        && (d.registers.is_empty()
                            || d.registers.iter().any(|r| files.contains(r))))
            }) {
                let needle = marker_end(d, &outcome);
                assert!(
                    md.contains(&needle),
                    "{name}/{id}: the combined draft does not mark `{}` at {needle}",
                    d.message
                );
            }
        }
    }
    assert!(
        total > 100,
        "the five examples should have their findings marked, got {total}"
    );
}
