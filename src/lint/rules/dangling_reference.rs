//! `dangling-reference`: a link to `#id` that names no section, register or combined notice.

use crate::applicability::Section;
use crate::diagnostic::{Severity, closest};
use crate::lint::text::quote;
use crate::lint::{Findings, Rule, TextContext, TextHook};
use crate::model::Right;
use crate::render::links::{Target, reference_id, register_extra_anchors};
use crate::render::sanitize;

/// The rule.
pub static RULE: Rule = Rule {
    name: "dangling-reference",
    articles: &["Art 12(1)"],
    severity: Severity::Error,
    section: Section::Located,
    summary: "a link to `#id` names no section of the notice, register or combined notice",
    explanation: r##"## What it checks
Every text field, for Markdown links whose target is an id — a reference: `[Oikeutesi](#oikeudet)`
names a section of the notice (the anchors are listed in docs/format.md, under
*Cross-references*), `[potilasrekisteri](#potilasrekisteri)` a register (its file name without
`.yaml`), `[tietosuojaseloste](#tietosuojaseloste)` a combined notice (its `id` under
`combined:`). Case, blanks and Finnish letters do not matter (`#Säilytysaika` names
`sailytysaika`). The rule reports a reference

- that names none of these (with the closest id, if one is close);
- that names a section this register's notice does not have: `#evasteet` in a register
  without `cookies`, `#suostumuksen-peruuttaminen` where no processing rests on consent, a
  further section (`extra_sections:`, anchored `lisatieto-<title>`) the register does not have. With templates of the project's
  own, which sections a notice has is up to them, and only the build's check of every page
  finds such a link;
- that names both a section and a register or combined notice (a register file
  `evasteet.yaml` and the section `#evasteet`): it would lead to the section on a page that has
  it and to the register elsewhere, so the reader cannot tell where.

## Why
A notice must be intelligible and easily accessible (Art 12(1)); "katso kohta 11" or a link
that leads nowhere sends the reader looking for what the notice promised to show. seloste
resolves every reference in every output — an in-page link in the page, a link to the other
register's page in HTML (`potilasrekisteri.html`) and Markdown (`potilasrekisteri.md`, or
`../potilasrekisteri/` for Hugo and Zola) — and refuses to publish a page with an in-page link
to an id it does not have.

## Example
```yaml
rights:
  exercise: >-
    Lähetä pyyntö sähköpostilla. Oikeuksistasi kerromme kohdassa
    [Sinun oikeutesi](#oikeudet), ja potilastietojen käsittelystä
    [potilasrekisterin selosteessa](#potilasrekisteri).
```
"##,
    project: None,
    register: None,
    text: Some(TextHook::Each { words: &[], check }),
};

fn check(cx: &TextContext<'_>, out: &mut Findings) {
    let links = sanitize::reference_links(cx.value());
    if links.is_empty() {
        return;
    }
    let targets = cx.references();
    let register = cx.register();
    let extra = register
        .map(|r| register_extra_anchors(r.register))
        .unwrap_or_default();
    for (range, dest) in links {
        let Some(id) = reference_id(&dest) else {
            continue;
        };
        let shown = quote(&format!("#{id}"));
        match targets.target(&id) {
            None if extra.contains(&id) => {}
            None => {
                let hint = closest(&id, targets.ids().chain(extra.iter().map(String::as_str)));
                let f = cx
                    .at(
                        out,
                        range,
                        format!(
                            "the reference `{shown}` names no section, register or combined notice"
                        ),
                    )
                    .label("leads nowhere");
                if let Some(h) = hint {
                    f.help(format!("did you mean `#{h}`?"));
                } else if id.starts_with("lisatieto-") {
                    f.help("a further section of the register (`extra_sections:`) is named `#lisatieto-` and its title, e.g. `#lisatieto-kameravalvonta`");
                }
                f.help("a reference names a section by its anchor (`#oikeudet`; docs/format.md lists them), a register by its file name without `.yaml`, or a combined notice by its `id`");
            }
            Some(Target::Section) if targets.is_page(&id) => {
                let (what, rename) = if targets.registers.contains_key(&id) {
                    (
                        "register",
                        format!("rename the register file, e.g. to `{id}-rekisteri.yaml`"),
                    )
                } else {
                    (
                        "combined notice",
                        "give the combined notice another `id`".to_string(),
                    )
                };
                cx.at(
                    out,
                    range,
                    format!("the reference `{shown}` names both a section of the notice and the {what} `{id}`"),
                )
                .label("ambiguous")
                .help(format!("{rename}, so that `#{id}` names one thing: on a page with the section it leads there, elsewhere to the {what}"));
            }
            Some(Target::Section) => {
                let Some(r) = register else { continue };
                if targets.own_templates {
                    continue;
                }
                let missing = match id.as_str() {
                    "evasteet" if r.register.cookies().is_empty() => {
                        Some("the register lists no `cookies`")
                    }
                    "suostumuksen-peruuttaminen"
                        if !r
                            .applies
                            .rights
                            .iter()
                            .any(|d| d.right == Right::WithdrawConsent && d.applies()) =>
                    {
                        Some("no processing of the register rests on consent")
                    }
                    _ => None,
                };
                if let Some(why) = missing {
                    cx.at(
                        out,
                        range,
                        format!("the reference `{shown}` names a section this notice does not have: {why}"),
                    )
                    .label("leads nowhere")
                    .help("link a section the notice has, or say it in words");
                }
            }
            Some(Target::Register | Target::Combined) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::pipeline::{MemoryFiles, Options, run_project};

    /// The dangling-reference findings of a register `text` in a project with one other
    /// register, `potilasrekisteri`.
    fn findings(text: &str) -> Vec<String> {
        let base = include_str!("../../../tests/fixtures/rules/_base/register.yaml");
        let mut files = MemoryFiles::new();
        files.insert(
            "seloste.yaml",
            include_str!("../../../tests/fixtures/rules/_base/seloste.yaml"),
        );
        files.insert("notices/potilasrekisteri.yaml", base);
        files.insert("notices/x.yaml", &format!("{base}{text}"));
        let outcome = run_project(
            std::path::Path::new("seloste.yaml"),
            &files,
            &Options {
                today: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
                keep_registers: false,
            },
        );
        assert!(
            outcome
                .diagnostics
                .iter()
                .all(|d| matches!(d.code, crate::diagnostic::Code::Rule(_))),
            "{:?}",
            outcome.diagnostics
        );
        outcome
            .diagnostics
            .iter()
            .filter(|d| d.code.as_str() == "dangling-reference")
            .map(|d| d.message.clone())
            .collect()
    }

    #[test]
    fn a_section_the_register_lacks_is_reported_and_one_it_has_is_not() {
        let no_cookies = findings("security: Katso [evästeet](#evasteet).\n");
        assert_eq!(no_cookies.len(), 1, "{no_cookies:?}");
        assert!(no_cookies[0].contains("no `cookies`"), "{no_cookies:?}");
        let cookies = "cookies:\n  - class: necessary\n    description: Istunto\n    purpose: Kirjautuminen\n    duration: istunto\n    provider: Esimerkki Oy\nsecurity: Katso [evästeet](#Evasteet).\n";
        assert_eq!(findings(cookies), Vec::<String>::new());
        assert_eq!(
            findings("security: Katso [potilasrekisteri](#potilasrekisteri) ja [x](#x).\n"),
            Vec::<String>::new()
        );
        assert_eq!(findings("security: Katso [y](#potilas).\n").len(), 1);
    }
}
