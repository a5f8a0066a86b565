//! `seloste serve` end to end over HTTP: the binary is started with `--port 0` on a copy of the
//! sample project, its printed URL is read, pages are fetched with a plain `TcpStream`, and
//! files of the project are edited while it runs. Every wait is a bounded poll, never a sleep
//! taken as an assertion.

#![cfg(unix)]

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long anything may take before the test fails (a debug build on two busy cores).
const PATIENCE: Duration = Duration::from_secs(60);

/// A copy of the sample project of this repository: `(tempdir, project path)`.
fn sample() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("project");
    fs::create_dir_all(root.join("notices")).unwrap();
    fs::copy("seloste.yaml", root.join("seloste.yaml")).unwrap();
    for e in fs::read_dir("notices").unwrap() {
        let e = e.unwrap();
        fs::copy(e.path(), root.join("notices").join(e.file_name())).unwrap();
    }
    (tmp, root)
}

/// A running `seloste serve`, stopped when dropped.
struct Serve {
    child: Child,
    lines: mpsc::Receiver<String>,
    seen: Vec<String>,
    port: u16,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Serve {
    fn start(project: &Path) -> Serve {
        let mut child = Command::new(env!("CARGO_BIN_EXE_seloste"))
            .args(["serve", "--port", "0", "--color", "never"])
            .arg(project)
            .env("SELOSTE_TODAY", "2026-11-23")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, lines) = mpsc::channel();
        for stream in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let tx = tx.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines() {
                    let Ok(line) = line else { break };
                    if tx.send(line).is_err() {
                        break;
                    }
                }
            });
        }
        let mut serve = Serve {
            child,
            lines,
            seen: Vec::new(),
            port: 0,
        };
        let line = serve.wait_line(|l| l.starts_with("Serving "));
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no URL in {line:?}"));
        assert!(url.starts_with("http://127.0.0.1:"), "{url}");
        assert!(line.ends_with("(Ctrl-C to stop)"), "{line}");
        serve.port = url
            .trim_start_matches("http://127.0.0.1:")
            .trim_end_matches('/')
            .parse()
            .unwrap();
        serve
    }

    /// The next printed line that `want` accepts.
    fn wait_line(&mut self, want: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if want(&line) {
                        return line;
                    }
                }
                Err(_) => panic!("no such line; printed so far:\n{}", self.seen.join("\n")),
            }
        }
    }

    fn get(&self, target: &str) -> (u16, String) {
        self.get_as(target, &format!("127.0.0.1:{}", self.port))
    }

    /// `GET target` with this `Host` header: the status and the body.
    fn get_as(&self, target: &str, host: &str) -> (u16, String) {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(PATIENCE)).unwrap();
        write!(
            s,
            "GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).unwrap();
        let raw = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or_else(|| panic!("no status in {head:?}"));
        if status == 200 {
            assert!(
                head.to_ascii_lowercase()
                    .contains("cache-control: no-store"),
                "{head}"
            );
        }
        (status, body.to_string())
    }

    /// Fetches `target` until its body satisfies `want`, within [`PATIENCE`].
    fn poll(&self, target: &str, what: &str, want: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let (status, body) = self.get(target);
            if status == 200 && want(&body) {
                return body;
            }
            assert!(
                Instant::now() < deadline,
                "{target} never showed {what}; last:\n{body}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn an_edit_changes_the_page_and_a_broken_file_keeps_the_last_pages_with_its_errors() {
    let (_tmp, root) = sample();
    let mut serve = Serve::start(&root);
    serve.wait_line(|l| l.contains("built in") && l.contains("4 registers checked"));

    let index = serve.poll("/", "the controller", |b| {
        b.contains("Lääkäriasema Koivula Oy")
    });
    // A draft preview with the panel and the live-reload script; no problems in the sample.
    assert!(index.contains("LUONNOS"), "{index}");
    assert!(index.contains("id=\"seloste-serve\""));
    assert!(index.contains("no problems"));
    assert!(index.contains("src=\"/__seloste/live.js\""));
    let (status, page) = serve.get("/asiakasrekisteri.html");
    assert_eq!(status, 200);
    assert!(page.contains("Asiakasrekisteri"));
    // Without its extension too, and the Markdown as it is, without the panel.
    assert_eq!(serve.get("/asiakasrekisteri").0, 200);
    let (status, md) = serve.get("/asiakasrekisteri.md");
    assert_eq!(status, 200);
    assert!(!md.contains("seloste-serve"));
    let (status, script) = serve.get("/__seloste/live.js");
    assert_eq!(status, 200);
    assert!(script.contains("EventSource"));

    // An edit of seloste.yaml shows on the page.
    let config = root.join("seloste.yaml");
    edit(
        &config,
        "name: Lääkäriasema Koivula Oy",
        "name: Lääkäriasema Kuusela Oy",
    );
    serve.poll("/", "the new name", |b| {
        b.contains("Lääkäriasema Kuusela Oy")
    });
    serve.wait_line(|l| l.contains("seloste.yaml changed: built in"));

    // A finding at error level: the draft marks it, and the panel lists it with its place.
    let register = root.join("notices/rekrytointi.yaml");
    let text = fs::read_to_string(&register).unwrap();
    let broken = text.replacen("    legal_basis: contract\n", "", 1);
    assert_ne!(broken, text);
    fs::write(&register, &broken).unwrap();
    let page = serve.poll("/rekrytointi.html", "the error in the panel", |b| {
        b.contains("missing-legal-basis")
    });
    assert!(page.contains("notices/rekrytointi.yaml:"), "{page}");
    assert!(page.contains("class=\"seloste-serve-error\""), "{page}");
    assert!(
        page.contains("KORJATTAVAA"),
        "the draft marks the finding in place"
    );

    // seloste.yaml that cannot be read: the last pages stay, with the input error.
    fs::write(&register, &text).unwrap();
    let good = fs::read_to_string(&config).unwrap();
    fs::write(
        &config,
        good.replace(
            "name: Lääkäriasema Kuusela Oy",
            "name: \"Lääkäriasema Kuusela Oy",
        ),
    )
    .unwrap();
    let page = serve.poll("/", "the input error", |b| b.contains("yaml-syntax"));
    assert!(page.contains("Lääkäriasema Kuusela Oy"), "{page}");
    assert!(page.contains("the last build that worked"));
    assert!(page.contains("seloste.yaml:"));
    serve.wait_line(|l| l.contains("cannot be built"));

    // Fixed: served afresh.
    fs::write(&config, good.replace("Kuusela", "Kaskela")).unwrap();
    let page = serve.poll("/", "the fixed project", |b| {
        b.contains("Lääkäriasema Kaskela Oy")
    });
    assert!(!page.contains("the last build that worked"));

    // Serving never writes the project's output directory.
    assert!(!root.join("dist").exists());
}

#[test]
fn only_what_the_build_produced_is_served_and_only_to_our_own_host() {
    let (tmp, root) = sample();
    // Things a request might reach for: a secret beside the project, a link out of it.
    fs::write(tmp.path().join("secret.txt"), "SECRET-BESIDE").unwrap();
    fs::create_dir_all(root.join("public")).unwrap();
    std::os::unix::fs::symlink(tmp.path().join("secret.txt"), root.join("public/leak.html"))
        .unwrap();
    std::os::unix::fs::symlink(tmp.path().join("secret.txt"), root.join("leak.html")).unwrap();
    let serve = Serve::start(&root);
    serve.poll("/", "the index", |b| b.contains("Koivula"));

    for target in [
        "/../secret.txt",
        "/../project/seloste.yaml",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/..%2fsecret.txt",
        "/..%5csecret.txt",
        "//etc/passwd",
        "/notices/../../secret.txt",
        "/index.html%00",
    ] {
        let (status, body) = serve.get(target);
        assert_eq!(status, 400, "{target}: {body}");
        assert!(!body.contains("SECRET"), "{target}");
    }
    // Not produced by the build, however the project holds them.
    for target in [
        "/seloste.yaml",
        "/notices/asiakasrekisteri.yaml",
        "/leak.html",
        "/public/leak.html",
        "/etc/passwd",
        "/.seloste-manifest",
    ] {
        let (status, body) = serve.get(target);
        assert_eq!(status, 404, "{target}: {body}");
        assert!(!body.contains("SECRET"), "{target}");
        assert!(!body.contains("controller:"), "{target}");
        // The page lists what there is.
        assert!(body.contains("href=\"/index.html\""), "{body}");
    }
    // An absolute path, a request in absolute form: refused.
    assert_eq!(serve.get("http://127.0.0.1/../secret.txt").0, 400);

    // DNS rebinding: a page of another site, its name pointed at 127.0.0.1, sends its name.
    for host in [
        "evil.example",
        &format!("evil.example:{}", serve.port),
        "localhost.evil.example",
    ] {
        let (status, body) = serve.get_as("/", host);
        assert_eq!(status, 403, "{host}");
        assert!(!body.contains("Koivula"));
    }
    assert_eq!(
        serve.get_as("/", &format!("localhost:{}", serve.port)).0,
        200
    );
    assert_eq!(serve.get_as("/", &format!("[::1]:{}", serve.port)).0, 200);
}

/// The `seloste serve` lines of the shell block of "Previewing while you edit" in
/// docs/publishing.md.
fn documented_commands() -> Vec<String> {
    let doc = fs::read_to_string("docs/publishing.md").unwrap();
    let section = doc
        .split("## Previewing while you edit")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("docs/publishing.md has the section");
    let block = section
        .split("```sh\n")
        .nth(1)
        .and_then(|s| s.split("```").next())
        .expect("the section has a shell block");
    block
        .lines()
        .map(|l| l.split('#').next().unwrap_or_default().trim().to_string())
        .filter(|l| l.starts_with("seloste serve"))
        .collect()
}

#[test]
fn the_documented_commands_serve_and_ctrl_c_ends_them_leaving_nothing() {
    let commands = documented_commands();
    assert!(commands.len() >= 3, "{commands:?}");
    for line in commands {
        // Run from a directory holding the project as `tietosuoja/`, or from inside it.
        let (tmp, root) = sample();
        let project = tmp.path().join("tietosuoja");
        fs::rename(&root, &project).unwrap();
        let mut args: Vec<&str> = line.split_whitespace().skip(1).collect();
        let dir = if args.len() > 1 && !args[1].starts_with('-') {
            tmp.path().to_path_buf()
        } else {
            project.clone()
        };
        if !args.contains(&"--port") {
            // Never the default port: another run may hold it.
            args.extend(["--port", "0"]);
        }
        let before = listing(tmp.path());
        let mut child = Command::new(env!("CARGO_BIN_EXE_seloste"))
            .args(&args)
            .args(["--color", "never"])
            .current_dir(&dir)
            .env("SELOSTE_TODAY", "2026-11-23")
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        let mut err = BufReader::new(child.stderr.take().unwrap());
        let mut printed = String::new();
        while !printed.contains("built in") {
            let mut line = String::new();
            let n = err.read_line(&mut line).unwrap();
            assert!(n > 0, "`{line}` ended early: {printed}");
            printed.push_str(&line);
        }
        assert!(printed.contains("Serving "), "{printed}");
        assert!(printed.contains("4 registers checked"), "{printed}");
        // Ctrl-C.
        let status = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let deadline = Instant::now() + PATIENCE;
        loop {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            assert!(Instant::now() < deadline, "`{line}` did not end on Ctrl-C");
            std::thread::sleep(Duration::from_millis(50));
        }
        assert_eq!(listing(tmp.path()), before, "`{line}` left files behind");
    }
}

/// Every path under `dir`, sorted.
fn listing(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                todo.push(p.clone());
            }
            out.push(p);
        }
    }
    out.sort();
    out
}

