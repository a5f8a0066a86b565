//! No user text becomes markup in the Markdown output (issue 7, case 4): each reported way in
//! is reproduced through the whole pipeline, and property tests feed hostile text through the
//! sanitiser alone and through the pipeline, judging the output by its structure as a
//! Markdown consumer sees it (pulldown-cmark with every extension on).

use std::path::Path;

use chrono::NaiveDate;
use proptest::prelude::*;
use pulldown_cmark::{Event, HeadingLevel, Options as MdOptions, Parser, Tag, TagEnd};
use seloste::pipeline::{MemoryFiles, Options, Outcome, run_project};
use seloste::render::{self, FrontMatter, OutputFile, RenderOptions, sanitize, templates};

const PROJECT: &str = "\
controller:
  name: Esimerkki Oy
  business_id: 1234567-1
  address: PL 100, 00100 Helsinki
  email: tietosuoja@esimerkki.fi
  phone: 09 123 4567
  website: WEBSITE
contact:
  name: Asiakaspalvelu
  email: asiakaspalvelu@esimerkki.fi
  phone: 09 123 4500
dpo: none
";

/// A register with `{p}` in every text field that a template places somewhere different:
/// inline (headings, list items, labelled lines, link text), table cells, and blocks (own
/// paragraphs and labelled lines).
const REGISTER: &str = "\
title: {p}
updated: 2026-10-01
description: {p}
collection: both
data_subjects: [{p}]
purposes:
  - description: {p}
    legal_basis: legitimate_interests
    legitimate_interest: {p}
    direct_marketing: true
  - description: {p}
    legal_basis: [legal_obligation, consent]
    law: {p}
personal_data:
  - category: {p}
    description: {p}
    provision: statutory
    consequence: {p}
sources:
  - description: {p}
    public: true
recipients:
  - name: {p}
    role: processor
    purpose: {p}
    law: {p}
transfers:
  - recipient: {p}
    country: IN
    organisation: {p}
    mechanism: standard_contractual_clauses
    document: {p}
retention:
  - data: {p}
    period: 2 years
    criteria: {p}
    from: {p}
    law: {p}
automated_decisions:
  - description: {p}
    logic: {p}
    consequences: {p}
further_processing:
  - purpose: {p}
    details: {p}
rights:
  exercise: {p}
  access:
    note: {p}
    restriction: {p}
    law: {p}
  objection:
    note: {p}
  withdraw_consent:
    note: {p}
  complaint:
    note: {p}
security: {p}
extra_sections:
  - title: {p}
    text: {p}
";

/// Loads a project whose website is `website` and whose register has `text` in every text
/// field, and renders it as a draft (so that lint errors do not stop it).
fn render_with(website: &str, text: &str) -> Vec<OutputFile> {
    let quoted = |s: &str| serde_json::to_string(s).unwrap();
    render_project(&PROJECT.replace("WEBSITE", &quoted(website)), text)
}

/// As [`render_with`], with the benign website and `settings.base_url: base`.
fn render_with_base(base: &str, text: &str) -> Vec<OutputFile> {
    let quoted = |s: &str| serde_json::to_string(s).unwrap();
    let project = format!(
        "{}settings:\n  base_url: {}\n",
        PROJECT.replace("WEBSITE", &quoted(BENIGN_WEBSITE)),
        quoted(base)
    );
    render_project(&project, text)
}

fn render_project(project: &str, text: &str) -> Vec<OutputFile> {
    let quoted = |s: &str| serde_json::to_string(s).unwrap();
    let mut files = MemoryFiles::new();
    files.insert("seloste.yaml", project);
    files.insert(
        "notices/rekisteri.yaml",
        &REGISTER.replace("{p}", &quoted(text)),
    );
    let outcome: Outcome = run_project(
        Path::new("seloste.yaml"),
        &files,
        &Options {
            today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            keep_registers: true,
        },
    );
    assert_eq!(
        outcome.tally().input_errors,
        0,
        "{text:?}: {:?}",
        outcome.diagnostics
    );
    let t = templates::builtin().unwrap();
    let opts = RenderOptions {
        draft: true,
        front_matter: FrontMatter::None,
        fragments: false,
        id_prefix: None,
        today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
    };
    render::render(
        outcome.project.as_ref().unwrap(),
        &outcome.registers,
        &t,
        &opts,
        &render::Marks::none(),
        &|| {},
    )
    .unwrap()
    .into_iter()
    .filter(|f| f.path.ends_with(".md"))
    .collect()
}

