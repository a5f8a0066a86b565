//! The rendered notices: snapshots of the sample registers (Markdown and HTML) and of a
//! draft, an injection test over every text field, hostile file names, and determinism.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::NaiveDate;
use seloste::pipeline::{Files, MemoryFiles, Options, Outcome, run, run_project};
use seloste::render::{self, FrontMatter, OutputFile, RenderOptions, templates};

mod support;
use support::{get, render_outcome, without_css};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn opts(draft: bool, front_matter: FrontMatter) -> RenderOptions {
    RenderOptions {
        draft,
        front_matter,
        fragments: true,
        id_prefix: None,
        today: today(),
    }
}

fn load(dir: &str) -> Outcome {
    run(
        Some(Path::new(dir)),
        Path::new("."),
        &Options {
            today: today(),
            keep_registers: true,
        },
    )
}

fn load_memory(files: &dyn Files) -> Outcome {
    run_project(
        Path::new("seloste.yaml"),
        files,
        &Options {
            today: today(),
            keep_registers: true,
        },
    )
}

#[test]
fn sample_registers_render_as_pinned() {
    let outcome = load(".");
    assert!(outcome.diagnostics.is_empty());
    let files = render_outcome(&outcome, opts(false, FrontMatter::None));
    for doc in &outcome.registers {
        insta::assert_snapshot!(
            format!("sample-{}.md", doc.id),
            get(&files, &format!("{}.md", doc.id))
        );
        insta::assert_snapshot!(
            format!("sample-{}.html", doc.id),
            without_css(get(&files, &format!("{}.html", doc.id)))
        );
    }
    insta::assert_snapshot!("sample-index.md", get(&files, "index.md"));
    insta::assert_snapshot!("sample-index.html", without_css(get(&files, "index.html")));
}

#[test]
fn hugo_front_matter_carries_title_and_dates_and_the_index_is_a_section() {
    let outcome = load(".");
    let files = render_outcome(&outcome, opts(false, FrontMatter::Hugo));
    let md = get(&files, "asiakasrekisteri.md");
    assert!(
        md.starts_with(
            "---\ntitle: \"Asiakasrekisteri\"\ndescription: \"Tässä tietosuojaselosteessa kerromme, miten Lääkäriasema Koivula Oy käsittelee henkilötietojasi ja mitä oikeuksia sinulla on.\"\ndate: 2026-10-15\nlastmod: 2026-10-15\n---\n\n"
        ),
        "{md}"
    );
    assert!(
        !md.contains("\n# "),
        "the title is in the front matter, not a heading"
    );
    let index = get(&files, "_index.md");
    assert!(index.contains("](asiakasrekisteri/)"), "{index}");
    assert!(files.iter().all(|f| f.path != "index.md"));
    let zola = render_outcome(&outcome, opts(true, FrontMatter::Zola));
    let kamerat = get(&zola, "kameravalvonta.md");
    assert!(
        kamerat.starts_with("+++\ntitle = \"Kameravalvonta\"\ndescription = \"Tässä tietosuojaselosteessa kerromme, ")
            && kamerat.contains("\ndate = 2026-10-15\nupdated = 2026-10-15\ndraft = true\n+++\n\n"),
        "{kamerat}"
    );
    assert!(
        index.contains(
            "\ndescription: \"Lääkäriasema Koivula Oy kertoo näissä tietosuojaselosteissa"
        ),
        "{index}"
    );
}

#[test]
fn a_draft_of_a_real_notice_marks_what_it_lacks() {
    let outcome = load("examples/mesq");
    if outcome.registers.is_empty() {
        // The example is written separately; the project test requires it to exist.
        return;
    }
    let files = render_outcome(&outcome, opts(true, FrontMatter::None));
    for doc in &outcome.registers {
        let md = get(&files, &format!("{}.md", doc.id));
        assert!(md.contains("**LUONNOS**"), "{} has no draft banner", doc.id);
        assert!(md.contains("PUUTTUU"), "{} marks nothing missing", doc.id);
        let html = get(&files, &format!("{}.html", doc.id));
        assert!(html.contains("<strong class=\"missing\">"));
        insta::assert_snapshot!(format!("draft-mesq-{}.md", doc.id), md);
    }
}

