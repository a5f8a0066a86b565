//! `vague-retention`: "as long as necessary" instead of a period or criteria.

use std::sync::LazyLock;

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::text::{Phrase, PhraseSet, locate, quote};
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::nonblank;

/// The rule.
pub static RULE: Rule = Rule {
    name: "vague-retention",
    articles: &["Art 13(2)(a)", "Art 14(2)(a)", "WP260 rev.01"],
    severity: Severity::Warning,
    section: Section::Retention,
    summary: "a storage period is vague: no period and no criteria, or \"as long as necessary\"",
    explanation: r#"## What it checks
Every entry of `retention`: that it gives a `period`, an `until` event or `criteria`, and that
its text (`criteria`, `from`, `until`, `exceptions`) does not
rest on phrases that say nothing, such as *niin kauan kuin on tarpeellista*, *toistaiseksi*
or *tarpeen mukaan*.

Phrases that point to "the law" — *niin pitkään kuin laki edellyttää*, *lain edellyttämän
ajan*, *lainsäädännön mukaisen ajan*, *lakisääteisen säilytysajan*, *lain mukaisesti*, in
their inflected forms — are vague only when no act is named: neither in `law` nor in the
text itself (*kirjanpitolain edellyttämän ajan*, *asetuksen 94/2022 mukaisesti*). An act
named is a criterion the person can look up (Art 13(2)(a) allows "the criteria used to
determine that period"); "the law" is none. Giving the section (*2 luku 10 §*) or the period
as well is better still, but naming the act is not vague. The phrases that only say the law is
followed (*lain mukaisesti*, *lakisääteisen ajan*) are vague only when the entry gives no
`period` or `until` either: "6 vuotta lain mukaisesti" gives the period.

A reference to an internal plan — *arkistonmuodostussuunnitelman mukaisesti*,
*tiedonohjaussuunnitelmassa määritellyn ajan* — is vague when the entry gives no `period` and
no `until`: the person cannot see the plan, so it tells them nothing. With the period given,
the plan is only where it comes from.

## Why
The transparency guidelines (WP260 rev.01) say it is not sufficient to state generically that
data are kept as long as necessary for the legitimate purposes of the processing; the period
should be given, or criteria concrete enough that the person can work out how long their own
data are kept — per category of data or purpose. A maximum (`period: enintään 2 kk`) is a
period, and an event that ends the storage (`until: käyttäjä poistaa tilinsä`) is a concrete
criterion: neither is vague.

## Example
```yaml
retention:
  # Vague:
  - data: Asiakastiedot
    criteria: Niin kauan kuin on tarpeellista.
  # Concrete:
  - data: Asiakastiedot
    period: 2 years
    from: viimeinen asiointi
  - data: Käyttäjätili
    until: käyttäjä poistaa tilinsä
  - data: Puhelutallenteet
    period: enintään 2 kk
  # Vague: which law, which plan?
  - data: Potilasasiakirjat
    criteria: Lain edellyttämän ajan.
  - data: Hakemukset
    criteria: Arkistonmuodostussuunnitelman mukaisesti.
  # A criterion: the act that sets the period.
  - data: Kirjanpitoaineisto
    criteria: Kirjanpitolain (1336/1997) edellyttämän ajan.
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

static VAGUE: &[Phrase] = &[
    Phrase {
        pattern: "niin kauan kuin on tarpeellista",
        note: "as long as necessary",
    },
    Phrase {
        pattern: "niin kauan kuin on tarpeen",
        note: "as long as necessary",
    },
    Phrase {
        pattern: "niin kauan kuin tarpeellista",
        note: "as long as necessary",
    },
    Phrase {
        pattern: "niin kauan kuin tarpeen",
        note: "as long as necessary",
    },
    Phrase {
        pattern: "niin kauan kuin tarvitaan",
        note: "as long as needed",
    },
    Phrase {
        pattern: "niin kauan kuin se on tarpeen",
        note: "as long as necessary",
    },
    Phrase {
        pattern: "niin pitkään kuin on tarpeellista",
        note: "as long as necessary",
    },
    Phrase {
        pattern: "niin pitkään kuin on tarpeen",
        note: "as long as necessary",
    },
    Phrase {
        pattern: "niin kauan ja siinä laajuudessa kuin on tarpeellista",
        note: "as long as necessary",
    },
    Phrase {
        pattern: "tarpeellisen ajan",
        note: "for the necessary time",
    },
    Phrase {
        pattern: "tarvittavan ajan",
        note: "for the time needed",
    },
    Phrase {
        pattern: "tarpeen mukaan",
        note: "as needed",
    },
    Phrase {
        pattern: "toistaiseksi",
        note: "indefinitely",
    },
    Phrase {
        pattern: "as long as necessary",
        note: "as long as necessary",
    },
    Phrase {
        pattern: "as long as needed",
        note: "as long as needed",
    },
];

/// Phrases that are vague only when no law is named.
static LAW_UNNAMED: &[Phrase] = &[
    Phrase {
        pattern: "niin pitkään kuin laki edellyttää",
        note: "as long as the law requires",
    },
    Phrase {
        pattern: "niin kauan kuin laki edellyttää",
        note: "as long as the law requires",
    },
    Phrase {
        pattern: "niin pitkään kun laki sitä edellyttää",
        note: "as long as the law requires",
    },
    Phrase {
        pattern: "niin pitkään kuin laki sitä edellyttää",
        note: "as long as the law requires",
    },
    Phrase {
        pattern: "lain edellyttämän ajan",
        note: "for the time the law requires",
    },
    Phrase {
        pattern: "lainsäädännön edellyttämän ajan",
        note: "for the time the law requires",
    },
    // "Niin kauan kuin laki edellyttää / vaatii", "kun laki edellyttää" in any form.
    Phrase {
        pattern: "kuin laki edellyt*",
        note: "as long as the law requires",
    },
    Phrase {
        pattern: "kuin laki vaati*",
        note: "as long as the law requires",
    },
    Phrase {
        pattern: "kuin lainsäädäntö edellyt*",
        note: "as long as the law requires",
    },
    Phrase {
        pattern: "kuin lainsäädäntö vaati*",
        note: "as long as the law requires",
    },
    Phrase {
        pattern: "kun laki edellyt*",
        note: "as long as the law requires",
    },
    Phrase {
        pattern: "as long as the law requires",
        note: "as long as the law requires",
    },
];

/// Phrases that are vague only when no law is named and the entry gives no period or `until`
/// of its own: "6 vuotta lain mukaisesti" gives the period, "lain mukaisesti" alone does not.
static LAW_UNNAMED_NO_PERIOD: &[Phrase] = &[
    Phrase {
        pattern: "lain edellyttämä*",
        note: "for the time the law requires",
    },
    Phrase {
        pattern: "lain vaatima*",
        note: "for the time the law requires",
    },
    Phrase {
        pattern: "lain velvoittama*",
        note: "for the time the law requires",
    },
    Phrase {
        pattern: "lain mukai*",
        note: "as the law provides",
    },
    Phrase {
        pattern: "lainsäädännön edellyttämä*",
        note: "for the time the law requires",
    },
    Phrase {
        pattern: "lainsäädännön vaatima*",
        note: "for the time the law requires",
    },
    Phrase {
        pattern: "lainsäädännön mukai*",
        note: "as the law provides",
    },
    Phrase {
        pattern: "voimassa olevan lainsäädännön mukai*",
        note: "as the law in force provides",
    },
    Phrase {
        pattern: "lakisääteisen ajan",
        note: "the statutory time",
    },
    Phrase {
        pattern: "lakisääteisen säilytysajan",
        note: "the statutory time",
    },
    Phrase {
        pattern: "lakisääteinen säilytysaika",
        note: "the statutory time",
    },
    Phrase {
        pattern: "lakisääteiset säilytysajat",
        note: "the statutory times",
    },
    Phrase {
        pattern: "lakisääteisiä säilytysaikoja",
        note: "the statutory times",
    },
    Phrase {
        pattern: "lakisääteisten säilytysaikojen",
        note: "the statutory times",
    },
    Phrase {
        pattern: "as required by law",
        note: "as the law requires",
    },
];

/// An internal plan that sets the periods: the person cannot see it, so pointing to it gives
/// neither a period nor a criterion — unless the entry gives the period as well.
static PLAN: &[Phrase] = &[
    Phrase {
        pattern: "arkistonmuodostussuunnitelma*",
        note: "the archive formation plan, which the person cannot see",
    },
    Phrase {
        pattern: "tiedonohjaussuunnitelma*",
        note: "the information management plan, which the person cannot see",
    },
    Phrase {
        pattern: "arkistointisuunnitelma*",
        note: "the archiving plan, which the person cannot see",
    },
];

static SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(VAGUE));
static LAW_SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(LAW_UNNAMED));
static PLAN_SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(PLAN));
static LAW_NO_PERIOD_SET: LazyLock<PhraseSet> =
    LazyLock::new(|| PhraseSet::new(LAW_UNNAMED_NO_PERIOD));

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for r in cx.register.retention() {
        let criteria = nonblank(&r.criteria);
        let until = nonblank(&r.until);
        if r.period.is_none() && criteria.is_none() && until.is_none() {
            out.at(r.pos, "a retention entry gives no `period`, `until` event or `criteria`")
                .label("no `period`, `until` or `criteria`")
                .help("give a `period` (e.g. `2 years`) and the event it runs `from`, the event that ends the storage (`until`), or concrete `criteria`");
            continue;
        }
        let law_named = nonblank(&r.law).is_some();
        // A period written out in the criteria ("arkistonmuodostussuunnitelman mukaisesti 10
        // vuotta") is a period too.
        let period_given = r.period.is_some()
            || until.is_some()
            || criteria.is_some_and(|c| crate::lint::language::states_period(c.value.as_str()));
        for t in [criteria, nonblank(&r.from), until, nonblank(&r.exceptions)]
            .into_iter()
            .flatten()
        {
            let value = t.value.as_str();
            let mut found = SET.find(value);
            let law_unnamed = !law_named && !crate::lint::language::names_act(value);
            if law_unnamed {
                found.extend(LAW_SET.find(value));
            }
            if !period_given {
                found.extend(PLAN_SET.find(value));
                if law_unnamed {
                    found.extend(LAW_NO_PERIOD_SET.find(value));
                }
            }
            // The tables overlap ("lain edellyttämän ajan", "lain edellyttämä*"): one finding
            // for one place, the longest.
            found.sort_by_key(|m| (m.range.start, std::cmp::Reverse(m.range.end)));
            let mut end = 0;
            found.retain(|m| {
                let keep = m.range.start >= end;
                end = end.max(m.range.end);
                keep
            });
            for m in found {
                let pos = locate(cx.source_at(t.pos), t.pos, value, m.range.clone());
                out.at(pos, format!("vague retention: “{}” ({})", quote(&value[m.range.clone()]), m.phrase.note))
                    .label("not a period or a concrete criterion")
                    .help("give a period (e.g. `period: 2 years`) or criteria the person can apply to their own data; name the law in `law:` if it sets the period");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::language::names_act;

    #[test]
    fn an_act_is_named_by_its_name_or_number_not_by_the_word_law() {
        for named in [
            "kirjanpitolain edellyttämän ajan",
            "Arkistolakia noudattaen",
            "asetuksen 2/2016 mukaisesti",
            "lain 1336/1997 mukaan",
            "Fimean määräyksen 2/2016 mukaisesti",
            "potilasasiakirja-asetuksen mukaisesti",
        ] {
            assert!(names_act(named), "{named}");
        }
        for unnamed in [
            "lain edellyttämän ajan",
            "lainsäädännön mukaisen ajan",
            "niin kauan kuin laki edellyttää",
            "lakisääteisen ajan",
            "huomioitu sitä koskevat lait, asetukset ja direktiivit",
            "2 vuotta",
        ] {
            assert!(!names_act(unnamed), "{unnamed}");
        }
    }
}
