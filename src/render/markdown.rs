//! Markdown, both ways and safely.
//!
//! - user text into the notice's Markdown goes through [`sanitize`](super::sanitize), the
//!   security boundary; its functions are re-exported here for the templates;
//! - [`to_html`] turns the rendered notice into HTML with the same link policy, collecting the
//!   contents list, so the HTML page is made from the Markdown, never from a second copy.

use std::fmt::Write;

pub use super::sanitize::{block, escape, escape_fn, inline};

use pulldown_cmark::{
    Alignment, BlockQuoteKind, CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Options,
    Parser, Tag, TagEnd,
};

/// Whether a link target may be kept: http, https, mailto and tel only.
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

/// One entry of the contents list.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct TocEntry {
    /// The heading's id.
    pub id: String,
    /// The heading's text.
    pub text: String,
    /// 2 for a section, 3 for a subsection.
    pub level: u8,
}

/// Escapes text for HTML content and attribute values.
pub fn html_escape(s: &str, out: &mut String) {
    // The five characters are ASCII: copy the runs between them whole.
    let mut copied = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[copied..i]);
        out.push_str(entity);
        copied = i + 1;
    }
    out.push_str(&s[copied..]);
}

/// Words longer than this many characters make their table cell one where words may break
/// anywhere.
const LONG_WORD: usize = 20;

