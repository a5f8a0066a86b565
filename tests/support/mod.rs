//! Helpers the render tests share: render a checked project into memory and read its pages.

use seloste::pipeline::Outcome;
use seloste::render::{self, OutputFile, RenderOptions, templates};

/// Renders with the built-in templates (never a project's own); a draft marks the findings.
pub fn render_outcome(outcome: &Outcome, o: RenderOptions) -> Vec<OutputFile> {
    let t = templates::builtin().unwrap();
    let marks = if o.draft {
        render::Marks::from_diagnostics(
            &outcome.diagnostics,
            &outcome.sources,
            outcome.project.as_ref().map(|p| p.file),
        )
    } else {
        render::Marks::none()
    };
    render::render(
        outcome.project.as_ref().unwrap(),
        &outcome.registers,
        &t,
        &o,
        &marks,
        &|| {},
    )
    .unwrap()
}

/// The contents of the output file `path`.
pub fn get<'a>(files: &'a [OutputFile], path: &str) -> &'a str {
    &files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("no {path}"))
        .contents
}

/// The page without its embedded stylesheet, which has no business in every snapshot.
pub fn without_css(html: &str) -> String {
    match (html.find("<style>"), html.find("</style>")) {
        (Some(a), Some(b)) => format!("{}<style>…</style>{}", &html[..a], &html[b + 8..]),
        _ => html.to_string(),
    }
}
