//! `hedged-recipients`: "tietoja ei luovuteta säännönmukaisesti" instead of the recipients.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use std::sync::LazyLock;

use crate::lint::text::{Phrase, PhraseSet, clauses_with_words, locate, quote};
use crate::lint::{Findings, RegisterContext, Rule};
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
    register: Some(check),
};

/// A negation: the hedge says what is *not* done regularly.
const NEGATION: &[&str] = &["ei", "emme"];
/// Disclosing (luovuttaa, luovutus) — and transferring (siirtää, siirto), the same hedge for
/// the transfers of 13(1)(f).
const DISCLOSE: &[&str] = &["luovut*", "luovuta*"];
const TRANSFER: &[&str] = &["siirr*", "siirt*"];

/// The hedge — regularly, as a rule, in principle — as a gated table of the engine: the one
/// pass over every text that the lint makes anyway tells which texts hold a hedge word at all;
/// only those are split into clauses, looking for the same words ([`HEDGE`]).
pub(crate) static HEDGES: &[Phrase] = &[
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

static HEDGE_SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(HEDGES));

/// The words of [`HEDGES`], for [`clauses_with_words`].
static HEDGE: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| HEDGES.iter().map(|p| p.pattern).collect());

/// An exception that names what it excepts is no hedge: "ei luovuteta muille kuin
/// säännönmukaisesti Kelalle", "… paitsi …", "… lukuun ottamatta …".
const EXCEPT: &[&str] = &["kuin", "paitsi", "lukuun"];

const HELP: &str = "name the occasional recipients too, e.g. authorities that receive data on request, with the law (`role: authority`, `law:`); or write `none` if no one receives the data";
const TRANSFER_HELP: &str = "name the transfers outside the EU/EEA that do happen, with the country and the safeguard (`transfers:`), or write `transfers: none` if there are none";

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
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
    // The hedge in words, in any text of the register (a note, the description, a recipient's
    // purpose, an extra section), in any word order. Only negated forms: "säännönmukaiset
    // luovutukset: Kela" and "tietoja luovutetaan säännönmukaisesti Verohallinnolle" name
    // recipients and are no hedge.
    for t in cx.texts {
        // Most texts hold no hedge word at all, which the engine's gate already knows.
        if HEDGE_SET.find_in(t).is_empty() {
            continue;
        }
        for (verb, transfer) in [(DISCLOSE, false), (TRANSFER, true)] {
            for range in clauses_with_words(t.value, &[NEGATION, verb, &HEDGE], EXCEPT) {
                let pos = locate(cx.source, t.pos, t.value, range.clone());
                let words = quote(&t.value[range]);
                if transfer {
                    out.at(
                        pos,
                        format!("“{words}” (not transferred regularly) does not say whether data are transferred outside the EU/EEA"),
                    )
                    .label("names no transfer")
                    .help(TRANSFER_HELP);
                } else {
                    out.at(
                        pos,
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
}
