//! Inputs too large or too arbitrary to keep as trycmd fixtures: a register over the 10 MiB
//! budget, generated at test time, and property tests that feed arbitrary bytes and YAML-ish
//! text through the whole pipeline and every reporter. Should never panic; every diagnostic
//! that names a file says where in it.

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use assert_cmd::cargo::cargo_bin_cmd;
use chrono::NaiveDate;
use proptest::prelude::*;
use seloste::pipeline::{self, Disk, MemoryFiles, Options, Outcome};
use seloste::report::{self, Format, Report};
use serde_json::Value;

const SELOSTE_YAML: &str = "\
controller:
  name: Hammaslääkäriasema Helmi Oy
  business_id: 1357913-8
  address: Kauppakatu 8, 40100 Jyväskylä
  email: tietosuoja@helmi.example
  phone: 014 555 3000
contact:
  name: Laura Nieminen
  email: toimisto@helmi.example
  phone: 014 555 3010
dpo: none
";

const REGISTER_YAML: &str = "\
title: Ajanvarausrekisteri
updated: 2026-08-20
collection: data_subject
data_subjects:
  - Vastaanotolle aikaa varanneet asiakkaat
purposes:
  - description: Vastaanottoaikojen varaaminen
    legal_basis: contract
personal_data:
  - category: Nimi ja yhteystiedot
    provision: contract_precondition
    consequence: Ilman yhteystietoja emme voi vahvistaa varausta.
recipients: none
transfers: none
retention:
  - data: Ajanvaraustiedot
    period: 2 years
automated_decisions: none
";

/// Writes a register of `size` bytes: valid YAML up to a misspelt key on its last line, so a
/// parser that read it would report `unknown-key` rather than `file-too-large`.
fn write_large_register(path: &Path, size: usize) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let head = "title: Ajanvarausrekisteri\ndescription: |\n";
    let tail = "retension: 2 years\n";
    let line =
        "  Kerromme tässä, miten käsittelemme asiakkaidemme henkilötietoja ajanvarauksessa.\n";
    f.write_all(head.as_bytes()).unwrap();
    let mut written = head.len() + tail.len();
    while written < size {
        f.write_all(line.as_bytes()).unwrap();
        written += line.len();
    }
    f.write_all(tail.as_bytes()).unwrap();
    f.flush().unwrap();
}

/// Runs `seloste check --format json` in `dir`; returns the exit code, the JSON and the time.
fn check_json(dir: &Path) -> (i32, Value, Duration) {
    let started = Instant::now();
    let out = cargo_bin_cmd!("seloste")
        .args(["check", "--format", "json"])
        .current_dir(dir)
        .env("SELOSTE_TODAY", "2026-11-23")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let elapsed = started.elapsed();
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    (out.status.code().unwrap(), json, elapsed)
}

#[test]
fn a_register_over_10_mib_is_refused_before_it_is_parsed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("seloste.yaml"), SELOSTE_YAML).unwrap();
    std::fs::create_dir(dir.path().join("notices")).unwrap();
    std::fs::write(dir.path().join("notices/ajanvaraus.yaml"), REGISTER_YAML).unwrap();
    let big = dir.path().join("notices/valtava.yaml");
    write_large_register(&big, 11 * 1024 * 1024);
    assert!(std::fs::metadata(&big).unwrap().len() > 10 * 1024 * 1024);

    let (code, json, elapsed) = check_json(dir.path());
    assert_eq!(code, 2, "{json:#}");
    let diagnostics = json["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "only the size is reported: {json:#}");
    let d = &diagnostics[0];
    assert_eq!(d["code"], "file-too-large");
    assert_eq!(d["kind"], "input");
    assert_eq!(d["file"], "notices/valtava.yaml");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(1), Some(1))
    );
    assert!(d["message"].as_str().unwrap().contains("11.0 MiB"), "{d:#}");
    assert_eq!(json["summary"]["registers"], 2);
    // The size is checked before reading: no time goes into 11 MiB of YAML. The bound is loose
    // for slow CI machines; parsing the file would also have reported `unknown-key`.
    assert!(elapsed < Duration::from_secs(5), "took {elapsed:?}");
}

#[test]
fn a_project_file_over_10_mib_is_refused_too() {
    let dir = tempfile::tempdir().unwrap();
    write_large_register(&dir.path().join("seloste.yaml"), 10 * 1024 * 1024 + 1);
    let (code, json, _) = check_json(dir.path());
    assert_eq!(code, 2);
    assert_eq!(json["diagnostics"][0]["code"], "file-too-large");
    assert_eq!(json["diagnostics"][0]["file"], "seloste.yaml");
}

fn options() -> Options {
    Options {
        today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        keep_registers: false,
    }
}