/// Whether cell contents hold a word longer than [`LONG_WORD`] characters
/// (`toimintayksikkö/organisaatio/hoitopaikka`, `asiakkuudenhallintaohjelmassa`). Such a cell
/// gets the class `long`, which the stylesheet lets break words anywhere, so that no table is
/// wider than the page. Only such cells: were every cell so, a browser would narrow a column
/// below its words' width and break short words too.
fn has_long_word(ev: &[Event<'_>]) -> bool {
    ev.iter().any(|e| match e {
        Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => t
            .split(char::is_whitespace)
            .any(|w| w.chars().count() > LONG_WORD),
        _ => false,
    })
}

/// ` class="…"` of the non-empty names, if any.
fn push_class(names: &[&str], out: &mut String) {
    let names: Vec<&str> = names.iter().copied().filter(|n| !n.is_empty()).collect();
    if !names.is_empty() {
        out.push_str(" class=\"");
        out.push_str(&names.join(" "));
        out.push('"');
    }
}

/// A heading id from its text (see [`crate::identifiers::slug`]).
pub fn slug(text: &str) -> String {
    let s = crate::identifiers::slug(text);
    if s.is_empty() { "osio".to_string() } else { s }
}

/// The text of a Markdown snippet without its markup, on one line (for titles and front
/// matter).
pub fn plain(src: &str) -> String {
    let events: Vec<Event<'_>> = Parser::new(src)
        .map(|e| match e {
            Event::End(TagEnd::Paragraph) => Event::SoftBreak,
            e => e,
        })
        .collect();
    plain_text(&events)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text content of events, for headings in the contents list and link comparisons.
fn plain_text(ev: &[Event<'_>]) -> String {
    let mut s = String::new();
    for e in ev {
        match e {
            // Raw HTML is shown as text, so it is part of the text too.
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                s.push_str(t)
            }
            Event::SoftBreak | Event::HardBreak => s.push(' '),
            _ => {}
        }
    }
    s
}

/// HTML for the rendered notice, and its contents list (sections and subsections).
///
/// The same filter as for user text applies — raw HTML is shown as text and only http, https,
/// mailto and tel links, in-page anchors and relative links to other pages of the site (the
/// index's) survive — so the page can hold nothing the Markdown could not. Body cells of a
/// table carry their column's header text as `data-label`, for narrow screens, and a column
/// that is empty in every row is left out; a cell holding a very long word has the class `long`.
/// `markers` are the words that start a draft marker: bold text starting with one of them is
/// marked up as `<strong class="missing">`.
pub fn to_html(markdown: &str, markers: &[&str]) -> (String, Vec<TocEntry>) {
    let opts = Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES;
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, opts).collect();
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    let mut toc = Vec::new();
    let mut used_ids: Vec<String> = Vec::new();
    let mut table_align: Vec<Alignment> = Vec::new();
    let mut in_head = false;
    let mut cell = 0;
    // The text of each header cell: body cells carry their column's as `data-label`, which
    // the stylesheet shows when a narrow screen stacks a table's cells.
    let mut head_labels: Vec<String> = Vec::new();
    let mut empty_columns: Vec<bool> = Vec::new();
    let mut link_stack: Vec<bool> = Vec::new();
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Start(Tag::Heading { level, id, .. }) => {
                // Find the heading's text to make its id and contents entry.
                let end = events[i..]
                    .iter()
                    .position(|e| matches!(e, Event::End(TagEnd::Heading(_))))
                    .map_or(events.len(), |p| i + p);
                let text = plain_text(&events[i + 1..end]);
                let mut hid = id
                    .as_ref()
                    .map(|s| s.to_string())
                    .unwrap_or_else(|| slug(&text));
                if used_ids.contains(&hid) {
                    let mut n = 2;
                    while used_ids.contains(&format!("{hid}-{n}")) {
                        n += 1;
                    }
                    hid = format!("{hid}-{n}");
                }
                used_ids.push(hid.clone());
                let lvl = heading_number(*level);
                if lvl == 2 || lvl == 3 {
                    toc.push(TocEntry {
                        id: hid.clone(),
                        text: text.trim().to_string(),
                        level: lvl,
                    });
                }
                let _ = write!(html, "<h{lvl} id=\"");
                html_escape(&hid, &mut html);
                html.push_str("\">");
            }
            Event::End(TagEnd::Heading(level)) => {
                let _ = writeln!(html, "</h{}>", heading_number(*level));
            }
            Event::Start(Tag::Paragraph) => html.push_str("<p>"),
            Event::End(TagEnd::Paragraph) => html.push_str("</p>\n"),
            Event::Start(Tag::BlockQuote(kind)) => {
                let class = match kind {
                    Some(
                        BlockQuoteKind::Important
                        | BlockQuoteKind::Warning
                        | BlockQuoteKind::Caution,
                    ) => " class=\"important\"",
                    _ => "",
                };
                let _ = writeln!(html, "<blockquote{class}>");
            }
            Event::End(TagEnd::BlockQuote(_)) => html.push_str("</blockquote>\n"),
            Event::Start(Tag::List(Some(1))) => html.push_str("<ol>\n"),
            Event::Start(Tag::List(Some(n))) => {
                let _ = writeln!(html, "<ol start=\"{n}\">");
            }
            Event::Start(Tag::List(None)) => html.push_str("<ul>\n"),
            Event::End(TagEnd::List(true)) => html.push_str("</ol>\n"),
            Event::End(TagEnd::List(false)) => html.push_str("</ul>\n"),
            Event::Start(Tag::Item) => html.push_str("<li>"),
            Event::End(TagEnd::Item) => html.push_str("</li>\n"),
            Event::Start(Tag::Emphasis) => html.push_str("<em>"),
            Event::End(TagEnd::Emphasis) => html.push_str("</em>"),
            Event::Start(Tag::Strong) => {
                let marked = matches!(events.get(i + 1), Some(Event::Text(t)) if markers.iter().any(|m| !m.is_empty() && t.starts_with(m)));
                html.push_str(if marked {
                    "<strong class=\"missing\">"
                } else {
                    "<strong>"
                });
            }
            Event::End(TagEnd::Strong) => html.push_str("</strong>"),
            Event::Start(Tag::Strikethrough) => html.push_str("<s>"),
            Event::End(TagEnd::Strikethrough) => html.push_str("</s>"),
            Event::Start(Tag::CodeBlock(kind)) => {
                let _ = kind == &CodeBlockKind::Indented;
                html.push_str("<pre><code>");
            }
            Event::End(TagEnd::CodeBlock) => html.push_str("</code></pre>\n"),
            Event::Start(Tag::Link {
                dest_url,
                link_type,
                ..
            }) => {
                // An e-mail autolink (`<a@b.fi>`) arrives without its scheme.
                let dest_url: CowStr<'_> = if *link_type == LinkType::Email {
                    format!("mailto:{dest_url}").into()
                } else {
                    dest_url.clone()
                };
                let dest_url = &dest_url;
                // Relative links come from templates (the index's links to the pages); user
                // text never carries them this far (see `user_events`).
                let relative = !is_safe_url(dest_url) && is_relative_url(dest_url);
                let ok = is_safe_url(dest_url) || relative;
                link_stack.push(ok);
                if ok {
                    let end = events[i..]
                        .iter()
                        .position(|e| matches!(e, Event::End(TagEnd::Link)))
                        .map_or(events.len(), |p| i + p);
                    let text = plain_text(&events[i + 1..end]);
                    let target = dest_url
                        .trim_start_matches("mailto:")
                        .trim_start_matches("tel:")
                        .to_string();
                    html.push_str("<a href=\"");
                    html_escape(dest_url, &mut html);
                    html.push('"');
                    // In-page anchors, other pages of the site, phone numbers (their text is
                    // the number) and links whose text is their target need no target printed
                    // after them.
                    if dest_url.starts_with('#')
                        || relative
                        || dest_url.starts_with("tel:")
                        || text.trim() == target.trim()
                        || text.trim() == dest_url.trim()
                    {
                        html.push_str(" class=\"plain\"");
                    } else {
                        html.push_str(" data-target=\"");
                        html_escape(&target, &mut html);
                        html.push('"');
                    }
                    html.push('>');
                }
            }
            Event::End(TagEnd::Link) => {
                html.push_str(if link_stack.pop().unwrap_or(false) {
                    "</a>"
                } else {
                    ""
                });
            }
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => {}
            Event::Start(Tag::Table(align)) => {
                table_align = align.clone();
                head_labels.clear();
                empty_columns = empty_body_columns(&events[i..], align.len());
                html.push_str("<div class=\"table\"><table>\n");
            }
            Event::End(TagEnd::Table) => html.push_str("</tbody>\n</table></div>\n"),
            Event::Start(Tag::TableHead) => {
                in_head = true;
                cell = 0;
                html.push_str("<thead>\n<tr>");
            }
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                html.push_str("</tr>\n</thead>\n<tbody>\n");
            }
            Event::Start(Tag::TableRow) => {
                cell = 0;
                html.push_str("<tr>");
            }
            Event::End(TagEnd::TableRow) => html.push_str("</tr>\n"),
            Event::Start(Tag::TableCell) if empty_columns.get(cell) == Some(&true) => {
                // A column with nothing in any row says nothing and only takes room.
                i += events[i..]
                    .iter()
                    .position(|e| matches!(e, Event::End(TagEnd::TableCell)))
                    .unwrap_or(events.len() - i);
                if in_head {
                    head_labels.push(String::new());
                }
                cell += 1;
            }
            Event::Start(Tag::TableCell) => {
                let align = match table_align.get(cell) {
                    Some(Alignment::Right) => "right",
                    Some(Alignment::Center) => "center",
                    _ => "",
                };
                let end = events[i..]
                    .iter()
                    .position(|e| matches!(e, Event::End(TagEnd::TableCell)))
                    .map_or(events.len(), |p| i + p);
                if in_head {
                    head_labels.push(plain_text(&events[i + 1..end]).trim().to_string());
                    html.push_str("<th scope=\"col\"");
                    push_class(&[align], &mut html);
                } else {
                    // A long word may break anywhere in its cell (see `has_long_word`).
                    let long = if has_long_word(&events[i + 1..end]) {
                        "long"
                    } else {
                        ""
                    };
                    html.push_str("<td");
                    push_class(&[align, long], &mut html);
                    if let Some(label) = head_labels.get(cell).filter(|l| !l.is_empty()) {
                        html.push_str(" data-label=\"");
                        html_escape(label, &mut html);
                        html.push('"');
                    }
                }
                html.push('>');
            }
            Event::End(TagEnd::TableCell) => {
                html.push_str(if in_head { "</th>" } else { "</td>" });
                cell += 1;
            }
            Event::Text(t) => super::typography::push_text(t, &mut html),
            Event::Code(c) => {
                html.push_str("<code>");
                html_escape(c, &mut html);
                html.push_str("</code>");
            }
            Event::Html(h) | Event::InlineHtml(h) => html_escape(h, &mut html),
            Event::SoftBreak => html.push('\n'),
            Event::HardBreak => html.push_str("<br>\n"),
            Event::Rule => html.push_str("<hr>\n"),
            Event::FootnoteReference(r) => html_escape(r, &mut html),
            _ => {}
        }
        i += 1;
    }
    (html, toc)
}

