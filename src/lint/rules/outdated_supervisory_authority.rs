//! `outdated-supervisory-authority`: old contact details of the Data Protection Ombudsman.

use std::sync::LazyLock;

use crate::applicability::Section;
use crate::data;
use crate::diagnostic::Severity;
use crate::lint::text::{Phrase, PhraseSet, TextValue, fold_case, quote};
use crate::lint::{Findings, Rule, TextContext, TextHook};

/// The rule.
pub static RULE: Rule = Rule {
    name: "outdated-supervisory-authority",
    articles: &["Art 13(2)(d)", "Art 14(2)(e)", "Art 77"],
    severity: Severity::Error,
    section: Section::Complaint,
    summary: "the text gives outdated details of the Data Protection Ombudsman",
    explanation: r#"## What it checks
Every text, including a `supervisory_authority` override in `seloste.yaml`, for details of
the Office of the Data Protection Ombudsman (*Tietosuojavaltuutetun toimisto*) that are no
longer valid:

| Outdated | Current |
|---|---|
| Ratapihantie 9, 00520/00521 Helsinki | visiting address Lintulahdenkuja 4, 00530 Helsinki |
| PL 800, 00520 or 00521 Helsinki | postal address PL 800, 00531 Helsinki |
| Albertinkatu 25 A, PL 315, 00181 Helsinki | (the same) |
| phone 029 56 16670 | switchboard 029 566 6700 |
| "Tietosuojavirasto" | Tietosuojavaltuutetun toimisto |

The old postal codes count only shortly after a detail of the Office in the same sentence
(its name, PL 800, Ratapihantie …): other organisations in Pasila use them too.

## Why
The right to lodge a complaint with a supervisory authority must be stated (Art 13(2)(d),
14(2)(e)); a complaint sent to an old address or number may not arrive. seloste's notices
carry the current details built in, so the simplest fix is usually to delete the details
from the text and let the notice state them.

## Example
```yaml
# Outdated:
  note: Valitus Tietosuojavirastolle, Ratapihantie 9, PL 800, 00521 Helsinki.
```
"#,
    project: None,
    register: None,
    // A text holding none of the old names, none of the Office's cues and no "029" cannot
    // hold an outdated detail.
    text: Some(TextHook::Each {
        words: &[OUTDATED, OFFICE_CUES, PHONE_START],
        check,
    }),
};

static OUTDATED: &[Phrase] = &[
    Phrase {
        pattern: "ratapihantie 9",
        note: "visiting",
    },
    Phrase {
        pattern: "albertinkatu 25",
        note: "visiting",
    },
    Phrase {
        pattern: "tietosuojaviras*",
        note: "name",
    },
];

static SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(OUTDATED));

/// Postal codes the Office used before; only outdated right after an Office detail, since
/// many other organisations in Pasila and Kamppi use them too.
const OLD_POSTCODES: &[&str] = &["00520", "00521", "00181"];
const OLD_PHONE_DIGITS: &str = "0295616670";

/// What shows that a postal code belongs to the Office's address: its name, its post-office
/// boxes or its old streets, in the same sentence and shortly before the code.
static OFFICE_CUES: &[Phrase] = &[
    Phrase {
        pattern: "tietosuojavaltuut",
        note: "",
    },
    Phrase {
        pattern: "tietosuojaviras",
        note: "",
    },
    Phrase {
        pattern: "dataombudsman",
        note: "",
    },
    Phrase {
        pattern: "data protection ombudsman",
        note: "",
    },
    Phrase {
        pattern: "pl 800",
        note: "",
    },
    Phrase {
        pattern: "pb 800",
        note: "",
    },
    Phrase {
        pattern: "pl 315",
        note: "",
    },
    Phrase {
        pattern: "pb 315",
        note: "",
    },
    Phrase {
        pattern: "ratapihantie",
        note: "",
    },
    Phrase {
        pattern: "albertinkatu",
        note: "",
    },
];

/// The old phone number starts with these digits however it is spaced ("029 56 16670",
/// "0295 616 670"): with [`OUTDATED`] and [`OFFICE_CUES`], the words that gate the text hook.
static PHONE_START: &[Phrase] = &[
    Phrase {
        pattern: "029",
        note: "",
    },
    Phrase {
        pattern: "0 29",
        note: "",
    },
    Phrase {
        pattern: "(0)29",
        note: "",
    },
];

/// How far before a postal code to look for an Office cue, in bytes.
const CUE_WINDOW: usize = 100;

