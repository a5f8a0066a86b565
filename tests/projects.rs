//! The projects in this repository: the sample organisation at the root must be lint-clean,
//! and each of the five real notices under `examples/` must load and report exactly the
//! findings pinned in its snapshot (its README explains each one).

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
    for entry in std::fs::read_dir("examples").unwrap() {
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
        seen.push(name);
    }
    seen.sort();
    assert_eq!(
        seen,
        ["cranion", "ilves-apteekki", "keusote", "mesq", "rokdent"],
        "the five seeds are examples"
    );
}
