//! Render stage: registers → Finnish Markdown → HTML, from one prose source.
//!
//! For each register, [`view`] prepares what applies (asking [`crate::applicability`]), the
//! `register.md` template says it in Finnish, and the resulting Markdown is both the `.md`
//! output and, converted by [`html::to_html`] and wrapped in `page.html`, the `.html`
//! page. Nothing is written here: [`Pages`] hands the files over a batch at a time (and
//! [`render`] collects them), and [`write`](mod@write) puts them in place atomically.

pub mod combined;
pub mod html;
pub mod links;
pub mod markdown;
pub mod marks;
pub mod sanitize;
pub mod templates;
pub mod typography;
pub mod view;
pub mod write;

use std::borrow::Cow;
use std::ops::Range;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use crate::model::{Project, RegisterDoc};
pub use marks::Marks;
pub use templates::{TemplateError, Templates};

/// Which front matter the Markdown files carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum FrontMatter {
    /// None: plain CommonMark with GFM tables, the title as the first heading; no heading ids
    /// and no in-page links, which CommonMark has no portable form of (see
    /// [`markdown::portable`]).
    #[default]
    None,
    /// Hugo (YAML): title, date and lastmod; the index is `_index.md`. Headings carry their
    /// ids as `{#id}`, which Hugo's Goldmark reads, and in-page links point at them.
    Hugo,
    /// Zola (TOML): title, date and updated; the index is `_index.md`. Headings carry `{#id}`,
    /// as for Hugo.
    Zola,
}

/// Options of a render.
#[derive(Clone, Debug)]
pub struct RenderOptions {
    /// Render even with errors: missing items are marked and pages carry a draft banner.
    pub draft: bool,
    /// Front matter of the Markdown files.
    pub front_matter: FrontMatter,
    /// Also write body-only HTML under `fragment/` for pasting into a CMS.
    pub fragments: bool,
    /// What the ids of a fragment's headings (and its in-page links) start with, `{id}` standing
    /// for the register's id (`index` for the index): two fragments with different prefixes
    /// can share a page. Checked by [`check_id_prefix`]. The standalone pages keep their ids.
    pub id_prefix: Option<String>,
    /// The date adequacy decisions are judged against.
    pub today: NaiveDate,
}

/// Why `prefix` cannot start the ids of a fragment, if it cannot: made of the register's id
/// (`{id}`), ASCII letters, digits, `-` and `_`, starting with a letter, so that every id is
/// one word a stylesheet selector and a link can name as it is.
pub fn check_id_prefix(prefix: &str) -> Result<(), String> {
    let sample = prefix.replace("{id}", "x");
    if !sample.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Err("an id prefix must start with a letter (or `{id}`)".into());
    }
    match sample
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
    {
        Some(c) => Err(format!(
            "an id prefix may hold only letters a-z, digits, `-`, `_` and `{{id}}`, not `{c}`"
        )),
        None => Ok(()),
    }
}

/// The id prefix of the fragment of `page` (a register's id, or [`INDEX`]).
fn fragment_prefix(opts: &RenderOptions, page: &str) -> String {
    opts.id_prefix
        .as_deref()
        .map(|p| p.replace("{id}", page))
        .unwrap_or_default()
}

/// The index of the Markdown output without front matter, and of the HTML pages.
pub const INDEX: &str = "index";

/// The index of the Markdown output for Hugo and Zola: a section's `_index.md`.
pub const SECTION_INDEX: &str = "_index";

/// Why a register may not have the id `id`: the file of the output that `{id}.md` or
/// `{id}.html` would overwrite in some output mode, or the device name Windows would open in
/// its place. One list for [`validate`](crate::validate), which refuses such ids at check
/// time, and for [`render`], which never writes them.
pub fn id_conflict(id: &str) -> Option<String> {
    match id {
        INDEX => Some(format!("the index ({INDEX}.md and {INDEX}.html)")),
        SECTION_INDEX => Some(format!(
            "the section index {SECTION_INDEX}.md written for Hugo and Zola"
        )),
        _ => {
            // Windows opens a device, not a file, for these names whatever the extension.
            let device = matches!(id, "con" | "prn" | "aux" | "nul")
                || ["com", "lpt"].iter().any(|p| {
                    id.strip_prefix(p)
                        .is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit())
                });
            device.then(|| format!("the device `{id}` on Windows"))
        }
    }
}

