//! `missing-sources`: Art 14 data without their sources.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::nonblank;

/// The rule.
pub static RULE: Rule = Rule {
    name: "missing-sources",
    articles: &["Art 14(2)(f)"],
    severity: Severity::Error,
    section: Section::Sources,
    summary: "data from other sources without the sources, or a source without its description",
    explanation: r#"## What it checks
When `collection` is `other_sources` or `both` — or an entry of `personal_data` has its own
`collection: other_sources` — that `sources` lists at least one source, and that each source
has a `description`. Where every source names the categories it provides
(`personal_data: [id, …]`), each category obtained from other sources must be among them: one
that no source provides is reported at the category.

## Why
Art 14(2)(f) requires "from which source the personal data originate, and if applicable,
whether it came from publicly accessible sources". Finnish notices call this
*Säännönmukaiset tietolähteet*. WP260 adds that the source should be named specifically, not
as "other sources".

`public` is not required. The second limb of 14(2)(f) — "if applicable, whether it came from
publicly accessible sources" — applies only where the data did come from a publicly accessible
source (a public register such as the Kaupparekisteri, a web site, social media). The data
subject, the controller's own registers and systems, a named company or an authority's
confidential register are not publicly accessible sources, and a notice that lists them says
nothing wrong by not calling them public. Nor is a warning kept for a description that names
a kind of source that is typically public: a source named as such ("Kaupparekisteri",
"yrityksen verkkosivut") already tells the reader it is public, and words alone cannot tell
a public register from a confidential one that shares its words (the Kanta prescription
register is a *rekisteri* too). So the rule reports nothing about publicity. Where a source is
publicly accessible, say so with `public: true`: the notice renders "(julkinen lähde)", and
`public: false` renders "(ei julkinen lähde)".

## Example
```yaml
collection: both
sources:
  - description: Rekisteröity itse ajanvarauksen yhteydessä
  - description: Väestötietojärjestelmä (Digi- ja väestötietovirasto)
  - description: Kaupparekisteri
    public: true
```
```yaml
# Each source names the data it provides; every category from elsewhere is provided.
personal_data:
  - category: Osoitetiedot
    id: osoite
    collection: other_sources
  - category: Luottotiedot
    id: luotto
    collection: other_sources
sources:
  - description: Väestötietojärjestelmä (Digi- ja väestötietovirasto)
    public: false
    personal_data: [osoite]
  - description: Suomen Asiakastieto Oy:n luottotietorekisteri
    public: false
    personal_data: [luotto]
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    let r = cx.register;
    // Where Art 14 comes in: the register's collection, or a category obtained elsewhere.
    let Some(art14_at) = cx.applies.art14_at else {
        return;
    };
    match &r.sources {
        None => {
            let pos = art14_at;
            out.at(
                pos,
                "data come from other sources, but the register does not say which (`sources`)",
            )
            .help("add `sources:` with a `description` for each source (and `public: true` for a publicly accessible one)");
        }
        Some(list) if list.value.is_empty() => {
            out.at(list.pos, "`sources` is empty")
                .help("list each source with a `description` (and `public: true` for a publicly accessible one)");
        }
        Some(_) => {
            // A category obtained elsewhere that every source, each naming its categories,
            // leaves out.
            for &i in &cx.applies.categories_without_source {
                let Some(d) = r.personal_data().get(i) else {
                    continue;
                };
                let pos = d.category.as_ref().map_or(d.pos, |c| c.pos);
                let message = match nonblank(&d.category) {
                    Some(c) => format!(
                        "`{}` is obtained from other sources, but no source provides it",
                        crate::characters::one_line(c.value.as_str().trim())
                    ),
                    None => "a category obtained from other sources has no source that provides it"
                        .to_string(),
                };
                let f = out.at(pos, message);
                f.label("no source");
                match &d.id {
                    Some(id) => f.help(format!(
                        "add `{}` to the `personal_data` of the source it comes from, or add a source for it",
                        id.as_str()
                    )),
                    None => f.help("give the category an `id:` and list it in the `personal_data` of the source it comes from, or add a source for it"),
                };
                f.help("a source without `personal_data` provides every category");
            }
            // Whether a source is public is asked only of a public one (see the explanation):
            // a source without `public` is no finding.
            for s in r.sources() {
                if nonblank(&s.description).is_none() {
                    out.at(s.pos, "a source has no `description`")
                        .label("unnamed source")
                        .help("name the source, e.g. `Väestötietojärjestelmä`");
                }
            }
        }
    }
}
