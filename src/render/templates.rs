//! The templates: built into the binary, overridden by a project's own
//! `templates/<language>/<name>` (or, for the default language, the older `templates/<name>`).
//!
//! A language is a set of files, `templates/<language>/`: the notice (`register.md`), the
//! index (`index.md`), the page (`page.html`), its style (`style.css`) and the words the
//! filters use (`labels.yaml`: vocabularies, article references, dates). Nothing of a
//! language is in Rust: [`LANGUAGES`] lists the built-in sets.
//!
//! Two tera instances: one for Markdown (`.md`, autoescaped with the Markdown escape) and one
//! for the HTML layout (`.html`, autoescaped with HTML escaping). Both get the filters that
//! turn codes into the language's labels (`legal_basis`, `special_category`, …), dates and
//! article references into its forms.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Deserialize;
use tera::{Kwargs, State, Tera, Value};

use super::markdown;
use crate::contain::{ContainError, ProjectRoot};
use crate::data;
use crate::diagnostic::{Diagnostic, InputError};
use crate::model::{CountryCode, parse_date};
use crate::source::{FileId, Pos, Sources};

/// The built-in templates of one language, `templates/<language>/`.
macro_rules! language {
    ($lang:literal) => {
        (
            $lang,
            &[
                (
                    "register.md",
                    include_str!(concat!("../../templates/", $lang, "/register.md")),
                ),
                (
                    "summary.md",
                    include_str!(concat!("../../templates/", $lang, "/summary.md")),
                ),
                (
                    "callout.md",
                    include_str!(concat!("../../templates/", $lang, "/callout.md")),
                ),
                (
                    "controller.md",
                    include_str!(concat!("../../templates/", $lang, "/controller.md")),
                ),
                (
                    "sections.md",
                    include_str!(concat!("../../templates/", $lang, "/sections.md")),
                ),
                (
                    "security.md",
                    include_str!(concat!("../../templates/", $lang, "/security.md")),
                ),
                (
                    "rights.md",
                    include_str!(concat!("../../templates/", $lang, "/rights.md")),
                ),
                (
                    "extra.md",
                    include_str!(concat!("../../templates/", $lang, "/extra.md")),
                ),
                (
                    "intro.md",
                    include_str!(concat!("../../templates/", $lang, "/intro.md")),
                ),
                (
                    "updated.md",
                    include_str!(concat!("../../templates/", $lang, "/updated.md")),
                ),
                (
                    "combined.md",
                    include_str!(concat!("../../templates/", $lang, "/combined.md")),
                ),
                (
                    "index.md",
                    include_str!(concat!("../../templates/", $lang, "/index.md")),
                ),
                (
                    "page.html",
                    include_str!(concat!("../../templates/", $lang, "/page.html")),
                ),
                (
                    "style.css",
                    include_str!(concat!("../../templates/", $lang, "/style.css")),
                ),
                (
                    "labels.yaml",
                    include_str!(concat!("../../templates/", $lang, "/labels.yaml")),
                ),
            ],
        )
    };
}

/// The built-in languages, each a set of files under `templates/<language>/`. A language is
/// added by adding its directory and a line here.
pub const LANGUAGES: &[(&str, &[(&str, &str)])] = &[language!("fi")];

/// The language notices are written in (the only one so far).
pub const DEFAULT_LANGUAGE: &str = "fi";

/// The built-in templates of the default language: their names and texts.
pub const BUILTIN: &[(&str, &str)] = LANGUAGES[0].1;

/// The templates that others include: `register.md` includes `summary.md` (the first layer) and
/// the parts a combined notice shares with it (`combined.md` includes `intro.md`, `callout.md`,
/// `controller.md`, `security.md`, `rights.md` and `updated.md`, and is given `sections.md`,
/// `security.md` and `extra.md` rendered once per register).
pub const PARTS: &[&str] = &[
    "summary.md",
    "intro.md",
    "updated.md",
    "callout.md",
    "controller.md",
    "sections.md",
    "security.md",
    "rights.md",
    "extra.md",
];

