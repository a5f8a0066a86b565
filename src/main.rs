//! The `seloste` command: a thin layer of subcommands over the library.

mod cmd;

use std::process::ExitCode;

use clap::Parser;

// Parsing YAML into the model allocates a great deal: mimalloc makes `check` about 8% faster
// than the system allocator on large projects (bench/run.sh).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
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