#[test]
fn the_help_shows_examples() {
    let out = Command::new(env!("CARGO_BIN_EXE_seloste"))
        .args(["serve", "--help"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for want in [
        "Examples:",
        "seloste serve --port 0",
        "--bind",
        "127.0.0.1",
        "4747",
    ] {
        assert!(help.contains(want), "{want}: {help}");
    }
}

#[test]
fn a_register_directory_removed_and_made_again_is_watched_again() {
    let (tmp, root) = sample();
    let mut serve = Serve::start(&root);
    serve.poll("/", "the index", |b| b.contains("Koivula"));
    let notices = root.join("notices");
    let aside = tmp.path().join("aside");
    fs::create_dir(&aside).unwrap();
    for e in fs::read_dir(&notices).unwrap() {
        let e = e.unwrap();
        fs::copy(e.path(), aside.join(e.file_name())).unwrap();
    }
    // Removed and made again at once, as a `git checkout` may: one burst, one build. Removed,
    // not renamed: a watch follows a renamed directory, not a new one of its name.
    fs::remove_dir_all(&notices).unwrap();
    fs::create_dir(&notices).unwrap();
    for e in fs::read_dir(&aside).unwrap() {
        let e = e.unwrap();
        fs::copy(e.path(), notices.join(e.file_name())).unwrap();
    }
    serve.wait_line(|l| l.contains("notices") && l.contains("built in"));
    serve.poll("/", "the registers again", |b| {
        !b.contains("the last build that worked")
    });
    // Edits in the directory made again reach the page.
    edit(
        &notices.join("asiakasrekisteri.yaml"),
        "title: Asiakasrekisteri",
        "title: Asiakasrekisteri uudelleen",
    );
    serve.poll("/", "the edit in the new directory", |b| {
        b.contains("Asiakasrekisteri uudelleen")
    });
}

#[test]
fn a_template_that_never_ends_ends_serve() {
    let (_tmp, root) = sample();
    fs::create_dir(root.join("templates")).unwrap();
    fs::write(
        root.join("templates/index.md"),
        "{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% for k in range(end=100000) %}{% endfor %}{% endfor %}{% endfor %}",
    )
    .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_seloste"))
        .args(["serve", "--port", "0", "--color", "never"])
        .arg(&root)
        .env("SELOSTE_RENDER_TIMEOUT", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + PATIENCE;
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("seloste serve went on with a template that never ends");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(status.code(), Some(2), "{err}");
    assert!(err.contains("longer than 1 s"), "{err}");
}
