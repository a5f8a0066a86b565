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
    let draft_page = view::combined::combined_view(
        project,
        notice,
        &id,
        &docs,
        &views,
        bodies.clone(),
        opts,
        marks,
    );
    let on_page = html::page_ids(&render_markdown(t, "combined.md", &draft_page, Some(&id))?);
    let nothing_else = links::ReferenceTargets::default();
    let bodies = bodies
        .iter()
        .zip(&docs)
        .map(|(body, doc)| {
            markdown::resolve_references(
                body,
                &links::ReferenceContext {
                    targets: &nothing_else,
                    page: links::PageOf::Combined(&id),
                    from: Some(&doc.id),
                    on_page: &on_page,
                    links: links::PageLinks::Html,
                },
            )
        })
        .collect();
    let v = view::combined::combined_view(project, notice, &id, &docs, &views, bodies, opts, marks);
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
