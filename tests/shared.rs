//! Shared definitions (`shared:` in seloste.yaml, `ref:` in registers), through the whole
//! pipeline: what a register refers to is what its notice says, a change in one place changes
//! every notice, and what the lint says about a definition is said once, at the definition.

use std::path::Path;

use chrono::NaiveDate;
use seloste::diagnostic::Diagnostic;
use seloste::pipeline::{MemoryFiles, Options, Outcome, run_project};
use seloste::render::{self, FrontMatter, Marks, RenderOptions, templates};

const PROJECT: &str = "\
controller:
  name: Esimerkki Oy
  business_id: 1234567-1
  address: PL 100, 00100 Helsinki
  email: tietosuoja@esimerkki.fi
  phone: 09 123 4567
contact:
  name: Asiakaspalvelu
  email: asiakaspalvelu@esimerkki.fi
  phone: 09 123 4500
dpo: none
shared:
  recipients:
    järjestelmä:
      name: Järjestelmätoimittaja Oy
      role: processor
      purpose: Asiakasjärjestelmän ylläpito
    posti:
      name: Posti Oy
      purpose: Kirjeiden jakelu
  retention:
    kirjanpito:
      data: Kirjanpitoaineisto
      period: 6 years
      from: tilikauden päättyminen
      law: Kirjanpitolaki (1336/1997) 2 luku 10 §
  texts:
    tietoturva: Tiedot suojataan palomuurein ja käyttöoikeuksin.
";

fn register(title: &str, extra: &str) -> String {
    format!(
        "\
title: {title}
updated: 2026-09-01
collection: data_subject
data_subjects:
  - Asiakkaat
purposes:
  - description: Asiakassuhteen hoitaminen
    legal_basis: contract
personal_data:
  - category: Nimi ja yhteystiedot
    provision: contract_precondition
    consequence: Ilman yhteystietoja emme voi toimittaa tilausta.
transfers: none
automated_decisions: none
{extra}"
    )
}

fn run(project: &str, registers: &[(&str, String)]) -> Outcome {
    let mut files = MemoryFiles::new();
    files.insert("seloste.yaml", project);
    for (name, text) in registers {
        files.insert(Path::new("notices").join(format!("{name}.yaml")), text);
    }
    run_project(
        Path::new("seloste.yaml"),
        &files,
        &Options {
            today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            keep_registers: true,
        },
    )
}

/// The published Markdown of every register, by id.
fn markdown(outcome: &Outcome) -> Vec<(String, String)> {
    let t = templates::builtin().unwrap();
    let project = outcome.project.as_ref().unwrap();
    outcome
        .registers
        .iter()
        .map(|doc| {
            let files =
                render::render_register(project, doc, &t, &options(false), &Marks::none()).unwrap();
            (doc.id.clone(), files[0].contents.clone())
        })
        .collect()
}

fn shown(d: &Diagnostic, outcome: &Outcome) -> String {
    let file = d
        .file
        .map(|f| outcome.sources.get(f).display_path())
        .unwrap_or_default();
    let p = d.pos.unwrap_or_default();
    format!("{} {}:{}:{}", d.code.as_str(), file, p.line, p.column)
}

/// Every diagnostic as `code file:line:col`.
fn codes(outcome: &Outcome) -> Vec<String> {
    outcome
        .diagnostics
        .iter()
        .map(|d| shown(d, outcome))
        .collect()
}

/// The options of a published page (`draft: false`) or of a draft.
fn options(draft: bool) -> RenderOptions {
    RenderOptions {
        draft,
        front_matter: FrontMatter::None,
        fragments: false,
        id_prefix: None,
        today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
    }
}

fn two_registers() -> Vec<(&'static str, String)> {
    let uses = "recipients:\n  - ref: järjestelmä\nretention:\n  - ref: kirjanpito\nsecurity: {ref: tietoturva}\n";
    vec![
        ("asiakkaat", register("Asiakasrekisteri", uses)),
        (
            "jasenet",
            register(
                "Jäsenrekisteri",
                &format!("{uses}  # and a recipient of its own\n"),
            ),
        ),
    ]
}

