//! `access-request-limit`: access requests limited to once or a few times a year.

use std::sync::LazyLock;

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::language::{clause_around, word_is};
use crate::lint::text::{Phrase, PhraseSet, clauses_with_words, fold_case, quote};
use crate::lint::{Findings, Rule, TextContext, TextHook};

/// The rule.
pub static RULE: Rule = Rule {
    name: "access-request-limit",
    articles: &["Art 12(5)", "Art 15(3)"],
    severity: Severity::Error,
    section: Section::Rights,
    summary: "the text limits access requests to once (or a few times) a year",
    explanation: r#"## What it checks
Every text for the Personal Data Act's rules on access requests, in their many wordings:

- a yearly limit — *maksutta kerran vuodessa*, *kerran vuodessa maksutta*, *kerran
  kalenterivuodessa*, *korkeintaan 4 kertaa vuodessa*, *kerran vuosittain*, *vuoden välein* —
  in a sentence that speaks of access requests (*tarkastuspyyntö*, *tarkastaa*, *pyyntö*,
  *pääsy tietoihin*, *jäljennös*, *maksutta* …);
- a fee or a wait when less than a year has passed since the last request: *jos edellisestä
  tarkastuksesta on kulunut alle vuosi*, *alle vuoden kuluttua edellisestä pyynnöstä*;
- a fee for the inspection, a copy or a request, in one clause in any word order:
  *tarkastuksesta peritään maksu*, *kopiosta veloitetaan 10 euroa*, *tarkastusoikeuden käyttö
  on maksullista*, *jäljennöksestä perimme käsittelymaksun*. Under `rights`, in a further
  section and in `seloste.yaml` any such clause counts; elsewhere only in a sentence that
  speaks of data or rights, so that a fee for a new key card in a purpose is left alone.

Lawful statements are left alone: a fee for further copies (*lisäjäljennöksistä voimme
periä kohtuullisen maksun*, Art 15(3)), for manifestly unfounded or excessive requests
(*ilmeisen perusteettomista tai kohtuuttomista pyynnöistä voimme periä maksun*, Art 12(5)),
a fee that is denied (*tarkastuksesta ei peritä maksua*), and free requests (*pyyntöjen
käsittely on maksutonta*, *voit tehdä pyynnön milloin tahansa*).

When the rights section of a register (`exercise`, a right's `note` or `restriction`) says
this, the published notice leaves out its own sentence that requests are handled free of
charge, so that it never states both, even when the rule is allowed.

## Why
Under the repealed Personal Data Act an access request was free once a year. Under the GDPR
the first copy is free and there is no yearly cap (Art 15(3)); only manifestly unfounded or
excessive requests, in particular repetitive ones, may be charged for or refused, and the
controller must show that they are (Art 12(5)); further copies may carry a reasonable fee
based on administrative costs (Art 15(3)). A fixed yearly limit, or a fee for the first copy,
misstates the right.

## Example
```yaml
# Outdated:
  note: Tarkastuspyynnön voi tehdä maksutta kerran vuodessa.
# Current:
  note: Saat jäljennöksen tiedoistasi maksutta.
```
"#,
    project: None,
    register: None,
    text: Some(TextHook::Each {
        words: &[LIMITS, FEES],
        check,
    }),
};

static LIMITS: &[Phrase] = &[
    Phrase {
        pattern: "kerran vuodessa",
        note: "",
    },
    Phrase {
        pattern: "kertaa vuodessa",
        note: "",
    },
    Phrase {
        pattern: "kerran kalenterivuodessa",
        note: "",
    },
    Phrase {
        pattern: "kertaa kalenterivuodessa",
        note: "",
    },
    Phrase {
        pattern: "kerran vuoden aikana",
        note: "",
    },
    Phrase {
        pattern: "once a year",
        note: "",
    },
    Phrase {
        pattern: "times a year",
        note: "",
    },
    Phrase {
        pattern: "kerran vuosittain",
        note: "",
    },
    Phrase {
        pattern: "vuoden välein",
        note: "",
    },
    Phrase {
        pattern: "vuoden väliajoin",
        note: "",
    },
    Phrase {
        pattern: "kuukauden välein",
        note: "",
    },
];

/// The words of a fee (*maksu*, *periä*, *veloittaa*, *maksullinen*) and of the time since the
/// last request (*edellinen*), which with [`LIMITS`] gate the text hook: the engine's one pass
/// over every text tells which texts hold one at all; only those are split into clauses. It must let through
/// every word of [`CHARGE`] and of [`PREVIOUS`]'s first group (a test holds it to that).
static FEES: &[Phrase] = &[
    Phrase {
        pattern: "maksu*",
        note: "",
    },
    Phrase {
        pattern: "peri*",
        note: "",
    },
    Phrase {
        pattern: "veloit*",
        note: "",
    },
    Phrase {
        pattern: "laskut*",
        note: "",
    },
    Phrase {
        pattern: "maksaa",
        note: "",
    },
    Phrase {
        pattern: "edellis*",
        note: "",
    },
    Phrase {
        pattern: "tarkastusmaksu*",
        note: "",
    },
    Phrase {
        pattern: "käsittelymaksu*",
        note: "",
    },
    Phrase {
        pattern: "kopiointimaksu*",
        note: "",
    },
    Phrase {
        pattern: "kopiomaksu*",
        note: "",
    },
    Phrase {
        pattern: "jäljennösmaksu*",
        note: "",
    },
    Phrase {
        pattern: "toimitusmaksu*",
        note: "",
    },
    Phrase {
        pattern: "fee*",
        note: "",
    },
    Phrase {
        pattern: "charge*",
        note: "",
    },
];

static FEE_SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(FEES));

