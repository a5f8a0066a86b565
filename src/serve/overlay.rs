//! What `seloste serve` adds to the pages it serves (never to built files): a panel listing the
//! current diagnostics, and a small script that reloads the page when the project is built
//! again. Every user-derived string — paths, messages, help — is HTML-escaped here. The panel's
//! words are English, as `seloste check`'s are: it is a tool for whoever edits the notices, not
//! part of the notice.

use super::site::Problem;
use crate::diagnostic::Tally;
use crate::report;

/// The live-reload script, served at [`SCRIPT_PATH`]: listens on [`EVENTS_PATH`] and reloads the
/// page when the build it was served from is no longer the current one.
pub const SCRIPT: &str = include_str!("live.js");
/// The panel's stylesheet, served at [`STYLE_PATH`].
pub const STYLE: &str = include_str!("overlay.css");
/// Where the script is served (a file of its own, so that a page whose template sets a
/// Content-Security-Policy of `script-src 'self'` still runs it).
pub const SCRIPT_PATH: &str = "/__seloste/live.js";
/// Where the stylesheet is served.
pub const STYLE_PATH: &str = "/__seloste/overlay.css";
/// The Server-Sent Events stream: one event with the current build's id on connecting and
/// after every build.
pub const EVENTS_PATH: &str = "/__seloste/events";

/// What the panel says about the build whose pages are served.
#[derive(Clone, Debug, Default)]
pub struct Status {
    /// The build's id (the server's and the build's number): the page reloads when it changes.
    pub build_id: String,
    /// The diagnostics of the latest build.
    pub problems: Vec<Problem>,
    /// Their counts.
    pub tally: Tally,
    /// The pages are those of an earlier build: the latest could not read or render the
    /// project.
    pub stale: bool,
    /// When the latest build ran (local time, `HH:MM:SS`).
    pub built_at: String,
    /// How long it took, in milliseconds.
    pub took_ms: u128,
    /// The registers found.
    pub registers: usize,
}

/// Escapes `s` for HTML text and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The panel's one-line summary, e.g. `2 errors, 1 warning`.
pub fn counts(t: &Tally) -> String {
    report::counts(t).unwrap_or_else(|| "no problems".to_string())
}

/// The panel and the script tag, to put at the end of a page's `<body>`. The panel is open
/// when the build has errors, and closed to one line when it has none.
pub fn panel(status: &Status) -> String {
    let t = &status.tally;
    let tone = if status.stale || t.input_errors > 0 || t.errors > 0 {
        "error"
    } else if t.warnings > 0 {
        "warning"
    } else {
        "ok"
    };
    let open = if tone == "error" { " open" } else { "" };
    let mut html = String::with_capacity(512 + status.problems.len() * 256);
    html.push_str(&format!(
        "<link rel=\"stylesheet\" href=\"{STYLE_PATH}\">\n\
         <aside id=\"seloste-serve\" class=\"seloste-serve-{tone}\" aria-label=\"seloste serve\" data-problems=\"{}\">\n\
         <details id=\"seloste-serve-details\"{open}>\n<summary><span class=\"seloste-serve-name\">seloste serve</span> \
         <span class=\"seloste-serve-counts\">{}</span> <span class=\"seloste-serve-time\">built {} in {} ms · {}draft preview</span></summary>\n",
        status.problems.len(),
        escape(&counts(t)),
        escape(&status.built_at),
        status.took_ms,
        match status.registers {
            0 => String::new(),
            n => format!("{} · ", report::plural(n, "register", "registers")),
        },
    ));
    if status.stale {
        html.push_str(
            "<p class=\"seloste-serve-stale\">The project cannot be built: what you see is the last build that worked. Fix the problems below; the page reloads by itself.</p>\n",
        );
    }
    if status.problems.is_empty() {
        html.push_str("<p class=\"seloste-serve-none\">Every register passes <code>seloste check</code>.</p>\n");
    } else {
        html.push_str("<ol class=\"seloste-serve-list\">\n");
        for p in &status.problems {
            let class = match p.level {
                "warning" => "warning",
                _ => "error",
            };
            html.push_str(&format!(
                "<li class=\"seloste-serve-{class}\"><code class=\"seloste-serve-at\">{}</code> <strong>{}</strong> <code class=\"seloste-serve-code\">{}</code> <span class=\"seloste-serve-message\">{}</span>",
                escape(if p.at.is_empty() { "(project)" } else { &p.at }),
                escape(p.level),
                escape(p.code),
                escape(&p.message),
            ));
            for h in &p.help {
                html.push_str(&format!(
                    "<span class=\"seloste-serve-help\">help: {}</span>",
                    escape(h)
                ));
            }
            html.push_str("</li>\n");
        }
        html.push_str("</ol>\n");
    }
    html.push_str("</details>\n</aside>\n");
    // Room at the page's foot, so that the docked panel hides none of it when scrolled down.
    html.push_str("<div id=\"seloste-serve-spacer\"></div>\n");
    html.push_str(&script_tag(&status.build_id));
    html
}

