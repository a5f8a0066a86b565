//! Combined notices (`combined:` in `seloste.yaml`): several registers on one page, rights said
//! once and per register as applicability derives them, the checks of `combined:`, and the
//! pages, index entries and drafts they make.

use std::path::Path;

use chrono::NaiveDate;
use seloste::pipeline::{MemoryFiles, Options, Outcome, run, run_project};
use seloste::render::{FrontMatter, RenderOptions};

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

fn options() -> Options {
    Options {
        today: today(),
        keep_registers: true,
    }
}

/// The text between two heading ids (`{#from}` up to `{#to}`).
fn between<'a>(md: &'a str, from: &str, to: &str) -> &'a str {
    let a = md
        .find(&format!("{{#{from}}}"))
        .unwrap_or_else(|| panic!("no {from} in {md}"));
    let b = md[a..]
        .find(&format!("{{#{to}}}"))
        .map_or(md.len(), |b| a + b);
    &md[a..b]
}

const PROJECT: &str = "controller:
  name: Esimerkki Oy
  business_id: 1234567-1
  address: PL 100, 00100 Helsinki
  email: tietosuoja@esimerkki.fi
  phone: 09 123 4567
  website: https://www.esimerkki.fi
contact:
  name: Asiakaspalvelu
  email: asiakaspalvelu@esimerkki.fi
dpo: none
";

/// A register on consent alone: erasure, portability and withdrawal apply; objection does not.
const PHOTOS: &str = "title: Kuvarekisteri
updated: 2026-09-01
collection: data_subject
data_subjects: [Tapahtumiin osallistujat]
purposes:
  - description: Valokuvien julkaiseminen verkkosivuillamme
    legal_basis: consent
personal_data:
  - category: Valokuvat
    provision: voluntary
recipients: none
transfers: none
retention:
  - data: Julkaistut kuvat
    criteria: Kunnes peruutat suostumuksesi.
automated_decisions: none
security: Tiedot ovat salasanalla suojatussa järjestelmässä.
rights:
  access:
    note: Julkaistut kuvat näet verkkosivujemme galleriasta.
";

/// A register on a legal obligation alone: no erasure, no portability, no objection.
const BOOKKEEPING: &str = "title: Kirjanpitorekisteri
updated: 2026-10-01
collection: data_subject
data_subjects: [Asiakkaat]
purposes:
  - description: Kirjanpito
    legal_basis: legal_obligation
    law: Kirjanpitolaki (1336/1997)
personal_data:
  - category: Laskutustiedot
    provision: statutory
    consequence: Ilman laskutustietoja emme voi laatia kirjanpitoa.
recipients:
  - name: Tilitoimisto Esimerkki Oy
    role: processor
    purpose: Kirjanpito
transfers: none
retention:
  - data: Kirjanpitoaineisto
    period: 6 years
    from: tilikauden päättyminen
    law: Kirjanpitolaki (1336/1997) 2 luku 10 §
automated_decisions: none
security: Tiedot ovat salasanalla suojatussa järjestelmässä.
";

fn project(combined: &str, photos: &str, bookkeeping: &str) -> Outcome {
    let mut files = MemoryFiles::new();
    files.insert("seloste.yaml", &format!("{PROJECT}{combined}"));
    files.insert("notices/kuvat.yaml", photos);
    files.insert("notices/kirjanpito.yaml", bookkeeping);
    run_project(Path::new("seloste.yaml"), &files, &options())
}

const ONE_PAGE: &str = "combined:
  - id: tietosuojaseloste
    title: Tietosuojaseloste
    registers: [kuvat, kirjanpito]
    separate_pages: false
";

