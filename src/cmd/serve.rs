//! `seloste serve`: preview the notices in a browser, built again and reloaded on every change.

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use seloste::serve::{self, Event, Options, Rebuilt, Server};

use super::{EXIT_INPUT, Output, today};

/// Arguments of `seloste serve`.
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Preview the notices in a browser while you edit them.\n\n\
        Checks and renders the project as a draft (as `seloste build --draft` does: every finding \
        marked in place) into memory — never into the output directory — and serves the pages on \
        localhost. Every change to seloste.yaml, a register, the shared definitions or a template \
        override builds the project again and reloads the open page; a panel at the foot of the \
        page lists the current diagnostics. When the project cannot be read, the last pages that \
        worked stay on show with the problems in the panel.",
    after_help = "Examples:\n  seloste serve                      preview the project here, at http://127.0.0.1:4747/\n  seloste serve examples/mesq        another project\n  seloste serve --port 0             any free port (printed on start)\n  seloste serve --bind 0.0.0.0       reachable from other machines too (read docs/security.md first)"
)]
pub struct Args {
    /// The project: a directory holding seloste.yaml, or the file itself. Default: the nearest
    /// seloste.yaml in this directory or above.
    pub path: Option<PathBuf>,
    /// The port to listen on; 0 for any free port.
    #[arg(long, short, default_value_t = 4747)]
    pub port: u16,
    /// The address to listen on. Anything but a loopback address lets other machines read the
    /// drafts.
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
    pub bind: IpAddr,
}

/// One line about a build, e.g. `12:03:04 notices/x.yaml: built in 45 ms: 4 registers
/// checked: 1 error`.
fn build_line(b: &Rebuilt) -> String {
    let what = if b.changed.is_empty() {
        "built".to_string()
    } else {
        let mut names = b
            .changed
            .iter()
            .take(3)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        if b.changed.len() > 3 {
            names.push_str(&format!(" and {} more", b.changed.len() - 3));
        }
        format!("{names} changed: built")
    };
    let tail = if b.failed {
        " — cannot be built, still serving the last pages that worked".to_string()
    } else {
        format!(", {} page{}", b.pages, if b.pages == 1 { "" } else { "s" })
    };
    let line = format!(
        "{} {what} in {} ms: {}{tail}",
        chrono::Local::now().format("%H:%M:%S"),
        b.took.as_millis(),
        b.summary
    );
    format!("{}\n", seloste::characters::one_line(&line))
}

/// Runs `seloste serve`.
pub fn execute(args: Args, out: &Output) -> anyhow::Result<ExitCode> {
    let cwd = std::env::current_dir()?;
    let config = match serve::locate(args.path.as_deref(), &cwd) {
        Ok(c) => c,
        Err(d) => {
            let mut msg = format!("error: {}\n", seloste::characters::one_line(&d.message));
            for h in &d.help {
                msg.push_str(&format!("help: {h}\n"));
            }
            out.eprint(&msg)?;
            return Ok(ExitCode::from(EXIT_INPUT));
        }
    };
    // SELOSTE_TODAY fixes the day; otherwise it is asked at every build.
    let fixed = std::env::var("SELOSTE_TODAY").is_ok_and(|s| !s.trim().is_empty());
    let first_day = today()?;
    let shown = match seloste::source::display_path(&serve::site::project_dir(&config)) {
        s if s.is_empty() => ".".to_string(),
        s => s,
    };
    let opts = Options {
        config,
        cwd,
        bind: args.bind,
        port: args.port,
        today: Arc::new(move || {
            if fixed {
                first_day
            } else {
                chrono::Local::now().date_naive()
            }
        }),
    };
    let (server, first) = match Server::start(opts) {
        Ok(s) => s,
        Err(e) => {
            let help = match e {
                serve::ServeError::Bind { .. } => {
                    "\nhelp: is another `seloste serve` running? Choose another port with --port, or --port 0 for any free one"
                }
                _ => "",
            };
            out.eprint(&format!("error: {e}{help}\n"))?;
            return Ok(ExitCode::from(EXIT_INPUT));
        }
    };
    if !args.bind.is_loopback() {
        out.eprint(&format!(
            "warning: listening on {}: anyone who can reach this machine can read the drafts\n",
            server.addr()
        ))?;
    }
    out.eprint(&format!(
        "Serving {} at {}  (Ctrl-C to stop)\n",
        seloste::characters::one_line(&shown),
        server.url()
    ))?;
    out.eprint(&build_line(&first))?;
    let result = server.run(|event| {
        let line = match event {
            Event::Built(b) => build_line(&b),
            Event::Warning(w) => format!("warning: {}\n", seloste::characters::one_line(&w.0)),
        };
        let _ = out.eprint(&line);
    });
    match result {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => {
            out.eprint(&format!(
                "error: {}\n",
                seloste::characters::one_line(&e.to_string())
            ))?;
            Ok(ExitCode::from(EXIT_INPUT))
        }
    }
}
