//! The notice's Markdown as text.
//!
//! - user text into the notice's Markdown goes through [`sanitize`](super::sanitize), the
//!   security boundary; its functions are re-exported here for the templates;
//! - [`slug`] and [`plain`] make heading ids and one-line titles of Markdown.
//!
//! The HTML page is made from this Markdown by [`html`](super::html).

use pulldown_cmark::{Event, Parser, TagEnd};

use super::links::{PageOf, ReferenceContext, reference_id, resolve_reference};
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

/// The notice's Markdown as plain CommonMark with GFM tables, for any renderer: without
/// heading attributes and without in-page links.
///
/// The templates give each heading a fixed id (`## Rekisterinpitäjä {#rekisterinpitaja}`) and
/// link to them (`[Oikeus vastustaa käsittelyä](#vastustamisoikeus)`). Hugo, Zola and the
/// HTML page read the ids; CommonMark has no such syntax, so cmark, cmark-gfm, markdown-it and
/// GitHub would show `{#rekisterinpitaja}` as text. Nor can a link name a heading there: cmark
/// and markdown-it give headings no ids, and GitHub, GitLab and pandoc each make their own
/// from the text (GitHub with a `user-content-` prefix and a script). So the attribute goes,
/// and an in-page link becomes its text — which names the section it pointed to. No raw HTML
/// anchor is added: the output promises plain Markdown.
///
/// Only the syntax the parser read as an attribute or an in-page link is touched: user text
/// reaches here escaped (`\{\#…\}`), so nothing a user wrote can be taken for either.
pub fn portable(md: &str) -> String {
    use pulldown_cmark::{Options, Tag};
    let opts = Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES;
    // Source ranges to replace, with what replaces them, in order.
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    for (e, r) in Parser::new_ext(md, opts).into_offset_iter() {
        match e {
            Event::Start(Tag::Heading {
                id, classes, attrs, ..
            }) if id.is_some() || !classes.is_empty() || !attrs.is_empty() => {
                // The attribute block is the last `{…}` of the heading's line.
                let line = &md[r.clone()];
                let line_end = r.start + line.find('\n').unwrap_or(line.len());
                let text = md[r.start..line_end].trim_end();
                if let Some(open) = text.rfind('{').filter(|_| text.ends_with('}')) {
                    let keep = text[..open].trim_end().len();
                    edits.push((r.start + keep..r.start + text.len(), String::new()));
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) if dest_url.starts_with('#') => {
                let src = &md[r.clone()];
                let Some(split) = src.rfind("](").filter(|_| src.starts_with('[')) else {
                    continue;
                };
                let mut text = src[1..split].to_string();
                // At the start of a line, the text must not start a block of its own.
                let line_start = md[..r.start]
                    .rsplit('\n')
                    .next()
                    .is_none_or(|l| l.trim().is_empty());
                if line_start && text.starts_with(['-', '+', '*', '=', ':', '#', '>', '|']) {
                    text.insert(0, '\\');
                }
                edits.push((r, text));
            }
            _ => {}
        }
    }
    let mut out = String::with_capacity(md.len());
    let mut copied = 0;
    for (r, with) in edits {
        if r.start < copied {
            continue;
        }
        out.push_str(&md[copied..r.start]);
        out.push_str(&with);
        copied = r.end;
    }
    out.push_str(&md[copied..]);
    out
}

/// The notice's Markdown with the links that name an id (`[potilasrekisteri](#potilasrekisteri)`)
/// resolved for the output at hand ([`resolve_reference`]): a link to another page gets that
/// page's address (`potilasrekisteri.md`, `../potilasrekisteri/`), a register's own section on
/// a combined page its anchor there (`#potilasrekisteri-oikeudet`). A link that leads nowhere
/// is left as it is, for the HTML page's check to report ([`super::html::dangling_links`]).
///
/// On a page of its own, a page's Markdown whose links name no other page is returned as it is,
/// without a parse.
pub fn resolve_references(md: &str, cx: &ReferenceContext<'_>) -> String {
    let other_page = md.match_indices("](#").any(|(i, _)| {
        let id: String = md[i + 3..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        cx.targets.is_page(&id)
    });
    if !other_page && !matches!(cx.page, PageOf::Combined(_)) {
        return md.to_string();
    }
    use pulldown_cmark::{Options, Tag};
    let opts = Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    for (e, r) in Parser::new_ext(md, opts).into_offset_iter() {
        let Event::Start(Tag::Link { dest_url, .. }) = e else {
            continue;
        };
        let Some(id) = dest_url
            .strip_prefix('#')
            .and_then(|_| reference_id(&dest_url))
        else {
            continue;
        };
        let Some(href) = resolve_reference(&id, cx) else {
            continue;
        };
        let src = &md[r.clone()];
        // `[text](#id)`: the destination is between the last `](` and the closing `)`.
        let Some(split) = src
            .rfind("](")
            .filter(|_| src.starts_with('[') && src.ends_with(')'))
        else {
            continue;
        };
        if src[split + 2..src.len() - 1].trim() != dest_url.as_ref() {
            continue;
        }
        if href != *dest_url {
            edits.push((r.start + split + 2..r.end - 1, href));
        }
    }
    let mut out = String::with_capacity(md.len() + edits.len() * 8);
    let mut copied = 0;
    for (r, with) in edits {
        out.push_str(&md[copied..r.start]);
        out.push_str(&with);
        copied = r.end;
    }
    out.push_str(&md[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Options, Tag};

    /// What a CommonMark renderer sees of `md`, without heading ids and in-page links, and
    /// with adjacent texts joined.
    fn seen(md: &str, opts: Options) -> Vec<String> {
        let mut link: Vec<bool> = Vec::new();
        let mut out: Vec<String> = Vec::new();
        let mut text = false;
        for e in Parser::new_ext(md, opts) {
            let item = match e {
                Event::Text(t) => {
                    match out.last_mut() {
                        Some(last) if text => last.push_str(&t),
                        _ => out.push(t.to_string()),
                    }
                    text = true;
                    continue;
                }
                Event::Start(Tag::Link { dest_url, .. }) => {
                    link.push(dest_url.starts_with('#'));
                    (!dest_url.starts_with('#')).then(|| format!("link {dest_url}"))
                }
                Event::End(TagEnd::Link) => (!link.pop().unwrap_or(false)).then(|| "/link".into()),
                Event::Start(Tag::Heading { level, .. }) => Some(format!("{level:?}")),
                e => Some(format!("{e:?}")),
            };
            if let Some(item) = item {
                out.push(item);
                text = false;
            }
        }
        out
    }

    #[test]
    fn portable_markdown_has_no_attributes_or_in_page_links_and_keeps_the_rest() {
        let md = "# Otsikko\n\n## Rekisterinpitäjä {#rekisterinpitaja}\n\n\
                  ### {#x} kohta  {#oikeus-tietoihin}\n\n\
                  Katso [Oikeus vastustaa](#vastustamisoikeus) ja [sivu](https://x.fi), \\{\\#ei\\}.\n\n\
                  | Kohta | Aika |\n|---|---|\n| [*Säilytys*](#sailytysaika) | 2 v |\n\n\
                  [- ei lista](#a)\n";
        let p = portable(md);
        assert_eq!(
            p,
            "# Otsikko\n\n## Rekisterinpitäjä\n\n### {#x} kohta\n\n\
             Katso Oikeus vastustaa ja [sivu](https://x.fi), \\{\\#ei\\}.\n\n\
             | Kohta | Aika |\n|---|---|\n| *Säilytys* | 2 v |\n\n\\- ei lista\n"
        );
        // A plain CommonMark renderer sees what a reader of the attributes saw, less the ids
        // and in-page links.
        let strict = Options::ENABLE_TABLES;
        let attrs = strict | Options::ENABLE_HEADING_ATTRIBUTES;
        assert_eq!(seen(&p, strict), seen(md, attrs));
        assert_eq!(portable("Ei mitään.\n"), "Ei mitään.\n");
    }

    #[test]
    fn references_to_other_pages_get_their_address_and_the_rest_is_kept() {
        use super::super::links::{PageLinks, ReferenceTargets};
        let mut targets = ReferenceTargets::default();
        targets.registers.insert("muu".into(), None);
        let on_page: std::collections::HashSet<String> =
            ["oikeudet".to_string()].into_iter().collect();
        let cx = |page, links| ReferenceContext {
            targets: &targets,
            page,
            from: Some("tama"),
            on_page: &on_page,
            links,
        };
        let md = "## Oikeudet {#oikeudet}\n\n[o](#oikeudet), [m](#muu), [e](#evasteet).\n\n| a |\n|---|\n| [m](#muu) |\n";
        let hugo = resolve_references(md, &cx(PageOf::Register("tama"), PageLinks::Section));
        assert_eq!(
            hugo,
            "## Oikeudet {#oikeudet}\n\n[o](#oikeudet), [m](../muu/), [e](#evasteet).\n\n| a |\n|---|\n| [m](../muu/) |\n"
        );
        let plain = portable(&resolve_references(
            md,
            &cx(PageOf::Register("tama"), PageLinks::Markdown),
        ));
        assert_eq!(
            plain,
            "## Oikeudet\n\no, [m](muu.md), e.\n\n| a |\n|---|\n| [m](muu.md) |\n"
        );
        // Nothing to resolve: the text as it was.
        let same = "[o](#oikeudet)\n";
        assert_eq!(
            resolve_references(same, &cx(PageOf::Register("tama"), PageLinks::Html)),
            same
        );
        // On a combined page, a register's own section gets its anchor there.
        let on_page: std::collections::HashSet<String> =
            ["tama-oikeudet".to_string()].into_iter().collect();
        let combined = ReferenceContext {
            on_page: &on_page,
            ..cx(PageOf::Combined("kaikki"), PageLinks::Section)
        };
        assert_eq!(
            resolve_references("[o](#oikeudet)\n", &combined),
            "[o](#tama-oikeudet)\n"
        );
    }
}
