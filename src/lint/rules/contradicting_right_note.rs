//! `contradicting-right-note`: a note that denies a right the register's bases give.

use crate::applicability::Section;
use crate::applicability::rights::Reach;
use crate::diagnostic::Severity;
use crate::lint::text::{clauses_with_words, fold_case, locate, negated, quote};
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::{Right, nonblank};

use super::redundant_right_note::{notes, right_words, sentences, word_is};

/// The rule.
pub static RULE: Rule = Rule {
    name: "contradicting-right-note",
    articles: &["Art 12(2)", "Art 13(2)(b)", "Art 23"],
    severity: Severity::Error,
    section: Section::Rights,
    summary: "a note denies a right that applies to every purpose of the register",
    explanation: r#"## What it checks
The `note` of `access`, `erasure`, `portability`, `objection` and `withdraw_consent` under
`rights`, where the right reaches every purpose of the register (seloste derives it from the
legal bases). A clause that denies the right — *tietoja ei voi poistaa*, *rekisteristä ei
poisteta tietoja*, *oikeutta tietojen siirtämiseen ei ole*, *tietoja ei luovuteta
siirrettäväksi*, *käsittelyä ei voi vastustaa*, *suostumusta ei voi peruuttaa* — is an error.

A note passes when it only limits the right: an exception in the same sentence (*jos*,
*mikäli*, *kun*, *ellei*, *paitsi*, *ennen*, *ilman*, *siltä osin*, *vaan* …), or a law it
rests on (`law:`, or a section *§*, an act number or an act's name — *kirjanpitolaki* — in the
note). A restriction by law belongs under `restriction` with its `law`
(`restriction-without-law` checks that). Where the
right reaches only some purposes, the note may speak of the others, and is left alone.

## Why
The notice states the right in its own words, and the note denies it on the same page: the
reader cannot tell which is true, and a right taken away without a law is no restriction the
GDPR allows (Art 23). Erasure applies unless processing is needed for a legal obligation or a
public task (17(3)(b)); portability where processing rests on consent or a contract and is
automated (20(1)); objection to processing on a public task or legitimate interests and always
to direct marketing (21); withdrawal wherever consent is the basis (7(3)). If the right truly
does not apply, the purposes' legal bases are wrong; if a law restricts it, name the law.

## Example
```yaml
purposes:
  - description: Verkkokaupan tilausten toimittaminen
    legal_basis: contract
rights:
  erasure:
    note: Rekisteristä ei poisteta tietoja.   # erasure applies: the basis is a contract
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

/// The rights a note can deny; rectification and restriction are left out, since a note
/// there tells a practical fact ("a recording cannot be edited") as often as it denies.
const DENIABLE: &[Right] = &[
    Right::Access,
    Right::Erasure,
    Right::Portability,
    Right::Objection,
    Right::WithdrawConsent,
];

/// Words that make a denial an exception or a condition rather than a denial of the right.
const EXCEPT: &[&str] = &[
    "jos",
    "mikäli",
    "kun",
    "ellei",
    "ellette",
    "paitsi",
    "ennen",
    "ilman",
    "osin",
    "vaan",
    "silloin",
    "lukuun",
    "automaattisesti",
    "itse",
    // A fee denied is not the right denied: "tarkastuksesta ei peritä maksua".
    "maksu*",
    "maksua",
    "peri*",
    "veloit*",
];

/// The right in words for a message.
pub(crate) fn right_phrase(right: Right) -> &'static str {
    match right {
        Right::Access => "the right of access",
        Right::Rectification => "the right to rectification",
        Right::Erasure => "the right to erasure",
        Right::Restriction => "the right to restriction of processing",
        Right::Notification => "the notification of the recipients",
        Right::Portability => "the right to data portability",
        Right::Objection => "the right to object",
        Right::AutomatedDecisions => "the right not to be subject to an automated decision",
        Right::WithdrawConsent => "the right to withdraw consent",
        Right::Complaint => "the right to lodge a complaint",
    }
}

/// The byte ranges of the clauses of `text` that deny `right`: a negation and a word of the
/// right in one clause, in a sentence with no exception and no law.
fn denials(text: &str, right: Right) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    for sentence in sentences(text) {
        let base = sentence.as_ptr() as usize - text.as_ptr() as usize;
        if sentence.contains('§') || crate::lint::language::names_act(sentence) {
            continue;
        }
        let folded = fold_case(sentence);
        if folded
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| word_is(w, EXCEPT))
        {
            continue;
        }
        for r in clauses_with_words(sentence, &[right_words(right)], &[]) {
            let end = sentence[r.end..]
                .find([',', '.', ';', '!', '?'])
                .map_or(sentence.len(), |i| r.end + i);
            if denies(sentence, r.clone(), end) {
                // The whole clause, so that the message shows what it denies.
                let start = sentence[..r.start].rfind([',', ';']).map_or(0, |i| i + 1);
                let lead = sentence[start..].len() - sentence[start..].trim_start().len();
                out.push(base + start + lead..base + end);
            }
        }
    }
    out
}

/// Whether the clause of `sentence` holding the right's words at `words` (ending at `end`)
/// denies the right: a negation before them (*tietoja ei voi poistaa*, *ei ole oikeutta
/// siirtää*), or after them with *ole* (*oikeutta poistamiseen ei ole*). A negation of another
/// verb after them denies something else: *peruminen ei vaikuta aiempaan käsittelyyn*.
fn denies(sentence: &str, words: std::ops::Range<usize>, end: usize) -> bool {
    if negated(sentence, words.start..words.start) {
        return true;
    }
    // The first word after the right's words that a negation stands before: it is the verb
    // the negation governs.
    let mut at = words.end;
    for w in sentence[words.end..end].split(|c: char| !c.is_alphanumeric()) {
        if !w.is_empty() && negated(sentence, at..at) {
            return word_is(&fold_case(w), &["ole", "voi", "voida", "onnistu"]);
        }
        at += w.len()
            + sentence[at + w.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
    }
    false
}

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    let Some(rights) = &cx.register.rights else {
        return;
    };
    for (note, right) in notes(rights) {
        let Some(note) = note else { continue };
        if !DENIABLE.contains(&right) || nonblank(&note.law).is_some() {
            continue;
        }
        let Some(text) = nonblank(&note.note) else {
            continue;
        };
        // Only where the right surely reaches every purpose: otherwise the note may speak of
        // the purposes it does not reach.
        let everywhere = cx
            .applies
            .rights
            .iter()
            .any(|d| d.right == right && d.reach == Reach::All && d.uncertain.is_empty());
        if !everywhere {
            continue;
        }
        let value = text.value.as_str();
        for r in denials(value, right) {
            let at = locate(cx.source_at(text.pos), text.pos, value, r.clone());
            out.at(
                at,
                format!(
                    "the note denies {} ({}), which applies to every purpose of the register: \"{}\"",
                    right_phrase(right),
                    right.article(),
                    quote(&value[r])
                ),
            )
            .label("the notice states the right")
            .help("remove the denial; if a law restricts the right, move it to `restriction` with its `law`; if the right does not apply, correct the purposes' `legal_basis`");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn denials_in_many_wordings() {
        for (s, r) in [
            ("Tietoja ei voi poistaa.", Right::Erasure),
            ("Rekisteristä ei poisteta tietoja.", Right::Erasure),
            ("Oikeutta tietojen poistamiseen ei ole.", Right::Erasure),
            ("Tietoja ei luovuteta siirrettäväksi.", Right::Portability),
            (
                "Rekisteröidyllä ei ole oikeutta siirtää tietoja järjestelmästä toiseen.",
                Right::Portability,
            ),
            ("Käsittelyä ei voi vastustaa.", Right::Objection),
            ("Suostumusta ei voi peruuttaa.", Right::WithdrawConsent),
            ("Emme poista tietoja.", Right::Erasure),
            (
                "Tietojen siirtäminen ei ole mahdollista.",
                Right::Portability,
            ),
        ] {
            assert_eq!(denials(s, r).len(), 1, "{s}");
        }
    }

    #[test]
    fn exceptions_laws_and_other_clauses_pass() {
        for (s, r) in [
            (
                "Tietoja ei poisteta, jos niitä tarvitaan oikeusvaateen laatimiseen.",
                Right::Erasure,
            ),
            (
                "Tietosuojalain (1050/2018) 31 §:n nojalla tietoja ei poisteta.",
                Right::Erasure,
            ),
            (
                "Emme voi poistaa tietoja, joita kirjanpitolaki velvoittaa meitä säilyttämään.",
                Right::Erasure,
            ),
            ("Tietoja ei poisteta automaattisesti.", Right::Erasure),
            ("Tarkastuksesta ei peritä maksua.", Right::Access),
            (
                "Voit perua suostumuksesi milloin tahansa; peruminen ei vaikuta aiempaan käsittelyyn.",
                Right::WithdrawConsent,
            ),
            ("Tietojen poistaminen ei vaikuta laskuihin.", Right::Erasure),
            ("Voit pyytää tietojesi poistamista.", Right::Erasure),
            (
                "Emme luovuta tietoja markkinointiin. Voit pyytää tietojesi poistamista.",
                Right::Erasure,
            ),
        ] {
            assert!(denials(s, r).is_empty(), "{s}");
        }
    }
}