/// A charge: a fee (*maksu* in its cases, *maksullinen*, a fee compound), charging it
/// (*periä*, *veloittaa*, *laskuttaa*) or a price (*maksaa*). Not *maksuton*, *maksutta*.
const CHARGE: &[&str] = &[
    "maksu",
    "maksun",
    "maksua",
    "maksuja",
    "maksut",
    "maksuista",
    "maksulli*",
    "maksaa",
    "peritään",
    "perimme",
    "periä",
    "perii",
    "peritä",
    "perittävä*",
    "veloit*",
    "laskut*",
    "tarkastusmaksu*",
    "käsittelymaksu*",
    "kopiointimaksu*",
    "kopiomaksu*",
    "jäljennösmaksu*",
    "toimitusmaksu*",
    "fee",
    "fees",
    "charge*",
];

/// What the fee is for: the inspection (*tarkastus*, the Personal Data Act's right of access),
/// a copy or extract, a request, access.
const OBJECT: &[&str] = &[
    "tarkast*",
    "tarkist*",
    "jäljennö*",
    "kopio*",
    "ote",
    "otte*",
    "pyyn*",
    "tietopyyn*",
    "pääsy*",
    "oikeuksie*",
    "request*",
    "copy",
    "copies",
    "access",
];

/// A charge that is denied: "tarkastuksesta ei peritä maksua".
const NEGATION: &[&str] = &["ei", "emme", "eikä", "eivät", "ilman", "not", "no"];

/// Words that make a fee in their sentence lawful: a fee for further copies (Art 15(3):
/// *lisäjäljennökset*, *lisäkopiot*, *ylimääräiset*, *seuraavat* copies) or for manifestly
/// unfounded or excessive, in particular repetitive, requests (Art 12(5)).
const LAWFUL: &[&str] = &[
    "lisäjäljennö*",
    "lisäkopio*",
    "ylimääräi*",
    "useamm*",
    "seuraav*",
    "perusteet*",
    "kohtuut*",
    "toistuv*",
    "further",
    "additional",
    "unfounded",
    "excessive",
];

/// The time since the last request: "jos edellisestä tarkastuksesta on kulunut alle vuosi",
/// "alle vuoden kuluttua edellisestä pyynnöstä", "vuoden sisällä edellisestä".
const PREVIOUS: &[&[&str]] = &[
    &["edellis*"],
    &["alle", "vähemmän", "sisällä", "kuluessa", "aikana"],
    &[
        "vuosi",
        "vuoden",
        "vuotta",
        "kalenterivuo*",
        "kuukautta",
        "kuukauden",
    ],
];

