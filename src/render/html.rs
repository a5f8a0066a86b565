//! The notice's HTML, made from its Markdown — never from a second copy.
//!
//! The events come from [`notice_events`], the security boundary (raw HTML is text there and
//! only safe links remain), and pulldown-cmark's `push_html` writes them. This module adds
//! only what a notice's page needs beyond that, as markup of its own built from escaped values:
//!
//! - every heading has an id (the template's `{#id}`, or one made of its text), unique in the
//!   page and with the caller's prefix, and sections and subsections make the contents list;
//! - a link says whether print shows its target after it (`data-target`, or `class="plain"`);
//! - bold text starting with a draft marker is `<strong class="missing">`;
//! - a quote (`>`) is a callout: `<div class="note" role="note">`;
//! - a table stands in `<div class="table">`; its header cells have `scope="col"`, each body
//!   cell carries its column's header as `data-label` (for narrow screens), a cell holding a
//!   very long word has the class `long`, and a column empty in every row is left out.

use pulldown_cmark::{Alignment, BlockQuoteKind, CowStr, Event, Tag, TagEnd};

use std::collections::HashSet;

use super::links::{
    PageLinks, PageOf, ReferenceContext, ReferenceTargets, reference_id, resolve_reference,
};
use super::markdown::slug;
use super::sanitize::{is_relative_url, is_safe_url, notice_events};

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
        Event::Text(t) | Event::Code(t) => t
            .split(char::is_whitespace)
            .any(|w| w.chars().count() > LONG_WORD),
        _ => false,
    })
}

/// The text content of events, for headings in the contents list and link comparisons.
pub(super) fn plain_text(ev: &[Event<'_>]) -> String {
    let mut s = String::new();
    for e in ev {
        match e {
            Event::Text(t) | Event::Code(t) => s.push_str(t),
            Event::SoftBreak | Event::HardBreak => s.push(' '),
            _ => {}
        }
    }
    s
}

/// The index of the event that ends the one at `ev[i]` (the first `end` after it), or the
/// length of `ev`.
fn end_of(ev: &[Event<'_>], i: usize, end: fn(&Event<'_>) -> bool) -> usize {
    ev[i..].iter().position(end).map_or(ev.len(), |p| i + p)
}

/// HTML for the rendered notice, and its contents list (sections and subsections).
///
/// `markers` are the words that start a draft marker. Every heading id, and every in-page
/// link to one, starts with `id_prefix` (empty for a standalone page; a fragment pasted into a
/// page beside another takes one of its own, so that their ids do not clash).
pub fn to_html(markdown: &str, markers: &[&str], id_prefix: &str) -> (String, Vec<TocEntry>) {
    let page = render_html(markdown, markers, id_prefix, None);
    (page.html, page.toc)
}

/// How the links of a page that name an id (`#oikeudet`, `#potilasrekisteri`) are resolved
/// (see [`resolve_reference`]).
#[derive(Clone, Copy, Debug)]
pub struct PageReferences<'a> {
    /// What ids the project has.
    pub targets: &'a ReferenceTargets,
    /// The page.
    pub page: PageOf<'a>,
    /// The register whose texts the Markdown holds, if one.
    pub from: Option<&'a str>,
    /// A draft shows a reference that leads nowhere as its text (the lint marks it); a
    /// published page keeps the link, and [`dangling_links`] refuses the page.
    pub draft: bool,
}

/// A page's HTML, its contents list, and the ids of its headings (without the prefix).
#[derive(Clone, Debug)]
pub struct HtmlPage {
    /// The HTML.
    pub html: String,
    /// The contents list.
    pub toc: Vec<TocEntry>,
    /// The ids of every heading of the page, without the prefix.
    pub ids: HashSet<String>,
}

