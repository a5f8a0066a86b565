//! The baseline for `seloste check`: list, read and parse every register of a project with
//! serde-saphyr alone, on the same thread pool, and do nothing else.
//!
//! ```sh
//! cargo run --release --example bare-parse -- model target/bench/synth-1000
//! cargo run --release --example bare-parse -- value target/bench/synth-1000
//! ```
//!
//! `model` parses into seloste's own [`Register`] (with the span of every value), which is
//! the parse `check` cannot avoid: the fair baseline, so that the ratio measures what the
//! rest of the pipeline (validation, every rule, reporting) adds. `value` parses into a
//! format-agnostic `serde_json::Value`, the cost of reading the same YAML without a schema.
//! Both use serde-saphyr's default options, rayon's default pool (one thread per core, like
//! `check`; set `RAYON_NUM_THREADS=1` for one thread) and the `seloste` binary's allocator
//! (mimalloc), so that the ratio measures the pipeline, not the allocator.

use std::path::Path;
use std::process::ExitCode;

use rayon::prelude::*;
use seloste::model::Register;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn parse(kind: &str, text: &str) -> Result<(), String> {
    match kind {
        "model" => serde_saphyr::from_str::<Register>(text).map(drop),
        _ => serde_saphyr::from_str::<serde_json::Value>(text).map(drop),
    }
    .map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(kind @ ("model" | "value")), Some(dir)) =
        (args.first().map(String::as_str), args.get(1))
    else {
        eprintln!("usage: bare-parse model|value PROJECT_DIR");
        return ExitCode::from(2);
    };
    let notices = Path::new(dir).join("notices");
    // The files `check` reads, listed as it lists them.
    let paths = match seloste::load::register_paths(&notices) {
        Ok(paths) => paths,
        Err(e) => {
            eprintln!("cannot read {}: {e}", notices.display());
            return ExitCode::FAILURE;
        }
    };
    let failed: Vec<String> = paths
        .par_iter()
        .filter_map(|p| {
            let result = std::fs::read_to_string(p)
                .map_err(|e| e.to_string())
                .and_then(|text| parse(kind, &text));
            result.err().map(|e| format!("{}: {e}", p.display()))
        })
        .collect();
    for f in &failed {
        eprintln!("{f}");
    }
    if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