/// A file to write, relative to the output directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputFile {
    /// Path with `/` separators, e.g. `asiakasrekisteri.html` or `fragment/x.html`.
    pub path: String,
    /// Contents.
    pub contents: String,
}

/// A template that failed to render, for which register.
#[derive(Debug)]
pub struct RenderError {
    /// For which register, if any (`None`: the index).
    pub register: Option<String>,
    /// The template and what went wrong in it.
    pub error: TemplateError,
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.register {
            Some(r) => write!(f, "rendering register `{r}`: {}", self.error),
            None => write!(f, "rendering the index: {}", self.error),
        }
    }
}

impl std::error::Error for RenderError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

impl RenderError {
    /// The error as a located input diagnostic, naming the register.
    pub fn to_diagnostic(&self) -> crate::Diagnostic {
        let d = self.error.to_diagnostic();
        match &self.register {
            Some(r) => d.with_label(format!("while rendering the register `{r}`")),
            None => d.with_label("while rendering the index"),
        }
    }
}

/// The largest page a template may produce: far above any real notice (a 10 MiB register
/// renders to less than 30 MiB), low enough that a template looping without end stops.
pub const MAX_PAGE_BYTES: usize = 64 << 20;

/// A writer that refuses to grow past [`MAX_PAGE_BYTES`].
struct Capped(Vec<u8>);

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.0.len() + buf.len() > MAX_PAGE_BYTES {
            return Err(std::io::Error::new(
                std::io::ErrorKind::FileTooLarge,
                "page budget exceeded",
            ));
        }
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Renders a template into a string of at most [`MAX_PAGE_BYTES`].
fn render_capped(
    tera: &tera::Tera,
    t: &Templates,
    template: &str,
    ctx: &tera::Context,
    register: Option<&str>,
) -> Result<String, RenderError> {
    let mut out = Capped(Vec::new());
    let own = t
        .overrides
        .get(template)
        .map(|(file, text)| (*file, text.as_ref()));
    match tera.render_to(template, ctx, &mut out) {
        Ok(()) => Ok(String::from_utf8(out.0)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())),
        Err(e) => {
            let mut error = TemplateError::from_tera(template, &e, own);
            if matches!(
                e.kind(),
                tera::ErrorKind::Io(std::io::ErrorKind::FileTooLarge)
            ) {
                error.message = format!(
                    "the page grew beyond {} MiB; a template that loops without end?",
                    MAX_PAGE_BYTES >> 20
                );
            }
            Err(RenderError {
                register: register.map(str::to_string),
                error,
            })
        }
    }
}

