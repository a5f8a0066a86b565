//! `chapter-reference-case`: "kirjanpitolain 2 luku 10 §", a chapter in the nominative after
//! an act in the genitive.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::text::Phrase;
use crate::lint::{Findings, Rule, TextContext, TextHook};

/// The rule.
pub static RULE: Rule = Rule {
    name: "chapter-reference-case",
    articles: &[
        "Art 12(1)",
        "Lainkirjoittajan opas (viittaukset säädöksiin)",
    ],
    severity: Severity::Warning,
    section: Section::Located,
    summary: "a chapter of an act in the genitive is written in the nominative (\"kirjanpitolain 2 luku 10 §\")",
    explanation: r#"## What it checks
Every text for a reference to a section of an act whose chapter does not agree with the act:
after an act in the genitive (*kirjanpitolain*, *tietoyhteiskuntakaaren*, *asetuksen*,
*annetun lain (159/2007)*) the chapter is in the genitive too — "kirjanpitolain 2 luvun
10 §", not "kirjanpitolain 2 luku 10 §". A reference that starts from the act's name in the
nominative ("Kirjanpitolaki (1336/1997) 2 luku 10 §", as a `law:` field is usually written)
is left alone: there the chapter is rightly in the nominative.

## Why
The notice is read by people who are not lawyers, and it must be intelligible (Art 12(1)); a
reference that reads as a slip makes the whole notice look careless to the one reader who
checks the law, the data-protection officer who signs it.

## Example
```yaml
# Slip:
    criteria: Kirjanpitolain 2 luku 10 § edellyttää tositteiden säilyttämistä kuusi vuotta.
# Agrees:
    criteria: Kirjanpitolain 2 luvun 10 § edellyttää tositteiden säilyttämistä kuusi vuotta.
```
"#,
    project: None,
    register: None,
    text: Some(TextHook::Each {
        words: &[WORDS],
        check,
    }),
};

/// The gate: only a text with "luku" in it can hold the slip.
static WORDS: &[Phrase] = &[Phrase {
    pattern: "luku",
    note: "",
}];

/// The byte ranges of "N luku" (with its letter, "2 a luku") in `text` that follow an act in
/// the genitive and precede a section ("10 §", "10 a §").
fn slips(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices("luku") {
        let after = &text[i + "luku".len()..];
        // A whole word, followed by a section number and "§".
        if after.starts_with(|c: char| c.is_alphanumeric()) || !section_follows(after) {
            continue;
        }
        let before = &text[..i];
        if before.ends_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        // The chapter's number, with an optional letter: "2 ", "2 a ".
        let mut rest = before.trim_end();
        let mut start = rest.len();
        if let Some(letter) = rest.strip_suffix(|c: char| c.is_ascii_lowercase())
            && letter.ends_with(' ')
        {
            rest = letter.trim_end();
            start = rest.len();
        }
        let digits = rest.len() - rest.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 {
            continue;
        }
        start -= digits;
        rest = rest[..rest.len() - digits].trim_end();
        // The act's number in brackets may stand between: "kirjanpitolain (1336/1997) 2 luku".
        if rest.ends_with(')')
            && let Some(open) = rest.rfind('(')
        {
            rest = rest[..open].trim_end();
        }
        // The word before: an act in the genitive ends in "n" (kirjanpitolain, asetuksen,
        // tietoyhteiskuntakaaren).
        let word: String = rest
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic() || *c == '-')
            .collect();
        if word.starts_with('n') && is_act(&word.chars().rev().collect::<String>()) {
            out.push(start..i + "luku".len());
        }
    }
    out
}

/// Whether a word in the genitive names an act: a law, a decree or a code.
fn is_act(word: &str) -> bool {
    let w = crate::lint::text::fold_case(word);
    ["lain", "asetuksen", "kaaren", "säädöksen", "direktiivin"]
        .iter()
        .any(|end| w.ends_with(end))
}

/// Whether `after` (the text after "luku") starts with a section: " 10 §", " 10 a §".
fn section_follows(after: &str) -> bool {
    let rest = after.trim_start();
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return false;
    }
    let rest = rest[digits..].trim_start();
    let rest = match rest.strip_prefix(|c: char| c.is_ascii_lowercase()) {
        Some(r) if r.starts_with([' ', '\u{a0}']) => r.trim_start(),
        _ => rest,
    };
    rest.starts_with('§')
}

fn check(cx: &TextContext<'_>, out: &mut Findings) {
    for range in slips(cx.value()) {
        let found = crate::lint::text::quote(&cx.value()[range.clone()]);
        let fixed = format!("{}luvun", found.trim_end_matches("luku"));
        cx.at(
            out,
            range,
            format!("“{found}” after an act in the genitive: write “{fixed}”"),
        )
        .label("chapter in the nominative")
        .help("after an act in the genitive (kirjanpitolain, asetuksen) the chapter is in the genitive too: “kirjanpitolain 2 luvun 10 §”");
    }
}

#[cfg(test)]
mod tests {
    use super::slips;

    fn found(t: &str) -> Vec<&str> {
        slips(t).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn a_chapter_after_an_act_in_the_genitive_agrees_with_it() {
        assert_eq!(found("Kirjanpitolain 2 luku 10 § edellyttää"), ["2 luku"]);
        assert_eq!(found("kirjanpitolain (1336/1997) 2 luku 10 §"), ["2 luku"]);
        assert_eq!(
            found("tietoyhteiskuntakaaren 24 luku 205 §:n mukaan"),
            ["24 luku"]
        );
        assert_eq!(found("annetun lain 2 a luku 7 a §"), ["2 a luku"]);
        // Right as they are: the act in the nominative, the chapter in the genitive, no section.
        for t in [
            "Kirjanpitolaki (1336/1997) 2 luku 10 §",
            "Kirjanpitolain 2 luvun 10 §",
            "Laki potilaan asemasta ja oikeuksista (785/1992) 2 luku 12 §",
            "kirjanpitolain 2 luku käsittelee tositteita",
            "Kuukauden luku 10 § mukaan",
        ] {
            assert!(found(t).is_empty(), "{t}: {:?}", found(t));
        }
    }
}