/// How a text limits or charges access requests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A yearly (or periodic) limit.
    Limit,
    /// A fee for the inspection, a copy or a request.
    Fee,
}

/// Words that show a sentence outside the rights section is about the person's data or
/// rights, so that a fee for a building inspection or for a new key card in a purpose
/// ("kadonneen kulkukortin kopiosta peritään maksu") is not taken for a fee for access.
const ABOUT_DATA: &[&str] = &[
    "tieto",
    "tiedo",
    "rekister",
    "oikeu",
    "tarkastuspyyn",
    "jäljennö",
    "personal data",
    "right",
];

/// Every limit or fee on access requests in `value`, as the byte range to show and its kind,
/// at most one per sentence. `limits` are the matches of the limit phrases in `value`;
/// `fee_words` whether it holds a word of [`FEES`] at all; `on_rights` whether the text speaks
/// of the rights (it stands under `rights`, in a further section or in `seloste.yaml`), else a
/// fee counts only in a sentence [`ABOUT_DATA`].
fn found(
    value: &str,
    limits: Vec<crate::lint::text::PhraseMatch>,
    fee_words: bool,
    on_rights: bool,
) -> Vec<(std::ops::Range<usize>, Kind)> {
    let mut out: Vec<(std::ops::Range<usize>, Kind)> = Vec::new();
    let mut push = |range: std::ops::Range<usize>, kind| {
        let here = sentence_range(value, range.clone());
        if !out
            .iter()
            .any(|(r, _)| sentence_range(value, r.clone()) == here)
        {
            out.push((range, kind));
        }
    };
    for m in limits {
        let around = fold_case(sentence(value, m.range.clone()));
        if about_requests(&around) {
            push(with_count(value, m.range.clone()), Kind::Limit);
        }
    }
    // Each clause search needs one word that most texts lack: look for it first.
    let folded = if fee_words {
        fold_case(value)
    } else {
        String::new()
    };
    let holds = |forms: &[&str]| {
        forms
            .iter()
            .any(|f| folded.contains(f.trim_end_matches('*')))
    };
    if fee_words && holds(PREVIOUS[0]) {
        for range in clauses_with_words(value, PREVIOUS, &[]) {
            // "Edellisestä tarkastuksesta" is the Personal Data Act's inspection itself.
            let around = fold_case(sentence(value, range.clone()));
            if CONTEXT
                .iter()
                .chain(&["tarkastus", "tarkastuks", "maksu"])
                .any(|w| around.contains(w))
            {
                push(range, Kind::Limit);
            }
        }
    }
    if fee_words && holds(OBJECT) {
        for range in clauses_with_words(value, &[CHARGE, OBJECT], &[]) {
            let clause = fold_case(&value[clause_around(value, &range)]);
            let around = fold_case(sentence(value, range.clone()));
            let has = |text: &str, forms: &[&str]| {
                text.split(|c: char| !c.is_alphanumeric())
                    .any(|w| word_is(w, forms))
            };
            let about = on_rights || ABOUT_DATA.iter().any(|w| around.contains(w));
            if about && !has(&clause, NEGATION) && !has(&around, LAWFUL) {
                push(range, Kind::Fee);
            }
        }
    }
    out.sort_by_key(|(r, _)| r.start);
    out
}

/// Whether `text` limits access requests to a number a year or charges for them — the same
/// reading as the rule's, for [`Applicability`](crate::applicability::Applicability): a
/// notice whose own words charge must not also say that requests are free.
pub fn limits_or_charges(text: &str) -> bool {
    // Folded once for both searches.
    let t = crate::lint::text::TextValue::new(text, crate::source::Pos::START);
    let fee_words = !FEE_SET.find_in(&t).is_empty();
    !found(text, SET.find_in(&t), fee_words, true).is_empty()
}

static SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(LIMITS));

/// Words that show a sentence is about access requests, so that "kerran vuodessa" about a
/// yearly review of user rights ("Käyttöoikeudet tarkastetaan kerran vuodessa") is not
/// flagged. Matched in the sentence of the limit only.
const CONTEXT: &[&str] = &[
    "tarkastuspyyn",
    "tarkastusoikeu",
    "tarkastaa",
    "tarkistaa",
    "tietopyyn",
    "pyyntö",
    "pyynnö",
    "pyytää",
    "pääsy tietoi",
    "pääsyoikeu",
    "saada pääsy",
    "oikeus saada",
    "jäljennö",
    "kopio",
    "maksutta",
    "maksuton",
    "request",
    "right of access",
    "access to",
    "copy",
];

