//! Synthetic projects for benchmarks: a `seloste.yaml` and any number of registers of about
//! 5 KB that read like real Finnish notices, made deterministically from a seed.
//!
//! Registers are drawn from ten kinds of processing (customers, patients, CCTV, recruitment,
//! members, staff, newsletter, web shop, access control, events), each with its own purposes,
//! data categories, recipients and retention, so that the parser and the rules see the variety
//! of real files: block scalars and plain ones, lists of one and of eight, special categories
//! (health, trade union membership, biometric), criminal-offence data, sources, transfers to
//! the United States and the United Kingdom, the odd profiling entry and extra section. About a
//! quarter of the registers carry the warnings real projects have (a vague retention period,
//! `rekisteriseloste`, undeclared marketing, a stale date …); none carries an error, so that
//! `seloste build` renders every project as it is.
//!
//! Shared by the divan bench (`benches/pipeline.rs`, in memory) and the `synth-project` example
//! that `bench/run.sh` uses to write projects under `target/`. Nothing here depends on the
//! crate: the output is plain text, as a user would write it.

use std::fmt::Write as _;
use std::path::Path;

/// The seed used unless another is given: the same files on every machine.
pub const DEFAULT_SEED: u64 = 20_261_101;

/// The day `SELOSTE_TODAY` must be set to for the findings to be the same on every run: the
/// `updated` dates are drawn before it, and "stale" ones more than a year before it.
pub const TODAY: &str = "2026-11-01";

/// A small deterministic generator (SplitMix64): no dependency, and the same sequence
/// everywhere, which a benchmark input needs more than statistical quality.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next_u64() % (hi - lo + 1) as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    /// One item of `items`.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.range(0, items.len() - 1)]
    }

    /// Between `min` and `max` items of `items` (capped at its length), in their order.
    pub fn some<'a, T>(&mut self, items: &'a [T], min: usize, max: usize) -> Vec<&'a T> {
        let max = max.min(items.len());
        let k = self.range(min.min(max), max);
        let mut idx: Vec<usize> = (0..items.len()).collect();
        for i in 0..k {
            let j = self.range(i, idx.len() - 1);
            idx.swap(i, j);
        }
        idx.truncate(k);
        idx.sort_unstable();
        idx.into_iter().map(|i| &items[i]).collect()
    }
}

/// A purpose of a kind of register.
struct Purpose {
    description: &'static str,
    basis: &'static str,
    /// The interest (for `legitimate_interests`) or the law (for `legal_obligation`).
    detail: Option<&'static str>,
    direct_marketing: bool,
}

/// A data category of a kind of register.
struct Data {
    category: &'static str,
    description: &'static str,
    provision: &'static str,
    consequence: Option<&'static str>,
    /// `special_category`, `condition` and `law` together.
    special: Option<(&'static str, &'static str, &'static str)>,
    /// The law that allows data on criminal offences.
    criminal_law: Option<&'static str>,
}

/// A recipient.
struct Recipient {
    name: &'static str,
    role: &'static str,
    purpose: &'static str,
    law: Option<&'static str>,
}

/// A retention entry.
struct Retention {
    data: &'static str,
    period: Option<&'static str>,
    from: Option<&'static str>,
    criteria: Option<&'static str>,
    law: Option<&'static str>,
}

/// A kind of register: what an organisation's notice for it usually says.
struct Kind {
    /// ASCII name for the file.
    slug: &'static str,
    title: &'static str,
    description: &'static [&'static str],
    subjects: &'static [&'static str],
    collection: &'static str,
    purposes: &'static [Purpose],
    data: &'static [Data],
    sources: &'static [(&'static str, bool)],
    recipients: &'static [Recipient],
    retention: &'static [Retention],
    security: &'static [&'static str],
}

const fn p(
    description: &'static str,
    basis: &'static str,
    detail: Option<&'static str>,
) -> Purpose {
    Purpose {
        description,
        basis,
        detail,
        direct_marketing: false,
    }
}

const fn dm(
    description: &'static str,
    basis: &'static str,
    detail: Option<&'static str>,
) -> Purpose {
    Purpose {
        description,
        basis,
        detail,
        direct_marketing: true,
    }
}

const fn d(
    category: &'static str,
    description: &'static str,
    provision: &'static str,
    consequence: Option<&'static str>,
) -> Data {
    Data {
        category,
        description,
        provision,
        consequence,
        special: None,
        criminal_law: None,
    }
}

const fn r(
    name: &'static str,
    role: &'static str,
    purpose: &'static str,
    law: Option<&'static str>,
) -> Recipient {
    Recipient {
        name,
        role,
        purpose,
        law,
    }
}

const fn keep(
    data: &'static str,
    period: &'static str,
    from: &'static str,
    law: Option<&'static str>,
) -> Retention {
    Retention {
        data,
        period: Some(period),
        from: Some(from),
        criteria: None,
        law,
    }
}

const fn until(data: &'static str, criteria: &'static str) -> Retention {
    Retention {
        data,
        period: None,
        from: None,
        criteria: Some(criteria),
        law: None,
    }
}

const BOOKKEEPING: &str = "Kirjanpitolaki (1336/1997)";
const BOOKKEEPING_PERIOD: &str = "Kirjanpitolaki (1336/1997) 2 luku 10 §";
const CLIENT_DATA_ACT: &str =
    "Laki sosiaali- ja terveydenhuollon asiakastietojen käsittelystä (703/2023)";
const WORKING_LIFE_ACT: &str = "Laki yksityisyyden suojasta työelämässä (759/2004)";

