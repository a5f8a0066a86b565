//! The fuzz targets' entry points on stable Rust, for CI: the same harness (`fuzz/harness.rs`)
//! fed with proptest-generated YAML-ish text instead of libFuzzer's inputs. Few cases, so that
//! it runs in seconds; `fuzz/run.sh` is the long hunt. A failure here is a finding of the same
//! kind as a fuzz crash: minimise it (proptest shrinks) and keep it under
//! `tests/fixtures/fuzz-regressions/`.

#[allow(dead_code)]
#[path = "../fuzz/harness.rs"]
mod harness;

use proptest::prelude::*;

/// The tokens of the fuzz dictionary `fuzz/yaml.dict` (`name="value"` lines with `\xNN`, `\\`
/// and `\"` escapes), so that the fuzzer and this test splice the same YAML.
fn dictionary() -> Vec<String> {
    include_str!("../fuzz/yaml.dict")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let quoted = &l[l.find('"')? + 1..l.rfind('"')?];
            let mut bytes = Vec::new();
            let mut chars = quoted.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => match chars.next()? {
                        'x' => {
                            let hex: String = chars.by_ref().take(2).collect();
                            bytes.push(u8::from_str_radix(&hex, 16).ok()?);
                        }
                        other => bytes.push(other as u8),
                    },
                    c => bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
                }
            }
            Some(String::from_utf8_lossy(&bytes).into_owned())
        })
        .collect()
}

#[test]
fn the_dictionary_parses() {
    let d = dictionary();
    assert!(d.len() > 50, "{d:?}");
    assert!(d.contains(&"<<: ".to_string()));
    assert!(d.contains(&"\u{feff}".to_string()));
    assert!(d.contains(&"\"\\u0000\"".to_string()));
}

/// One edit of a text: insert a dictionary token, or delete or duplicate a range, at a
/// fraction of the text's length (so that the same edit applies to any text).
#[derive(Clone, Debug)]
enum Edit {
    Insert(f64, usize),
    Delete(f64, usize),
    Duplicate(f64, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (0.0..1.0, any::<usize>()).prop_map(|(at, t)| Edit::Insert(at, t)),
        1 => (0.0..1.0, 1usize..200).prop_map(|(at, n)| Edit::Delete(at, n)),
        1 => (0.0..1.0, 1usize..200).prop_map(|(at, n)| Edit::Duplicate(at, n)),
    ]
}

/// Byte index `i` of `text` (clamped), moved back to a character boundary.
fn boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Applies `edits` to `text`: a valid file that a few mutations away from valid gets past the
/// parser into validate, lint, the reporters and the renderer.
fn mutate(text: &str, edits: &[Edit], dict: &[String]) -> String {
    let mut s = text.to_string();
    for e in edits {
        let at = |s: &str, fraction: f64| boundary(s, (s.len() as f64 * fraction) as usize);
        match *e {
            Edit::Insert(fraction, t) => {
                let i = at(&s, fraction);
                s.insert_str(i, &dict[t % dict.len()]);
            }
            Edit::Delete(fraction, n) => {
                let i = at(&s, fraction);
                let j = boundary(&s, i + n);
                s.replace_range(i..j, "");
            }
            Edit::Duplicate(fraction, n) => {
                let i = at(&s, fraction);
                let piece = s[i..boundary(&s, i + n)].to_string();
                s.insert_str(i, &piece);
            }
        }
    }
    s
}

/// Text made of dictionary tokens, line breaks and indentation alone.
fn tokens() -> impl Strategy<Value = String> {
    let dict = dictionary();
    let n = dict.len();
    prop::collection::vec(
        prop_oneof![
            3 => (0..n).prop_map(move |i| dict[i].clone()),
            1 => prop::sample::select(vec!["\n", "\n  ", "\n    ", "- ", "x", "ä", "1"])
                .prop_map(str::to_string),
        ],
        0..60,
    )
    .prop_map(|t| t.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn load_register_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        harness::load_register(&bytes);
    }

    #[test]
    fn load_register_on_tokens(text in tokens()) {
        harness::load_register(text.as_bytes());
    }

    #[test]
    fn load_register_on_a_mutated_register(edits in prop::collection::vec(edit(), 1..8)) {
        let text = mutate(harness::REGISTER_YAML, &edits, &dictionary());
        harness::load_register(text.as_bytes());
    }
}

