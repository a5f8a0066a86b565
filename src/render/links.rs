//! Relative links in user text (`[ohjeet](ohjeet.html)`, `[lomake](/lomakkeet/)`), made
//! absolute against the project's `settings.base_url` so that they keep their target wherever
//! the notice is published.
//!
//! Resolution follows RFC 3986 §5.2 for the one kind of reference it accepts: a relative
//! reference without scheme or authority ([`is_relative_target`]). The result always starts
//! with the base's own `http(s)://host`, so no reference can make it another scheme or another
//! host; the sanitiser then applies its usual link rules to it as to any other address.

use super::sanitize::is_relative_url;
use crate::identifiers::is_valid_web_url;

/// Whether a link target in user text is relative to the site it is published on: a path,
/// `?query` or `../up`, but not an in-page `#anchor` (which points into the notice itself) and
/// nothing with a scheme or a host (see [`is_relative_url`]).
pub fn is_relative_target(url: &str) -> bool {
    let u = url.trim();
    is_relative_url(u) && !u.starts_with('#')
}

/// Whether a link target in user text is an in-page anchor (`#oikeudet`): it points at a
/// heading of the notice itself, and is kept as it is. Only letters, digits, `-` and `_`
/// after the `#` — the form of the notice's own heading ids — so nothing else can ride on it.
pub fn is_in_page_anchor(url: &str) -> bool {
    url.strip_prefix('#').is_some_and(|id| {
        !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    })
}

/// An absolute `http` or `https` address that relative links are resolved against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseUrl {
    /// `https://host[:port]`, the scheme lower-cased.
    origin: String,
    /// The path, starting with `/`.
    path: String,
    /// The query, without `?`.
    query: Option<String>,
}

impl BaseUrl {
    /// The project's `settings.base_url`, if it sets a valid one (`invalid-url` reports one
    /// that is not).
    pub fn of_project(project: &crate::model::Project) -> Option<BaseUrl> {
        project
            .config
            .settings
            .as_ref()
            .and_then(|s| s.value.base_url.as_ref())
            .and_then(|b| BaseUrl::parse(&b.value))
    }

    /// The base for `s`, if it is a valid absolute web address (its fragment is ignored).
    pub fn parse(s: &str) -> Option<BaseUrl> {
        let s = s.trim();
        if !is_valid_web_url(s) {
            return None;
        }
        let s = s.split('#').next().unwrap_or(s);
        let (scheme, rest) = s.split_once("://")?;
        let scheme = scheme.to_ascii_lowercase();
        let end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, rest) = rest.split_at(end);
        let (path, query) = match rest.split_once('?') {
            Some((p, q)) => (p, Some(q.to_string())),
            None => (rest, None),
        };
        Some(BaseUrl {
            origin: format!("{scheme}://{authority}"),
            path: if path.is_empty() { "/" } else { path }.to_string(),
            query,
        })
    }

    /// `reference` made absolute, if it is a relative target ([`is_relative_target`]) and the
    /// result is a valid web address on the base's host; `None` leaves the link as it was.
    pub fn resolve(&self, reference: &str) -> Option<String> {
        let r = reference.trim();
        if !is_relative_target(r) {
            return None;
        }
        let (r, fragment) = match r.split_once('#') {
            Some((r, f)) => (r, Some(f)),
            None => (r, None),
        };
        let (path, query) = match r.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (r, None),
        };
        let (path, query) = if path.is_empty() {
            (self.path.clone(), query.or(self.query.as_deref()))
        } else if path.starts_with('/') {
            (remove_dot_segments(path), query)
        } else {
            let dir = &self.path[..self.path.rfind('/').map_or(0, |i| i + 1)];
            (remove_dot_segments(&format!("{dir}{path}")), query)
        };
        let mut out = format!("{}{path}", self.origin);
        if let Some(q) = query {
            out.push('?');
            out.push_str(q);
        }
        if let Some(f) = fragment {
            out.push('#');
            out.push_str(f);
        }
        // Belt and braces: whatever the reference, the link stays on the base's host.
        let on_host = out
            .strip_prefix(&self.origin)
            .is_some_and(|rest| rest.starts_with('/'));
        (on_host && is_valid_web_url(&out)).then_some(out)
    }
}