static KINDS: &[Kind] = &[
    Kind {
        slug: "asiakasrekisteri",
        title: "Asiakasrekisteri",
        description: &[
            "Tässä selosteessa kerromme, miten käsittelemme asiakkaidemme henkilötietoja ajanvarauksessa, laskutuksessa ja asiakasviestinnässä.",
            "Tiedot kerätään asiakkaalta itseltään ajanvarauksen, palvelun käytön ja yhteydenottojen yhteydessä.",
            "Asiakastietoja käyttävät vain ne työntekijät, jotka tarvitsevat niitä asiakkaiden palvelemiseen.",
            "Asiakassuhde syntyy, kun asiakas varaa ajan, ostaa palvelun tai ottaa meihin yhteyttä palvelua koskevassa asiassa.",
            "Tietoja ei käytetä automaattiseen päätöksentekoon eikä profilointiin.",
        ],
        subjects: &[
            "Asiakkaat, jotka varaavat ajan tai käyttävät palvelujamme",
            "Alaikäisten asiakkaiden huoltajat",
            "Yritysasiakkaiden yhteyshenkilöt",
            "Palautetta antaneet henkilöt",
        ],
        collection: "data_subject",
        purposes: &[
            p("Ajanvaraus ja asiakassuhteen hoitaminen", "contract", None),
            p(
                "Palvelujen toimittaminen ja niihin liittyvä asiakasviestintä",
                "contract",
                None,
            ),
            p("Laskutus ja maksujen seuranta", "contract", None),
            p("Kirjanpito", "legal_obligation", Some(BOOKKEEPING)),
            p(
                "Asiakaspalautteiden käsittely ja niihin vastaaminen",
                "legitimate_interests",
                Some("Vastata asiakkaan palautteeseen ja korjata palvelussa havaitut puutteet"),
            ),
            p(
                "Saatavien perintä",
                "legitimate_interests",
                Some(
                    "Maksamattomien laskujen periminen ennen kuin asia siirretään perintätoimistolle",
                ),
            ),
            dm(
                "Sähköpostitse lähetettävät tarjoukset nykyisille asiakkaille",
                "legitimate_interests",
                Some(
                    "Kertoa nykyisille asiakkaille samankaltaisista palveluista, joita he ovat aiemmin käyttäneet",
                ),
            ),
        ],
        data: &[
            d(
                "Nimi ja yhteystiedot",
                "Nimi, puhelinnumero, sähköpostiosoite ja postiosoite.",
                "contract_precondition",
                Some("Ilman yhteystietoja emme voi vahvistaa ajanvarausta emmekä lähettää laskua."),
            ),
            d(
                "Henkilötunnus",
                "Käytetään asiakkaan yksiselitteiseen tunnistamiseen ja laskutukseen.",
                "contract_precondition",
                Some("Ilman henkilötunnusta emme voi tunnistaa asiakasta luotettavasti."),
            ),
            d(
                "Ajanvaraustiedot",
                "Varattu palvelu, aika ja paikka sekä tieto peruutuksista.",
                "contractual",
                Some("Ilman näitä tietoja emme voi järjestää palvelua sovittuna aikana."),
            ),
            d(
                "Laskutus- ja maksutiedot",
                "Laskun tiedot, maksutapa ja tieto maksun suorittamisesta.",
                "contractual",
                Some(
                    "Ilman laskutustietoja emme voi laskuttaa palvelusta, ja maksu on suoritettava heti.",
                ),
            ),
            d(
                "Asiakaspalautteet",
                "Asiakkaan lähettämä palaute ja siihen annettu vastaus.",
                "voluntary",
                None,
            ),
            d(
                "Asiakkaan antamat kiellot ja luvat",
                "Sähköisen viestinnän kiellot ja luvat sekä niiden antamisajankohta.",
                "voluntary",
                None,
            ),
        ],
        sources: &[],
        recipients: &[
            r(
                "Ajanvarausjärjestelmän toimittaja Varauspalvelu Kide Oy",
                "processor",
                "Sähköisen ajanvarauksen ylläpito",
                None,
            ),
            r(
                "Tilitoimisto Laskenta Oy",
                "processor",
                "Kirjanpito ja laskutus",
                None,
            ),
            r(
                "Perintätoimisto Saatava Oy",
                "processor",
                "Maksamattomien laskujen perintä",
                None,
            ),
            r(
                "Asiakaspalvelujärjestelmän toimittaja Tukipiste Oy",
                "processor",
                "Yhteydenottojen ja palautteiden käsittelyjärjestelmä",
                None,
            ),
            r(
                "Verohallinto",
                "authority",
                "Verotukseen liittyvät tarkastukset sen pyynnöstä",
                Some("Verotusmenettelylaki (1558/1995)"),
            ),
        ],
        retention: &[
            keep(
                "Asiakas- ja ajanvaraustiedot",
                "3 years",
                "viimeinen käynti tai ajanvaraus",
                None,
            ),
            keep(
                "Laskut ja muu kirjanpitoaineisto",
                "6 years",
                "sen vuoden päättyminen, jonka aikana tilikausi päättyi",
                Some(BOOKKEEPING_PERIOD),
            ),
            keep(
                "Asiakaspalautteet",
                "2 years",
                "palautteen käsittelyn päättyminen",
                None,
            ),
            until(
                "Kiellot ja luvat",
                "Kielto säilytetään yhtä kauan kuin asiakastiedot, jotta voimme noudattaa sitä.",
            ),
        ],
        security: &[
            "Asiakastietoja käsittelevät vain ne työntekijät, jotka tarvitsevat tietoja työssään.",
            "Järjestelmiin kirjaudutaan henkilökohtaisilla tunnuksilla ja kaksivaiheisella tunnistautumisella, ja käyttöä seurataan lokitiedoin.",
            "Tietoliikenne on salattu, ja varmuuskopiot säilytetään salattuina erillisessä konesalissa.",
            "Käsittelijöiden kanssa on tehty tietosuoja-asetuksen 28 artiklan mukaiset sopimukset.",
        ],
    },
    Kind {
        slug: "potilasrekisteri",
        title: "Potilasrekisteri",
        description: &[
            "Potilasrekisteriin kirjataan tiedot, jotka ovat tarpeen potilaan hoidon järjestämiseksi, suunnittelemiseksi, toteuttamiseksi ja seuraamiseksi.",
            "Terveydenhuollon ammattihenkilöillä on lakisääteinen velvollisuus laatia potilasasiakirjat.",
            "Potilasasiakirjat tallennetaan myös Kanta-palveluihin, joista potilas voi katsoa omia tietojaan OmaKannassa.",
            "Potilastiedot ovat salassa pidettäviä, ja niitä luovutetaan vain potilaan suostumuksella tai lain perusteella.",
        ],
        subjects: &[
            "Potilaat",
            "Alaikäisten potilaiden huoltajat",
            "Potilaiden nimeämät lähiomaiset",
        ],
        collection: "both",
        purposes: &[
            p(
                "Potilaan tutkimuksen ja hoidon suunnittelu, toteutus ja seuranta sekä potilasasiakirjojen laatiminen",
                "legal_obligation",
                Some(
                    "Laki potilaan asemasta ja oikeuksista (785/1992) 12 §; laki terveydenhuollon ammattihenkilöistä (559/1994) 16 §",
                ),
            ),
            p(
                "Potilasasiakirjojen tallentaminen Kanta-palveluihin",
                "legal_obligation",
                Some(CLIENT_DATA_ACT),
            ),
            p(
                "Potilasturvallisuuden ja hoidon laadun omavalvonta",
                "legal_obligation",
                Some("Laki sosiaali- ja terveydenhuollon valvonnasta (741/2023)"),
            ),
            p("Hoidon laskutus", "contract", None),
            p(
                "Kela-korvausten hakeminen suoraan Kelalta potilaan puolesta",
                "legal_obligation",
                Some("Sairausvakuutuslaki (1224/2004) 15 luku"),
            ),
        ],
        data: &[
            d(
                "Tunnistetiedot",
                "Nimi, henkilötunnus, osoite, puhelinnumero sekä lähiomaisen tai huoltajan yhteystiedot.",
                "statutory",
                Some(
                    "Ilman tunnistetietoja emme voi laatia lain edellyttämiä potilasasiakirjoja emmekä siksi antaa hoitoa.",
                ),
            ),
            Data {
                category: "Terveystiedot",
                description: "Esitiedot, oireet, diagnoosit, tutkimus- ja laboratoriotulokset, hoitomerkinnät, lähetteet ja lausunnot.",
                provision: "voluntary",
                consequence: Some(
                    "Jos et kerro oireistasi ja aiemmista sairauksistasi, hoitoa ei voida suunnitella turvallisesti.",
                ),
                special: Some((
                    "health",
                    "health_care",
                    "Laki potilaan asemasta ja oikeuksista (785/1992); tietosuojalaki (1050/2018) 6 §",
                )),
                criminal_law: None,
            },
            Data {
                category: "Toisen palvelunantajan kirjaamat tiedot",
                description: "Lähetteet sekä Kanta-palveluista potilaan suostumuksella katsotut tiedot.",
                provision: "voluntary",
                consequence: Some(
                    "Jos et anna suostumusta tietojen katsomiseen, lääkäri ei näe muualla tehtyjä tutkimuksia.",
                ),
                special: Some(("health", "health_care", CLIENT_DATA_ACT)),
                criminal_law: None,
            },
            d(
                "Laskutustiedot",
                "Laskun tiedot ja maksaja, kuten vakuutusyhtiö maksusitoumuksen perusteella.",
                "contractual",
                Some(
                    "Ilman laskutustietoja emme voi laskuttaa vakuutusyhtiötä, ja maksu on suoritettava vastaanotolla.",
                ),
            ),
        ],
        sources: &[
            ("Potilas itse tai hänen huoltajansa", false),
            (
                "Lähetteen lähettänyt terveydenhuollon toimintayksikkö",
                false,
            ),
            (
                "Kanta-palvelut, kun potilas on antanut suostumuksen tietojen luovuttamiseen palvelunantajien välillä",
                false,
            ),
            (
                "Laboratorio, joka on tehnyt lääkärin määräämät tutkimukset",
                false,
            ),
        ],
        recipients: &[
            r(
                "Kela, Kanta-palveluiden Potilastiedon arkisto",
                "processor",
                "Potilasasiakirjojen arkistointi",
                Some(CLIENT_DATA_ACT),
            ),
            r(
                "Kela, Reseptikeskus",
                "authority",
                "Sähköiset lääkemääräykset",
                Some("Laki sähköisestä lääkemääräyksestä (61/2007)"),
            ),
            r(
                "Potilastietojärjestelmän toimittaja Terveysdata Kuusi Oy",
                "processor",
                "Potilastietojärjestelmän ylläpito",
                None,
            ),
            r(
                "Muut terveydenhuollon palvelunantajat",
                "third_party",
                "Jatkohoito potilaan suostumuksella",
                Some("Laki potilaan asemasta ja oikeuksista (785/1992) 13 §"),
            ),
            r(
                "Vakuutusyhtiöt",
                "third_party",
                "Korvausasian käsittely potilaan suostumuksella",
                None,
            ),
            r(
                "Lupa- ja valvontavirasto",
                "authority",
                "Terveydenhuollon valvonta sen pyynnöstä",
                Some("Laki sosiaali- ja terveydenhuollon valvonnasta (741/2023)"),
            ),
        ],
        retention: &[
            Retention {
                data: "Potilasasiakirjat",
                period: None,
                from: None,
                criteria: Some(
                    "Potilasasiakirjat säilytetään asiakirjan laadun mukaan laissa säädetyn ajan, jonka jälkeen ne hävitetään.",
                ),
                law: Some(
                    "Laki sosiaali- ja terveydenhuollon asiakastietojen käsittelystä (703/2023), liite",
                ),
            },
            keep(
                "Laskutustiedot",
                "6 years",
                "sen vuoden päättyminen, jonka aikana tilikausi päättyi",
                Some(BOOKKEEPING_PERIOD),
            ),
            keep(
                "Käyttölokit",
                "12 years",
                "lokimerkinnän syntyminen",
                Some(CLIENT_DATA_ACT),
            ),
        ],
        security: &[
            "Potilastietoja käsittelevät vain potilaan hoitoon osallistuvat ammattihenkilöt ja ne työntekijät, joiden tehtävät sitä edellyttävät.",
            "Potilastietojärjestelmä on Kanta-palveluihin liitetty A-luokan järjestelmä.",
            "Jokainen tietojen katselu kirjautuu käyttölokiin, jota tietosuojavastaava valvoo.",
            "Paperiset asiakirjat säilytetään lukitussa arkistossa, ja henkilökuntaa sitoo lakisääteinen vaitiolovelvollisuus.",
        ],
    },
    Kind {
        slug: "kameravalvonta",
        title: "Kameravalvonta",
        description: &[
            "Toimitilojen aulassa, sisäänkäynneillä ja pysäköintialueella on tallentava kameravalvonta.",
            "Valvonnasta kerrotaan kylteillä jokaisella sisäänkäynnillä.",
            "Pukeutumistiloissa, wc-tiloissa ja taukotiloissa ei ole kameroita.",
            "Ääntä ei tallenneta, eikä tallenteita käytetä työntekijöiden työsuorituksen seurantaan.",
        ],
        subjects: &[
            "Asiakkaat ja muut vierailijat valvotuilla alueilla",
            "Työntekijät valvotuilla alueilla",
            "Alihankkijoiden ja huoltoyhtiöiden työntekijät",
        ],
        collection: "data_subject",
        purposes: &[
            p(
                "Vahinko- ja vaaratilanteiden jälkikäteinen selvittäminen",
                "legitimate_interests",
                Some(
                    "Vahinkotapahtumien kulun selvittäminen ja vastuukysymysten ratkaiseminen tallenteiden avulla",
                ),
            ),
            p(
                "Asiakkaiden ja henkilökunnan turvallisuuden varmistaminen aulassa, sisäänkäynneillä ja pysäköintialueella",
                "legitimate_interests",
                Some(
                    "Ihmisten henkilökohtaisen turvallisuuden suojaaminen ja uhkatilanteiden selvittäminen",
                ),
            ),
            p(
                "Omaisuuden suojaaminen sekä rikosten ennalta ehkäiseminen ja selvittäminen",
                "legitimate_interests",
                Some(
                    "Yrityksen, asiakkaiden ja henkilökunnan omaisuuden suojaaminen ilkivallalta ja varkauksilta",
                ),
            ),
        ],
        data: &[
            d(
                "Tallenteen katselu- ja luovutustiedot",
                "Kuka tallennetta on katsonut, milloin ja mihin tarkoitukseen, sekä tieto luovutuksista.",
                "voluntary",
                None,
            ),
            d(
                "Videokuva",
                "Kameroiden tallentama kuva valvotuilta alueilta sekä tallennuksen päivämäärä ja kellonaika.",
                "voluntary",
                Some(
                    "Tallenne syntyy, kun liikut valvotulla alueella. Jos et halua tulla kuvatuksi, voit asioida kanssamme puhelimitse.",
                ),
            ),
            d(
                "Ajoneuvon rekisteritunnus",
                "Pysäköintialueen kameran tallentama rekisterikilpi ja saapumisaika.",
                "voluntary",
                None,
            ),
        ],
        sources: &[],
        recipients: &[
            r(
                "Kiinteistön omistaja Kiinteistö Oy Esimerkintalo",
                "joint_controller",
                "Yhteisten tilojen kameravalvonta",
                None,
            ),
            r(
                "Vartiointi Esikko Oy",
                "processor",
                "Kameravalvontajärjestelmän ylläpito ja tallenteiden tekninen säilytys",
                None,
            ),
            r(
                "Poliisi",
                "authority",
                "Rikosepäilyn selvittäminen poliisin pyynnöstä",
                Some("Poliisilaki (872/2011)"),
            ),
            r(
                "Vakuutusyhtiö",
                "third_party",
                "Vahinkotapahtuman selvittäminen korvausasian käsittelyssä",
                None,
            ),
        ],
        retention: &[
            keep(
                "Katselu- ja luovutusloki",
                "2 years",
                "lokimerkinnän syntyminen",
                None,
            ),
            keep("Tallenteet", "30 days", "tallennushetki", None),
            until(
                "Rikosepäilyn selvittämiseksi talteen otetut tallenteet",
                "Tallenne säilytetään, kunnes poliisi on saanut sen ja esitutkinta on päättynyt, ja poistetaan viimeistään vuoden kuluttua tallennuksesta.",
            ),
        ],
        security: &[
            "Tallenteet säilytetään salattuina lukitussa tilassa olevalla tallentimella.",
            "Tallenteita pääsevät katsomaan vain turvallisuudesta vastaava esihenkilö ja vartiointiliikkeen nimetyt henkilöt.",
            "Jokainen tallenteen katselu ja luovutus kirjataan.",
        ],
    },
    Kind {
        slug: "rekrytointi",
        title: "Rekrytointirekisteri",
        description: &[
            "Käsittelemme työnhakijoiden henkilötietoja avointen tehtävien täyttämiseksi.",
            "Tietoja kerätään ensisijaisesti hakijalta itseltään.",
            "Muualta tietoja hankitaan vain hakijan suostumuksella tai laissa säädetyn velvoitteen perusteella.",
            "Valinnan jälkeen valitun hakijan tiedot siirtyvät henkilöstörekisteriin.",
        ],
        subjects: &["Työnhakijat", "Avoimen hakemuksen jättäneet henkilöt"],
        collection: "both",
        purposes: &[
            p(
                "Hakemusten käsittely, haastattelut ja valinta avoimeen tehtävään",
                "contract",
                None,
            ),
            p(
                "Hakemuksen säilyttäminen tulevia rekrytointeja varten, jos hakija on antanut siihen suostumuksen",
                "consent",
                None,
            ),
            p(
                "Henkilöturvallisuusselvityksen teettäminen turvallisuusluokiteltuihin tehtäviin valitusta hakijasta",
                "legal_obligation",
                Some("Turvallisuusselvityslaki (726/2014)"),
            ),
        ],
        data: &[
            d(
                "Nimi ja yhteystiedot",
                "Nimi, sähköpostiosoite, puhelinnumero ja osoite.",
                "contract_precondition",
                Some(
                    "Ilman yhteystietoja emme voi käsitellä hakemusta emmekä kutsua haastatteluun.",
                ),
            ),
            d(
                "Hakemus ja ansioluettelo",
                "Koulutus, tutkinnot, työkokemus, kielitaito ja hakijan itse kertomat muut tiedot.",
                "contract_precondition",
                Some("Ilman hakemusta emme voi arvioida hakijan soveltuvuutta tehtävään."),
            ),
            d(
                "Haastattelu- ja arviointimuistiinpanot",
                "Haastattelijoiden muistiinpanot ja valintaperusteiden mukainen arvio.",
                "voluntary",
                None,
            ),
            d(
                "Suosittelijoiden lausunnot",
                "Hakijan nimeämiltä suosittelijoilta hakijan suostumuksella saadut tiedot.",
                "voluntary",
                Some(
                    "Jos et nimeä suosittelijoita, arvioimme soveltuvuutesi hakemuksen ja haastattelun perusteella.",
                ),
            ),
            Data {
                category: "Turvallisuusselvityksen tulos",
                description: "Suojelupoliisin tai pääesikunnan ilmoittama tieto siitä, onko selvityksessä ilmennyt seikkoja, jotka voivat vaikuttaa valintaan.",
                provision: "statutory",
                consequence: Some(
                    "Ilman turvallisuusselvitystä emme voi valita hakijaa turvallisuusluokiteltuun tehtävään.",
                ),
                special: None,
                criminal_law: Some("Turvallisuusselvityslaki (726/2014) 4 luku"),
            },
        ],
        sources: &[
            (
                "Hakijan nimeämät suosittelijat, joihin otamme yhteyttä vain hakijan suostumuksella",
                false,
            ),
            ("Suojelupoliisi turvallisuusselvityksen tekijänä", false),
            (
                "Hakijan julkiset ammatilliset profiilit, joihin hakija on hakemuksessaan viitannut",
                true,
            ),
        ],
        recipients: &[
            r(
                "Rekrytointijärjestelmän toimittaja Hakupalvelu Kanerva Oy",
                "processor",
                "Sähköisen hakujärjestelmän ylläpito",
                None,
            ),
            r(
                "Henkilöarviointi Soveltuva Oy",
                "processor",
                "Soveltuvuusarviointien tekeminen hakijan suostumuksella",
                None,
            ),
            r(
                "Suojelupoliisi",
                "authority",
                "Turvallisuusselvityksen laatiminen",
                Some("Turvallisuusselvityslaki (726/2014)"),
            ),
        ],
        retention: &[
            keep(
                "Hakemukset ja arviointitiedot",
                "2 years",
                "rekrytointipäätös",
                None,
            ),
            keep(
                "Tulevia rekrytointeja varten säilytettävät hakemukset",
                "1 year",
                "suostumuksen antaminen",
                None,
            ),
            until(
                "Turvallisuusselvityksen tulos",
                "Tieto hävitetään heti, kun sitä ei enää tarvita valintaa varten, ja viimeistään kun rekrytointi on päättynyt.",
            ),
        ],
        security: &[
            "Hakemuksia käsittelevät vain rekrytoinnista vastaavat esihenkilöt ja henkilöstöhallinto.",
            "Hakujärjestelmään kirjaudutaan henkilökohtaisilla tunnuksilla.",
            "Tiedot poistetaan järjestelmästä automaattisesti säilytysajan päätyttyä.",
        ],
    },
    Kind {
        slug: "jasenrekisteri",
        title: "Jäsenrekisteri",
        description: &[
            "Yhdistyslaki velvoittaa yhdistyksen hallitusta pitämään luetteloa yhdistyksen jäsenistä.",
            "Jäsenrekisteriä käytetään jäsenyyden hoitamiseen, jäsenmaksujen perimiseen ja jäsenviestintään.",
            "Jäsenrekisterin tietoja ei luovuteta kaupallisiin tarkoituksiin.",
            "Jäsen voi itse päivittää yhteystietonsa jäsenpalvelussa.",
        ],
        subjects: &[
            "Yhdistyksen jäsenet",
            "Kannatusjäsenet",
            "Kunniajäsenet",
            "Alaikäisten jäsenten huoltajat",
        ],
        collection: "data_subject",
        purposes: &[
            p(
                "Jäsenluettelon pitäminen",
                "legal_obligation",
                Some("Yhdistyslaki (503/1989) 11 §"),
            ),
            p("Jäsenmaksujen laskutus ja seuranta", "contract", None),
            p(
                "Jäsenviestintä ja kokouskutsujen lähettäminen",
                "contract",
                None,
            ),
            p(
                "Jäsenmäärän ja jäsenrakenteen tilastointi toiminnan suunnittelua varten",
                "legitimate_interests",
                Some("Yhdistyksen toiminnan suunnittelu jäsenten ikä- ja aluejakauman perusteella"),
            ),
            dm(
                "Jäsenetujen ja yhteistyökumppaneiden tarjousten lähettäminen jäsenille",
                "consent",
                None,
            ),
        ],
        data: &[
            d(
                "Nimi ja kotikunta",
                "Jäsenen etu- ja sukunimi sekä kotikunta.",
                "statutory",
                Some(
                    "Ilman nimeä ja kotikuntaa emme voi merkitä sinua jäsenluetteloon, eikä jäsenyys voi alkaa.",
                ),
            ),
            d(
                "Yhteystiedot",
                "Postiosoite, sähköpostiosoite ja puhelinnumero.",
                "contractual",
                Some("Ilman yhteystietoja emme voi lähettää jäsenlaskua emmekä kokouskutsuja."),
            ),
            d(
                "Jäsenyystiedot",
                "Jäsenlaji, liittymispäivä, jäsenmaksujen maksutiedot ja luottamustehtävät.",
                "contractual",
                Some(
                    "Ilman jäsenyystietoja emme voi laskuttaa jäsenmaksua emmekä todeta äänioikeuttasi kokouksessa.",
                ),
            ),
            Data {
                category: "Tieto ammattiliiton jäsenyydestä",
                description: "Liittojäsenyys, kun jäsenmaksu peritään liiton kautta.",
                provision: "voluntary",
                consequence: None,
                special: Some((
                    "trade_union_membership",
                    "not_for_profit",
                    "Yhdistyslaki (503/1989)",
                )),
                criminal_law: None,
            },
            d(
                "Markkinointiluvat",
                "Lupa jäsenetujen ja yhteistyökumppaneiden tarjousten lähettämiseen.",
                "voluntary",
                None,
            ),
        ],
        sources: &[],
        recipients: &[
            r(
                "Jäsenrekisteripalvelu Jäsenkori Oy",
                "processor",
                "Jäsenrekisterijärjestelmän ylläpito",
                None,
            ),
            r(
                "Kirjapaino Painotalo Virta Oy",
                "processor",
                "Jäsenlehden postitus",
                None,
            ),
            r(
                "Keskusjärjestö",
                "joint_controller",
                "Valtakunnallisen jäsenrekisterin ylläpito ja jäsenetujen järjestäminen",
                None,
            ),
        ],
        retention: &[
            until(
                "Jäsenluettelo",
                "Jäsenen tiedot poistetaan vuoden kuluessa jäsenyyden päättymisestä, kun jäsenmaksut on selvitetty.",
            ),
            keep(
                "Jäsenmaksujen kirjanpitoaineisto",
                "6 years",
                "tilikauden päättyminen",
                Some(BOOKKEEPING_PERIOD),
            ),
            until(
                "Markkinointiluvat",
                "Lupa poistetaan heti, kun jäsen peruu sen, ja viimeistään jäsenyyden päättyessä.",
            ),
        ],
        security: &[
            "Jäsenrekisteriä käsittelevät hallituksen nimeämät henkilöt, joilla on henkilökohtaiset tunnukset.",
            "Jäsenrekisteri sijaitsee palveluntarjoajan salatussa järjestelmässä.",
            "Paperiset jäsenhakemukset hävitetään, kun tiedot on tallennettu järjestelmään.",
        ],
    },
    Kind {
        slug: "henkilostorekisteri",
        title: "Henkilöstörekisteri",
        description: &[
            "Henkilöstörekisteriin tallennetaan työntekijöiden tiedot, joita tarvitsemme työsuhteen hoitamiseen ja palkanmaksuun.",
            "Työnantajalla on lakisääteinen velvollisuus käsitellä osaa tiedoista.",
            "Käsittelemme vain tietoja, jotka ovat työsuhteen kannalta välittömästi tarpeellisia.",
            "Terveydentilaa koskevia tietoja käsitellään erillään muista henkilötiedoista.",
        ],
        subjects: &[
            "Työntekijät",
            "Harjoittelijat",
            "Entiset työntekijät",
            "Työntekijöiden ilmoittamat lähiomaiset",
        ],
        collection: "both",
        purposes: &[
            p("Työsuhteen hoitaminen ja palkanmaksu", "contract", None),
            p(
                "Ennakonpidätykset, vakuutukset ja viranomaisilmoitukset",
                "legal_obligation",
                Some("Ennakkoperintälaki (1118/1996); työntekijän eläkelaki (395/2006)"),
            ),
            p(
                "Työterveyshuollon järjestäminen ja sairauspoissaolojen käsittely",
                "legal_obligation",
                Some(
                    "Työterveyshuoltolaki (1383/2001); laki yksityisyyden suojasta työelämässä (759/2004)",
                ),
            ),
            p(
                "Työaikakirjanpito",
                "legal_obligation",
                Some("Työaikalaki (872/2019) 32 §"),
            ),
            p(
                "Osaamisen kehittäminen ja koulutusten seuranta",
                "legitimate_interests",
                Some("Henkilöstön osaamisen ylläpitäminen ja koulutustarpeiden suunnittelu"),
            ),
        ],
        data: &[
            d(
                "Henkilö- ja yhteystiedot",
                "Nimi, henkilötunnus, osoite, puhelinnumero ja lähiomaisen yhteystiedot.",
                "statutory",
                Some(
                    "Ilman henkilötietoja emme voi tehdä lakisääteisiä ilmoituksia emmekä maksaa palkkaa.",
                ),
            ),
            d(
                "Työsuhdetiedot",
                "Työsopimus, tehtävä, työaika, palkka, lomat ja koulutukset.",
                "contractual",
                Some("Ilman työsuhdetietoja emme voi hoitaa työsuhdetta sovitulla tavalla."),
            ),
            d(
                "Pankki- ja verotustiedot",
                "Tilinumero ja verokortin tiedot.",
                "statutory",
                Some("Ilman verokorttia ennakonpidätys tehdään korotetun prosentin mukaan."),
            ),
            Data {
                category: "Terveydentilaa koskevat tiedot",
                description: "Lääkärintodistukset ja työterveyshuollon lausunnot työkyvystä.",
                provision: "statutory",
                consequence: Some("Ilman lääkärintodistusta emme voi maksaa sairausajan palkkaa."),
                special: Some(("health", "employment", WORKING_LIFE_ACT)),
                criminal_law: None,
            },
            Data {
                category: "Ammattiliiton jäsenmaksu",
                description: "Tieto ammattiliitosta ja perittävästä jäsenmaksusta, kun työntekijä on pyytänyt perintää.",
                provision: "voluntary",
                consequence: None,
                special: Some((
                    "trade_union_membership",
                    "employment",
                    "Työsopimuslaki (55/2001) 2 luku 14 §",
                )),
                criminal_law: None,
            },
        ],
        sources: &[
            ("Verohallinto (verokorttitiedot)", false),
            ("Työterveyshuolto työntekijän suostumuksella", false),
            ("Työeläkevakuuttaja", false),
        ],
        recipients: &[
            r(
                "Palkanlaskenta Palkkamestari Oy",
                "processor",
                "Palkanlaskenta ja palkanmaksu",
                None,
            ),
            r(
                "Työterveyshuolto Terveyskumppani Oy",
                "third_party",
                "Lakisääteisen työterveyshuollon järjestäminen",
                Some("Työterveyshuoltolaki (1383/2001)"),
            ),
            r(
                "Työeläkevakuutusyhtiö",
                "third_party",
                "Työeläkevakuuttaminen",
                Some("Työntekijän eläkelaki (395/2006)"),
            ),
            r(
                "Verohallinto",
                "authority",
                "Tulorekisteri-ilmoitukset",
                Some("Laki kansallisesta tulorekisteristä (53/2018)"),
            ),
            r(
                "Tapaturmavakuutusyhtiö",
                "third_party",
                "Lakisääteinen tapaturmavakuutus",
                Some("Työtapaturma- ja ammattitautilaki (459/2015)"),
            ),
        ],
        retention: &[
            keep(
                "Työsopimus ja työsuhteen perustiedot",
                "10 years",
                "työsuhteen päättyminen",
                Some("Työsopimuslaki (55/2001) 6 luku 7 §"),
            ),
            keep(
                "Palkkakirjanpito",
                "10 years",
                "tilikauden päättyminen",
                Some("Kirjanpitolaki (1336/1997) 2 luku 10 §"),
            ),
            keep(
                "Työaikakirjanpito",
                "6 years",
                "sen kalenterivuoden päättyminen, jota merkinnät koskevat",
                Some("Työaikalaki (872/2019) 32 §"),
            ),
            until(
                "Terveydentilaa koskevat tiedot",
                "Tiedot hävitetään heti, kun niiden käsittelyyn ei ole laissa säädettyä perustetta.",
            ),
        ],
        security: &[
            "Henkilöstötietoja käsittelevät vain henkilöstöhallinto, palkanlaskenta ja työntekijän esihenkilö.",
            "Terveydentilaa koskevia tietoja käsittelevät vain nimetyt henkilöt, ja ne säilytetään erillään muista tiedoista.",
            "Järjestelmiin kirjaudutaan kaksivaiheisella tunnistautumisella, ja käsittelijöitä sitoo vaitiolovelvollisuus.",
        ],
    },
    Kind {
        slug: "uutiskirje",
        title: "Uutiskirjeen tilaajarekisteri",
        description: &[
            "Lähetämme uutiskirjettä niille, jotka ovat sen tilanneet verkkosivuiltamme tai tapahtumistamme.",
            "Uutiskirjeen voi perua milloin tahansa jokaisen kirjeen lopussa olevasta linkistä.",
            "Seuraamme uutiskirjeiden avauksia ja linkkien klikkauksia koostetasolla kehittääksemme sisältöä.",
        ],
        subjects: &["Uutiskirjeen tilaajat"],
        collection: "data_subject",
        purposes: &[
            dm(
                "Asiakaskyselyjen lähettäminen uutiskirjeen tilaajille",
                "consent",
                None,
            ),
            dm("Uutiskirjeen lähettäminen sen tilanneille", "consent", None),
            dm(
                "Uutiskirjeen sisällön kohdentaminen avausten ja klikkausten perusteella",
                "consent",
                None,
            ),
            dm(
                "Kutsujen lähettäminen asiakastilaisuuksiin",
                "consent",
                None,
            ),
        ],
        data: &[
            d(
                "Kiinnostuksen kohteet",
                "Tilaajan valitsemat aihepiirit, joista hän haluaa tietoa.",
                "voluntary",
                None,
            ),
            d(
                "Kieli",
                "Kieli, jolla uutiskirje lähetetään.",
                "voluntary",
                None,
            ),
            d(
                "Sähköpostiosoite",
                "Osoite, johon uutiskirje lähetetään.",
                "contract_precondition",
                Some("Ilman sähköpostiosoitetta emme voi lähettää uutiskirjettä."),
            ),
            d(
                "Nimi",
                "Etunimi, jolla tervehdimme kirjeessä.",
                "voluntary",
                None,
            ),
            d(
                "Tilaus- ja lukutiedot",
                "Tilauksen ajankohta, tilatut aiheet sekä tieto avatuista kirjeistä ja klikatuista linkeistä.",
                "voluntary",
                None,
            ),
        ],
        sources: &[],
        recipients: &[
            r(
                "Verkkosivujen ylläpitäjä Sivutehdas Oy",
                "processor",
                "Tilauslomakkeen ylläpito verkkosivuilla",
                None,
            ),
            r(
                "Uutiskirjepalvelu Viestipaja Oy",
                "processor",
                "Uutiskirjeen lähettäminen ja tilaajarekisterin ylläpito",
                None,
            ),
            r(
                "Mainostoimisto Sanasto Oy",
                "processor",
                "Uutiskirjeen sisällön tuottaminen ja taitto",
                None,
            ),
        ],
        retention: &[
            until(
                "Tilauksen vahvistus",
                "Tieto tilauksen vahvistamisesta säilytetään kaksi vuotta tilauksen päättymisestä, jotta voimme osoittaa saaneemme suostumuksen.",
            ),
            until(
                "Tilaajan tiedot",
                "Tiedot poistetaan kuukauden kuluessa siitä, kun peruutat tilauksen.",
            ),
            keep(
                "Avaus- ja klikkaustiedot",
                "13 months",
                "uutiskirjeen lähettäminen",
                None,
            ),
        ],
        security: &[
            "Tilaajarekisteriin pääsevät vain viestinnän nimetyt työntekijät henkilökohtaisilla tunnuksilla.",
            "Palveluntarjoajan kanssa on tehty käsittelysopimus, ja tiedot säilytetään salattuina.",
        ],
    },
    Kind {
        slug: "verkkokauppa",
        title: "Verkkokaupan asiakasrekisteri",
        description: &[
            "Tämä seloste koskee verkkokauppamme asiakkaita ja verkkokaupan käyttäjiä.",
            "Käsittelemme tietoja tilausten toimittamiseksi, maksujen käsittelemiseksi ja asiakaspalvelun hoitamiseksi.",
            "Verkkokaupan maksut käsittelee maksunvälittäjä, emmekä saa maksukorttien tietoja.",
            "Asiakastiliä ei tarvita tilaamiseen, mutta sen avulla näet tilaushistoriasi.",
        ],
        subjects: &[
            "Yhteistyökumppaneiden edustajat, jotka ovat tilanneet uutiskirjeen",
            "Verkkokaupan asiakkaat",
            "Asiakastilin luoneet käyttäjät",
            "Lahjakorttien saajat",
        ],
        collection: "data_subject",
        purposes: &[
            p(
                "Tilausten käsittely, toimittaminen ja palautukset",
                "contract",
                None,
            ),
            p("Asiakastilin ylläpito", "contract", None),
            p("Kirjanpito", "legal_obligation", Some(BOOKKEEPING)),
            p(
                "Väärinkäytösten ja maksupetosten estäminen",
                "legitimate_interests",
                Some(
                    "Verkkokaupan ja asiakkaiden suojaaminen maksupetoksilta ja varastetuilla korteilla tehdyiltä tilauksilta",
                ),
            ),
            dm(
                "Ostohistoriaan perustuvat tuotesuositukset sähköpostitse",
                "legitimate_interests",
                Some("Kertoa asiakkaille tuotteista, jotka liittyvät heidän aiempiin ostoksiinsa"),
            ),
        ],
        data: &[
            d(
                "Nimi ja toimitusosoite",
                "Nimi, toimitusosoite ja valittu noutopiste.",
                "contract_precondition",
                Some("Ilman toimitustietoja emme voi toimittaa tilausta."),
            ),
            d(
                "Sähköpostiosoite ja puhelinnumero",
                "Tilausvahvistusta ja toimitusilmoituksia varten.",
                "contract_precondition",
                Some(
                    "Ilman yhteystietoja emme voi lähettää tilausvahvistusta emmekä ilmoittaa toimituksesta.",
                ),
            ),
            d(
                "Tilaus- ja maksutiedot",
                "Tilatut tuotteet, hinnat, maksutapa ja maksun tila.",
                "contractual",
                Some("Ilman tilaustietoja emme voi käsitellä tilausta emmekä palautusta."),
            ),
            d(
                "Asiakastilin tiedot",
                "Käyttäjätunnus, salasanan tiiviste, tilaushistoria ja suosikkituotteet.",
                "voluntary",
                None,
            ),
            d(
                "Tekniset tiedot",
                "IP-osoite, selaimen tyyppi ja istunnon tunniste väärinkäytösten estämiseksi.",
                "contract_precondition",
                Some(
                    "Ilman teknisiä tietoja verkkokauppa ei toimi, emmekä voi estää maksupetoksia.",
                ),
            ),
        ],
        sources: &[],
        recipients: &[
            r(
                "Verkkokauppa-alustan toimittaja Kauppakone Oy",
                "processor",
                "Verkkokaupan ylläpito",
                None,
            ),
            r(
                "Maksunvälittäjä Maksuvirta Oy",
                "processor",
                "Maksujen välittäminen",
                None,
            ),
            r(
                "Kuljetusliike Pakettipojat Oy",
                "third_party",
                "Tilausten toimittaminen",
                None,
            ),
            r("Tilitoimisto Laskenta Oy", "processor", "Kirjanpito", None),
            r(
                "Asiakaspalvelualusta Helpdesk Cloud Inc.",
                "processor",
                "Asiakaspalvelupyyntöjen käsittely",
                None,
            ),
        ],
        retention: &[
            keep("Tilaustiedot", "2 years", "tilauksen toimittaminen", None),
            keep(
                "Kirjanpitoaineisto",
                "6 years",
                "tilikauden päättyminen",
                Some(BOOKKEEPING_PERIOD),
            ),
            until(
                "Asiakastili",
                "Asiakastili poistetaan, kun asiakas pyytää sitä tai kun tiliä ei ole käytetty kolmeen vuoteen.",
            ),
            keep("Tekniset lokitiedot", "6 months", "tallennushetki", None),
        ],
        security: &[
            "Verkkokaupan liikenne on salattu, ja salasanat tallennetaan vain tiivisteinä.",
            "Ylläpitäjät kirjautuvat kaksivaiheisella tunnistautumisella.",
            "Maksukorttien tiedot käsittelee vain PCI DSS -sertifioitu maksunvälittäjä.",
        ],
    },
    Kind {
        slug: "kulunvalvonta",
        title: "Kulunvalvontarekisteri",
        description: &[
            "Toimitiloihin kuljetaan henkilökohtaisella kulkutunnisteella.",
            "Kulunvalvontajärjestelmä tallentaa tiedon siitä, milloin ja mistä ovesta tunnistetta on käytetty.",
            "Laboratoriotiloihin kuljetaan sormenjälkitunnistuksella, johon työntekijä antaa nimenomaisen suostumuksen.",
            "Kulkutietoja ei käytetä työajan seurantaan.",
        ],
        subjects: &[
            "Työntekijät",
            "Vuokralaisten työntekijät",
            "Vierailijat, joille on annettu vierailijakortti",
        ],
        collection: "data_subject",
        purposes: &[
            p(
                "Kulkuoikeuksien hallinta ja toimitilojen turvallisuus",
                "legitimate_interests",
                Some("Toimitilojen, laitteiden ja asiakirjojen suojaaminen asiattomalta pääsyltä"),
            ),
            p(
                "Laboratoriotilojen biometrinen kulunvalvonta",
                "consent",
                None,
            ),
            p(
                "Turvallisuuspoikkeamien selvittäminen",
                "legitimate_interests",
                Some(
                    "Murtojen, katoamisten ja muiden turvallisuuspoikkeamien selvittäminen kulkutietojen avulla",
                ),
            ),
        ],
        data: &[
            d(
                "Vierailijatiedot",
                "Vierailijan nimi, organisaatio, isäntä ja vierailun ajankohta.",
                "voluntary",
                Some(
                    "Jos et anna tietoja, isäntäsi hakee sinut aulasta ja saattaa sinua koko vierailun ajan.",
                ),
            ),
            d(
                "Nimi ja organisaatio",
                "Kulkutunnisteen haltijan nimi ja työnantaja.",
                "contract_precondition",
                Some("Ilman nimeä emme voi myöntää kulkutunnistetta."),
            ),
            d(
                "Kulkutunniste ja kulkuoikeudet",
                "Tunnisteen numero ja ovet, joihin sillä pääsee.",
                "contract_precondition",
                Some("Ilman kulkutunnistetta pääset toimitiloihin vain aulapalvelun kautta."),
            ),
            d(
                "Kulkutapahtumat",
                "Oven tunniste, kellonaika ja tieto siitä, avautuiko ovi.",
                "voluntary",
                None,
            ),
            Data {
                category: "Sormenjälkimalli",
                description: "Sormenjäljestä laskettu tunnistusmalli; sormenjälkikuvaa ei tallenneta.",
                provision: "voluntary",
                consequence: Some(
                    "Jos et anna suostumusta, saat laboratorioon kulkukortin ja PIN-koodin.",
                ),
                special: Some(("biometric", "explicit_consent", "")),
                criminal_law: None,
            },
        ],
        sources: &[],
        recipients: &[
            r(
                "Kiinteistöhuolto Huoltomestarit Oy",
                "processor",
                "Lukitusten ja kulkulaitteiden huolto",
                None,
            ),
            r(
                "Kulunvalvontajärjestelmän toimittaja Ovimies Oy",
                "processor",
                "Järjestelmän ylläpito",
                None,
            ),
            r(
                "Kiinteistön vartiointiliike Vartio Pohja Oy",
                "processor",
                "Hälytysten käsittely ja kulkuoikeuksien hallinta",
                None,
            ),
            r(
                "Poliisi",
                "authority",
                "Rikosepäilyn selvittäminen poliisin pyynnöstä",
                Some("Poliisilaki (872/2011)"),
            ),
        ],
        retention: &[
            keep("Vierailijatiedot", "30 days", "vierailu", None),
            keep("Kulkutapahtumat", "90 days", "kulkutapahtuma", None),
            until(
                "Kulkuoikeudet",
                "Kulkuoikeus poistetaan työsuhteen tai vuokrasuhteen päättyessä.",
            ),
            until(
                "Sormenjälkimalli",
                "Malli poistetaan heti, kun suostumus peruutetaan tai työsuhde päättyy.",
            ),
        ],
        security: &[
            "Kulunvalvontajärjestelmää käyttävät vain turvallisuusvastaava ja vartiointiliikkeen nimetyt henkilöt.",
            "Sormenjälkimallit säilytetään salattuina lukijalaitteessa, eikä niitä voi muuntaa takaisin kuvaksi.",
            "Järjestelmä on erotettu toimiston muusta verkosta.",
        ],
    },
    Kind {
        slug: "tapahtumat",
        title: "Tapahtumien osallistujarekisteri",
        description: &[
            "Käsittelemme järjestämiimme koulutuksiin, seminaareihin ja asiakastilaisuuksiin ilmoittautuneiden tietoja.",
            "Ilmoittautumisen yhteydessä kysymme erityisruokavaliot, jotta voimme järjestää tarjoilun.",
            "Tapahtumissa voidaan valokuvata, ja kuvaamisesta kerrotaan ilmoittautumisen yhteydessä.",
        ],
        subjects: &[
            "Tapahtumiin ilmoittautuneet",
            "Puhujat ja esiintyjät",
            "Yhteistyökumppaneiden edustajat",
        ],
        collection: "data_subject",
        purposes: &[
            p("Kirjanpito", "legal_obligation", Some(BOOKKEEPING)),
            p(
                "Ilmoittautumisten käsittely ja tapahtuman järjestäminen",
                "contract",
                None,
            ),
            p("Osallistumismaksujen laskutus", "contract", None),
            p(
                "Tapahtuman valokuvaus ja kuvien julkaiseminen verkkosivuilla",
                "consent",
                None,
            ),
            p(
                "Palautekyselyn lähettäminen osallistujille",
                "legitimate_interests",
                Some("Tapahtumien kehittäminen osallistujien palautteen perusteella"),
            ),
        ],
        data: &[
            d(
                "Osallistumistiedot",
                "Tieto siitä, mihin tapahtumiin olet ilmoittautunut ja osallistunut.",
                "voluntary",
                None,
            ),
            d(
                "Nimi, organisaatio ja yhteystiedot",
                "Nimi, organisaatio, tehtävänimike, sähköpostiosoite ja puhelinnumero.",
                "contract_precondition",
                Some("Ilman yhteystietoja emme voi vahvistaa ilmoittautumista."),
            ),
            d(
                "Laskutustiedot",
                "Laskutusosoite ja viite maksullisiin tapahtumiin.",
                "contractual",
                Some(
                    "Ilman laskutustietoja emme voi hyväksyä ilmoittautumista maksulliseen tapahtumaan.",
                ),
            ),
            Data {
                category: "Erityisruokavaliot ja allergiat",
                description: "Osallistujan itse ilmoittamat ruokavaliot ja allergiat tarjoilua varten.",
                provision: "voluntary",
                consequence: Some(
                    "Jos et kerro ruokavaliotasi, emme voi varmistaa, että tarjoilu sopii sinulle.",
                ),
                special: Some(("health", "explicit_consent", "")),
                criminal_law: None,
            },
            d(
                "Valokuvat",
                "Tapahtumassa otetut kuvat, joissa osallistuja on tunnistettavissa.",
                "voluntary",
                None,
            ),
        ],
        sources: &[],
        recipients: &[
            r(
                "Tilitoimisto Laskenta Oy",
                "processor",
                "Osallistumismaksujen laskutus ja kirjanpito",
                None,
            ),
            r(
                "Tapahtumajärjestelmä Ilmoittaudu Oy",
                "processor",
                "Ilmoittautumisjärjestelmän ylläpito",
                None,
            ),
            r(
                "Pitopalvelu Herkkupata Oy",
                "processor",
                "Tarjoilun järjestäminen ruokavaliotietojen mukaisesti",
                None,
            ),
            r(
                "Yhteistyökumppanina toimiva tapahtuman järjestäjä",
                "joint_controller",
                "Tapahtuman järjestäminen yhdessä",
                None,
            ),
        ],
        retention: &[
            keep(
                "Laskutustiedot",
                "6 years",
                "tilikauden päättyminen",
                Some(BOOKKEEPING_PERIOD),
            ),
            keep(
                "Ilmoittautumistiedot",
                "1 year",
                "tapahtuman päättyminen",
                None,
            ),
            until(
                "Ruokavaliotiedot",
                "Tiedot poistetaan kahden viikon kuluessa tapahtumasta.",
            ),
            until(
                "Valokuvat",
                "Kuvat poistetaan verkkosivuilta, kun osallistuja peruu suostumuksensa.",
            ),
        ],
        security: &[
            "Ilmoittautumistietoja käsittelevät vain tapahtuman järjestäjät.",
            "Ruokavaliotiedot toimitetaan pitopalvelulle ilman osallistujien yhteystietoja.",
        ],
    },
];

