//! SARIF that GitHub code scanning accepts. Every SARIF document seloste writes for a set of
//! projects — findings, input errors, no project at all, a project above the working
//! directory, file names with spaces, `#`, `%` and `ä`, lines with emoji — must
//!
//! 1. validate against the official SARIF 2.1.0 schema: `tests/sarif/sarif-schema-2.1.0.json`,
//!    the OASIS errata 01 schema, copied unchanged from
//!    https://github.com/oasis-tcs/sarif-spec/blob/main/sarif-2.1/schema/sarif-schema-2.1.0.json
//!    (commit e0583813964ec43cea53b6b531b402866095ed1f); and
//! 2. follow GitHub's ingestion rules, from "SARIF support for code scanning"
//!    (https://docs.github.com/en/code-security/reference/code-scanning/sarif-files/sarif-support-for-code-scanning,
//!    read in github/docs at content/code-security/reference/code-scanning/sarif-files/
//!    sarif-support-for-code-scanning.md and data/reusables/code-scanning/sarif-limits.md):
//!    required properties with non-empty values, the limits per file, run and rule, a location
//!    on every result (GitHub rejects the upload otherwise), URIs relative to the checkout
//!    root, `ruleId` agreeing with `ruleIndex`, level values, fingerprints.
//!
//! No network: the schema is in the repository.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;

/// Runs `seloste check --format sarif ARGS` in `dir`: exit code and the document.
fn sarif(dir: &Path, args: &[&str]) -> (i32, Value) {
    let out = cargo_bin_cmd!("seloste")
        .args(["check", "--format", "sarif"])
        .args(args)
        .current_dir(dir)
        .env("SELOSTE_TODAY", "2026-11-23")
        .output()
        .unwrap();
    let doc = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code().unwrap(), doc)
}

fn json(dir: &Path, args: &[&str]) -> Value {
    let out = cargo_bin_cmd!("seloste")
        .args(["check", "--format", "json"])
        .args(args)
        .current_dir(dir)
        .env("SELOSTE_TODAY", "2026-11-23")
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A project whose register file name needs percent-encoding and whose finding follows an
/// emoji on its line; returns the temporary directory holding it in `p ä/`.
fn multibyte_project() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let project = tmp.path().join("p ä");
    copy_dir(Path::new("tests/cmd/check-json-example.in"), &project);
    let notices = project.join("notices");
    let text = std::fs::read_to_string(notices.join("kameravalvonta.yaml")).unwrap();
    std::fs::remove_file(notices.join("kameravalvonta.yaml")).unwrap();
    std::fs::write(
        notices.join("kamera #1 100%.yaml"),
        text.replace("  Tämä on", "  😀 Tämä on"),
    )
    .unwrap();
    tmp
}

/// The SARIF documents of every kind of run, with the directory each was run in.
fn documents() -> Vec<(String, std::path::PathBuf, Value)> {
    let cases: &[(&str, &[&str])] = &[
        ("tests/cmd/mixed.in", &[]),
        ("tests/cmd/check-json-example.in", &[]),
        ("tests/cmd/check-input-errors.in", &[]),
        ("tests/cmd/check-suppression.in", &[]),
        ("tests/cmd/check-clean.in", &[]),
        // No seloste.yaml where the user points.
        ("tests/cmd/check-no-project.in", &["arkisto"]),
        // A project above the working directory: its paths start with `../`.
        ("tests/cmd/mixed.in/notices", &[]),
    ];
    let mut out: Vec<_> = cases
        .iter()
        .map(|(dir, args)| {
            let (_, doc) = sarif(Path::new(dir), args);
            (format!("{dir} {args:?}"), Path::new(dir).to_path_buf(), doc)
        })
        .collect();
    let tmp = multibyte_project();
    let (_, doc) = sarif(tmp.path(), &["p ä"]);
    out.push(("multibyte".into(), tmp.path().to_path_buf(), doc));
    // Keep the directory for the checks that read files through the URIs.
    std::mem::forget(tmp);
    out
}

#[test]
fn every_document_validates_against_the_sarif_2_1_0_schema() {
    let schema: Value =
        serde_json::from_str(include_str!("sarif/sarif-schema-2.1.0.json")).unwrap();
    let validator = jsonschema::draft4::new(&schema).unwrap();
    for (case, _, doc) in documents() {
        let errors: Vec<String> = validator
            .iter_errors(&doc)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{case}: {errors:#?}");
    }
}

/// Decodes `%XX` escapes; panics on a malformed one.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// Whether `uri` holds only what RFC 3986 allows unescaped in a path, and well-formed escapes.
fn is_encoded_path(uri: &str) -> bool {
    let b = uri.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'%' {
            if i + 2 >= b.len() || !(b[i + 1].is_ascii_hexdigit() && b[i + 2].is_ascii_hexdigit()) {
                return false;
            }
            i += 3;
            continue;
        }
        if !(c.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&c)) {
            return false;
        }
        i += 1;
    }
    true
}