/// Collapses runs of blank lines and trailing spaces that template logic leaves behind, so
/// that the Markdown is tidy and the same whatever the template's whitespace.
fn tidy(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut blank = 0;
    for line in md.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() && blank > 0 {
            out.push('\n');
        }
        blank = 0;
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The text of the first `# ` heading, without Markdown.
fn first_heading(md: &str) -> Option<String> {
    md.lines()
        .find_map(|l| l.strip_prefix("# "))
        .map(markdown::plain)
        .filter(|s| !s.is_empty())
}

/// Drops the first `# ` heading (when front matter carries the title).
fn without_first_heading(md: &str) -> String {
    let mut done = false;
    let mut out = String::with_capacity(md.len());
    for line in md.lines() {
        if !done && line.starts_with("# ") {
            done = true;
            continue;
        }
        if done && out.is_empty() && line.is_empty() {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// What a page is about, on one line, for `<meta name="description">` and the front matter's
/// `description`: the notice's opening paragraph (the first outside a callout, list or table),
/// whose words are the template's ("Tässä tietosuojaselosteessa kerromme, miten …"), up to the
/// end of its first sentence (of 40 characters at least, so that an abbreviation does not
/// end it).
fn description(md: &str) -> String {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut depth = 0usize;
    let mut range = None;
    for (e, r) in Parser::new(md).into_offset_iter() {
        match e {
            Event::Start(Tag::Paragraph) if depth == 0 => {
                range = Some(r);
                break;
            }
            Event::Start(Tag::BlockQuote(_) | Tag::List(_) | Tag::Table(_)) => depth += 1,
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Table) => {
                depth = depth.saturating_sub(1)
            }
            _ => {}
        }
    }
    let text = range.map(|r| markdown::plain(&md[r])).unwrap_or_default();
    let first_end = text
        .match_indices(". ")
        .map(|(i, _)| i)
        .find(|&i| text[..i].chars().count() >= 40);
    match first_end {
        Some(i) => text[..=i].to_string(),
        None => text,
    }
}

fn front_matter(
    kind: FrontMatter,
    title: &str,
    description: &str,
    updated: Option<&str>,
    draft: bool,
) -> String {
    // Hugo: YAML between `---`; Zola: TOML between `+++`, with `updated` for the last change.
    let (fence, assign, lastmod) = match kind {
        FrontMatter::None => return String::new(),
        FrontMatter::Hugo => ("---", ": ", "lastmod"),
        FrontMatter::Zola => ("+++", " = ", "updated"),
    };
    let quoted = serde_json::to_string(title).unwrap_or_else(|_| "\"\"".into());
    let mut s = format!("{fence}\ntitle{assign}{quoted}\n");
    if !description.is_empty() {
        let quoted = serde_json::to_string(description).unwrap_or_else(|_| "\"\"".into());
        s.push_str(&format!("description{assign}{quoted}\n"));
    }
    if let Some(d) = updated {
        s.push_str(&format!("date{assign}{d}\n{lastmod}{assign}{d}\n"));
    }
    if draft {
        s.push_str(&format!("draft{assign}true\n"));
    }
    s.push_str(fence);
    s.push_str("\n\n");
    s
}

/// What the HTML layout sees.
#[derive(Serialize)]
struct PageContext<'a> {
    title: &'a str,
    description: &'a str,
    controller: &'a str,
    css: tera::Value,
    lead: tera::Value,
    body: tera::Value,
    toc: &'a [html::TocEntry],
    index_href: Option<&'a str>,
    draft: bool,
    updated: Option<&'a str>,
}

/// Splits page HTML before its first section, where the contents list goes.
fn split_lead(html: &str) -> (&str, &str) {
    match html.find("<h2") {
        Some(i) => html.split_at(i),
        None => (html, ""),
    }
}

/// A page to wrap in the HTML layout.
struct PageInput<'a> {
    title: &'a str,
    description: &'a str,
    controller: &'a str,
    html: &'a str,
    toc: &'a [html::TocEntry],
    index_href: Option<&'a str>,
    draft: bool,
    updated: Option<&'a str>,
}

fn page(t: &Templates, p: PageInput<'_>) -> Result<String, RenderError> {
    let (lead, body) = split_lead(p.html);
    let ctx = PageContext {
        title: p.title,
        description: p.description,
        controller: p.controller,
        css: tera::Value::safe_string(&t.css),
        lead: tera::Value::safe_string(lead),
        body: tera::Value::safe_string(body),
        toc: p.toc,
        index_href: p.index_href,
        draft: p.draft,
        updated: p.updated,
    };
    let ctx = tera::Context::from_serialize(&ctx).map_err(|e| RenderError {
        register: None,
        error: TemplateError::from_tera("page.html", &e, None),
    })?;
    render_capped(&t.html, t, "page.html", &ctx, None)
}

fn render_markdown(
    t: &Templates,
    template: &str,
    view: &impl Serialize,
    register: Option<&str>,
) -> Result<String, RenderError> {
    let mut ctx = tera::Context::from_serialize(view).map_err(|e| RenderError {
        register: register.map(str::to_string),
        error: TemplateError::from_tera(template, &e, None),
    })?;
    ctx.insert("missing_marker", &t.labels.missing_marker);
    ctx.insert("error_marker", t.labels.finding_word(true));
    ctx.insert("warning_marker", t.labels.finding_word(false));
    render_capped(&t.markdown, t, template, &ctx, register).map(|s| tidy(&s))
}

/// The plain-text name of the controller, for page titles.
fn controller_name(project: &Project) -> String {
    project
        .controller()
        .and_then(|c| crate::model::nonblank(&c.name))
        .map(|n| markdown::plain(n.value.as_str()))
        .unwrap_or_default()
}

/// Renders one register: its Markdown, its HTML page and, if asked, its fragment. A draft
/// marks the findings in `marks` where they belong; a published notice carries none.
pub fn render_register(
    project: &Project,
    doc: &RegisterDoc,
    t: &Templates,
    opts: &RenderOptions,
    marks: &Marks,
) -> Result<Vec<OutputFile>, RenderError> {
    let targets = links::ReferenceTargets::new(t, project, [doc.id.as_str()]);
    register_files(
        project,
        doc,
        t,
        opts,
        marks,
        &controller_name(project),
        &targets,
    )
}

/// A page whose in-page links all lead to an id of it, or the error that names the first
/// that does not ([`html::dangling_links`]): the last line of defence behind the lint's
/// `dangling-reference`.
fn check_links(
    html: &str,
    t: &Templates,
    template: &str,
    register: Option<&str>,
) -> Result<(), RenderError> {
    let dangling = html::dangling_links(html);
    let Some(first) = dangling.first() else {
        return Ok(());
    };
    let more = match dangling.len() {
        1 => String::new(),
        n => format!(" (and {} more)", n - 1),
    };
    Err(RenderError {
        register: register.map(str::to_string),
        error: TemplateError {
            name: template.into(),
            overridden: t.overrides.contains_key(template),
            file: None,
            pos: None,
            message: format!(
                "the page links to `#{first}`{more}, which no element of the page has as its id; a reference by id names a section the page does not have (see `seloste explain dangling-reference`)"
            ),
        },
    })
}

/// [`render_register`] with the controller's name and what references may name made once for
/// all registers.
fn register_files(
    project: &Project,
    doc: &RegisterDoc,
    t: &Templates,
    opts: &RenderOptions,
    marks: &Marks,
    controller_name: &str,
    targets: &links::ReferenceTargets,
) -> Result<Vec<OutputFile>, RenderError> {
    if let Some(conflict) = id_conflict(&doc.id) {
        // Refused at check time; this is the last guard.
        return Err(RenderError {
            register: Some(doc.id.clone()),
            error: TemplateError {
                name: "register.md".into(),
                overridden: false,
                file: None,
                pos: None,
                message: format!("the register id would overwrite {conflict}"),
            },
        });
    }
    let v = view::register_view(project, doc, opts, marks);
    let md = render_markdown(t, "register.md", &v, Some(&doc.id))?;
    page_files(
        t,
        opts,
        PageSource {
            id: &doc.id,
            template: "register.md",
            md: &md,
            title_plain: v.title_plain(),
            updated: v.updated_iso(),
            refs: html::PageReferences {
                targets,
                page: links::PageOf::Register(&doc.id),
                from: Some(&doc.id),
                draft: opts.draft,
            },
        },
        controller_name,
    )
}

/// What a page is made from: its id and template, its Markdown, and how its references by id
/// resolve.
pub(crate) struct PageSource<'a> {
    /// The page's id (its file names).
    pub id: &'a str,
    /// The template it was rendered from, to name in errors.
    pub template: &'a str,
    /// Its Markdown.
    pub md: &'a str,
    /// Its title in plain text, if the Markdown has no heading.
    pub title_plain: &'a str,
    /// Its `updated` date in ISO form.
    pub updated: Option<&'a str>,
    /// The page's references by id.
    pub refs: html::PageReferences<'a>,
}