/// Places where an organisation has units: registers of the same kind differ by unit.
static UNITS: &[&str] = &[
    "Helsinki",
    "Espoo",
    "Tampere",
    "Vantaa",
    "Oulu",
    "Turku",
    "Jyväskylä",
    "Lahti",
    "Kuopio",
    "Pori",
    "Kouvola",
    "Joensuu",
    "Lappeenranta",
    "Hämeenlinna",
    "Vaasa",
    "Seinäjoki",
    "Rovaniemi",
    "Mikkeli",
    "Kotka",
    "Salo",
];

static RIGHT_NOTES: &[(&str, &str)] = &[
    (
        "complaint",
        "Toivomme, että otat ensin yhteyttä tietosuojavastaavaamme, jotta voimme selvittää ja korjata asian nopeasti.",
    ),
    (
        "access",
        "Voit pyytää jäljennöksen tiedoistasi asiakaspalvelusta. Tunnistamme pyytäjän ennen tietojen luovuttamista.",
    ),
    (
        "rectification",
        "Voit korjata yhteystietosi itse omista tiedoistasi tai ilmoittamalla niistä asiakaspalveluun.",
    ),
    (
        "erasure",
        "Kirjanpitoon kuuluvia tietoja emme voi poistaa ennen lakisääteisen säilytysajan päättymistä.",
    ),
    (
        "objection",
        "Voit vastustaa oikeutettuun etuun perustuvaa käsittelyä ilmoittamalla siitä yhteyshenkilölle.",
    ),
    (
        "withdraw_consent",
        "Voit perua suostumuksesi milloin tahansa ilmoittamalla siitä yhteyshenkilölle; peruminen ei vaikuta aiempaan käsittelyyn.",
    ),
    (
        "portability",
        "Saat antamasi tiedot koneluettavassa muodossa pyytämällä niitä asiakaspalvelusta.",
    ),
];

