//! The security boundary of the Markdown output: every user string passes here before it
//! reaches a `.md` file, and what comes out can hold nothing but what it says.
//!
//! seloste's Markdown goes to consumers that render raw HTML (Hugo, Zola, pandoc, CMSs), so
//! nothing a user writes may become HTML, a link to an unsafe scheme, a heading, or a block
//! that outlives the place (the *slot*) the template put it in. User Markdown is parsed with
//! pulldown-cmark, only a whitelist of constructs is kept (paragraphs, lists, quotes, code,
//! emphasis, links to http, https, mailto and tel), and it is written back in a canonical form
//! for its slot:
//!
//! - [`escape`]: a plain string shown literally, anywhere on a line;
//! - [`inline`]: one line (headings, list items, labelled lines, link text);
//! - [`cell`]: one line inside a GFM table cell, where `|` ends the cell even in code;
//! - [`block`]: blocks of their own, which may also follow a label on its line;
//! - [`autolink`] and [`link`]: link destinations, percent-encoded where they must be.
//!
//! Within [`with_base`], a relative link in user text is first made absolute against the
//! project's `settings.base_url` ([`BaseUrl::resolve`]); the result passes the same rules as
//! any other address.
//!
//! The HTML page is made from the notice's Markdown through the same policy: [`notice_events`]
//! is the one place its events are filtered (raw HTML becomes text, only safe links remain),
//! and [`html`](super::html) writes what passes.
//!
//! [`check_structure`] is the oracle that the property tests and the fuzz target share: it
//! places the output of each function in the slots a template uses and checks, by parsing the
//! result as a consumer would, that the document kept the template's structure and holds no
//! raw HTML.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

use std::cell::RefCell;

use super::links::{BaseUrl, is_in_page_anchor, is_relative_target, reference_id};

thread_local! {
    /// The base that relative links in user text are resolved against, set by [`with_base`].
    static BASE: RefCell<Option<BaseUrl>> = const { RefCell::new(None) };
}

/// Runs `f` with relative link targets in user text resolved against `base` (none: they are
/// shown as their text, as without). The view of one page is made inside one call, so every
/// text of the page sees the same base; the previous base is restored even if `f` panics.
pub fn with_base<R>(base: Option<BaseUrl>, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<BaseUrl>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = self.0.take();
            BASE.with(|b| *b.borrow_mut() = previous);
        }
    }
    let _restore = Restore(BASE.with(|b| b.replace(base)));
    f()
}

/// `dest` made absolute against the current base, if it is a relative target and a base is set.
fn resolved(dest: &str) -> Option<String> {
    BASE.with(|b| b.borrow().as_ref().and_then(|b| b.resolve(dest)))
}

/// Where in a template a text goes; decides how it is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    /// On one line among other text.
    Inline,
    /// On one line in a GFM table cell.
    Cell,
    /// On one line as the text of the template's own link, where no link may be.
    LinkText,
    /// Blocks of its own.
    Block,
}

/// Whether a link target may be kept: http, https, mailto and tel only (the scheme in any
/// case), or an in-page `#anchor`.
pub fn is_safe_url(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:", "tel:"]
        .iter()
        .any(|s| u.starts_with(s))
        || u.starts_with('#')
}

/// Whether `url` is a relative reference to another page of the same site (`a.html`,
/// `../x/`, `/tietosuoja/`): no scheme, no host, and nothing a browser could turn into one
/// (backslashes, whitespace and control characters are refused outright).
pub fn is_relative_url(url: &str) -> bool {
    !url.is_empty()
        && !url.starts_with("//")
        && !url
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
        && url
            .split(['/', '?', '#'])
            .next()
            .is_some_and(|first| !first.contains(':'))
}

/// The events of the rendered notice's Markdown for its HTML page, filtered by the policy that
/// made its user text safe, so that the page can hold nothing the Markdown could not:
///
/// - raw HTML (from a template a project overrides) is text, an HTML block a paragraph;
/// - a link survives only to http, https, mailto or tel, an in-page anchor, or a relative
///   address of another page of the site (the index's links: user text never carries a
///   relative link this far, see `user_events`); an e-mail autolink gets its `mailto:`; a
///   link's title goes;
/// - images go (their description stays as text); a heading keeps its id but no classes or
///   other attributes; a code block loses its info string;
/// - only the constructs a notice uses pass: anything else is left out, its text kept.
///
/// No [`Event::Html`] or [`Event::InlineHtml`] leaves here: the HTML writer's own markup is
/// the only markup of the page.
pub fn notice_events(markdown: &str) -> Vec<Event<'_>> {
    let opts = Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut out = Vec::new();
    let mut link_stack: Vec<bool> = Vec::new();
    for e in Parser::new_ext(markdown, opts) {
        match e {
            Event::Html(h) | Event::InlineHtml(h) => out.push(Event::Text(h)),
            Event::Start(Tag::HtmlBlock) => out.push(Event::Start(Tag::Paragraph)),
            Event::End(TagEnd::HtmlBlock) => out.push(Event::End(TagEnd::Paragraph)),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                id,
                ..
            }) => {
                let dest_url: CowStr<'_> = if link_type == LinkType::Email {
                    format!("mailto:{dest_url}").into()
                } else {
                    dest_url
                };
                let ok = is_safe_url(&dest_url) || is_relative_url(&dest_url);
                link_stack.push(ok);
                if ok {
                    out.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title: "".into(),
                        id,
                    }));
                }
            }
            Event::End(TagEnd::Link) => {
                if link_stack.pop().unwrap_or(false) {
                    out.push(Event::End(TagEnd::Link));
                }
            }
            Event::Start(Tag::Heading { level, id, .. }) => out.push(Event::Start(Tag::Heading {
                level,
                id,
                classes: Vec::new(),
                attrs: Vec::new(),
            })),
            Event::Start(Tag::CodeBlock(_)) => {
                out.push(Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)))
            }
            e @ (Event::Start(
                Tag::Paragraph
                | Tag::BlockQuote(_)
                | Tag::List(_)
                | Tag::Item
                | Tag::Emphasis
                | Tag::Strong
                | Tag::Table(_)
                | Tag::TableHead
                | Tag::TableRow
                | Tag::TableCell,
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::List(_)
                | TagEnd::Item
                | TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Table
                | TagEnd::TableHead
                | TagEnd::TableRow
                | TagEnd::TableCell,
            )
            | Event::Text(_)
            | Event::Code(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::Rule) => out.push(e),
            Event::FootnoteReference(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                out.push(Event::Text(t))
            }
            // Images and whatever else the parser may give: the text inside stays.
            Event::Start(_) | Event::End(_) | Event::TaskListMarker(_) => {}
        }
    }
    out
}

