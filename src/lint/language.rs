//! What rules need to know of Finnish to read a notice's words, in one place: negation, the
//! inflection of key words, and whose possibility a "voi"/"saattaa" states — a hedge by the
//! controller ("voimme luovuttaa", "tietoja voidaan käyttää") or an ability of the person or
//! of a user ("hakija voi hakea uudelleen", "voit pyytää", "rekisteristä voi tehdä hakuja").
//!
//! Everything here works on words: runs of letters and digits (a hyphen inside a word, as in
//! "kanta-asiakas", joins it). Texts are compared case-folded ([`fold_case`]).

use std::ops::Range;

use crate::lint::text::fold_case;

/// Whether `c` belongs to a word.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The punctuation that ends a clause.
const CLAUSE_ENDS: &[char] = &['.', ';', '!', '?', ',', ':'];

/// The words of `text` — letters and digits, with inner hyphens — and their byte ranges.
pub fn words(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    let bounds = text
        .char_indices()
        .map(|(i, c)| (i, Some(c)))
        .chain(std::iter::once((text.len(), None)));
    for (i, c) in bounds {
        let in_word = c.is_some_and(|c| is_word_char(c) || (c == '-' && start.is_some()));
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let w = text[s..i].trim_end_matches('-');
                out.push((s..s + w.len(), w));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The byte range of the clause of `text` (between `.`, `;`, `!`, `?`, `,` and `:`) that
/// holds byte `at`.
pub fn clause_at(text: &str, at: usize) -> Range<usize> {
    let at = at.min(text.len());
    let start = text[..at].rfind(CLAUSE_ENDS).map_or(0, |i| i + 1);
    let end = text[at..].find(CLAUSE_ENDS).map_or(text.len(), |i| at + i);
    start..end
}

/// The ends of a clause for [`clauses_with_words`] and [`clause_around`]: as
/// [`CLAUSE_ENDS`], but a colon does not end one ("oikeus: tarkastaa …" stays together).
const STATEMENT_ENDS: &[char] = &['.', ';', '!', '?', ','];

/// The byte range of the clause of `text` (between `.`, `;`, `!`, `?` and `,`, as
/// [`clauses_with_words`] reads clauses) around `range`, a range that one of its searches found.
pub fn clause_around(text: &str, range: &Range<usize>) -> Range<usize> {
    let start = text[..range.start]
        .rfind(STATEMENT_ENDS)
        .map_or(0, |i| i + 1);
    let end = text[range.end..]
        .find(STATEMENT_ENDS)
        .map_or(text.len(), |i| range.end + i);
    start..end
}

/// The clauses of `text` as byte ranges.
pub fn clauses(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(CLAUSE_ENDS) {
        out.push(start..i);
        start = i + 1;
    }
    out.push(start..text.len());
    out
}

// ---------------------------------------------------------------------------------------------
// Negation

/// The forms of the Finnish negation verb (and "eikä", "eivätkä" …).
pub const NEGATIONS: &[&str] = &[
    "en",
    "et",
    "ei",
    "emme",
    "ette",
    "eivät",
    "enkä",
    "etkä",
    "eikä",
    "emmekä",
    "ettekä",
    "eivätkä",
];

/// Whether `word` (lower case) is one of `forms`: a form ending in `*` matches any word that
/// starts with it (Finnish inflection), any other form the whole word.
pub fn word_is(word: &str, forms: &[&str]) -> bool {
    forms.iter().any(|f| match f.strip_suffix('*') {
        Some(stem) => word.starts_with(stem),
        None => word == *f,
    })
}

/// Whether the words at `range` of `text` stand denied: a negation verb ("ei", "emme", "eikä",
/// "eivät" …) comes before them in the same clause (between `.`, `;`, `!`, `?` and `,`).
/// "Evästeillä ei kerätä tietoja mainontaan" does not speak of marketing done; "emme
/// luovuta tietoja markkinointiin" does not disclose for it.
pub fn negated(text: &str, range: Range<usize>) -> bool {
    let before = &text[..range.start.min(text.len())];
    let clause_start = before.rfind(['.', ';', '!', '?', ',']).map_or(0, |i| i + 1);
    fold_case(&before[clause_start..])
        .split(|c: char| !is_word_char(c))
        .any(|w| word_is(w, NEGATIONS))
}

/// The clauses of `text` — its parts between `.`, `;`, `!`, `?` and `,` — that hold a word of
/// each of `groups`, in any order and with any words between, as the byte range from the first
/// to the last of those words. For statements that Finnish word order lets vary: "tietoja ei
/// luovuteta säännönmukaisesti", "säännönmukaisia luovutuksia ei ole", "ei luovuteta
/// ulkopuolisille säännönmukaisesti". Forms are lower case; see [`word_is`]. A clause in which
/// a word of `unless` comes before the word of the last group is passed over: that word then
/// qualifies what the exception names ("ei luovuteta muille kuin säännönmukaisesti Kelalle"),
/// where "ei luovuteta säännönmukaisesti muille kuin Kelalle" still hedges about the others.
pub fn clauses_with_words(text: &str, groups: &[&[&str]], unless: &[&str]) -> Vec<Range<usize>> {
    let folded = fold_case(text);
    let mut out = Vec::new();
    let mut start = 0;
    for (end, _) in folded
        .char_indices()
        .filter(|(_, c)| STATEMENT_ENDS.contains(c))
        .chain(std::iter::once((folded.len(), ' ')))
    {
        let clause = &folded[start..end];
        let mut found = vec![None; groups.len()];
        let mut offset = 0;
        let mut excepted = false;
        for word in clause.split(|c: char| !is_word_char(c)) {
            if !word.is_empty() {
                let last_found = found.last().is_some_and(Option::is_some);
                excepted |= !last_found && word_is(word, unless);
                for (i, g) in groups.iter().enumerate() {
                    if found[i].is_none() && word_is(word, g) {
                        found[i] = Some(start + offset..start + offset + word.len());
                    }
                }
            }
            offset += word.len()
                + clause[offset + word.len()..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
        }
        if let Some(ranges) = found
            .into_iter()
            .collect::<Option<Vec<_>>>()
            .filter(|_| !excepted)
        {
            let from = ranges.iter().map(|r| r.start).min().unwrap_or(start);
            let to = ranges.iter().map(|r| r.end).max().unwrap_or(end);
            out.push(from..to);
        }
        start = end + 1;
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Acts and articles

/// Whether `text` names an act itself: a compound ending in *laki* or *asetus* in any case
/// (*kirjanpitolain*, *arkistolakia*, *potilasasiakirja-asetuksen*) or a statute number such as
/// *1336/1997*. "Lain edellyttämän ajan" then points to that act, whose rule is a criterion
/// the person can look up (Art 13(2)(a)); the bare words *laki*, *lait*, *asetukset* or
/// *lainsäädäntö* name none, and neither does the GDPR itself (*tietosuoja-asetuksen*), which
/// sets no periods and restricts no right beyond its own articles.
pub fn names_act(text: &str) -> bool {
    const ACT_ENDINGS: &[&str] = &[
        "laki",
        "lain",
        "lakia",
        "laissa",
        "lakiin",
        "laista",
        "lailla",
        "lait",
        "lakien",
        "lakeihin",
        "lakeja",
        "asetus",
        "asetuksen",
        "asetusta",
        "asetuksessa",
        "asetukseen",
        "asetuksella",
    ];
    text.split(|c: char| !c.is_alphanumeric() && c != '/' && c != '-')
        .any(|word| {
            let w = fold_case(word);
            if w.starts_with("tietosuoja-asetu") || w.starts_with("tietosuojaasetu") {
                return false;
            }
            let compound_act = ACT_ENDINGS.iter().any(|e| {
                w.strip_suffix(e)
                    .is_some_and(|prefix| prefix.trim_end_matches('-').chars().count() >= 3)
            });
            let number = w.split_once('/').is_some_and(|(n, y)| {
                !n.is_empty()
                    && n.bytes().all(|b| b.is_ascii_digit())
                    && y.len() == 4
                    && y.bytes().all(|b| b.is_ascii_digit())
            });
            compound_act || number
        })
}

/// Whether `text` cites an article of the GDPR: "17 artiklan 3 kohdan b alakohta", "artikla
/// 17(3)", "Art 17(3)(b)", "17 art. 3 b". A right's exception that cites the GDPR's own article
/// (Art 17(3), 18(2), 21(1)) rests on the GDPR, not on an Art 23 restriction by national law.
pub fn cites_gdpr_article(text: &str) -> bool {
    let ws: Vec<String> = words(text).into_iter().map(|(_, w)| fold_case(w)).collect();
    let number = |w: &str| w.chars().next().is_some_and(|c| c.is_ascii_digit());
    ws.iter().enumerate().any(|(i, w)| {
        let article = w.starts_with("artikl") || w == "art";
        article && (i > 0 && number(&ws[i - 1]) || ws.get(i + 1).is_some_and(|n| number(n)))
    })
}

// ---------------------------------------------------------------------------------------------
// Periods of time

/// Number words (their stems) that can count a period: "kaksi vuotta", "kahden vuoden",
/// "kymmenen vuotta", "puoli vuotta".
const NUMBER_STEMS: &[&str] = &[
    "yksi", "yhde", "yhtä", "kaksi", "kahde", "kahta", "kolm", "neljä", "viisi", "viide", "viitt",
    "kuusi", "kuude", "kuutt", "seitsem", "kahdeksa", "yhdeksä", "kymmen", "sata", "puoli",
];

/// Units of a period, as stems: "vuotta", "vuoden", "kuukautta", "kk", "päivää", "vrk" …
const UNIT_STEMS: &[&str] = &[
    "vuo", "kuukau", "kk", "päiv", "pv", "vrk", "viiko", "tunti", "h",
];

/// Whether `text` states a period of time: a number, in digits or words, followed by a unit
/// ("6 vuotta", "kaksi (2) vuotta", "kymmenen vuoden ajan", "3 kk"). "Arkistonmuodostus-
/// suunnitelman mukaisesti 10 vuotta" gives the period, "lain edellyttämän ajan" does not.
pub fn states_period(text: &str) -> bool {
    let ws: Vec<String> = words(text).into_iter().map(|(_, w)| fold_case(w)).collect();
    ws.windows(2).any(|pair| {
        let (n, u) = (pair[0].as_str(), pair[1].as_str());
        let number =
            n.bytes().all(|b| b.is_ascii_digit()) || NUMBER_STEMS.iter().any(|s| n.starts_with(s));
        let unit = UNIT_STEMS.iter().any(|s| {
            if s.len() <= 2 {
                u == *s
            } else {
                u.starts_with(s)
            }
        });
        number && unit
    })
}

// ---------------------------------------------------------------------------------------------
// Inflection

/// A Finnish noun or adjective, declared by its stems: the nominative singular first, then the
/// other stems its cases are built on (the weak-grade stem, the vowel stem, the plural stems).
/// A word is a form of the lexeme when it is one of the stems followed by a case ending, a
/// possessive suffix and a clitic, each optional: with `etu`, `edu`, `etui`, `edui`, `etuj`
/// the lexeme *etu* matches etu, edun, etua, etuun, etuna, eduksi, edut, etujen, etuja,
/// etuihin, eduille, etumme, etunsa, etuaankin …
///
/// The endings are those of every declension, so a stem may take an ending its word never
/// takes; what it matches is still a form of nothing else, since the stem must match whole.
#[derive(Clone, Copy, Debug)]
pub struct Lexeme {
    /// The stems, lower case; the first is the nominative singular.
    pub stems: &'static [&'static str],
}

/// Case and number endings, after a stem (singular and plural, both vowel harmonies).
const CASE_ENDINGS: &[&str] = &[
    "", "n", "t", "a", "ä", "ta", "tä", "na", "nä", "ksi", "ssa", "ssä", "sta", "stä", "lla",
    "llä", "lta", "ltä", "lle", "tta", "ttä", "ne", "en", "den", "tten", "in", "hin", "seen",
    "siin", "an", "än", "on", "ön", "un", "yn", "een", "iin", "aan", "ään", "oon", "öön", "uun",
    "yyn", "ja", "jä", "ita", "itä", "ihin", "iden", "itten", "ien", "ina", "inä", "ille", "illa",
    "illä", "ilta", "iltä", "issa", "issä", "ista", "istä", "iksi", "ine", "jen",
];

/// Possessive suffixes: my, your, our, your (pl.), his/her/their (also the long 3rd person
/// form after a case vowel: "etuaan").
const POSSESSIVES: &[&str] = &[
    "", "ni", "si", "mme", "nne", "nsa", "nsä", "an", "än", "en", "on", "ön", "un", "yn",
];

/// Clitics: "-kin", "-kaan", "-ko", "-han", "-pa".
const CLITICS: &[&str] = &[
    "", "kin", "kaan", "kään", "ko", "kö", "han", "hän", "pa", "pä",
];

/// Whether `rest` is a case ending, a possessive suffix and a clitic, each possibly empty.
fn is_ending(rest: &str) -> bool {
    CASE_ENDINGS
        .iter()
        .filter_map(|c| rest.strip_prefix(c))
        .any(|r| {
            POSSESSIVES
                .iter()
                .filter_map(|p| r.strip_prefix(p))
                .any(|r| CLITICS.contains(&r))
        })
}

impl Lexeme {
    /// A lexeme with these stems.
    pub const fn new(stems: &'static [&'static str]) -> Lexeme {
        Lexeme { stems }
    }

    /// Whether `word` (any case) is a form of this lexeme.
    pub fn matches(&self, word: &str) -> bool {
        self.matches_folded(&fold_case(word))
    }

    /// Whether `word` is the lexeme in the nominative, singular or plural, possibly with a
    /// possessive suffix ("asiakas", "asiakkaat", "asiakkaamme") — the form of a subject.
    pub fn nominative(&self, word: &str) -> bool {
        let w = fold_case(word);
        self.stems
            .iter()
            .enumerate()
            .filter_map(|(i, s)| w.strip_prefix(s).map(|r| (i, r)))
            .any(|(i, rest)| {
                // A stem with no ending is the nominative singular only for the first stem.
                (i == 0 && CLITICS.contains(&rest))
                    // The plural: "asiakkaat", "edut".
                    || rest.strip_prefix('t').is_some_and(|r| CLITICS.contains(&r))
                    // A possessive suffix: "asiakkaamme", "etumme".
                    || ["ni", "si", "mme", "nne", "nsa", "nsä"]
                        .iter()
                        .filter_map(|p| rest.strip_prefix(p))
                        .any(|r| CLITICS.contains(&r))
            })
    }

    /// Whether `word` is a form of this lexeme or a compound ending in one ("yhteistyö" +
    /// "kumppanimme", "palvelun" + "tarjoajat").
    pub fn heads(&self, word: &str) -> bool {
        let w = fold_case(word);
        w.char_indices()
            .map(|(i, _)| i)
            .any(|i| self.matches_folded(&w[i..]))
    }

    fn matches_folded(&self, w: &str) -> bool {
        self.stems
            .iter()
            .filter_map(|s| w.strip_prefix(s))
            .any(is_ending)
    }
}

/// Whether `word` is a form of any of `lexemes`.
pub fn any_form(word: &str, lexemes: &[Lexeme]) -> bool {
    let w = fold_case(word);
    lexemes.iter().any(|l| l.matches_folded(&w))
}

// ---------------------------------------------------------------------------------------------
// Hedge or ability: whose possibility "voi" states

/// The grammatical person of a form of *voida* or *saattaa*.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Voice {
    /// "voin": the writer.
    FirstSingular,
    /// "voit", "voitte": the reader.
    Second,
    /// "voimme", "saatamme": we, the controller.
    FirstPlural,
    /// "voidaan", "saatetaan": someone unnamed — in a notice, the controller's processing.
    Passive,
    /// "voi", "voivat", "saattaa": it depends on the subject.
    Third,
}

/// What a form of *voida*/*saattaa* states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// A possibility the controller keeps open: "voimme luovuttaa", "tietoja voidaan käyttää",
    /// "yhtiö voi lähettää", "palveluihin voi sisältyä". Vague where a definite statement is
    /// owed.
    Hedge,
    /// What the person or a user can do: "voit pyytää", "hakija voi hakea uudelleen",
    /// "rekisteristä voi tehdä hakuja".
    Ability,
}

/// A form of *voida* or *saattaa* in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Modal {
    /// Its byte range in the text.
    pub range: Range<usize>,
    /// Its person.
    pub voice: Voice,
    /// Whose possibility it states.
    pub reading: Reading,
    /// Whether it is denied ("emme voi", "ei voida"): then it states no possibility at all.
    pub negated: bool,
    /// "might" for *saattaa*, "may" for *voida*.
    pub note: &'static str,
}

