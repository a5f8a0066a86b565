//! The HTTP side of `seloste serve`: which requests are answered, and with what. Only what the
//! build produced is served, looked up by name in memory (no path reaches the file system); a
//! request whose `Host` is not this server's own address, `localhost` or an IP address is
//! refused (DNS rebinding); every answer says `Cache-Control: no-store`.

use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use tiny_http::{Header, Method, Request, Response, StatusCode};

use super::overlay::{self, EVENTS_PATH, SCRIPT_PATH, STYLE_PATH};
use super::{Shared, Snapshot};

/// What a request asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// A file of the build, by its output path (`index.html`, `fragment/x.html`): looked up as
    /// it is, then (for a name without an extension) with `.html`.
    File(String),
    /// The live-reload script.
    Script,
    /// The panel's stylesheet.
    Style,
    /// The stream of build events.
    Events,
}

/// Why a request path is refused outright (400): it is not a plain path of the site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadPath;

/// The route of a request target (`/a/b.html?x#y`): percent-decoded, and refused when it holds
/// a `.` or `..` step, an empty step (`//`), a backslash, a control character, or is not
/// UTF-8. A bare directory (`/`, `/fragment/`) asks for its `index.html`.
pub fn route(target: &str) -> Result<Route, BadPath> {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let rest = path.strip_prefix('/').ok_or(BadPath)?;
    let decoded = percent_decode(rest).ok_or(BadPath)?;
    match format!("/{decoded}").as_str() {
        SCRIPT_PATH => return Ok(Route::Script),
        STYLE_PATH => return Ok(Route::Style),
        EVENTS_PATH => return Ok(Route::Events),
        _ => {}
    }
    if decoded.chars().any(|c| c.is_control() || c == '\\') {
        return Err(BadPath);
    }
    let (dirs, name) = match decoded.rsplit_once('/') {
        Some((dirs, name)) => (Some(dirs), name),
        None => (None, decoded.as_str()),
    };
    if let Some(dirs) = dirs
        && dirs
            .split('/')
            .any(|step| step.is_empty() || step == "." || step == "..")
    {
        return Err(BadPath);
    }
    if name == "." || name == ".." {
        return Err(BadPath);
    }
    Ok(Route::File(if name.is_empty() {
        format!("{decoded}index.html")
    } else {
        decoded
    }))
}

/// `s` with its `%XX` escapes decoded, or `None` when one is malformed or the result is not
/// UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Whether a request with this `Host` header may be answered by a server bound to `bound`: the
/// name `localhost`, a loopback address, the bound address, or — when bound to every address
/// (`0.0.0.0`, `::`) — any IP address, with the bound port if it names one. A page of another
/// site whose name an attacker points at 127.0.0.1 (DNS rebinding) sends its own name, and is
/// refused.
pub fn host_allowed(host: Option<&str>, bound: SocketAddr) -> bool {
    let Some(host) = host.map(str::trim) else {
        return false;
    };
    let (name, port) = if let Some(v6) = host.strip_prefix('[') {
        let Some((name, rest)) = v6.split_once(']') else {
            return false;
        };
        match rest {
            "" => (name, None),
            _ => match rest.strip_prefix(':') {
                Some(p) => (name, Some(p)),
                None => return false,
            },
        }
    } else {
        match host.split_once(':') {
            Some((name, p)) => (name, Some(p)),
            None => (host, None),
        }
    };
    if let Some(p) = port
        && p.parse::<u16>().ok() != Some(bound.port())
    {
        return false;
    }
    let name = name.strip_suffix('.').unwrap_or(name);
    if name.eq_ignore_ascii_case("localhost") {
        return true;
    }
    match name.parse::<IpAddr>() {
        Ok(ip) => ip.is_loopback() || ip == bound.ip() || bound.ip().is_unspecified(),
        Err(_) => false,
    }
}

/// The content type of an output file, by its extension.
pub fn content_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, ext)| ext) {
        Some("html") => "text/html; charset=utf-8",
        Some("md") => "text/markdown; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

fn header(name: &str, value: &str) -> Header {
    // Both are ASCII chosen here, never from a request or the project.
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("an ASCII header")
}

fn answer(status: u16, content_type: &str, body: Vec<u8>) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(body)
        .with_status_code(StatusCode(status))
        .with_header(header("Content-Type", content_type))
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header("X-Content-Type-Options", "nosniff"))
}

fn text(status: u16, body: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    answer(
        status,
        "text/plain; charset=utf-8",
        body.as_bytes().to_vec(),
    )
}

/// How many event streams may be open at once (each holds a thread).
pub const MAX_STREAMS: usize = 64;

/// Answers one request.
pub fn handle(request: Request, shared: &Arc<Shared>, bound: SocketAddr) {
    let host = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str().to_string());
    let response = if !host_allowed(host.as_deref(), bound) {
        text(
            403,
            "seloste serve answers only requests for its own address (localhost); see docs/security.md\n",
        )
    } else if !matches!(request.method(), Method::Get | Method::Head) {
        text(405, "seloste serve answers only GET and HEAD\n")
    } else {
        match route(request.url()) {
            Err(BadPath) => text(400, "not a path of this site\n"),
            Ok(Route::Script) => answer(
                200,
                content_type(".js"),
                overlay::SCRIPT.as_bytes().to_vec(),
            ),
            Ok(Route::Style) => answer(
                200,
                content_type(".css"),
                overlay::STYLE.as_bytes().to_vec(),
            ),
            Ok(Route::Events) => return stream_events(request, shared),
            Ok(Route::File(path)) => page(&shared.current(), &path),
        }
    };
    // The client may have gone; nothing to tell anyone.
    let _ = request.respond(response);
}