/// The verbs of checking one's data, which speak of the person's request only as what the
/// person may do ("voi tarkastaa", "oikeus tarkistaa", "saa tarkastaa"), not as what the
/// controller reminds them to do ("muistutuksen tarkistaa yhteystietonsa").
const CHECKING: &[&str] = &["tarkastaa", "tarkistaa"];

/// Words before a verb of [`CHECKING`] that make it the person's request.
const MAY: &[&str] = &["voi*", "oikeu*", "saa", "saat", "saavat", "saada"];

/// Whether a (case-folded) sentence speaks of access requests: a word of [`CONTEXT`], where a
/// verb of [`CHECKING`] counts only after a word of [`MAY`] (up to three words before it).
fn about_requests(around: &str) -> bool {
    if CONTEXT
        .iter()
        .filter(|w| !CHECKING.contains(w))
        .any(|w| around.contains(w))
    {
        return true;
    }
    let ws: Vec<&str> = around
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    ws.iter().enumerate().any(|(i, w)| {
        CHECKING.iter().any(|c| w.starts_with(c))
            && ws[i.saturating_sub(3)..i].iter().any(|b| word_is(b, MAY))
    })
}

/// The sentence of `text` around `range`: from the end of the previous sentence to the end
/// of this one. A sentence ends at `.`, `!` or `?` followed by white space, or at a blank line.
fn sentence(text: &str, range: std::ops::Range<usize>) -> &str {
    &text[sentence_range(text, range)]
}

/// The byte range of [`sentence`].
fn sentence_range(text: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let is_end = |i: usize| {
        let (head, tail) = text.split_at(i);
        (head.ends_with(['.', '!', '?']) && tail.starts_with(char::is_whitespace))
            || (head.ends_with('\n') && tail.starts_with('\n'))
    };
    let start = (0..=range.start)
        .rev()
        .find(|i| text.is_char_boundary(*i) && (*i == 0 || is_end(*i)))
        .unwrap_or(0);
    let end = (range.end..=text.len())
        .find(|i| text.is_char_boundary(*i) && (*i == text.len() || is_end(*i)))
        .unwrap_or(text.len());
    start..end
}

/// "kertaa vuodessa" with the count before it: "neljä kertaa vuodessa", "4 times a year".
fn with_count(text: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let found = fold_case(&text[range.clone()]);
    if !(found.starts_with("kertaa") || found.starts_with("times")) {
        return range;
    }
    let before = &text[..range.start];
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() || trimmed.is_empty() {
        return range;
    }
    let word_start = trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    word_start..range.end
}

fn check(cx: &TextContext<'_>, out: &mut Findings) {
    let t = cx.text;
    let value = t.value;
    // Under `rights`, in a further section and in `seloste.yaml` any fee clause counts.
    let on_rights = || {
        cx.register().is_none_or(|r| {
            crate::applicability::rights_texts(r.register).any(|x| x.pos == t.pos)
                || r.register
                    .extra_sections()
                    .iter()
                    .any(|x| x.value.text.pos == t.pos)
        })
    };
    let fee_words = !FEE_SET.find_in(t).is_empty();
    for (range, kind) in found(value, SET.find_in(t), fee_words, fee_words && on_rights()) {
        let words = quote(&value[range.clone()]);
        match kind {
            Kind::Limit => cx
                .at(out, range, format!("access requests limited to “{words}”"))
                .label("no yearly limit under the GDPR"),
            Kind::Fee => cx
                .at(out, range, format!("a fee for access: “{words}”"))
                .label("the first copy is free"),
        }
        .help("the first copy is free and there is no yearly cap (Art 15(3)); only manifestly unfounded or excessive requests may be refused or charged (Art 12(5)), and further copies may carry a reasonable fee based on administrative costs (Art 15(3))");
    }
}