/// Escapes `s` so that CommonMark shows it literally. Newlines become spaces and blanks at
/// either end go: a plain value is one line, and blanks after a list marker would make code. Characters that start a construct anywhere are backslash-escaped; those that do
/// so only at the start of a line are escaped there. The result is safe in every slot, table
/// cells included (`\|` is a pipe in a cell and outside one).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_into(s.replace(['\r', '\n'], " ").trim(), true, &mut out);
    out
}

/// The escape function for tera's autoescape of `.md` templates.
pub fn escape_fn(s: &str, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    w.write_all(escape(s).as_bytes())
}

/// The columns `c` takes at column `col` (a tab stops at the next multiple of 4).
fn width(c: char, col: usize) -> usize {
    if c == '\t' { 4 - col % 4 } else { 1 }
}

fn escape_into(s: &str, mut line_start: bool, out: &mut String) {
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if line_start {
            // Leading blanks of four columns or more would make an indented code block (a tab
            // is up to four): keep at most one space.
            if c == ' ' || c == '\t' {
                let (mut j, mut col) = (i, 0);
                while j < chars.len() && (chars[j] == ' ' || chars[j] == '\t') {
                    col += width(chars[j], col);
                    j += 1;
                }
                if col >= 4 || chars[i..j].contains(&'\t') {
                    out.push(' ');
                    i = j;
                    continue;
                }
            }
            match c {
                // List markers, setext underlines, and definition-list markers (Goldmark and
                // pandoc read `: ` after a line as a definition).
                '-' | '+' | '=' | ':' => {
                    out.push('\\');
                    out.push(c);
                    i += 1;
                    line_start = false;
                    continue;
                }
                '0'..='9' => {
                    // An ordered list marker: digits then `.` or `)`.
                    let mut j = i;
                    while j < chars.len() && chars[j].is_ascii_digit() {
                        out.push(chars[j]);
                        j += 1;
                    }
                    if j < chars.len() && (chars[j] == '.' || chars[j] == ')') {
                        out.push('\\');
                        out.push(chars[j]);
                        j += 1;
                    }
                    i = j;
                    line_start = false;
                    continue;
                }
                _ => {}
            }
        }
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '!' | '#' | '|' | '{' | '}' | '~'
            | '&' | '$' | '^' => {
                out.push('\\');
                out.push(c);
            }
            // A lone CR ends a line too (the parser may leave one in a text): what follows
            // it is at the start of a line.
            '\n' | '\r' => {
                if !(c == '\r' && chars.get(i + 1) == Some(&'\n')) {
                    out.push('\n');
                    line_start = true;
                }
                i += 1;
                continue;
            }
            _ => out.push(c),
        }
        if !c.is_whitespace() {
            line_start = false;
        }
        i += 1;
    }
}

/// A link destination for `[text](…)`: what could end it, start a construct in it, or split
/// a table cell around it is percent-encoded (as a browser would itself), and `&` is
/// backslash-escaped so that no entity in it is decoded.
fn link_destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.trim().chars() {
        match c {
            '&' => out.push_str("\\&"),
            ' ' | '"' | '<' | '>' | '\\' | '`' | '(' | ')' | '|' | '{' | '}' | '^' | '[' | ']' => {
                out.push_str(&format!("%{:02X}", c as u32))
            }
            c if c.is_control() || c.is_whitespace() => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Whether `url` can stand in an autolink `<url>` as it is: only characters that no
/// consumer reads as anything else there (no `&`, which some decode as an entity; no `|`,
/// which splits a table cell; no backtick, which pairs with code spans).
fn autolink_safe(url: &str) -> bool {
    !url.is_empty()
        && url
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._~:/?#@!$'*+,;=%".contains(c))
}

/// Whether a link to `url` in user text is kept: http, https, mailto and tel only (in-page
/// anchors and relative links are the templates' own).
fn keeps_link(url: &str) -> bool {
    is_safe_url(url) && !url.trim_start().starts_with('#')
}

/// Whether `a` is an e-mail address of letters, digits and `._+-` only, with one `@`.
fn is_plain_email(a: &str) -> bool {
    let plain = |s: &str, extra: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || extra.contains(c))
    };
    a.split_once('@')
        .is_some_and(|(local, domain)| plain(local, "._+-") && plain(domain, ".-"))
}