/// Every diagnostic with a file has a position inside it, and every reporter renders the lot.
fn assert_located_and_renderable(outcome: &Outcome) -> Result<(), TestCaseError> {
    for d in &outcome.diagnostics {
        let Some(file) = d.file else { continue };
        let pos = d.pos;
        prop_assert!(pos.is_some(), "{} has a file but no position", d.code);
        let pos = pos.unwrap();
        prop_assert!(pos.line >= 1 && pos.column >= 1, "{}: {pos:?}", d.code);
        if let Some(text) = outcome.sources.get(file).text.as_deref() {
            let lines = text.split('\n').count() as u32;
            prop_assert!(
                pos.line <= lines,
                "{} at line {} of a {lines}-line file",
                d.code,
                pos.line
            );
        }
    }
    let rep = Report {
        sources: &outcome.sources,
        diagnostics: &outcome.diagnostics,
        registers: outcome.register_files,
    };
    for format in [Format::Human, Format::Github] {
        let _ = report::render(format, &rep, false);
    }
    let _ = report::render(Format::Human, &rep, true);
    for format in [Format::Json, Format::Sarif] {
        let out = report::render(format, &rep, false);
        prop_assert!(
            serde_json::from_str::<Value>(&out).is_ok(),
            "not JSON: {out}"
        );
    }
    Ok(())
}

/// Runs the pipeline on a project whose register file holds `register`.
fn run_register(register: &str) -> Outcome {
    let mut files = MemoryFiles::new();
    files.insert("p/seloste.yaml", SELOSTE_YAML);
    files.insert("p/notices/rekisteri.yaml", register);
    pipeline::run_project(Path::new("p/seloste.yaml"), &files, &options())
}

/// Runs the pipeline on a project whose `seloste.yaml` holds `config`.
fn run_config(config: &str) -> Outcome {
    let mut files = MemoryFiles::new();
    files.insert("p/seloste.yaml", config);
    files.insert("p/notices/rekisteri.yaml", REGISTER_YAML);
    pipeline::run_project(Path::new("p/seloste.yaml"), &files, &options())
}

/// A register with 20,000 purposes, none with a legal basis: 20,000 findings in one file. The
/// human report shows each at its own line (the reporter once scanned the whole file for each
/// finding, taking 8 s here; `bench/run.sh` measures the time), and says as many as JSON does.
#[test]
fn twenty_thousand_findings_in_one_register_are_each_shown_at_their_line() {
    const N: usize = 20_000;
    let mut register = String::from("title: Asiakasrekisteri\npurposes:\n");
    for i in 0..N {
        register.push_str(&format!("  - description: Tarkoitus {i}\n"));
    }
    let outcome = run_register(&register);
    let rep = Report {
        sources: &outcome.sources,
        diagnostics: &outcome.diagnostics,
        registers: outcome.register_files,
    };
    let human = report::render(Format::Human, &rep, false);
    let json: Value = serde_json::from_str(&report::render(Format::Json, &rep, false)).unwrap();
    let per_purpose = human.matches("purpose without a legal basis").count();
    assert_eq!(per_purpose, N);
    let headers = human
        .lines()
        .filter(|l| l.starts_with("error[") || l.starts_with("warning["))
        .count();
    assert_eq!(headers, json["diagnostics"].as_array().unwrap().len());
    // Every snippet line is the line of the file it says it is.
    let lines: Vec<&str> = register.lines().collect();
    let mut shown = 0;
    for l in human.lines() {
        let Some((number, source)) = l.split_once(" | ") else {
            continue;
        };
        let Ok(number) = number.trim().parse::<usize>() else {
            continue;
        };
        assert_eq!(source, lines[number - 1], "line {number}");
        shown += 1;
    }
    assert!(shown >= N, "{shown} snippet lines");
    assert!(human.contains(&format!("notices/rekisteri.yaml:{}:5", N + 2)));
}