impl Modal {
    /// Whether this is a possibility the controller keeps open (not denied).
    pub fn is_hedge(&self) -> bool {
        self.reading == Reading::Hedge && !self.negated
    }
}

/// The forms of *voida* and *saattaa*, present, past and conditional, by person.
const MODAL_FORMS: &[(&str, Voice)] = &[
    ("voin", Voice::FirstSingular),
    ("voisin", Voice::FirstSingular),
    ("saatan", Voice::FirstSingular),
    ("voit", Voice::Second),
    ("voitte", Voice::Second),
    ("voisit", Voice::Second),
    ("voisitte", Voice::Second),
    ("saatat", Voice::Second),
    ("saatatte", Voice::Second),
    ("voimme", Voice::FirstPlural),
    ("voisimme", Voice::FirstPlural),
    ("saatamme", Voice::FirstPlural),
    ("saatoimme", Voice::FirstPlural),
    ("saattaisimme", Voice::FirstPlural),
    ("voidaan", Voice::Passive),
    // The passive after a negation: "ei voida", "ei voitu", "ei saateta".
    ("voida", Voice::Passive),
    ("voitu", Voice::Passive),
    ("saateta", Voice::Passive),
    ("voitaisiin", Voice::Passive),
    ("voitiin", Voice::Passive),
    ("saatetaan", Voice::Passive),
    ("saatettaisiin", Voice::Passive),
    ("saatettiin", Voice::Passive),
    ("voi", Voice::Third),
    ("voivat", Voice::Third),
    ("voisi", Voice::Third),
    ("voisivat", Voice::Third),
    ("saattaa", Voice::Third),
    ("saattavat", Voice::Third),
    ("saattaisi", Voice::Third),
    ("saattaisivat", Voice::Third),
    ("saattoi", Voice::Third),
    ("saattoivat", Voice::Third),
];

