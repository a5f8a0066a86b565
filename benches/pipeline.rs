//! Library benchmarks on a synthetic project of 1,000 registers of about 5 KB, held in memory
//! (`bench/synth.rs`): what `seloste check` does (load, validate, lint), what `seloste build`
//! does before writing (the same, then render Markdown and HTML), and serde-saphyr alone on
//! the same files, the baseline they are compared with. End-to-end figures with the release
//! binary come from `bench/run.sh`; both are reported in `docs/performance.md`.
//!
//! ```sh
//! cargo bench --bench pipeline
//! ```

// Writing projects to disk is for bench/run.sh; here they stay in memory.
#[allow(dead_code)]
#[path = "../bench/synth.rs"]
mod synth;

use std::path::Path;
use std::sync::LazyLock;

use chrono::NaiveDate;
use divan::Bencher;
use rayon::prelude::*;
use seloste::model::Register;
use seloste::pipeline::{self, MemoryFiles, Options, Outcome};
use seloste::render::{self, FrontMatter, RenderOptions};
use seloste::report::{self, Format, Report};

// The `seloste` binary's allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Registers in the project: the size the targets are set for.
const REGISTERS: usize = 1_000;

fn main() {
    divan::main();
}

/// The project's files: `seloste.yaml` and the register texts.
struct Project {
    files: MemoryFiles,
    registers: Vec<String>,
}

static PROJECT: LazyLock<Project> = LazyLock::new(|| {
    let (config, registers) = synth::project(REGISTERS, synth::DEFAULT_SEED);
    let mut files = MemoryFiles::new();
    files.insert("synth/seloste.yaml", &config);
    for (name, text) in &registers {
        files.insert(format!("synth/notices/{name}"), text);
    }
    Project {
        files,
        registers: registers.into_iter().map(|(_, text)| text).collect(),
    }
});

fn today() -> NaiveDate {
    synth::TODAY.parse().expect("TODAY is a date")
}

fn run(keep_registers: bool) -> Outcome {
    pipeline::run_project(
        Path::new("synth/seloste.yaml"),
        &PROJECT.files,
        &Options {
            today: today(),
            keep_registers,
        },
    )
}

/// `seloste check` without printing: load, validate and lint every register.
#[divan::bench(sample_count = 20)]
fn check(bencher: Bencher) {
    LazyLock::force(&PROJECT);
    bencher.bench(|| run(false));
}

/// `seloste build` without writing: check, then render every register and the index.
#[divan::bench(sample_count = 10)]
fn build(bencher: Bencher) {
    LazyLock::force(&PROJECT);
    let templates = render::templates::builtin().expect("built-ins load");
    let opts = RenderOptions {
        draft: false,
        front_matter: FrontMatter::None,
        fragments: false,
        id_prefix: None,
        today: today(),
    };
    bencher.bench(|| {
        let outcome = run(true);
        let project = outcome.project.as_ref().expect("the project loads");
        render::render(
            project,
            &outcome.registers,
            &templates,
            &opts,
            &render::Marks::none(),
            &|| {},
        )
        .expect("the synthetic project renders")
    });
}

/// serde-saphyr alone, into seloste's model (with spans), on the same pool as `check`.
#[divan::bench(sample_count = 20)]
fn bare_parse_model(bencher: Bencher) {
    LazyLock::force(&PROJECT);
    bencher.bench(|| {
        PROJECT
            .registers
            .par_iter()
            .map(|t| serde_saphyr::from_str::<Register>(t).is_ok() as usize)
            .sum::<usize>()
    });
}

/// serde-saphyr alone, into `serde_json::Value` (no schema), on the same pool.
#[divan::bench(sample_count = 20)]
fn bare_parse_value(bencher: Bencher) {
    LazyLock::force(&PROJECT);
    bencher.bench(|| {
        PROJECT
            .registers
            .par_iter()
            .map(|t| serde_saphyr::from_str::<serde_json::Value>(t).is_ok() as usize)
            .sum::<usize>()
    });
}

/// Findings in the report benchmarks: one register with this many purposes, none with a legal
/// basis. The human reporter once took 48 s on this (it scanned the file for each finding).
const FINDINGS: usize = 32_000;

static MANY_FINDINGS: LazyLock<Outcome> = LazyLock::new(|| {
    let mut register = String::from("title: Asiakasrekisteri\npurposes:\n");
    for i in 0..FINDINGS {
        register.push_str(&format!("  - description: Tarkoitus {i}\n"));
    }
    let mut files = MemoryFiles::new();
    files.insert("many/seloste.yaml", &synth::project_yaml());
    files.insert("many/notices/r.yaml", &register);
    pipeline::run_project(
        Path::new("many/seloste.yaml"),
        &files,
        &Options {
            today: today(),
            keep_registers: false,
        },
    )
});

/// `--format human` and `--format json` of 32,000 findings in one file: both linear.
#[divan::bench(sample_count = 10, args = [Format::Human, Format::Json])]
fn report_many_findings(bencher: Bencher, format: Format) {
    let outcome = &*MANY_FINDINGS;
    assert!(outcome.diagnostics.len() >= FINDINGS);
    let rep = Report {
        sources: &outcome.sources,
        diagnostics: &outcome.diagnostics,
        registers: outcome.register_files,
    };
    bencher.bench(|| report::render(format, &rep, false));
}