/// RFC 3986 §5.2.4 for an absolute path: `.` and `..` segments go, never above the root.
fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let last = segments.len().saturating_sub(1);
    for (i, s) in segments.iter().enumerate() {
        match *s {
            "." | ".." => {
                if *s == ".." {
                    out.pop();
                }
                // A trailing `.` or `..` names a directory: keep its slash.
                if i == last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    format!("/{}", out.join("/"))
}

// ---------------------------------------------------------------------------------------------
// References by id: `[Oikeutesi](#oikeudet)`, `[potilasrekisteri](#potilasrekisteri)`.
// ---------------------------------------------------------------------------------------------

/// The id a link target names when it is a reference by id (`#oikeudet`): the part after `#`,
/// trimmed, lower-cased and with Finnish letters folded, as register ids are made of file
/// names ([`crate::identifiers::slug`]) — so `#Oikeudet` and `#säilytysaika` name `oikeudet`
/// and `sailytysaika`. `None` for anything that is not `#` followed by such an id.
pub fn reference_id(url: &str) -> Option<String> {
    let rest = url.trim().strip_prefix('#')?.trim();
    let id = crate::identifiers::slug(rest);
    (!id.is_empty()).then_some(id)
}

/// The anchors that section headings of a template give (`## Säilytysaika {#sailytysaika}`), in
/// the order they first appear. An anchor made by the template at render time
/// (`{#{{ s.anchor }}}`) is not one of them.
pub fn template_anchors(template: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in template.lines() {
        let line = line.trim_end();
        if !line.starts_with('#') {
            continue;
        }
        let Some(open) = line.rfind("{#") else {
            continue;
        };
        let Some(id) = line[open + 2..].strip_suffix('}') else {
            continue;
        };
        // A part shared with combined pages writes `{#{{ at }}tarkoitukset}`: the prefix is
        // empty on a register's own page.
        let id = id.strip_prefix("{{ at }}").unwrap_or(id);
        let ok = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if ok && !out.iter().any(|a| a == id) {
            out.push(id.to_string());
        }
    }
    out
}

/// The anchors of the further sections of a register (`sections:`), `lisatieto-<title>`, made
/// unique in the register (`-2`, `-3` …): the view gives its headings these, and a reference
/// may name them.
pub fn extra_section_anchors<'a>(titles: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut anchors: Vec<String> = Vec::new();
    for title in titles {
        let base = format!("lisatieto-{}", super::markdown::slug(title));
        let mut anchor = base.clone();
        let mut n = 2;
        while anchors.contains(&anchor) {
            anchor = format!("{base}-{n}");
            n += 1;
        }
        anchors.push(anchor);
    }
    anchors
}

/// The further-section anchors of a register, as its view makes them.
pub fn register_extra_anchors(r: &crate::model::Register) -> Vec<String> {
    extra_section_anchors(
        r.extra_sections()
            .iter()
            .filter(|x| !x.title.value.is_blank() && !x.text.value.is_blank())
            .map(|x| x.title.value.as_str()),
    )
}

/// What a reference `#id` may name in a project: a section of a notice (its anchor in the
/// templates in use), a register (its id), or a combined notice (its id).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReferenceTargets {
    /// The section anchors that `register.md` and the parts it includes give, in template
    /// order (`rekisterinpitaja`, `tarkoitukset` …).
    pub sections: Vec<String>,
    /// Each register's id, with the combined notice that holds it when it has no page of its
    /// own (`separate_pages: false`).
    pub registers: std::collections::HashMap<String, Option<String>>,
    /// The ids of the combined notices.
    pub combined: std::collections::BTreeSet<String>,
    /// Whether the project overrides `register.md` or `summary.md`: which sections a register
    /// has is then up to its own templates.
    pub own_templates: bool,
}

/// What an id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A section anchor of the templates.
    Section,
    /// A register.
    Register,
    /// A combined notice.
    Combined,
}

