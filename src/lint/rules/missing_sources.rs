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
    summary: "data from other sources without the sources, or without saying whether a source is public",
    explanation: r#"## What it checks
When `collection` is `other_sources` or `both` — or an entry of `personal_data` has its own
`collection: other_sources` — that `sources` lists at least one source, and that each source
has a `description` and says with `public: true` or `false` whether it is publicly accessible.
Where every source names the categories it provides (`personal_data: [id, …]`), each category
obtained from other sources must be among them: one that no source provides is reported at
the category.

## Why
Art 14(2)(f) requires "from which source the personal data originate, and if applicable,
whether it came from publicly accessible sources". Finnish notices call this
*Säännönmukaiset tietolähteet*. WP260 adds that the source should be named specifically, not
as "other sources".

## Example
```yaml
collection: both
sources:
  - description: Väestötietojärjestelmä (Digi- ja väestötietovirasto)
    public: false
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
            .help("add `sources:` with a `description` and `public: true|false` for each source");
        }
        Some(list) if list.value.is_empty() => {
            out.at(list.pos, "`sources` is empty")
                .help("list each source with a `description` and `public: true|false`");
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
            for s in r.sources() {
                // One finding per source: both defects sit at the same place.
                match (nonblank(&s.description).is_some(), s.public.is_some()) {
                    (true, true) => {}
                    (false, true) => {
                        out.at(s.pos, "a source has no `description`")
                            .label("unnamed source")
                            .help("name the source, e.g. `Väestötietojärjestelmä`");
                    }
                    (true, false) => {
                        out.at(
                            s.pos,
                            "a source does not say whether it is publicly accessible",
                        )
                        .label("no `public`")
                        .help("add `public: true` or `public: false`");
                    }
                    (false, false) => {
                        out.at(
                            s.pos,
                            "a source has no `description` and does not say whether it is public",
                        )
                        .help("name the source, e.g. `Väestötietojärjestelmä`")
                        .help("add `public: true` or `public: false`");
                    }
                }
            }
        }
    }
}
