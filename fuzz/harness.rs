//! The bodies of the fuzz targets, shared with the stable property test
//! `tests/fuzz_entry_points.rs`: one truth for what each entry point must hold on any input.
//!
//! Each function panics when an oracle fails, so that libFuzzer records the input as a crash
//! and proptest shrinks it. Nothing here touches the disk: the project lives in
//! [`MemoryFiles`], and the templates are the built-in ones.

use std::path::Path;
use std::sync::OnceLock;

use chrono::NaiveDate;
use seloste::Diagnostic;
use seloste::pipeline::{self, MemoryFiles, Options, Outcome};
use seloste::render::{self, FrontMatter, RenderOptions, Templates};
use seloste::report::{self, Format, Report};
use seloste::source::FileId;

/// The fixed project file: the repository's sample organisation.
pub const PROJECT_YAML: &str = include_str!("../seloste.yaml");

/// The fixed register: one of the sample's registers, which checks clean.
pub const REGISTER_YAML: &str = include_str!("../notices/asiakasrekisteri.yaml");

const PROJECT_PATH: &str = "p/seloste.yaml";
const REGISTER_PATH: &str = "p/notices/rekisteri.yaml";

/// A fixed date, so that a finding reproduces whatever day it is replayed on.
fn options() -> Options {
    Options {
        today: NaiveDate::from_ymd_opt(2026, 11, 23).expect("a valid date"),
        keep_registers: true,
    }
}

/// The built-in templates, loaded once.
fn templates() -> &'static Templates {
    static TEMPLATES: OnceLock<Templates> = OnceLock::new();
    TEMPLATES.get_or_init(|| {
        render::templates::builtin()
            .unwrap_or_else(|e| panic!("the built-in templates do not load: {e:?}"))
    })
}

/// Asserts that `d` points inside `text`: a line of it, a column of that line (or just past
/// its end), and a byte range within the text that starts and ends on character boundaries
/// (the human reporter slices the text there).
pub fn assert_located_in(d: &Diagnostic, text: &str) {
    let Some(pos) = d.pos else {
        panic!("{} names a file but no position: {d:?}", d.code);
    };
    let lines: Vec<&str> = text.split('\n').collect();
    assert!(
        pos.line >= 1 && pos.line as usize <= lines.len(),
        "{} at line {} of a {}-line text: {d:?}",
        d.code,
        pos.line,
        lines.len()
    );
    let line_chars = lines[pos.line as usize - 1].chars().count();
    assert!(
        pos.column >= 1 && pos.column as usize <= line_chars + 1,
        "{} at column {} of a {line_chars}-character line {}: {d:?}",
        d.code,
        pos.column,
        pos.line
    );
    if let Some(offset) = pos.offset {
        let (start, end) = (offset as usize, offset as usize + pos.len as usize);
        assert!(
            end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end),
            "{} spans bytes {start}..{end} of a {}-byte text, not on character boundaries: {d:?}",
            d.code,
            text.len()
        );
    }
}

/// `load_register`: bytes as a register file is read — UTF-8 (invalid bytes are tried again
/// as U+FFFD, which a file may hold), BOM and lone-CR normalisation, then the parser. Never
/// panics; a diagnostic is in this file and located inside its text.
pub fn load_register(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let text = seloste::load::normalize_text(text);
    let file = FileId(0);
    if let Err(d) = seloste::load::parse_register(file, &text) {
        assert_eq!(d.file, Some(file), "a diagnostic about another file: {d:?}");
        assert_located_in(&d, &text);
    }
}

/// `pipeline_register`: the sample project with `text` as its one register, through the
/// whole pipeline, every reporter and (when the register loads) the renderer.
pub fn pipeline_register(text: &str) {
    let mut files = MemoryFiles::new();
    files.insert(PROJECT_PATH, PROJECT_YAML);
    files.insert(REGISTER_PATH, text);
    let outcome = pipeline::run_project(Path::new(PROJECT_PATH), &files, &options());
    check_outcome(&outcome, text.len());
}

/// `project_file`: `text` as `seloste.yaml` with the sample's register, through the same.
pub fn project_file(text: &str) {
    let mut files = MemoryFiles::new();
    files.insert(PROJECT_PATH, text);
    files.insert(REGISTER_PATH, REGISTER_YAML);
    let outcome = pipeline::run_project(Path::new(PROJECT_PATH), &files, &options());
    check_outcome(&outcome, text.len());
}

/// What holds of every outcome: diagnostics located in their files, every reporter renders,
/// JSON and SARIF parse, each GitHub line is a workflow command, and when nothing stops a
/// build the built-in templates render it in draft mode.
fn check_outcome(outcome: &Outcome, seed: usize) {
    for d in &outcome.diagnostics {
        let Some(file) = d.file else { continue };
        if let Some(text) = outcome.sources.get(file).text.as_deref() {
            assert_located_in(d, text);
        }
    }
    let rep = Report {
        sources: &outcome.sources,
        diagnostics: &outcome.diagnostics,
        registers: outcome.register_files,
    };
    let _ = report::render(Format::Human, &rep, false);
    let _ = report::render(Format::Human, &rep, true);
    for format in [Format::Json, Format::Sarif] {
        let out = report::render(format, &rep, false);
        if let Err(e) = serde_json::from_str::<serde_json::Value>(&out) {
            panic!("{format:?} output is not JSON ({e}):\n{out}");
        }
    }
    let github = report::render(Format::Github, &rep, false);
    for line in github.lines() {
        assert!(
            line.starts_with("::"),
            "a GitHub output line that is not a workflow command: {line:?}"
        );
    }

    // `build` stops at input errors; with lint errors alone, `--draft` renders.
    let Some(project) = outcome.project.as_ref() else {
        return;
    };
    if outcome.tally().input_errors > 0 {
        return;
    }
    // Every front-matter mode, one per input, chosen by its length: deterministic on replay.
    let front_matter = [FrontMatter::None, FrontMatter::Hugo, FrontMatter::Zola][seed % 3];
    let opts = RenderOptions {
        draft: true,
        front_matter,
        fragments: true,
        id_prefix: None,
        today: options().today,
    };
    if let Err(e) = render::render(
        project,
        &outcome.registers,
        templates(),
        &opts,
        &render::Marks::none(),
        &|| {},
    ) {
        panic!("a built-in template failed: {e}");
    }
}