/// A warning that real notices often earn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Flaw {
    VagueRetention,
    OutdatedTerm,
    UndeclaredMarketing,
    MissingLawReference,
    VaguePurpose,
    Stale,
    VagueInterest,
    MissingUpdated,
    TransferWithinEea,
}

const FLAWS: &[Flaw] = &[
    Flaw::VagueRetention,
    Flaw::OutdatedTerm,
    Flaw::UndeclaredMarketing,
    Flaw::MissingLawReference,
    Flaw::VaguePurpose,
    Flaw::Stale,
    Flaw::VagueInterest,
    Flaw::MissingUpdated,
    Flaw::TransferWithinEea,
];

/// The `seloste.yaml` of every synthetic project.
pub fn project_yaml() -> String {
    "\
# Synthetic project for benchmarks (bench/synth.rs); not a real organisation.
controller:
  name: Palvelutalo Esimerkki Oy
  business_id: 3141593-8
  address: PL 100, 00100 Helsinki
  visiting_address: Esimerkinkatu 1, 00100 Helsinki
  email: tietosuoja@palvelutalo.example
  phone: 09 555 0100
  website: https://www.palvelutalo.example
  public_authority: false
contact:
  name: Sanna Virtanen
  title: Asiakaspalvelupäällikkö
  email: asiakaspalvelu@palvelutalo.example
  phone: 09 555 0110
  address: Palvelutalo Esimerkki Oy, Asiakaspalvelu, PL 100, 00100 Helsinki
dpo:
  name: Mikko Lahtinen
  title: Tietosuojavastaava
  email: tietosuojavastaava@palvelutalo.example
  phone: 09 555 0120
settings:
  notices_dir: notices
  output_dir: dist
  staleness_months: 12
"
    .to_string()
}