/// For the table starting at `ev[0]`, which of its `columns` are empty in every body row. A
/// table without body rows, or whose every column is empty, has none to leave out.
fn empty_body_columns(ev: &[Event<'_>], columns: usize) -> Vec<bool> {
    let mut empty = vec![true; columns];
    let (mut in_head, mut cell, mut rows) = (false, 0, 0);
    for e in ev {
        match e {
            Event::End(TagEnd::Table) => break,
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => {
                cell = 0;
                rows += 1;
            }
            Event::End(TagEnd::TableCell) => cell += 1,
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t)
                if !in_head && !t.trim().is_empty() =>
            {
                if let Some(c) = empty.get_mut(cell) {
                    *c = false;
                }
            }
            _ => {}
        }
    }
    if rows == 0 || empty.iter().all(|&e| e) {
        return vec![false; columns];
    }
    empty
}

fn heading_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(md: &str) -> String {
        to_html(md, &["PUUTTUU"]).0
    }

    #[test]
    fn headings_get_ids_and_contents_entries() {
        let (h, toc) = to_html(
            "# Otsikko\n\n## Rekisterinpitäjä {#rekisterinpitaja}\n\n### Oikeus saada pääsy tietoihin\n\n## Rekisterinpitäjä\n",
            &[],
        );
        assert!(h.contains("<h2 id=\"rekisterinpitaja\">"));
        assert_eq!(toc[1].id, "oikeus-saada-paasy-tietoihin");
        assert_eq!(toc[2].id, "rekisterinpitaja-2");
        assert_eq!(toc.len(), 3);
    }

    #[test]
    fn links_carry_their_target_for_print_unless_shown() {
        let h =
            html("[tietosuoja.fi](https://tietosuoja.fi) [sivu](https://x.fi) <tietosuoja@om.fi>");
        assert!(h.contains("data-target=\"https://x.fi\""));
        assert!(
            h.contains("<a href=\"mailto:tietosuoja@om.fi\" class=\"plain\">"),
            "{h}"
        );
    }

    #[test]
    fn draft_markers_are_marked_up() {
        assert!(html("**PUUTTUU: oikeusperuste**").contains("<strong class=\"missing\">"));
    }

    #[test]
    fn tables_have_header_cells_with_scope() {
        let h = html("| Tiedot | Aika |\n|---|---|\n| a | b |\n");
        assert!(h.contains("<th scope=\"col\">Tiedot</th>"), "{h}");
        assert!(h.contains("<td data-label=\"Tiedot\">a</td>"), "{h}");
    }

    #[test]
    fn table_cells_carry_their_column_header_as_a_label() {
        let h = html(
            "| Tiedot | *Aika* <b> | |\n|---|--:|---|\n| a | b | c |\n| d | | |\n\n| X |\n|---|\n| y |\n",
        );
        assert!(h.contains("<td data-label=\"Tiedot\">a</td>"), "{h}");
        // Markup is left out of the label and what it holds is escaped.
        assert!(
            h.contains("<td class=\"right\" data-label=\"Aika &lt;b&gt;\">b</td>"),
            "{h}"
        );
        // A column without a header text gets no label; an empty cell stays empty.
        assert!(h.contains("<td>c</td>"), "{h}");
        assert!(
            h.contains("<td class=\"right\" data-label=\"Aika &lt;b&gt;\"></td>"),
            "{h}"
        );
        // Each table has its own labels.
        assert!(h.contains("<td data-label=\"X\">y</td>"), "{h}");
    }

    #[test]
    fn cells_with_long_words_may_break_them() {
        let h = html(
            "| Vastaanottaja | Peruste |\n|--:|---|\n| Toinen toimintayksikkö/organisaatio/hoitopaikka | `abcdefghijklmnopqrstu` |\n| lyhyt | sanoja |\n\nasiakkuudenhallintaohjelmassa\n",
        );
        assert!(
            h.contains("<td class=\"right long\" data-label=\"Vastaanottaja\">Toinen toimintayksikkö/<wbr>organisaatio/<wbr>hoitopaikka</td>"),
            "{h}"
        );
        assert!(
            h.contains(
                "<td class=\"long\" data-label=\"Peruste\"><code>abcdefghijklmnopqrstu</code></td>"
            ),
            "{h}"
        );
        assert!(
            h.contains("<td class=\"right\" data-label=\"Vastaanottaja\">lyhyt</td>"),
            "{h}"
        );
        assert!(h.contains("<td data-label=\"Peruste\">sanoja</td>"), "{h}");
        // Twenty characters are not long; header cells and text outside tables are left alone.
        assert!(
            html("| a |\n|---|\n| potilasasiakirjoihin |\n")
                .contains("<td data-label=\"a\">potilasasiakirjoihin</td>")
        );
        assert!(
            html("| toimintayksikkö/organisaatio |\n|---|\n| a |\n")
                .contains("<th scope=\"col\">toimintayksikkö/<wbr>organisaatio</th>")
        );
        assert!(h.contains("<p>asiakkuudenhallintaohjelmassa</p>"), "{h}");
    }

    #[test]
    fn columns_empty_in_every_row_are_left_out() {
        let h = html(
            "| Tiedot | Aika | Laki | Peruste |\n|---|---|---|---|\n| a | | | x |\n| b | | | |\n",
        );
        assert!(!h.contains("Aika") && !h.contains("Laki"), "{h}");
        assert!(
            h.contains("<tr><th scope=\"col\">Tiedot</th><th scope=\"col\">Peruste</th></tr>"),
            "{h}"
        );
        // Labels still follow their own column.
        assert!(
            h.contains(
                "<tr><td data-label=\"Tiedot\">a</td><td data-label=\"Peruste\">x</td></tr>"
            ),
            "{h}"
        );
        assert!(
            h.contains("<tr><td data-label=\"Tiedot\">b</td><td data-label=\"Peruste\"></td></tr>")
        );
        // A table with no rows, or nothing in any row, keeps its columns.
        let h = html("| Tiedot | Aika |\n|---|---|\n");
        assert!(h.contains("Aika"), "{h}");
        let h = html("| Tiedot | Aika |\n|---|---|\n| | |\n");
        assert!(h.contains("Tiedot") && h.contains("Aika"), "{h}");
    }

    #[test]
    fn relative_links_to_other_pages_survive_but_nothing_that_could_be_a_scheme() {
        let h = html(
            "[Asiakasrekisteri](asiakasrekisteri.html) [Kamerat](kamerat/) [Juuri](/tietosuoja/)",
        );
        assert!(
            h.contains("<a href=\"asiakasrekisteri.html\" class=\"plain\">Asiakasrekisteri</a>"),
            "{h}"
        );
        assert!(h.contains("<a href=\"kamerat/\" class=\"plain\">"), "{h}");
        assert!(
            h.contains("<a href=\"/tietosuoja/\" class=\"plain\">"),
            "{h}"
        );
        for bad in [
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](<java\tscript:alert(1)>)",
            "[x](data:text/html,x)",
            "[x](vbscript:x)",
            "[x](//evil.example/)",
            "[x](/\\evil.example/)",
            "[x](<a b.html>)",
        ] {
            let h = html(bad);
            assert!(!h.contains("<a "), "{bad} → {h}");
        }
        assert!(is_relative_url("a.html?x=1#y"));
        assert!(!is_relative_url(""));
        assert!(!is_relative_url("C:/x"));
        // User text still loses relative links: only the notice's templates make them.
        assert!(!html(&block("[x](a.html)")).contains("<a "));
    }
}
