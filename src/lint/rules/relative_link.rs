//! `relative-link`: a relative link in a text, with no base address to resolve it against.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::text::quote;
use crate::lint::{Findings, Rule, TextContext, TextHook};
use crate::render::links::BaseUrl;
use crate::render::sanitize;

/// The rule.
pub static RULE: Rule = Rule {
    name: "relative-link",
    articles: &["Art 12(1)"],
    severity: Severity::Warning,
    section: Section::Located,
    summary: "a text links to a relative address, and no `settings.base_url` says where it leads",
    explanation: r#"## What it checks
Every text field, for Markdown links to a relative address — `[ohjeet](ohjeet.html)`,
`[lomake](/lomakkeet/tietopyynto)`, `[edellinen](../)` — when `seloste.yaml` sets no valid
`settings.base_url`. In-page anchors (`#oikeudet`) point at the notice's own headings and are kept as they are.

## Why
A relative address means something only on the page it was written for. The notice is
published elsewhere — as Markdown in Hugo or Zola, as a standalone page, pasted into a CMS, as
a PDF — so seloste cannot tell where the link leads, and shows only its text: the reader loses
the form or the instructions it pointed to (Art 12(1): the information must be easily
accessible). With `settings.base_url`, seloste makes each relative link absolute against it.

## Example
```yaml
# seloste.yaml
settings:
  base_url: https://www.esimerkki.fi/tietosuoja/
# notices/asiakasrekisteri.yaml
rights:
  exercise: Käytä [tietopyyntölomaketta](lomakkeet/tietopyynto.html).
```
"#,
    project: None,
    register: None,
    text: Some(TextHook::Each { words: &[], check }),
};

fn check(cx: &TextContext<'_>, out: &mut Findings) {
    if BaseUrl::of_project(cx.project()).is_some() {
        return;
    }
    for (range, target) in sanitize::relative_links(cx.value()) {
        cx.at(
            out,
            range,
            format!(
                "the link to `{}` is relative, and the notice cannot say where it leads",
                quote(&target)
            ),
        )
        .label("shown as text")
        .help("set `settings.base_url: https://…` in seloste.yaml to resolve relative links against it, or write the full address");
    }
}