/// The files of one page from its Markdown: the `.md` (portable, or with front matter), the
/// standalone `.html` and, if asked, the fragment. For a register's page and a combined
/// notice's alike. Every in-page link of the HTML must lead to an id of the page.
pub(crate) fn page_files(
    t: &Templates,
    opts: &RenderOptions,
    source: PageSource<'_>,
    controller_name: &str,
) -> Result<Vec<OutputFile>, RenderError> {
    let PageSource {
        id,
        template,
        md,
        title_plain,
        updated,
        refs,
    } = source;
    let title = first_heading(md).unwrap_or_else(|| title_plain.to_string());
    let description = description(md);
    let html::HtmlPage { html, toc, ids } =
        html::render_html(md, &t.labels.markers(), "", Some(&refs));
    let mut files = Vec::with_capacity(3);
    let md_refs = |page_links| links::ReferenceContext {
        targets: refs.targets,
        page: refs.page,
        from: refs.from,
        on_page: &ids,
        links: page_links,
    };
    let md_file = match opts.front_matter {
        FrontMatter::None => markdown::portable(&markdown::resolve_references(
            md,
            &md_refs(links::PageLinks::Markdown),
        )),
        kind => {
            front_matter(kind, &title, &description, updated, opts.draft)
                + &without_first_heading(&markdown::resolve_references(
                    md,
                    &md_refs(links::PageLinks::Section),
                ))
        }
    };
    files.push(OutputFile {
        path: format!("{id}.md"),
        contents: md_file,
    });
    let page_html = page(
        t,
        PageInput {
            title: &title,
            description: &description,
            controller: controller_name,
            html: &html,
            toc: &toc,
            index_href: Some("index.html"),
            draft: opts.draft,
            updated,
        },
    )
    .map_err(|e| RenderError {
        register: Some(id.to_string()),
        ..e
    })?;
    check_links(&page_html, t, template, Some(id))?;
    files.push(OutputFile {
        path: format!("{id}.html"),
        contents: page_html,
    });
    if opts.fragments {
        let prefix = fragment_prefix(opts, id);
        let fragment = if prefix.is_empty() {
            html
        } else {
            html::render_html(md, &t.labels.markers(), &prefix, Some(&refs)).html
        };
        check_links(&fragment, t, template, Some(id))?;
        files.push(OutputFile {
            path: format!("fragment/{id}.html"),
            contents: fragment,
        });
    }
    Ok(files)
}