/// A file of the current build, HTML pages with the panel and the script; or the page that
/// lists them (404).
fn page(snapshot: &Snapshot, path: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let found = snapshot
        .site
        .get(path)
        .map(|b| (path.to_string(), b))
        .or_else(|| {
            let last = path.rsplit('/').next().unwrap_or(path);
            (!last.contains('.'))
                .then(|| format!("{path}.html"))
                .and_then(|p| snapshot.site.get(&p).map(|b| (p, b)))
        });
    match found {
        Some((path, bytes)) if path.ends_with(".html") => {
            let page = String::from_utf8_lossy(bytes);
            answer(
                200,
                content_type(&path),
                overlay::inject(&page, &snapshot.panel).into_bytes(),
            )
        }
        Some((path, bytes)) => answer(200, content_type(&path), bytes.to_vec()),
        None => {
            let pages: Vec<&str> = snapshot.site.pages().collect();
            answer(
                404,
                content_type(".html"),
                overlay::not_found(&pages, &snapshot.status).into_bytes(),
            )
        }
    }
}

/// The Server-Sent Events stream: the current build's id at once, then after every build, and a
/// comment every 15 s (which also finds a reader that has gone). On a thread of its own, at
/// most [`MAX_STREAMS`] at once.
fn stream_events(request: Request, shared: &Arc<Shared>) {
    if shared.streams.fetch_add(1, Ordering::SeqCst) >= MAX_STREAMS {
        shared.streams.fetch_sub(1, Ordering::SeqCst);
        let _ = request.respond(text(503, "too many open event streams\n"));
        return;
    }
    let mine = shared.clone();
    let spawned = std::thread::Builder::new()
        .name("seloste-serve-events".into())
        .spawn(move || {
            let mut out = request.into_writer();
            let _ = events(&mut out, &mine);
            mine.streams.fetch_sub(1, Ordering::SeqCst);
        });
    if spawned.is_err() {
        // Out of threads: the request went with the closure, unanswered; its count goes back.
        shared.streams.fetch_sub(1, Ordering::SeqCst);
    }
}

fn events(out: &mut dyn Write, shared: &Shared) -> std::io::Result<()> {
    out.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\
          X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\nretry: 1000\n\n",
    )?;
    let mut sent = String::new();
    loop {
        let id = shared.wait_for_build(&sent, Duration::from_secs(15));
        if id == sent {
            out.write_all(b": waiting\n\n")?;
        } else {
            out.write_all(format!("data: {id}\n\n").as_bytes())?;
            sent = id;
        }
        out.flush()?;
        if shared.stopping() {
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(p: &str) -> Result<Route, BadPath> {
        Ok(Route::File(p.to_string()))
    }

    #[test]
    fn paths_resolve_to_names_of_the_build() {
        assert_eq!(route("/"), file("index.html"));
        assert_eq!(
            route("/asiakasrekisteri.html"),
            file("asiakasrekisteri.html")
        );
        assert_eq!(route("/asiakasrekisteri"), file("asiakasrekisteri"));
        assert_eq!(route("/index.html?x=1#top"), file("index.html"));
        assert_eq!(route("/fragment/"), file("fragment/index.html"));
        assert_eq!(route("/ty%C3%B6nhakijat.html"), file("työnhakijat.html"));
        assert_eq!(route("/__seloste/live.js"), Ok(Route::Script));
        assert_eq!(route("/__seloste/events"), Ok(Route::Events));
        assert_eq!(route("/__seloste/overlay.css"), Ok(Route::Style));
    }

    #[test]
    fn traversal_and_odd_spellings_are_refused() {
        for bad in [
            "/../seloste.yaml",
            "/a/../../etc/passwd",
            "/%2e%2e/seloste.yaml",
            "/%2E%2E%2Fseloste.yaml",
            "/..%2fseloste.yaml",
            "/./index.html",
            "/..",
            "//etc/passwd",
            "/a//b.html",
            "/..\\seloste.yaml",
            "/%5c..%5cseloste.yaml",
            "/index.html%00",
            "/%0aindex.html",
            "/%zz",
            "/%",
            "/%ff.html",
            "etc/passwd",
            "http://evil.example/index.html",
            "",
        ] {
            assert_eq!(route(bad), Err(BadPath), "{bad}");
        }
    }

    #[test]
    fn only_our_own_hosts_are_answered() {
        let local: SocketAddr = "127.0.0.1:4747".parse().unwrap();
        for ok in [
            "127.0.0.1:4747",
            "localhost:4747",
            "LocalHost:4747",
            "localhost.:4747",
            "localhost",
            "[::1]:4747",
            "127.0.0.2:4747",
        ] {
            assert!(host_allowed(Some(ok), local), "{ok}");
        }
        for refused in [
            "evil.example:4747",
            "evil.example",
            "localhost.evil.example:4747",
            "127.0.0.1.nip.io:4747",
            "localhost:80",
            "127.0.0.1:4748",
            "192.168.1.5:4747",
            "[::1",
            "[::1]x",
            "",
        ] {
            assert!(!host_allowed(Some(refused), local), "{refused}");
        }
        assert!(!host_allowed(None, local));
        // Bound to every address: any IP address, still no name but localhost.
        let any: SocketAddr = "0.0.0.0:4747".parse().unwrap();
        assert!(host_allowed(Some("192.168.1.5:4747"), any));
        assert!(!host_allowed(Some("intranet.example:4747"), any));
        let lan: SocketAddr = "192.168.1.5:4747".parse().unwrap();
        assert!(host_allowed(Some("192.168.1.5:4747"), lan));
        assert!(!host_allowed(Some("192.168.1.6:4747"), lan));
    }

    #[test]
    fn content_types_follow_the_extension() {
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("x.md"), "text/markdown; charset=utf-8");
        assert_eq!(content_type("x"), "application/octet-stream");
    }
}