impl ReferenceTargets {
    /// The targets of a project: the section anchors of its templates (the built-in ones or its
    /// own overrides), the registers with these ids, and the combined notices of
    /// `seloste.yaml`.
    pub fn new<'a>(
        templates: &super::Templates,
        project: &crate::model::Project,
        register_ids: impl IntoIterator<Item = &'a str>,
    ) -> ReferenceTargets {
        let mut t = ReferenceTargets {
            sections: section_anchors(templates),
            own_templates: ["register.md", "summary.md"]
                .iter()
                .any(|n| templates.overrides.contains_key(*n)),
            ..ReferenceTargets::default()
        };
        let combined = project
            .config
            .combined
            .as_ref()
            .map(|c| c.value.as_slice())
            .unwrap_or(&[]);
        // The combined notice that presents a register without a page of its own (the first,
        // should several).
        let mut holders: std::collections::HashMap<&str, &str> = Default::default();
        for c in combined
            .iter()
            .filter(|c| c.value.separate_pages.as_ref().is_some_and(|s| !s.value))
        {
            for r in &c.value.registers.value {
                holders
                    .entry(r.value.as_str())
                    .or_insert(c.value.id.value.as_str());
            }
        }
        for id in register_ids {
            let holder = holders.get(id).map(|c| c.to_string());
            t.registers.insert(id.to_string(), holder);
        }
        for c in combined {
            t.combined.insert(c.value.id.value.as_str().to_string());
        }
        t
    }

    /// What `id` (as [`reference_id`] gives it) names, section first: `#evasteet` in a
    /// project with a register `evasteet` names the section (the lint reports such a
    /// reference as ambiguous).
    pub fn target(&self, id: &str) -> Option<Target> {
        if self.sections.iter().any(|s| s == id) {
            Some(Target::Section)
        } else if self.registers.contains_key(id) {
            Some(Target::Register)
        } else if self.combined.contains(id) {
            Some(Target::Combined)
        } else {
            None
        }
    }

    /// Whether `id` names a register or a combined notice (a link to another page).
    pub fn is_page(&self, id: &str) -> bool {
        self.registers.contains_key(id) || self.combined.contains(id)
    }

    /// Every id a reference may name, for suggestions.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.sections
            .iter()
            .map(String::as_str)
            .chain(self.registers.keys().map(String::as_str))
            .chain(self.combined.iter().map(String::as_str))
    }
}

/// The section anchors of the templates in use: those of `register.md` and of the parts it
/// includes ([`PARTS`](super::templates::PARTS)), each the project's own where it overrides it.
pub fn section_anchors(templates: &super::Templates) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in std::iter::once("register.md").chain(super::templates::PARTS.iter().copied()) {
        let text = match templates.overrides.get(name) {
            Some((_, text)) => text.to_string(),
            None => super::templates::BUILTIN
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, t)| t.to_string())
                .unwrap_or_default(),
        };
        for a in template_anchors(&text) {
            if !out.contains(&a) {
                out.push(a);
            }
        }
    }
    out
}

/// How the output at hand links another page of the project.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageLinks {
    /// The HTML pages: `asiakasrekisteri.html`, `tietosuojaseloste.html#potilasrekisteri`.
    Html,
    /// Plain Markdown files: `asiakasrekisteri.md`. Plain Markdown has no heading ids, so a
    /// link into another page is a link to the page.
    Markdown,
    /// Markdown for Hugo or Zola, where each page is a directory of the section:
    /// `../asiakasrekisteri/`, `../tietosuojaseloste/#potilasrekisteri`.
    Section,
    /// The section index (`_index.md`) of Hugo or Zola, whose pages are its subdirectories:
    /// `asiakasrekisteri/`.
    SectionIndex,
}

impl PageLinks {
    /// The address of the page `page`, at `anchor` if given.
    pub fn href(self, page: &str, anchor: Option<&str>) -> String {
        match (self, anchor) {
            (PageLinks::Html, None) => format!("{page}.html"),
            (PageLinks::Html, Some(a)) => format!("{page}.html#{a}"),
            (PageLinks::Markdown, _) => format!("{page}.md"),
            (PageLinks::Section, None) => format!("../{page}/"),
            (PageLinks::Section, Some(a)) => format!("../{page}/#{a}"),
            (PageLinks::SectionIndex, None) => format!("{page}/"),
            (PageLinks::SectionIndex, Some(a)) => format!("{page}/#{a}"),
        }
    }
}

/// The page a reference stands on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageOf<'a> {
    /// A register's own page.
    Register(&'a str),
    /// A combined notice's page, by its id. Each register it presents has a section anchored
    /// with the register's id, and its own subsections `<register>-<anchor>`; what is said once
    /// for all keeps the plain anchor.
    Combined(&'a str),
    /// The index.
    Index,
}

/// Where a reference stands, for [`resolve_reference`].
#[derive(Clone, Copy, Debug)]
pub struct ReferenceContext<'a> {
    /// What ids the project has.
    pub targets: &'a ReferenceTargets,
    /// The page.
    pub page: PageOf<'a>,
    /// The register whose text holds the reference (`None`: a text of the page said once for
    /// all, or of `seloste.yaml`).
    pub from: Option<&'a str>,
    /// The ids of the page's headings, without any fragment prefix.
    pub on_page: &'a std::collections::HashSet<String>,
    /// How another page is linked.
    pub links: PageLinks,
}

