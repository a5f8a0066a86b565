//! The `seloste` command: a thin layer of subcommands over the library.

mod cmd;

use std::process::ExitCode;

use clap::Parser;

// Parsing YAML into the model allocates a great deal: mimalloc makes `check` about 8% faster
// than the system allocator on large projects (bench/run.sh). `Cap` puts a ceiling on what one
// run may allocate (docs/security.md): the last line of defence against a template override
// whose strings double in size. Reaching it aborts the run.
#[global_allocator]
static GLOBAL: cap::Cap<mimalloc::MiMalloc> = cap::Cap::new(mimalloc::MiMalloc, usize::MAX);

/// The memory ceiling: 4 GiB, or `SELOSTE_MEMORY_LIMIT_MB`. The largest projects we measure
/// (50,000 registers) stay well below it.
fn memory_limit() -> usize {
    const MIB: usize = 1 << 20;
    std::env::var("SELOSTE_MEMORY_LIMIT_MB")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&mb| mb >= 64)
        .map_or(4096 * MIB, |mb| mb.saturating_mul(MIB))
}

fn main() -> ExitCode {
    // Only fails if more is allocated already, which cannot be at the start.
    let _ = GLOBAL.set_limit(memory_limit());
    let cli = cmd::Cli::parse();
    match cmd::execute(cli) {
        Ok(code) => code,
        Err(e) => {
            // Only I/O on our own output and similar failures end up here; problems in user
            // files are diagnostics with their own exit codes.
            let mut err = anstream::stderr();
            let _ = std::io::Write::write_fmt(&mut err, format_args!("error: {e:#}\n"));
            ExitCode::from(cmd::EXIT_INPUT)
        }
    }
}
