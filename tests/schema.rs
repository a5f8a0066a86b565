//! The JSON Schemas under `schema/` are generated from the model and must not go stale, and
//! every project file in this repository — the sample, the examples, the clean fixtures — must
//! validate against them, so that editors never flag a file seloste accepts.

use std::fs;
use std::path::{Path, PathBuf};

use seloste::schema;

fn check_current(path: &str, generated: &str) {
    if std::env::var_os("SELOSTE_BLESS").is_some() {
        fs::write(path, generated).unwrap();
    }
    let committed = fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "{path} is stale: run `cargo run -- schema --out schema`"
    );
}

#[test]
fn committed_schemas_are_current() {
    check_current(
        "schema/seloste.schema.json",
        &schema::to_text(&schema::project()),
    );
    check_current(
        "schema/register.schema.json",
        &schema::to_text(&schema::register()),
    );
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries {
        let p = e.unwrap().path();
        if p.is_dir() {
            yaml_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "yaml") {
            out.push(p);
        }
    }
}

fn validate(schema: &serde_json::Value, file: &Path) -> Vec<String> {
    let validator = jsonschema::draft7::new(schema).unwrap();
    let text = fs::read_to_string(file).unwrap();
    let options = serde_saphyr::options! { strict_booleans: true };
    let value: serde_json::Value = if text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        serde_json::json!({})
    } else {
        serde_saphyr::from_str_with_options(&text, options).unwrap()
    };
    validator
        .iter_errors(&value)
        .map(|e| format!("{}: {} at {}", file.display(), e, e.instance_path()))
        .collect()
}

#[test]
fn every_project_file_validates_against_the_schema() {
    let project = schema::project();
    let register = schema::register();
    let mut files = vec![PathBuf::from("seloste.yaml")];
    yaml_files(Path::new("notices"), &mut files);
    yaml_files(Path::new("examples"), &mut files);
    let mut fixtures = Vec::new();
    yaml_files(Path::new("tests/fixtures/rules"), &mut fixtures);
    // Failing fixtures may be wrong on purpose; passing ones and the bases must be valid.
    files.extend(fixtures.into_iter().filter(|p| {
        let name = p.file_name().unwrap().to_str().unwrap();
        name.starts_with("pass") || p.parent().is_some_and(|d| d.ends_with("_base"))
    }));
    let mut errors = Vec::new();
    let mut checked = 0;
    for f in &files {
        let name = f.file_name().unwrap().to_str().unwrap();
        let is_project = name == "seloste.yaml" || name.ends_with(".seloste.yaml");
        errors.extend(validate(if is_project { &project } else { &register }, f));
        checked += 1;
    }
    assert!(checked > 10, "found only {checked} files");
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn the_schema_rejects_what_the_loader_rejects() {
    let register = jsonschema::draft7::new(&schema::register()).unwrap();
    for bad in [
        serde_json::json!({ "titel": "x" }),
        serde_json::json!({ "collection": "data-subject" }),
        serde_json::json!({ "recipients": "nobody" }),
        serde_json::json!({ "purposes": [{ "legal_basis": "consnt" }] }),
        serde_json::json!({ "transfers": [{ "country": "USA" }] }),
        serde_json::json!({ "updated": "15.1.2025" }),
    ] {
        assert!(!register.is_valid(&bad), "{bad} passes the schema");
    }
    assert!(register.is_valid(&serde_json::json!({ "recipients": "none", "purposes": [{ "legal_basis": ["consent", "contract"] }] })));
}
