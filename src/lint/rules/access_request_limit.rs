//! `access-request-limit`: access requests limited to once or a few times a year.

use std::sync::LazyLock;

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::text::{Phrase, PhraseSet, TextValue, fold_case, locate, quote};
use crate::lint::{Findings, ProjectContext, RegisterContext, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    name: "access-request-limit",
    articles: &["Art 12(5)", "Art 15(3)"],
    severity: Severity::Error,
    section: Section::Rights,
    summary: "the text limits access requests to once (or a few times) a year",
    explanation: r#"## What it checks
Every text for a yearly limit such as *maksutta kerran vuodessa* or *korkeintaan 4 kertaa
vuodessa* in a sentence that speaks of access requests (*tarkastuspyyntö*, *tarkastaa*,
*pyyntö*, *pääsy tietoihin*, *jäljennös*, *maksutta* …).

## Why
Under the repealed Personal Data Act an access request was free once a year. Under the GDPR
the first copy is free and there is no yearly cap (Art 15(3)); only manifestly unfounded or
excessive requests, in particular repetitive ones, may be charged for or refused, and the
controller must show that they are (Art 12(5)). A fixed yearly limit misstates the right.

## Example
```yaml
# Outdated:
  note: Tarkastuspyynnön voi tehdä maksutta kerran vuodessa.
# Current:
  note: Saat jäljennöksen tiedoistasi maksutta.
```
"#,
    project: Some(check_project),
    register: Some(check_register),
};

pub(crate) static LIMITS: &[Phrase] = &[
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
];

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

/// The sentence of `text` around `range`: from the end of the previous sentence to the end
/// of this one. A sentence ends at `.`, `!` or `?` followed by white space, or at a blank line.
fn sentence(text: &str, range: std::ops::Range<usize>) -> &str {
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
    &text[start..end]
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

fn scan(out: &mut Findings, source: &str, texts: &[TextValue<'_>]) {
    for t @ TextValue { value, pos, .. } in texts {
        for m in SET.find_in(t) {
            let around = fold_case(sentence(value, m.range.clone()));
            if !CONTEXT.iter().any(|w| around.contains(w)) {
                continue;
            }
            let range = with_count(value, m.range.clone());
            let at = locate(source, *pos, value, range.clone());
            out.at(at, format!("access requests limited to “{}”", quote(&value[range])))
                .label("no yearly limit under the GDPR")
                .help("the first copy is free and there is no yearly cap (Art 15(3)); only manifestly unfounded or excessive requests may be refused or charged (Art 12(5))");
        }
    }
}

fn check_project(cx: &ProjectContext<'_>, out: &mut Findings) {
    scan(out, cx.source, cx.texts);
}

fn check_register(cx: &RegisterContext<'_>, out: &mut Findings) {
    scan(out, cx.source, cx.texts);
}

#[cfg(test)]
mod tests {
    use super::{SET, sentence, with_count};

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