/// Whether the postal code at `at` in `text` follows an Office detail in the same sentence.
fn after_office_detail(text: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(CUE_WINDOW);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..at];
    // Only the sentence the code is in: "…, 00520 Helsinki. Valitus tietosuojavaltuutetulle"
    // does not make the controller's own address the Office's.
    let sentence = before
        .rfind(". ")
        .or_else(|| before.rfind(".\n"))
        .map_or(before, |i| &before[i + 2..]);
    let folded = fold_case(sentence);
    OFFICE_CUES.iter().any(|c| folded.contains(c.pattern))
}

fn help(kind: &str) -> String {
    let a = data::authority();
    match kind {
        "visiting" => format!(
            "the visiting address is {}; the postal address {}",
            a.visiting_address, a.postal_address
        ),
        "postal" => format!("the postal address is {}", a.postal_address),
        "phone" => format!("the switchboard is {}", a.phone),
        _ => format!("the authority is {} ({})", a.name, a.name_en),
    }
}

/// The outdated details of the Office in one text: (byte range, kind of detail).
fn outdated(text: &TextValue<'_>) -> Vec<(std::ops::Range<usize>, &'static str)> {
    let value = text.value;
    let mut found: Vec<(std::ops::Range<usize>, &'static str)> = SET
        .find_in(text)
        .into_iter()
        .map(|m| (m.range, m.phrase.note))
        .collect();
    // Postal codes and phone numbers are digits; most texts have none.
    if !value.bytes().any(|b| b.is_ascii_digit()) {
        return found;
    }
    for code in OLD_POSTCODES {
        for (i, _) in value.match_indices(code) {
            if after_office_detail(value, i) {
                found.push((i..i + code.len(), "postal"));
            }
        }
    }
    // The old phone line, however it is spaced.
    let digits: Vec<(usize, char)> = value
        .char_indices()
        .filter(|(_, c)| c.is_ascii_digit())
        .collect();
    let joined: String = digits.iter().map(|(_, c)| *c).collect();
    for (i, _) in joined.match_indices(OLD_PHONE_DIGITS) {
        let start = digits[i].0;
        let end = digits[i + OLD_PHONE_DIGITS.len() - 1].0 + 1;
        found.push((start..end, "phone"));
    }
    found.sort_by_key(|(r, _)| r.start);
    found
}

/// One finding per text, at its first outdated detail and naming them all: a sentence with
/// the old name, street and postal code is one outdated sentence, not three findings.
fn check(cx: &TextContext<'_>, out: &mut Findings) {
    let value = cx.value();
    let found = outdated(cx.text);
    let Some((first, _)) = found.first() else {
        return;
    };
    let at = cx.locate(first.clone());
    let quoted: Vec<String> = found
        .iter()
        .map(|(r, _)| format!("“{}”", quote(&value[r.clone()])))
        .collect();
    let message = if found.len() == 1 {
        format!(
            "outdated detail of the Data Protection Ombudsman: {}",
            quoted[0]
        )
    } else {
        format!(
            "outdated details of the Data Protection Ombudsman: {}",
            quoted.join(", ")
        )
    };
    let has = |kind: &str| found.iter().any(|(_, k)| *k == kind);
    let finding = out.at(at, message);
    // In reading order of the current details; the visiting-address help names the postal
    // address too.
    for kind in ["name", "visiting", "postal", "phone"] {
        if has(kind) && !(kind == "postal" && has("visiting")) {
            finding.help(help(kind));
        }
    }
    finding.help("the rendered notice adds the current details itself: the simplest fix is to remove them from the text");
}

#[cfg(test)]
mod tests {
    use super::after_office_detail;

    #[test]
    fn old_postal_codes_count_only_after_an_office_detail() {
        let old = "Tietosuojavaltuutetun toimisto, PL 800, 00521 Helsinki";
        assert!(after_office_detail(old, old.find("00521").unwrap()));
        let own = "Lähetä pyyntö osoitteeseen tietosuoja@esimerkki.fi tai Esimerkki Oy, Ratamestarinkatu 7, 00520 Helsinki.";
        assert!(!after_office_detail(own, own.find("00520").unwrap()));
        let next = "Tietosuojavaltuutettu valvoo käsittelyä. Esimerkki Oy, PL 5, 00520 Helsinki.";
        assert!(!after_office_detail(next, next.find("00520").unwrap()));
    }
}