#[cfg(test)]
mod tests {
    use super::{CHARGE, FEE_SET, PREVIOUS, SET, found, limits_or_charges, sentence, with_count};

    #[test]
    fn the_gate_lets_through_every_word_the_clauses_look_for() {
        // A text the gate turns away is never split into clauses: a word of CHARGE or of the
        // time since the last request that the gate lacks would never be found.
        for word in CHARGE.iter().chain(PREVIOUS[0]) {
            let word = word.trim_end_matches('*');
            assert!(
                !FEE_SET.find(&format!("x {word} x")).is_empty(),
                "FEES lacks `{word}`"
            );
        }
    }

    #[test]
    fn a_fee_compound_or_an_english_fee_is_a_fee() {
        assert!(limits_or_charges("Jäljennöksen toimitusmaksu on 10 euroa."));
        assert!(limits_or_charges("Tietojen kopiomaksu on 5 euroa."));
        assert!(limits_or_charges(
            "A fee is charged for each copy of the data."
        ));
    }

    #[test]
    fn the_personal_data_acts_wordings_are_caught() {
        for t in [
            "Tarkastuksesta peritään maksu, jos edellisestä tarkastuksesta on kulunut alle vuosi.",
            "Tarkastuspyynnön voi tehdä kerran vuodessa maksutta.",
            "Voit tarkastaa tietosi maksutta kerran vuodessa.",
            "Pyynnön voi tehdä kerran kalenterivuodessa.",
            "Pyyntöjä käsitellään korkeintaan kolme kertaa vuodessa.",
            "Tietonsa voi tarkastaa maksutta vuoden välein.",
            "Rekisteröidyllä on oikeus tarkastaa tietonsa kerran vuodessa.",
            "Asiakas saa tarkistaa tietonsa kerran vuodessa.",
            "Tarkastuksesta peritään maksu.",
            "Kopiosta veloitetaan 10 euroa.",
            "Tarkastusoikeuden käyttö on maksullista.",
            "Jäljennöksestä perimme käsittelymaksun.",
        ] {
            assert!(limits_or_charges(t), "{t}");
        }
    }

    #[test]
    fn lawful_fees_and_free_requests_are_left_alone() {
        for t in [
            "Lisäjäljennöksistä voimme periä kohtuullisen maksun.",
            "Ilmeisen perusteettomista tai kohtuuttomista pyynnöistä voimme periä maksun.",
            "Tarkastuspyynnöstä voidaan periä maksu, jos pyyntö on ilmeisen perusteeton.",
            "Pyyntöjen käsittely on maksutonta.",
            "Voit tehdä pyynnön milloin tahansa.",
            "Tarkastuksesta ei peritä maksua.",
            "Saat jäljennöksen tiedoistasi maksutta.",
            "Käyttöoikeudet tarkastetaan kerran vuodessa.",
            "Jäsenmaksu laskutetaan kerran vuodessa.",
            "Lähetämme asiakkaille kerran vuodessa muistutuksen tarkistaa yhteystietonsa.",
        ] {
            assert!(!limits_or_charges(t), "{t}");
        }
        // Outside the rights section, a fee counts only where the sentence speaks of data.
        let t = "Kadonneen kulkukortin kopiosta peritään maksu hinnaston mukaan.";
        assert!(found(t, SET.find(t), true, false).is_empty());
        assert_eq!(found(t, SET.find(t), true, true).len(), 1);
        let t = "Tietojen tarkastuksesta peritään maksu.";
        assert_eq!(found(t, SET.find(t), true, false).len(), 1);
    }

    #[test]
    fn a_count_belongs_to_the_limit() {
        let t = "Pyyntöjä käsitellään korkeintaan neljä kertaa vuodessa.";
        let m = &SET.find(t)[0];
        assert_eq!(&t[with_count(t, m.range.clone())], "neljä kertaa vuodessa");
    }

    #[test]
    fn the_limit_is_judged_by_its_own_sentence() {
        let t = "Voit pyytää tietosi. Käyttöoikeudet tarkastetaan kerran vuodessa.\n";
        let m = &SET.find(t)[0];
        assert_eq!(
            sentence(t, m.range.clone()),
            " Käyttöoikeudet tarkastetaan kerran vuodessa."
        );
    }
}
