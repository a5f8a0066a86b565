//! `restriction-without-law`: a right restricted without the law that allows it.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::language::{self, Lexeme, NEGATIONS, Voice, word_is};
use crate::lint::text::fold_case;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::nonblank;

/// The right itself: "oikeutta ei ole", "oikeus ei koske", "oikeutta voidaan rajoittaa".
const RIGHT: Lexeme = Lexeme::new(&["oikeus", "oikeude", "oikeut", "oikeuks", "oikeuksi"]);

/// Words that, with the right or a negation, restrict it: "rajoitetaan", "ei sovelleta", "ei
/// koske", "evätä", "kieltäytyä".
const RESTRICTS: &[&str] = &["rajoit*", "sovel*", "koske*", "koski*", "evä*", "kieltäy*"];

/// Passive verbs that, denied, say the controller will not do what the right asks: "ei
/// poisteta", "ei luovuteta".
const REFUSED: &[&str] = &[
    "poisteta",
    "oikaista",
    "luovuteta",
    "anneta",
    "toimiteta",
    "siirretä",
    "lopeteta",
    "rajoiteta",
    "hävitetä",
    "tuhota",
];

/// Words of a fact about the medium: it is technically so, or the record cannot be edited.
const FACT: &[&str] = &[
    "teknis*", "tekninen", "muokat*", "muokka*", "muoka*", "editoi*", "muutt*",
];

/// Whether `text`, written as a `restriction`, states a fact about the medium and not a
/// restriction of the right: "Tallennetta ei voi muokata jälkikäteen", "Puhelutallenteen
/// sisältöä ei teknisesti voi korjata". Such a text restricts no right under Art 23 (and a
/// rectification can still be made by a supplementary statement, Art 16). Any clause that
/// speaks of the right ("oikeutta ei ole", "oikeutta voidaan rajoittaa", "et voi käyttää
/// oikeutta"), restricts ("rajoitetaan lain nojalla", "ei sovelleta"), or refuses in the
/// controller's voice ("emme poista", "tietoja ei poisteta", "ei voida poistaa") without a
/// fact about the medium in it makes the text a restriction.
fn states_a_fact(text: &str) -> bool {
    let mut fact = false;
    for clause in language::clauses(text) {
        let clause = &text[clause];
        let words: Vec<String> = language::words(clause)
            .into_iter()
            .map(|(_, w)| fold_case(w))
            .collect();
        let has = |forms: &[&str]| words.iter().any(|w| word_is(w, forms));
        let negation = has(NEGATIONS);
        let right = words.iter().any(|w| RIGHT.matches(w));
        let restricts = has(RESTRICTS);
        let about_medium = negation && has(FACT);
        // The right denied or restricted, or an express restriction ("ei sovelleta").
        if right && (negation || restricts) || negation && has(&["sovel*", "koske*", "evä*"]) {
            return false;
        }
        // A refusal in the controller's voice, unless the clause is about the medium.
        let refusal = words.iter().any(|w| w == "emme" || w == "emmekä")
            || language::modals(clause)
                .iter()
                .any(|m| m.negated && matches!(m.voice, Voice::Passive | Voice::FirstPlural))
            || words
                .windows(2)
                .any(|w| word_is(&w[0], NEGATIONS) && REFUSED.contains(&w[1].as_str()));
        if (refusal || restricts) && !about_medium {
            return false;
        }
        fact |= about_medium;
    }
    fact
}

/// The rule.
pub static RULE: Rule = Rule {
    name: "restriction-without-law",
    articles: &["Art 23", "tietosuojalaki (1050/2018) 31–34 §"],
    severity: Severity::Error,
    section: Section::Rights,
    summary: "a right is restricted without naming the law that allows the restriction",
    explanation: r#"## What it checks
That every `restriction` under `rights` comes with `law`, the legislative measure it rests on.

A `restriction` that only states a fact about the medium — "Tallennetta ei voi muokata
jälkikäteen", "Puhelutallenteen sisältöä ei teknisesti voi korjata" — is no restriction of
the right and needs no law: a recording that cannot be edited can still be rectified by a
supplementary statement (Art 16). A text is read as such a fact when a clause denies
something technically (*teknisesti*) or about editing the record (*muokata*, *muuttaa*) and
no clause speaks of the right (*oikeutta ei ole*, *oikeutta voidaan rajoittaa*, *et voi
käyttää oikeutta*), restricts (*rajoitetaan lain nojalla*, *ei sovelleta*, *ei koske*) or
refuses in the controller's voice (*emme poista*, *tietoja ei poisteta*, *tietoja ei voida
poistaa*). Such a fact is better written as the right's `note`.

