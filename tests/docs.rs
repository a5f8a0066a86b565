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

/// Every key of the format, collected from the JSON Schema generated from the model.
fn keys(v: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
    match v {
        serde_json::Value::Object(m) => {
            if let Some(serde_json::Value::Object(props)) = m.get("properties") {
                out.extend(props.keys().cloned());
            }
            for x in m.values() {
                keys(x, out);
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| keys(x, out)),
        _ => {}
    }
}

#[test]
fn format_md_documents_every_key() {
    let doc = fs::read_to_string("docs/format.md").unwrap();
    let mut all = std::collections::BTreeSet::new();
    keys(&seloste::schema::project(), &mut all);
    keys(&seloste::schema::register(), &mut all);
    let missing: Vec<_> = all
        .iter()
        // The keys of a `lints` table are the rule names, documented in docs/rules.md.
        .filter(|k| seloste::lint::rule(k).is_none())
        .filter(|k| !doc.contains(&format!("`{k}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/format.md does not document {missing:?}"
    );
}
