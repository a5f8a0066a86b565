//! `docs/output.md` promises a JSON shape, a SARIF rules table, GitHub annotations and a list of
//! input-error codes. These tests hold the real output to those promises, so that the document
//! cannot drift from the code: the JSON example must be the output of its project, the field
//! tables must name exactly the fields written (with their types and `null` cases), and the code
//! table must list every input-error code.

use std::collections::BTreeSet;
use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;
use seloste::diagnostic::InputError;
use seloste::lint::RULES;
use serde_json::Value;

const DOC: &str = "docs/output.md";

fn doc() -> String {
    std::fs::read_to_string(DOC).unwrap()
}

/// Runs `seloste check ARGS` in `dir` and returns its exit code and standard output.
fn check(dir: &str, args: &[&str]) -> (i32, String) {
    let out = cargo_bin_cmd!("seloste")
        .arg("check")
        .args(args)
        .current_dir(Path::new(dir))
        .env("SELOSTE_TODAY", "2026-11-23")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

fn check_json(dir: &str, args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_str(&check(dir, &all).1).unwrap()
}

/// JSON documents of projects that between them hold lint findings with and without labels,
/// input errors with a file, and an input error without one.
fn json_outputs() -> Vec<Value> {
    vec![
        check_json("tests/cmd/check-json-example.in", &[]),
        check_json("tests/cmd/mixed.in", &[]),
        check_json("tests/cmd/check-no-project.in", &["arkisto"]),
        check_json("tests/cmd/check-clean.in", &[]),
    ]
}

/// The first fenced block of `lang` after the line `marker`.
fn block_after(doc: &str, marker: &str, lang: &str) -> String {
    let at = doc
        .find(marker)
        .unwrap_or_else(|| panic!("{DOC} lacks `{marker}`"));
    let fence = format!("```{lang}\n");
    let start = doc[at..].find(&fence).unwrap() + at + fence.len();
    let end = doc[start..].find("```").unwrap() + start;
    doc[start..end].to_string()
}

/// The rows of the Markdown table after `marker`: (first cell without backticks, second cell).
fn table_after(doc: &str, marker: &str) -> Vec<(String, String)> {
    let at = doc
        .find(marker)
        .unwrap_or_else(|| panic!("{DOC} lacks `{marker}`"));
    doc[at..]
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with('|'))
        .skip(2) // header and separator
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            (cells[1].trim_matches('`').to_string(), cells[2].to_string())
        })
        .collect()
}