/// The id of each heading of `events`, in order: the template's `{#id}` or one made of its
/// text, made unique in the page (`-2`, `-3` …).
fn heading_ids(events: &[Event<'_>]) -> Vec<String> {
    let mut used: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for (i, e) in events.iter().enumerate() {
        if let Event::Start(Tag::Heading { id, .. }) = e {
            let end = end_of(events, i, |e| matches!(e, Event::End(TagEnd::Heading(_))));
            let base = id
                .as_ref()
                .map_or_else(|| slug(&plain_text(&events[i + 1..end])), |s| s.to_string());
            let mut hid = base.clone();
            let mut n = 2;
            while used.contains(&hid) {
                hid = format!("{base}-{n}");
                n += 1;
            }
            used.insert(hid.clone());
            out.push(hid);
        }
    }
    out
}

/// The ids of the headings of a notice's Markdown, as its HTML page gives them (without a
/// prefix): what an in-page reference may lead to.
pub fn page_ids(markdown: &str) -> HashSet<String> {
    heading_ids(&notice_events(markdown)).into_iter().collect()
}

/// [`to_html`], with the links that name an id resolved as `refs` says (none: in-page links
/// are kept as they are), and the ids of the headings.
pub fn render_html(
    markdown: &str,
    markers: &[&str],
    id_prefix: &str,
    refs: Option<&PageReferences<'_>>,
) -> HtmlPage {
    let events = notice_events(markdown);
    let ids = heading_ids(&events);
    let on_page: HashSet<String> = ids.iter().cloned().collect();
    let mut ids = ids.into_iter();
    let mut out: Vec<Event<'_>> = Vec::with_capacity(events.len());
    let mut toc = Vec::new();
    let mut strong: Vec<bool> = Vec::new();
    // Whether each open link was written (a draft drops a reference that leads nowhere).
    let mut links: Vec<bool> = Vec::new();
    let mut table = TableState::default();
    let mut in_code = false;
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Start(Tag::Heading { level, .. }) => {
                let end = end_of(&events, i, |e| matches!(e, Event::End(TagEnd::Heading(_))));
                let text = plain_text(&events[i + 1..end]);
                let hid = ids.next().unwrap_or_default();
                let hid = format!("{id_prefix}{hid}");
                let lvl = *level as u8;
                if lvl == 2 || lvl == 3 {
                    toc.push(TocEntry {
                        id: hid.clone(),
                        text: text.trim().to_string(),
                        level: lvl,
                    });
                }
                out.push(Event::Start(Tag::Heading {
                    level: *level,
                    id: Some(hid.into()),
                    classes: Vec::new(),
                    attrs: Vec::new(),
                }));
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                let end = end_of(&events, i, |e| matches!(e, Event::End(TagEnd::Link)));
                let text = plain_text(&events[i + 1..end]);
                let resolved = match (refs, reference_id(dest_url)) {
                    (Some(r), Some(id)) if dest_url.starts_with('#') => {
                        let cx = ReferenceContext {
                            targets: r.targets,
                            page: r.page,
                            from: r.from,
                            on_page: &on_page,
                            links: PageLinks::Html,
                        };
                        match resolve_reference(&id, &cx) {
                            Some(href) => Some(href),
                            None if r.draft => None,
                            None => Some(dest_url.to_string()),
                        }
                    }
                    _ => Some(dest_url.to_string()),
                };
                links.push(resolved.is_some());
                if let Some(href) = resolved {
                    out.push(Event::InlineHtml(link_tag(&href, &text, id_prefix).into()));
                }
            }
            Event::End(TagEnd::Link) => {
                if links.pop().unwrap_or(true) {
                    out.push(Event::InlineHtml("</a>".into()))
                }
            }
            Event::Start(Tag::Strong) => {
                let marked = matches!(events.get(i + 1), Some(Event::Text(t)) if markers.iter().any(|m| !m.is_empty() && t.starts_with(m)));
                strong.push(marked);
                out.push(if marked {
                    Event::InlineHtml("<strong class=\"missing\">".into())
                } else {
                    Event::Start(Tag::Strong)
                });
            }
            Event::End(TagEnd::Strong) => out.push(if strong.pop().unwrap_or(false) {
                Event::InlineHtml("</strong>".into())
            } else {
                Event::End(TagEnd::Strong)
            }),
            Event::Start(Tag::BlockQuote(kind)) => {
                let class = match kind {
                    Some(
                        BlockQuoteKind::Important
                        | BlockQuoteKind::Warning
                        | BlockQuoteKind::Caution,
                    ) => "note important",
                    _ => "note",
                };
                out.push(Event::Html(
                    format!("<div class=\"{class}\" role=\"note\">\n").into(),
                ));
            }
            Event::End(TagEnd::BlockQuote(_)) => out.push(Event::Html("</div>\n".into())),
            Event::Start(Tag::Table(_))
            | Event::End(TagEnd::Table)
            | Event::Start(Tag::TableHead | Tag::TableRow | Tag::TableCell)
            | Event::End(TagEnd::TableHead | TagEnd::TableRow | TagEnd::TableCell) => {
                i = table.write(&events, i, &mut out);
            }
            Event::Start(Tag::CodeBlock(_)) => {
                in_code = true;
                out.push(events[i].clone());
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                out.push(events[i].clone());
            }
            // Text is escaped here, with the line-break rules of the page (a no-break space
            // in "10 §", `<wbr>` in e-mail addresses); a code block keeps its text as written.
            Event::Text(t) if !in_code => {
                let mut text = String::with_capacity(t.len());
                super::typography::push_text(t, &mut text);
                out.push(Event::InlineHtml(text.into()));
            }
            e => out.push(e.clone()),
        }
        i += 1;
    }
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    HtmlPage {
        html,
        toc,
        ids: on_page,
    }
}