/// A link to `url` that shows the address itself: `<url>` when the address can stand there
/// as it is, otherwise `[url](encoded url)`. An address with a scheme other than http, https
/// or mailto is only shown as text.
pub fn autolink(url: &str) -> String {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    if !["http://", "https://", "mailto:"]
        .iter()
        .any(|s| lower.starts_with(s))
    {
        return escape(url);
    }
    let address = lower
        .starts_with("mailto:")
        .then(|| &url["mailto:".len()..]);
    match address {
        // `<a@b.fi>`: only plain addresses, which every consumer reads as one.
        Some(a) if is_plain_email(a) => format!("<{a}>"),
        Some(a) => link(&escape(a), url),
        None if autolink_safe(url) => format!("<{url}>"),
        None => link(&escape(url), url),
    }
}

/// A link with the Markdown `text` (already safe: from [`escape`] or [`inline`]) to `url`;
/// only `text` if `url` is not http, https, mailto or tel.
pub fn link(text: &str, url: &str) -> String {
    if keeps_link(url) {
        format!("[{text}]({})", link_destination(url))
    } else {
        text.to_string()
    }
}

/// A code span around `code`, with a fence longer than any backtick run in it. Empty code
/// is left out: two backticks would be a fence of two that pairs with a later one. In a table
/// cell, a pipe must be `\|` even in code; code holding `\|` cannot be written so (`\\|`
/// ends the cell in GFM), and is written as escaped text instead.
///
/// In a link's text, code holding a bracket is written as escaped text too: at the start of a
/// line, `[`]:`…` is a link reference definition whatever the backticks (blocks are parsed
/// before code spans).
fn code_span(code: &str, slot: Slot, in_link: bool, out: &mut String) {
    let code = code.replace(['\r', '\n'], " ");
    if code.is_empty() {
        return;
    }
    if in_link && code.contains(['[', ']']) {
        escape_into(&code, false, out);
        return;
    }
    let code = if slot == Slot::Cell && code.contains('|') {
        if code.contains("\\|") {
            escape_into(&code, false, out);
            return;
        }
        code.replace('|', "\\|")
    } else {
        code
    };
    let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    // One space each side is stripped when both are there (and the code is not all spaces):
    // pad then, and when the code starts or ends with a backtick.
    let all_spaces = code.chars().all(|c| c == ' ');
    let pad = code.starts_with('`')
        || code.ends_with('`')
        || (!all_spaces && code.starts_with(' ') && code.ends_with(' '));
    out.push_str(&fence);
    if pad {
        out.push(' ');
    }
    out.push_str(&code);
    if pad {
        out.push(' ');
    }
    out.push_str(&fence);
}

/// Splits text at bare `http://` and `https://` addresses, making them autolinks (as GitHub
/// and Hugo do), unless the text is already inside a link. The addresses are those the
/// `invalid-url` rule checks ([`web_urls_in`](crate::identifiers::web_urls_in)); one that is
/// its scheme alone stays text.
fn linkify<'a>(text: CowStr<'a>, in_link: bool, out: &mut Vec<Event<'a>>) {
    use crate::identifiers::{web_scheme_len, web_urls_in};
    let mut urls = web_urls_in(&text)
        .filter(|(_, url)| web_scheme_len(url).is_some_and(|n| url.len() > n))
        .peekable();
    if in_link || urls.peek().is_none() {
        drop(urls);
        out.push(Event::Text(text));
        return;
    }
    let mut last = 0;
    for (i, url) in urls {
        if i > last {
            out.push(Event::Text(text[last..i].to_string().into()));
        }
        let link = Tag::Link {
            link_type: LinkType::Autolink,
            dest_url: url.to_string().into(),
            title: "".into(),
            id: "".into(),
        };
        out.push(Event::Start(link));
        out.push(Event::Text(url.to_string().into()));
        out.push(Event::End(TagEnd::Link));
        last = i + url.len();
    }
    if last < text.len() {
        out.push(Event::Text(text[last..].to_string().into()));
    }
}

/// Events of user Markdown, filtered: what may not pass becomes text or goes.
fn user_events(src: &str) -> Vec<Event<'_>> {
    let mut out = Vec::new();
    let mut link_stack: Vec<bool> = Vec::new();
    let mut in_code_block = false;
    for e in Parser::new_ext(src, Options::ENABLE_STRIKETHROUGH) {
        match e {
            Event::Text(t) if !in_code_block => linkify(t, !link_stack.is_empty(), &mut out),
            Event::Start(Tag::CodeBlock(k)) => {
                in_code_block = true;
                out.push(Event::Start(Tag::CodeBlock(k)));
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code_block = false;
                out.push(Event::End(TagEnd::CodeBlock));
            }
            Event::Html(h) | Event::InlineHtml(h) => out.push(Event::Text(h)),
            Event::Start(Tag::HtmlBlock) => out.push(Event::Start(Tag::Paragraph)),
            Event::End(TagEnd::HtmlBlock) => out.push(Event::End(TagEnd::Paragraph)),
            Event::Start(Tag::Link {
                dest_url,
                link_type,
                title,
                id,
            }) => {
                let dest_url: CowStr<'_> = if link_type == LinkType::Email {
                    format!("mailto:{dest_url}").into()
                } else if let Some(id) = reference_id(&dest_url) {
                    // A reference by id, in the one form the outputs resolve (`#Oikeudet`
                    // is `#oikeudet`).
                    format!("#{id}").into()
                } else if let Some(absolute) = resolved(&dest_url) {
                    absolute.into()
                } else {
                    dest_url
                };
                let ok = keeps_link(&dest_url) || is_in_page_anchor(&dest_url);
                link_stack.push(ok);
                if ok {
                    out.push(Event::Start(Tag::Link {
                        dest_url,
                        link_type,
                        title,
                        id,
                    }));
                }
            }
            Event::End(TagEnd::Link) => {
                if link_stack.pop().unwrap_or(false) {
                    out.push(Event::End(TagEnd::Link));
                }
            }
            // Images would load from elsewhere: show their description as text instead.
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => {}
            Event::Start(Tag::Heading { .. }) => out.push(Event::Start(Tag::Paragraph)),
            Event::End(TagEnd::Heading(_)) => out.push(Event::End(TagEnd::Paragraph)),
            Event::Rule => {}
            Event::Start(Tag::Strikethrough) | Event::End(TagEnd::Strikethrough) => {}
            Event::FootnoteReference(r) => out.push(Event::Text(r)),
            Event::TaskListMarker(done) => out.push(Event::Text(CowStr::from(if done {
                "[x] "
            } else {
                "[ ] "
            }))),
            Event::InlineMath(m) | Event::DisplayMath(m) => out.push(Event::Code(m)),
            other => out.push(other),
        }
    }
    out
}

