//! JSON Schema (draft-07, which yaml-language-server understands) of `seloste.yaml` and of
//! register files, generated from the model types that the loader deserializes — so editors
//! check and complete exactly the format seloste reads. Descriptions are Finnish, then English.
//! What schemars writes is mended in one place (`polish`): no `null` is offered, and
//! descriptions come as Markdown too (`markdownDescription`).

use schemars::generate::SchemaSettings;
use serde_json::Value;

use crate::model::{ProjectFile, Register};

/// File name of the project file's schema.
pub const PROJECT_SCHEMA_FILE: &str = "seloste.schema.json";
/// File name of the register files' schema.
pub const REGISTER_SCHEMA_FILE: &str = "register.schema.json";

/// `seloste.schema.json` as committed under `schema/`, which `tests/schema.rs` holds equal to
/// what [`project`] generates: `check` compares a project's copies with it (`stale-schema`)
/// without generating the schemas on every run.
pub const PROJECT_SCHEMA_TEXT: &str = include_str!("../schema/seloste.schema.json");
/// `register.schema.json` as committed under `schema/` (see [`PROJECT_SCHEMA_TEXT`]).
pub const REGISTER_SCHEMA_TEXT: &str = include_str!("../schema/register.schema.json");

fn finish(mut schema: Value, title: &str) -> Value {
    if let Some(map) = schema.as_object_mut() {
        map.insert("title".into(), Value::String(title.into()));
        if let Some(Value::Object(definitions)) = map.get_mut("definitions")
            && let Some(levels) = definitions.get_mut("Map_Level")
        {
            *levels = lint_levels();
        }
    }
    polish(&mut schema);
    schema
}

/// The schema of a `lints` table: a key per rule of the registry (so that editors complete
/// and check the names, as the loader does), each with its summary, and nothing else.
fn lint_levels() -> Value {
    let properties: serde_json::Map<String, Value> = crate::lint::RULES
        .iter()
        .map(|r| {
            let description = format!("{} ({}).", r.summary, r.articles.join(", "));
            let schema = serde_json::json!({
                "allOf": [{ "$ref": "#/definitions/Level" }],
                "description": description,
            });
            (r.name.to_string(), schema)
        })
        .collect();
    serde_json::json!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    })
}

/// What schemars writes that editors present badly, mended in one place:
/// - an optional key is absent when not given: `null` is never a value seloste accepts, so
///   neither `"type": [T, "null"]` nor an `anyOf` with `{"type": "null"}` is offered;
/// - descriptions are Markdown (`none`, `settings.lints`): `markdownDescription` keeps them
///   for editors that render it (VS Code's YAML extension), `description` is the same text
///   without backticks for those that show it as plain text.
fn polish(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    map.insert("type".into(), only);
                }
            }
            if let Some(Value::Array(alternatives)) = map.get("anyOf")
                && alternatives.iter().any(is_null_type)
            {
                let mut rest: Vec<Value> = alternatives
                    .iter()
                    .filter(|a| !is_null_type(a))
                    .cloned()
                    .collect();
                map.remove("anyOf");
                match rest.len() {
                    1 => match rest.remove(0) {
                        Value::Object(only) if only.contains_key("$ref") => {
                            map.insert("allOf".into(), Value::Array(vec![Value::Object(only)]));
                        }
                        Value::Object(only) => {
                            for (k, x) in only {
                                map.entry(k).or_insert(x);
                            }
                        }
                        other => {
                            map.insert("allOf".into(), Value::Array(vec![other]));
                        }
                    },
                    _ => {
                        map.insert("anyOf".into(), Value::Array(rest));
                    }
                }
            }
            if let Some(Value::String(markdown)) = map.get("description").cloned() {
                map.insert(
                    "description".into(),
                    Value::String(markdown.replace('`', "")),
                );
                map.insert("markdownDescription".into(), Value::String(markdown));
            }
            for (key, x) in map.iter_mut() {
                // Property names and enum values are data, not schemas to mend.
                if key != "enum" && key != "const" && key != "examples" {
                    polish(x);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(polish),
        _ => {}
    }
}

fn is_null_type(v: &Value) -> bool {
    v.get("type").is_some_and(|t| t == "null") && v.as_object().is_some_and(|m| m.len() == 1)
}

/// The schema of `seloste.yaml`.
pub fn project() -> Value {
    let s = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<ProjectFile>();
    finish(s.to_value(), "seloste.yaml")
}

/// The schema of a register file under `notices/`.
pub fn register() -> Value {
    let s = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<Register>();
    finish(s.to_value(), "seloste register")
}

/// A schema as the text committed under `schema/`.
pub fn to_text(schema: &Value) -> String {
    let mut s = serde_json::to_string_pretty(schema).unwrap_or_default();
    s.push('\n');
    s
}