/// The in-page links of `html` (`href="#…"`) whose target is no `id` of it, each once, in
/// order: what a page must not hold. The last line of defence behind the lint's
/// `dangling-reference`, run on every page and fragment seloste writes, whatever its
/// templates. Only the markup is read (attribute values are escaped in seloste's pages, so a
/// text cannot look like one); the contents of `<style>` and `<script>` are not markup.
pub fn dangling_links(html: &str) -> Vec<String> {
    let mut ids: HashSet<&str> = HashSet::new();
    let mut hrefs: Vec<&str> = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let Some(close) = rest.find('>') else { break };
        let tag = &rest[..close];
        rest = &rest[close + 1..];
        let name_len = tag
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(tag.len());
        let name = &tag[..name_len];
        if let Some(end_tag) = ["style", "script"]
            .into_iter()
            .find(|n| name.eq_ignore_ascii_case(n))
        {
            match rest.find(&format!("</{end_tag}")) {
                Some(end) => rest = &rest[end..],
                None => break,
            }
            continue;
        }
        for (attr, value) in attributes(tag) {
            if attr.eq_ignore_ascii_case("id") {
                ids.insert(value);
            } else if attr.eq_ignore_ascii_case("href")
                && let Some(target) = value.strip_prefix('#')
            {
                hrefs.push(target);
            }
        }
    }
    let mut out: Vec<String> = Vec::new();
    for h in hrefs {
        if !ids.contains(h) && !out.iter().any(|o| o == h) {
            out.push(h.to_string());
        }
    }
    out
}

/// The `name="value"` attributes of a tag's text (without `<` and `>`).
fn attributes(tag: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut rest = tag;
    while let Some(eq) = rest.find("=\"") {
        let name = rest[..eq]
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let after = &rest[eq + 2..];
        let Some(end) = after.find('"') else { break };
        out.push((name, &after[..end]));
        rest = &after[end + 1..];
    }
    out
}

/// `<a …>` for a link (already filtered: safe, in-page or relative) with the plain `text`.
fn link_tag(dest_url: &str, text: &str, id_prefix: &str) -> String {
    let mut a = String::from("<a href=\"");
    match dest_url.strip_prefix('#') {
        Some(anchor) => {
            a.push('#');
            html_escape(id_prefix, &mut a);
            html_escape(anchor, &mut a);
        }
        None => html_escape(dest_url, &mut a),
    }
    a.push('"');
    let relative = !is_safe_url(dest_url) && is_relative_url(dest_url);
    let target = dest_url
        .trim_start_matches("mailto:")
        .trim_start_matches("tel:");
    // In-page anchors, other pages of the site, phone numbers (their text is the number) and
    // links whose text is their target need no target printed after them.
    if dest_url.starts_with('#')
        || relative
        || dest_url.starts_with("tel:")
        || text.trim() == target.trim()
        || text.trim() == dest_url.trim()
    {
        a.push_str(" class=\"plain\"");
    } else {
        a.push_str(" data-target=\"");
        html_escape(target, &mut a);
        a.push('"');
    }
    a.push('>');
    a
}

/// Where the writing of a table is: its markup is seloste's own, not `push_html`'s.
#[derive(Default)]
struct TableState {
    align: Vec<Alignment>,
    in_head: bool,
    cell: usize,
    /// The text of each header cell: body cells carry their column's as `data-label`, which
    /// the stylesheet shows when a narrow screen stacks a table's cells.
    head_labels: Vec<String>,
    empty_columns: Vec<bool>,
}