/// Serialises filtered events back to CommonMark for one slot.
#[derive(Clone, Copy)]
struct Writer {
    slot: Slot,
    /// Writing the text of a link.
    in_link: bool,
}

impl Writer {
    fn inline(&self) -> bool {
        self.slot != Slot::Block
    }

    /// Writes events `[i..]` up to the end of the current container; returns the index after.
    fn write(&self, ev: &[Event<'_>], mut i: usize, out: &mut String) -> usize {
        while i < ev.len() {
            match &ev[i] {
                Event::Text(t) => {
                    // Blanks before it do not count: they are trimmed later (Rust's notion of
                    // white space is wider than CommonMark's, so `\u{b}---` would otherwise
                    // reach the consumer as a thematic break).
                    let line_start = out
                        .rsplit('\n')
                        .next()
                        .is_none_or(|l| l.chars().all(char::is_whitespace));
                    // The parser splits a text at each backslash escape (`1\)` is `1`, `)`):
                    // a list marker is only seen whole when the run is escaped as one.
                    let mut text = t.to_string();
                    while let Some(Event::Text(more)) = ev.get(i + 1) {
                        text.push_str(more);
                        i += 1;
                    }
                    escape_into(&text, line_start, out);
                }
                Event::Code(c) => code_span(c, self.slot, self.in_link, out),
                Event::SoftBreak => out.push(if self.inline() { ' ' } else { '\n' }),
                Event::HardBreak => out.push_str(if self.inline() { " " } else { "\\\n" }),
                Event::Start(Tag::Emphasis) => out.push('*'),
                Event::End(TagEnd::Emphasis) => out.push('*'),
                Event::Start(Tag::Strong) => out.push_str("**"),
                Event::End(TagEnd::Strong) => out.push_str("**"),
                Event::Start(Tag::Link {
                    dest_url,
                    link_type,
                    ..
                }) => {
                    // E-mail autolinks arrive as `mailto:` links (see `user_events`).
                    let mut text = String::new();
                    let inner = Writer {
                        in_link: true,
                        ..*self
                    };
                    i = inner.write(ev, i + 1, &mut text);
                    if self.slot == Slot::LinkText {
                        // A link in a link's text would win over the template's link.
                        out.push_str(&text);
                    } else if matches!(link_type, LinkType::Autolink | LinkType::Email) {
                        out.push_str(&autolink(dest_url));
                    } else if is_in_page_anchor(dest_url) {
                        // A heading of the notice itself; its form needs no escaping.
                        out.push_str(&format!("[{text}]({dest_url})"));
                    } else {
                        out.push_str(&link(&text, dest_url));
                    }
                    continue;
                }
                Event::Start(Tag::Paragraph) => {
                    let mut p = String::new();
                    i = self.write(ev, i + 1, &mut p);
                    self.block_sep(out);
                    out.push_str(p.trim_end());
                    continue;
                }
                Event::Start(Tag::BlockQuote(_)) => {
                    let mut q = String::new();
                    i = self.write(ev, i + 1, &mut q);
                    self.block_sep(out);
                    if self.inline() {
                        out.push_str(q.trim());
                    } else {
                        let quoted: Vec<String> = q
                            .trim_end()
                            .lines()
                            .map(|l| {
                                if l.is_empty() {
                                    ">".to_string()
                                } else {
                                    format!("> {l}")
                                }
                            })
                            .collect();
                        out.push_str(&quoted.join("\n"));
                    }
                    continue;
                }
                Event::Start(Tag::CodeBlock(kind)) => {
                    let mut code = String::new();
                    i += 1;
                    while let Some(Event::Text(t)) = ev.get(i) {
                        code.push_str(t);
                        i += 1;
                    }
                    i += 1; // End(CodeBlock)
                    self.block_sep(out);
                    if self.inline() {
                        code_span(code.trim(), self.slot, self.in_link, out);
                    } else {
                        let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
                        let fence = "`".repeat(longest.max(2) + 1);
                        // Fenced whatever it was: an indented block would depend on where
                        // the slot starts. The info string goes (it could hold anything).
                        let _ = kind;
                        out.push_str(&fence);
                        out.push('\n');
                        out.push_str(code.trim_end_matches('\n'));
                        out.push('\n');
                        out.push_str(&fence);
                    }
                    continue;
                }
                Event::Start(Tag::List(start)) => {
                    let start = *start;
                    i += 1;
                    let mut n = start.unwrap_or(1);
                    let mut items = Vec::new();
                    while let Some(Event::Start(Tag::Item)) = ev.get(i) {
                        let mut item = String::new();
                        i = self.write(ev, i + 1, &mut item);
                        items.push((n, item));
                        n += 1;
                    }
                    i += 1; // End(List)
                    self.block_sep(out);
                    if self.inline() {
                        let joined: Vec<&str> = items.iter().map(|(_, t)| t.trim()).collect();
                        out.push_str(&joined.join("; "));
                    } else {
                        let mut lines = Vec::new();
                        for (k, item) in &items {
                            let marker = match start {
                                Some(_) => format!("{k}. "),
                                None => "- ".to_string(),
                            };
                            let indent = " ".repeat(marker.len());
                            for (j, line) in item.trim_end().lines().enumerate() {
                                if j == 0 {
                                    lines.push(format!("{marker}{line}"));
                                } else if line.is_empty() {
                                    lines.push(String::new());
                                } else {
                                    lines.push(format!("{indent}{line}"));
                                }
                            }
                        }
                        out.push_str(&lines.join("\n"));
                    }
                    continue;
                }
                Event::End(_) => return i + 1,
                // Anything else (tables and footnotes are not parsed) is dropped.
                _ => {}
            }
            i += 1;
        }
        i
    }

    fn block_sep(&self, out: &mut String) {
        if out.trim().is_empty() {
            out.clear();
        } else if self.inline() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            while out.ends_with('\n') {
                out.pop();
            }
            out.push_str("\n\n");
        }
    }
}