#[test]
fn a_shared_processor_changed_in_one_place_changes_every_notice_that_uses_it() {
    let project = PROJECT.replace(
        "\n    posti:\n      name: Posti Oy\n      purpose: Kirjeiden jakelu",
        "",
    );
    let before = run(&project, &two_registers());
    let codes: Vec<String> = before
        .diagnostics
        .iter()
        .map(|d| shown(d, &before))
        .collect();
    assert!(codes.is_empty(), "{codes:?}");
    let before = markdown(&before);
    assert_eq!(before.len(), 2);
    for (id, md) in &before {
        assert!(md.contains("Järjestelmätoimittaja Oy"), "{id}: {md}");
        assert!(md.contains("Asiakasjärjestelmän ylläpito"), "{id}");
        assert!(md.contains("Kirjanpitolaki (1336/1997)"), "{id}");
        assert!(md.contains("Tiedot suojataan palomuurein"), "{id}");
    }

    let changed = project.replace("Järjestelmätoimittaja Oy", "Uusi Toimittaja Oy");
    let after = markdown(&run(&changed, &two_registers()));
    for (id, md) in &after {
        assert!(md.contains("Uusi Toimittaja Oy"), "{id}: {md}");
        assert!(!md.contains("Järjestelmätoimittaja Oy"), "{id}");
    }
}

#[test]
fn an_entry_adds_to_and_overrides_its_definition() {
    let r = register(
        "Asiakasrekisteri",
        "recipients:\n  - ref: järjestelmä\n    purpose: Laskutusjärjestelmän ylläpito\n  - name: Tilitoimisto Oy\n    role: processor\n    purpose: Kirjanpito\nretention:\n  - ref: kirjanpito\n",
    );
    let project = PROJECT.replace(
        "\n    posti:\n      name: Posti Oy\n      purpose: Kirjeiden jakelu",
        "",
    );
    let outcome = run(&project, &[("asiakkaat", r)]);
    let md = &markdown(&outcome)[0].1;
    assert!(md.contains("| Järjestelmätoimittaja Oy | henkilötietojen käsittelijä | Laskutusjärjestelmän ylläpito |"), "{md}");
    assert!(!md.contains("Asiakasjärjestelmän ylläpito"), "{md}");
    assert!(md.contains("| Tilitoimisto Oy |"), "{md}");
}

#[test]
fn references_are_checked_and_findings_in_a_definition_are_said_once_at_it() {
    let mut registers = two_registers();
    // Both registers use `posti`, which has no role: one finding, at the definition.
    for (_, text) in &mut registers {
        *text = text.replace(
            "  - ref: järjestelmä\n",
            "  - ref: järjestelmä\n  - ref: posti\n",
        );
    }
    // A misspelt reference, and a text reference that names nothing.
    registers.push((
        "kolmas",
        register(
            "Kolmas rekisteri",
            "recipients:\n  - ref: jarjestelma\nretention:\n  - ref: kirjanpito\nsecurity: {ref: tietosuoja}\n",
        ),
    ));
    let project = format!(
        "{PROJECT}  purposes:\n    markkinointi:\n      description: Suoramarkkinointi\n      legal_basis: consent\n"
    );
    let outcome = run(&project, &registers);
    let got = codes(&outcome);
    assert_eq!(
        got,
        [
            // posti: said once, at its id in seloste.yaml, though two registers use it.
            "recipient-without-role seloste.yaml:18:5",
            // No register refers to shared.purposes.markkinointi.
            "unused-definition seloste.yaml:30:5",
            // Input errors, which stop the register from being linted.
            "unknown-definition notices/kolmas.yaml:16:10",
            "unknown-definition notices/kolmas.yaml:19:17",
        ],
        "{:#?}",
        outcome.diagnostics
    );
    let unknown = outcome
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "unknown-definition")
        .unwrap();
    assert!(
        unknown.help.iter().any(|h| h.contains("`järjestelmä`")),
        "{unknown:?}"
    );
}