impl TableState {
    /// Writes the table event at `ev[i]` as markup; returns the index of the last event
    /// consumed (past a left-out cell's contents).
    fn write<'a>(&mut self, ev: &[Event<'a>], i: usize, out: &mut Vec<Event<'a>>) -> usize {
        let html = |s: String| Event::Html(CowStr::from(s));
        match &ev[i] {
            Event::Start(Tag::Table(align)) => {
                self.align = align.clone();
                self.head_labels.clear();
                self.empty_columns = empty_body_columns(&ev[i..], align.len());
                out.push(html("<div class=\"table\"><table>\n".into()));
            }
            Event::End(TagEnd::Table) => out.push(html("</tbody>\n</table></div>\n".into())),
            Event::Start(Tag::TableHead) => {
                self.in_head = true;
                self.cell = 0;
                out.push(html("<thead>\n<tr>".into()));
            }
            Event::End(TagEnd::TableHead) => {
                self.in_head = false;
                out.push(html("</tr>\n</thead>\n<tbody>\n".into()));
            }
            Event::Start(Tag::TableRow) => {
                self.cell = 0;
                out.push(html("<tr>".into()));
            }
            Event::End(TagEnd::TableRow) => out.push(html("</tr>\n".into())),
            Event::Start(Tag::TableCell) => {
                let end = end_of(ev, i, |e| matches!(e, Event::End(TagEnd::TableCell)));
                if self.empty_columns.get(self.cell) == Some(&true) {
                    // A column with nothing in any row says nothing and only takes room.
                    if self.in_head {
                        self.head_labels.push(String::new());
                    }
                    self.cell += 1;
                    return end;
                }
                let align = match self.align.get(self.cell) {
                    Some(Alignment::Right) => "right",
                    Some(Alignment::Center) => "center",
                    _ => "",
                };
                let mut tag = String::new();
                if self.in_head {
                    self.head_labels
                        .push(plain_text(&ev[i + 1..end]).trim().to_string());
                    tag.push_str("<th scope=\"col\"");
                    push_class(&[align], &mut tag);
                } else {
                    // A long word may break anywhere in its cell (see `has_long_word`).
                    let long = if has_long_word(&ev[i + 1..end]) {
                        "long"
                    } else {
                        ""
                    };
                    tag.push_str("<td");
                    push_class(&[align, long], &mut tag);
                    if let Some(label) = self.head_labels.get(self.cell).filter(|l| !l.is_empty()) {
                        tag.push_str(" data-label=\"");
                        html_escape(label, &mut tag);
                        tag.push('"');
                    }
                }
                tag.push('>');
                out.push(html(tag));
            }
            Event::End(TagEnd::TableCell) => {
                out.push(html(if self.in_head { "</th>" } else { "</td>" }.into()));
                self.cell += 1;
            }
            _ => {}
        }
        i
    }
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
            Event::Text(t) | Event::Code(t) if !in_head && !t.trim().is_empty() => {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn html(md: &str) -> String {
        to_html(md, &["PUUTTUU"], "").0
    }

    #[test]
    fn headings_get_ids_and_contents_entries() {
        let (h, toc) = to_html(
            "# Otsikko\n\n## Rekisterinpitäjä {#rekisterinpitaja}\n\n### Oikeus saada pääsy tietoihin\n\n## Rekisterinpitäjä\n",
            &[],
            "",
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
        assert!(!html(&super::super::sanitize::block("[x](a.html)")).contains("<a "));
    }

    #[test]
    fn in_page_links_without_a_target_are_found() {
        let page = "<style>a[href=\"#tyyli\"]{}</style><a class=\"skip\" href=\"#sisalto\">x</a>\
                    <main id=\"sisalto\"><h2 id=\"oikeudet\">O</h2><p>&quot; href=&quot;#teksti&quot;</p>\
                    <a href=\"#oikeudet\">o</a> <a href=\"#evasteet\" class=\"plain\">e</a>\
                    <a href=\"muu.html#x\">m</a><a href=\"#evasteet\">e</a><a href='#y'>y</a></main>";
        // Only markup counts: not a style sheet, not text; each missing id once.
        assert_eq!(dangling_links(page), ["evasteet"]);
        assert!(dangling_links("<p id=\"a\"><a href=\"#a\">a</a></p>").is_empty());
        assert_eq!(dangling_links("<a href=\"#\">tyhjä</a>"), [""]);
    }

    #[test]
    fn references_resolve_in_the_page_with_its_prefix_and_to_other_pages() {
        let mut targets = ReferenceTargets::default();
        targets.registers.insert("muu".into(), None);
        let refs = |draft| PageReferences {
            targets: &targets,
            page: PageOf::Register("tama"),
            from: Some("tama"),
            draft,
        };
        let md = "## Oikeudet {#oikeudet}\n\n[o](#oikeudet) [m](#muu) [e](#evasteet) loppu\n";
        let published = render_html(md, &[], "p-", Some(&refs(false)));
        assert!(published.ids.contains("oikeudet"));
        let h = &published.html;
        assert!(h.contains("<h2 id=\"p-oikeudet\">"), "{h}");
        assert!(
            h.contains("<a href=\"#p-oikeudet\" class=\"plain\">o</a>"),
            "{h}"
        );
        assert!(
            h.contains("<a href=\"muu.html\" class=\"plain\">m</a>"),
            "{h}"
        );
        // Published: the link stays, and the page check refuses it.
        assert!(h.contains("<a href=\"#p-evasteet\""), "{h}");
        assert_eq!(dangling_links(h), ["p-evasteet"]);
        // A draft shows it as its text.
        let draft = render_html(md, &[], "p-", Some(&refs(true))).html;
        assert!(draft.contains(" e loppu"), "{draft}");
        assert!(dangling_links(&draft).is_empty(), "{draft}");
        // Without references, in-page links are kept as written.
        assert!(html(md).contains("<a href=\"#muu\""));
    }
}
