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
rest on phrases that say nothing, such as *niin kauan kuin on tarpeellista*, *toistaiseksi*,
*tarpeen mukaan* or *niin pitkään kuin laki edellyttää* (without naming the law in `law`).

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
];

static SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(VAGUE));
static LAW_SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(LAW_UNNAMED));

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
        for t in [criteria, nonblank(&r.from), until, nonblank(&r.exceptions)]
            .into_iter()
            .flatten()
        {
            let value = t.value.as_str();
            let mut found = SET.find(value);
            if !law_named {
                found.extend(LAW_SET.find(value));
            }
            for m in found {
                let pos = locate(cx.source, t.pos, value, m.range.clone());
                out.at(pos, format!("vague retention: “{}” ({})", quote(&value[m.range.clone()]), m.phrase.note))
                    .label("not a period or a concrete criterion")
                    .help("give a period (e.g. `period: 2 years`) or criteria the person can apply to their own data; name the law in `law:` if it sets the period");
            }
        }
    }
}
