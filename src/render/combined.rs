//! Combined notices (`combined:` in `seloste.yaml`): several registers published as one page.
//!
//! The page is `combined.md` rendered with the [`CombinedView`](view::combined::CombinedView):
//! the parts a register's page is made of say once what concerns the controller and the
//! person, and each register's own sections — `sections.md` (with `security.md` when the
//! registers' security texts differ, and `extra.md`), rendered with that register's own view,
//! headings one level down and ids starting with `<register id>-` — stand under its heading
//! `## <title> {#<register id>}`. So the page says nothing a register's page would not, and
//! no sentence is written twice.

use super::view::{self, RegisterView};
use super::{
    Marks, OutputFile, PageSource, RenderError, RenderOptions, Templates, controller_name, html,
    links, markdown, page_files, render_markdown,
};
use crate::model::{CombinedNotice, Project, RegisterDoc};
use crate::validate::combined_id;

/// The combined notices of the project, in the order `seloste.yaml` lists them.
pub fn notices(project: &Project) -> impl Iterator<Item = &CombinedNotice> {
    project
        .config
        .combined
        .iter()
        .flat_map(|c| c.value.iter().map(|n| &n.value))
}

/// The page's id of `notice` (its file names).
pub fn notice_id(notice: &CombinedNotice) -> String {
    combined_id(notice.id.value.as_str())
}

/// The ids of the registers `notice` lists, in its order, each once.
pub fn register_ids(notice: &CombinedNotice) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for r in &notice.registers.value {
        let id = combined_id(r.value.as_str());
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

/// Whether `separate_pages` is left on (the default).
fn separate(notice: &CombinedNotice) -> bool {
    notice.separate_pages.as_ref().is_none_or(|s| s.value)
}

/// The combined notice whose page holds the register `id` instead of a page of its own (the
/// first that lists it with `separate_pages: false`), if any.
pub fn published_in<'a>(project: &'a Project, id: &str) -> Option<&'a CombinedNotice> {
    notices(project).find(|n| !separate(n) && register_ids(n).iter().any(|r| r == id))
}

/// Whether the register `id` gets a page of its own.
pub fn has_own_page(project: &Project, id: &str) -> bool {
    published_in(project, id).is_none()
}