#[test]
fn every_document_follows_githubs_ingestion_rules() {
    let levels = ["none", "note", "warning", "error"];
    for (case, dir, doc) in documents() {
        // sarifLog: `$schema`, `version` 2.1.0, 1 to 20 runs.
        assert!(
            doc["$schema"].as_str().is_some_and(|s| s.contains("2.1.0")),
            "{case}"
        );
        assert_eq!(doc["version"], "2.1.0", "{case}");
        let runs = doc["runs"].as_array().unwrap();
        assert!(!runs.is_empty() && runs.len() <= 20, "{case}");
        for run in runs {
            let driver = &run["tool"]["driver"];
            assert!(!driver["name"].as_str().unwrap().is_empty(), "{case}");
            let rules = driver["rules"].as_array().unwrap();
            assert!(rules.len() <= 25_000, "{case}");
            let mut ids = BTreeSet::new();
            for rule in rules {
                let id = rule["id"].as_str().unwrap();
                assert!(ids.insert(id), "{case}: rule {id} twice");
                assert!(
                    rule["name"].as_str().unwrap().chars().count() <= 255,
                    "{id}"
                );
                for field in ["shortDescription", "fullDescription"] {
                    let text = rule[field]["text"].as_str().unwrap_or("");
                    assert!(
                        !text.is_empty() && text.chars().count() <= 1024,
                        "{case}: {id}.{field}"
                    );
                }
                assert!(
                    !rule["help"]["text"].as_str().unwrap_or("").is_empty(),
                    "{case}: {id} has no help.text"
                );
                assert!(
                    !rule["help"]["markdown"].as_str().unwrap_or("").is_empty(),
                    "{case}: {id} has no help.markdown"
                );
                let help_uri = rule["helpUri"].as_str().unwrap_or("");
                assert!(help_uri.starts_with("https://"), "{case}: {id}: {help_uri}");
                assert!(
                    ["note", "warning", "error"]
                        .contains(&rule["defaultConfiguration"]["level"].as_str().unwrap()),
                    "{case}: {id}"
                );
                let tags = rule["properties"]["tags"].as_array().unwrap();
                assert!(!tags.is_empty() && tags.len() <= 20, "{case}: {id} tags");
            }
            let bases = run["originalUriBaseIds"].as_object();
            let results = run["results"].as_array().unwrap();
            assert!(results.len() <= 25_000, "{case}");
            let mut fingerprints = BTreeSet::new();
            for r in results {
                assert!(
                    !r["message"]["text"].as_str().unwrap_or("").is_empty(),
                    "{case}: {r}"
                );
                assert!(
                    levels.contains(&r["level"].as_str().unwrap()),
                    "{case}: {r}"
                );
                let index = r["ruleIndex"].as_u64().unwrap() as usize;
                assert_eq!(rules[index]["id"], r["ruleId"], "{case}: {r}");
                // At least one location — GitHub refuses the whole upload for a result
                // without one — and at most 10.
                let locations = r["locations"].as_array().unwrap();
                assert!(
                    !locations.is_empty() && locations.len() <= 10,
                    "{case}: {r}"
                );
                let physical = &locations[0]["physicalLocation"];
                let uri = physical["artifactLocation"]["uri"].as_str().unwrap();
                assert!(
                    !uri.is_empty() && is_encoded_path(uri.trim_start_matches("file://")),
                    "{case}: {uri}"
                );
                assert!(!uri.contains('\\'), "{case}: {uri}");
                match physical["artifactLocation"]["uriBaseId"].as_str() {
                    Some(base) => {
                        // Relative to the checkout root: no scheme, no `/`, no `..`.
                        assert!(
                            bases.is_some_and(|b| b.contains_key(base)),
                            "{case}: {base}"
                        );
                        assert!(
                            !uri.contains("://") && !uri.starts_with('/'),
                            "{case}: {uri}"
                        );
                        assert!(
                            !uri.split('/').any(|s| s == ".." || s == "."),
                            "{case}: {uri}"
                        );
                        // When the diagnostic is about a file that exists, the URI leads to it.
                        let path = dir.join(percent_decode(uri));
                        let no_project = r["ruleId"] == "no-project";
                        assert!(path.is_file() || no_project, "{case}: {uri} is no file");
                    }
                    None => assert!(uri.starts_with("file:///"), "{case}: {uri}"),
                }
                let region = &physical["region"];
                let n = |k: &str| region[k].as_u64().unwrap_or(0);
                assert!(
                    n("startLine") >= 1 && n("startColumn") >= 1,
                    "{case}: {region}"
                );
                assert!(n("endLine") >= n("startLine"), "{case}: {region}");
                assert!(
                    n("endLine") > n("startLine") || n("endColumn") >= n("startColumn"),
                    "{case}: {region}"
                );
                let fp = r["partialFingerprints"]["primaryLocationLineHash"]
                    .as_str()
                    .unwrap();
                assert!(fingerprints.insert(fp.to_string()), "{case}: {fp} twice");
            }
        }
    }
}

