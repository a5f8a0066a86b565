//! The fixed prose of the notice, as a Finnish legal writer and a DPO read it (issue 10): every
//! corrected sentence is present where its construct is rendered, and every old slip is absent
//! from the sample, the examples and a project that exercises the rarer branches. The official
//! terms and the reasons are in `docs/terms.md`.

use std::path::Path;

use chrono::NaiveDate;
use seloste::pipeline::{Files, MemoryFiles, Options, Outcome, run, run_project};
use seloste::render::{self, FrontMatter, RenderOptions, templates};

fn options() -> Options {
    Options {
        today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        keep_registers: true,
    }
}

/// The published Markdown of every register of a project, with the built-in templates.
fn markdown(outcome: &Outcome) -> Vec<(String, String)> {
    markdown_with(outcome, &templates::builtin().unwrap())
}

fn markdown_with(outcome: &Outcome, t: &templates::Templates) -> Vec<(String, String)> {
    let o = RenderOptions {
        draft: false,
        front_matter: FrontMatter::None,
        fragments: false,
        id_prefix: None,
        today: options().today,
    };
    render::render(
        outcome.project.as_ref().expect("the project loads"),
        &outcome.registers,
        t,
        &o,
        &render::Marks::none(),
        &|| {},
    )
    .unwrap()
    .into_iter()
    .filter(|f| f.path.ends_with(".md"))
    .map(|f| (f.path, f.contents))
    .collect()
}

fn on_disk(dir: &str) -> Vec<(String, String)> {
    markdown(&run(Some(Path::new(dir)), Path::new("."), &options()))
}

fn in_memory(files: &dyn Files) -> Vec<(String, String)> {
    markdown(&run_project(Path::new("seloste.yaml"), files, &options()))
}

/// A public body whose one register reaches the rarer sentences: a public task, observed and
/// provided data, a public and a non-public source, a third party and a private person among
/// the recipients, a transfer on a derogation, two contact persons, criminal-offence data.
fn public_body() -> MemoryFiles {
    let mut files = MemoryFiles::new();
    files.insert(
        "seloste.yaml",
        "controller:\n  name: Esimerkin kaupunki\n  address: PL 1, 00100 Helsinki\n  email: kirjaamo@esimerkki.fi\n  public_authority: true\ncontact:\n  - name: Anna Aho\n    email: anna.aho@esimerkki.fi\n  - name: Ben Berg\n    email: ben.berg@esimerkki.fi\ndpo:\n  name: Tietosuojavastaava\n  email: tietosuoja@esimerkki.fi\n",
    );
    files.insert(
        "notices/pysakointi.yaml",
        "title: Pysäköinnin valvonta\nupdated: 2026-10-01\ncollection: both\ndata_subjects: [Ajoneuvojen haltijat]\npurposes:\n  - description: Pysäköintivirhemaksujen määrääminen\n    legal_basis: public_task\n    law: Laki pysäköinninvalvonnasta (727/2011)\npersonal_data:\n  - category: Rekisteritunnus ja valokuva\n    obtained: observed\n  - category: Yhteystiedot\n    provision: contractual\n  - category: Rikkomustiedot\n    criminal_data: true\n    law: Laki pysäköinninvalvonnasta (727/2011)\n    collection: other_sources\nsources:\n  - description: Liikenneasioiden rekisteri\n    public: false\n  - description: Kaupparekisteri\n    public: true\nrecipients:\n  - name: Ajoneuvon haltijan valtuuttama asiamies\n    role: private_person\n    purpose: Asian hoitaminen haltijan puolesta\n  - name: Perintätoimisto\n    role: third_party\n    purpose: Maksun periminen\ntransfers:\n  - recipient: Esimerkki Cloud Inc.\n    country: US\n    mechanism: derogation\n    derogation: explicit_consent\nretention:\n  - data: Kaikki tiedot\n    period: 2 years\n    from: maksun suorittaminen\n",
    );
    files
}

fn all_output() -> Vec<(String, String)> {
    let mut all = on_disk(".");
    for e in std::fs::read_dir("examples").unwrap() {
        let dir = e.unwrap().path();
        if dir.join("seloste.yaml").is_file() {
            all.extend(on_disk(dir.to_str().unwrap()));
        }
    }
    all.extend(in_memory(&public_body()));
    all
}