/// What a consumer sees of a Markdown document's structure: its headings (level, and the
/// explicit id if it has one), the shape of its tables (cells per row) and whether any raw
/// HTML is in it.
#[derive(Debug, PartialEq, Eq)]
struct Skeleton {
    headings: Vec<(HeadingLevel, String)>,
    tables: Vec<Vec<usize>>,
    html: Vec<String>,
}

fn skeleton(md: &str) -> Skeleton {
    let mut s = Skeleton {
        headings: Vec::new(),
        tables: Vec::new(),
        html: Vec::new(),
    };
    for e in Parser::new_ext(md, MdOptions::all()) {
        match e {
            Event::Start(Tag::Heading { level, id, .. }) => {
                // The id of a further section is made from its (user's) title.
                let id = id.map(|i| i.to_string()).unwrap_or_default();
                let id = if id.starts_with("lisatieto-") {
                    "lisatieto-…".to_string()
                } else {
                    id
                };
                s.headings.push((level, id));
            }
            Event::Start(Tag::Table(_)) => s.tables.push(Vec::new()),
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                if let Some(t) = s.tables.last_mut() {
                    t.push(0);
                }
            }
            Event::End(TagEnd::TableCell) => {
                if let Some(n) = s.tables.last_mut().and_then(|t| t.last_mut()) {
                    *n += 1;
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => s.html.push(h.to_string()),
            _ => {}
        }
    }
    s
}

const BENIGN_WEBSITE: &str = "https://www.esimerkki.fi";
const BENIGN: &str = "Asiakkaat";

/// Renders `text` everywhere and checks every Markdown file against the same project with
/// benign text: the same headings and tables, and no raw HTML.
fn assert_structure_kept(website: &str, text: &str) {
    let benign = render_with(BENIGN_WEBSITE, BENIGN);
    let hostile = render_with(website, text);
    assert_eq!(benign.len(), hostile.len());
    for (b, h) in benign.iter().zip(&hostile) {
        let (sb, sh) = (skeleton(&b.contents), skeleton(&h.contents));
        assert!(
            sh.html.is_empty(),
            "{website:?} / {text:?}: raw HTML {:?} in {}:\n{}",
            sh.html,
            h.path,
            h.contents
        );
        assert_eq!(
            sb, sh,
            "{website:?} / {text:?}: the structure of {} changed:\n{}",
            h.path, h.contents
        );
    }
}

#[test]
fn a_website_cannot_close_its_autolink() {
    assert_structure_kept("https://x.fi/\"><script>alert(1)</script>", BENIGN);
    assert_structure_kept("https://x.fi/a`b|c<d>e\\f(g)h&lt;i", BENIGN);
}

#[test]
fn a_code_span_with_a_pipe_cannot_break_a_table_open() {
    assert_structure_kept(BENIGN_WEBSITE, "`a|<img src=x onerror=alert(1)>`");
    assert_structure_kept(BENIGN_WEBSITE, "`a\\|<img src=x onerror=alert(1)>`");
}

#[test]
fn an_empty_fenced_block_cannot_unpair_backticks() {
    assert_structure_kept(
        BENIGN_WEBSITE,
        "```\n```\n\n`` ` ``\n\n`<img src=x onerror=alert(1)>`",
    );
}

#[test]
fn a_text_starting_with_a_fence_cannot_swallow_the_notice() {
    for opening in [
        "```\nkoodia",
        "~~~\nkoodia",
        "    sisennetty koodi",
        "<div>\n\nx",
        "# otsikko",
        "- lista\n- toinen",
        "* lista",
        "1. lista",
        "> lainaus",
        "---\nx",
        "[x]: https://x.fi\n\n[x]",
        "teksti\n===",
        "| a | b |\n|---|---|\n| c | d |",
    ] {
        assert_structure_kept(BENIGN_WEBSITE, opening);
    }
}

#[test]
fn links_in_user_text_stay_links_and_nothing_else() {
    let files = render_with(
        BENIGN_WEBSITE,
        "[a](https://x.fi/\"><b>) <https://x.fi/`<b>`> [c](https://x.fi/|) <a`b@c.fi> [d](javascript:alert(1))",
    );
    for f in &files {
        let s = skeleton(&f.contents);
        assert!(s.html.is_empty(), "{:?} in {}", s.html, f.contents);
        assert!(!f.contents.contains("javascript:alert"), "{}", f.contents);
    }
}

#[test]
fn in_page_anchors_in_user_text_stay_in_page_links_and_other_schemes_never_pass() {
    // `#oikeudet` points at the notice's own heading: it stays a link, as it is, with or
    // without a base URL; nothing that only looks like an anchor becomes another scheme.
    let text = "[oikeuksistasi](#oikeudet) [x](javascript:alert(1)) [y](#a\"onclick=b) [z](data:text/html,x) [w](vbscript:x) [v](#)";
    for files in [
        render_with(BENIGN_WEBSITE, text),
        render_with_base("https://www.esimerkki.fi/tietosuoja/", text),
    ] {
        for f in files
            .iter()
            .filter(|f| f.path.ends_with(".md") && f.path != "index.md")
        {
            let targets = link_targets(&f.contents);
            assert!(
                targets.contains(&"#oikeudet".to_string()),
                "{targets:?} in {}",
                f.contents
            );
            for t in &targets {
                assert!(
                    !t.contains("javascript")
                        && !t.contains("data:")
                        && !t.contains("vbscript")
                        && !t.contains('"')
                        && t != "#",
                    "{t:?} in {}",
                    f.contents
                );
            }
        }
    }
}

#[test]
fn a_title_cannot_take_over_the_index_link_to_its_notice() {
    // CommonMark lets a link inside a link's text win: `[[x](evil)](rekisteri.md)`.
    let files = render_with(BENIGN_WEBSITE, "[Klikkaa](https://evil.example/)");
    let index = &files
        .iter()
        .find(|f| f.path == "index.md")
        .unwrap()
        .contents;
    let targets: Vec<String> = Parser::new_ext(index, MdOptions::all())
        .filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.to_string()),
            _ => None,
        })
        .collect();
    assert!(targets.contains(&"rekisteri.md".to_string()), "{index}");
    assert!(!targets.iter().any(|t| t.contains("evil")), "{index}");
}