/// How many registers are rendered at a time: enough to keep every core busy, few enough that
/// a batch's pages (about 65 KB a register) stay a few megabytes.
pub const BATCH: usize = 64;

/// Where the registers of [`Pages`] come from: a slice held in memory, or
/// [`Reload`](crate::pipeline::Reload), which loads them again a batch at a time so that a
/// build never holds every register's model at once.
pub trait Registers: Sync {
    /// Why a batch could not be had.
    type Error: Send;
    /// How many registers there are.
    fn count(&self) -> usize;
    /// The registers of `range`, in order.
    fn batch(&self, range: Range<usize>) -> Result<Cow<'_, [RegisterDoc]>, Self::Error>;
    /// What the index reads of every register, in order.
    fn listings(&self) -> Cow<'_, [view::Listing]>;
}

impl Registers for [RegisterDoc] {
    type Error = std::convert::Infallible;

    fn count(&self) -> usize {
        self.len()
    }

    fn batch(&self, range: Range<usize>) -> Result<Cow<'_, [RegisterDoc]>, Self::Error> {
        Ok(Cow::Borrowed(&self[range]))
    }

    fn listings(&self) -> Cow<'_, [view::Listing]> {
        self.iter().map(view::Listing::of).collect()
    }
}

impl From<std::convert::Infallible> for RenderError {
    fn from(e: std::convert::Infallible) -> Self {
        match e {}
    }
}

/// A project's pages, rendered a batch at a time so that a build need never hold more than a
/// few batches in memory: [`Pages::each_batch`] hands every batch to a sink (a
/// [`Staging`](write::Staging), a channel to one, or a `Vec`). Every producer of pages is
/// chained there, in a fixed order, so that the batches are the same on every run.
pub struct Pages<'a, R: Registers + ?Sized> {
    project: &'a Project,
    registers: &'a R,
    t: &'a Templates,
    opts: &'a RenderOptions,
    marks: &'a Marks,
    controller_name: String,
    /// What a reference by id may name: every register of the project, not only a batch's.
    targets: links::ReferenceTargets,
}

impl<'a, R: Registers + ?Sized> Pages<'a, R> {
    /// The pages of `registers` and the index of `project`. A draft marks the findings in
    /// `marks` where they belong.
    pub fn new(
        project: &'a Project,
        registers: &'a R,
        t: &'a Templates,
        opts: &'a RenderOptions,
        marks: &'a Marks,
    ) -> Self {
        let listings = registers.listings();
        let targets =
            links::ReferenceTargets::new(t, project, listings.iter().map(|l| l.id.as_str()));
        Pages {
            project,
            registers,
            t,
            opts,
            marks,
            controller_name: controller_name(project),
            targets,
        }
    }

