//! `seloste serve`: a live preview. The project is checked and rendered as a draft into memory
//! ([`site`]) — never into its output directory, so that previewing cannot overwrite what was
//! published — served on localhost ([`http`]), built again whenever a file the project reads
//! changes ([`watch`]), and every page served carries a panel of the current diagnostics and a
//! script that reloads it after each build ([`overlay`]).
//!
//! A build that cannot read or render the project keeps the last pages that worked on show,
//! with its problems in the panel. Nothing is written anywhere, so ending the process (Ctrl-C)
//! leaves nothing behind.

pub mod http;
pub mod overlay;
pub mod site;
pub mod watch;

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use chrono::NaiveDate;
use notify::{RecommendedWatcher, RecursiveMode, Watcher};

use overlay::Status;
use site::{Fatal, Site};
use watch::{Depth, WatchSet};

/// How long the project must be quiet after a change before it is built: an editor's save
/// (write a temporary, rename it over the file, touch a backup) comes as one burst.
pub const QUIET: Duration = Duration::from_millis(120);
/// The longest a build waits for the project to be quiet, when changes keep coming.
pub const MAX_WAIT: Duration = Duration::from_secs(2);

/// Options of `seloste serve`.
#[derive(Clone)]
pub struct Options {
    /// The project's `seloste.yaml`.
    pub config: PathBuf,
    /// The working directory the project's paths are relative to.
    pub cwd: PathBuf,
    /// The address to listen on.
    pub bind: IpAddr,
    /// The port; 0 for any free one.
    pub port: u16,
    /// The date `updated` is judged against, asked at every build.
    pub today: Arc<dyn Fn() -> NaiveDate + Send + Sync>,
}

impl std::fmt::Debug for Options {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Options")
            .field("config", &self.config)
            .field("cwd", &self.cwd)
            .field("bind", &self.bind)
            .field("port", &self.port)
            .finish_non_exhaustive()
    }
}

/// Why serving could not start or go on.
#[derive(Debug)]
pub enum ServeError {
    /// The address could not be listened on.
    Bind {
        /// The address.
        addr: SocketAddr,
        /// Why.
        reason: String,
    },
    /// The project's files could not be watched.
    Watch(String),
    /// A build cannot be stopped (a template that loops).
    Fatal(Fatal),
}

impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ServeError::Bind { addr, reason } => write!(f, "cannot listen on {addr}: {reason}"),
            ServeError::Watch(e) => write!(f, "cannot watch the project's files: {e}"),
            ServeError::Fatal(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ServeError {}

/// What one build did, for the command to tell.
#[derive(Clone, Debug)]
pub struct Rebuilt {
    /// The files whose change caused it, relative to the project (none for the first build).
    pub changed: Vec<String>,
    /// How long it took.
    pub took: Duration,
    /// `4 registers checked: 2 errors` (as `check` says it).
    pub summary: String,
    /// The build could not read or render the project: the pages served are an earlier
    /// build's (or none).
    pub failed: bool,
    /// How many HTML pages are served.
    pub pages: usize,
}

/// A problem of the watcher that does not stop serving.
#[derive(Clone, Debug)]
pub struct WatchWarning(pub String);

/// What the command is told while serving.
#[derive(Clone, Debug)]
pub enum Event {
    /// The project was built again.
    Built(Rebuilt),
    /// The watcher reported a problem.
    Warning(WatchWarning),
}

/// What is served: the pages of the last build that worked, and the latest build's status.
#[derive(Debug)]
pub struct Snapshot {
    /// The pages.
    pub site: Arc<Site>,
    /// What the panel says.
    pub status: Status,
    /// The panel and script tag, made once per build.
    pub panel: String,
}

/// What the HTTP threads and the building thread share.
#[derive(Debug)]
pub struct Shared {
    current: Mutex<Arc<Snapshot>>,
    changed: Condvar,
    streams: AtomicUsize,
    stop: AtomicBool,
}

impl Shared {
    fn new(snapshot: Snapshot) -> Shared {
        Shared {
            current: Mutex::new(Arc::new(snapshot)),
            changed: Condvar::new(),
            streams: AtomicUsize::new(0),
            stop: AtomicBool::new(false),
        }
    }

    /// What is served now.
    pub fn current(&self) -> Arc<Snapshot> {
        self.current
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn publish(&self, snapshot: Snapshot) {
        *self.current.lock().unwrap_or_else(|e| e.into_inner()) = Arc::new(snapshot);
        self.changed.notify_all();
    }

    /// The current build's id, once it is not `seen`, or after `timeout`.
    fn wait_for_build(&self, seen: &str, timeout: Duration) -> String {
        let guard = self.current.lock().unwrap_or_else(|e| e.into_inner());
        let (guard, _) = self
            .changed
            .wait_timeout_while(guard, timeout, |s| {
                s.status.build_id == seen && !self.stop.load(Ordering::SeqCst)
            })
            .unwrap_or_else(|e| e.into_inner());
        guard.status.build_id.clone()
    }

    fn stopping(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }
}

/// A running preview: listening, built once, not yet watching.
pub struct Server {
    opts: Options,
    http: Arc<tiny_http::Server>,
    addr: SocketAddr,
    shared: Arc<Shared>,
    watch: WatchSet,
    /// This process's part of every build id, so that a page served by an earlier run of
    /// `seloste serve` reloads too.
    token: String,
    generation: u64,
    /// The last pages that worked.
    site: Arc<Site>,
    /// Watching starts before the first build, so that an edit made while it runs, or
    /// before `run` is called, is not lost: its events wait in the channel.
    watcher: RecommendedWatcher,
    events: mpsc::Receiver<notify::Result<notify::Event>>,
    watched: Vec<(PathBuf, Depth)>,
    /// Directories that could not be watched before `run` had anyone to tell.
    early_warnings: Vec<WatchWarning>,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server")
            .field("addr", &self.addr)
            .field("watch", &self.watch)
            .finish_non_exhaustive()
    }
}

impl Server {
    /// Listens on the address of `opts`, builds the project once and starts answering
    /// requests on a thread of its own.
    pub fn start(opts: Options) -> Result<(Server, Rebuilt), ServeError> {
        let addr = SocketAddr::new(opts.bind, opts.port);
        let http = tiny_http::Server::http(addr).map_err(|e| ServeError::Bind {
            addr,
            reason: e.to_string(),
        })?;
        let addr = http.server_addr().to_ip().unwrap_or(addr);
        let http = Arc::new(http);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let token = format!("{:x}{:x}", std::process::id(), nanos & 0xffff_ffff);
        let shared = Arc::new(Shared::new(Snapshot {
            site: Arc::default(),
            status: Status::default(),
            panel: String::new(),
        }));
        let (tx, events) = mpsc::channel::<notify::Result<notify::Event>>();
        let watcher =
            notify::recommended_watcher(tx).map_err(|e| ServeError::Watch(e.to_string()))?;
        let mut server = Server {
            watch: WatchSet::of_config(&opts.config, &opts.cwd),
            watcher,
            events,
            watched: Vec::new(),
            early_warnings: Vec::new(),
            opts,
            http,
            addr,
            shared,
            token,
            generation: 0,
            site: Arc::default(),
        };
        let mut early = Vec::new();
        server.update_watches(&mut |e| early.push(e));
        let first = server.rebuild(Vec::new()).map_err(ServeError::Fatal)?;
        // The first build may have found more to watch (the shared directory, say).
        server.update_watches(&mut |e| early.push(e));
        server.early_warnings = early;
        let (http, shared) = (server.http.clone(), server.shared.clone());
        std::thread::Builder::new()
            .name("seloste-serve-http".into())
            .spawn(move || {
                for request in http.incoming_requests() {
                    http::handle(request, &shared, addr);
                }
            })
            .map_err(|e| ServeError::Bind {
                addr,
                reason: e.to_string(),
            })?;
        Ok((server, first))
    }

    /// The address listened on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The URL of the index page.
    pub fn url(&self) -> String {
        let host = if self.addr.ip().is_unspecified() {
            // Bound to every address: the browser on this machine reaches it at localhost.
            "localhost".to_string()
        } else {
            match self.addr.ip() {
                IpAddr::V6(ip) => format!("[{ip}]"),
                IpAddr::V4(ip) => ip.to_string(),
            }
        };
        format!("http://{host}:{}/", self.addr.port())
    }

    /// Builds the project again and puts what it gave on show.
    fn rebuild(&mut self, changed: Vec<String>) -> Result<Rebuilt, Fatal> {
        let today = (self.opts.today)();
        let built = site::build(&self.opts.config, &self.opts.cwd, today)?;
        if let Some(w) = built.watch {
            self.watch = w;
        }
        let failed = built.site.is_none();
        if let Some(s) = built.site {
            self.site = Arc::new(s);
        }
        self.generation += 1;
        let status = Status {
            build_id: format!("{}-{}", self.token, self.generation),
            problems: built.problems,
            tally: built.tally,
            stale: failed,
            built_at: chrono::Local::now().format("%H:%M:%S").to_string(),
            took_ms: built.took.as_millis(),
            registers: built.registers,
        };
        let panel = overlay::panel(&status);
        self.shared.publish(Snapshot {
            site: self.site.clone(),
            status,
            panel,
        });
        Ok(Rebuilt {
            changed,
            took: built.took,
            summary: built.summary,
            failed,
            pages: self.site.pages().count(),
        })
    }

    /// Watches the project's files and builds again after every change, telling `on_event`
    /// what happened, until a build cannot go on (a template that loops) or the watcher fails
    /// for good. Ends the answering of requests when it returns.
    pub fn run(mut self, mut on_event: impl FnMut(Event)) -> Result<(), ServeError> {
        let result = self.watch_loop(&mut on_event);
        self.shared.stop.store(true, Ordering::SeqCst);
        self.shared.changed.notify_all();
        self.http.unblock();
        result
    }

    fn watch_loop(&mut self, on_event: &mut impl FnMut(Event)) -> Result<(), ServeError> {
        for w in std::mem::take(&mut self.early_warnings) {
            on_event(Event::Warning(w));
        }
        loop {
            let set = self.watch.clone();
            let changed = watch::next_change(&self.events, &set, QUIET, MAX_WAIT, &mut |e| {
                on_event(Event::Warning(WatchWarning(e)));
            })
            .ok_or_else(|| ServeError::Watch("the watcher stopped".into()))?;
            let shown = changed
                .iter()
                .map(|p| crate::source::display_path(p.strip_prefix(&set.root).unwrap_or(p)))
                .collect();
            let rebuilt = self.rebuild(shown).map_err(ServeError::Fatal)?;
            // A watched directory that was itself made, removed or replaced is watched afresh:
            // the watch of a removed directory does not carry over to its successor.
            for (dir, _) in self.watched.iter().filter(|(d, _)| changed.contains(d)) {
                let _ = self.watcher.unwatch(dir);
            }
            self.watched.retain(|(d, _)| !changed.contains(d));
            self.update_watches(&mut |w| on_event(Event::Warning(w)));
            on_event(Event::Built(rebuilt));
        }
    }

    /// Watches what the project now reads, and no longer what it does not.
    fn update_watches(&mut self, warn: &mut impl FnMut(WatchWarning)) {
        let wanted = self.watch.directories();
        for (dir, depth) in self.watched.iter() {
            if !wanted.contains(&(dir.clone(), *depth)) {
                let _ = self.watcher.unwatch(dir);
            }
        }
        for (dir, depth) in &wanted {
            if self.watched.contains(&(dir.clone(), *depth)) {
                continue;
            }
            let mode = match depth {
                Depth::Entries => RecursiveMode::NonRecursive,
                Depth::All => RecursiveMode::Recursive,
            };
            if let Err(e) = self.watcher.watch(dir, mode) {
                warn(WatchWarning(format!(
                    "cannot watch {}: {e}",
                    crate::source::display_path(dir)
                )));
            }
        }
        self.watched = wanted;
    }
}

/// The project's `seloste.yaml`, as `check` and `build` find it.
pub fn locate(path: Option<&Path>, cwd: &Path) -> Result<PathBuf, Box<crate::Diagnostic>> {
    crate::load::discover_for(Some("seloste serve"), path, cwd)
}
