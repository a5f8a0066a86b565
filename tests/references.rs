//! References by id (`[Sinun oikeutesi](#oikeudet)`, `[potilasrekisterin selosteessa](#potilasrekisteri)`):
//! the project `tests/fixtures/references/` has two registers that name sections of their
//! notices and each other. Each output is pinned by a snapshot — plain Markdown, Markdown for
//! Hugo, and an HTML fragment with an id prefix — and every HTML page the build writes has
//! no in-page link without its target.

use std::path::Path;

use chrono::NaiveDate;
use seloste::pipeline::{Options, run};
use seloste::render::{self, FrontMatter, Marks, OutputFile, RenderOptions, html};

const PROJECT: &str = "tests/fixtures/references";

fn build(front_matter: FrontMatter, id_prefix: Option<&str>) -> Vec<OutputFile> {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let outcome = run(
        Some(Path::new(PROJECT)),
        Path::new("."),
        &Options {
            today,
            keep_registers: true,
        },
    );
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    let project = outcome.project.as_ref().unwrap();
    let t = outcome.templates.as_ref().unwrap();
    render::render(
        project,
        &outcome.registers,
        t,
        &RenderOptions {
            draft: false,
            front_matter,
            fragments: true,
            id_prefix: id_prefix.map(str::to_string),
            today,
        },
        &Marks::none(),
        &|| {},
    )
    .unwrap()
}

fn file<'a>(files: &'a [OutputFile], path: &str) -> &'a str {
    &files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("no {path}"))
        .contents
}

#[test]
fn plain_markdown_links_the_other_page_and_keeps_only_the_text_of_in_page_links() {
    let files = build(FrontMatter::None, None);
    let md = file(&files, "asiakasrekisteri.md");
    assert!(md.contains("[potilasrekisterin tietosuojaselosteessa](potilasrekisteri.md)"));
    assert!(md.contains("kohdassa Sinun oikeutesi;"), "{md}");
    assert!(!md.contains("](#"), "{md}");
    assert!(file(&files, "potilasrekisteri.md").contains("](asiakasrekisteri.md)"));
    insta::assert_snapshot!("plain__asiakasrekisteri", md);
}

#[test]
fn hugo_markdown_links_the_other_page_as_a_section_page_and_sections_by_their_anchor() {
    let files = build(FrontMatter::Hugo, None);
    let md = file(&files, "asiakasrekisteri.md");
    assert!(md.contains("[potilasrekisterin tietosuojaselosteessa](../potilasrekisteri/)"));
    assert!(md.contains("[Sinun oikeutesi](#oikeudet)"), "{md}");
    assert!(md.contains("[Säilytysaika](#sailytysaika)"), "{md}");
    assert!(md.contains("{#oikeudet}") && md.contains("{#sailytysaika}"));
    insta::assert_snapshot!("hugo__asiakasrekisteri", md);
}

#[test]
fn html_pages_and_prefixed_fragments_link_in_the_page_and_to_the_other_page() {
    let files = build(FrontMatter::None, Some("{id}-"));
    let page = file(&files, "asiakasrekisteri.html");
    assert!(page.contains("<a href=\"#oikeudet\" class=\"plain\">Sinun oikeutesi</a>"));
    assert!(page.contains("<a href=\"potilasrekisteri.html\" class=\"plain\">"));
    let fragment = file(&files, "fragment/asiakasrekisteri.html");
    assert!(fragment.contains("<h2 id=\"asiakasrekisteri-oikeudet\">"));
    assert!(
        fragment
            .contains("<a href=\"#asiakasrekisteri-oikeudet\" class=\"plain\">Sinun oikeutesi</a>"),
        "{fragment}"
    );
    assert!(
        fragment.contains(
            "<a href=\"#asiakasrekisteri-sailytysaika\" class=\"plain\">Säilytysaika</a>"
        )
    );
    assert!(fragment.contains("<a href=\"potilasrekisteri.html\" class=\"plain\">"));
    for f in files.iter().filter(|f| f.path.ends_with(".html")) {
        assert_eq!(
            html::dangling_links(&f.contents),
            Vec::<String>::new(),
            "{}",
            f.path
        );
    }
    insta::assert_snapshot!("fragment__asiakasrekisteri", fragment);
}

#[test]
fn docs_list_every_section_anchor_of_the_built_in_templates() {
    let doc = std::fs::read_to_string("docs/format.md").unwrap();
    let start = doc.find("### Cross-references").expect("the section");
    let section = &doc[start..];
    let t = render::templates::builtin().unwrap();
    let anchors = render::links::section_anchors(&t);
    assert!(anchors.len() > 20, "{anchors:?}");
    for a in anchors {
        assert!(
            section.contains(&format!("`{a}`")),
            "docs/format.md (Cross-references) does not list the anchor `{a}`"
        );
    }
}