/// Renders one combined notice: its Markdown, its HTML page and, if asked, its fragment. A
/// register it lists that is not among `registers` (it did not load) is left out; the check
/// has then already failed. A draft marks the findings as a register's draft does.
pub fn render_combined(
    project: &Project,
    notice: &CombinedNotice,
    registers: &[RegisterDoc],
    t: &Templates,
    opts: &RenderOptions,
    marks: &Marks,
    targets: &links::ReferenceTargets,
) -> Result<Vec<OutputFile>, RenderError> {
    let id = notice_id(notice);
    if let Some(conflict) = super::id_conflict(&id) {
        // Refused at check time; this is the last guard.
        return Err(RenderError {
            register: Some(id),
            error: super::TemplateError {
                name: "combined.md".into(),
                overridden: false,
                file: None,
                pos: None,
                message: format!("the combined notice's id would overwrite {conflict}"),
            },
        });
    }
    let docs: Vec<&RegisterDoc> = register_ids(notice)
        .iter()
        .filter_map(|r| registers.iter().find(|d| &d.id == r))
        .collect();
    let mut views: Vec<RegisterView> = docs
        .iter()
        .map(|d| view::register_view(project, d, opts, marks))
        .collect();
    let own_security = !view::combined::security_said_once(&views);
    let mut bodies = Vec::with_capacity(views.len());
    for v in &mut views {
        v.as_part();
        let mut body = String::new();
        // The security text stands in each part only when the registers' texts differ; else
        // the page says it once.
        let parts: &[&str] = if own_security {
            &["sections.md", "security.md", "extra.md"]
        } else {
            &["sections.md", "extra.md"]
        };
        for part in parts {
            body.push_str(&render_markdown(t, part, &*v, Some(&id))?);
            body.push('\n');
        }
        bodies.push(super::tidy(&body));
    }
    // A register's text that names one of its own sections (`#tarkoitukset`) leads to that
    // register's section of this page: resolved in its part, where it is known whose it is.
    // References to other pages are left to the whole page, for each output's own form.
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    let (bodies, common) = said_once(bodies, &ids);
    // The ids a register's own reference can lead to are in the parts (`<register>-<anchor>`)
    // and in what they say alike, said once; the rest of the page is resolved with it.
    let on_page = html::page_ids(&format!("{}\n{common}", bodies.join("\n")));
    let nothing_else = links::ReferenceTargets::default();
    let own = |register: &str, text: &str| {
        markdown::resolve_references(
            text,
            &links::ReferenceContext {
                targets: &nothing_else,
                page: links::PageOf::Combined(&id),
                from: Some(register),
                on_page: &on_page,
                links: links::PageLinks::Html,
            },
        )
    };
    let bodies = bodies
        .iter()
        .zip(&docs)
        .map(|(body, doc)| own(&doc.id, body))
        .collect();
    for (v, doc) in views.iter_mut().zip(&docs) {
        v.resolve_texts(|text| own(&doc.id, text));
    }
    let v = view::combined::combined_view(
        project, notice, &id, &docs, &views, bodies, common, opts, marks,
    );
    let md = render_markdown(t, "combined.md", &v, Some(&id))?;
    page_files(
        t,
        opts,
        PageSource {
            id: &id,
            template: "combined.md",
            md: &md,
            title_plain: v.title_plain(),
            updated: v.updated_iso(),
            refs: html::PageReferences {
                targets,
                page: links::PageOf::Combined(&id),
                from: None,
                draft: opts.draft,
            },
        },
        &controller_name(project),
    )
}

/// The sections of a register's part that may be said once for all: what concerns the page's
/// registers alike when they say it alike. Purposes, data, sources, recipients and retention
/// always stand under their register, as the notice is read register by register.
const ONCE: &[&str] = &[
    "siirrot",
    "automaattinen-paatoksenteko",
    "uudet-tarkoitukset",
    "evasteet",
    "tietoturva",
];

/// One section of a part: its heading's id without the register's prefix, and its Markdown
/// with the prefix taken out of the ids and links, so that two registers' sections compare.
struct PartSection {
    key: String,
    plain: String,
    text: String,
}

/// Splits a part (`### …` headings, one level below the register's) into what stands before
/// the first section and the sections.
fn sections_of(body: &str, register: &str) -> (String, Vec<PartSection>) {
    let prefix = format!("{register}-");
    let mut head = String::new();
    let mut out: Vec<PartSection> = Vec::new();
    for line in body.split_inclusive('\n') {
        let heading = line.starts_with("### ");
        let key = heading
            .then(|| line.trim_end().rsplit_once("{#"))
            .flatten()
            .and_then(|(_, id)| id.strip_suffix('}'))
            .and_then(|id| id.strip_prefix(&prefix));
        match (key, out.last_mut()) {
            (Some(k), _) => out.push(PartSection {
                key: k.to_string(),
                plain: String::new(),
                text: String::new(),
            }),
            (None, None) => {
                head.push_str(line);
                continue;
            }
            (None, Some(_)) => {}
        }
        let s = out.last_mut().expect("a section was opened");
        s.text.push_str(line);
        s.plain.push_str(
            &line
                .replace(&format!("{{#{prefix}"), "{#")
                .replace(&format!("](#{prefix}"), "](#"),
        );
    }
    (head, out)
}