/// The Finnish words the filters use (`templates/fi/labels.yaml`).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    /// The word that starts a marker for a missing item in a draft.
    pub missing_marker: String,
    /// Missing items: their names and the articles that require them.
    pub missing: BTreeMap<String, MissingItem>,
    /// The words that start the marker of a finding in a draft (from the built-in file when a
    /// project's own `labels.yaml` predates them).
    #[serde(default)]
    pub finding_marker: Option<FindingMarkers>,
    /// Labels per vocabulary (legal_basis, special_category, …), by code.
    pub vocabularies: BTreeMap<String, BTreeMap<String, String>>,
    /// Units of retention periods: singular and partitive plural.
    pub period: PeriodLabels,
    /// Words of article references, as earlier versions wrote them: used only when the
    /// file has no `article_forms` (a project's own labels.yaml from before them).
    #[serde(default)]
    pub article: Option<ArticleLabels>,
    /// The forms of an article reference in this language (from the built-in file when a
    /// project's own `labels.yaml` predates them).
    #[serde(default)]
    pub article_forms: Option<ArticleForms>,
    /// How a date is written, as a chrono format ("%-d.%-m.%Y").
    #[serde(default)]
    pub date_format: Option<String>,
}

/// The forms of an article reference, with `{article}`, `{paragraph}` and `{point}` standing
/// for the numbers and letters: "{article} artiklan {paragraph} kohta".
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleForms {
    /// A whole article: "45 artikla".
    pub article: String,
    /// A paragraph: "21 artiklan 1 kohta".
    pub paragraph: String,
    /// A point of a paragraph: "6 artiklan 1 kohdan a alakohta".
    pub point: String,
    /// The second subparagraph of a paragraph: "49 artiklan 1 kohdan toinen alakohta".
    pub second_subparagraph: String,
    /// The word joining the last two references of a list: "ja".
    pub and: String,
}

impl ArticleForms {
    /// The forms that the words of an earlier `labels.yaml` make, in the Finnish order.
    fn from_words(w: &ArticleLabels) -> ArticleForms {
        ArticleForms {
            article: format!("{{article}} {}", w.article),
            paragraph: format!(
                "{{article}} {} {{paragraph}} {}",
                w.article_genitive, w.paragraph
            ),
            point: format!(
                "{{article}} {} {{paragraph}} {} {{point}} {}",
                w.article_genitive, w.paragraph_genitive, w.point
            ),
            second_subparagraph: format!(
                "{{article}} {} {{paragraph}} {} {}",
                w.article_genitive, w.paragraph_genitive, w.second_subparagraph
            ),
            and: w.and.clone(),
        }
    }
}

/// The words that start the marker of a finding in a draft, by severity.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingMarkers {
    /// Before an error: what must be fixed before the notice is published.
    pub error: String,
    /// Before a warning: what should be looked at.
    pub warning: String,
}

impl Labels {
    /// Every word that starts a draft marker.
    pub fn markers(&self) -> Vec<&str> {
        let mut v = vec![self.missing_marker.as_str()];
        if let Some(f) = &self.finding_marker {
            v.extend([f.error.as_str(), f.warning.as_str()]);
        }
        v
    }

    /// Takes from `builtin` every label this file lacks: a missing item, a vocabulary or a
    /// code within one, a period unit, the finding markers. What the file says stays.
    pub fn fill_from(&mut self, builtin: Labels) {
        for (k, v) in builtin.missing {
            self.missing.entry(k).or_insert(v);
        }
        for (vocabulary, codes) in builtin.vocabularies {
            let own = self.vocabularies.entry(vocabulary).or_default();
            for (code, label) in codes {
                own.entry(code).or_insert(label);
            }
        }
        for (unit, forms) in builtin.period.units {
            self.period.units.entry(unit).or_insert(forms);
        }
        if self.finding_marker.is_none() {
            self.finding_marker = builtin.finding_marker;
        }
        if self.article_forms.is_none() {
            self.article_forms = match &self.article {
                Some(words) => Some(ArticleForms::from_words(words)),
                None => builtin.article_forms,
            };
        }
        if self.date_format.is_none() {
            self.date_format = builtin.date_format;
        }
    }

    /// The forms of article references (the built-in file always has them).
    pub fn article_forms(&self) -> ArticleForms {
        self.article_forms.clone().unwrap_or_else(|| {
            self.article
                .as_ref()
                .map(ArticleForms::from_words)
                .unwrap_or_else(|| ArticleForms {
                    article: "Art {article}".into(),
                    paragraph: "Art {article}({paragraph})".into(),
                    point: "Art {article}({paragraph})({point})".into(),
                    second_subparagraph: "Art {article}({paragraph}) second subparagraph".into(),
                    and: "and".into(),
                })
        })
    }