const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "[klikkaa](javascript:alert(1))",
    "<a href=\"javascript:alert(1)\">linkki</a>",
    "javascript:alert(1)",
    "![kuva](https://evil.example/x.png)",
    "{{ 7 * 7 }} {% raw %} <# x #>",
    "<iframe src=https://evil.example></iframe>",
    "- lista\n# otsikko\n<div onclick=\"alert(1)\">x</div>",
];

/// A project with `payload` in every text and string field.
fn hostile_project(payload: &str) -> MemoryFiles {
    let p = serde_json::to_string(payload).unwrap();
    let project = format!(
        "controller:\n  name: {p}\n  business_id: {p}\n  address: {p}\n  visiting_address: {p}\n  email: {p}\n  phone: {p}\n  website: {p}\ncontact:\n  name: {p}\n  title: {p}\n  email: {p}\n  phone: {p}\n  address: {p}\ndpo:\n  name: {p}\n  email: {p}\nrepresentative:\n  name: {p}\n  address: {p}\nsupervisory_authority:\n  name: {p}\n  visiting_address: {p}\n  postal_address: {p}\n  email: {p}\n  phone: {p}\n  website: {p}\n"
    );
    let register = format!(
        "title: {p}\nupdated: 2026-10-01\ndescription: {p}\ncontact:\n  name: {p}\n  email: {p}\ndata_subjects: [{p}]\ncollection: both\npurposes:\n  - description: {p}\n    legal_basis: legitimate_interests\n    legitimate_interest: {p}\n    direct_marketing: true\n  - description: {p}\n    legal_basis: [legal_obligation, consent]\n    law: {p}\npersonal_data:\n  - category: {p}\n    description: {p}\n    special_category: health\n    condition: health_care\n    law: {p}\n    provision: statutory\n    consequence: {p}\n  - category: {p}\n    criminal_data: true\n    law: {p}\nsources:\n  - description: {p}\n    public: true\nrecipients:\n  - name: {p}\n    role: joint_controller\n    purpose: {p}\n    law: {p}\ntransfers:\n  - recipient: {p}\n    country: IN\n    organisation: {p}\n    mechanism: standard_contractual_clauses\n    document: {p}\nretention:\n  - data: {p}\n    period: 2 years\n    criteria: {p}\n    from: {p}\n    law: {p}\nautomated_decisions:\n  - description: {p}\n    logic: {p}\n    consequences: {p}\nfurther_processing:\n  - purpose: {p}\n    details: {p}\nrights:\n  exercise: {p}\n  access:\n    note: {p}\n    restriction: {p}\n    law: {p}\n  objection:\n    note: {p}\n  withdraw_consent:\n    note: {p}\n  complaint:\n    note: {p}\nsecurity: {p}\nextra_sections:\n  - title: {p}\n    text: {p}\n"
    );
    let mut files = MemoryFiles::new();
    files.insert("seloste.yaml", &project);
    files.insert("notices/vihamielinen.yaml", &register);
    files
}

const ALLOWED_TAGS: &[&str] = &[
    "!doctype",
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "a",
    "header",
    "footer",
    "main",
    "nav",
    "p",
    "h1",
    "h2",
    "h3",
    "ol",
    "ul",
    "li",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "div",
    "details",
    "summary",
    "wbr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "br",
    "hr",
    "s",
];
const ALLOWED_ATTRS: &[&str] = &[
    "href",
    "id",
    "class",
    "data-target",
    "data-label",
    "scope",
    "role",
    "lang",
    "charset",
    "name",
    "content",
    "aria-label",
    "aria-labelledby",
    "start",
];

/// Every tag of `html`: name and attributes (name, value).
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest
            .find('>')
            .unwrap_or_else(|| panic!("unclosed tag at: {}", &rest[..rest.len().min(80)]));
        let closing = rest.starts_with('/');
        let inner = rest[..end].trim_start_matches('/');
        rest = &rest[end + 1..];
        let mut parts = inner.splitn(2, char::is_whitespace);
        let name = parts.next().unwrap_or("").to_lowercase();
        let mut attrs = Vec::new();
        let mut a = parts.next().unwrap_or("").trim();
        while !a.is_empty() {
            let eq = a.find('=').unwrap_or(a.len());
            let key = a[..eq].trim().to_lowercase();
            a = a[eq..].trim_start_matches('=');
            let value;
            if let Some(q) = a.strip_prefix('"') {
                let close = q.find('"').expect("unterminated attribute");
                value = q[..close].to_string();
                a = q[close + 1..].trim_start();
            } else {
                let sp = a.find(char::is_whitespace).unwrap_or(a.len());
                value = a[..sp].to_string();
                a = a[sp..].trim_start();
            }
            attrs.push((key, value));
        }
        out.push((name, attrs));
        if !closing && out.last().is_some_and(|(n, _)| n == "style") {
            // Skip the stylesheet's contents.
            let close = rest.find("</style>").unwrap();
            rest = &rest[close..];
        }
    }
    out
}