/// Takes out of every part the sections all parts say word for word alike (of those in
/// [`ONCE`] and the further sections, `lisatieto-…`), and returns the parts and those
/// sections, said once, a level up and with the plain ids a register's page gives them.
fn said_once(bodies: Vec<String>, registers: &[&str]) -> (Vec<String>, String) {
    if bodies.len() < 2 {
        return (bodies, String::new());
    }
    let split: Vec<(String, Vec<PartSection>)> = bodies
        .iter()
        .zip(registers)
        .map(|(b, r)| sections_of(b, r))
        .collect();
    let alike = |key: &str| -> Option<&str> {
        let first = split[0].1.iter().find(|s| s.key == key)?;
        split[1..]
            .iter()
            .all(|(_, secs)| secs.iter().any(|s| s.key == key && s.plain == first.plain))
            .then_some(first.plain.as_str())
    };
    let mut common = String::new();
    let mut once: Vec<String> = Vec::new();
    for s in &split[0].1 {
        // A section that links to a register's own section stays with it: a link the
        // template made (`#<register>-evasteet`) or a reference in the register's text
        // (`#sailytysaika`, `#Säilytysaika`), which leads to that register's section.
        let own_link = s.text.contains(&format!("](#{}-", registers[0]))
            || super::sanitize::reference_links(&s.text)
                .iter()
                .filter_map(|(_, target)| links::reference_id(target))
                .any(|id| split[0].1.iter().any(|o| o.key == id));
        let may = (ONCE.contains(&s.key.as_str()) || s.key.starts_with("lisatieto-")) && !own_link;
        if let Some(text) = alike(&s.key).filter(|_| may) {
            // A level up: `### Evästeet …` (and its `####` items) become `## …`.
            for line in text.split_inclusive('\n') {
                common.push_str(
                    line.strip_prefix('#')
                        .filter(|_| line.starts_with("###"))
                        .unwrap_or(line),
                );
            }
            if !common.ends_with("\n\n") {
                common.push('\n');
            }
            once.push(s.key.clone());
        }
    }
    if once.is_empty() {
        return (bodies, String::new());
    }
    let bodies = split
        .into_iter()
        .map(|(head, secs)| {
            let mut b = head;
            for s in secs.into_iter().filter(|s| !once.contains(&s.key)) {
                b.push_str(&s.text);
            }
            b
        })
        .collect();
    (bodies, common)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_every_part_says_alike_are_said_once_and_others_stay() {
        let a = "Johdanto A.\n\n### Tarkoitukset {#a-tarkoitukset}\n\nA:n tarkoitus.\n\n### Siirrot {#a-siirrot}\n\nEi siirretä.\n\n### Uudet {#a-uudet-tarkoitukset}\n\nKatso [evästeet](#a-evasteet).\n\n### Evästeet {#a-evasteet}\n\n#### Analytiikka\n\nSama.\n";
        let b = "### Tarkoitukset {#b-tarkoitukset}\n\nB:n tarkoitus.\n\n### Siirrot {#b-siirrot}\n\nEi siirretä.\n\n### Uudet {#b-uudet-tarkoitukset}\n\nKatso [evästeet](#b-evasteet).\n\n### Evästeet {#b-evasteet}\n\n#### Analytiikka\n\nEri.\n";
        let (bodies, common) = said_once(vec![a.into(), b.into()], &["a", "b"]);
        // The transfers are said alike: once, a level up, with the plain id.
        assert_eq!(common, "## Siirrot {#siirrot}\n\nEi siirretä.\n\n");
        // Alike too, but it links to a register's own section, which stays with it.
        assert!(bodies[0].contains("{#a-uudet-tarkoitukset}"));
        // The purposes always stay, and the cookies differ.
        assert!(bodies[0].starts_with("Johdanto A.\n\n### Tarkoitukset {#a-tarkoitukset}"));
        assert!(bodies[0].contains("{#a-evasteet}") && !bodies[0].contains("{#a-siirrot}"));
        assert!(
            bodies[1].contains("#### Analytiikka\n\nEri."),
            "{}",
            bodies[1]
        );
        // One register alone says everything itself.
        let (one, none) = said_once(vec![a.into()], &["a"]);
        assert_eq!((one[0].as_str(), none.as_str()), (a, ""));
    }
}
