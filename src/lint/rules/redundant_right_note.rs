//! `redundant-right-note`: a note on a right that only says again what the notice says.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::text::{clauses_with_words, fold_case, negated};
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::{Right, RightNote, Rights, Spanned, nonblank};

/// The rule.
pub static RULE: Rule = Rule {
    name: "redundant-right-note",
    articles: &["Art 12(1)", "Art 13(2)(b)"],
    severity: Severity::Warning,
    section: Section::Rights,
    summary: "a note on a right only restates the right that the notice already states",
    explanation: r#"## What it checks
The `note` of each right under `rights` (`access`, `erasure`, `objection` …) of a right that
applies to the register. A note every sentence of which only states the right again — *on
oikeus* or *voi pyytää* with the right's own words (*tarkastaa*, *pääsy*, *oikaista*,
*korjata*, *poistaa*, *rajoittaa*, *siirtää*, *vastustaa*, *kieltää*, *peruuttaa*,
*valitus* …), and nothing else — is reported. A note that adds something passes: how to make
the request (a form, an address, in writing, in person), a restriction with its law, an
exception, anything said in a sentence of its own.

## Why
seloste states every right that applies, in current wording and addressed to the reader
(*sinulla on oikeus …*), from the register's legal bases. A note that says it again makes the
reader read the right twice, often in the older, narrower wording of a notice made before the
GDPR (*rekisteröidyllä on oikeus tarkastaa*), which speaks of the reader in the third person
and may seem to take back part of the right: "concise, transparent … in clear and plain
language" (Art 12(1)). Remove the note, or make it say what the notice does not.

