//! `vague-source`: a source named only by a generic word such as "muut lähteet" or
//! "yhteistyökumppanit".

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::text::{fold_case, quote};
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::nonblank;

/// The rule.
pub static RULE: Rule = Rule {
    name: "vague-source",
    articles: &["Art 14(2)(f)", "WP260 rev.01"],
    severity: Severity::Warning,
    section: Section::Sources,
    summary: "a source is named only by a generic word such as \"muut lähteet\" or \"kolmannet osapuolet\"",
    explanation: r#"## What it checks
That no source's `description` consists only of generic words: *muut lähteet*, *ulkopuoliset
lähteet*, *eri lähteistä*, *julkiset lähteet*, *kolmannet osapuolet*, *yhteistyökumppanit*,
*muista rekistereistä*, *ulkopuoliset tahot*, *muualta* (in any case and number), or in
English *other sources*, *third parties*, *partners*, *public sources*. A description that
adds anything more — the name of the source, an example (*julkiset lähteet, kuten
kaupparekisteri*), a sector, a person (*asiakkaan huoltaja*, *sinä itse*) — is not reported:
the rule cannot judge whether what is added is specific enough, and does not guess.

## Why
Art 14(2)(f) requires "from which source the personal data originate". The transparency
guidelines (WP260 rev.01) ask for the specific source to be named; where it cannot be (for
instance because the sources are too many), the notice should at least give the nature of
the sources — publicly or privately held — and the types of organisation, industry or sector.
"Other sources" or "third parties" gives neither: the person cannot tell where to turn to
check or correct the data. "Julkiset lähteet" gives the nature but not which sources or of
what kind.

## Example
```yaml
sources:
  # Vague:
  - description: Muut lähteet
  - description: Kolmansilta osapuolilta
  - description: Julkiset lähteet
  # Specific:
  - description: Väestötietojärjestelmä (Digi- ja väestötietovirasto)
  - description: Luottotietorekisteri (Suomen Asiakastieto Oy)
  - description: Työnantaja
  - description: Julkiset lähteet, kuten kaupparekisteri ja yritysten verkkosivut
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

/// The head of a generic name: what kind of thing the source is, said of any source at all.
/// Stems: a word starting with one of them is a form of it (*lähteistä*, *osapuolilta*,
/// *rekistereistä*).
const HEADS: &[&str] = &[
    "lähde",
    "lähte",
    "tietolähte",
    "osapuol",
    "yhteistyökumppan",
    "kumppan",
    "sidosryhm",
    "rekisteri",
    "rekistere",
    "tietokan",
    "taho",
    "palveluntarjoaj",
];

/// English heads, whole words.
const ENGLISH_HEADS: &[&str] = &[
    "source",
    "sources",
    "party",
    "parties",
    "partner",
    "partners",
    "provider",
    "providers",
];

/// Words that qualify a generic name without saying which source: "other", "external",
/// "various", "public", "third" … Whole words, in their inflected forms.
const QUALIFIERS: &[&str] = &[
    "muu",
    "muut",
    "muun",
    "muuta",
    "muita",
    "muista",
    "muilta",
    "muiden",
    "muihin",
    "muissa",
    "muulta",
    "muusta",
    "muualta",
    "eri",
    "useista",
    "useilta",
    "ja",
    "sekä",
    "tai",
    "tms",
    "tiedot",
    "tietoja",
    "tietoa",
    "henkilötiedot",
    "henkilötietoja",
    "saadut",
    "saatavat",
    "saadaan",
    "saamme",
    "saatavilla",
    "saatavissa",
    "olevat",
    "olevista",
    "olevilta",
    "kerätyt",
    "other",
    "external",
    "various",
    "third",
    "public",
    "publicly",
    "available",
    "from",
    "and",
    "or",
    "the",
    "data",
];

/// Stems of qualifiers that inflect much: *ulkopuolisilta*, *kolmansilta*, *julkisista*.
const QUALIFIER_STEMS: &[&str] = &["ulkopuoli", "ulkoi", "kolma", "kolmann", "kolmans", "julki"];

/// Whether `description` names its source only by generic words (see the rule's text): every
/// word is a generic head or qualifier, and one of them is a head.
pub fn is_generic_source(description: &str) -> bool {
    let folded = fold_case(description);
    let mut head = false;
    for word in folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        // "Rekisterinpitäjä" is the controller, a source named, not "a register".
        let controller = word.starts_with("rekisterinpit");
        if (!controller && HEADS.iter().any(|h| word.starts_with(h)))
            || ENGLISH_HEADS.contains(&word)
            || word == "muualta"
        {
            head = true;
        } else if !QUALIFIERS.contains(&word)
            && !QUALIFIER_STEMS.iter().any(|s| word.starts_with(s))
        {
            return false;
        }
    }
    head
}

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for s in cx.register.sources() {
        let Some(d) = nonblank(&s.description) else {
            continue;
        };
        if is_generic_source(d.value.as_str()) {
            out.at(
                d.pos,
                format!(
                    "“{}” does not say where the data come from",
                    quote(d.value.as_str())
                ),
            )
            .label("a generic name")
            .help("name the source (e.g. \"Väestötietojärjestelmä (Digi- ja väestötietovirasto)\"); if it cannot be named, say whether it is publicly or privately held and the type of organisation or sector");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_generic_source;

    #[test]
    fn generic_words_alone_name_no_source() {
        for vague in [
            "Muut lähteet",
            "Ulkopuoliset lähteet",
            "Eri lähteistä saadut tiedot",
            "Kolmannet osapuolet",
            "kolmansilta osapuolilta",
            "Yhteistyökumppanit",
            "Yhteistyökumppaneiltamme",
            "Julkiset lähteet",
            "julkisesti saatavilla olevat lähteet",
            "Muista rekistereistä",
            "Ulkopuoliset tahot",
            "Muualta saadut tiedot",
            "Third parties and other sources",
        ] {
            assert!(is_generic_source(vague), "{vague}");
        }
    }

    #[test]
    fn a_named_source_or_a_person_is_not_generic() {
        for specific in [
            "Väestötietojärjestelmä (Digi- ja väestötietovirasto)",
            "Työnantaja",
            "Kela",
            "Asiakkaan huoltaja",
            "Luottotietorekisteri (Suomen Asiakastieto Oy)",
            "Sinä itse",
            "Rekisteröity itse",
            "Rekisteröidyltä",
            "Julkiset lähteet, kuten kaupparekisteri",
            "Yhteistyökumppanit (Suomen Asiakastieto Oy)",
            "Kaupparekisteri",
            "Muut",
            "Tiedot",
            "Partiolippukunta",
            "Rekisterinpitäjän muut rekisterit",
        ] {
            assert!(!is_generic_source(specific), "{specific}");
        }
    }
}