    /// The word that starts the marker of a finding.
    pub fn finding_word(&self, error: bool) -> &str {
        match &self.finding_marker {
            Some(f) if error => &f.error,
            Some(f) => &f.warning,
            None => &self.missing_marker,
        }
    }
}

/// A missing item's name and article.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MissingItem {
    /// What is missing, in Finnish.
    pub label: String,
    /// The article requiring it, as `Art 13(1)(c)`.
    pub article: String,
}

/// Period units.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodLabels {
    /// `[singular, partitive]` per unit.
    pub units: BTreeMap<String, [String; 2]>,
    /// For a permanent period.
    pub permanent: String,
}

/// The words of an article reference: "6 artiklan 1 kohdan a alakohta".
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleLabels {
    /// "artikla".
    pub article: String,
    /// "artiklan".
    pub article_genitive: String,
    /// "kohta".
    pub paragraph: String,
    /// "kohdan".
    pub paragraph_genitive: String,
    /// "alakohta".
    pub point: String,
    /// "toinen alakohta".
    pub second_subparagraph: String,
    /// "ja".
    pub and: String,
}

/// The loaded templates.
pub struct Templates {
    /// Markdown templates.
    pub markdown: Tera,
    /// HTML templates.
    pub html: Tera,
    /// The stylesheet embedded in pages.
    pub css: String,
    /// The labels.
    pub labels: Arc<Labels>,
    /// The project's own templates, by name: their file and text, to locate render errors.
    pub overrides: BTreeMap<String, (FileId, Arc<str>)>,
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Templates").finish_non_exhaustive()
    }
}

/// A template that failed to load or render: where, and what is wrong.
#[derive(Debug)]
pub struct TemplateError {
    /// Which template.
    pub name: String,
    /// Whether it is the project's own override.
    pub overridden: bool,
    /// The project's template file, when the error is in one.
    pub file: Option<FileId>,
    /// Where in that file, when known.
    pub pos: Option<Pos>,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} template `{}`: {}",
            if self.overridden {
                "the project's"
            } else {
                "the built-in"
            },
            self.name,
            self.message
        )
    }
}

impl std::error::Error for TemplateError {}

impl TemplateError {
    /// The error as an input diagnostic, located in the project's template where it is one.
    pub fn to_diagnostic(&self) -> Diagnostic {
        let message = format!("template `{}`: {}", self.name, self.message);
        let d = match self.file {
            Some(file) => Diagnostic::input(
                InputError::Template,
                file,
                self.pos.unwrap_or(Pos::START),
                message,
            ),
            None => Diagnostic::input_unlocated(InputError::Template, message),
        };
        if self.overridden {
            d.with_help(format!(
                "fix templates/{}, or delete it to use the built-in template",
                self.name
            ))
        } else {
            d.with_help("this is a bug in seloste's own template: please report it")
        }
    }

    /// A tera error, located where tera says it is when the template is the project's.
    pub(crate) fn from_tera(
        name: &str,
        e: &tera::Error,
        own: Option<(FileId, &str)>,
    ) -> TemplateError {
        let report = match e.kind() {
            tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => Some(r),
            _ => None,
        };
        let (file, pos) = match (own, report) {
            (Some((file, text)), Some(r)) if r.filename() == name => {
                let span = r.span();
                let start = span.range.start.min(text.len());
                (
                    Some(file),
                    Some(Pos {
                        line: span.start_line as u32,
                        column: text[..start]
                            .rsplit('\n')
                            .next()
                            .map_or(1, |l| l.chars().count() as u32 + 1),
                        offset: Some(start as u32),
                        len: span.range.len() as u32,
                        file: None,
                    }),
                )
            }
            (Some((file, _)), _) => (Some(file), None),
            (None, _) => (None, None),
        };
        let message = match report {
            Some(r) => r.message().to_string(),
            None => e.to_string(),
        };
        TemplateError {
            name: name.to_string(),
            overridden: own.is_some(),
            file,
            pos,
            message,
        }
    }
}

/// The largest template file read from a project.
pub const MAX_TEMPLATE_BYTES: u64 = 1 << 20;