## Example
```yaml
rights:
  access:
    # Restates the right:
    note: Rekisteröidyllä on oikeus tarkastaa itseään koskevat tiedot.
  rectification:
    # Adds how to make the request:
    note: Voit tehdä oikaisupyynnön kirjallisesti toimipisteeseemme.
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

/// The words (lower case, `*` for any ending) that name each right in Finnish notices.
pub(crate) fn right_words(right: Right) -> &'static [&'static str] {
    match right {
        Right::Access => &[
            "tarkast*",
            "tarkist*",
            "pääsy*",
            "pääsyoikeu*",
            "jäljennö*",
            "kopio*",
            "vahvistu*",
        ],
        Right::Rectification => &["oikai*", "korja*", "täydentä*"],
        Right::Erasure => &["poist*", "unohdetu*"],
        Right::Restriction => &["rajoit*"],
        Right::Notification => &["ilmoit*"],
        Right::Portability => &["siirt*", "siirr*", "siirro*"],
        Right::Objection => &["vastust*", "kieltä*", "kielto*", "kiello*", "kiell*"],
        Right::AutomatedDecisions => &["automaat*", "profiloin*"],
        Right::WithdrawConsent => &["peruut*", "perua", "perun", "peruu*", "perum*", "perut*"],
        Right::Complaint => &["valitu*", "valitta*", "kantelu*", "kantelun"],
    }
}

/// Every note of `rights` with its right, in the order of the model.
pub(crate) fn notes(rights: &Rights) -> [(&Option<Spanned<RightNote>>, Right); 10] {
    [
        (&rights.access, Right::Access),
        (&rights.rectification, Right::Rectification),
        (&rights.erasure, Right::Erasure),
        (&rights.restriction, Right::Restriction),
        (&rights.notification, Right::Notification),
        (&rights.portability, Right::Portability),
        (&rights.objection, Right::Objection),
        (&rights.automated_decisions, Right::AutomatedDecisions),
        (&rights.withdraw_consent, Right::WithdrawConsent),
        (&rights.complaint, Right::Complaint),
    ]
}

/// The sentences of `text`: its parts between `.`, `!`, `?`, `;` and blank lines.
pub(crate) fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split(['.', '!', '?', ';'])
        .flat_map(|s| s.split("\n\n"))
        .filter(|s| s.chars().any(char::is_alphanumeric))
}

/// Whether a word states a right: *oikeus*, *oikeutta*, *tarkastusoikeus* … (not
/// *oikeutettu*, *oikeusperuste*), or asking for it: *pyytää*, *vaatia*.
fn states_a_right(word: &str) -> bool {
    (word.contains("oikeu") && !word.contains("oikeutet") && !word.contains("oikeusperust"))
        || word.starts_with("pyytä")
        || word.starts_with("pyyde")
        || word.starts_with("vaati")
        || word.starts_with("vaadi")
}

/// Words that tell how, where or under which law: a sentence holding one says something the
/// notice does not.
const ADDS: &[&str] = &[
    "lomak*",
    "lähettämällä",
    "lähettää",
    "osoitte*",
    "sähköpost*",
    "puhel*",
    "kirjallise*",
    "käymällä",
    "käynni*",
    "henkilökohtaise*",
    "allekirjoit*",
    "varmenn*",
    "maksu*",
    "maksutta",
    "maksuton*",
    "verkkopalvelu*",
    "asiointi*",
    "omakanta*",
    "tunnistau*",
    "toimipaik*",
    "toimipis*",
    "asiakaspalvelu*",
];

/// Whether `word` is one of `forms` (a form ending in `*` is a stem).
pub(crate) fn word_is(word: &str, forms: &[&str]) -> bool {
    forms.iter().any(|f| match f.strip_suffix('*') {
        Some(stem) => word.starts_with(stem),
        None => word == *f,
    })
}

/// Whether `sentence` only states `right` again: it names the right with its words and as a
/// right, denies nothing, and holds no address, law or way of making the request.
fn restates(sentence: &str, right: Right) -> bool {
    if sentence.contains(['@', '§']) || sentence.contains("http") || sentence.contains("www.") {
        return false;
    }
    let folded = fold_case(sentence);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.iter().any(|w| word_is(w, ADDS)) || !words.iter().any(|w| states_a_right(w)) {
        return false;
    }
    let found = clauses_with_words(sentence, &[right_words(right)], &[]);
    !found.is_empty()
        && !found.iter().any(|r| {
            let end = sentence[r.end..]
                .find([',', '.', ';', '!', '?'])
                .map_or(sentence.len(), |i| r.end + i);
            negated(sentence, end..end)
        })
}

/// Whether `text` speaks of the reader in the third person, as notices written before the
/// GDPR did.
fn third_person(text: &str) -> bool {
    fold_case(text)
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| {
            word_is(
                w,
                &["rekisteröi*", "asiak*", "potila*", "jäsen*", "henkilö"],
            )
        })
}

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    let Some(rights) = &cx.register.rights else {
        return;
    };
    for (note, right) in notes(rights) {
        let Some(note) = note else { continue };
        let Some(text) = nonblank(&note.note) else {
            continue;
        };
        // A right the notice does not state is `note-for-inapplicable-right`'s.
        let stated = cx
            .applies
            .rights
            .iter()
            .any(|d| d.right == right && d.applies());
        // Most notes hold no word that states a right: one fold tells, before any sentence is
        // read.
        let folded = fold_case(text.value.as_str());
        let may_state = ["oikeu", "pyytä", "pyyde", "vaati", "vaadi"]
            .iter()
            .any(|w| folded.contains(w));
        if !stated || !may_state || !sentences(text.value.as_str()).all(|s| restates(s, right)) {
            continue;
        }
        let label = if third_person(text.value.as_str()) {
            "says it again, and of the reader in the third person"
        } else {
            "says it again"
        };
        out.at(
            text.pos,
            format!(
                "the note on `{}` only restates {} ({}), which the notice already states",
                right.name(),
                super::contradicting_right_note::right_phrase(right),
                right.article()
            ),
        )
        .label(label)
        .help("remove the note, or make it say what the notice does not: how to make the request, an exception, a restriction with its law");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restatements_in_many_wordings() {
        for (s, r) in [
            (
                "Rekisteröidyllä on oikeus tarkastaa itseään koskevat tiedot",
                Right::Access,
            ),
            ("Sinulla on oikeus saada pääsy tietoihisi", Right::Access),
            (
                "Asiakkaalla on oikeus vaatia virheellisen tiedon oikaisua",
                Right::Rectification,
            ),
            (
                "Asiakas voi pyytää virheellisen tiedon korjaamista",
                Right::Rectification,
            ),
            (
                "Rekisteröidyllä on myös oikeus pyytää henkilötietojensa poistoa rekisteristä edellyttäen, että niitä ei enää tarvita",
                Right::Erasure,
            ),
            (
                "Rekisteröidyllä on milloin tahansa oikeus tehdä valitus valvontaviranomaiselle",
                Right::Complaint,
            ),
        ] {
            assert!(restates(s, r), "{s}");
        }
    }

    #[test]
    fn what_adds_or_denies_is_not_a_restatement() {
        for (s, r) in [
            (
                "Voit tehdä oikaisupyynnön kirjallisesti toimipisteeseemme",
                Right::Rectification,
            ),
            (
                "Voit pyytää tietojen poistamista sähköpostilla osoitteesta tietosuoja@esimerkki.fi",
                Right::Erasure,
            ),
            ("Oikeutta tietojen poistamiseen ei ole", Right::Erasure),
            ("Tarkastuspyynnön voi tehdä lomakkeella", Right::Access),
            // The right of another article is not this one restated.
            ("Sinulla on oikeus saada pääsy tietoihisi", Right::Erasure),
        ] {
            assert!(!restates(s, r), "{s}");
        }
    }
}