/// The link targets in a Markdown document, as a consumer reads them.
fn link_targets(md: &str) -> Vec<String> {
    Parser::new_ext(md, MdOptions::all())
        .filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.to_string()),
            _ => None,
        })
        .collect()
}

/// Whether a link in a rendered notice is one the notice may hold: the template's own (an
/// in-page anchor or another page of the output), an address on the base's host, or the
/// fixed addresses of the project (mailto, tel, the supervisory authority's site).
fn allowed_target(t: &str, host: &str) -> bool {
    t.starts_with('#')
        || t.ends_with(".md") && !t.contains(':')
        || t.starts_with(&format!("https://{host}/"))
        || t.starts_with("mailto:")
        || t.starts_with("tel:")
        || t == "https://tietosuoja.fi"
        || t == BENIGN_WEBSITE
}

#[test]
fn relative_links_resolve_against_the_base_url_and_stay_on_its_host() {
    let files = render_with_base(
        "https://www.esimerkki.fi/tietosuoja/seloste.html",
        "[lomake](lomakkeet/pyynto.html) [ylös](../ohjeet/) [juuri](/yhteys?kieli=fi#kartta)",
    );
    let notice = files
        .iter()
        .find(|f| f.path == "rekisteri.md")
        .unwrap()
        .contents
        .as_str();
    let targets = link_targets(notice);
    for expected in [
        "https://www.esimerkki.fi/tietosuoja/lomakkeet/pyynto.html",
        "https://www.esimerkki.fi/ohjeet/",
        "https://www.esimerkki.fi/yhteys?kieli=fi#kartta",
    ] {
        assert!(
            targets.iter().any(|t| t == expected),
            "{expected} in {targets:?}"
        );
    }
    // Without a base they are shown as their text.
    let files = render_with(BENIGN_WEBSITE, "[lomake](lomakkeet/pyynto.html)");
    let notice = &files
        .iter()
        .find(|f| f.path == "rekisteri.md")
        .unwrap()
        .contents;
    assert!(
        !link_targets(notice).iter().any(|t| t.contains("pyynto")),
        "{notice}"
    );
    assert!(notice.contains("lomake"), "{notice}");
}