/// Formats an article reference in the language of `w`: in Finnish, `Art 6(1)(a)` → "6
/// artiklan 1 kohdan a alakohta", `Art 45` → "45 artikla", `Art 46(2)(b), 47` → "46 artiklan 2
/// kohdan b alakohta ja 47 artikla". Anything it does not recognise is returned as it is.
pub fn article_ref(reference: &str, w: &ArticleForms) -> String {
    let r = reference.trim();
    let Some(body) = r.strip_prefix("Art ") else {
        return r.to_string();
    };
    let mut parts: Vec<String> = Vec::new();
    for piece in body.split(", ") {
        let (main, second) = match piece.strip_suffix(" second subparagraph") {
            Some(m) => (m, true),
            None => (piece, false),
        };
        // number, then (paragraph), then (point)
        let num: String = main.chars().take_while(char::is_ascii_digit).collect();
        if num.is_empty() {
            return r.to_string();
        }
        let mut rest = &main[num.len()..];
        let mut groups = Vec::new();
        while let Some(open) = rest.strip_prefix('(') {
            let Some(close) = open.find(')') else {
                return r.to_string();
            };
            groups.push(&open[..close]);
            rest = &open[close + 1..];
        }
        if !rest.trim().is_empty() && !rest.trim().starts_with('-') {
            return r.to_string();
        }
        let (form, p, q) = match (groups.as_slice(), second) {
            ([], _) => (&w.article, "", ""),
            ([p], false) => (&w.paragraph, *p, ""),
            ([p], true) => (&w.second_subparagraph, *p, ""),
            ([p, q, ..], _) => (&w.point, *p, *q),
        };
        let s = form
            .replace("{article}", &num)
            .replace("{paragraph}", p)
            .replace("{point}", q);
        parts.push(s);
    }
    match parts.len() {
        0 => r.to_string(),
        1 => parts.remove(0),
        _ => {
            let last = parts.pop().unwrap_or_default();
            format!("{} {} {last}", parts.join(", "), w.and)
        }
    }
}

/// A retention period in Finnish: "1 vuosi", "2 vuotta", "pysyvästi".
fn period_fi(v: &Value, labels: &Labels) -> Result<String, tera::Error> {
    if v.get_from_path("permanent").and_then(Value::as_bool) == Some(true) {
        return Ok(labels.period.permanent.clone());
    }
    let amount = v
        .get_from_path("amount")
        .and_then(Value::as_i128)
        .unwrap_or(0);
    let unit = v
        .get_from_path("unit")
        .and_then(Value::as_str)
        .unwrap_or("");
    let forms =
        labels.period.units.get(unit).ok_or_else(|| {
            tera::Error::message(format!("labels.yaml has no period unit `{unit}`"))
        })?;
    Ok(format!(
        "{amount} {}",
        if amount == 1 { &forms[0] } else { &forms[1] }
    ))
}

/// `s` as a CSS string in double quotes, safe inside a `<style>` element: every character
/// that could end the string, the declaration or the element (`"`, `\\`, `<`, `>`, `&`, line
/// breaks and other control characters) is written as a CSS hex escape. For the running header
/// of printed pages, which quotes the controller's and the register's names.
pub fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if matches!(c, '"' | '\\' | '<' | '>' | '&' | '\'') || c.is_control() {
            // The space ends the escape, so that a hex digit after it is not read as part of it.
            out.push_str(&format!("\\{:x} ", c as u32));
        } else {
            out.push(c);
        }
    }
    out.push('"');
    out
}