proptest! {
    // The whole pipeline and the renderer: fewer cases, each costs milliseconds.
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn pipeline_register_on_tokens(text in tokens()) {
        harness::pipeline_register(&text);
    }

    #[test]
    fn pipeline_register_on_a_mutated_register(edits in prop::collection::vec(edit(), 1..6)) {
        harness::pipeline_register(&mutate(harness::REGISTER_YAML, &edits, &dictionary()));
    }

    #[test]
    fn project_file_on_tokens(text in tokens()) {
        harness::project_file(&text);
    }

    #[test]
    fn project_file_on_a_mutated_project(edits in prop::collection::vec(edit(), 1..6)) {
        harness::project_file(&mutate(harness::PROJECT_YAML, &edits, &dictionary()));
    }
}

/// The fixed inputs themselves pass: a target whose baseline fails finds nothing else.
#[test]
fn the_fixed_project_and_register_pass() {
    harness::pipeline_register(harness::REGISTER_YAML);
    harness::project_file(harness::PROJECT_YAML);
}

/// The location oracle is not vacuous: it rejects a line past the end, a column past the end of
/// its line, and a byte span that ends inside a character.
#[test]
fn the_location_oracle_rejects_positions_outside_the_text() {
    use seloste::Diagnostic;
    use seloste::diagnostic::InputError;
    use seloste::source::{FileId, Pos};
    let text = "title: Äiti\n";
    let at = |pos: Pos| Diagnostic::input(InputError::YamlSyntax, FileId(0), pos, "x");
    harness::assert_located_in(&at(Pos::at(2, 1)), text);
    harness::assert_located_in(&at(Pos::at(1, 12)), text);
    for outside in [
        Pos::at(3, 1),
        Pos::at(1, 13),
        Pos {
            line: 1,
            column: 8,
            offset: Some(7),
            len: 1,
            file: None,
        },
    ] {
        let d = at(outside);
        let caught = std::panic::catch_unwind(|| harness::assert_located_in(&d, text));
        assert!(caught.is_err(), "{outside:?} passed the oracle");
    }
}

/// Where minimised fuzz findings are kept, named `<target>-<short-name>.yaml`.
const REGRESSIONS: &str = "tests/fixtures/fuzz-regressions";

/// Replays every kept finding through the target its name starts with. The directory's
/// README lists under `## Open` the findings whose bug is not fixed yet, as
/// `` - `file.yaml` (crash|timeout|oom): … ``: an open crash must still fail (so that whoever
/// fixes it moves it to `## Fixed`), an open timeout or OOM is not run at all.
#[test]
fn kept_fuzz_findings_replay() {
    let Ok(entries) = std::fs::read_dir(REGRESSIONS) else {
        return;
    };
    let readme = std::fs::read_to_string(format!("{REGRESSIONS}/README.md")).unwrap_or_default();
    let open_section = readme
        .split("\n## ")
        .find(|s| s.starts_with("Open"))
        .unwrap_or("");
    let open_kind = |name: &str| -> Option<&str> {
        let line = open_section
            .lines()
            .find(|l| l.starts_with(&format!("- `{name}`")))?;
        Some(line.split(['(', ')']).nth(1).unwrap_or("crash"))
    };
    let mut names: Vec<String> = entries
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".yaml"))
        .collect();
    names.sort();
    for name in names {
        let bytes = std::fs::read(format!("{REGRESSIONS}/{name}")).unwrap();
        let run: fn(&[u8]) = if name.starts_with("load_register-") {
            harness::load_register
        } else if name.starts_with("pipeline_register-") {
            |b| harness::pipeline_register(&String::from_utf8_lossy(b))
        } else if name.starts_with("project_file-") {
            |b| harness::project_file(&String::from_utf8_lossy(b))
        } else {
            panic!(
                "{name}: the name does not start with a target (load_register-, pipeline_register-, project_file-)"
            );
        };
        match open_kind(&name) {
            Some("timeout" | "oom") => continue,
            Some(_) => {
                let failed = std::panic::catch_unwind(|| run(&bytes)).is_err();
                assert!(
                    failed,
                    "{name} passes now: move it from `## Open` to `## Fixed` in {REGRESSIONS}/README.md"
                );
            }
            None => run(&bytes),
        }
    }
}