    /// Renders every page, a batch at a time, and hands each batch to `sink`: the registers'
    /// pages [`BATCH`] registers at a time (rendered in parallel, handed over in register
    /// order), then the index. Stops at the first error, of `sink`, of the registers' source
    /// or of a template; a template's is that of the first register, in order, that fails, as
    /// if all were rendered one by one. `progress` is called once per register rendered.
    pub fn each_batch<E: From<RenderError> + From<R::Error>>(
        &self,
        progress: &(dyn Fn() + Sync),
        mut sink: impl FnMut(Vec<OutputFile>) -> Result<(), E>,
    ) -> Result<(), E> {
        let n = self.registers.count();
        for start in (0..n).step_by(BATCH) {
            let chunk = self.registers.batch(start..(start + BATCH).min(n))?;
            sink(self.registers_batch(&chunk, progress)?)?;
        }
        // Each combined notice with its registers, loaded again for it alone.
        let listings = self.registers.listings();
        for notice in combined::notices(self.project) {
            let mut docs = Vec::new();
            for id in combined::register_ids(notice) {
                if let Some(i) = listings.iter().position(|l| l.id == id) {
                    docs.extend(self.registers.batch(i..i + 1)?.iter().cloned());
                }
            }
            sink(combined::render_combined(
                self.project,
                notice,
                &docs,
                self.t,
                self.opts,
                self.marks,
                &self.targets,
            )?)?;
        }
        sink(self.index()?)
    }

    /// The pages of the registers of `chunk`, rendered in parallel, in register order.
    fn registers_batch(
        &self,
        chunk: &[RegisterDoc],
        progress: &(dyn Fn() + Sync),
    ) -> Result<Vec<OutputFile>, RenderError> {
        let per_register: Vec<Result<Vec<OutputFile>, RenderError>> = chunk
            .par_iter()
            // A register published only in a combined notice has no page of its own.
            .filter(|doc| combined::has_own_page(self.project, &doc.id))
            .map(|doc| {
                let files = register_files(
                    self.project,
                    doc,
                    self.t,
                    self.opts,
                    self.marks,
                    &self.controller_name,
                    &self.targets,
                )?;
                progress();
                Ok(files)
            })
            .collect();
        let mut files = Vec::with_capacity(chunk.len() * 3);
        for r in per_register {
            files.extend(r?);
        }
        Ok(files)
    }

    /// The index: its Markdown, its HTML page and, if asked, its fragment. It needs each
    /// register's title, date and data subjects, never their pages.
    pub fn index(&self) -> Result<Vec<OutputFile>, RenderError> {
        index_files(
            self.project,
            &self.registers.listings(),
            self.t,
            self.opts,
            self.marks,
            &self.controller_name,
            &self.targets,
        )
    }
}

/// Renders every register and the index into memory: [`Pages::each_batch`] collected. For
/// tests and small projects; a build writes the batches as they come.
pub fn render(
    project: &Project,
    registers: &[RegisterDoc],
    t: &Templates,
    opts: &RenderOptions,
    marks: &Marks,
    progress: &(dyn Fn() + Sync),
) -> Result<Vec<OutputFile>, RenderError> {
    let mut files = Vec::with_capacity(registers.len() * 3 + 2);
    Pages::new(project, registers, t, opts, marks).each_batch(progress, |batch| {
        files.extend(batch);
        Ok::<(), RenderError>(())
    })?;
    Ok(files)
}

