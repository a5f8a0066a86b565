//! `vague-recipient`: a recipient named only as "third parties", "authorities" or the like.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::language::{self, Lexeme, any_form};
use crate::lint::text::{fold_case, quote};
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::{Recipient, RecipientRole, nonblank};

/// The rule.
pub static RULE: Rule = Rule {
    name: "vague-recipient",
    articles: &["Art 13(1)(e)", "Art 14(1)(e)", "WP260 rev.01"],
    severity: Severity::Warning,
    section: Section::Recipients,
    summary: "a recipient is named only by a generic word such as \"kolmannet osapuolet\" or \"viranomaiset\"",
    explanation: r#"## What it checks
That no recipient's `name` is only a generic word — *kolmas osapuoli*, *viranomaiset*,
*yhteistyökumppanit*, *palveluntarjoajat*, *alihankkijat*, *sidosryhmät*, *tahot*, *yritykset*,
*konserniyhtiöt*, *muut*, in any case, number or possessive (*yhteistyökumppanimme*), or in
English *third parties*, *partners*, *authorities*, *service providers* — with at most
qualifiers that still say no one: *luotetut*, *huolellisesti valitut*, *valikoidut*,
*ulkopuoliset*, *tietyt*, *konserniin kuuluvat*, *rekisterinpitäjän käyttämät*. What follows
*esim.*, *esimerkiksi*, *kuten* or *mm.* only gives examples and does not make the category
specific: "Palveluntarjoajat (esim. IT-palvelut)" is vague. A name that brings others along
unnamed — *tietojärjestelmätoimittaja alihankkijoineen*, *… kumppaneineen* — is vague too.

A group named by its parent ("Esimerkki-konsernin yhtiöt", "Oy Esimerkki Ab:n kanssa samaan
konserniin kuuluvat yhtiöt") passes: the named group is a set of companies anyone can look up.
Unnamed "konserniyhtiöt" does not say which group.

Authorities that receive data only in a particular inquiry are not recipients (Art 4(9)):
an authority entry (`role: authority`, or a name such as *viranomaiset*) whose name, purpose
or law says the data go only on request or in a single case (*pyynnöstä*, *pyydettäessä*,
*erillisen pyynnön perusteella*, *yksittäistapauksessa*), in a pre-trial investigation
(*esitutkinta*, *tutkinta*), or to solve a suspected crime (*rikosepäily*, *selvittämiseksi*)
is not reported: the notice need not list it, and listing it does no harm. Authorities that
receive data regularly (*säännönmukaisesti*, *vuosittain*, *vuosi-ilmoitukset*) or for tasks
beyond an inquiry (*esitutkinta ja muut lakisääteiset tehtävät*) must be named, and are
reported.

## Why
The transparency guidelines (WP260 rev.01) read Art 13(1)(e) as requiring recipients to be
named by default; where only categories are given, they must be as specific as possible —
the type of recipient by its activity, industry, sector and location. "Third parties" or
"trusted partners" tells the person nothing about where their data go. Name the recipient
("Kela", "Tilitoimisto Laskenta Oy") or a specific category ("vakuutusyhtiöt lakisääteisen
tapaturmavakuutuksen korvausasioissa"). Art 4(9) excludes "public authorities which may
receive personal data in the framework of a particular inquiry in accordance with Union or
Member State law" from the recipients.

## Example
```yaml
# Vague:
  - name: Luotetut yhteistyökumppanimme
  - name: Viranomaiset
    purpose: Vuosi-ilmoitukset
# Specific:
  - name: Verohallinto
    role: authority
    purpose: Vuosi-ilmoitukset
# Not a recipient (Art 4(9)), not reported:
  - name: Viranomaiset
    role: authority
    purpose: Poliisille erillisen pyynnön perusteella rikosepäilyn selvittämiseksi
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

/// Words that name no one in particular: the recipient's kind with nothing to tell which.
const GENERIC: &[Lexeme] = &[
    Lexeme::new(&["osapuoli", "osapuole", "osapuolt"]),
    Lexeme::new(&["viranomainen", "viranomaise", "viranomaisi", "viranomaist"]),
    Lexeme::new(&["kumppani", "kumppanei"]),
    Lexeme::new(&["yhteistyökumppani", "yhteistyökumppanei"]),
    Lexeme::new(&["liikekumppani", "liikekumppanei"]),
    Lexeme::new(&["sopimuskumppani", "sopimuskumppanei"]),
    Lexeme::new(&["palveluntarjoaja", "palveluntarjoaji"]),
    Lexeme::new(&["palvelutarjoaja", "palvelutarjoaji"]),
    Lexeme::new(&["alihankkija", "alihankkijoi"]),
    Lexeme::new(&["sidosryhmä", "sidosryhmi"]),
    Lexeme::new(&["taho", "tahoi", "tahoj"]),
    Lexeme::new(&["yhteistyötaho", "yhteistyötahoi", "yhteistyötahoj"]),
    Lexeme::new(&["toimija", "toimijoi"]),
    Lexeme::new(&["yritys", "yrityks", "yritykse", "yrityksi"]),
    Lexeme::new(&[
        "yhteistyöyritys",
        "yhteistyöyrityks",
        "yhteistyöyritykse",
        "yhteistyöyrityksi",
    ]),
    Lexeme::new(&["yhtiö", "yhtiöi"]),
    Lexeme::new(&["konserniyhtiö", "konserniyhtiöi"]),
    Lexeme::new(&["muu", "mui", "muita"]),
];
const GENERIC_EN: &[&str] = &[
    "third",
    "party",
    "parties",
    "partner",
    "partners",
    "authority",
    "authorities",
    "service",
    "provider",
    "providers",
    "subcontractor",
    "subcontractors",
    "other",
    "others",
    "companies",
    "group",
];

/// Words that qualify a generic name without saying who: trusted, carefully selected,
/// external, certain, the group's …
const QUALIFIER: &[Lexeme] = &[
    Lexeme::new(&["luotettu", "luotetu", "luotettui", "luotettuj"]),
    Lexeme::new(&["valittu", "valitu", "valittui", "valittuj"]),
    Lexeme::new(&[
        "valikoitu",
        "valikoidu",
        "valikoitui",
        "valikoidui",
        "valikoituj",
    ]),
    Lexeme::new(&["hyväksytty", "hyväksyty", "hyväksyttyi", "hyväksyttyj"]),
    Lexeme::new(&["ulkopuolinen", "ulkopuolise", "ulkopuolisi"]),
    Lexeme::new(&["kolmas", "kolmanne", "kolmansi"]),
    Lexeme::new(&["tietty", "tiety", "tiettyi", "tiettyj"]),
    Lexeme::new(&["mahdollinen", "mahdollise", "mahdollisi"]),
    Lexeme::new(&["kuuluva", "kuuluvi"]),
    Lexeme::new(&["konserni", "konsernei"]),
    Lexeme::new(&["käyttämä", "käyttämi"]),
    Lexeme::new(&["rekisterinpitäjä", "rekisterinpitäji"]),
];
const QUALIFIER_WORDS: &[&str] = &[
    "huolellisesti",
    "tarkkaan",
    "tarkoin",
    "eri",
    "samaan",
    "ja",
    "tai",
    "sekä",
    "jne",
    "yms",
    "ym",
    "tms",
    "trusted",
    "selected",
    "carefully",
    "external",
    "certain",
    "various",
    "our",
    "the",
    "and",
    "or",
    "its",
    "with",
    "of",
];

/// Words after which a name only gives examples: "palveluntarjoajat (esim. …)".
const EXAMPLE: &[&str] = &[
    "esim",
    "esimerkiksi",
    "kuten",
    "mm",
    "muun",
    "such",
    "e",
    "eg",
];

/// Words that a disclosure is made in a particular inquiry (Art 4(9)): on request, in a single
/// case, in a pre-trial investigation or to solve a crime.
const INQUIRY: &[&str] = &[
    "pyynnö*",
    "pyydet*",
    "pyydettä*",
    "pyydetty*",
    "pyynnöstä",
    "yksittäis*",
    "tapauskohtai*",
    "esitutk*",
    "tutkinna*",
    "tutkinta*",
    "selvittämi*",
    "selvittä*",
    "rikosepäil*",
    "rikostutk*",
    "rikosilmoitu*",
    "erityistilant*",
    "virka-apu*",
];

/// Words that a disclosure is regular, or goes beyond an inquiry ("esitutkinta ja muut
/// lakisääteiset tehtävät"): those recipients must be named.
const REGULAR: &[&str] = &[
    "tehtäv*",
    "säännönmukai*",
    "säännöllis*",
    "vuosittai*",
    "vuosi-ilmoitu*",
    "kuukausittai*",
    "jatkuva*",
    "jatkuvasti",
    "aina",
];

/// Why a recipient's name says not who receives the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Vague {
    /// Only a generic word, with qualifiers at most.
    Generic,
    /// "… alihankkijoineen": the subcontractors or partners it brings are unnamed.
    Tail,
}

/// Whether `name` names no one in particular, and why.
fn vague(name: &str) -> Option<Vague> {
    let words = language::words(name);
    // What follows "esim.", "kuten" only gives examples.
    let cut = words
        .iter()
        .position(|(_, w)| EXAMPLE.contains(&fold_case(w).as_str()))
        .unwrap_or(words.len());
    let words = &words[..cut];
    // "… alihankkijoineen", "… kumppaneineen": whoever is named, those it brings are not —
    // unless words after it name them ("alihankkijoineen (Visma Finland Oy)").
    let is_generic = |f: &str| {
        any_form(f, GENERIC)
            || GENERIC_EN.contains(&f)
            || any_form(f, QUALIFIER)
            || QUALIFIER_WORDS.contains(&f)
    };
    if let Some(tail) = words.iter().position(|(_, w)| {
        let f = fold_case(w);
        f.ends_with("neen") && GENERIC.iter().any(|l| l.heads(&f))
    }) {
        let named_after = words[tail + 1..]
            .iter()
            .any(|(_, w)| !is_generic(&fold_case(w)));
        if !named_after {
            return Some(Vague::Tail);
        }
    }
    let mut generic = false;
    for (_, w) in words {
        let f = fold_case(w);
        if any_form(&f, GENERIC) || GENERIC_EN.contains(&f.as_str()) {
            generic = true;
        } else if !(any_form(&f, QUALIFIER) || QUALIFIER_WORDS.contains(&f.as_str())) {
            return None;
        }
    }
    generic.then_some(Vague::Generic)
}

/// Whether a recipient is an authority that receives data only in a particular inquiry —
/// not a recipient at all under Art 4(9) — rather than regularly.
fn inquiry_only(r: &Recipient) -> bool {
    let texts = [&r.name, &r.purpose, &r.law]
        .into_iter()
        .flatten()
        .map(|t| fold_case(t.value.as_str()))
        .collect::<Vec<_>>();
    let has = |forms: &[&str]| {
        texts
            .iter()
            .flat_map(|t| {
                t.split(|c: char| !c.is_alphanumeric() && c != '-')
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .any(|w| language::word_is(&w, forms))
    };
    has(INQUIRY) && !has(REGULAR)
}

fn is_authority(r: &Recipient) -> bool {
    r.role
        .as_ref()
        .is_some_and(|x| matches!(x.value, RecipientRole::Authority))
        || r.name.as_ref().is_some_and(|n| {
            language::words(n.value.as_str())
                .iter()
                .any(|(_, w)| AUTHORITY.matches(w) || fold_case(w).starts_with("authorit"))
        })
}

const AUTHORITY: Lexeme =
    Lexeme::new(&["viranomainen", "viranomaise", "viranomaisi", "viranomaist"]);

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for r in cx.register.recipients() {
        let Some(name) = nonblank(&r.name) else {
            continue;
        };
        let Some(why) = vague(name.value.as_str()) else {
            continue;
        };
        if why == Vague::Generic && is_authority(r) && inquiry_only(r) {
            continue;
        }
        let shown = quote(name.value.as_str());
        let (message, label, help) = match why {
            Vague::Generic => (
                format!("“{shown}” does not say who receives the data"),
                "a generic name",
                "name the recipient, or a specific category by its activity, sector or location",
            ),
            Vague::Tail => (
                format!("“{shown}” leaves the subcontractors or partners it brings unnamed"),
                "names no one in particular",
                "name the subcontractors (sub-processors) too, each as a recipient, or their category by activity",
            ),
        };
        out.at(name.pos, message).label(label).help(help);
    }
}

#[cfg(test)]
mod tests {
    use super::{Vague, vague};

    #[test]
    fn generic_names_with_qualifiers_are_vague() {
        for n in [
            "Viranomaiset",
            "kolmansille osapuolille.",
            "Luotetut yhteistyökumppanimme",
            "Huolellisesti valitut palveluntarjoajat",
            "Palveluntarjoajat (esim. IT-palvelut ja kirjanpito)",
            "Valikoidut kumppanit",
            "Konserniyhtiöt",
            "Konserniin kuuluvat yhtiöt",
            "Ulkopuoliset palveluntarjoajat",
            "Muut",
            "Yhteistyökumppaneille",
            "Rekisterinpitäjän käyttämät alihankkijat",
            "Trusted third parties",
            "Tietyt viranomaiset",
        ] {
            assert_eq!(vague(n), Some(Vague::Generic), "{n}");
        }
        assert_eq!(
            vague("Tietojärjestelmätoimittaja alihankkijoineen"),
            Some(Vague::Tail)
        );
        assert_eq!(
            vague("Tilitoimisto Esimerkki Oy kumppaneineen"),
            Some(Vague::Tail)
        );
        // Examples of the subcontractors do not name them.
        assert_eq!(
            vague("Tietojärjestelmätoimittaja alihankkijoineen (esim. pilvipalvelut)"),
            Some(Vague::Tail)
        );
    }

    #[test]
    fn named_recipients_and_specific_categories_are_not() {
        for n in [
            "Verohallinto",
            "Tilitoimisto Esimerkki Oy",
            "Esimerkki-konsernin yhtiöt",
            "Oy Esimerkki Ab:n kanssa samaan konserniin kuuluvat yhtiöt",
            "Vakuutusyhtiöt lakisääteisen tapaturmavakuutuksen korvausasioissa",
            "Markkinointikumppanit",
            "Tietojärjestelmätoimittaja",
            "Poliisi",
            "Kassajärjestelmän toimittaja Kassamestari Oy",
            "Tietojärjestelmätoimittaja Visma Solutions Oy alihankkijoineen (Visma Finland Oy)",
        ] {
            assert_eq!(vague(n), None, "{n}");
        }
    }
}