/// People and roles that can do things themselves: with one of these as the subject, "voi"
/// is their ability. Compounds count by their head ("työnhakija", "kanta-asiakas",
/// "yhteyshenkilö").
const PERSONS: &[Lexeme] = &[
    Lexeme::new(&["hakija", "hakijoi"]),
    Lexeme::new(&["asiakas", "asiakkaa", "asiakkai"]),
    Lexeme::new(&[
        "rekisteröity",
        "rekisteröidy",
        "rekisteröityi",
        "rekisteröidyi",
    ]),
    Lexeme::new(&["käyttäjä", "käyttäji"]),
    Lexeme::new(&["henkilö", "henkilöi"]),
    Lexeme::new(&["potilas", "potilaa", "potilai"]),
    Lexeme::new(&["työntekijä", "työntekijöi"]),
    Lexeme::new(&["jäsen", "jäsene", "jäseni"]),
    Lexeme::new(&["opiskelija", "opiskelijoi"]),
    Lexeme::new(&["oppilas", "oppilaa", "oppilai"]),
    Lexeme::new(&["huoltaja", "huoltaji"]),
    Lexeme::new(&["edustaja", "edustaji"]),
    Lexeme::new(&["asiamies", "asiamiehe", "asiamiehi"]),
    Lexeme::new(&["kävijä", "kävijöi"]),
    Lexeme::new(&["vierailija", "vierailijoi"]),
    Lexeme::new(&["osallistuja", "osallistuji"]),
    Lexeme::new(&["ostaja", "ostaji"]),
    Lexeme::new(&["tilaaja", "tilaaji"]),
    Lexeme::new(&["kuluttaja", "kuluttaji"]),
    Lexeme::new(&["asukas", "asukkaa", "asukkai"]),
    Lexeme::new(&["lapsi", "lapse", "lasi"]),
    Lexeme::new(&["omainen", "omaise", "omaisi"]),
    Lexeme::new(&["tutkittava", "tutkittavi"]),
    Lexeme::new(&["vanhempi", "vanhemma", "vanhemmi"]),
    Lexeme::new(&["kuntalainen", "kuntalaise", "kuntalaisi"]),
];