/// A YAML scalar for `s`: plain where YAML reads it back as the same text, else double-quoted.
fn scalar(s: &str) -> String {
    let plain = !s.is_empty()
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c) || c.is_ascii_digit());
    if plain {
        s.to_string()
    } else {
        format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// A block scalar (`|`) of `sentences`, wrapped near 90 columns at `indent`.
fn block(out: &mut String, key: &str, indent: usize, sentences: &[&str]) {
    let pad = " ".repeat(indent);
    let _ = writeln!(out, "{pad}{key}: |");
    let mut line = String::new();
    for word in sentences.iter().flat_map(|s| s.split(' ')) {
        if !line.is_empty() && indent + 2 + line.len() + 1 + word.len() > 92 {
            let _ = writeln!(out, "{pad}  {line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "{pad}  {line}");
    }
}

fn field(out: &mut String, indent: usize, first: bool, key: &str, value: &str) {
    let lead = if first { "- " } else { "  " };
    let _ = writeln!(out, "{}{lead}{key}: {}", " ".repeat(indent), scalar(value));
}

/// One register: its file name and text. `i` numbers it within the project.
pub fn register(i: usize, rng: &mut Rng) -> (String, String) {
    register_in(i, rng, false)
}

/// How many recipients and retention entries of each kind [`shared_yaml`] defines: with one
/// security text per kind, 5 definitions × 10 kinds = 50.
const SHARED_PER_KIND: usize = 2;

/// The `shared:` block of a project whose registers refer to 50 shared definitions: the first
/// recipients and retention entries of each kind, and each kind's security text.
pub fn shared_yaml() -> String {
    let mut y = String::from("shared:\n  recipients:\n");
    for (k, kind) in KINDS.iter().enumerate() {
        for (j, x) in kind.recipients.iter().take(SHARED_PER_KIND).enumerate() {
            let _ = writeln!(y, "    r{k}-{j}:");
            recipient(&mut y, x, 6);
        }
    }
    y.push_str("  retention:\n");
    for (k, kind) in KINDS.iter().enumerate() {
        for (j, x) in kind.retention.iter().take(SHARED_PER_KIND).enumerate() {
            let _ = writeln!(y, "    s{k}-{j}:");
            retention(&mut y, x, 6);
        }
    }
    y.push_str("  texts:\n");
    for (k, kind) in KINDS.iter().enumerate() {
        let mut sentences: Vec<&str> = kind.security.to_vec();
        sentences.extend(COMMON_SECURITY.iter().take(2));
        block(&mut y, &format!("t{k}"), 4, &sentences);
    }
    y
}

/// A recipient's keys at `indent`, the first without a list dash.
fn recipient(y: &mut String, x: &Recipient, indent: usize) {
    let pad = " ".repeat(indent);
    let _ = writeln!(y, "{pad}name: {}", scalar(x.name));
    let _ = writeln!(y, "{pad}role: {}", x.role);
    let _ = writeln!(y, "{pad}purpose: {}", scalar(x.purpose));
    if let Some(law) = x.law {
        let _ = writeln!(y, "{pad}law: {}", scalar(law));
    }
}

/// A retention entry's keys at `indent`.
fn retention(y: &mut String, x: &Retention, indent: usize) {
    let pad = " ".repeat(indent);
    let _ = writeln!(y, "{pad}data: {}", scalar(x.data));
    if let Some(period) = x.period {
        let _ = writeln!(y, "{pad}period: {period}");
    }
    for (key, value) in [("from", x.from), ("criteria", x.criteria), ("law", x.law)] {
        if let Some(v) = value {
            let _ = writeln!(y, "{pad}{key}: {}", scalar(v));
        }
    }
}

/// [`register`], referring to the definitions of [`shared_yaml`] when `shared` is set.
pub fn register_in(i: usize, rng: &mut Rng, shared: bool) -> (String, String) {
    let k = rng.range(0, KINDS.len() - 1);
    let kind = &KINDS[k];
    let unit = rng.pick(UNITS);
    let flaws: Vec<Flaw> = if rng.chance(0.25) {
        rng.some(FLAWS, 1, 2).into_iter().copied().collect()
    } else {
        Vec::new()
    };
    let has = |f: Flaw| flaws.contains(&f);
    let mut y = String::with_capacity(6 * 1024);
    let _ = writeln!(
        y,
        "# Synthetic register {i} for benchmarks (bench/synth.rs); not a real notice.\n# yaml-language-server: $schema=../schema/register.schema.json"
    );
    let _ = writeln!(y, "title: {} ({unit})", kind.title);
    if has(Flaw::Stale) {
        let _ = writeln!(
            y,
            "updated: 2025-{:02}-{:02}",
            rng.range(1, 9),
            rng.range(1, 28)
        );
    } else if !has(Flaw::MissingUpdated) {
        let _ = writeln!(
            y,
            "updated: 2026-{:02}-{:02}",
            rng.range(1, 10),
            rng.range(1, 28)
        );
    }
    let mut intro: Vec<&str> = rng
        .some(kind.description, 3, 5)
        .into_iter()
        .copied()
        .collect();
    intro.extend(rng.some(COMMON_INTRO, 1, 2).into_iter().copied());
    if has(Flaw::OutdatedTerm) {
        intro.insert(
            0,
            "Tämä rekisteriseloste kertoo, miten käsittelemme henkilötietoja.",
        );
    }
    block(&mut y, "description", 0, &intro);

    y.push_str("data_subjects:\n");
    for s in rng.some(kind.subjects, 1, 3) {
        let _ = writeln!(y, "  - {}", scalar(s));
    }
    let _ = writeln!(y, "collection: {}", kind.collection);
    if rng.chance(0.3) {
        y.push_str(rng.pick(CONTACTS));
    }

    // The bases and marketing flags decide which rights apply, and so which notes may be given.
    let mut bases: Vec<&str> = Vec::new();
    let mut direct_marketing = false;
    y.push_str("purposes:\n");
    let mut vague_interest = has(Flaw::VagueInterest);
    for p in rng.some(kind.purposes, 3, 6) {
        field(&mut y, 2, true, "description", p.description);
        let _ = writeln!(y, "    legal_basis: {}", p.basis);
        bases.push(p.basis);
        match (p.basis, p.detail) {
            ("legitimate_interests", Some(li)) => {
                let li = if vague_interest {
                    vague_interest = false;
                    "Rekisterinpitäjän oikeutettu etu"
                } else {
                    li
                };
                field(&mut y, 2, false, "legitimate_interest", li);
            }
            (_, Some(law)) => field(&mut y, 2, false, "law", law),
            _ => {}
        }
        if p.direct_marketing {
            y.push_str("    direct_marketing: true\n");
            direct_marketing = true;
        }
    }
    if vague_interest {
        y.push_str("  - description: Toiminnan tilastointi\n    legal_basis: legitimate_interests\n    legitimate_interest: Oikeutettu etumme\n");
        bases.push("legitimate_interests");
    }
    if has(Flaw::UndeclaredMarketing) {
        y.push_str("  - description: Uutiskirjeen ja markkinointiviestien lähettäminen\n    legal_basis: consent\n");
        bases.push("consent");
    }
    if has(Flaw::MissingLawReference) {
        y.push_str("  - description: Kirjanpito ja viranomaisilmoitukset\n    legal_basis: legal_obligation\n");
        bases.push("legal_obligation");
    }
    if has(Flaw::VaguePurpose) {
        y.push_str("  - description: Toiminnan kehittäminen ja tietojen käyttö tarvittaessa muihin tarkoituksiin\n    legal_basis: legitimate_interests\n    legitimate_interest: Palvelujen kehittäminen asiakkaiden tarpeita vastaaviksi\n");
        bases.push("legitimate_interests");
    }

    let mut explicit_consent = false;
    y.push_str("personal_data:\n");
    for c in rng.some(kind.data, 4, 6) {
        field(&mut y, 2, true, "category", c.category);
        field(&mut y, 2, false, "description", c.description);
        if let Some((category, condition, law)) = c.special {
            let _ = writeln!(
                y,
                "    special_category: {category}\n    condition: {condition}"
            );
            explicit_consent |= condition == "explicit_consent";
            if !law.is_empty() {
                field(&mut y, 2, false, "law", law);
            }
        }
        if let Some(law) = c.criminal_law {
            y.push_str("    criminal_data: true\n");
            field(&mut y, 2, false, "law", law);
        }
        let _ = writeln!(y, "    provision: {}", c.provision);
        if let Some(consequence) = c.consequence {
            field(&mut y, 2, false, "consequence", consequence);
        }
    }

    if kind.collection != "data_subject" {
        y.push_str("sources:\n");
        for (description, public) in rng.some(kind.sources, 1, 4) {
            field(&mut y, 2, true, "description", description);
            let _ = writeln!(y, "    public: {public}");
        }
    }

    y.push_str("recipients:\n");
    if shared {
        for j in 0..SHARED_PER_KIND.min(kind.recipients.len()) {
            let _ = writeln!(y, "  - ref: r{k}-{j}");
        }
    }
    let own = if shared {
        &kind.recipients[SHARED_PER_KIND.min(kind.recipients.len())..]
    } else {
        kind.recipients
    };
    for x in rng.some(own, if shared { 1 } else { 3 }, if shared { 4 } else { 6 }) {
        field(&mut y, 2, true, "name", x.name);
        let _ = writeln!(y, "    role: {}", x.role);
        field(&mut y, 2, false, "purpose", x.purpose);
        if let Some(law) = x.law {
            field(&mut y, 2, false, "law", law);
        }
    }

    let transfer = rng.chance(0.2);
    if transfer || has(Flaw::TransferWithinEea) {
        y.push_str("transfers:\n");
        if transfer {
            y.push_str(rng.pick(TRANSFERS));
        }
        if has(Flaw::TransferWithinEea) {
            y.push_str("  - recipient: Nordic Hosting AB\n    country: SE\n    mechanism: standard_contractual_clauses\n    document: Sopimuksen jäljennöksen saa tietosuojavastaavalta.\n");
        }
    } else {
        y.push_str("transfers: none\n");
    }

    y.push_str("retention:\n");
    if shared {
        for j in 0..SHARED_PER_KIND.min(kind.retention.len()) {
            let _ = writeln!(y, "  - ref: s{k}-{j}");
        }
    }
    let own = if shared {
        &kind.retention[SHARED_PER_KIND.min(kind.retention.len())..]
    } else {
        kind.retention
    };
    for (n, x) in rng
        .some(own, if shared { 1 } else { 3 }, if shared { 2 } else { 4 })
        .into_iter()
        .enumerate()
    {
        field(&mut y, 2, true, "data", x.data);
        if has(Flaw::VagueRetention) && n == 0 {
            y.push_str("    criteria: Tietoja säilytetään niin kauan kuin on tarpeellista.\n");
            continue;
        }
        if let Some(period) = x.period {
            let _ = writeln!(y, "    period: {period}");
        }
        if let Some(from) = x.from {
            field(&mut y, 2, false, "from", from);
        }
        if let Some(criteria) = x.criteria {
            field(&mut y, 2, false, "criteria", criteria);
        }
        if let Some(law) = x.law {
            field(&mut y, 2, false, "law", law);
        }
    }

    if rng.chance(0.05) {
        y.push_str("automated_decisions:\n  - description: Maksutavan tarjoaminen laskulla tilauksen yhteydessä\n    logic: Laskua tarjotaan, kun luottotietopalvelun pisteytys ja aiemmat maksut täyttävät ennalta asetetut rajat.\n    consequences: Jos rajat eivät täyty, voit maksaa tilauksen muulla maksutavalla; voit pyytää päätöksen käsittelyä uudelleen ihmisen toimesta.\n");
    } else {
        y.push_str("automated_decisions: none\n");
    }

    // Notes only on rights that apply (src/rights.rs), as a careful author would write them.
    let any = |b: &[&str]| bases.iter().any(|x| b.contains(x));
    let applies = |right: &str| match right {
        "erasure" => any(&[
            "consent",
            "contract",
            "legitimate_interests",
            "vital_interests",
        ]),
        "portability" => any(&["consent", "contract"]),
        "objection" => direct_marketing || any(&["legitimate_interests", "public_task"]),
        "withdraw_consent" => explicit_consent || any(&["consent"]),
        _ => true,
    };
    let notes: Vec<&(&str, &str)> = RIGHT_NOTES.iter().filter(|(r, _)| applies(r)).collect();
    y.push_str("rights:\n");
    let _ = writeln!(y, "  exercise: {}", scalar(rng.pick(EXERCISE)));
    for (right, note) in rng.some(&notes, 2, 5) {
        let _ = writeln!(y, "  {right}:\n    note: {}", scalar(note));
    }

    if shared {
        let _ = writeln!(y, "security: {{ref: t{k}}}");
    } else {
        let mut security: Vec<&str> = rng.some(kind.security, 2, 4).into_iter().copied().collect();
        security.extend(rng.some(COMMON_SECURITY, 2, 3).into_iter().copied());
        block(&mut y, "security", 0, &security);
    }

    let cookies = kind.slug == "verkkokauppa" && rng.chance(0.5);
    let changes = rng.chance(0.6);
    if cookies || changes {
        y.push_str("extra_sections:\n");
    }
    if cookies {
        y.push_str("  - title: Evästeet\n");
        block(&mut y, "text", 4, COOKIES);
    }
    if changes {
        y.push_str("  - title: Selosteen muuttaminen\n");
        block(&mut y, "text", 4, CHANGES);
    }
    (format!("{i:05}-{}.yaml", kind.slug), y)
}

/// Sentences any kind of notice may add to its introduction.
static COMMON_INTRO: &[&str] = &[
    "Rekisterinpitäjän yhteystiedot ja tietosuojavastaavan yhteystiedot ovat tämän selosteen alussa.",
    "Kerromme alla, mihin tietoja käytetään, mihin käsittely perustuu, kenelle tietoja luovutetaan ja kuinka kauan niitä säilytetään.",
    "Lopussa kerromme oikeuksistasi ja siitä, miten voit käyttää niitä.",
    "Jos sinulla on kysyttävää henkilötietojesi käsittelystä, ota yhteyttä yhteyshenkilöön tai tietosuojavastaavaan.",
];

/// A contact person of the register's own, overriding the project's.
static CONTACTS: &[&str] = &[
    "contact:\n  name: Laura Nieminen\n  title: Yksikön esihenkilö\n  email: laura.nieminen@palvelutalo.example\n  phone: 09 555 0130\n",
    "contact:\n  name: Juha Korhonen\n  title: Henkilöstöpäällikkö\n  email: henkilosto@palvelutalo.example\n  phone: 09 555 0140\n  address: Palvelutalo Esimerkki Oy, Henkilöstöhallinto, PL 100, 00100 Helsinki\n",
    "contact:\n  name: Asiakaspalvelu\n  email: asiakaspalvelu@palvelutalo.example\n  phone: 09 555 0110\n",
];

/// Security measures common to every kind of register.
static COMMON_SECURITY: &[&str] = &[
    "Henkilöstö on saanut tietosuojakoulutuksen, ja sitä sitoo vaitiolovelvollisuus.",
    "Käyttöoikeudet tarkistetaan puolivuosittain, ja ne poistetaan heti, kun työtehtävät muuttuvat.",
    "Tietoturvapoikkeamat käsitellään kirjallisen ohjeen mukaan, ja niistä ilmoitetaan tietosuojavastaavalle.",
    "Palvelimet sijaitsevat Suomessa valvotuissa konesaleissa.",
];

/// How to exercise the rights.
static EXERCISE: &[&str] = &[
    "Lähetä pyyntö yhteyshenkilölle sähköpostitse tai kirjeitse. Vastaamme kuukauden kuluessa pyynnön saapumisesta.",
    "Voit käyttää oikeuksiasi ottamalla yhteyttä asiakaspalveluun. Varmistamme henkilöllisyytesi ennen kuin annamme tietoja tai muutamme niitä.",
    "Pyynnön voi tehdä sähköpostitse, kirjeitse tai käymällä toimipisteessämme. Vastaamme viimeistään kuukauden kuluttua, ja kerromme, jos tarvitsemme lisäaikaa.",
];

static COOKIES: &[&str] = &[
    "Verkkokauppa käyttää välttämättömiä evästeitä ostoskorin ja kirjautumisen toteuttamiseen.",
    "Analytiikkaevästeitä käytämme vain, jos olet hyväksynyt ne evästeasetuksista.",
    "Voit muuttaa evästeasetuksiasi milloin tahansa sivuston alalaidan linkistä.",
];

static CHANGES: &[&str] = &[
    "Päivitämme tätä selostetta, kun henkilötietojen käsittely muuttuu.",
    "Olennaisista muutoksista kerromme verkkosivuillamme ennen muutoksen voimaantuloa.",
    "Selosteen päivityspäivä on merkitty selosteen alkuun.",
];

/// Transfers outside the EU/EEA, as real notices state them.
static TRANSFERS: &[&str] = &[
    "  - recipient: Helpdesk Cloud Inc.\n    country: US\n    mechanism: adequacy\n    dpf_certified: true\n",
    "  - recipient: Analytics Works Inc.\n    country: US\n    mechanism: standard_contractual_clauses\n    document: Jäljennöksen Euroopan komission vakiosopimuslausekkeista saat pyytämällä tietosuojavastaavalta.\n",
    "  - recipient: Support Desk Ltd\n    country: GB\n    mechanism: adequacy\n",
];

/// The `seloste.yaml` text and `n` registers (file name, text), the same for the same seed.
pub fn project(n: usize, seed: u64) -> (String, Vec<(String, String)>) {
    let mut rng = Rng::new(seed);
    let registers = (1..=n).map(|i| register(i, &mut rng)).collect();
    (project_yaml(), registers)
}

/// Writes a project of `n` registers into `dir` (`seloste.yaml` and `notices/`), replacing
/// the `notices/` of an earlier run.
/// With `shared`, the registers refer to the 50 definitions of [`shared_yaml`].
pub fn write_project(dir: &Path, n: usize, seed: u64, shared: bool) -> std::io::Result<u64> {
    let (config, registers) = if shared {
        let mut rng = Rng::new(seed);
        let registers = (1..=n).map(|i| register_in(i, &mut rng, true)).collect();
        (project_yaml() + &shared_yaml(), registers)
    } else {
        project(n, seed)
    };
    let notices = dir.join("notices");
    if notices.exists() {
        std::fs::remove_dir_all(&notices)?;
    }
    std::fs::create_dir_all(&notices)?;
    std::fs::write(dir.join("seloste.yaml"), config)?;
    let mut bytes = 0;
    for (name, text) in registers {
        bytes += text.len() as u64;
        std::fs::write(notices.join(name), text)?;
    }
    Ok(bytes)
}
