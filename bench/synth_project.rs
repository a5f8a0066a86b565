//! Writes a synthetic project for benchmarks: `seloste.yaml` and N registers of about 5 KB
//! under `notices/` (see `synth.rs`).
//!
//! ```sh
//! cargo run --release --example synth-project -- target/bench/synth-1000 1000 [SEED] [--shared]
//! ```
//!
//! With `--shared`, `seloste.yaml` defines 50 shared recipients, retention entries and security
//! texts, and every register refers to some of them.

mod synth;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let shared = args.iter().any(|a| a == "--shared");
    args.retain(|a| a != "--shared");
    let (Some(dir), Some(Ok(n))) = (args.first(), args.get(1).map(|n| n.parse::<usize>())) else {
        eprintln!("usage: synth-project DIR REGISTERS [SEED] [--shared]");
        return ExitCode::from(2);
    };
    let seed = match args.get(2).map(|s| s.parse::<u64>()) {
        None => synth::DEFAULT_SEED,
        Some(Ok(s)) => s,
        Some(Err(e)) => {
            eprintln!("SEED: {e}");
            return ExitCode::from(2);
        }
    };
    let dir = PathBuf::from(dir);
    match synth::write_project(&dir, n, seed, shared) {
        Ok(bytes) => {
            eprintln!(
                "wrote {n} registers ({:.1} MB, {:.1} KB each) to {} (seed {seed}); check them with SELOSTE_TODAY={}",
                bytes as f64 / 1e6,
                bytes as f64 / 1e3 / n.max(1) as f64,
                dir.display(),
                synth::TODAY,
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot write {}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}