/// Registers the filters and functions on a tera instance.
fn register(tera: &mut Tera, labels: &Arc<Labels>) {
    for vocab in [
        "legal_basis",
        "special_category",
        "condition",
        "obtained",
        "provision",
        "role",
        "mechanism",
        "derogation",
        "right",
        "exclusion",
        "adequacy_scope",
        "adequacy_scope_unmet",
        "cookie_class",
        "objection_grounds",
    ] {
        let l = labels.clone();
        tera.register_filter(
            vocab,
            move |code: &str, _: Kwargs, _: &State| -> tera::TeraResult<Value> {
                l.vocabularies
                    .get(vocab)
                    .and_then(|m| m.get(code))
                    .map(|s| Value::safe_string(s))
                    .ok_or_else(|| {
                        tera::Error::message(format!(
                            "labels.yaml has no {vocab} label for `{code}`"
                        ))
                    })
            },
        );
    }
    /// A filter from a vocabulary's YAML name to the article it stands for.
    fn article_of<T: Copy + Send + Sync + 'static>(
        tera: &mut Tera,
        filter: &'static str,
        all: &'static [T],
        name: fn(T) -> &'static str,
        article: fn(T) -> &'static str,
    ) {
        tera.register_filter(filter, move |code: &str, _: Kwargs, _: &State| {
            all.iter()
                .find(|x| name(**x) == code)
                .map(|x| article(*x).to_string())
                .ok_or_else(|| tera::Error::message(format!("{filter}: unknown code `{code}`")))
        });
    }
    article_of(
        tera,
        "legal_basis_article",
        crate::model::LegalBasis::ALL,
        crate::model::LegalBasis::name,
        crate::model::LegalBasis::article,
    );
    article_of(
        tera,
        "condition_article",
        crate::model::Condition::ALL,
        crate::model::Condition::name,
        crate::model::Condition::article,
    );
    let forms = Arc::new(labels.article_forms());
    let f = forms.clone();
    // Filters make their output from codes and trusted labels, so it is safe as it is — except
    // where they pass an unrecognised input through, which stays subject to escaping.
    tera.register_filter("article", move |r: &str, _: Kwargs, _: &State| {
        let out = article_ref(r, &f);
        if out == r.trim() {
            Value::from(out)
        } else {
            Value::safe_string(&out)
        }
    });
    let format = labels
        .date_format
        .clone()
        .unwrap_or_else(|| "%Y-%m-%d".to_string());
    tera.register_filter(
        "date",
        move |d: &str, _: Kwargs, _: &State| -> tera::TeraResult<Value> {
            let d = parse_date(d).map_err(tera::Error::message)?;
            let mut out = String::new();
            // A format chrono cannot write is the project's mistake, not a panic.
            std::fmt::Write::write_fmt(&mut out, format_args!("{}", d.format(&format))).map_err(
                |_| tera::Error::message(format!("labels.yaml: invalid date_format `{format}`")),
            )?;
            Ok(Value::safe_string(&out))
        },
    );
    let l = labels.clone();
    tera.register_filter("period", move |v: &Value, _: Kwargs, _: &State| {
        period_fi(v, &l).map(|s| Value::safe_string(&s))
    });
    tera.register_filter("country", |c: &str, _: Kwargs, _: &State| -> Value {
        CountryCode::parse(c)
            .ok()
            .and_then(data::country)
            .map_or_else(|| Value::from(c), |x| Value::safe_string(&x.fi))
    });
    tera.register_filter("css_string", |s: &str, _: Kwargs, _: &State| {
        Value::safe_string(&css_string(s))
    });
    let l = labels.clone();
    let f = forms.clone();
    tera.register_filter("marks", move |v: &Value, _: Kwargs, _: &State| {
        marks_md(v, &l, &f).map(|s| Value::safe_string(&s))
    });
    let l = labels.clone();
    let f = forms.clone();
    tera.register_function(
        "missing",
        move |kwargs: Kwargs, _: &State| -> tera::TeraResult<Value> {
            let item: &str = kwargs.must_get("item")?;
            let m = l.missing.get(item).ok_or_else(|| {
                tera::Error::message(format!("labels.yaml has no missing item `{item}`"))
            })?;
            let text = format!(
                "{}: {} ({})",
                l.missing_marker,
                m.label,
                article_ref(&m.article, &f)
            );
            Ok(Value::safe_string(&format!(
                "**{}**",
                markdown::escape(&text)
            )))
        },
    );
}

/// The draft markers of a list of [`Mark`](super::marks::Mark)s, one paragraph each:
/// the marker word in bold, then the message, the articles, the rule and the place, all of it
/// escaped (a message quotes the user's text).
fn marks_md(v: &Value, l: &Labels, forms: &ArticleForms) -> tera::TeraResult<String> {
    let Some(items) = v.as_array() else {
        return Ok(String::new());
    };
    let mut out = String::new();
    for m in items {
        let get = |k: &'static str| m.get_from_path(k).and_then(Value::as_str).unwrap_or("");
        let error = m
            .get_from_path("error")
            .and_then(Value::as_bool)
            .unwrap_or(true);
        let articles: Vec<String> = m
            .get_from_path("articles")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(|x| article_ref(x, forms))
                    .collect()
            })
            .unwrap_or_default();
        let mut tail = get("code").to_string();
        if !articles.is_empty() {
            tail = format!("{}; {tail}", articles.join(", "));
        }
        let text = format!("{} ({tail}, {})", get("message"), get("at"));
        out.push_str(&format!(
            "**{}:** {}\n\n",
            markdown::escape(l.finding_word(error)),
            markdown::escape(&text)
        ));
    }
    Ok(out)
}

