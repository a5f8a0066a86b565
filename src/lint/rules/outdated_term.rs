//! `outdated-term`: terms and authority names that no longer apply.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use std::ops::Range;
use std::sync::LazyLock;

use crate::lint::language::clause_around;
use crate::lint::text::{
    Phrase, PhraseSet, adjacent, clauses_with_words, fold_case, negated, quote,
};
use crate::lint::{Findings, Rule, TextContext, TextHook};

/// The rule.
pub static RULE: Rule = Rule {
    name: "outdated-term",
    articles: &[
        "Art 12(1)",
        "Art 13(2)(b)",
        "Art 15",
        "Art 21",
        "henkilötietolaki (523/1999) 10 §, 26 §, 30 § (repealed)",
    ],
    severity: Severity::Warning,
    section: Section::Located,
    summary: "the text uses a term of the repealed Personal Data Act or the name of a merged authority",
    explanation: r#"## What it checks
Every text for terms that outlived the law or the authority they named:

| Term | Today |
|---|---|
| rekisteriseloste | tietosuojaseloste: the *rekisteriseloste* of henkilötietolaki 10 § is no longer required; Art 13/14 require informing people |
| tarkastusoikeus, tarkastus- ja kielto-oikeus, kielto-oikeus | the rights of the GDPR: access (15), rectification (16), erasure (17), restriction (18), portability (20), objection (21) |
| Valvira, Sosiaali- ja terveysalan lupa- ja valvontavirasto, aluehallintovirasto (AVI) | merged into Lupa- ja valvontavirasto on 1.1.2026 |
| Viestintävirasto | Liikenne- ja viestintävirasto Traficom since 1.1.2019 |
| tarkastuspyyntö | a request for access (Art 15) |
| rekisterin pitämisen peruste (a heading of the old template) | the legal basis of each purpose (Art 6(1), 13(1)(c)) |
| säännönmukaiset tietolähteet (a heading of the old template) | the sources of the data, regular or not (Art 14(2)(f)) |

and the Personal Data Act's rights written as verbs, in a clause that gives them to the
person:

- *oikeus tarkastaa tietonsa* (also *tarkistaa*, *tietojen tarkastamiseen on oikeus*): the
  right of inspection (26 §), today the right of access (Art 15). Left alone: what the person
  can check in a self-service page (*voit tarkistaa tietosi Omat tiedot -sivulla*), the
  identity the controller checks, the staff's access;
- *oikeus kieltää tietojen käyttö suoramarkkinointiin* (also *voit kieltää tietojesi
  käsittelyn …*): the right of prohibition (30 §), today the right to object (Art 21). Left
  alone: the prohibitions Finnish law itself calls a *kielto* — the opt-out from electronic
  direct marketing (laki sähköisen viestinnän palveluista 917/2014, 200 §), telephone marketing
  and the patient's prohibitions in the Kanta services — and *kieltäytyä* (to refuse).

A term that stands negated in its clause (*emme enää käytä nimitystä rekisteriseloste*) is
not reported.

A controller whose name is one of these bodies is reported by `dissolved-controller` (an
error) instead.

## Why
Old terms tell the reader the notice was written for a law that no longer applies, and they
describe rights too narrowly: the "right of inspection and prohibition" of the Personal Data
Act is not the set of rights a person has under the GDPR (Art 13(2)(b)). The right of access
gives more than an inspection did (the purposes, recipients, retention and source, and a
copy), and the right to object reaches more than direct marketing.

## Example
```yaml
# Outdated:
title: Asiakasrekisterin rekisteriseloste
# Current:
title: Asiakasrekisteri
```
"#,
    project: None,
    register: None,
    text: Some(TextHook::Each {
        words: &[TERMS, VERBS],
        check,
    }),
};