/// Pronouns of a person: "hän voi", "kuka tahansa voi", "sinä voit".
const PERSON_PRONOUNS: &[&str] = &[
    "hän", "he", "sinä", "te", "kuka", "kukaan", "jokainen", "kukin", "itse",
];

/// The personal data: with these as the object or subject, "voi" speaks of processing.
const DATA: &[Lexeme] = &[
    Lexeme::new(&["tieto", "tiedo", "tietoi", "tiedoi", "tietoj"]),
    Lexeme::new(&["tallenne", "tallentee", "tallentei"]),
    Lexeme::new(&["nauhoite", "nauhoitte", "nauhoittei"]),
];

/// Verbs of processing: "(tietoja) voi käyttää / luovuttaa": the possibility is the
/// controller's even without a subject.
const PROCESSING: &[&str] = &[
    "käyttää",
    "luovuttaa",
    "käsitellä",
    "tallentaa",
    "siirtää",
    "yhdistää",
    "kerätä",
    "säilyttää",
    "julkaista",
    "hyödyntää",
    "jakaa",
    "välittää",
    "profiloida",
    "analysoida",
    "markkinoida",
    "verrata",
];

/// Verbs whose subject follows them and is a thing, not a person: "palveluihin voi sisältyä
/// toimia", "tietoja voi olla" — a possibility, not anyone's ability.
const EXISTENTIAL: &[&str] = &[
    "olla",
    "sisältyä",
    "kuulua",
    "esiintyä",
    "syntyä",
    "tapahtua",
    "liittyä",
    "tulla",
    "koskea",
    "muuttua",
];