#[test]
fn rights_are_said_once_and_only_for_the_registers_they_reach() {
    let outcome = project(ONE_PAGE, PHOTOS, BOOKKEEPING);
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    let files = render_outcome(&outcome, opts(false, FrontMatter::Hugo));
    let md = get(&files, "tietosuojaseloste.md");
    // Each register under its heading, its sections one level down with its id first.
    assert!(md.contains("\n## Kuvarekisteri {#kuvat}\n"), "{md}");
    assert!(
        md.contains("\n## Kirjanpitorekisteri {#kirjanpito}\n"),
        "{md}"
    );
    assert!(
        md.contains("\n### Käsittelyn tarkoitukset ja oikeusperusteet {#kuvat-tarkoitukset}\n"),
        "{md}"
    );
    assert!(
        md.contains("\n### Säilytysaika {#kirjanpito-sailytysaika}\n"),
        "{md}"
    );
    // Said once: the controller, the rights, the complaint, and the security both registers share.
    for once in [
        "{#rekisterinpitaja}",
        "{#oikeudet}",
        "{#oikeus-poistoon}",
        "{#valitusoikeus}",
        "{#tietoturva}",
        "Sinulla on oikeus pyytää tietojesi poistamista",
        "Tiedot ovat salasanalla suojatussa järjestelmässä.",
    ] {
        assert_eq!(md.matches(once).count(), 1, "{once} in {md}");
    }
    assert!(!md.contains("{#kuvat-tietoturva}"), "{md}");
    // Erasure and portability reach the photos only, and say why not the bookkeeping.
    let erasure = between(md, "oikeus-poistoon", "oikeus-rajoittamiseen");
    assert!(
        erasure.contains(
            "Tämä oikeus koskee vain seuraavaa rekisteriä: Kuvarekisteri. Muita rekistereitä \
             se ei koske, koska niissä käsittely perustuu lakisääteiseen velvoitteeseen tai \
             yleistä etua koskevaan tehtävään (17 artiklan 3 kohdan b alakohta)."
        ),
        "{erasure}"
    );
    let portability = between(md, "oikeus-siirtaa", "suostumuksen-peruuttaminen");
    assert!(
        portability.contains(
            "Tämä oikeus koskee vain seuraavaa rekisteriä: Kuvarekisteri. Muita \
             rekistereitä se ei koske, koska niissä käsittely ei perustu suostumukseen eikä \
             sopimukseen (20 artiklan 1 kohdan a alakohta)."
        ),
        "{portability}"
    );
    // Neither names the bookkeeping register as one it reaches.
    assert!(!erasure.contains("Kirjanpitorekisteri"), "{erasure}");
    assert!(
        !portability.contains("Kirjanpitorekisteri"),
        "{portability}"
    );
    // Withdrawal: the photos's purpose, with its register; no objection at all.
    let withdraw = between(md, "suostumuksen-peruuttaminen", "valitusoikeus");
    assert!(
        withdraw.contains("- Valokuvien julkaiseminen verkkosivuillamme (Kuvarekisteri)"),
        "{withdraw}"
    );
    assert!(!withdraw.contains("Kirjanpito"), "{withdraw}");
    assert!(!md.contains("{#vastustamisoikeus}"), "{md}");
    // Art 19 follows the recipients: the bookkeeping register alone has them.
    let notification = between(md, "ilmoitusvelvollisuus", "oikeus-siirtaa");
    assert!(
        notification.contains("Tämä oikeus koskee vain seuraavaa rekisteriä: Kirjanpitorekisteri."),
        "{notification}"
    );
    // A register's note on a right is said with the register.
    assert!(
        md.contains("**Kuvarekisteri:** Julkaistut kuvat näet verkkosivujemme galleriasta."),
        "{md}"
    );
    // The page is as recent as its most recent register.
    assert!(md.contains("lastmod: 2026-10-01\n"), "{md}");
}

#[test]
fn a_register_that_rests_on_objectionable_bases_gets_the_objection_with_its_name() {
    let marketing = PHOTOS.replace(
        "    legal_basis: consent\n",
        "    legal_basis: consent\n  - description: Asiakaskokemuksen kehittäminen\n    legal_basis: legitimate_interests\n    legitimate_interest: Palvelun parantaminen\n",
    );
    let outcome = project(ONE_PAGE, &marketing, BOOKKEEPING);
    let files = render_outcome(&outcome, opts(false, FrontMatter::Hugo));
    let md = get(&files, "tietosuojaseloste.md");
    let objection = between(md, "vastustamisoikeus", "oikeudet");
    assert!(
        objection.contains("> - Asiakaskokemuksen kehittäminen (Kuvarekisteri)"),
        "{objection}"
    );
    assert!(
        objection.contains("joka perustuu oikeutettuun etuun"),
        "{objection}"
    );
    assert!(!objection.contains("Kirjanpito"), "{objection}");
}