const NOTICE: &str = "call it a tietosuojaseloste: the rekisteriseloste of the repealed Personal Data Act (10 §) no longer exists";
const RIGHTS: &str = "name the GDPR rights: access (Art 15), rectification (16), erasure (17), restriction (18), portability (20) and objection (21)";
const REQUEST: &str = "the tarkastuspyyntö of the Personal Data Act (28 §) is a request for access under the GDPR (Art 15): “pyyntö saada pääsy tietoihin” or “tietopyyntö”";
const BASIS: &str = "“rekisterin pitämisen peruste” is the Personal Data Act's heading (8 §); under the GDPR each purpose has its legal basis (Art 6(1), 13(1)(c): “käsittelyn oikeusperuste”)";
const SOURCES: &str = "the Personal Data Act asked for the regular sources only (10 §); the GDPR asks for the source of the data, whatever it is (Art 14(2)(f): “mistä lähteestä henkilötiedot ovat peräisin”)";
const LUOVA: &str = "Valvira and the regional state administrative agencies merged into Lupa- ja valvontavirasto on 1.1.2026";
const TRAFICOM: &str =
    "Viestintävirasto became part of Liikenne- ja viestintävirasto Traficom on 1.1.2019";

pub(crate) static TERMS: &[Phrase] = &[
    Phrase {
        pattern: "rekisteriselost*",
        note: NOTICE,
    },
    Phrase {
        pattern: "tarkastusoikeu*",
        note: RIGHTS,
    },
    Phrase {
        pattern: "tarkastus- ja kielto-oikeu*",
        note: RIGHTS,
    },
    Phrase {
        pattern: "tarkastus- ja kiello-oikeu*",
        note: RIGHTS,
    },
    Phrase {
        pattern: "kielto-oikeu*",
        note: RIGHTS,
    },
    Phrase {
        pattern: "tarkastuspyyn*",
        note: REQUEST,
    },
    Phrase {
        pattern: "rekisterin pitämisen peruste*",
        note: BASIS,
    },
    Phrase {
        pattern: "säännönmukaiset tietolähtee*",
        note: SOURCES,
    },
    Phrase {
        pattern: "valvira*",
        note: LUOVA,
    },
    Phrase {
        pattern: "sosiaali- ja terveysalan lupa- ja valvontaviras*",
        note: LUOVA,
    },
    Phrase {
        pattern: "aluehallintoviras*",
        note: LUOVA,
    },
    Phrase {
        pattern: "avi",
        note: LUOVA,
    },
    Phrase {
        pattern: "viestintäviras*",
        note: TRAFICOM,
    },
];

static SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(TERMS));

/// The verbs of the Personal Data Act's rights, which gate the search for them: *tarkastaa*
/// (tarkastusoikeus, 26 §) and *kieltää* (kielto-oikeus, 30 §).
static VERBS: &[Phrase] = &[
    Phrase {
        pattern: "tarkast*",
        note: "",
    },
    Phrase {
        pattern: "tarkist*",
        note: "",
    },
    Phrase {
        pattern: "kieltä*",
        note: "",
    },
];

/// A right, or what the person can do.
const RIGHT: &[&str] = &["oikeu*"];
const CAN: &[&str] = &["oikeu*", "voi", "voit", "voivat", "voitte", "saa", "saat"];
/// To inspect one's data (*tarkastaa*, and the common slip *tarkistaa*).
const INSPECT: &[&str] = &[
    "tarkastaa",
    "tarkastama*",
    "tarkastami*",
    "tarkistaa",
    "tarkistama*",
    "tarkistami*",
];
/// To prohibit — not *kieltäytyä* (to refuse), nor the noun *kielto*.
const PROHIBIT: &[&str] = &[
    "kieltää",
    "kieltämä*",
    "kieltämi*",
    "kieltävä*",
    "kieltänyt",
    "kieltäneet",
];
/// What the prohibition of the Personal Data Act was about: the use, processing or disclosure
/// of one's data.
const DATA: &[&str] = &[
    "tieto*",
    "tiedo*",
    "käsittel*",
    "käyttö*",
    "käytön",
    "käyttämä*",
    "luovut*",
];

/// A clause holding one of these is about someone else's inspection (the staff's, an
/// auditor's, the identity the controller checks), not the person's right of access.
const NOT_THE_PERSON: &[&str] = &[
    "henkilökun",
    "työntekij",
    "ammattihenkil",
    "lääkär",
    "viranomai",
    "rekisterinpitäjä",
    "tilintarkast",
    "henkilöllisyy",
];

/// A clause holding one of these speaks of a prohibition that Finnish law itself calls a
/// *kielto*: the opt-out from electronic direct marketing (laki sähköisen viestinnän
/// palveluista 917/2014, 200 §), telephone marketing, and the patient's prohibitions of
/// disclosure through the Kanta services (asiakastietolaki 703/2023).
const LAWFUL_KIELTO: &[&str] = &[
    "sähköi",
    "sähköpost",
    "tekstivies",
    "viest",
    "uutiskirje",
    "puhelin",
    "kanta-",
    "kantapalvel",
    "omakanta",
];