/// Where the reference `#id` leads on the page `cx` describes: `#anchor` on the page itself,
/// or the address of another page (see [`PageLinks`]); `None` when it names nothing there.
///
/// - On a combined page, a register's text naming one of its own sections leads to
///   `#<register>-<anchor>`; a section said once for all keeps `#<anchor>`.
/// - A heading of the page wins: `#oikeudet` on a page with that section stays in the page.
/// - A register or combined notice not on the page leads to its page; a register without a
///   page of its own, to the combined page that presents it, at its section.
pub fn resolve_reference(id: &str, cx: &ReferenceContext<'_>) -> Option<String> {
    if let (PageOf::Combined(_), Some(from)) = (cx.page, cx.from) {
        let own = format!("{from}-{id}");
        if cx.on_page.contains(&own) {
            return Some(format!("#{own}"));
        }
    }
    if cx.on_page.contains(id) {
        return Some(format!("#{id}"));
    }
    if let Some(holder) = cx.targets.registers.get(id) {
        return Some(match holder {
            None => cx.links.href(id, None),
            Some(c) => match cx.page {
                PageOf::Combined(here) if here == c => format!("#{id}"),
                _ => cx.links.href(c, Some(id)),
            },
        });
    }
    if cx.targets.combined.contains(id) {
        return Some(cx.links.href(id, None));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base(s: &str) -> BaseUrl {
        BaseUrl::parse(s).unwrap()
    }

    #[test]
    fn references_resolve_as_rfc_3986_says() {
        let b = base("https://www.esimerkki.fi/tietosuoja/seloste.html?v=1#x");
        let r = |s| b.resolve(s);
        assert_eq!(
            r("ohjeet.html").as_deref(),
            Some("https://www.esimerkki.fi/tietosuoja/ohjeet.html")
        );
        assert_eq!(
            r("../lomakkeet/").as_deref(),
            Some("https://www.esimerkki.fi/lomakkeet/")
        );
        assert_eq!(
            r("/a/./b/../c?q=1#k").as_deref(),
            Some("https://www.esimerkki.fi/a/c?q=1#k")
        );
        assert_eq!(
            r("../../../../x").as_deref(),
            Some("https://www.esimerkki.fi/x")
        );
        assert_eq!(
            r("?sivu=2").as_deref(),
            Some("https://www.esimerkki.fi/tietosuoja/seloste.html?sivu=2")
        );
        assert_eq!(
            r("a/..").as_deref(),
            Some("https://www.esimerkki.fi/tietosuoja/")
        );
        let root = base("https://esimerkki.fi");
        assert_eq!(
            root.resolve("tietosuoja").as_deref(),
            Some("https://esimerkki.fi/tietosuoja")
        );
    }

    #[test]
    fn nothing_but_a_relative_path_is_resolved() {
        let b = base("https://esimerkki.fi/");
        for not in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "data:text/html,x",
            "//evil.example/x",
            "\\\\evil.example",
            "/\\evil.example",
            "#ankkuri",
            "https://muu.example/",
            "mailto:a@b.fi",
            "a b.html",
            "a\tb",
            "",
        ] {
            assert_eq!(b.resolve(not), None, "{not:?}");
        }
        // A colon after the first slash is a path, and stays on the host.
        assert_eq!(
            b.resolve("x/javascript:alert(1)").as_deref(),
            Some("https://esimerkki.fi/x/javascript:alert(1)")
        );
    }

    #[test]
    fn only_a_web_address_is_a_base() {
        for bad in [
            "esimerkki.fi",
            "ftp://esimerkki.fi/",
            "javascript:alert(1)",
            "https://user@esimerkki.fi/",
            "/tietosuoja/",
        ] {
            assert_eq!(BaseUrl::parse(bad), None, "{bad}");
        }
        assert_eq!(
            base("http://esimerkki.fi:8080/a").origin,
            "http://esimerkki.fi:8080"
        );
    }

    fn targets() -> ReferenceTargets {
        let mut t = ReferenceTargets {
            sections: ["rekisterinpitaja", "tarkoitukset", "oikeudet", "evasteet"]
                .map(String::from)
                .to_vec(),
            ..ReferenceTargets::default()
        };
        t.registers.insert("asiakasrekisteri".into(), None);
        t.registers.insert("potilasrekisteri".into(), None);
        // Only on the combined page `tietosuojaseloste`.
        t.registers
            .insert("ajanvaraus".into(), Some("tietosuojaseloste".into()));
        t.combined.insert("tietosuojaseloste".into());
        t
    }

    fn ids(list: &[&str]) -> std::collections::HashSet<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn references_are_read_in_one_form() {
        assert_eq!(reference_id("#oikeudet").as_deref(), Some("oikeudet"));
        assert_eq!(reference_id(" #Oikeudet ").as_deref(), Some("oikeudet"));
        assert_eq!(
            reference_id("#Säilytysaika").as_deref(),
            Some("sailytysaika")
        );
        assert_eq!(
            reference_id("# oikeus tietoihin").as_deref(),
            Some("oikeus-tietoihin")
        );
        for not in ["#", "# ", "oikeudet", "a.html#oikeudet", "#!!", ""] {
            assert_eq!(reference_id(not), None, "{not:?}");
        }
    }

    #[test]
    fn a_register_page_links_its_sections_in_the_page_and_other_pages_by_their_address() {
        let t = targets();
        let on_page = ids(&["rekisterinpitaja", "tarkoitukset", "oikeudet"]);
        let cx = |links| ReferenceContext {
            targets: &t,
            page: PageOf::Register("asiakasrekisteri"),
            from: Some("asiakasrekisteri"),
            on_page: &on_page,
            links,
        };
        let r = |id, links| resolve_reference(id, &cx(links));
        for links in [PageLinks::Html, PageLinks::Markdown, PageLinks::Section] {
            assert_eq!(r("oikeudet", links).as_deref(), Some("#oikeudet"));
            // A section of the templates that this page does not have leads nowhere.
            assert_eq!(r("evasteet", links), None);
            assert_eq!(r("tuntematon", links), None);
        }
        assert_eq!(
            r("potilasrekisteri", PageLinks::Html).as_deref(),
            Some("potilasrekisteri.html")
        );
        assert_eq!(
            r("potilasrekisteri", PageLinks::Markdown).as_deref(),
            Some("potilasrekisteri.md")
        );
        assert_eq!(
            r("potilasrekisteri", PageLinks::Section).as_deref(),
            Some("../potilasrekisteri/")
        );
        // A register without a page of its own: the combined page, at its section.
        assert_eq!(
            r("ajanvaraus", PageLinks::Html).as_deref(),
            Some("tietosuojaseloste.html#ajanvaraus")
        );
        assert_eq!(
            r("ajanvaraus", PageLinks::Section).as_deref(),
            Some("../tietosuojaseloste/#ajanvaraus")
        );
        // Plain Markdown has no heading ids: the page itself.
        assert_eq!(
            r("ajanvaraus", PageLinks::Markdown).as_deref(),
            Some("tietosuojaseloste.md")
        );
        assert_eq!(
            r("tietosuojaseloste", PageLinks::Html).as_deref(),
            Some("tietosuojaseloste.html")
        );
    }

    #[test]
    fn a_combined_page_links_a_registers_own_sections_shared_ones_and_its_registers_in_the_page() {
        let t = targets();
        // The combined page presents asiakasrekisteri and ajanvaraus.
        let on_page = ids(&[
            "rekisterinpitaja",
            "oikeudet",
            "asiakasrekisteri",
            "asiakasrekisteri-tarkoitukset",
            "ajanvaraus",
            "ajanvaraus-tarkoitukset",
        ]);
        let cx = |from| ReferenceContext {
            targets: &t,
            page: PageOf::Combined("tietosuojaseloste"),
            from,
            on_page: &on_page,
            links: PageLinks::Html,
        };
        let r = |id, from| resolve_reference(id, &cx(from));
        // A register's text naming its own section.
        assert_eq!(
            r("tarkoitukset", Some("ajanvaraus")).as_deref(),
            Some("#ajanvaraus-tarkoitukset")
        );
        assert_eq!(
            r("tarkoitukset", Some("asiakasrekisteri")).as_deref(),
            Some("#asiakasrekisteri-tarkoitukset")
        );
        // A section said once for all.
        assert_eq!(
            r("oikeudet", Some("ajanvaraus")).as_deref(),
            Some("#oikeudet")
        );
        assert_eq!(
            r("rekisterinpitaja", None).as_deref(),
            Some("#rekisterinpitaja")
        );
        // Another register on the page, and one that is not.
        assert_eq!(
            r("asiakasrekisteri", Some("ajanvaraus")).as_deref(),
            Some("#asiakasrekisteri")
        );
        assert_eq!(
            r("potilasrekisteri", Some("ajanvaraus")).as_deref(),
            Some("potilasrekisteri.html")
        );
        // A register whose only page is this one, even were its section missing.
        let bare = ids(&["oikeudet"]);
        let cx = ReferenceContext {
            on_page: &bare,
            ..cx(None)
        };
        assert_eq!(
            resolve_reference("ajanvaraus", &cx).as_deref(),
            Some("#ajanvaraus")
        );
        // A section said per register, from a text said once: no such heading.
        assert_eq!(resolve_reference("tarkoitukset", &cx), None);
    }

    #[test]
    fn the_index_links_registers_and_its_own_headings() {
        let t = targets();
        let on_page = ids(&["rekisterinpitaja"]);
        let cx = ReferenceContext {
            targets: &t,
            page: PageOf::Index,
            from: None,
            on_page: &on_page,
            links: PageLinks::Html,
        };
        assert_eq!(
            resolve_reference("rekisterinpitaja", &cx).as_deref(),
            Some("#rekisterinpitaja")
        );
        assert_eq!(resolve_reference("oikeudet", &cx), None);
        let hugo = ReferenceContext {
            links: PageLinks::SectionIndex,
            ..cx
        };
        assert_eq!(
            resolve_reference("asiakasrekisteri", &hugo).as_deref(),
            Some("asiakasrekisteri/")
        );
        assert_eq!(
            resolve_reference("ajanvaraus", &hugo).as_deref(),
            Some("tietosuojaseloste/#ajanvaraus")
        );
        assert_eq!(
            resolve_reference("asiakasrekisteri", &cx).as_deref(),
            Some("asiakasrekisteri.html")
        );
    }

    #[test]
    fn section_anchors_come_from_the_templates_in_use() {
        let builtin = crate::render::templates::builtin().unwrap();
        let anchors = section_anchors(&builtin);
        for a in [
            "rekisterinpitaja",
            "tarkoitukset",
            "oikeudet",
            "sailytysaika",
            "tiivistelma",
        ] {
            assert!(anchors.iter().any(|x| x == a), "{a} in {anchors:?}");
        }
        // The dynamic anchor of further sections is not a template anchor.
        assert!(!anchors.iter().any(|a| a.contains('{')));
        assert_eq!(
            template_anchors("## A {#a}\n### B {#{{ x }}}\ntext {#c}\n## D {#a}\n#### E {#e_1}\n"),
            ["a", "e_1"]
        );
        assert_eq!(
            extra_section_anchors(["Kameravalvonta", "Kameravalvonta", "Äänitallenteet"]),
            [
                "lisatieto-kameravalvonta",
                "lisatieto-kameravalvonta-2",
                "lisatieto-aanitallenteet"
            ]
        );
    }

    #[test]
    fn targets_know_which_combined_notice_holds_a_register_without_a_page() {
        let mut files = crate::pipeline::MemoryFiles::new();
        files.insert(
            "seloste.yaml",
            "controller:\n  name: Oy\ncombined:\n  - id: kaikki\n    registers: [a, b]\n    separate_pages: false\n  - id: muut\n    registers: [b, c]\n",
        );
        files.insert("notices/a.yaml", "title: A\n");
        let outcome = crate::pipeline::run_project(
            std::path::Path::new("seloste.yaml"),
            &files,
            &crate::pipeline::Options {
                today: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
                keep_registers: false,
            },
        );
        let project = outcome.project.expect("the project loads");
        let builtin = crate::render::templates::builtin().unwrap();
        let t = ReferenceTargets::new(&builtin, &project, ["a", "b", "c"]);
        assert_eq!(t.registers["a"].as_deref(), Some("kaikki"));
        assert_eq!(t.registers["b"].as_deref(), Some("kaikki"));
        // `muut` keeps the registers' own pages.
        assert_eq!(t.registers["c"], None);
        assert_eq!(t.target("kaikki"), Some(Target::Combined));
        assert_eq!(t.target("muut"), Some(Target::Combined));
        assert_eq!(t.target("oikeudet"), Some(Target::Section));
        assert_eq!(t.target("c"), Some(Target::Register));
        assert_eq!(t.target("d"), None);
        assert!(!t.own_templates);
    }
}