fn assert_only_safe_markup(html: &str, what: &str) {
    for (name, attrs) in tags(html) {
        if name == "!doctype" {
            continue;
        }
        assert!(
            ALLOWED_TAGS.contains(&name.as_str()),
            "{what}: tag <{name}> in output"
        );
        for (k, v) in attrs {
            assert!(
                ALLOWED_ATTRS.contains(&k.as_str()),
                "{what}: attribute {k}=\"{v}\" on <{name}>"
            );
            if k == "href" {
                let v = v.to_lowercase();
                assert!(
                    ["http://", "https://", "mailto:", "tel:", "#"]
                        .iter()
                        .any(|s| v.starts_with(s))
                        || v.ends_with(".html"),
                    "{what}: link to {v}"
                );
            }
        }
    }
}

#[test]
fn no_user_string_survives_as_markup() {
    for payload in PAYLOADS {
        let outcome = load_memory(&hostile_project(payload));
        assert_eq!(
            outcome.tally().input_errors,
            0,
            "{payload}: {:?}",
            outcome.diagnostics
        );
        let files = render_outcome(&outcome, opts(true, FrontMatter::Hugo));
        for f in &files {
            if f.path.ends_with(".html") {
                assert_only_safe_markup(&f.contents, &format!("{payload} in {}", f.path));
            } else {
                // A naive consumer that renders the Markdown with raw HTML allowed must not get
                // markup either.
                let mut html = String::new();
                let body = f.contents.splitn(3, "---\n").last().unwrap_or("");
                pulldown_cmark::html::push_html(
                    &mut html,
                    pulldown_cmark::Parser::new_ext(body, pulldown_cmark::Options::all()),
                );
                for (name, attrs) in tags(&html) {
                    assert!(
                        !["script", "img", "iframe", "div", "a"].contains(&name.as_str())
                            || (name == "a"
                                && attrs.iter().all(|(k, v)| k != "href"
                                    || !v.to_lowercase().starts_with("javascript"))),
                        "{payload}: <{name} {attrs:?}> in {} rendered as Markdown",
                        f.path
                    );
                    assert!(
                        attrs.iter().all(|(k, _)| !k.starts_with("on")),
                        "{payload}: event handler in {} rendered as Markdown",
                        f.path
                    );
                }
                assert!(
                    !f.contents.contains("\n# otsikko"),
                    "{payload}: a heading was injected into {}",
                    f.path
                );
            }
        }
    }
}

#[test]
fn hostile_file_names_cannot_escape_the_output_directory() {
    let names = [
        "..yaml",
        "...yaml",
        "%2e%2e%2fetc.yaml",
        "x<script>.yaml",
        "Työntekijät ja hakijat.yaml",
        "CON.yaml",
        "a:b.yaml",
        "index.yaml",
        "-rf.yaml",
    ];
    let base = std::fs::read_to_string("tests/fixtures/rules/_base/register.yaml").unwrap();
    let mut files = MemoryFiles::new();
    files.insert(
        "seloste.yaml",
        &std::fs::read_to_string("tests/fixtures/rules/_base/seloste.yaml").unwrap(),
    );
    for n in names {
        files.insert(format!("notices/{n}"), &base);
    }
    let outcome = load_memory(&files);
    let ids: BTreeSet<&str> = outcome.registers.iter().map(|d| d.id.as_str()).collect();
    for id in &ids {
        assert!(
            !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'),
            "unsafe id {id:?}"
        );
    }
    // Names that give no id, or an id already taken, are input errors, not silent overwrites.
    assert!(
        outcome
            .diagnostics
            .iter()
            .any(|d| d.code.as_str() == "invalid-value")
    );
    let rendered = render_outcome(&outcome, opts(true, FrontMatter::None));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    render::write::write(&out, &rendered).unwrap();
    for f in &rendered {
        assert!(render::write::is_contained(&f.path), "{}", f.path);
        let p = out.join(&f.path).canonicalize().unwrap();
        assert!(
            p.starts_with(out.canonicalize().unwrap()),
            "{} escaped",
            f.path
        );
    }
    let outside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        outside,
        vec![std::ffi::OsString::from("out")],
        "something was written beside the output directory"
    );
}

