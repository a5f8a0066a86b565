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

/// Each pattern and list the schema takes from the CLI's own checks refuses what the CLI
/// refuses (an input error, or an error of `invalid-url`, `invalid-email`, `invalid-phone`,
/// `invalid-business-id`) and accepts what it accepts.
#[test]
fn the_schema_mirrors_the_checks_of_the_cli() {
    let project = jsonschema::draft7::new(&schema::project()).unwrap();
    let register = jsonschema::draft7::new(&schema::register()).unwrap();
    fn controller(key: &str, value: impl Into<serde_json::Value>) -> serde_json::Value {
        serde_json::json!({ "controller": { "name": "Esimerkki Oy", key: value.into() } })
    }
    let cases = [
        (controller("website", "https://www.esimerkki.fi"), true),
        (controller("website", "HTTPS://EXAMPLE.FI"), true),
        (controller("website", "https://[2001:db8::1]/"), true),
        (controller("website", "https://esimerkki.ä.fi"), true),
        (controller("website", "www.esimerkki.fi"), false),
        (controller("website", "https://esimerkki .fi"), false),
        (controller("website", "javascript:alert(1)"), false),
        (controller("website", "http:/esimerkki.fi"), false),
        (controller("email", "tietosuoja@esimerkki.fi"), true),
        (
            controller(
                "email",
                serde_json::json!([{ "label": "kirjaamo", "address": "kirjaamo@kunta.fi" }]),
            ),
            true,
        ),
        (controller("email", "tietosuoja.esimerkki.fi"), false),
        (
            controller(
                "email",
                serde_json::json!([{ "address": "kirjaamo(at)kunta.fi" }]),
            ),
            false,
        ),
        (controller("phone", "(09) 123 4567"), true),
        (controller("phone", "+358 29 566 6700"), true),
        (controller("phone", "puh. 09 123 4567"), false),
        (controller("business_id", "0737546-2"), true),
        (controller("business_id", "737546-2"), false),
        (controller("country", "FI"), true),
        (controller("country", "us"), true),
        (controller("country", "XX"), false),
        (controller("country", "Finland"), false),
        (
            serde_json::json!({ "settings": { "base_url": "https://esimerkki.fi/tietosuoja/" } }),
            true,
        ),
        (
            serde_json::json!({ "settings": { "base_url": "/tietosuoja/" } }),
            false,
        ),
        (
            serde_json::json!({ "settings": { "lints": { "vague-purpose": "deny" } } }),
            true,
        ),
        (
            serde_json::json!({ "settings": { "lints": { "vague-purpse": "deny" } } }),
            false,
        ),
        (
            serde_json::json!({ "settings": { "lints": { "vague-purpose": "error" } } }),
            false,
        ),
        (serde_json::json!({ "dpo": "none" }), true),
        // An empty key is `null` in YAML: seloste reads it as absent, the schema does not offer
        // it (an unfinished edit, flagged in the editor).
        (controller("website", serde_json::Value::Null), false),
        (serde_json::json!({ "settings": null }), false),
    ];
    for (value, ok) in cases {
        assert_eq!(project.is_valid(&value), ok, "seloste.yaml: {value}");
    }
    for (value, ok) in [
        (
            serde_json::json!({ "lints": { "stale-notice": "allow" } }),
            true,
        ),
        (
            serde_json::json!({ "lints": { "stale-notices": "allow" } }),
            false,
        ),
        (serde_json::json!({ "updated": "2025-01-15" }), true),
        (serde_json::json!({ "updated": null }), false),
        (
            serde_json::json!({ "transfers": [{ "country": "us" }] }),
            true,
        ),
        (
            serde_json::json!({ "transfers": [{ "country": "XX" }] }),
            false,
        ),
    ] {
        assert_eq!(register.is_valid(&value), ok, "register: {value}");
    }
}

/// Walks every object of a schema.
fn objects<'a>(
    v: &'a serde_json::Value,
    out: &mut Vec<&'a serde_json::Map<String, serde_json::Value>>,
) {
    match v {
        serde_json::Value::Object(map) => {
            out.push(map);
            map.values().for_each(|x| objects(x, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|x| objects(x, out)),
        _ => {}
    }
}

#[test]
fn the_schema_offers_no_null_and_describes_in_markdown_and_plain_text() {
    for schema in [schema::project(), schema::register()] {
        let text = schema::to_text(&schema);
        assert!(!text.contains("\"null\""), "a `null` is offered");
        let mut all = Vec::new();
        objects(&schema, &mut all);
        let mut described = 0;
        for map in all {
            if let Some(description) = map.get("description").and_then(|d| d.as_str()) {
                let markdown = map["markdownDescription"].as_str().unwrap();
                assert!(!description.contains('`'), "{description}");
                assert_eq!(description, markdown.replace('`', ""));
                described += 1;
            }
        }
        assert!(described > 50);
    }
}

/// A key that accepts `none` says so where an editor shows it: in its description.
#[test]
fn every_key_that_accepts_none_names_it() {
    for schema in [schema::project(), schema::register()] {
        let definitions = schema["definitions"].as_object().unwrap();
        fn accepts_none(
            v: &serde_json::Value,
            definitions: &serde_json::Map<String, serde_json::Value>,
        ) -> bool {
            if v.get("const").is_some_and(|c| c == "none") {
                return true;
            }
            if let Some(r) = v.get("$ref").and_then(|r| r.as_str()) {
                let name = r.rsplit('/').next().unwrap();
                return accepts_none(&definitions[name], definitions);
            }
            ["allOf", "anyOf", "oneOf"].iter().any(|k| {
                v.get(*k)
                    .and_then(|a| a.as_array())
                    .is_some_and(|a| a.iter().any(|x| accepts_none(x, definitions)))
            })
        }
        let mut all = Vec::new();
        objects(&schema, &mut all);
        let mut seen = 0;
        for map in all {
            let Some(properties) = map.get("properties").and_then(|p| p.as_object()) else {
                continue;
            };
            for (key, p) in properties {
                if accepts_none(p, definitions) {
                    let description = p["description"].as_str().unwrap_or("");
                    assert!(
                        description.contains("none"),
                        "`{key}` accepts none: {description}"
                    );
                    seen += 1;
                }
            }
        }
        assert!(seen >= 1);
    }
}
