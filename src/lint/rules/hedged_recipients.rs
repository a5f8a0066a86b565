//! `hedged-recipients`: "tietoja ei luovuteta säännönmukaisesti" instead of the recipients.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use std::sync::LazyLock;

use crate::lint::text::{Phrase, clauses_with_words, quote};
use crate::lint::{Findings, RegisterContext, Rule, TextContext, TextHook};
use crate::model::RecipientItems;

/// The rule.
pub static RULE: Rule = Rule {
    name: "hedged-recipients",
    articles: &[
        "Art 13(1)(e)",
        "Art 14(1)(e)",
        "Art 13(1)(f)",
        "Art 14(1)(f)",
    ],
    severity: Severity::Error,
    section: Section::Located,
    summary: "the notice says data are \"not disclosed regularly\" instead of naming the recipients",
    explanation: r#"## What it checks
That `recipients` is not `not_regularly` ("Tietoja ei luovuteta säännönmukaisesti"), in the
short form or as `items:` of the mapping form, and that no text of the register says it in
words, in any word order: "ei luovuteta säännönmukaisesti", "säännönmukaisia luovutuksia ei
ole", "tietoja ei pääsääntöisesti luovuteta", "ei luovuteta ulkopuolisille
säännönmukaisesti" — a negation, a form of *luovuttaa* and *säännönmukaisesti*,
*säännöllisesti*, *pääsääntöisesti* or *lähtökohtaisesti* in one clause. The same hedge about
transfers ("tietoja ei siirretä säännönmukaisesti EU:n ulkopuolelle") is reported against
13(1)(f). Statements that name recipients are not hedges: "Säännönmukaiset luovutukset:
Kela", "tietoja luovutetaan säännönmukaisesti Verohallinnolle".

## Why
"Säännönmukaiset luovutukset" was an item of the register description under the Personal
Data Act (523/1999), repealed by the Data Protection Act (1050/2018). Art 13(1)(e) and
14(1)(e) ask for "the recipients or categories of recipients of the personal data, if any":
occasional recipients are recipients too. "Not regularly" says that someone does receive the
data, without saying who. Name them — e.g. the authorities that receive data on request and
the law that entitles them — or, if no one does, say `none`.

## Example
```yaml
# Hedged:
recipients: not_regularly
# Says who:
recipients:
  - name: Poliisi ja muut viranomaiset pyynnöstä
    role: authority
    purpose: Rikosten selvittäminen
    law: Poliisilaki (872/2011) 4 luku 3 §
```
"#,
    project: None,
    register: Some(check_items),
    text: Some(TextHook::Each {
        words: &[HEDGES],
        check: check_text,
    }),
};

/// A negation: the hedge says what is *not* done regularly.
const NEGATION: &[&str] = &["ei", "emme"];
/// Disclosing (luovuttaa, luovutus) — and transferring (siirtää, siirto), the same hedge for
/// the transfers of 13(1)(f).
const DISCLOSE: &[&str] = &["luovut*", "luovuta*"];
const TRANSFER: &[&str] = &["siirr*", "siirt*"];

/// The hedge — regularly, as a rule, in principle — the words that gate the text hook: the
/// engine's one pass over every text tells which texts hold a hedge word at all; only those
/// are split into clauses, looking for the same words ([`HEDGE`]).
static HEDGES: &[Phrase] = &[
    Phrase {
        pattern: "säännönmukai*",
        note: "",
    },
    Phrase {
        pattern: "säännöllis*",
        note: "",
    },
    Phrase {
        pattern: "pääsääntöisesti",
        note: "",
    },
    Phrase {
        pattern: "lähtökohtaisesti",
        note: "",
    },
];

/// The words of [`HEDGES`], for [`clauses_with_words`].
static HEDGE: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| HEDGES.iter().map(|p| p.pattern).collect());

/// An exception that names what it excepts is no hedge: "ei luovuteta muille kuin
/// säännönmukaisesti Kelalle", "… paitsi …", "… lukuun ottamatta …".
const EXCEPT: &[&str] = &["kuin", "paitsi", "lukuun"];

const HELP: &str = "name the occasional recipients too, e.g. authorities that receive data on request, with the law (`role: authority`, `law:`); or write `none` if no one receives the data";
const TRANSFER_HELP: &str = "name the transfers outside the EU/EEA that do happen, with the country and the safeguard (`transfers:`), or write `transfers: none` if there are none";

fn check_items(cx: &RegisterContext<'_>, out: &mut Findings) {
    if let Some(r) = &cx.register.recipients
        && let Some(i) = r.value.items(r.pos)
        && matches!(i.value, RecipientItems::NotRegularly)
    {
        out.at(
            i.pos,
            "“not disclosed regularly” does not say who receives the data",
        )
        .label("names no recipient")
        .help(HELP);
    }
}

/// The hedge in words, in any text of a register (a note, the description, a recipient's
/// purpose, an extra section), in any word order. Only negated forms: "säännönmukaiset
/// luovutukset: Kela" and "tietoja luovutetaan säännönmukaisesti Verohallinnolle" name
/// recipients and are no hedge. The engine calls this only on texts holding a hedge word.
fn check_text(cx: &TextContext<'_>, out: &mut Findings) {
    if cx.register().is_none() {
        return;
    }
    let value = cx.value();
    for (verb, transfer) in [(DISCLOSE, false), (TRANSFER, true)] {
        for range in clauses_with_words(value, &[NEGATION, verb, &HEDGE], EXCEPT) {
            let words = quote(&value[range.clone()]);
            if transfer {
                cx.at(
                    out,
                    range,
                    format!("“{words}” (not transferred regularly) does not say whether data are transferred outside the EU/EEA"),
                )
                .label("names no transfer")
                .help(TRANSFER_HELP);
            } else {
                cx.at(
                    out,
                    range,
                    format!(
                        "“{words}” (not disclosed regularly) does not say who receives the data"
                    ),
                )
                .label("names no recipient")
                .help(HELP);
            }
        }
    }
}