/// The built-in templates alone.
pub fn builtin() -> Result<Templates, TemplateError> {
    let sources = BUILTIN
        .iter()
        .map(|(name, text)| (*name, (text.to_string(), None)))
        .collect();
    compile(sources)
}

/// Loads the templates of a project: each built-in one, or the project's own
/// `templates/fi/<name>` where it has one — or `templates/<name>`, where earlier versions
/// looked, which still overrides the default language; having both is an error, as one of
/// them would be silently ignored. An override is read like a register — it must be a
/// regular file inside the project, at most [`MAX_TEMPLATE_BYTES`] — and is added to
/// `sources` so that its problems are located diagnostics.
pub fn load(root: &ProjectRoot, sources: &mut Sources) -> Result<Templates, Box<Diagnostic>> {
    let dir = root.shown().join("templates");
    let exists = |p: &std::path::Path| match std::fs::symlink_metadata(p) {
        Err(e) => e.kind() != std::io::ErrorKind::NotFound,
        Ok(_) => true,
    };
    let mut texts: BTreeMap<&str, (String, Option<FileId>)> = BTreeMap::new();
    for (name, builtin) in BUILTIN {
        let own_language = dir.join(DEFAULT_LANGUAGE).join(name);
        let own_old = dir.join(name);
        let own = match (exists(&own_language), exists(&own_old)) {
            (false, false) => {
                texts.insert(name, (builtin.to_string(), None));
                continue;
            }
            (true, true) => {
                let file = sources.add(own_old.clone(), None);
                return Err(Box::new(
                    Diagnostic::input(
                        InputError::Template,
                        file,
                        Pos::START,
                        format!(
                            "both templates/{name} and templates/{DEFAULT_LANGUAGE}/{name} \
                             override the built-in template; seloste would use only one"
                        ),
                    )
                    .with_help(format!(
                        "keep templates/{DEFAULT_LANGUAGE}/{name} (where a language's templates \
                         now live) and delete templates/{name}"
                    )),
                ));
            }
            (true, false) => own_language,
            (false, true) => own_old,
        };
        let shown = own
            .strip_prefix(root.shown())
            .unwrap_or(&own)
            .display()
            .to_string()
            .replace('\\', "/");
        let file = sources.add(own.clone(), None);
        let fail = |error: InputError, message: String| {
            Box::new(
                Diagnostic::input(error, file, Pos::START, message).with_help(format!(
                    "{shown} overrides the built-in template; make it a regular file \
                     inside the project, or delete it"
                )),
            )
        };
        let bytes = match crate::contain::read_confined(root, &own, MAX_TEMPLATE_BYTES) {
            Ok(b) => b,
            Err(ContainError::Outside) => {
                return Err(fail(
                    InputError::OutsideProject,
                    "the template is a symbolic link to a file outside the project, which \
                     seloste does not read"
                        .into(),
                ));
            }
            Err(ContainError::NotAFile(kind)) => {
                return Err(fail(
                    InputError::NotAFile,
                    format!("the template is {kind}, not a regular file"),
                ));
            }
            Err(ContainError::TooLarge(cap)) => {
                return Err(fail(
                    InputError::FileTooLarge,
                    format!("the template is larger than {} KiB", cap / 1024),
                ));
            }
            Err(ContainError::Io(e)) => {
                return Err(fail(
                    InputError::Io,
                    format!("cannot read the template: {e}"),
                ));
            }
        };
        let text = match String::from_utf8(bytes) {
            Ok(t) => crate::load::normalize_text(t),
            Err(_) => {
                return Err(fail(
                    InputError::InvalidUtf8,
                    "the template is not valid UTF-8".into(),
                ));
            }
        };
        sources.set_text(file, Some(Arc::from(text.as_str())));
        texts.insert(name, (text, Some(file)));
    }
    compile(texts).map_err(|e| Box::new(e.to_diagnostic()))
}