/// Words that are no subject: adverbs, conjunctions, particles.
const NOT_SUBJECT: &[&str] = &[
    "myös",
    "tarvittaessa",
    "aina",
    "vain",
    "ainoastaan",
    "lisäksi",
    "kuitenkin",
    "esimerkiksi",
    "esim",
    "mm",
    "jos",
    "kun",
    "mikäli",
    "että",
    "joten",
    "sekä",
    "ja",
    "tai",
    "eli",
    "siis",
    "nyt",
    "tällöin",
    "silloin",
    "sitten",
    "heti",
    "milloin",
    "tahansa",
    "jo",
    "vielä",
    "sen",
    "sitä",
    "niitä",
    "ne",
    "tämän",
    "tätä",
    "näitä",
    "nämä",
    "niin",
    "myöhemmin",
    "pian",
    "edelleen",
    "näin",
    "siten",
    "joka",
    "jotka",
    "jonka",
    "joita",
    "mutta",
    "vaan",
    "koska",
    "kuten",
    "mitä",
    "miten",
    "mistä",
    "mihin",
    "missä",
    "usein",
    "joskus",
    "yleensä",
    "erityisesti",
    "tietyissä",
    "tietyin",
];

/// Whether `word` (lower case) ends like no nominative: a local case, the essive or
/// translative, the genitive, the partitive after a vowel, an adverb in -sti.
fn not_nominative(word: &str) -> bool {
    const ENDS: &[&str] = &[
        "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "ksi", "sti", "tta", "ttä",
        "hin", "iin", "seen", "ita", "itä", "na", "nä",
    ];
    if word.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    if ENDS.iter().any(|e| word.ends_with(e)) {
        return true;
    }
    // The genitive (but "-nen" is a nominative: "ihminen", "jokainen").
    if word.ends_with('n') && !word.ends_with("nen") {
        return true;
    }
    // The partitive singular after a vowel: "palvelua", "tietoa", "hakua".
    let mut rev = word.chars().rev();
    matches!(
        (rev.next(), rev.next()),
        (
            Some('a' | 'ä'),
            Some('a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ä' | 'ö')
        )
    )
}