/// [`Pages::index`].
fn index_files(
    project: &Project,
    registers: &[view::Listing],
    t: &Templates,
    opts: &RenderOptions,
    marks: &Marks,
    controller_name: &str,
    targets: &links::ReferenceTargets,
) -> Result<Vec<OutputFile>, RenderError> {
    let mut files = Vec::with_capacity(3);
    // The index, from one template: linking the Markdown pages, and the HTML pages.
    let (index_name, md_href): (&str, fn(&str) -> String) = match opts.front_matter {
        FrontMatter::None => (INDEX, |id| format!("{id}.md")),
        FrontMatter::Hugo | FrontMatter::Zola => (SECTION_INDEX, |id| format!("{id}/")),
    };
    let index_md = render_markdown(
        t,
        "index.md",
        &view::index_view(project, registers, opts.draft, marks, md_href),
        None,
    )?;
    let index_title = first_heading(&index_md).unwrap_or_default();
    let index_description = description(&index_md);
    let index_ids = html::page_ids(&index_md);
    let index_refs = |page_links| links::ReferenceContext {
        targets,
        page: links::PageOf::Index,
        from: None,
        on_page: &index_ids,
        links: page_links,
    };
    let index_md_file = match opts.front_matter {
        FrontMatter::None => markdown::portable(&markdown::resolve_references(
            &index_md,
            &index_refs(links::PageLinks::Markdown),
        )),
        kind => {
            front_matter(kind, &index_title, &index_description, None, opts.draft)
                + &without_first_heading(&markdown::resolve_references(
                    &index_md,
                    &index_refs(links::PageLinks::SectionIndex),
                ))
        }
    };
    files.push(OutputFile {
        path: format!("{index_name}.md"),
        contents: index_md_file,
    });
    let index_for_html = render_markdown(
        t,
        "index.md",
        &view::index_view(project, registers, opts.draft, marks, |id| {
            format!("{id}.html")
        }),
        None,
    )?;
    let index_html_refs = html::PageReferences {
        targets,
        page: links::PageOf::Index,
        from: None,
        draft: opts.draft,
    };
    let html::HtmlPage { html, toc, .. } = html::render_html(
        &index_for_html,
        &t.labels.markers(),
        "",
        Some(&index_html_refs),
    );
    if opts.fragments {
        let prefix = fragment_prefix(opts, INDEX);
        let fragment = if prefix.is_empty() {
            html.clone()
        } else {
            html::render_html(
                &index_for_html,
                &t.labels.markers(),
                &prefix,
                Some(&index_html_refs),
            )
            .html
        };
        check_links(&fragment, t, "index.md", None)?;
        files.push(OutputFile {
            path: format!("fragment/{INDEX}.html"),
            contents: fragment,
        });
    }
    let index_page = page(
        t,
        PageInput {
            title: &index_title,
            description: &index_description,
            controller: controller_name,
            html: &html,
            toc: &toc,
            index_href: None,
            draft: opts.draft,
            updated: None,
        },
    )?;
    check_links(&index_page, t, "index.md", None)?;
    files.push(OutputFile {
        path: format!("{INDEX}.html"),
        contents: index_page,
    });
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_description_is_the_opening_paragraph_outside_callouts() {
        let md = "# Otsikko\n\n> **LUONNOS** – kesken.\n\n- lista\n\nTässä *tietosuojaselosteessa*\nkerromme.\n\nMuuta.\n";
        assert_eq!(description(md), "Tässä tietosuojaselosteessa kerromme.");
        let two = "Yritys Oy. kertoo tässä selosteessa, miten tietoja käsitellään. Toinen lause.";
        assert_eq!(
            description(two),
            "Yritys Oy. kertoo tässä selosteessa, miten tietoja käsitellään."
        );
        assert_eq!(description("# Vain otsikko\n"), "");
    }

    #[test]
    fn tidy_collapses_blank_runs_and_trailing_space() {
        assert_eq!(tidy("a  \n\n\n\nb\n\n"), "a\n\nb\n");
    }

    #[test]
    fn front_matter_quotes_titles() {
        let h = front_matter(
            FrontMatter::Hugo,
            "A \"b\": c",
            "d: \"e\"",
            Some("2026-01-01"),
            false,
        );
        assert_eq!(
            h,
            "---\ntitle: \"A \\\"b\\\": c\"\ndescription: \"d: \\\"e\\\"\"\ndate: 2026-01-01\nlastmod: 2026-01-01\n---\n\n"
        );
        let z = front_matter(FrontMatter::Zola, "x", "", None, true);
        assert_eq!(z, "+++\ntitle = \"x\"\ndraft = true\n+++\n\n");
    }
}