#[test]
fn output_is_byte_identical_from_run_to_run() {
    let a = render_outcome(&load("."), opts(false, FrontMatter::None));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let b = pool.install(|| render_outcome(&load("."), opts(false, FrontMatter::None)));
    assert_eq!(a, b);
    // And on disk: a second build changes nothing.
    let dir = tempfile::tempdir().unwrap();
    render::write::write(dir.path(), &a).unwrap();
    let again = render::write::write(dir.path(), &b).unwrap();
    assert_eq!(again.written, 0);
    assert_eq!(again.unchanged, a.len());
}

#[test]
fn a_notice_has_no_empty_headings_even_when_errors_are_allowed() {
    // A project that allows the rules about missing items still gets no heading without text.
    let mut files = MemoryFiles::new();
    files.insert(
        "seloste.yaml",
        "settings:\n  lints:\n    missing-controller-details: allow\n    missing-purposes: allow\n    missing-data-categories: allow\n    missing-retention: allow\n    missing-collection: allow\n    missing-recipients: allow\n    missing-transfers: allow\n    missing-contact: allow\n",
    );
    files.insert(
        "notices/tyhja.yaml",
        "title: Lähes tyhjä rekisteri\nupdated: 2026-10-01\n",
    );
    let outcome = load_memory(&files);
    assert_eq!(outcome.tally().errors, 0, "{:?}", outcome.diagnostics);
    let rendered = render_outcome(&outcome, opts(false, FrontMatter::None));
    let md = get(&rendered, "tyhja.md");
    let (html, _) = render::html::to_html(md, &[], "");
    for (_, href) in html
        .match_indices("href=\"#")
        .map(|(i, _)| (i, &html[i + 7..]))
    {
        let id = &href[..href.find('"').unwrap()];
        assert!(
            html.contains(&format!("id=\"{id}\"")),
            "a link to #{id}, which is not there"
        );
    }
    let lines: Vec<&str> = md.lines().filter(|l| !l.trim().is_empty()).collect();
    for (i, l) in lines.iter().enumerate() {
        if l.starts_with('#') {
            let next = lines.get(i + 1).copied().unwrap_or("");
            assert!(
                !next.starts_with("## ") && !next.is_empty(),
                "empty heading `{l}` in:\n{md}"
            );
        }
    }
}

#[test]
fn labelled_contacts_of_the_project_render_with_their_labels() {
    let mut files = MemoryFiles::new();
    files.insert(
        "seloste.yaml",
        &std::fs::read_to_string("tests/fixtures/rules/invalid-email/pass-labelled.seloste.yaml")
            .unwrap(),
    );
    files.insert(
        "notices/register.yaml",
        &std::fs::read_to_string("tests/fixtures/rules/_base/register.yaml").unwrap(),
    );
    let outcome = load_memory(&files);
    assert_eq!(outcome.tally().errors, 0, "{:?}", outcome.diagnostics);
    let rendered = render_outcome(&outcome, opts(false, FrontMatter::None));
    let md = get(&rendered, "register.md");
    for line in [
        "- Sähköposti (kirjaamo): [kirjaamo@esimerkki.fi](mailto:kirjaamo@esimerkki.fi)",
        "- Sähköposti (tietosuoja): [tietosuoja@esimerkki.fi](mailto:tietosuoja@esimerkki.fi)",
        "- Puhelin (vaihde): [09 123 4567](tel:+35891234567)",
        "- Puhelin (kirjaamo): [09 123 4500](tel:+35891234500)",
        "  - Sähköposti: [tietosuojavastaava@esimerkki.fi](mailto:tietosuojavastaava@esimerkki.fi)",
        "  - Sähköposti (varahenkilö): [tietosuoja@esimerkki.fi](mailto:tietosuoja@esimerkki.fi)",
        "  - Puhelin (suora numero): [040 123 4567](tel:+358401234567)",
    ] {
        assert!(md.lines().any(|l| l == line), "{line:?} in:\n{md}");
    }
    let index = get(&rendered, "index.md");
    assert!(
        index.contains("- Puhelin (vaihde): [09 123 4567](tel:+35891234567)"),
        "{index}"
    );
}