/// User Markdown as safe CommonMark blocks (paragraphs, lists, quotes, code).
///
/// The result may follow a label on its line (`**Rajoitus:** …`) and be followed by text on
/// its last line: when it does not start with a paragraph, it starts with a blank line, so the
/// label stays a paragraph of its own, and when it does not end with one, it ends with a blank
/// line, so nothing after it can land in (or fail to close) its last block.
pub fn block(src: &str) -> String {
    let ev = user_events(src);
    let writer = Writer {
        slot: Slot::Block,
        in_link: false,
    };
    let mut pieces: Vec<(String, bool)> = Vec::new();
    let (mut start, mut depth) = (0, 0usize);
    for (i, e) in ev.iter().enumerate() {
        match e {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 {
            let mut s = String::new();
            writer.write(&ev[start..=i], 0, &mut s);
            let s = s.trim();
            if !s.is_empty() {
                let paragraph = matches!(ev[start], Event::Start(Tag::Paragraph));
                pieces.push((s.to_string(), paragraph));
            }
            start = i + 1;
        }
    }
    let body: Vec<&str> = pieces.iter().map(|(s, _)| s.as_str()).collect();
    let mut out = body.join("\n\n");
    if pieces.first().is_some_and(|(_, p)| !p) {
        out.insert_str(0, "\n\n");
    }
    if pieces.last().is_some_and(|(_, p)| !p) {
        out.push_str("\n\n");
    }
    out
}

fn one_line(src: &str, slot: Slot) -> String {
    let ev = user_events(src);
    let mut out = String::new();
    Writer {
        slot,
        in_link: slot == Slot::LinkText,
    }
    .write(&ev, 0, &mut out);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// User Markdown as safe CommonMark on one line (for list items, headings, labelled lines,
/// link text): blocks are flattened into the line.
pub fn inline(src: &str) -> String {
    one_line(src, Slot::Inline)
}

/// User Markdown as safe CommonMark in a GFM table cell: as [`inline`], with pipes in code
/// written so that they stay in the cell.
pub fn cell(src: &str) -> String {
    one_line(src, Slot::Cell)
}

/// The first Markdown construct in `src` that the notice cannot show as written, with its
/// byte range and what happens to it: one that no slot keeps (a heading, raw HTML, an image,
/// a rule, strikethrough, a link to another scheme), or, when `one_line`, one that a
/// one-line slot flattens (code blocks, lists, quotes, several paragraphs). The lint rule
/// `unrendered-markdown` reports it; the filter of [`block`] and [`inline`] is the truth it
/// describes.
pub fn unrendered(src: &str, one_line: bool) -> Option<(std::ops::Range<usize>, &'static str)> {
    let mut paragraphs = 0;
    for (e, range) in Parser::new_ext(src, Options::ENABLE_STRIKETHROUGH).into_offset_iter() {
        let lost = match &e {
            Event::Start(Tag::Heading { .. }) => "a heading, shown as a paragraph",
            Event::Start(Tag::HtmlBlock) | Event::InlineHtml(_) => "raw HTML, shown as text",
            Event::Start(Tag::Image { .. }) => "an image, of which only the description is shown",
            Event::Rule => "a thematic break, left out",
            Event::Start(Tag::Strikethrough) => "strikethrough, shown as plain text",
            Event::Start(Tag::Link {
                dest_url,
                link_type,
                ..
            }) if *link_type != LinkType::Email
                && !keeps_link(dest_url)
                && reference_id(dest_url).is_none()
                && !is_relative_target(dest_url) =>
            {
                "a link to an address other than http, https, mailto or tel, shown as its text"
            }
            Event::Start(Tag::CodeBlock(_)) if one_line => {
                "a code block in a one-line field, shown as inline code"
            }
            Event::Start(Tag::List(_)) if one_line => {
                "a list in a one-line field, shown as items separated by semicolons"
            }
            Event::Start(Tag::BlockQuote(_)) if one_line => {
                "a block quote in a one-line field, shown as plain text"
            }
            Event::Start(Tag::Paragraph) if one_line => {
                paragraphs += 1;
                if paragraphs < 2 {
                    continue;
                }
                "a second paragraph in a one-line field, joined to the first"
            }
            _ => continue,
        };
        return Some((range, lost));
    }
    None
}

/// The relative links in `src` (see [`is_relative_target`]), each with the byte range of the
/// link and its target: without a base they lose their target, and the lint rule
/// `relative-link` reports them. (`unrendered` leaves them to it.)
pub fn relative_links(src: &str) -> Vec<(std::ops::Range<usize>, String)> {
    // Every link but an autolink (which is never relative) closes its text with `]`: a text
    // without one, as most are, needs no parse.
    if !src.contains(']') {
        return Vec::new();
    }
    links_where(src, is_relative_target)
}

/// The links of user Markdown whose target is in the page (`[Oikeutesi](#oikeudet)`, also
/// written `#Oikeudet` or `< #oikeudet >`), with their byte ranges and their targets as written:
/// the references by id that the outputs resolve (see [`super::links::reference_id`]).
pub fn reference_links(src: &str) -> Vec<(std::ops::Range<usize>, String)> {
    if !src.contains('#') {
        return Vec::new();
    }
    links_where(src, |url| url.trim_start().starts_with('#'))
}

/// The links of `src` (not autolinks or e-mail links) whose target `keep` accepts, with their
/// byte ranges and targets.
fn links_where(src: &str, keep: impl Fn(&str) -> bool) -> Vec<(std::ops::Range<usize>, String)> {
    Parser::new_ext(src, Options::ENABLE_STRIKETHROUGH)
        .into_offset_iter()
        .filter_map(|(e, range)| match e {
            Event::Start(Tag::Link {
                dest_url,
                link_type,
                ..
            }) if !matches!(link_type, LinkType::Email | LinkType::Autolink) && keep(&dest_url) => {
                Some((range, dest_url.to_string()))
            }
            _ => None,
        })
        .collect()
}

/// User Markdown as the text of a link the template makes (the index's links to the
/// notices): as [`inline`], with the user's own links reduced to their text, since CommonMark
/// lets an inner link win over the outer one.
pub fn link_text(src: &str) -> String {
    one_line(src, Slot::LinkText)
}

/// The options a consumer might turn on: the oracle parses with all of them.
fn consumer_options() -> Options {
    Options::all()
}

/// The structure a consumer sees: top-level blocks (with heading levels and texts), and
/// anything inside them that is not what the slot may hold.
struct Seen {
    /// (kind, plain text) of each top-level block.
    top: Vec<(String, String)>,
    /// Raw HTML, definition lists, footnotes, headings or tables found inside a top-level
    /// block other than the template's own, and metadata blocks anywhere.
    intruders: Vec<String>,
}

fn kind(tag: &Tag<'_>) -> String {
    match tag {
        Tag::Heading { level, .. } => format!("h{}", *level as usize),
        Tag::Table(_) => "table".into(),
        Tag::List(_) => "list".into(),
        Tag::Paragraph => "p".into(),
        other => format!("{other:?}")
            .split(['(', ' ', '{'])
            .next()
            .unwrap_or("")
            .to_string(),
    }
}

fn see(md: &str) -> Seen {
    let mut seen = Seen {
        top: Vec::new(),
        intruders: Vec::new(),
    };
    let mut depth = 0usize;
    for e in Parser::new_ext(md, consumer_options()) {
        match &e {
            Event::Start(t) => {
                if depth == 0 {
                    seen.top.push((kind(t), String::new()));
                } else if matches!(
                    t,
                    Tag::Heading { .. }
                        | Tag::Table(_)
                        | Tag::HtmlBlock
                        | Tag::DefinitionList
                        | Tag::FootnoteDefinition(_)
                        | Tag::MetadataBlock(_)
                ) {
                    seen.intruders.push(kind(t));
                }
                depth += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Html(h) | Event::InlineHtml(h) => seen.intruders.push(format!("html {h:?}")),
            Event::Rule => seen.top.push(("hr".into(), String::new())),
            Event::Text(t) | Event::Code(t) => {
                if let Some(last) = seen.top.last_mut() {
                    last.1.push_str(t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(last) = seen.top.last_mut() {
                    last.1.push(' ');
                }
            }
            _ => {}
        }
    }
    seen
}

/// The oracle of the sanitiser, shared by the property tests and the fuzz target: puts the
/// output of every function of this module for `src` into each kind of slot the templates
/// have (a heading, list items, a labelled line, a table cell, a block after a label and one
/// on its own, links), parses the document as a consumer with every extension on would, and
/// says what went wrong if the document's structure is not the template's or if it holds raw
/// HTML.
pub fn check_structure(src: &str) -> Result<(), String> {
    let (inl, cel, esc, blk) = (inline(src), cell(src), escape(src), block(src));
    let lnk = link_text(src);
    for (name, s) in [
        ("inline", &inl),
        ("cell", &cel),
        ("escape", &esc),
        ("link_text", &lnk),
    ] {
        if s.contains(['\n', '\r']) {
            return Err(format!("{name}({src:?}) is not one line: {s:?}"));
        }
    }
    let url = format!("https://x.fi/{src}");
    let links = |text: &str| {
        format!(
            "{} {} {} {}",
            autolink(&url),
            autolink(src),
            link(&esc, &url),
            link(text, &format!("mailto:{src}"))
        )
    };
    let (links_inline, links_cell) = (links(&inl), links(&cel));
    let lines = format!(
        "# Before\n\n## {inl}\n\n- {inl} (tail)\n- {esc} (tail)\n- {links_inline} (tail)\n- [{lnk}](target.md) (tail)\n\n\
         **Label:** {inl} (tail)\n\n| A | B | C |\n|---|---|---|\n| {cel} | {esc} | {links_cell} |\n\n\
         # After\n"
    );
    let seen = see(&lines);
    let kinds: Vec<&str> = seen.top.iter().map(|(k, _)| k.as_str()).collect();
    let expected = ["h1", "h2", "list", "p", "table", "h1"];
    let last_text = seen.top.last().map(|(_, t)| t.as_str());
    if kinds != expected || last_text != Some("After") || !seen.intruders.is_empty() {
        return Err(format!(
            "{src:?} in one-line slots gives {kinds:?} ending {last_text:?}, {:?}:\n{lines}",
            seen.intruders
        ));
    }
    // The list has its four items, each one line ending with the template's text; the table
    // one body row of three cells; the template's link is a link.
    let items = lines_of_list(&lines);
    let cells = cells_of_table(&lines);
    let targets = Parser::new_ext(&lines, consumer_options())
        .filter(
            |e| matches!(e, Event::Start(Tag::Link { dest_url, .. }) if &**dest_url == "target.md"),
        )
        .count();
    if items.len() != 4
        || !items.iter().all(|t| t.ends_with("(tail)"))
        || cells.len() != 6
        || targets != 1
    {
        return Err(format!(
            "{src:?} in one-line slots: items {items:?}, cells {cells:?}, {targets} links to the template's target:\n{lines}"
        ));
    }

    let blocks = format!("# Before\n\n**Label:** {blk} (tail)\n\n# Middle\n\n{blk}\n\n# After\n");
    let seen = see(&blocks);
    let headings: Vec<(&str, &str)> = seen
        .top
        .iter()
        .filter(|(k, _)| k.starts_with('h') && k != "hr")
        .map(|(k, t)| (k.as_str(), t.as_str()))
        .collect();
    let allowed = |k: &str| matches!(k, "h1" | "p" | "list" | "BlockQuote" | "CodeBlock");
    if headings != [("h1", "Before"), ("h1", "Middle"), ("h1", "After")]
        || seen.top.last().map(|(k, _)| k.as_str()) != Some("h1")
        || !seen.top.iter().all(|(k, _)| allowed(k))
        || !seen.intruders.is_empty()
    {
        return Err(format!(
            "{src:?} in block slots gives {:?}, {:?}:\n{blocks}",
            seen.top, seen.intruders
        ));
    }
    // The template's text after the labelled block is in a paragraph before `Middle`.
    let before_middle = seen
        .top
        .iter()
        .take_while(|(k, t)| !(k == "h1" && t == "Middle"));
    if !before_middle
        .into_iter()
        .any(|(k, t)| k == "p" && t.ends_with("(tail)"))
    {
        return Err(format!(
            "{src:?}: the text after a block slot was lost:\n{blocks}"
        ));
    }
    Ok(())
}

/// The text of each item of the first list in `md`.
fn lines_of_list(md: &str) -> Vec<String> {
    texts_of(
        md,
        |t| matches!(t, Tag::Item),
        |t| matches!(t, TagEnd::Item),
    )
}

/// The text of each cell of the tables in `md`.
fn cells_of_table(md: &str) -> Vec<String> {
    texts_of(
        md,
        |t| matches!(t, Tag::TableCell),
        |t| matches!(t, TagEnd::TableCell),
    )
}

fn texts_of(md: &str, start: fn(&Tag<'_>) -> bool, end: fn(&TagEnd) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for e in Parser::new_ext(md, consumer_options()) {
        match &e {
            Event::Start(t) if start(t) => current = Some(String::new()),
            Event::End(t) if end(t) => out.extend(current.take()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = current.as_mut() {
                    c.push_str(t);
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(md: &str) -> String {
        super::super::html::to_html(md, &["PUUTTUU"], "").0
    }

    #[test]
    fn escape_neutralises_markdown_and_html() {
        assert_eq!(escape("<b>*x*</b>"), "\\<b\\>\\*x\\*\\</b\\>");
        assert_eq!(escape("- ei lista"), "\\- ei lista");
        assert_eq!(escape("1. ei lista"), "1\\. ei lista");
        assert_eq!(escape("# ei otsikko"), "\\# ei otsikko");
        assert_eq!(
            escape("Kirjanpitolaki (1336/1997) 2:10"),
            "Kirjanpitolaki (1336/1997) 2:10"
        );
        assert_eq!(escape("a\nb"), "a b");
        for hostile in [
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "[x](javascript:alert(1))",
            "- <b>x</b>\n    code",
        ] {
            let h = html(&escape(hostile));
            assert!(
                !h.contains('<')
                    || !h.contains("<script")
                        && !h.contains("<img")
                        && !h.contains("<a ")
                        && !h.contains("<b>"),
                "{hostile} → {h}"
            );
        }
    }

    #[test]
    fn user_markdown_keeps_structure_but_no_html_or_bad_links() {
        let b = block(
            "Hei **maailma**.\n\n- yksi\n- kaksi\n\n<div onclick=x>raw</div>\n\n[ok](https://x.fi) [bad](javascript:alert(1))\n\n# Otsikko",
        );
        let h = html(&b);
        assert!(h.contains("<strong>maailma</strong>"), "{h}");
        assert!(h.contains("<li>yksi</li>"), "{h}");
        assert!(h.contains("&lt;div onclick=x&gt;raw&lt;/div&gt;"), "{h}");
        assert!(h.contains("<a href=\"https://x.fi\""), "{h}");
        assert!(!h.contains("javascript"), "{h}");
        assert!(!h.contains("<h1"), "{h}");
        assert!(h.contains("Otsikko"), "{h}");
    }

    #[test]
    fn email_autolinks_survive_sanitising() {
        assert_eq!(block("<a@b.fi>"), "<a@b.fi>");
        assert!(
            html(&block("<a@b.fi>"))
                .contains("<a href=\"mailto:a@b.fi\" class=\"plain\">a@<wbr>b<wbr>.fi</a>")
        );
    }

    #[test]
    fn bare_addresses_become_links() {
        assert_eq!(
            inline("Katso https://www.kanta.fi. Tai [tästä](https://x.fi)."),
            "Katso <https://www.kanta.fi>. Tai [tästä](https://x.fi)."
        );
        assert_eq!(
            inline("javascript:alert(1) ftp://x"),
            "javascript:alert(1) ftp://x"
        );
    }

    #[test]
    fn inline_flattens_blocks() {
        assert_eq!(inline("a\n\nb\n\n- c\n- d"), "a b c; d");
        assert_eq!(inline("*x* <i>y</i>"), "*x* \\<i\\>y\\</i\\>");
    }

    #[test]
    fn link_destinations_cannot_end_early_or_start_anything() {
        assert_eq!(
            autolink("https://x.fi/\"><script>alert(1)</script>"),
            "[https://x.fi/\"\\>\\<script\\>alert(1)\\</script\\>](https://x.fi/%22%3E%3Cscript%3Ealert%281%29%3C/script%3E)"
        );
        assert_eq!(autolink("https://x.fi/a?b=1"), "<https://x.fi/a?b=1>");
        assert_eq!(autolink("mailto:a.b@c.fi"), "<a.b@c.fi>");
        assert_eq!(
            autolink("mailto:a|b@c.fi"),
            "[a\\|b@c.fi](mailto:a%7Cb@c.fi)"
        );
        assert_eq!(autolink("javascript:alert(1)"), "javascript:alert(1)");
        assert_eq!(
            link("x", "https://x.fi/a b`c&amp;d"),
            "[x](https://x.fi/a%20b%60c\\&amp;d)"
        );
        assert_eq!(link("x", "javascript:alert(1)"), "x");
        assert_eq!(link("x", "#ankkuri"), "x");
    }

    #[test]
    fn code_keeps_its_pipes_in_a_cell_and_empty_code_goes() {
        assert_eq!(cell("`a|b`"), "`a\\|b`");
        assert_eq!(inline("`a|b`"), "`a|b`");
        // `\|` cannot be in a cell's code span: it becomes escaped text.
        assert_eq!(cell("`a\\|b`"), "a\\\\\\|b");
        assert_eq!(inline("```\n```\n\n`` ` ``"), "`` ` ``");
        let h = html(&format!("| a |\n|---|\n| {} |\n", cell("`x|<b>`")));
        assert!(h.contains("<code>x|&lt;b&gt;</code>"), "{h}");
    }

    #[test]
    fn a_block_that_is_not_a_paragraph_stands_apart_from_what_is_around_it() {
        assert_eq!(block("teksti\n\n- a"), "teksti\n\n- a\n\n");
        assert_eq!(block("```\nkoodi"), "\n\n```\nkoodi\n```\n\n");
        assert_eq!(block("teksti"), "teksti");
        // Nothing user-written opens a block at the start of a line.
        assert_eq!(block(": määritelmä"), "\\: määritelmä");
        assert_eq!(escape("\t  x"), "x");
        // A lone CR left in a text is a line ending (found by the fuzz target).
        let found = "#\r<?\r-\u{c}\0G\0\0`\u{c}\u{c}\u{c}?\r-\u{c}\r\n\n\r";
        assert_eq!(check_structure(found), Ok(()));
        // Blanks CommonMark does not know as such are trimmed, then `---` is at the start.
        assert_eq!(check_structure("\u{b}\u{b}\\--\\-- "), Ok(()));
        // `1\)` arrives as two texts; written unescaped, `1) (tail)` is a list item.
        assert_eq!(check_structure("2)%\\\n1)\n\n\nb\0%\n1\\)\n\n"), Ok(()));
        assert_eq!(block("a\n1\\) b"), "a\n1\\) b");
        // A bracket in code in a link's text would make `[`]:`…` a link definition.
        assert_eq!(check_structure("```]:```"), Ok(()));
        assert_eq!(inline("x [`]:`](https://x.fi)"), "x [\\]:](https://x.fi)");
    }

    #[test]
    fn what_cannot_be_shown_as_written_is_named_with_its_place() {
        assert_eq!(
            unrendered("Teksti *korostettu* [x](https://x.fi)", true),
            None
        );
        assert_eq!(unrendered("- a\n- b\n\n```\nx\n```", false), None);
        let (r, what) = unrendered("Alku\n\n```\nx\n```", true).unwrap();
        assert_eq!((r.start, what.starts_with("a code block")), (6, true));
        assert!(
            unrendered("a <b>x</b>", false)
                .unwrap()
                .1
                .starts_with("raw HTML")
        );
        assert!(unrendered("[x](ftp://x)", false).is_some());
        assert_eq!(unrendered("<a@b.fi> <https://x.fi>", true), None);
    }
}
