//! CLI cases as data (trycmd): each `tests/cmd/<case>.toml` gives the arguments, the exit code
//! and the expected stdout and stderr inline; the `<case>.in/` directory beside it is the
//! working directory (or the one named by `fs.base`, so that `check-json`, `check-github` and
//! `check-sarif` run on the same `mixed.in` project as `check-human`). Every case runs with
//! `SELOSTE_TODAY=2026-11-23` and without colour. Each fixture says what it should emit in a
//! comment at its top.
//!
//! Cases are named by what they exercise: `check-*` the reports and exit codes, `load-*` one
//! bad input each (all exit 2 with a located diagnostic), `corpus-*` the hostile-input corpus
//! of docs/security.md (one hostile change to a minimal project each, what it proves in a
//! comment at the top of its `.toml`), `hostile-*` input written to make seloste misbehave
//! (work out of proportion, forged CI output, hidden characters, output files overwritten),
//! `config-*` the settings of
//! `seloste.yaml`, `paths-*` the paths `check` and `build` are given (files, several projects,
//! none), and `rules`, `explain-*`, `version`, `usage-*` the other commands.
//!
//! To add a case: write `<case>.toml` with `stdout = ""` and `stderr = ""` (and `<case>.in/` if
//! it needs files), run `TRYCMD=overwrite cargo test --test cli`, and read what was written.
//! Note that trycmd shows every `\` of the output as `/`, so a JSON `\n` reads `/n`. Files
//! that must keep their bytes (CRLF, a BOM, Latin-1) are marked `-text` in
//! `tests/cmd/.gitattributes`. Inputs too large to commit are in `tests/cli_large.rs`.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        // The commit the binary was built from (build.rs) changes with every commit.
        .insert_var("[COMMIT]", env!("SELOSTE_COMMIT"))
        .unwrap()
        .env("SELOSTE_TODAY", "2026-11-23")
        .env("NO_COLOR", "1")
        .case("tests/cmd/*.toml")
        // The README's tour: its console blocks are run as they stand.
        .case("README.md")
        // The version line with the dates of the legal data.
        .case("docs/data.md");
}