#[test]
fn separate_pages_false_publishes_the_registers_only_on_the_combined_page() {
    let outcome = project(ONE_PAGE, PHOTOS, BOOKKEEPING);
    let files = render_outcome(&outcome, opts(false, FrontMatter::Hugo));
    for absent in ["kuvat.md", "kuvat.html", "kirjanpito.html"] {
        assert!(files.iter().all(|f| f.path != absent), "{absent}");
    }
    for present in [
        "tietosuojaseloste.md",
        "tietosuojaseloste.html",
        "fragment/tietosuojaseloste.html",
    ] {
        assert!(files.iter().any(|f| f.path == present), "{present}");
    }
    let index = get(&files, "_index.md");
    assert!(index.contains("](tietosuojaseloste/#kuvat)"), "{index}");
    assert!(
        index.contains("[Tietosuojaseloste](tietosuojaseloste/)"),
        "{index}"
    );
    assert!(index.contains("Rekisterit ja niiden selosteet:"), "{index}");
    let html = get(&files, "index.html");
    assert!(
        html.contains("href=\"tietosuojaseloste.html#kirjanpito\""),
        "{html}"
    );
    // The page's headings carry the ids cross-references target.
    let page = get(&files, "tietosuojaseloste.html");
    for id in ["kuvat", "kuvat-tarkoitukset", "kirjanpito-vastaanottajat"] {
        assert!(page.contains(&format!(" id=\"{id}\"")), "{id}");
    }
    // With separate pages (the default), both.
    let both = project(
        &ONE_PAGE.replace("    separate_pages: false\n", ""),
        PHOTOS,
        BOOKKEEPING,
    );
    let files = render_outcome(&both, opts(false, FrontMatter::None));
    assert!(files.iter().any(|f| f.path == "kuvat.md"));
    assert!(files.iter().any(|f| f.path == "tietosuojaseloste.md"));
    assert!(get(&files, "index.md").contains("Jokaisesta rekisteristä on oma selosteensa:"));
}

#[test]
fn differing_security_texts_stay_with_their_registers() {
    let other = BOOKKEEPING.replace(
        "security: Tiedot ovat salasanalla suojatussa järjestelmässä.",
        "security: Kirjanpitoaineisto säilytetään lukitussa tilassa.",
    );
    let outcome = project(ONE_PAGE, PHOTOS, &other);
    let files = render_outcome(&outcome, opts(false, FrontMatter::Hugo));
    let md = get(&files, "tietosuojaseloste.md");
    assert!(!md.contains("{#tietoturva}"), "{md}");
    assert!(
        between(md, "kirjanpito-tietoturva", "oikeudet")
            .contains("Kirjanpitoaineisto säilytetään lukitussa tilassa."),
        "{md}"
    );
    assert!(
        md.contains("### Tietojen suojaaminen {#kuvat-tietoturva}"),
        "{md}"
    );
}

#[test]
fn a_draft_marks_a_registers_findings_in_its_part() {
    let lacking = BOOKKEEPING.replace("retention:\n  - data: Kirjanpitoaineisto\n    period: 6 years\n    from: tilikauden päättyminen\n    law: Kirjanpitolaki (1336/1997) 2 luku 10 §\n", "");
    let outcome = project(ONE_PAGE, PHOTOS, &lacking);
    assert!(
        outcome
            .diagnostics
            .iter()
            .any(|d| d.code.as_str() == "missing-retention")
    );
    let files = render_outcome(&outcome, opts(true, FrontMatter::Hugo));
    let md = get(&files, "tietosuojaseloste.md");
    assert!(md.contains("draft: true"), "{md}");
    let part = between(md, "kirjanpito-sailytysaika", "tietoturva");
    assert!(part.contains("missing-retention"), "{part}");
    assert!(!between(md, "kuvat", "kirjanpito").contains("missing-retention"));
}