#[test]
fn project_level_and_missing_project_errors_are_located() {
    // No seloste.yaml in `arkisto`: the result points where it was looked for.
    let (code, doc) = sarif(Path::new("tests/cmd/check-no-project.in"), &["arkisto"]);
    assert_eq!(code, 2);
    let r = &doc["runs"][0]["results"][0];
    assert_eq!(r["ruleId"], "no-project");
    assert_eq!(
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "arkisto/seloste.yaml"
    );
    // A path with `..` that comes back into the base is folded into a relative URI.
    let (_, doc) = sarif(Path::new("tests/cmd/mixed.in/notices"), &[]);
    assert_eq!(
        doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "kanta-asiakkaat.yaml"
    );
    // A project above the working directory, without its register directory: the problem
    // is attached to its seloste.yaml, outside the base, so as an absolute URI.
    let tmp = tempfile::tempdir().unwrap();
    let project = tmp.path().join("p");
    std::fs::create_dir_all(project.join("sub")).unwrap();
    std::fs::copy(
        "tests/cmd/mixed.in/seloste.yaml",
        project.join("seloste.yaml"),
    )
    .unwrap();
    let (code, doc) = sarif(&project.join("sub"), &[]);
    assert_eq!(code, 2, "{doc}");
    let location = &doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
    let uri = location["artifactLocation"]["uri"].as_str().unwrap();
    assert!(
        location["artifactLocation"]["uriBaseId"].is_null(),
        "{location}"
    );
    let expected = std::fs::canonicalize(project.join("seloste.yaml")).unwrap();
    assert_eq!(
        percent_decode(uri.strip_prefix("file://").unwrap()),
        expected.to_string_lossy()
    );
    assert_eq!(location["region"]["startLine"], 1);
}

#[test]
fn columns_count_utf16_units_and_uris_are_percent_encoded() {
    let tmp = multibyte_project();
    let (_, doc) = sarif(tmp.path(), &["p ä"]);
    let plain = json(tmp.path(), &["p ä"]);
    let d = plain["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "outdated-term")
        .unwrap();
    let r = doc["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "outdated-term")
        .unwrap();
    assert_eq!(doc["runs"][0]["columnKind"], "utf16CodeUnits");
    let location = &r["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "p%20%C3%A4/notices/kamera%20%231%20100%25.yaml"
    );
    assert_eq!(d["file"], "p ä/notices/kamera #1 100%.yaml");
    // The emoji before the finding is one character but two UTF-16 units; `ä` is one of each.
    let region = &location["region"];
    assert_eq!(region["startColumn"], d["column"].as_u64().unwrap() + 1);
    assert_eq!(region["endColumn"], d["end_column"].as_u64().unwrap() + 1);
    assert_eq!(region["startLine"], d["line"]);
    assert_eq!(region["endLine"], d["end_line"]);
    assert_eq!(
        d["end_column"].as_u64().unwrap() - d["column"].as_u64().unwrap(),
        "rekisteriseloste".chars().count() as u64
    );
}

#[test]
fn fingerprints_survive_lines_added_above() {
    let tmp = multibyte_project();
    let file = tmp.path().join("p ä/notices/kamera #1 100%.yaml");
    let fps = |doc: &Value| -> HashMap<String, String> {
        doc["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["ruleId"].as_str().unwrap().to_string(),
                    r["partialFingerprints"]["primaryLocationLineHash"]
                        .as_str()
                        .unwrap()
                        .to_string(),
                )
            })
            .collect()
    };
    let before = fps(&sarif(tmp.path(), &["p ä"]).1);
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("# a comment\n# and another\n{text}")).unwrap();
    let after = fps(&sarif(tmp.path(), &["p ä"]).1);
    assert_eq!(before, after);
}