#[test]
fn a_suppression_at_the_definition_covers_every_register() {
    let project = PROJECT.replace(
        "    posti:\n",
        "    # seloste: allow(recipient-without-role) the letters' carrier is named in the contract\n    posti:\n",
    );
    let mut registers = two_registers();
    for (_, text) in &mut registers {
        *text = text.replace(
            "  - ref: järjestelmä\n",
            "  - ref: järjestelmä\n  - ref: posti\n",
        );
    }
    let outcome = run(&project, &registers);
    let got = codes(&outcome);
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_draft_marks_a_finding_in_a_definition_only_in_the_registers_that_use_it() {
    let mut registers = two_registers();
    registers[0].1 = registers[0].1.replace(
        "  - ref: järjestelmä\n",
        "  - ref: järjestelmä\n  - ref: posti\n",
    );
    let outcome = run(PROJECT, &registers);
    let project = outcome.project.as_ref().unwrap();
    let marks = Marks::from_diagnostics(&outcome.diagnostics, &outcome.sources, Some(project.file));
    let t = templates::builtin().unwrap();
    let draft = |id: &str| {
        let doc = outcome.registers.iter().find(|d| d.id == id).unwrap();
        let opts = options(true);
        render::render_register(project, doc, &t, &opts, &marks).unwrap()[0]
            .contents
            .clone()
    };
    let message = "a recipient does not say in what role it receives the data";
    let uses = draft("asiakkaat");
    let at = uses
        .find(message)
        .expect("the register using posti shows the finding");
    // In the recipients section, after its heading.
    let recipients = uses.find("## Tietojen vastaanottajat").unwrap();
    let retention = uses.find("## Säilytysaika").unwrap();
    assert!(recipients < at && at < retention, "{uses}");
    assert!(!draft("jasenet").contains(message));
}

#[test]
fn definitions_in_the_shared_directory_are_used_checked_and_marked_like_those_of_seloste_yaml() {
    let (project, _) = PROJECT.split_once("shared:\n").unwrap();
    let definitions = PROJECT.split_once("shared:\n").unwrap().1;
    // The same definitions, in a file of their own, unindented by one level.
    let file: String = definitions
        .lines()
        .map(|l| format!("{}\n", l.strip_prefix("  ").unwrap_or(l)))
        .collect();
    let mut files = MemoryFiles::new();
    files.insert(
        "seloste.yaml",
        &format!("{project}settings:\n  shared_dir: shared\n"),
    );
    files.insert("shared/yhteiset.yaml", &file);
    // A second file that defines an id the first has.
    files.insert(
        "shared/toinen.yaml",
        "texts:\n  tietoturva: Toinen teksti.\n",
    );
    let mut registers = two_registers();
    registers[0].1 = registers[0].1.replace(
        "  - ref: järjestelmä\n",
        "  - ref: järjestelmä\n  - ref: posti\n",
    );
    for (name, text) in &registers {
        files.insert(Path::new("notices").join(format!("{name}.yaml")), text);
    }
    let outcome = run_project(
        Path::new("seloste.yaml"),
        &files,
        &Options {
            today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            keep_registers: true,
        },
    );
    let got = codes(&outcome);
    assert_eq!(
        got,
        [
            "recipient-without-role shared/yhteiset.yaml:6:3",
            // Files are read in name order: toinen.yaml defined `tietoturva` first.
            "duplicate-key shared/yhteiset.yaml:16:3",
        ],
        "{:#?}",
        outcome.diagnostics
    );
    // The finding in the shared file is marked in the draft of the register that uses it.
    let project = outcome.project.as_ref().unwrap();
    let marks = Marks::from_diagnostics(&outcome.diagnostics, &outcome.sources, Some(project.file));
    let t = templates::builtin().unwrap();
    let opts = options(true);
    let draft = |id: &str| {
        let doc = outcome.registers.iter().find(|d| d.id == id).unwrap();
        render::render_register(project, doc, &t, &opts, &marks).unwrap()[0]
            .contents
            .clone()
    };
    let message = "a recipient does not say in what role it receives the data";
    assert!(draft("asiakkaat").contains(message));
    assert!(!draft("jasenet").contains(message));
    // The text the register uses is the first definition's.
    assert!(draft("asiakkaat").contains("Toinen teksti."));
}

#[test]
fn a_word_found_in_a_shared_text_is_located_in_its_file_once() {
    let project = format!(
        "{PROJECT}  purposes:\n    yhteys:\n      description: |\n        Yhteystietoja käytetään laskutukseen. Yhteystietoja voidaan\n        hyödyntää myös muihin tarkoituksiin.\n      legal_basis: contract\n"
    );
    let registers: Vec<(&str, String)> = two_registers()
        .into_iter()
        .map(|(id, text)| {
            (
                id,
                text.replace(
                    "purposes:\n  - description: Asiakassuhteen hoitaminen\n    legal_basis: contract\n",
                    "purposes:\n  - ref: yhteys\n",
                ),
            )
        })
        .collect();
    let outcome = run(&project, &registers);
    let got: Vec<String> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "vague-purpose")
        .map(|d| shown(d, &outcome))
        .collect();
    // Each once, though both registers use the purpose, at the words in seloste.yaml's block
    // scalar: "voidaan" ends line 32, "muihin tarkoituksiin" is on line 33.
    assert_eq!(
        got,
        [
            "vague-purpose seloste.yaml:32:61",
            "vague-purpose seloste.yaml:33:24"
        ],
        "{:#?}",
        outcome.diagnostics
    );
}