/// The Personal Data Act's rights written as verbs: "oikeus tarkastaa tietonsa" (the right of
/// inspection: access, Art 15) and "oikeus kieltää tietojen käyttö suoramarkkinointiin" (the
/// right of prohibition: objection, Art 21) — each as (range, what it is today).
fn verbs(text: &str) -> Vec<(Range<usize>, &'static str)> {
    let holds = |range: &Range<usize>, words: &[&str]| {
        let folded = fold_case(&text[clause_around(text, range)]);
        words.iter().any(|w| folded.contains(w))
    };
    let mut found = Vec::new();
    for range in clauses_with_words(text, &[RIGHT, INSPECT], &[]) {
        if !holds(&range, NOT_THE_PERSON) && !negated(text, range.clone()) {
            found.push((range, ACCESS));
        }
    }
    for range in clauses_with_words(text, &[CAN, PROHIBIT, DATA], &[]) {
        if !holds(&range, LAWFUL_KIELTO) && !negated(text, range.clone()) {
            found.push((range, OBJECT));
        }
    }
    found.sort_by_key(|(r, _)| r.start);
    found
}

const ACCESS: &str = "“tarkastaa” is the right of inspection of the repealed Personal Data Act (26 §); under the GDPR it is the right of access (Art 15: “oikeus saada pääsy tietoihin”), which covers more — the purposes, recipients, retention and source of the data and a copy of them";
const OBJECT: &str = "“kieltää” is the right of prohibition of the repealed Personal Data Act (30 §); under the GDPR it is the right to object (Art 21: “oikeus vastustaa käsittelyä”), absolute for direct marketing (21(2)–(3)); the opt-out from electronic marketing messages, which Finnish law calls a kielto, is not reported";

/// Whether the text is the controller's name in `seloste.yaml` and names a body that no
/// longer exists: that is `dissolved-controller`'s finding, at error level, and the same name
/// is not reported twice. The body named in any other text is still an outdated term.
fn dissolved_controller(cx: &TextContext<'_>) -> bool {
    let crate::lint::FileContext::Project(p) = cx.file else {
        return false;
    };
    p.project
        .controller()
        .and_then(|c| c.value.name.as_ref())
        .is_some_and(|n| {
            n.pos == cx.text.pos
                && crate::data::dissolved_body_named(n.value.as_str())
                    .is_some_and(|b| p.today >= b.ended)
        })
}

