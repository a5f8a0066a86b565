//! CLI cases as data (trycmd): each `tests/cmd/<case>.toml` gives the arguments, and its
//! `<case>.stdout` / `<case>.stderr` the expected output; a `<case>.in/` directory is the
//! working directory. Every case runs with `SELOSTE_TODAY=2026-11-23` and without colour.
//!
//! To add a case: write the `.toml` (and `.in/` if it needs files), run
//! `TRYCMD=overwrite cargo test --test cli`, and review the written output.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .env("SELOSTE_TODAY", "2026-11-23")
        .env("NO_COLOR", "1")
        .case("tests/cmd/*.toml");
}