/// Parses the labels and compiles the templates.
fn compile(sources: BTreeMap<&str, (String, Option<FileId>)>) -> Result<Templates, TemplateError> {
    let (labels_text, labels_own) = &sources["labels.yaml"];
    let labels: Labels = match labels_own {
        Some(file) => {
            let mut own: Labels =
                crate::load::parse(*file, labels_text).map_err(|d| TemplateError {
                    name: "labels.yaml".into(),
                    overridden: true,
                    file: Some(*file),
                    pos: d.pos,
                    message: d.message.clone(),
                })?;
            // A project's own labels were copied from an earlier version: the words it lacks
            // for what seloste has learnt to say since come from the built-in file.
            let builtin_text = BUILTIN
                .iter()
                .find(|(n, _)| *n == "labels.yaml")
                .map(|(_, t)| *t)
                .unwrap_or_default();
            let builtin: Labels =
                serde_saphyr::from_str(builtin_text).map_err(|e| TemplateError {
                    name: "labels.yaml".into(),
                    overridden: false,
                    file: None,
                    pos: None,
                    message: e.to_string(),
                })?;
            own.fill_from(builtin);
            own
        }
        None => serde_saphyr::from_str(labels_text).map_err(|e| TemplateError {
            name: "labels.yaml".into(),
            overridden: false,
            file: None,
            pos: None,
            message: e.to_string(),
        })?,
    };
    let labels = Arc::new(labels);

    let mut md = Tera::new();
    // `{#` starts a heading id in Markdown (`## Otsikko {#id}`), so Markdown templates write
    // their comments as `<# … #>`.
    md.set_delimiters(tera::Delimiters {
        comment_start: "<#".into(),
        comment_end: "#>".into(),
        ..tera::Delimiters::default()
    })
    .map_err(|e| TemplateError::from_tera("register.md", &e, None))?;
    md.set_escape_fn(markdown::escape_fn);
    md.autoescape_on([".md"]);
    register(&mut md, &labels);
    let mut html = Tera::new();
    register(&mut html, &labels);
    let mut files = BTreeMap::new();
    // Parts that other templates include are added first: tera checks an include when the
    // including template is added.
    let mut ordered: Vec<_> = sources.iter().collect();
    ordered.sort_by_key(|(name, _)| !PARTS.contains(name));
    for (name, (text, own)) in ordered {
        if let Some(file) = own {
            files.insert(name.to_string(), (*file, Arc::<str>::from(text.as_str())));
        }
        let target = if name.ends_with(".md") {
            &mut md
        } else if name.ends_with(".html") {
            &mut html
        } else {
            continue;
        };
        target
            .add_raw_template(name, text)
            .map_err(|e| TemplateError::from_tera(name, &e, own.map(|f| (f, text.as_str()))))?;
    }
    Ok(Templates {
        markdown: md,
        html,
        css: sources["style.css"].0.clone(),
        labels,
        overrides: files,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> ArticleLabels {
        ArticleLabels {
            article: "artikla".into(),
            article_genitive: "artiklan".into(),
            paragraph: "kohta".into(),
            paragraph_genitive: "kohdan".into(),
            point: "alakohta".into(),
            second_subparagraph: "toinen alakohta".into(),
            and: "ja".into(),
        }
    }

    #[test]
    fn article_references_in_finnish() {
        let builtin = builtin().unwrap().labels.article_forms();
        // The words of an earlier labels.yaml make the same references.
        let legacy = ArticleForms::from_words(&words());
        for w in [&builtin, &legacy] {
            assert_eq!(
                article_ref("Art 6(1)(a)", w),
                "6 artiklan 1 kohdan a alakohta"
            );
            assert_eq!(article_ref("Art 45", w), "45 artikla");
            assert_eq!(article_ref("Art 21(1)", w), "21 artiklan 1 kohta");
            assert_eq!(
                article_ref("Art 46(2)(b), 47", w),
                "46 artiklan 2 kohdan b alakohta ja 47 artikla"
            );
            assert_eq!(
                article_ref("Art 49(1) second subparagraph", w),
                "49 artiklan 1 kohdan toinen alakohta"
            );
            assert_eq!(article_ref("Finnish practice", w), "Finnish practice");
        }
    }

    #[test]
    fn another_language_is_a_table_of_forms() {
        let en = ArticleForms {
            article: "Article {article}".into(),
            paragraph: "Article {article}({paragraph})".into(),
            point: "Article {article}({paragraph})({point})".into(),
            second_subparagraph: "the second subparagraph of Article {article}({paragraph})".into(),
            and: "and".into(),
        };
        assert_eq!(
            article_ref("Art 46(2)(b), 47", &en),
            "Article 46(2)(b) and Article 47"
        );
    }

    #[test]
    fn builtin_templates_load() {
        let t = builtin().unwrap();
        assert!(t.labels.vocabularies["legal_basis"].contains_key("consent"));
    }
}