A `restriction` that cites the GDPR's own article — "Oikeutta ei ole siltä osin kuin käsittely
on tarpeen lakisääteisen velvoitteen noudattamiseksi (17 artiklan 3 kohdan b alakohta)" — is
an exception the GDPR itself makes (Art 17(3), 18(2), 21(1)), not a restriction under Art 23,
and is not reported.

## Why
Rights can only be restricted by Union or Member State law (Art 23) — in Finland e.g.
tietosuojalaki (1050/2018) 31–34 § for research, archiving and some authorities, or the
sector acts. A notice that says "the right does not apply" without the law silently drops a
right; seloste lets a notice restrict a right only with its ground stated.

## Example
```yaml
rights:
  access:
    restriction: Oikeus saada pääsy tietoihin ei koske tutkimusaineistoa, jos se estäisi tutkimuksen.
    law: Tietosuojalaki (1050/2018) 31 §
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    let Some(rights) = &cx.register.rights else {
        return;
    };
    let notes = [
        (&rights.access, "the right of access (Art 15)"),
        (&rights.rectification, "the right to rectification (Art 16)"),
        (&rights.erasure, "the right to erasure (Art 17)"),
        (
            &rights.restriction,
            "the right to restriction of processing (Art 18)",
        ),
        (
            &rights.notification,
            "the notification of rectification, erasure or restriction to the recipients (Art 19)",
        ),
        (
            &rights.portability,
            "the right to data portability (Art 20)",
        ),
        (&rights.objection, "the right to object (Art 21)"),
        (
            &rights.automated_decisions,
            "the right not to be subject to an automated decision (Art 22)",
        ),
        (
            &rights.withdraw_consent,
            "the right to withdraw consent (Art 7(3))",
        ),
        (&rights.complaint, "the right to lodge a complaint (Art 77)"),
    ];
    for (note, right) in notes {
        let Some(note) = note else { continue };
        if let Some(r) = nonblank(&note.restriction)
            && nonblank(&note.law).is_none()
            && !states_a_fact(r.value.as_str())
            && !language::cites_gdpr_article(r.value.as_str())
        {
            out.at(
                r.pos,
                format!("{right} is restricted without the law that allows it"),
            )
            .label("no `law`")
            .help("add `law:` naming the act and section, e.g. `Tietosuojalaki (1050/2018) 31 §`");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::states_a_fact;

    #[test]
    fn a_fact_about_the_medium_is_no_restriction() {
        for t in [
            "Tallennetta ei voi muokata jälkikäteen.",
            "Puhelutallenteen sisältöä ei teknisesti voi korjata.",
            "Puhelutallenteen sisältöä ei teknisesti voi korjata, mutta voit pyytää liittämään tallenteeseen täydentävän selvityksen.",
            "Tallenteita ei voida muokata jälkikäteen.",
            "Kuvatallennetta ei ole teknisesti mahdollista muuttaa.",
        ] {
            assert!(states_a_fact(t), "{t}");
        }
    }

    #[test]
    fn a_restriction_of_the_right_is_one() {
        for t in [
            "Oikeutta ei ole.",
            "Oikeutta voidaan rajoittaa.",
            "Emme poista tietoja ennen säilytysajan päättymistä.",
            "Et voi käyttää oikeutta tutkimusaineistoon.",
            "Oikeutta rajoitetaan lain nojalla.",
            "Jos toimit yrityksen yhteyshenkilönä, tietojasi ei voida poistaa tänä aikana.",
            "Tallennetta ei voi muokata, emmekä poista sitä ennen säilytysajan päättymistä.",
            "Oikeus tietojen oikaisemiseen ei koske tallenteita, koska niitä ei voi teknisesti muokata.",
            "Tietoja ei poisteta.",
            "Pääsy tietoihin voidaan evätä, jos se vaarantaa tutkimuksen.",
            "Tätä ei sovelleta tutkimusaineistoon.",
        ] {
            assert!(!states_a_fact(t), "{t}");
        }
    }
}
