//! `vague-legitimate-interest`: the interest is named only as "our legitimate interest".

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::language::{self, Lexeme, any_form};
use crate::lint::text::{fold_case, quote};
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::{LegalBasis, nonblank};

/// The rule.
pub static RULE: Rule = Rule {
    name: "vague-legitimate-interest",
    articles: &["Art 13(1)(d)", "WP260 rev.01", "EDPB Guidelines 1/2024"],
    severity: Severity::Warning,
    section: Section::Purposes,
    summary: "the legitimate interest restates the legal basis instead of naming a specific interest",
    explanation: r#"## What it checks
That each `legitimate_interest` names an interest:

- not only the legal basis restated, in any case, number or possessive: *rekisterinpitäjän
  oikeutettu etu*, *oikeutetut etumme*, *oikeutetun etumme mukaisesti*, *muut oikeutetut
  edut*, *our legitimate interests*;
- not a pointer to other text: *edellä kuvattuja tarkoituksia varten*, *yllä mainittu*,
  *kohdassa 3 kuvattu*;
- not the business or activity "developed" with nothing said of what or how:
  *liiketoimintamme kehittäminen*, *toiminnan kehittäminen*;
- not a repetition of its own purpose: when every word of the interest (less the words that
  restate the basis or say whose interest it is) is a word of the purpose's `description`,
  in any form or order, the interest adds nothing.

Leaving out the words that restate the legal basis, say whose interest it is, point
elsewhere or name nothing (*muut*, *liiketoiminta*, *toiminta*, *kehittäminen*), at least two
words must remain. *Maksamattomien laskujen periminen*, *verkkokaupan väärinkäytösten
estäminen* and *liiketoiminnan kehittäminen asiakaspalautteen perusteella* pass.

## Why
Art 13(1)(d) and 14(2)(b) require the legitimate interests pursued to be stated. The
transparency guidelines (WP260 rev.01) say the specific interest must be identified for the
person's benefit; the EDPB Guidelines 1/2024 on legitimate interest say an interest must be
clearly articulated, real and present — "our legitimate interests", "the purposes described
above" or "developing our business" articulate nothing. A person can only weigh an objection
(Art 21(1)) against an interest they are told about, and the interest is why the purpose
serves the controller or a third party, not the purpose again.

## Example
```yaml
# Vague:
legitimate_interest: Oikeutetut etumme
# Repeats the purpose:
  - description: Maksamattomien laskujen periminen
    legitimate_interest: Maksamattomien laskujen periminen
# Specific:
legitimate_interest: Asiakkaiden turvallisuus ja omaisuuden suojaaminen myymälässä
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

/// Words that restate the legal basis: *oikeutettu etu / intressi*, in any case and number,
/// with any possessive ("oikeutetut etumme", "oikeutetun etumme").
const RESTATEMENT: &[Lexeme] = &[
    Lexeme::new(&["oikeutettu", "oikeutetu", "oikeutettui", "oikeutettuj"]),
    Lexeme::new(&["etu", "edu", "etui", "edui", "etuj"]),
    Lexeme::new(&["intressi", "intressei"]),
];
const RESTATEMENT_EN: &[&str] = &["legitimate", "interest", "interests"];

/// Words that say only whose interest it is, or join words.
const OWNER: &[Lexeme] = &[
    Lexeme::new(&["rekisterinpitäjä", "rekisterinpitäji"]),
    Lexeme::new(&["yhtiö", "yhtiöi"]),
    Lexeme::new(&["yritys", "yrityks", "yritykse", "yrityksi"]),
    Lexeme::new(&["yhdistys", "yhdistyks", "yhdistykse", "yhdistyksi"]),
    Lexeme::new(&["kolmas", "kolmanne", "kolmansi"]),
    Lexeme::new(&["osapuoli", "osapuole", "osapuolt", "osapuoli"]),
];
const OWNER_WORDS: &[&str] = &[
    "meidän",
    "ja",
    "tai",
    "sekä",
    "our",
    "the",
    "its",
    "controller's",
    "company's",
    "and",
    "or",
    "of",
    "for",
];

/// Words that name no interest: "muut", and the business or activity "developed" with
/// nothing said of how ("liiketoimintamme kehittäminen", "toiminnan kehittäminen").
const GENERAL: &[Lexeme] = &[
    Lexeme::new(&["muu", "mui", "muita"]),
    Lexeme::new(&[
        "liiketoiminta",
        "liiketoiminna",
        "liiketoiminno",
        "liiketoiminto",
    ]),
    Lexeme::new(&["toiminta", "toiminna", "toiminno", "toiminto"]),
    Lexeme::new(&["kehittäminen", "kehittämise", "kehittämis"]),
    Lexeme::new(&["kehitys", "kehitykse", "kehityks"]),
    Lexeme::new(&["toteuttaminen", "toteuttamise", "toteuttamis"]),
];
const GENERAL_EN: &[&str] = &[
    "other",
    "business",
    "development",
    "developing",
    "activities",
];

/// Words that only point to other text: "edellä kuvattuja tarkoituksia varten", "yllä
/// mainittu", "kohdassa 3 kuvattu".
const POINTER: &[Lexeme] = &[
    Lexeme::new(&["mainittu", "mainitu", "mainittui", "mainittuj"]),
    Lexeme::new(&["kuvattu", "kuvatu", "kuvattui", "kuvattuj"]),
    Lexeme::new(&["tarkoitus", "tarkoitukse", "tarkoituks"]),
    Lexeme::new(&["kohta", "kohda", "kohdi"]),
    Lexeme::new(&["kyseinen", "kyseise", "kyseisi"]),
    Lexeme::new(&["seloste", "selostee", "selostei"]),
    Lexeme::new(&["mukainen", "mukaise", "mukaisi"]),
];
const POINTER_WORDS: &[&str] = &[
    "edellä",
    "yllä",
    "ylempänä",
    "alla",
    "jäljempänä",
    "varten",
    "nämä",
    "näiden",
    "näitä",
    "näihin",
    "tässä",
    "ks",
    "above",
    "below",
    "described",
    "mentioned",
    "purposes",
    "purpose",
    "section",
    "said",
    "these",
];

/// What a word of a legitimate interest does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// It restates the legal basis.
    Restatement,
    /// It points back to other text.
    Pointer,
    /// It says whose interest, or names nothing.
    Empty,
    /// It says something.
    Substance,
}

fn kind(word: &str) -> Kind {
    let w = fold_case(word);
    if any_form(&w, RESTATEMENT) || RESTATEMENT_EN.contains(&w.as_str()) {
        Kind::Restatement
    } else if any_form(&w, POINTER)
        || POINTER_WORDS.contains(&w.as_str())
        || w.chars().all(|c| c.is_ascii_digit())
    {
        Kind::Pointer
    } else if any_form(&w, OWNER)
        || OWNER_WORDS.contains(&w.as_str())
        || any_form(&w, GENERAL)
        || GENERAL_EN.contains(&w.as_str())
    {
        Kind::Empty
    } else {
        Kind::Substance
    }
}

/// The words of `text` that say something beyond "the controller's legitimate interest".
fn substance(text: &str) -> Vec<String> {
    language::words(text)
        .into_iter()
        .filter(|(_, w)| kind(w) == Kind::Substance)
        .map(|(_, w)| fold_case(w))
        .collect()
}

/// Whether two words are forms of one word: they share their first two thirds, at least
/// five letters ("markkinointi", "markkinointiin"; "hoitaa", "hoitaminen"; "asiakassuhdetta",
/// "asiakassuhteen").
fn same_word(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    common == shorter || common >= 5.max(shorter * 2 / 3)
}

/// Whether the interest says nothing its purpose does not: every word of it (less those that
/// restate the basis or say whose interest) is a word of the purpose, in any form and order.
fn restates_purpose(interest: &[String], purpose: &[String]) -> bool {
    !interest.is_empty()
        && interest
            .iter()
            .all(|i| purpose.iter().any(|p| same_word(i, p)))
}

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for p in cx.register.purposes() {
        if !p.bases().contains(&LegalBasis::LegitimateInterests) {
            continue;
        }
        let Some(li) = nonblank(&p.legitimate_interest) else {
            continue;
        };
        let text = li.value.as_str().trim();
        let words = substance(text);
        let purpose = nonblank(&p.description)
            .map(|d| substance(d.value.as_str()))
            .unwrap_or_default();
        let kinds: Vec<Kind> = language::words(text).iter().map(|(_, w)| kind(w)).collect();
        let message = if restates_purpose(&words, &purpose) {
            format!(
                "the legitimate interest “{}” only repeats the purpose",
                quote(text)
            )
        } else if words.len() >= 2 {
            continue;
        } else if kinds.contains(&Kind::Pointer) {
            format!(
                "the legitimate interest “{}” points to other text instead of naming the interest",
                quote(text)
            )
        } else if kinds.contains(&Kind::Restatement) {
            format!(
                "the legitimate interest “{}” restates the legal basis instead of naming the interest",
                quote(text)
            )
        } else {
            format!(
                "the legitimate interest “{}” is too general to name a specific interest",
                quote(text)
            )
        };
        out.at(li.pos, message)
            .label("names no specific interest")
            .help("say what the interest is, e.g. `Asiakassuhteen ylläpitäminen ja vastaavien palvelujen markkinointi nykyisille asiakkaille`");
    }
}

#[cfg(test)]
mod tests {
    use super::{restates_purpose, substance};

    fn vague(text: &str) -> bool {
        substance(text).len() < 2
    }

    #[test]
    fn restatements_owners_and_pointers_carry_no_substance() {
        for t in [
            "Rekisterinpitäjän oikeutettu etu",
            "Our legitimate interests",
            "Liiketoiminta",
            "Oikeutetut etumme",
            "oikeutetun etumme mukaisesti",
            "Rekisterinpitäjän oikeutetut edut",
            "Muut oikeutetut edut",
            "Yhtiön ja kolmansien osapuolten oikeutetut intressit",
            "Edellä kuvattuja tarkoituksia varten",
            "Yllä mainittu",
            "Kohdassa 3 kuvattu",
            "Edellä mainittujen tarkoitusten toteuttaminen",
            "Liiketoimintamme kehittäminen",
            "Toimintamme kehittäminen",
            "Liiketoiminnan kehittäminen",
            "The purposes described above",
        ] {
            assert!(vague(t), "{t}: {:?}", substance(t));
        }
    }

    #[test]
    fn concrete_interests_have_substance() {
        for t in [
            "Maksamattomien laskujen periminen",
            "Verkkokaupan väärinkäytösten estäminen",
            "Asiakassuhteen hoitaminen ja palvelujen markkinointi nykyisille asiakkaille",
            "Yhtiön oikeutettu etu valvoa työaikoja",
            "Kaupan oikeutettu etu mitoittaa valikoima kysynnän mukaan",
            "Liiketoiminnan kehittäminen ja asiakaskokemuksen parantaminen",
            "Myymälän omaisuuden ja asiakkaiden turvallisuuden suojaaminen rikoksilta",
            "Tietoturvan ylläpito ja palvelunestohyökkäysten torjunta",
        ] {
            assert!(!vague(t), "{t}");
        }
    }

    #[test]
    fn an_interest_that_repeats_its_purpose_is_found() {
        let r = |i: &str, p: &str| restates_purpose(&substance(i), &substance(p));
        assert!(r(
            "Asiakassuhteen hoitaminen",
            "Asiakassuhteen hoitaminen ja laskutus"
        ));
        assert!(r(
            "Rekisterinpitäjän oikeutettu etu hoitaa asiakassuhdetta",
            "Asiakassuhteen hoitaminen"
        ));
        assert!(r("Suoramarkkinointi", "Suoramarkkinointi."));
        assert!(r(
            "Markkinointi nykyisille asiakkaille",
            "Markkinointi nykyisille asiakkaille"
        ));
        assert!(!r(
            "Asiakassuhteen hoitaminen ja palvelujen markkinointi nykyisille asiakkaille",
            "Suoramarkkinointi nykyisille asiakkaille"
        ));
        assert!(!r(
            "Valikoiman mitoittaminen asiakkaiden todellisen kysynnän mukaan",
            "Myymälän valikoiman suunnittelu ostohistorian perusteella"
        ));
    }
}
