//! Generated documentation is committed and must not go stale: `docs/rules.md` is produced
//! from the rule metadata. Regenerate with `cargo run -- rules --format markdown > docs/rules.md`
//! (or run this test with `SELOSTE_BLESS=1`).

use std::fs;

#[test]
fn rules_md_is_current() {
    let generated = seloste::lint::docs::rules_markdown();
    let path = "docs/rules.md";
    if std::env::var_os("SELOSTE_BLESS").is_some() {
        fs::write(path, &generated).unwrap();
    }
    let committed = fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/rules.md is stale: run `cargo run -- rules --format markdown > docs/rules.md`"
    );
}