/// Slips that no notice may contain, each with the reason.
const OLD_SLIPS: &[(&str, &str)] = &[
    ("((EU) 2016/679)", "double parentheses"),
    (
        "henkilöllisyytesi ennen kuin",
        "a comma before 'ennen kuin'",
    ),
    (
        "käsittelevät tai niitä luovutetaan",
        "'käsittelevät' without a subject",
    ),
    ("Aika lasketaan |", "a header over nominative values"),
    ("Suoramarkkinointia on:", "a singular verb before a list"),
    (
        "Tietojen antaminen perustuu sopimukseen.",
        "ambiguous 13(2)(e) statement",
    ),
    (
        "voit ottaa yhteyttä:",
        "'ottaa yhteyttä' needs an illative object",
    ),
    (
        "selvästi perusteeton",
        "the official term is 'ilmeisen perusteeton' (12(5))",
    ),
    (
        "valvoo, että henkilötietoja käsitellään lainmukaisesti",
        "the controller is answerable (24), the DPO advises and monitors (39)",
    ),
    ("(ei julkinen lähde)", "repeated after every source"),
    ("sinulta itseltäsi ja lisäksi", "the source said twice"),
    (
        "yleisen edun mukai",
        "the official term of 6(1)(e) is 'yleistä etua koskeva tehtävä'",
    ),
    (
        "valituksen siinä jäsenvaltiossa",
        "Art 77 lists member states 'erityisesti'",
    ),
    (
        "kuukauden kuluessa (12 artiklan 3 kohta)",
        "the notice of extension has no starting point",
    ),
    (
        "viimeistään kuukauden kuluessa. ",
        "the deadline has no starting point (12(3))",
    ),
    (
        "rikoksiin liittyviä",
        "the official term of Art 10 is 'rikkomuksiin'",
    ),
    (
        "kieltää tietojesi käytön suoramarkkinointiin",
        "the GDPR's term is 'vastustaa' (21(2))",
    ),
    (
        "tarkoitetaan 13 artiklan 2 kohdan e alakohdassa",
        "the 13(2)(e) intro in plain words",
    ),
    (
        "lakisääteinen tai sopimukseen perustuva vaatimus tai sopimuksen tekemisen edellytys ja",
        "the 13(2)(e) intro copied from the article",
    ),
    (
        "Oikeutta siirtää tietoja järjestelmästä toiseen ei ole",
        "the person is the subject of the rights section",
    ),
];

#[test]
fn no_notice_contains_an_old_slip() {
    let out = all_output();
    assert!(out.len() > 10, "the sample and the examples render");
    for (path, md) in &out {
        for (slip, why) in OLD_SLIPS {
            assert!(!md.contains(slip), "{path} contains `{slip}` ({why})");
        }
        // A transfer line chains no second colon after its basis.
        for line in md.lines().filter(|l| l.contains("Siirron peruste:")) {
            let after = &line[line.find("Siirron peruste:").unwrap() + 16..];
            assert!(!after.contains(": "), "{path}: two colons in `{line}`");
        }
    }
}

fn sample(path: &str) -> String {
    on_disk(".")
        .into_iter()
        .find(|(p, _)| p == path)
        .unwrap_or_else(|| panic!("no {path}"))
        .1
}

#[track_caller]
fn has(md: &str, sentence: &str) {
    assert!(md.contains(sentence), "missing `{sentence}` in:\n{md}");
}

#[test]
fn the_sample_says_the_corrected_sentences() {
    let customers = sample("asiakasrekisteri.md");
    for s in [
        "Seloste perustuu EU:n yleiseen tietosuoja-asetukseen (EU) 2016/679 ja sen 13 artiklaan.",
        "voit ottaa yhteyttä yhteyshenkilöömme:",
        "Vastaamme siitä, että henkilötietojasi käsitellään tietosuoja-asetuksen mukaisesti (24 artikla). Tietosuojavastaavamme neuvoo meitä tietosuoja-asioissa ja seuraa, että tietosuojasäännöksiä noudatetaan (39 artikla).",
        "Voit ottaa tietosuojavastaavaan yhteyttä kaikissa asioissa, jotka koskevat henkilötietojesi käsittelyä ja oikeuksiesi käyttämistä (38 artiklan 4 kohta).",
        "Kerromme alla kustakin tietoryhmästä, onko sinun annettava tiedot ja miksi sekä mitä seuraa, jos et anna niitä.",
        "Sinun on annettava nämä tiedot, koska sinun ja meidän välinen sopimus edellyttää sitä.",
        "Tarvitsemme nämä tiedot, jotta voimme tehdä kanssasi sopimuksen.",
        "Seuraavat vastaanottajat saavat henkilötietojasi:",
        "| Tiedot | Säilytysaika | Laskennan alku | Laki |",
        "Voit milloin tahansa vastustaa tietojesi käsittelyä suoramarkkinointia varten.",
        "Käytämme tietojasi suoramarkkinointiin seuraavissa tarkoituksissa:",
        // Art 21(1): the customer register rests on legitimate interests alone.
        "vastustaa tietojesi käsittelyä, joka perustuu oikeutettuun etuun (21 artiklan 1 kohta).",
        "viimeistään kuukauden kuluessa siitä, kun olemme saaneet sen.",
        "Kerromme sinulle pidennyksestä ja sen syistä kuukauden kuluessa pyyntösi saamisesta (12 artiklan 3 kohta).",
        "Jos pyyntö on ilmeisen perusteeton tai kohtuuton, erityisesti jos samaa pyyntöä esitetään toistuvasti, voimme periä kohtuullisen maksun tai kieltäytyä toimimasta pyynnön perusteella (12 artiklan 5 kohta).",
        "Voimme joutua varmistamaan henkilöllisyytesi, ennen kuin vastaamme (12 artiklan 6 kohta).",
        "Voit tehdä valituksen erityisesti siinä jäsenvaltiossa, jossa asut vakinaisesti tai työskentelet tai jossa väitetty rikkominen on tapahtunut.",
    ] {
        has(&customers, s);
    }
    let patients = sample("potilasrekisteri.md");
    has(
        &patients,
        "Saamme tiedot sinulta itseltäsi sekä seuraavista muista lähteistä:",
    );
    has(&patients, "Lähteet eivät ole yleisesti saatavilla.");
    has(&patients, "| itsenäinen rekisterinpitäjä |");
    has(
        &patients,
        "Sinun on annettava nämä tiedot, koska laki edellyttää sitä.",
    );
    // Camera surveillance: observed, not handed over.
    let cameras = sample("kameravalvonta.md");
    has(
        &cameras,
        "Saamme tiedot havainnoimalla sinua tai toimintaasi.",
    );
    assert!(!cameras.contains("sinulta itseltäsi"), "{cameras}");
}