#[test]
fn no_target_becomes_another_scheme_or_host_by_resolving() {
    for target in [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "javascript&#58;alert(1)",
        "java%0ascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:x",
        "//evil.example/x",
        "/\\evil.example/",
        "\\\\evil.example",
        "%2F%2Fevil.example",
        "https:evil.example",
        "../../../../../../etc/passwd",
        "<javascript:alert(1)>",
        "a\"onmouseover=\"alert(1)",
    ] {
        let files = render_with_base("https://www.esimerkki.fi/a/", &format!("[x]({target})"));
        for f in &files {
            let s = skeleton(&f.contents);
            assert!(s.html.is_empty(), "{target}: {:?}", s.html);
            for t in link_targets(&f.contents) {
                assert!(
                    allowed_target(&t, "www.esimerkki.fi"),
                    "{target} made a link to {t} in {}",
                    f.path
                );
            }
        }
    }
}

/// Hostile text: every character that means something to some Markdown construct, with
/// newlines, indentation and ordered-list markers.
fn hostile() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("`".to_string()),
        Just("```".to_string()),
        Just("~~~".to_string()),
        Just("|".to_string()),
        Just("<".to_string()),
        Just(">".to_string()),
        Just("&".to_string()),
        Just("&lt;".to_string()),
        Just("*".to_string()),
        Just("_".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("!".to_string()),
        Just("#".to_string()),
        Just("-".to_string()),
        Just("+".to_string()),
        Just("=".to_string()),
        Just("~".to_string()),
        Just("\\".to_string()),
        Just(":".to_string()),
        Just("$".to_string()),
        Just("^".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r".to_string()),
        Just("\u{c}".to_string()),
        Just("\u{b}".to_string()),
        Just("\u{a0}".to_string()),
        Just(" ".to_string()),
        Just("    ".to_string()),
        Just("\t".to_string()),
        Just("1.".to_string()),
        Just("2)".to_string()),
        Just("<b>".to_string()),
        Just("<!--".to_string()),
        Just("https://x.fi/".to_string()),
        Just("a@b.fi".to_string()),
        Just("javascript:".to_string()),
        "[a-z]{1,4}".prop_map(|s| s),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

/// [`hostile`] without the characters the loader refuses (NUL, form feed, …: see
/// tests/cmd/hostile-hidden-characters), which never reach the renderer; the sanitiser alone
/// still gets them.
fn loadable_hostile() -> impl Strategy<Value = String> {
    hostile().prop_map(|s| {
        s.chars()
            .filter(|c| seloste::characters::hidden(*c).is_none())
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// The sanitiser alone, in every kind of slot (see `sanitize::check_structure`).
    #[test]
    fn the_sanitiser_keeps_every_slot_shut(text in hostile()) {
        if let Err(e) = sanitize::check_structure(&text) {
            return Err(TestCaseError::fail(e));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Any link target, resolved against a base, gives a link on the base's host or none
    /// (absolute addresses and e-mail addresses, which are links of their own, left aside).
    #[test]
    fn resolved_links_never_leave_the_base_host(target in "[a-zA-Z0-9:/\\\\.%?#&;=@ <>\"'()\\[\\]-]{0,24}") {
        let lower = target.to_ascii_lowercase();
        prop_assume!(!["http", "mailto", "tel:", "@"].iter().any(|s| lower.contains(s)));
        let files = render_with_base("https://www.esimerkki.fi/a/b", &format!("[x]({target}) [y](<{target}>)"));
        for f in &files {
            for t in link_targets(&f.contents) {
                prop_assert!(allowed_target(&t, "www.esimerkki.fi"), "{:?} made a link to {:?}", target, t);
            }
        }
    }

    /// The whole pipeline on one register with the text in every field.
    #[test]
    fn hostile_text_everywhere_keeps_the_notice_as_the_template_made_it(text in loadable_hostile()) {
        // A text that shows nothing (blank, a rule, a link definition) is no text: the
        // sections it would fill are left out.
        prop_assume!(!sanitize::inline(&text).is_empty() && !sanitize::block(&text).is_empty());
        assert_structure_kept(BENIGN_WEBSITE, &text);
    }
}