/// What `check` says about `combined:`, as (code, line, help).
fn findings(combined: &str) -> Vec<(String, u32, Vec<String>)> {
    let outcome = project(combined, PHOTOS, BOOKKEEPING);
    outcome
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.code.as_str().to_string(),
                d.pos.map_or(0, |p| p.line),
                d.help.clone(),
            )
        })
        .collect()
}

#[test]
fn combined_notices_are_checked_against_the_registers() {
    // PROJECT has 11 lines: `combined:` is line 12.
    let unknown =
        findings("combined:\n  - id: seloste\n    registers:\n      - kuva\n      - kirjanpito\n");
    assert_eq!(unknown.len(), 1, "{unknown:?}");
    assert_eq!(unknown[0].0, "unknown-value");
    assert_eq!(unknown[0].1, 15);
    assert!(
        unknown[0].2.contains(&"did you mean `kuvat`?".to_string()),
        "{unknown:?}"
    );

    let twice = findings("combined:\n  - id: seloste\n    registers: [kirjanpito, Kirjanpito]\n");
    assert_eq!(twice.len(), 1, "{twice:?}");
    assert_eq!((twice[0].0.as_str(), twice[0].1), ("invalid-value", 14));

    let clash = findings(
        "combined:\n  - id: kirjanpito\n    registers: [kuvat]\n  - id: index\n    registers: [kuvat]\n  - id: a\n    registers: [kuvat]\n  - id: a\n    registers: []\n",
    );
    let codes: Vec<(&str, u32)> = clash.iter().map(|(c, l, _)| (c.as_str(), *l)).collect();
    assert_eq!(
        codes,
        vec![
            ("duplicate-id", 13),
            ("invalid-value", 15),
            ("duplicate-id", 19),
            ("invalid-value", 20)
        ],
        "{clash:?}"
    );
    // A clean combined notice says nothing.
    assert!(findings(ONE_PAGE).is_empty());
}

#[test]
fn the_sample_combined_notice_renders_as_pinned() {
    let outcome = run(Some(Path::new(".")), Path::new("."), &options());
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    let files = render_outcome(&outcome, opts(false, FrontMatter::None));
    insta::assert_snapshot!(
        "sample-asiakkaat-ja-potilaat.md",
        get(&files, "asiakkaat-ja-potilaat.md")
    );
    insta::assert_snapshot!(
        "sample-asiakkaat-ja-potilaat.html",
        without_css(get(&files, "asiakkaat-ja-potilaat.html"))
    );
}

/// A draft renders a combined notice that names a register no file gives: the page holds the
/// registers that exist, and the finding is marked where `seloste.yaml` is shown.
#[test]
fn a_draft_renders_a_combined_notice_with_an_unknown_register() {
    let outcome = project(
        "combined:\n  - id: seloste\n    title: Seloste\n    registers: [kuvat, puuttuva]\n",
        PHOTOS,
        BOOKKEEPING,
    );
    assert!(
        outcome
            .diagnostics
            .iter()
            .any(|d| d.code.as_str() == "unknown-value")
    );
    let files = render_outcome(&outcome, opts(true, FrontMatter::None));
    let md = get(&files, "seloste.md");
    assert!(md.contains("## Kuvarekisteri"), "{md}");
    assert!(md.contains("unknown-value"), "{md}");
}

/// Registers with contacts of their own: the page lists each contact once, with the registers
/// it is for; a contact every register shares is listed without.
#[test]
fn a_registers_own_contact_is_named_with_its_register() {
    let own = format!("{BOOKKEEPING}contact:\n  name: Talousasiat\n  email: talous@esimerkki.fi\n");
    let outcome = project(ONE_PAGE, PHOTOS, &own);
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    let files = render_outcome(&outcome, opts(false, FrontMatter::Hugo));
    let md = get(&files, "tietosuojaseloste.md");
    let contacts = between(md, "yhteyshenkilo", "kuvat");
    assert!(
        contacts.contains("- **Asiakaspalvelu** (Kuvarekisteri)\n"),
        "{contacts}"
    );
    assert!(
        contacts.contains("- **Talousasiat** (Kirjanpitorekisteri)\n"),
        "{contacts}"
    );
    let shared = render_outcome(
        &project(ONE_PAGE, PHOTOS, BOOKKEEPING),
        opts(false, FrontMatter::Hugo),
    );
    let md = get(&shared, "tietosuojaseloste.md");
    assert!(md.contains("- **Asiakaspalvelu**\n"), "{md}");
}