/// A project's own `labels.yaml` copied before seloste learnt new words (observed data,
/// cookies, finding markers) still renders a notice that uses them: what the file lacks comes
/// from the built-in labels, and what it changed stays changed.
#[test]
fn an_older_copy_of_labels_yaml_still_renders_new_constructs() {
    let dir = tempfile::tempdir().unwrap();
    let put = |path: &str, text: &str| {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    put(
        "seloste.yaml",
        &std::fs::read_to_string("tests/fixtures/rules/_base/seloste.yaml").unwrap(),
    );
    put(
        "templates/labels.yaml",
        &std::fs::read_to_string("tests/fixtures/labels/before-issue-8.yaml").unwrap(),
    );
    let register = base_register().replace(
        "personal_data:\n",
        "personal_data:\n  - category: Sivujen katselutiedot\n    obtained: observed\n",
    ) + "cookies:\n  - class: statistics\n    purpose: Kävijämäärien seuranta\n    legal_basis: consent\n";
    put("notices/asiakasrekisteri.yaml", &register);
    let outcome = load(dir.path().to_str().unwrap());
    assert!(
        outcome.diagnostics.is_empty(),
        "{:?}",
        outcome
            .diagnostics
            .iter()
            .map(|d| &d.message)
            .collect::<Vec<_>>()
    );
    let t = outcome
        .templates
        .clone()
        .expect("the project's templates load");
    let out = render::render(
        outcome.project.as_ref().unwrap(),
        &outcome.registers,
        &t,
        &opts(false, FrontMatter::None),
        &render::Marks::none(),
        &|| {},
    )
    .unwrap();
    let md = get(&out, "asiakasrekisteri.md");
    assert!(md.contains("Havainnoitu tieto"), "{md}");
    assert!(md.contains("Evästeet ja vastaavat tekniikat"), "{md}");
    // The project's own word for a contract is kept.
    assert!(md.contains("sopimus asiakkaan kanssa"), "{md}");
}

/// The clean register of the rule fixtures, to be changed by a test.
fn base_register() -> String {
    std::fs::read_to_string("tests/fixtures/rules/_base/register.yaml").unwrap()
}

/// `register` as `notices/r.yaml` in the clean project of the rule fixtures.
fn in_base_project(register: &str) -> MemoryFiles {
    let mut files = MemoryFiles::new();
    files.insert(
        "seloste.yaml",
        &std::fs::read_to_string("tests/fixtures/rules/_base/seloste.yaml").unwrap(),
    );
    files.insert("notices/r.yaml", register);
    files
}

/// A draft marks as missing only what applicability says is missing: `recipients:
/// not_regularly` is stated (its own finding is `hedged-recipients`), so the draft carries that
/// finding but no PUUTTUU for the recipients; and a transfer without a country is marked where
/// `unnamed-transfer-country` says, by the flag the view takes from applicability.
#[test]
fn a_draft_marks_missing_what_applicability_says_is_missing() {
    let register = base_register()
        .replace(
            "recipients:\n  - name: Tilitoimisto Esimerkki Oy\n    role: processor\n    purpose: Kirjanpito\n",
            "recipients: not_regularly\n",
        )
        .replace(
            "transfers: none\n",
            "transfers:\n  - recipient: Esimerkki Mail Inc.\n    mechanism: standard_contractual_clauses\n    document: Pyydä jäljennös.\n",
        );
    let outcome = load_memory(&in_base_project(&register));
    let codes: Vec<&str> = outcome
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    assert!(codes.contains(&"hedged-recipients"), "{codes:?}");
    assert!(!codes.contains(&"missing-recipients"), "{codes:?}");
    let md = get(
        &render_outcome(&outcome, opts(true, FrontMatter::Hugo)),
        "r.md",
    )
    .to_string();
    let recipients = &md[md.find("{#vastaanottajat}").unwrap()..md.find("{#siirrot}").unwrap()];
    assert!(
        !recipients.contains("tietojen vastaanottajat tai maininta"),
        "{recipients}"
    );
    let transfers = &md[md.find("{#siirrot}").unwrap()..md.find("{#sailytysaika}").unwrap()];
    assert!(
        transfers.contains("siirron kohdemaa tai kansainvälinen järjestö"),
        "{transfers}"
    );
    // The hedge names no one, yet someone receives the data: Art 19 is owed.
    assert!(md.contains("{#ilmoitusvelvollisuus}"), "{md}");
}

/// A finding suppressed by a `# seloste: allow(rule) reason` comment is gone from a draft's
/// markers too; the same finding without the comment is marked.
#[test]
fn a_suppressed_finding_leaves_no_draft_marker() {
    let draft = |comment: &str| {
        let register = base_register().replace(
                "recipients:\n",
                &format!("recipients:\n  {comment}\n  - name: Viranomaiset\n    role: authority\n    purpose: Lakisääteiset ilmoitukset\n"),
            );
        let outcome = load_memory(&in_base_project(&register));
        get(
            &render_outcome(&outcome, opts(true, FrontMatter::None)),
            "r.md",
        )
        .to_string()
    };
    let marked = draft("# tavallinen kommentti");
    assert!(marked.contains("vague-recipient"), "{marked}");
    let suppressed =
        draft("# seloste: allow(vague-recipient) viranomaiset luetellaan liitteessä 1");
    assert!(!suppressed.contains("vague-recipient"), "{suppressed}");
    assert!(!suppressed.contains("suppression"), "{suppressed}");
}

/// The ids of a page's elements and the in-page targets it links to.
fn ids_and_anchors(html: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let (mut ids, mut anchors) = (BTreeSet::new(), BTreeSet::new());
    for (_, attrs) in tags(html) {
        for (k, v) in attrs {
            if k == "id" {
                assert!(ids.insert(v.clone()), "duplicate id {v}");
            } else if let Some(a) = v.strip_prefix('#').filter(|_| k == "href") {
                anchors.insert(a.to_string());
            }
        }
    }
    (ids, anchors)
}

/// With `--id-prefix '{id}-'`, every fragment (the index's too) has ids of its own: put
/// together in one page, no two clash, and each in-page link still reaches its own heading.
#[test]
fn fragments_with_an_id_prefix_share_a_page() {
    let mut o = opts(false, FrontMatter::None);
    o.id_prefix = Some("{id}-".into());
    let files = render_outcome(&load("."), o);
    let fragments: Vec<&OutputFile> = files
        .iter()
        .filter(|f| f.path.starts_with("fragment/"))
        .collect();
    assert!(fragments.iter().any(|f| f.path == "fragment/index.html"));
    assert!(fragments.len() >= 3, "{fragments:?}");
    let mut all = BTreeSet::new();
    for f in &fragments {
        let id = f.path["fragment/".len()..].trim_end_matches(".html");
        let (ids, anchors) = ids_and_anchors(&f.contents);
        assert!(!ids.is_empty(), "{}", f.path);
        for i in &ids {
            assert!(i.starts_with(&format!("{id}-")), "{}: {i}", f.path);
            assert!(all.insert(i.clone()), "{i} twice among the fragments");
        }
        for a in &anchors {
            assert!(ids.contains(a), "{}: #{a} has no target", f.path);
        }
    }
    // The standalone pages keep their ids, and without a prefix a fragment is the page's body.
    let page = get(&files, "asiakasrekisteri.html");
    assert!(page.contains("id=\"rekisterinpitaja\""), "{page}");
    let plain = render_outcome(&load("."), opts(false, FrontMatter::None));
    let body = get(&plain, "fragment/asiakasrekisteri.html");
    assert!(body.contains("<h2 id=\"rekisterinpitaja\">"), "{body}");
    assert!(render::check_id_prefix("{id}-").is_ok());
    assert!(render::check_id_prefix("tietosuoja-{id}_").is_ok());
    for bad in ["", "1-", "-{id}", "a b", "a\"", "{id}ä"] {
        assert!(render::check_id_prefix(bad).is_err(), "{bad}");
    }
}

/// The plain Markdown is portable CommonMark: no heading attributes, no in-page links; the
/// Hugo Markdown keeps both, and its links reach its headings.
#[test]
fn plain_markdown_has_no_heading_attributes_or_in_page_links() {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let scan = |md: &str| {
        let (mut ids, mut anchors) = (BTreeSet::new(), BTreeSet::new());
        for e in Parser::new_ext(
            md,
            Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES,
        ) {
            match e {
                Event::Start(Tag::Heading { id: Some(id), .. }) => {
                    ids.insert(id.to_string());
                }
                Event::Start(Tag::Link { dest_url, .. }) if dest_url.starts_with('#') => {
                    anchors.insert(dest_url[1..].to_string());
                }
                _ => {}
            }
        }
        (ids, anchors)
    };
    for f in render_outcome(&load("."), opts(false, FrontMatter::None)) {
        if f.path.ends_with(".md") {
            assert_eq!(scan(&f.contents), Default::default(), "{}", f.path);
            assert!(!f.contents.contains("](#"), "{}", f.path);
        }
    }
    let hugo = render_outcome(&load("."), opts(false, FrontMatter::Hugo));
    let (ids, anchors) = scan(get(&hugo, "asiakasrekisteri.md"));
    assert!(ids.contains("rekisterinpitaja") && !anchors.is_empty());
    assert!(anchors.is_subset(&ids), "{anchors:?} ⊄ {ids:?}");
}

/// The `<style>` element of a page.
fn style_of(html: &str) -> &str {
    let a = html.find("<style>").expect("a style element") + "<style>".len();
    let b = html[a..].find("</style>").expect("its end") + a;
    &html[a..b]
}

#[test]
fn printed_pages_carry_the_running_header_and_page_numbers() {
    let outcome = load(".");
    let files = render_outcome(&outcome, opts(false, FrontMatter::None));
    let html = get(&files, "potilasrekisteri.html");
    let style = style_of(html);
    assert!(
        style.contains(
            "@top-left { content: \"Lääkäriasema Koivula Oy – Potilasrekisteri – päivitetty 15.10.2026\"; }"
        ),
        "{style}"
    );
    assert!(style.contains("content: \"Sivu \" counter(page) \" / \" counter(pages);"));
    // A published notice is not marked as a draft anywhere, and says what it is.
    assert!(!without_css(html).contains("LUONNOS"));
    assert!(!style.contains("content: \"LUONNOS"));
    assert!(html.contains("Tietosuojaseloste EU:n yleisen tietosuoja-asetuksen mukaisesti"));
}

#[test]
fn a_draft_says_so_in_its_title_on_every_screen_and_every_printed_page() {
    let outcome = load(".");
    let files = render_outcome(&outcome, opts(true, FrontMatter::None));
    for page in ["potilasrekisteri.html", "index.html"] {
        let html = get(&files, page);
        let title = &html[html.find("<title>").unwrap()..html.find("</title>").unwrap()];
        assert!(title.starts_with("<title>LUONNOS – "), "{page}: {title}");
        assert!(
            html.contains("<div class=\"draft-banner\"><p><strong>LUONNOS</strong>"),
            "{page}: no banner"
        );
        let style = style_of(html);
        assert!(
            style.contains("@top-right { content: \"LUONNOS\"; }"),
            "{page}"
        );
        assert!(
            style.contains("@bottom-left { content: \"LUONNOS"),
            "{page}"
        );
        // No claim of conformity on a draft.
        assert!(
            !html.contains("Tietosuojaseloste EU:n yleisen tietosuoja-asetuksen mukaisesti"),
            "{page}: a draft claims conformity"
        );
    }
    // The banner stays at the top while scrolling, and is not printed (the margins say it).
    let css = templates::builtin().unwrap().css;
    let banner = &css[css.find(".draft-banner {").unwrap()..];
    assert!(banner[..banner.find('}').unwrap()].contains("position: sticky"));
}

#[test]
fn a_hostile_name_cannot_leave_the_running_header() {
    for payload in [
        "</style><script>alert(1)</script>",
        "\"; } body { display: none } x { content: \"",
        "a\\\"b\n}</STYLE>",
    ] {
        let outcome = load_memory(&hostile_project(payload));
        let files = render_outcome(&outcome, opts(true, FrontMatter::None));
        let html = get(&files, "vihamielinen.html");
        let style = style_of(html);
        assert!(
            !style.to_ascii_lowercase().contains("</"),
            "{payload}: {style}"
        );
        let header = style
            .lines()
            .find(|l| l.contains("@top-left { content: "))
            .expect("a running header");
        let value = header
            .trim()
            .strip_prefix("@top-left { content: \"")
            .and_then(|v| v.strip_suffix("\"; }"))
            .unwrap_or_else(|| panic!("{payload}: {header}"));
        assert!(
            !value.contains('"') && !value.contains('<'),
            "{payload}: {value}"
        );
    }
    assert_eq!(
        templates::css_string("a\"b\\c</style>\nd"),
        "\"a\\22 b\\5c c\\3c /style\\3e \\a d\""
    );
}

#[test]
fn every_notice_opens_with_a_summary_linking_its_sections() {
    let outcome = load(".");
    // The Hugo Markdown keeps in-page links (the plain Markdown writes them as text).
    let files = render_outcome(&outcome, opts(false, FrontMatter::Hugo));
    for doc in &outcome.registers {
        let md = get(&files, &format!("{}.md", doc.id));
        let summary = md.find("## Tiivistelmä").expect("a summary");
        let first_section = md.find("## Rekisterinpitäjä").unwrap();
        assert!(
            summary < first_section,
            "{}: the summary comes first",
            doc.id
        );
        let layer = &md[summary..first_section];
        for link in [
            "(#rekisterinpitaja)",
            "(#tarkoitukset)",
            "(#henkilotiedot)",
            "(#vastaanottajat)",
            "(#siirrot)",
            "(#sailytysaika)",
            "(#oikeudet)",
            "(#valitusoikeus)",
        ] {
            assert!(layer.contains(link), "{}: no {link} in\n{layer}", doc.id);
        }
        // Every in-page link of the page has its target.
        let (html, _) = render::html::to_html(md, &[], "");
        for (i, _) in html.match_indices("href=\"#") {
            let id = &html[i + 7..];
            let id = &id[..id.find('"').unwrap()];
            assert!(html.contains(&format!("id=\"{id}\"")), "{}: #{id}", doc.id);
        }
    }
    // What it says comes from the view: the camera register has no transfers, the customer
    // register transfers to the United States, with a contact to use the rights.
    let camera = get(&files, "kameravalvonta.md");
    assert!(camera.contains("Emme siirrä tietoja EU:n tai ETA:n ulkopuolelle."));
    let customers = get(&files, "asiakasrekisteri.md");
    assert!(customers.contains("Tietoja siirretään EU:n tai ETA:n ulkopuolelle: Yhdysvallat."));
    assert!(
        customers.contains("sekä 2 muuta tarkoitusta."),
        "six purposes: four named"
    );
    assert!(customers.contains("Osa oikeuksista koskee vain osaa käsittelystä."));
    // The contents list is secondary: closed until opened.
    let page = get(&files, "asiakasrekisteri.html");
    assert!(page.contains("<details>\n<summary><h2 id=\"sisallys\">Sisällys</h2></summary>"));
}

#[test]
fn the_index_says_whom_each_register_concerns_and_how_to_reach_the_dpo() {
    let outcome = load(".");
    let files = render_outcome(&outcome, opts(false, FrontMatter::None));
    let index = get(&files, "index.md");
    assert!(
        index.contains("  - Keitä rekisteri koskee: Työnhakijat\n"),
        "{index}"
    );
    assert!(index.contains("## Tietosuojavastaava"), "{index}");
    assert!(index.contains(
        "[tietosuojavastaava@koivula.example](mailto:tietosuojavastaava@koivula.example)"
    ));
}

#[test]
fn section_references_and_addresses_break_only_where_they_should() {
    let outcome = load(".");
    let files = render_outcome(&outcome, opts(false, FrontMatter::None));
    let html = get(&files, "asiakasrekisteri.html");
    // "2 luku 10 §" from the register's own text: the number and § stay together.
    assert!(html.contains("10\u{a0}§"), "no no-break space before §");
    assert!(!html.contains("10 §"));
    assert!(html.contains(">asiakaspalvelu@<wbr>koivula<wbr>.example</a>"));
    // The Markdown stays as written.
    assert!(get(&files, "asiakasrekisteri.md").contains("10 §"));
}
