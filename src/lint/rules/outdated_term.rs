//! `outdated-term`: terms and authority names that no longer apply.

use std::sync::LazyLock;

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::text::{Phrase, PhraseSet, adjacent, report_phrases};
use crate::lint::{Findings, ProjectContext, RegisterContext, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    name: "outdated-term",
    articles: &[
        "Art 12(1)",
        "Art 13(2)(b)",
        "henkilötietolaki (523/1999) 10 § (repealed)",
    ],
    severity: Severity::Warning,
    section: Section::Located,
    summary: "the text uses a term of the repealed Personal Data Act or the name of a merged authority",
    explanation: r#"## What it checks
Every text for terms that outlived the law or the authority they named:

| Term | Today |
|---|---|
| rekisteriseloste | tietosuojaseloste: the *rekisteriseloste* of henkilötietolaki 10 § is no longer required; Art 13/14 require informing people |
| tarkastusoikeus, tarkastus- ja kielto-oikeus, kielto-oikeus | the rights of the GDPR: access (15), rectification (16), erasure (17), restriction (18), portability (20), objection (21) |
| Valvira, Sosiaali- ja terveysalan lupa- ja valvontavirasto, aluehallintovirasto (AVI) | merged into Lupa- ja valvontavirasto on 1.1.2026 |
| Viestintävirasto | Liikenne- ja viestintävirasto Traficom since 1.1.2019 |

A controller whose name is one of these bodies is reported by `dissolved-controller` (an
error) instead.

## Why
Old terms tell the reader the notice was written for a law that no longer applies, and they
describe rights too narrowly: the "right of inspection and prohibition" of the Personal Data
Act is not the set of rights a person has under the GDPR (Art 13(2)(b)).

## Example
```yaml
# Outdated:
title: Asiakasrekisterin rekisteriseloste
# Current:
title: Asiakasrekisteri
```
"#,
    project: Some(check_project),
    register: Some(check_register),
};

const NOTICE: &str = "call it a tietosuojaseloste: the rekisteriseloste of the repealed Personal Data Act (10 §) no longer exists";
const RIGHTS: &str = "name the GDPR rights: access (Art 15), rectification (16), erasure (17), restriction (18), portability (20) and objection (21)";
const LUOVA: &str = "Valvira and the regional state administrative agencies merged into Lupa- ja valvontavirasto on 1.1.2026";
const TRAFICOM: &str =
    "Viestintävirasto became part of Liikenne- ja viestintävirasto Traficom on 1.1.2019";

pub(crate) static TERMS: &[Phrase] = &[
    Phrase {
        pattern: "rekisteriselost*",
        note: NOTICE,
    },
    Phrase {
        pattern: "tarkastusoikeu*",
        note: RIGHTS,
    },
    Phrase {
        pattern: "tarkastus- ja kielto-oikeu*",
        note: RIGHTS,
    },
    Phrase {
        pattern: "tarkastus- ja kiello-oikeu*",
        note: RIGHTS,
    },
    Phrase {
        pattern: "kielto-oikeu*",
        note: RIGHTS,
    },
    Phrase {
        pattern: "valvira*",
        note: LUOVA,
    },
    Phrase {
        pattern: "sosiaali- ja terveysalan lupa- ja valvontaviras*",
        note: LUOVA,
    },
    Phrase {
        pattern: "aluehallintoviras*",
        note: LUOVA,
    },
    Phrase {
        pattern: "avi",
        note: LUOVA,
    },
    Phrase {
        pattern: "viestintäviras*",
        note: TRAFICOM,
    },
];

static SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(TERMS));

fn report(found: &str, phrase: &Phrase) -> (String, String) {
    (format!("outdated term “{found}”"), phrase.note.to_string())
}

fn check_project(cx: &ProjectContext<'_>, out: &mut Findings) {
    // A controller named after a dissolved body (Valvira, an AVI) is `dissolved-controller`'s
    // finding, at error level: the same name is not reported twice.
    let dissolved = cx
        .project
        .controller()
        .and_then(|c| c.value.name.as_ref())
        .filter(|n| {
            crate::data::dissolved_body_named(n.value.as_str()).is_some_and(|b| cx.today >= b.ended)
        })
        .map(|n| n.pos);
    if let Some(at) = dissolved {
        let texts: Vec<_> = cx.texts.iter().filter(|t| t.pos != at).cloned().collect();
        report_phrases(out, cx.source, &texts, &SET, adjacent, report);
        return;
    }
    report_phrases(out, cx.source, cx.texts, &SET, adjacent, report);
}

fn check_register(cx: &RegisterContext<'_>, out: &mut Findings) {
    report_phrases(out, cx.source, cx.texts, &SET, adjacent, report);
}

#[cfg(test)]
mod tests {
    use super::SET;
    use crate::lint::text::adjacent;

    /// The codes of the findings on `seloste.yaml` of a project with this controller name and a
    /// complaint note naming Valvira.
    fn project_codes(controller: &str) -> Vec<&'static str> {
        use crate::pipeline::{MemoryFiles, Options, run_project};
        let mut files = MemoryFiles::new();
        files.insert(
            "seloste.yaml",
            &format!(
                "controller:\n  name: {controller}\n  email: kirjaamo@esimerkki.fi\n  public_authority: true\ncontact:\n  title: Valviran kirjaamo\n  email: a@esimerkki.fi\ndpo:\n  email: tsv@esimerkki.fi\n"
            ),
        );
        let outcome = run_project(
            std::path::Path::new("seloste.yaml"),
            &files,
            &Options {
                today: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
                keep_registers: false,
            },
        );
        let mut codes: Vec<&'static str> = outcome
            .diagnostics
            .iter()
            .map(|d| d.code.as_str())
            .filter(|c| ["outdated-term", "dissolved-controller"].contains(c))
            .collect();
        codes.sort_unstable();
        codes
    }

    #[test]
    fn a_dissolved_controller_is_not_also_an_outdated_term() {
        // The controller's name is dissolved-controller's; the same body named in another
        // text is still an outdated term.
        assert_eq!(
            project_codes("Sosiaali- ja terveysalan lupa- ja valvontavirasto Valvira"),
            ["dissolved-controller", "outdated-term"]
        );
        assert_eq!(
            project_codes("Esimerkki Oy (entinen Valvira-yhteistyö)"),
            ["outdated-term", "outdated-term"]
        );
    }

    #[test]
    fn a_name_and_its_abbreviation_are_one_term() {
        let t = "Sosiaali- ja terveysalan lupa- ja valvontavirasto (Valvira) ja rekisteriseloste";
        let found: Vec<&str> = SET
            .find_merged(t, adjacent)
            .into_iter()
            .map(|m| &t[m.range])
            .collect();
        assert_eq!(
            found,
            [
                "Sosiaali- ja terveysalan lupa- ja valvontavirasto (Valvira)",
                "rekisteriseloste"
            ]
        );
    }
}