#[test]
fn a_security_text_alike_in_every_register_that_names_a_registers_own_section_stays_with_each() {
    // Issue 11: one shared security text naming `#sailytysaika` was said once on the page,
    // where no `#sailytysaika` exists (each register's is `#<id>-sailytysaika`): the build
    // failed with "a bug in seloste's own template".
    let text =
        "security: Tiedot ovat suojatussa järjestelmässä. Katso [säilytysaika](#Säilytysaika).";
    let photos = PHOTOS.replace(
        "security: Tiedot ovat salasanalla suojatussa järjestelmässä.",
        text,
    );
    let books = BOOKKEEPING.replace(
        "security: Tiedot ovat salasanalla suojatussa järjestelmässä.",
        text,
    );
    let outcome = project(ONE_PAGE, &photos, &books);
    assert!(
        outcome
            .diagnostics
            .iter()
            .all(|d| d.severity != seloste::diagnostic::Severity::Error),
        "{:#?}",
        outcome.diagnostics
    );
    let files = render_outcome(&outcome, opts(false, FrontMatter::None));
    let html = get(&files, "tietosuojaseloste.html");
    assert!(html.contains("href=\"#kuvat-sailytysaika\""), "{html}");
    assert!(html.contains("href=\"#kirjanpito-sailytysaika\""), "{html}");
}

#[test]
fn a_registers_description_naming_its_own_section_leads_to_its_part() {
    // Issue 11: the description stands outside the part and was resolved as a text said once:
    // `#sailytysaika` failed the build.
    let photos = PHOTOS.replace(
        "updated: 2026-09-01\n",
        "updated: 2026-09-01\ndescription: Katso [säilytysaika](#Säilytysaika).\n",
    );
    let outcome = project(ONE_PAGE, &photos, BOOKKEEPING);
    let files = render_outcome(&outcome, opts(false, FrontMatter::None));
    let html = get(&files, "tietosuojaseloste.html");
    assert!(html.contains("href=\"#kuvat-sailytysaika\""), "{html}");
}

#[test]
fn a_note_on_a_right_naming_its_registers_own_section_leads_to_its_part() {
    // The notes on the rights stand outside the parts. One that names the register's own
    // section resolves as that register's text, and is said with its register's name.
    let photos = PHOTOS.replace(
        "Julkaistut kuvat näet verkkosivujemme galleriasta.",
        "Julkaistut kuvat näet verkkosivujemme galleriasta; katso myös [säilytysaika](#sailytysaika).",
    );
    let outcome = project(ONE_PAGE, &photos, BOOKKEEPING);
    let files = render_outcome(&outcome, opts(false, FrontMatter::None));
    let html = get(&files, "tietosuojaseloste.html");
    assert!(html.contains("href=\"#kuvat-sailytysaika\""), "{html}");
    // The same note in both registers leads each to its own section: said per register.
    let bookkeeping = format!(
        "{BOOKKEEPING}rights:\n  access:\n    note: Katso [säilytysaika](#sailytysaika).\n"
    );
    let photos = PHOTOS.replace(
        "Julkaistut kuvat näet verkkosivujemme galleriasta.",
        "Katso [säilytysaika](#sailytysaika).",
    );
    let outcome = project(ONE_PAGE, &photos, &bookkeeping);
    let files = render_outcome(&outcome, opts(false, FrontMatter::None));
    let html = get(&files, "tietosuojaseloste.html");
    assert!(html.contains("href=\"#kuvat-sailytysaika\""), "{html}");
    assert!(html.contains("href=\"#kirjanpito-sailytysaika\""), "{html}");
}