/// Every form of *voida* and *saattaa* in `text`, with whose possibility it states.
///
/// The person form decides most: "voimme"/"saatamme" (we) and the passive
/// "voidaan"/"saatetaan" are the controller's possibility; "voit"/"voitte" (you) and "voin"
/// (I) are the reader's or writer's ability. The third person reads by its subject in the
/// clause: a person or role in the nominative ("hakija voi", "asiakkaat voivat", "kuka
/// tahansa voi") makes an ability; the data ("tietoja voi käyttää") or any other subject
/// ("Yhtiö Oy voi", "apteekki voi") a hedge. With no subject at all (the Finnish zero person,
/// "rekisteristä voi tehdä hakuja", "pyynnön voi lähettää"), it is a generic ability unless
/// what follows speaks of processing the data ("voi käyttää tietoja", "voi tarvittaessa
/// luovuttaa") or of something that may happen ("voi sisältyä", "voi olla").
pub fn modals(text: &str) -> Vec<Modal> {
    let ws = words(text);
    let folded: Vec<String> = ws.iter().map(|(_, w)| fold_case(w)).collect();
    let mut out = Vec::new();
    for (i, (range, _)) in ws.iter().enumerate() {
        let w = strip_clitic(&folded[i]);
        let Some(&(form, voice)) = MODAL_FORMS.iter().find(|(f, _)| *f == w) else {
            continue;
        };
        let reading = match voice {
            // "…, jotta voimme toimittaa tilauksen", "jotta asiakkaalle voidaan lähettää
            // lasku": a final clause states what the processing is for, not a possibility.
            _ if in_final_clause(text, &ws, &folded, i) => Reading::Ability,
            Voice::FirstPlural | Voice::Passive => Reading::Hedge,
            Voice::FirstSingular | Voice::Second => Reading::Ability,
            Voice::Third => third_person(text, &ws, &folded, i),
        };
        out.push(Modal {
            range: range.clone(),
            voice,
            reading,
            negated: negated(text, range.clone()),
            note: if form.starts_with("saat") {
                "might"
            } else {
                "may"
            },
        });
    }
    out
}

/// Whether word `i` stands in a final clause: "jotta" comes before it in its clause.
fn in_final_clause(text: &str, ws: &[(Range<usize>, &str)], folded: &[String], i: usize) -> bool {
    let clause = clause_at(text, ws[i].0.start);
    (0..i)
        .rev()
        .take_while(|&j| ws[j].0.start >= clause.start)
        .any(|j| folded[j] == "jotta")
}

fn strip_clitic(w: &str) -> &str {
    for c in ["kin", "han", "hän", "kaan", "kään"] {
        if let Some(s) = w.strip_suffix(c)
            && MODAL_FORMS.iter().any(|(f, _)| *f == s)
        {
            return s;
        }
    }
    w
}

/// The reading of a third person "voi" at word `i`.
fn third_person(text: &str, ws: &[(Range<usize>, &str)], folded: &[String], i: usize) -> Reading {
    let clause = clause_at(text, ws[i].0.start);
    let in_clause = |j: usize| ws[j].0.start >= clause.start && ws[j].0.end <= clause.end;
    let is_person = |w: &str| {
        PERSON_PRONOUNS.contains(&w)
            || PERSONS
                .iter()
                .any(|l| l.nominative(w) || nominative_head(l, w))
    };
    let is_data = |w: &str| DATA.iter().any(|l| l.heads(w));
    // The subject before the verb, nearest first; a relative "joka" takes the noun before its
    // comma ("asiakas, joka voi …").
    let mut j = i;
    let mut crossed = false;
    while j > 0 {
        j -= 1;
        let w = folded[j].as_str();
        if !in_clause(j) {
            let relative = folded
                .get(j + 1)
                .is_some_and(|n| matches!(n.as_str(), "joka" | "jotka"));
            if relative && !crossed {
                crossed = true;
            } else {
                break;
            }
        }
        if is_person(w) {
            return Reading::Ability;
        }
        if is_data(w) {
            return Reading::Hedge;
        }
        if word_is(w, NEGATIONS) || NOT_SUBJECT.contains(&w) || not_nominative(w) {
            continue;
        }
        // Any other nominative-looking word: a company, a thing.
        return Reading::Hedge;
    }
    // No subject before: what follows in the clause.
    let after: Vec<&str> = (i + 1..ws.len())
        .filter(|&k| in_clause(k))
        .map(|k| folded[k].as_str())
        .collect();
    if after.first().is_some_and(|w| EXISTENTIAL.contains(w)) {
        return Reading::Hedge;
    }
    if after.iter().any(|w| is_person(w)) {
        return Reading::Ability;
    }
    if after.iter().any(|w| is_data(w) || PROCESSING.contains(w)) {
        return Reading::Hedge;
    }
    Reading::Ability
}