#[test]
fn cookie_classes_and_further_sections_can_be_shared_and_overridden() {
    let project = format!(
        "{PROJECT}  cookies:\n    tilastot:\n      class: statistics\n      description: Matomo (_pk_id), omalla palvelimella\n      purpose: Kävijämäärien seuranta\n      legal_basis: consent\n      duration: 13 kuukautta\n  sections:\n    muutokset:\n      title: Selosteen muuttaminen\n      text: Päivitämme selostetta, kun käsittely muuttuu.\n"
    );
    let registers: Vec<(&str, String)> = two_registers()
        .into_iter()
        .map(|(id, text)| {
            (
                id,
                text + "cookies:\n  - ref: tilastot\nextra_sections:\n  - ref: muutokset\n  - ref: muutokset\n    title: Muutokset\n",
            )
        })
        .collect();
    let outcome = run(&project, &registers);
    let got = codes(&outcome);
    // `posti` of PROJECT is not used here.
    assert_eq!(got, ["unused-definition seloste.yaml:18:5"]);
    let md = &markdown(&outcome)[0].1;
    assert!(md.contains("Matomo"), "{md}");
    assert!(md.contains("## Selosteen muuttaminen"), "{md}");
    // The entry's own title overrides the shared one, and the text stays.
    assert!(md.contains("## Muutokset"), "{md}");
    assert_eq!(md.matches("Päivitämme selostetta").count(), 2, "{md}");
}

#[test]
fn a_register_that_cannot_be_read_makes_no_definition_unused() {
    // The second register has a YAML syntax error: what it refers to is unknown, so no
    // definition it may use is reported unused (issue 11: every definition was).
    let mut registers = two_registers();
    registers.push((
        "rikki",
        register("Rikki", "recipients:\n  - ref: posti\n  bad: [\n"),
    ));
    let outcome = run(PROJECT, &registers);
    let got = codes(&outcome);
    assert!(
        !got.iter().any(|c| c.starts_with("unused-definition")),
        "{got:#?}"
    );
    assert!(got.iter().any(|c| c.starts_with("yaml-syntax")), "{got:#?}");
}

#[test]
fn a_shared_directory_outside_the_project_is_refused_and_nothing_else_read() {
    let project = format!("{PROJECT}settings:\n  shared_dir: ../muualla\n");
    let outcome = run(&project, &two_registers());
    let got: Vec<String> = codes(&outcome)
        .into_iter()
        .filter(|c| !c.starts_with("unused-definition"))
        .collect();
    assert_eq!(got, ["outside-project seloste.yaml:30:15"], "{got:?}");
}