/// Pieces of YAML and of this format: keys, values, indentation, flow and block syntax,
/// anchors, document markers, quotes, line ends, a BOM, YAML 1.1 booleans and Finnish text.
fn yaml_token() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "title",
            "updated",
            "description",
            "contact",
            "data_subjects",
            "collection",
            "purposes",
            "personal_data",
            "sources",
            "recipients",
            "transfers",
            "retention",
            "automated_decisions",
            "further_processing",
            "rights",
            "security",
            "extra_sections",
            "legal_basis",
            "legitimate_interest",
            "law",
            "direct_marketing",
            "category",
            "special_category",
            "condition",
            "provision",
            "consequence",
            "public",
            "name",
            "role",
            "purpose",
            "recipient",
            "country",
            "mechanism",
            "derogation",
            "document",
            "data",
            "period",
            "criteria",
            "from",
            "controller",
            "dpo",
            "settings",
            "lints",
            "notices_dir",
            "staleness_months",
            "missing-updated",
            "email",
            "phone",
            "website",
            "business_id",
        ])
        .prop_map(|k| format!("{k}: ")),
        prop::sample::select(vec![
            "none",
            "contract",
            "consent",
            "legitimate_interests",
            "legal_obligation",
            "data_subject",
            "other_sources",
            "both",
            "processor",
            "US",
            "FI",
            "yes",
            "no",
            "on",
            "off",
            "true",
            "false",
            "~",
            "null",
            "2 years",
            "6 kk",
            "permanent",
            "2026-02-30",
            "2026-11-23",
            "1234567-1",
            "a@b",
            "+358 40 123",
            "https://x",
            "deny",
            "allow",
            "warn",
            "0",
            "-1",
            "99999999999",
            "1.5",
            "Kirjanpitolaki (1336/1997)",
            "niin kauan kuin on tarpeen",
            "henkilötietolaki",
            "rekisteriseloste",
            "äöå€𝄞",
        ])
        .prop_map(str::to_string),
        prop::sample::select(vec![
            "\n",
            "\n  ",
            "\n    ",
            "\n      ",
            "\r\n",
            "\r",
            "- ",
            "  - ",
            ": ",
            ":",
            "[",
            "]",
            "{",
            "}",
            ", ",
            "&a ",
            "*a",
            "&b ",
            "*b",
            "<<: ",
            "---\n",
            "...\n",
            "\"",
            "'",
            "#",
            " # kommentti\n",
            "|\n  ",
            ">-\n  ",
            "? ",
            "!!str ",
            "!x ",
            "\t",
            "\u{feff}",
            "\0",
            "\\",
            "%YAML 1.2\n",
            "@",
            "`",
        ])
        .prop_map(str::to_string),
        "[a-zA-Z0-9äöÅ ]{0,12}",
    ]
}

fn yaml_ish() -> impl Strategy<Value = String> {
    prop::collection::vec(yaml_token(), 0..80).prop_map(|t| t.concat())
}

/// Block-style lines `indent key: value` — more of these get past the parser into validate,
/// lint and the reporters.
fn yaml_lines() -> impl Strategy<Value = String> {
    let line = (0usize..4, any::<bool>(), yaml_token(), yaml_token()).prop_map(
        |(indent, dash, key, value)| {
            format!(
                "{}{}{key}{value}\n",
                "  ".repeat(indent),
                if dash { "- " } else { "" }
            )
        },
    );
    prop::collection::vec(line, 0..40).prop_map(|l| l.concat())
}

// 256 cases each by default; `PROPTEST_CASES=10000 cargo test --test cli_large` for a longer hunt.
proptest! {
    #[test]
    fn arbitrary_bytes_as_a_register(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let outcome = run_register(&String::from_utf8_lossy(&bytes));
        assert_located_and_renderable(&outcome)?;
    }

    #[test]
    fn yaml_ish_text_as_a_register(text in yaml_ish()) {
        assert_located_and_renderable(&run_register(&text))?;
    }

    #[test]
    fn yaml_lines_as_a_register(text in yaml_lines()) {
        assert_located_and_renderable(&run_register(&text))?;
    }

    #[test]
    fn yaml_lines_after_a_valid_register(text in yaml_lines()) {
        assert_located_and_renderable(&run_register(&format!("{REGISTER_YAML}{text}")))?;
    }

    #[test]
    fn yaml_ish_text_as_the_project_file(text in yaml_ish()) {
        assert_located_and_renderable(&run_config(&text))?;
    }

    #[test]
    fn yaml_lines_as_the_project_file(text in yaml_lines()) {
        assert_located_and_renderable(&run_config(&format!("{SELOSTE_YAML}{text}")))?;
    }
}

proptest! {
    // Through the disk: the bytes as they are, so invalid UTF-8 and BOMs reach `read_text`.
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_on_disk(
        bytes in prop::collection::vec(any::<u8>(), 0..1000),
        bom in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("seloste.yaml"), SELOSTE_YAML).unwrap();
        std::fs::create_dir(dir.path().join("notices")).unwrap();
        let mut content = if bom { b"\xef\xbb\xbf".to_vec() } else { Vec::new() };
        content.extend_from_slice(&bytes);
        std::fs::write(dir.path().join("notices/rekisteri.yaml"), &content).unwrap();
        let outcome = pipeline::run_project(&dir.path().join("seloste.yaml"), &Disk, &options());
        assert_located_and_renderable(&outcome)?;
    }
}
