//! `access-request-limit`: access requests limited to once or a few times a year.

use std::sync::LazyLock;

use crate::diagnostic::Severity;
use crate::lint::text::{Phrase, PhraseSet, fold_case, locate, project_texts, register_texts};
use crate::lint::{Findings, ProjectContext, RegisterContext, Rule};
use crate::source::Pos;

/// The rule.
pub static RULE: Rule = Rule {
    name: "access-request-limit",
    articles: &["Art 12(5)", "Art 15(3)"],
    severity: Severity::Error,
    summary: "the text limits access requests to once (or a few times) a year",
    explanation: r#"## What it checks
Texts that speak of access or requests (*tarkastus*, *pyyntö*, *pääsy*, *oikeus*) for a limit
such as *maksutta kerran vuodessa* or *korkeintaan 4 kertaa vuodessa*.

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

static LIMITS: &[Phrase] = &[
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

/// Words that show a text is about access requests, so that "kerran vuodessa" about a yearly
/// clean-up is not flagged.
const CONTEXT: &[&str] = &["tarkast", "pyyn", "pääsy", "oikeu", "request", "access"];

fn scan(out: &mut Findings, source: &str, texts: &[(&str, Pos)]) {
    for (value, pos) in texts {
        let folded = fold_case(value);
        if !CONTEXT.iter().any(|w| folded.contains(w)) {
            continue;
        }
        for m in SET.find(value) {
            let at = locate(source, *pos, value, m.range.clone());
            out.at(at, format!("access requests limited to “{}”", &value[m.range.clone()]))
                .label("no yearly limit under the GDPR")
                .help("the first copy is free and there is no yearly cap (Art 15(3)); only manifestly unfounded or excessive requests may be refused or charged (Art 12(5))");
        }
    }
}

fn check_project(cx: &ProjectContext<'_>, out: &mut Findings) {
    scan(out, cx.source, &project_texts(&cx.project.config));
}

fn check_register(cx: &RegisterContext<'_>, out: &mut Findings) {
    scan(out, cx.source, &register_texts(cx.register));
}