#[test]
fn a_public_body_and_the_rarer_branches() {
    let out = in_memory(&public_body());
    let md = &out
        .iter()
        .find(|(p, _)| p == "pysakointi.md")
        .expect("the register renders")
        .1;
    for s in [
        // Art 21(1) names the public task and, for a public body, official authority, and
        // not legitimate interests, which the register does not use.
        "vastustaa tietojesi käsittelyä, joka perustuu yleistä etua koskevan tehtävän suorittamiseen tai julkisen vallan käyttämiseen (21 artiklan 1 kohta).",
        "Seloste perustuu EU:n yleiseen tietosuoja-asetukseen (EU) 2016/679 ja sen 13 ja 14 artiklaan.",
        "voit ottaa yhteyttä seuraaviin yhteyshenkilöihin:",
        "Voit käyttää niitä ottamalla yhteyttä yhteyshenkilöihin",
        "Saamme tiedot sinulta itseltäsi ja havainnoimalla sinua tai toimintaasi sekä seuraavista muista lähteistä:",
        "- Kaupparekisteri – yleisesti saatavilla oleva lähde",
        "Muut lähteet eivät ole yleisesti saatavilla.",
        "| Ajoneuvon haltijan valtuuttama asiamies | yksityishenkilö |",
        "| Perintätoimisto | sivullinen |",
        "Sivullinen on muu vastaanottaja kuin henkilötietojen käsittelijä",
        "poikkeus erityistilanteessa eli nimenomainen suostumuksesi (49 artiklan 1 kohdan a alakohta)",
        "Tiedot ovat rikostuomioihin ja rikkomuksiin liittyviä henkilötietoja (10 artikla).",
        "yleistä etua koskeva tehtävä tai julkisen vallan käyttäminen (6 artiklan 1 kohdan e alakohta)",
    ] {
        has(md, s);
    }
    // A relative, a caller or a representative is not called a controller.
    assert!(!md.contains("itsenäinen rekisterinpitäjä"), "{md}");
    assert!(!md.contains("oikeutettuun etuun (21"), "{md}");
}

/// A project's own templates live in `templates/fi/`; the older `templates/<name>` still
/// overrides, and both at once is an error that names them.
#[test]
fn overrides_in_the_language_directory_and_the_old_place() {
    let project = |paths: &[&str]| {
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
            "notices/r.yaml",
            "title: R\nupdated: 2026-10-01\ncollection: data_subject\n",
        );
        for p in paths {
            put(p, &format!("OMA {p}\n"));
        }
        let outcome = run(Some(dir.path()), Path::new("."), &options());
        let messages: Vec<String> = outcome
            .diagnostics
            .iter()
            .map(|d| d.message.clone())
            .collect();
        let md = outcome
            .templates
            .as_ref()
            .map(|t| markdown_with(&outcome, t))
            .unwrap_or_default();
        (messages, md, dir)
    };
    for path in ["templates/fi/register.md", "templates/register.md"] {
        let (_, md, _dir) = project(&[path]);
        let r = md.iter().find(|(p, _)| p == "r.md").unwrap();
        assert_eq!(r.1.trim(), format!("OMA {path}"), "{path}");
    }
    let (messages, _, _dir) = project(&["templates/fi/register.md", "templates/register.md"]);
    assert!(
        messages
            .iter()
            .any(|m| m.contains("both templates/register.md and templates/fi/register.md")),
        "{messages:?}"
    );
}
