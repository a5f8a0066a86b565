//! JSON Schema (draft-07, which yaml-language-server understands) of `seloste.yaml` and of
//! register files, generated from the model types that the loader deserializes — so editors
//! check and complete exactly the format seloste reads. Descriptions are Finnish, then English.

use schemars::generate::SchemaSettings;
use serde_json::Value;

use crate::model::{ProjectFile, Register};

/// File name of the project file's schema.
pub const PROJECT_SCHEMA_FILE: &str = "seloste.schema.json";
/// File name of the register files' schema.
pub const REGISTER_SCHEMA_FILE: &str = "register.schema.json";

fn finish(mut schema: Value, title: &str) -> Value {
    if let Some(map) = schema.as_object_mut() {
        map.insert("title".into(), Value::String(title.into()));
    }
    schema
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