/// A compound whose last part is the lexeme in the nominative ("kanta-asiakas",
/// "työnhakija", "yhteyshenkilöt").
fn nominative_head(l: &Lexeme, w: &str) -> bool {
    w.char_indices().skip(1).any(|(k, _)| l.nominative(&w[k..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hedges(text: &str) -> Vec<&str> {
        modals(text)
            .into_iter()
            .filter(Modal::is_hedge)
            .map(|m| &text[m.range])
            .collect()
    }

    #[test]
    fn the_controllers_possibility_is_a_hedge() {
        for t in [
            "Voimme luovuttaa tietoja yhteistyökumppaneillemme.",
            "Saatamme käyttää tietoja myös markkinointiin.",
            "Tietoja voidaan luovuttaa viranomaisille.",
            "Tietoja saatetaan käyttää tuotekehitykseen.",
            "Yhtiö voi tarvittaessa luovuttaa tietoja.",
            "Esimerkki Oy voi lähettää tiedotteita.",
            "Apteekki voi käyttää lääkemääräysrekisterin tietoja.",
            "Tietoja voi tarvittaessa käyttää laskutukseen.",
            "Rekisteristä voi tarvittaessa luovuttaa tietoja.",
            "Palveluihin voi sisältyä muitakin toimia.",
            "Voisimme käyttää tietoja.",
            "Tiedot voitaisiin siirtää toiselle palveluntarjoajalle.",
            "Tallenteita voi käyttää rikosten selvittämiseen.",
            "Kumppanimme voivat käyttää tietoja omiin tarkoituksiinsa.",
        ] {
            assert_eq!(hedges(t).len(), 1, "{t}");
        }
    }

    #[test]
    fn the_persons_ability_is_no_hedge() {
        for t in [
            "Hakija voi hakea uudelleen seuraavalla hakukierroksella.",
            "Rekisteristä voi tehdä hakuja nimellä ja asiakasnumerolla.",
            "Voit perua suostumuksesi milloin tahansa.",
            "Voitte pyytää tietojen oikaisemista.",
            "Asiakas voi peruuttaa tilauksen 14 päivän kuluessa.",
            "Asiakkaat voivat itse päivittää yhteystietonsa.",
            "Rekisteröity voi pyytää pääsyä tietoihinsa.",
            "Kanta-asiakas voi tarkistaa pisteensä sovelluksesta.",
            "Työnhakija voi liittää hakemukseen ansioluettelon.",
            "Pyynnön voi lähettää osoitteeseen tietosuoja@example.fi.",
            "Palvelua voi käyttää kuka tahansa.",
            "Hän voi myös valtuuttaa asiamiehen.",
            "Lapsen puolesta asiaa voi hoitaa huoltaja.",
            "Sovellukseen voi kirjautua pankkitunnuksilla.",
            "Kirjautunut käyttäjä voi poistaa tilinsä itse.",
            "Asiakas, joka voi osoittaa henkilöllisyytensä, saa tiedot.",
            "Käsittelemme tietoja, jotta voimme toimittaa tilauksen sovittuna päivänä.",
            "Osoite tarvitaan, jotta asiakkaalle voidaan lähettää lasku.",
        ] {
            assert!(hedges(t).is_empty(), "{t}: {:?}", hedges(t));
        }
    }

    #[test]
    fn a_denied_possibility_is_no_hedge() {
        for t in [
            "Emme voi käyttää tietoja muuhun.",
            "Tietoja ei voida luovuttaa ilman suostumusta.",
            "Yhtiö ei voi myydä tietoja.",
        ] {
            assert!(hedges(t).is_empty(), "{t}");
        }
        let m = modals("Tietoja ei voida luovuttaa.");
        assert_eq!(m[0].voice, Voice::Passive);
        assert!(m[0].negated);
    }

    #[test]
    fn an_article_of_the_gdpr_is_cited_by_its_number() {
        for t in [
            "(17 artiklan 3 kohdan b alakohta)",
            "tietosuoja-asetuksen artikla 18(2)",
            "Art 17(3)(b)",
            "17 art. 3 b",
        ] {
            assert!(cites_gdpr_article(t), "{t}");
        }
        for t in ["Tietoja ei poisteta.", "artiklat", "Tietosuojalain 31 §"] {
            assert!(!cites_gdpr_article(t), "{t}");
        }
    }

    #[test]
    fn an_act_is_named_but_not_the_gdpr() {
        assert!(names_act("kirjanpitolaki velvoittaa"));
        assert!(names_act("laki 1336/1997"));
        assert!(!names_act("tietosuoja-asetuksen mukaan"));
        assert!(!names_act("lain mukaan"));
    }

    #[test]
    fn a_period_is_a_number_and_a_unit() {
        for t in [
            "Arkistonmuodostussuunnitelman mukaisesti, 10 vuotta",
            "kaksi (2) vuotta viimeisestä tapahtumasta",
            "kymmenen vuoden ajan",
            "3 kk",
            "puoli vuotta",
            "säilytetään 14 päivää",
        ] {
            assert!(states_period(t), "{t}");
        }
        for t in [
            "lain edellyttämän ajan",
            "arkistonmuodostussuunnitelman mukaisesti",
            "vuosittain tehtävä poistoajo",
            "kolmannet osapuolet vuosittain",
        ] {
            assert!(!states_period(t), "{t}");
        }
    }

    #[test]
    fn the_person_form_is_read_from_the_verb() {
        let voices = |t: &str| modals(t).into_iter().map(|m| m.voice).collect::<Vec<_>>();
        assert_eq!(voices("Voimme"), [Voice::FirstPlural]);
        assert_eq!(voices("voidaankin"), [Voice::Passive]);
        assert_eq!(
            voices("Voit, voin, voivat"),
            [Voice::Second, Voice::FirstSingular, Voice::Third]
        );
        assert_eq!(modals("Saattaa")[0].note, "might");
        // Not a form of voida: "voimassa", "voiteet".
        assert!(modals("Sopimus on voimassa; voiteet.").is_empty());
    }

    #[test]
    fn clauses_with_words_finds_any_order_within_one_clause() {
        let groups: &[&[&str]] = &[&["ei"], &["luovut*"], &["säännönmukai*"]];
        let text = "Säännönmukaisia luovutuksia ei ole. Tietoja luovutetaan Kelalle, ei muille.";
        let found = clauses_with_words(text, groups, &[]);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].clone()], "Säännönmukaisia luovutuksia ei");
        let text = "Tietoja ei luovuteta ulkopuolisille säännönmukaisesti.";
        let found = clauses_with_words(text, groups, &[]);
        assert_eq!(
            &text[found[0].clone()],
            "ei luovuteta ulkopuolisille säännönmukaisesti"
        );
        // Whole words need the whole word: "eikä" is not "ei".
        assert!(
            clauses_with_words("Luovutamme säännönmukaisesti eikä muuta.", groups, &[]).is_empty()
        );
        // Words in different clauses are not one statement.
        assert!(
            clauses_with_words(
                "Tietoja luovutetaan säännönmukaisesti Kelalle, jos et ei.",
                groups,
                &[]
            )
            .is_empty()
        );
        // An exception that the hedge word qualifies names its recipient; one after the hedge
        // does not take the hedge back.
        let except = &["kuin"];
        assert!(
            clauses_with_words(
                "Tietoja ei luovuteta muille kuin säännönmukaisesti Kelalle.",
                groups,
                except
            )
            .is_empty()
        );
        assert_eq!(
            clauses_with_words(
                "Tietoja ei luovuteta säännönmukaisesti muille kuin Kelalle.",
                groups,
                except
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_negation_before_the_words_in_their_clause_denies_them() {
        let t = "Evästeillä ei kerätä tietoja mainontaan.";
        let at = t.find("mainontaan").unwrap();
        assert!(negated(t, at..at + 10));
        let t = "Emme luovuta tietoja, vaan käytämme niitä mainontaan.";
        let at = t.find("mainontaan").unwrap();
        assert!(!negated(t, at..at + 10));
        let t = "Tietoja käytetään mainontaan, ei muuhun.";
        let at = t.find("mainontaan").unwrap();
        assert!(!negated(t, at..at + 10));
        // "eikä" denies; "eilen" is not "ei".
        let t = "Ostohistoriaa ei myydä eikä käytetä markkinointiin.";
        let at = t.find("markkinointiin").unwrap();
        assert!(negated(t, at..at + 14));
        let t = "Eilen alkanut markkinointi.";
        let at = t.find("markkinointi").unwrap();
        assert!(!negated(t, at..at + 12));
    }

    const ETU: Lexeme = Lexeme::new(&["etu", "edu", "etui", "edui", "etuj"]);
    const KUMPPANI: Lexeme = Lexeme::new(&["kumppani", "kumppanei"]);

    #[test]
    fn a_lexeme_matches_its_cases_plurals_and_possessives() {
        for w in [
            "etu", "edun", "etua", "etuun", "etuna", "eduksi", "edut", "etujen", "etuja",
            "etuihin", "eduille", "eduista", "etumme", "etunsa", "etuaan", "Edutkin", "etuamme",
        ] {
            assert!(ETU.matches(w), "{w}");
        }
        for w in ["etusivu", "eduskunta", "etuoikeus", "ete", "tu"] {
            assert!(!ETU.matches(w), "{w}");
        }
        for w in [
            "kumppani",
            "kumppanit",
            "kumppanimme",
            "kumppaneiden",
            "kumppaneita",
            "kumppaneille",
            "kumppaneineen",
            "kumppaneihin",
        ] {
            assert!(KUMPPANI.matches(w), "{w}");
        }
        assert!(KUMPPANI.heads("yhteistyökumppanimme"));
        assert!(KUMPPANI.heads("Yhteistyökumppaneille"));
        assert!(!KUMPPANI.matches("yhteistyökumppanimme"));
    }

    #[test]
    fn the_nominative_is_told_from_other_cases() {
        let asiakas = PERSONS[1];
        for w in ["asiakas", "asiakkaat", "asiakkaamme", "asiakaskin"] {
            assert!(asiakas.nominative(w), "{w}");
        }
        for w in [
            "asiakkaan",
            "asiakasta",
            "asiakkaalle",
            "asiakkaiden",
            "asiakkaita",
        ] {
            assert!(!asiakas.nominative(w), "{w}");
        }
    }

    #[test]
    fn clauses_split_at_punctuation() {
        let t = "Yksi, kaksi. Kolme";
        let c = clauses(t);
        assert_eq!(c.len(), 3);
        assert_eq!(&t[c[2].clone()], " Kolme");
        assert_eq!(&t[clause_at(t, 8)], " kaksi");
        let w = words("Kanta-asiakas, ja -");
        assert_eq!(
            w.iter().map(|(_, w)| *w).collect::<Vec<_>>(),
            ["Kanta-asiakas", "ja"]
        );
    }
}
