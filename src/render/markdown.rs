//! The notice's Markdown as text.
//!
//! - user text into the notice's Markdown goes through [`sanitize`](super::sanitize), the
//!   security boundary; its functions are re-exported here for the templates;
//! - [`slug`] and [`plain`] make heading ids and one-line titles of Markdown.
//!
//! The HTML page is made from this Markdown by [`html`](super::html).

use pulldown_cmark::{Event, Parser, TagEnd};

pub use super::sanitize::{block, escape, escape_fn, inline};

/// A heading id from its text (see [`crate::identifiers::slug`]).
pub fn slug(text: &str) -> String {
    let s = crate::identifiers::slug(text);
    if s.is_empty() { "osio".to_string() } else { s }
}

/// The text of a Markdown snippet without its markup, on one line (for titles and front
/// matter). Raw HTML in it is text, as on the page.
pub fn plain(src: &str) -> String {
    let mut s = String::new();
    for e in Parser::new(src) {
        match e {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                s.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) => s.push(' '),
            _ => {}
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