/// The JSON type names a value satisfies, in the words of the tables.
fn type_word(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_u64() || n.is_i64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Every field of the document as a dotted path, except inside `diagnostics`.
fn document_paths(v: &Value, prefix: &str, out: &mut Vec<(String, Value)>) {
    if let Value::Object(map) = v {
        for (k, v) in map {
            let path = if prefix.is_empty() {
                k.clone()
            } else {
                format!("{prefix}.{k}")
            };
            out.push((path.clone(), v.clone()));
            if k != "diagnostics" {
                document_paths(v, &path, out);
            }
        }
    }
}

#[test]
fn the_json_example_is_the_output_of_its_project() {
    let doc = doc();
    let mut documented: Value = serde_json::from_str(&block_after(
        &doc,
        "<!-- example: tests/cmd/check-json-example.in -->",
        "json",
    ))
    .unwrap();
    let mut actual = check_json("tests/cmd/check-json-example.in", &[]);
    // The one value that changes with every release.
    documented["tool"]["version"] = Value::Null;
    actual["tool"]["version"] = Value::Null;
    assert_eq!(
        documented, actual,
        "the example in {DOC} is not what `seloste check --format json` writes for \
         tests/cmd/check-json-example.in: paste the new output into the document"
    );
}

#[test]
fn the_human_example_is_the_output_of_its_project() {
    let documented = block_after(
        &doc(),
        "<!-- example: human, tests/cmd/check-json-example.in -->",
        "text",
    );
    let (code, actual) = check("tests/cmd/check-json-example.in", &[]);
    assert_eq!(code, 2);
    assert_eq!(documented, actual, "the human example in {DOC} is stale");
}

#[test]
fn the_document_table_names_every_field_with_its_type() {
    let doc = doc();
    let table = table_after(&doc, "<!-- fields: document -->");
    let documented: BTreeSet<&str> = table.iter().map(|(f, _)| f.as_str()).collect();
    for out in json_outputs() {
        let mut paths = Vec::new();
        document_paths(&out, "", &mut paths);
        let written: BTreeSet<&str> = paths.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(documented, written, "the fields of the document in {DOC}");
        for (path, value) in &paths {
            let (_, ty) = table.iter().find(|(f, _)| f == path).unwrap();
            assert!(
                ty.contains(type_word(value)),
                "{path} is documented as `{ty}` but is {value}"
            );
        }
        assert_eq!(
            out["version"], 1,
            "a new shape needs a new section in {DOC}"
        );
        assert_eq!(out["tool"]["name"], "seloste");
    }
}

#[test]
fn the_diagnostic_table_names_every_field_with_its_type_and_null_cases() {
    let doc = doc();
    let table = table_after(&doc, "<!-- fields: diagnostic -->");
    let documented: BTreeSet<&str> = table.iter().map(|(f, _)| f.as_str()).collect();
    let mut seen_null_file = false;
    let mut seen_label = false;
    for out in json_outputs() {
        for d in out["diagnostics"].as_array().unwrap() {
            let map = d.as_object().unwrap();
            let written: BTreeSet<&str> = map.keys().map(String::as_str).collect();
            assert_eq!(documented, written, "the fields of a diagnostic in {DOC}");
            for (field, value) in map {
                let (_, ty) = table.iter().find(|(f, _)| f == field).unwrap();
                assert!(
                    ty.contains(type_word(value)),
                    "{field} is documented as `{ty}` but is {value}"
                );
            }
            // "`null` exactly when `file` is `null`".
            let no_file = d["file"].is_null();
            assert_eq!(d["line"].is_null(), no_file, "{d}");
            assert_eq!(d["column"].is_null(), no_file, "{d}");
            assert_eq!(d["end_line"].is_null(), no_file, "{d}");
            assert_eq!(d["end_column"].is_null(), no_file, "{d}");
            if !no_file {
                // Spans are on one line and end after they start (*Spans*).
                assert_eq!(d["end_line"], d["line"], "{d}");
                assert!(d["end_column"].as_u64() >= d["column"].as_u64(), "{d}");
            }
            assert!(["input", "lint"].contains(&d["kind"].as_str().unwrap()));
            assert!(["error", "warning"].contains(&d["severity"].as_str().unwrap()));
            if d["kind"] == "input" {
                assert_eq!(d["severity"], "error", "{d}");
                assert_eq!(d["articles"], Value::Array(vec![]), "{d}");
            }
            seen_null_file |= no_file;
            seen_label |= !d["label"].is_null();
        }
        // The summary counts the diagnostics as documented.
        let count = |kind: &str, severity: &str| {
            out["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["kind"] == kind && (kind == "input" || d["severity"] == severity))
                .count()
        };
        assert_eq!(out["summary"]["input_errors"], count("input", ""));
        assert_eq!(out["summary"]["errors"], count("lint", "error"));
        assert_eq!(out["summary"]["warnings"], count("lint", "warning"));
    }
    assert!(
        seen_null_file && seen_label,
        "the projects should show both null cases"
    );
}

#[test]
fn the_code_table_lists_every_input_error_code() {
    let doc = doc();
    let documented: Vec<String> = table_after(&doc, "<!-- input-error codes")
        .into_iter()
        .map(|(code, _)| code)
        .collect();
    let codes: Vec<String> = InputError::ALL
        .iter()
        .map(|e| e.code().to_string())
        .collect();
    assert_eq!(documented, codes, "the input-error codes in {DOC}");
}

#[test]
fn the_sarif_rules_table_is_as_documented() {
    let (code, out) = check("tests/cmd/mixed.in", &["--format", "sarif"]);
    assert_eq!(code, 1);
    let sarif: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let expected: Vec<&str> = RULES
        .iter()
        .map(|r| r.name)
        .chain(InputError::ALL.iter().map(|e| e.code()))
        .collect();
    assert_eq!(ids, expected, "every rule, then every input-error code");
    for (rule, entry) in RULES.iter().zip(rules) {
        assert_eq!(entry["name"], rule.name);
        assert_eq!(entry["shortDescription"]["text"], rule.summary);
        assert_eq!(entry["help"]["markdown"], rule.explanation);
        assert_eq!(
            entry["defaultConfiguration"]["level"],
            rule.severity.as_str()
        );
        let tags = if rule.articles.is_empty() {
            serde_json::json!(["maintenance"])
        } else {
            serde_json::json!(rule.articles)
        };
        assert_eq!(entry["properties"]["tags"], tags);
        assert!(
            entry["helpUri"]
                .as_str()
                .unwrap()
                .ends_with(&format!("/blob/main/docs/rules.md#{}", rule.name))
        );
    }
    let rules_doc = std::fs::read_to_string("docs/rules.md").unwrap();
    for rule in RULES {
        assert!(
            rules_doc.contains(&format!("\n## {}\n", rule.name)),
            "helpUri of {} leads to no section of docs/rules.md",
            rule.name
        );
    }
    for entry in &rules[RULES.len()..] {
        assert_eq!(entry["defaultConfiguration"]["level"], "error");
        assert_eq!(entry["properties"]["tags"], serde_json::json!(["input"]));
        assert!(!entry["help"]["text"].as_str().unwrap().is_empty());
        assert!(
            entry["helpUri"]
                .as_str()
                .unwrap()
                .ends_with("/blob/main/docs/output.md#input-error-codes")
        );
    }
    assert!(doc().contains("\n### Input-error codes\n"));
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
        let location = &r["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert!(location["region"]["startLine"].as_u64().unwrap() >= 1);
        assert!(location["region"]["startColumn"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn github_annotations_are_as_documented() {
    let outputs = [
        check("tests/cmd/mixed.in", &["--format", "github"]).1,
        check(
            "tests/cmd/check-no-project.in",
            &["arkisto", "--format", "github"],
        )
        .1,
    ];
    let mut located = 0;
    for line in outputs.iter().flat_map(|o| o.lines()) {
        let (command, rest) = line
            .strip_prefix("::")
            .and_then(|l| l.split_once(' '))
            .unwrap_or_else(|| panic!("not a workflow command: {line}"));
        assert!(command == "error" || command == "warning", "{line}");
        let (props, message) = rest.split_once("::").unwrap();
        assert!(!message.contains('\n') && !message.is_empty());
        let names: Vec<&str> = props
            .split(',')
            .map(|p| p.split_once('=').unwrap().0)
            .collect();
        if names == ["file", "line", "col", "endLine", "endColumn", "title"] {
            located += 1;
        } else {
            assert_eq!(names, ["title"], "{line}");
        }
        assert!(props.contains("title=seloste "), "{line}");
    }
    assert_eq!(located, 4, "the four findings of tests/cmd/mixed.in");
}

/// The examples of the concise, statistics and GitLab outputs are what the commands print.
#[test]
fn the_other_examples_are_the_output_of_their_projects() {
    let doc = doc();
    let concise = block_after(
        &doc,
        "<!-- example: concise, tests/cmd/check-json-example.in -->",
        "text",
    );
    let (_, out) = check("tests/cmd/check-json-example.in", &["--format", "concise"]);
    assert_eq!(concise, out, "the concise example in {DOC} is stale");
    let statistics = block_after(
        &doc,
        "<!-- example: statistics, tests/cmd/check-statistics.toml -->",
        "text",
    );
    let (_, out) = check("tests/cmd/mixed.in", &["--statistics"]);
    assert_eq!(statistics, out, "the statistics example in {DOC} is stale");
    let gitlab: Value = serde_json::from_str(&block_after(
        &doc,
        "<!-- example: gitlab, tests/cmd/check-gitlab-no-project.toml -->",
        "json",
    ))
    .unwrap();
    let actual = check_json_in(
        "tests/cmd/check-no-project.in",
        &["arkisto", "--format", "gitlab"],
    );
    assert_eq!(gitlab, actual, "the GitLab example in {DOC} is stale");
}

/// GitLab's required fields ("Implement a custom tool", docs.gitlab.com, Code Quality):
/// `description`, `check_name`, `fingerprint`, `severity` of its five values, `location.path`
/// relative, and `location.positions.begin.line`; fingerprints unique in a report.
#[test]
fn gitlab_issues_have_the_fields_gitlab_requires() {
    for (dir, args) in [
        ("tests/cmd/mixed.in", &[][..]),
        ("tests/cmd/check-json-example.in", &[][..]),
        ("tests/cmd/check-no-project.in", &["arkisto"][..]),
    ] {
        let mut all = vec!["--format", "gitlab"];
        all.extend_from_slice(args);
        let issues = check_json_in(dir, &all);
        let issues = issues.as_array().unwrap();
        assert!(!issues.is_empty());
        let mut fingerprints = BTreeSet::new();
        for i in issues {
            for field in ["description", "check_name", "fingerprint"] {
                assert!(!i[field].as_str().unwrap().is_empty(), "{i}");
            }
            assert!(fingerprints.insert(i["fingerprint"].as_str().unwrap().to_string()));
            assert!(
                ["info", "minor", "major", "critical", "blocker"]
                    .contains(&i["severity"].as_str().unwrap())
            );
            let path = i["location"]["path"].as_str().unwrap();
            assert!(!path.starts_with('/') && !path.contains('\\'), "{path}");
            assert!(
                i["location"]["positions"]["begin"]["line"]
                    .as_u64()
                    .unwrap()
                    >= 1
            );
        }
    }
}

fn check_json_in(dir: &str, args: &[&str]) -> Value {
    serde_json::from_str(&check(dir, args).1).unwrap()
}

#[test]
fn the_exit_codes_are_as_documented() {
    let doc = doc();
    let codes: Vec<String> = table_after(&doc, "<!-- exit codes -->")
        .into_iter()
        .map(|(code, _)| code)
        .collect();
    assert_eq!(codes, ["0", "1", "2"]);
    assert_eq!(check("tests/cmd/check-clean.in", &[]).0, 0);
    assert_eq!(check("tests/cmd/check-warnings.in", &[]).0, 0);
    assert_eq!(
        check("tests/cmd/check-warnings.in", &["--deny-warnings"]).0,
        1
    );
    assert_eq!(check("tests/cmd/mixed.in", &[]).0, 1);
    // An input error wins over findings.
    assert_eq!(check("tests/cmd/check-json-example.in", &[]).0, 2);
    assert_eq!(check("tests/cmd/check-clean.in", &["--format", "xml"]).0, 2);
}

/// The output of `seloste rules --format json`.
fn rules_json() -> Value {
    let out = cargo_bin_cmd!("seloste")
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_rules_json_example_is_the_output() {
    let doc = doc();
    // The explanation holds fences of its own: the block ends at a fence on its own line.
    let at = doc.find("<!-- example: rules missing-title -->").unwrap();
    let start = doc[at..].find("```json\n").unwrap() + at + "```json\n".len();
    let end = doc[start..].find("\n```\n").unwrap() + start;
    let mut documented: Value = serde_json::from_str(&doc[start..end]).unwrap();
    let mut actual = rules_json();
    let rule = actual["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "missing-title")
        .unwrap()
        .clone();
    actual["rules"] = Value::Array(vec![rule]);
    documented["tool"]["version"] = Value::Null;
    actual["tool"]["version"] = Value::Null;
    assert_eq!(
        documented, actual,
        "the example of `seloste rules --format json` in {DOC} is stale"
    );
}

#[test]
fn the_rules_json_tables_name_every_field_with_its_type() {
    let doc = doc();
    let out = rules_json();
    let top = table_after(&doc, "<!-- fields: rules document -->");
    let mut paths = Vec::new();
    document_paths(&out, "", &mut paths);
    let paths: Vec<_> = paths
        .into_iter()
        .filter(|(p, _)| !p.starts_with("rules."))
        .collect();
    let documented: BTreeSet<&str> = top.iter().map(|(f, _)| f.as_str()).collect();
    let written: BTreeSet<&str> = paths.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        documented, written,
        "the fields of the rules document in {DOC}"
    );
    for (path, value) in &paths {
        let (_, ty) = top.iter().find(|(f, _)| f == path).unwrap();
        assert!(ty.contains(type_word(value)), "{path}: `{ty}` but {value}");
    }
    assert_eq!(
        out["version"], 1,
        "a new shape needs a new section in {DOC}"
    );

    let table = table_after(&doc, "<!-- fields: rule -->");
    let documented: BTreeSet<&str> = table.iter().map(|(f, _)| f.as_str()).collect();
    let rules = out["rules"].as_array().unwrap();
    let names: Vec<&str> = rules.iter().map(|r| r["name"].as_str().unwrap()).collect();
    let expected: Vec<&str> = RULES.iter().map(|r| r.name).collect();
    assert_eq!(names, expected, "every rule, in order");
    let rules_md = std::fs::read_to_string("docs/rules.md").unwrap();
    let section_doc = doc[doc.find("| `section` |").unwrap()..]
        .lines()
        .next()
        .unwrap();
    for r in rules {
        let map = r.as_object().unwrap();
        let written: BTreeSet<&str> = map.keys().map(String::as_str).collect();
        assert_eq!(documented, written, "the fields of a rule in {DOC}");
        for (field, value) in map {
            let (_, ty) = table.iter().find(|(f, _)| f == field).unwrap();
            assert!(ty.contains(type_word(value)), "{field}: `{ty}` but {value}");
        }
        let name = r["name"].as_str().unwrap();
        assert!(["error", "warning"].contains(&r["severity"].as_str().unwrap()));
        let section = r["section"].as_str().unwrap();
        assert!(section_doc.contains(&format!("`{section}`")), "{section}");
        let url = r["url"].as_str().unwrap();
        assert!(
            url.starts_with("https://") && url.ends_with(&format!("/docs/rules.md#{name}")),
            "{url}"
        );
        assert!(rules_md.contains(&format!("\n## {name}\n")), "{name}");
    }
}