/// The tag that loads the live-reload script, naming the build the page comes from.
pub fn script_tag(build_id: &str) -> String {
    format!(
        "<script src=\"{SCRIPT_PATH}\" data-build=\"{}\"></script>\n",
        escape(build_id)
    )
}

/// `page` with `addition` put before its last `</body>`, or at its end when it has none (a
/// project's own `page.html` may leave it out).
pub fn inject(page: &str, addition: &str) -> String {
    let lower = page.to_ascii_lowercase();
    let at = lower.rfind("</body").unwrap_or(page.len());
    let mut out = String::with_capacity(page.len() + addition.len());
    out.push_str(&page[..at]);
    out.push_str(addition);
    out.push_str(&page[at..]);
    out
}

/// The page served for a path the build did not produce: the pages it did, and the panel.
pub fn not_found(pages: &[&str], status: &Status) -> String {
    let mut html = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Not found – seloste serve</title>\n</head>\n<body>\n<main>\n<h1>Not found</h1>\n",
    );
    if pages.is_empty() {
        html.push_str("<p>The project has no pages yet: see the problems below.</p>\n");
    } else {
        html.push_str("<p>The build has these pages:</p>\n<ul>\n");
        for p in pages {
            html.push_str(&format!(
                "<li><a href=\"/{}\">{}</a></li>\n",
                escape(p),
                escape(p)
            ));
        }
        html.push_str("</ul>\n");
    }
    html.push_str("</main>\n");
    html.push_str(&panel(status));
    html.push_str("</body>\n</html>\n");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(message: &str) -> Problem {
        Problem {
            at: "notices/<x>.yaml:3:1".into(),
            level: "error",
            code: "missing-legal-basis",
            message: message.into(),
            help: vec!["add `legal_basis: <b>`".into()],
        }
    }

    #[test]
    fn every_user_string_in_the_panel_is_escaped() {
        let status = Status {
            build_id: "1-\"><script>".into(),
            problems: vec![problem("unknown key `<script>alert(1)</script>` & \"'")],
            tally: Tally {
                errors: 1,
                ..Tally::default()
            },
            built_at: "<b>".into(),
            registers: 1,
            ..Status::default()
        };
        let html = panel(&status);
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(!html.contains("<x>"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(html.contains("`&lt;script&gt;alert(1)&lt;/script&gt;` &amp; &quot;&#39;"));
        assert!(html.contains("notices/&lt;x&gt;.yaml:3:1"));
        assert!(html.contains("help: add `legal_basis: &lt;b&gt;`"));
        // The only script is ours, and the build id cannot leave its attribute.
        assert_eq!(html.matches("<script").count(), 1);
        assert!(html.contains("data-build=\"1-&quot;&gt;&lt;script&gt;\""));
        // Errors open the panel.
        assert!(html.contains("<details id=\"seloste-serve-details\" open>"));
    }

    #[test]
    fn a_clean_build_closes_the_panel_to_one_line() {
        let html = panel(&Status::default());
        assert!(html.contains("<details id=\"seloste-serve-details\">"));
        assert!(html.contains("no problems"));
        let stale = panel(&Status {
            stale: true,
            ..Status::default()
        });
        assert!(stale.contains("the last build that worked"));
        assert!(stale.contains(" open>"));
    }

    #[test]
    fn the_panel_goes_before_the_end_of_the_body() {
        assert_eq!(
            inject("<html><body><p>x</p></BODY></html>", "<i>"),
            "<html><body><p>x</p><i></BODY></html>"
        );
        // Text that merely mentions </body> earlier is left alone: the last one counts.
        assert_eq!(
            inject("<p>&lt;/body&gt;</p></body>", "<i>"),
            "<p>&lt;/body&gt;</p><i></body>"
        );
        assert_eq!(inject("no body", "<i>"), "no body<i>");
    }

    #[test]
    fn the_script_listens_to_the_events_and_reloads_on_a_new_build() {
        assert!(SCRIPT.contains("EventSource"));
        assert!(SCRIPT.contains(EVENTS_PATH));
        assert!(SCRIPT.contains("location.reload()"));
        assert!(SCRIPT.contains("data-build"));
        assert!(script_tag("7-2").contains("src=\"/__seloste/live.js\" data-build=\"7-2\""));
    }

    #[test]
    fn the_not_found_page_escapes_the_page_names() {
        let html = not_found(&["a<b>.html"], &Status::default());
        assert!(html.contains("href=\"/a&lt;b&gt;.html\""));
        assert!(!html.contains("a<b>"));
    }
}