fn check(cx: &TextContext<'_>, out: &mut Findings) {
    if dissolved_controller(cx) {
        return;
    }
    let value = cx.value();
    // One finding per term in a text, at its first use: "Tarkastuspyynnön voi tehdä …
    // Tarkastuspyyntöihin vastataan …" is one outdated term, used twice.
    let mut terms: Vec<(Range<usize>, &'static str, Vec<String>)> = Vec::new();
    for m in SET.find_merged_in(cx.text, adjacent) {
        if negated(value, m.range.clone()) {
            continue;
        }
        let found = format!("“{}”", quote(&value[m.range.clone()]));
        match terms.iter_mut().find(|(_, note, _)| *note == m.phrase.note) {
            Some((_, _, words)) => {
                if !words.contains(&found) {
                    words.push(found);
                }
            }
            None => terms.push((m.range, m.phrase.note, vec![found])),
        }
    }
    for (range, note, words) in terms {
        let message = match words.as_slice() {
            [one] => format!("outdated term {one}"),
            _ => format!("outdated terms {}", words.join(", ")),
        };
        cx.at(out, range, message).help(note);
    }
    for (range, help) in verbs(value) {
        let found = quote(&value[range.clone()]);
        cx.at(
            out,
            range,
            format!("“{found}” names a right of the repealed Personal Data Act"),
        )
        .help(help);
    }
}

#[cfg(test)]
mod tests {
    use super::{SET, verbs};
    use crate::lint::text::adjacent;

    /// The codes of the findings on `seloste.yaml` of a project with this controller name and a
    /// complaint note naming Valvira.
    fn project_codes(controller: &str) -> Vec<&'static str> {
        use crate::pipeline::{MemoryFiles, Options, run_project};
        let mut files = MemoryFiles::new();
        files.insert(
            "seloste.yaml",
            &format!(
                "controller:\n  name: {controller}\n  email: kirjaamo@esimerkki.fi\n  public_authority: true\ncontact:\n  title: Valviran kirjaamo\n  email: a@esimerkki.fi\ndpo:\n  email: tsv@esimerkki.fi\n"
            ),
        );
        let outcome = run_project(
            std::path::Path::new("seloste.yaml"),
            &files,
            &Options {
                today: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
                keep_registers: false,
            },
        );
        let mut codes: Vec<&'static str> = outcome
            .diagnostics
            .iter()
            .map(|d| d.code.as_str())
            .filter(|c| ["outdated-term", "dissolved-controller"].contains(c))
            .collect();
        codes.sort_unstable();
        codes
    }

    #[test]
    fn a_dissolved_controller_is_not_also_an_outdated_term() {
        // The controller's name is dissolved-controller's; the same body named in another
        // text is still an outdated term.
        assert_eq!(
            project_codes("Sosiaali- ja terveysalan lupa- ja valvontavirasto Valvira"),
            ["dissolved-controller", "outdated-term"]
        );
        assert_eq!(
            project_codes("Esimerkki Oy (entinen Valvira-yhteistyö)"),
            ["outdated-term", "outdated-term"]
        );
    }

    #[test]
    fn a_name_and_its_abbreviation_are_one_term() {
        let t = "Sosiaali- ja terveysalan lupa- ja valvontavirasto (Valvira) ja rekisteriseloste";
        let found: Vec<&str> = SET
            .find_merged(t, adjacent)
            .into_iter()
            .map(|m| &t[m.range])
            .collect();
        assert_eq!(
            found,
            [
                "Sosiaali- ja terveysalan lupa- ja valvontavirasto (Valvira)",
                "rekisteriseloste"
            ]
        );
    }

    #[test]
    fn the_rights_of_the_personal_data_act_are_found_as_verbs() {
        let found = |t: &str| -> Vec<String> {
            verbs(t)
                .into_iter()
                .map(|(r, _)| t[r].to_string())
                .collect()
        };
        for t in [
            "Rekisteröidyllä on oikeus tarkastaa rekisterissä olevat häntä koskevat tiedot.",
            "Asiakkaalla on oikeus saada tarkistaa itseään koskevat tiedot.",
            "Sinulla on oikeus tarkastaa, mitä tietoja sinusta on tallennettu.",
            "Tietojen tarkastamiseen sinulla on oikeus kerran vuodessa.",
        ] {
            assert_eq!(found(t).len(), 1, "{t}");
        }
        for t in [
            "Lisäksi rekisteröidyllä on oikeus kieltää itseään koskevien tietojen käyttö suoramainontaa varten.",
            "Voit kieltää tietojesi käytön suoramarkkinointiin ilmoittamalla siitä meille.",
            "oikeus kieltää antamiensa tietojen käytön suoramarkkinointi- tms. tarkoituksiin",
        ] {
            assert_eq!(found(t).len(), 1, "{t}");
        }
        for t in [
            // Lawful: the person checks their data in a self-service page; the controller
            // checks the identity; the staff's access; refusing (kieltäytyä).
            "Voit tarkistaa ja päivittää tietosi verkkokaupan Omat tiedot -sivulla.",
            "Tarkastamme henkilöllisyytesi ennen kuin luovutamme tietoja.",
            "Henkilökunnalla on oikeus tarkastaa potilaan tiedot vain hoitosuhteen perusteella.",
            "Asiakas voi kieltäytyä näistä tiedotteista ilmoittamalla siitä sähköpostitse.",
            // The prohibitions Finnish law itself calls a kielto.
            "Voit kieltää sähköisen suoramarkkinoinnin milloin tahansa.",
            "Voit kieltää tietojesi käytön markkinointiviesteihin.",
            "Voit kieltää tietojesi luovuttamisen Kanta-palvelujen kautta Omakannassa.",
            // The GDPR's own words.
            "Sinulla on oikeus vastustaa tietojesi käsittelyä suoramarkkinointia varten.",
            "Sinulla on oikeus saada pääsy tietoihisi.",
        ] {
            assert!(found(t).is_empty(), "{t}: {:?}", found(t));
        }
    }
}
