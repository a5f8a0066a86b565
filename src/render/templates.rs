//! The templates: built into the binary, overridden by a project's own `templates/<name>`.
//!
//! Two tera instances: one for Markdown (`.md`, autoescaped with the Markdown escape) and one
//! for the HTML layout (`.html`, autoescaped with HTML escaping). Both get the filters that
//! turn codes into Finnish labels (`legal_basis`, `special_category`, …), dates into d.m.yyyy
//! and article references into Finnish. The labels themselves are in `templates/labels.yaml`.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;
use tera::{Kwargs, State, Tera, Value};

use super::markdown;
use crate::data;
use crate::model::{CountryCode, parse_date};

/// A built-in template: its name and text.
pub const BUILTIN: &[(&str, &str)] = &[
    ("register.md", include_str!("../../templates/register.md")),
    ("index.md", include_str!("../../templates/index.md")),
    ("page.html", include_str!("../../templates/page.html")),
    ("style.css", include_str!("../../templates/style.css")),
    ("labels.yaml", include_str!("../../templates/labels.yaml")),
];

/// The Finnish words the filters use (`templates/labels.yaml`).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    /// The word that starts a marker for a missing item in a draft.
    pub missing_marker: String,
    /// Missing items: their names and the articles that require them.
    pub missing: BTreeMap<String, MissingItem>,
    /// Labels per vocabulary (legal_basis, special_category, …), by code.
    pub vocabularies: BTreeMap<String, BTreeMap<String, String>>,
    /// Units of retention periods: singular and partitive plural.
    pub period: PeriodLabels,
    /// Words of article references.
    pub article: ArticleLabels,
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
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Templates").finish_non_exhaustive()
    }
}

/// A template that failed to load.
#[derive(Debug)]
pub struct TemplateError {
    /// Which template.
    pub name: String,
    /// Whether it is the project's own override.
    pub overridden: bool,
    /// What is wrong.
    pub message: String,
}

/// Formats an article reference in Finnish: `Art 6(1)(a)` → "6 artiklan 1 kohdan a alakohta",
/// `Art 45` → "45 artikla", `Art 46(2)(b), 47` → "46 artiklan 2 kohdan b alakohta ja 47
/// artikla". Anything it does not recognise is returned as it is.
pub fn article_fi(reference: &str, w: &ArticleLabels) -> String {
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
        let s = match (groups.as_slice(), second) {
            ([], _) => format!("{num} {}", w.article),
            ([p], false) => format!("{num} {} {p} {}", w.article_genitive, w.paragraph),
            ([p], true) => format!(
                "{num} {} {p} {} {}",
                w.article_genitive, w.paragraph_genitive, w.second_subparagraph
            ),
            ([p, q, ..], _) => format!(
                "{num} {} {p} {} {q} {}",
                w.article_genitive, w.paragraph_genitive, w.point
            ),
        };
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

/// Registers the filters and functions on a tera instance.
fn register(tera: &mut Tera, labels: &Arc<Labels>) {
    for vocab in [
        "legal_basis",
        "special_category",
        "condition",
        "provision",
        "role",
        "mechanism",
        "derogation",
        "right",
        "exclusion",
        "adequacy_scope",
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
    let l = labels.clone();
    // Filters make their output from codes and trusted labels, so it is safe as it is — except
    // where they pass an unrecognised input through, which stays subject to escaping.
    tera.register_filter("article", move |r: &str, _: Kwargs, _: &State| {
        let out = article_fi(r, &l.article);
        if out == r.trim() {
            Value::from(out)
        } else {
            Value::safe_string(&out)
        }
    });
    tera.register_filter(
        "date",
        |d: &str, _: Kwargs, _: &State| -> tera::TeraResult<Value> {
            parse_date(d)
                .map(|d| Value::safe_string(&d.format("%-d.%-m.%Y").to_string()))
                .map_err(tera::Error::message)
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
    let l = labels.clone();
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
                article_fi(&m.article, &l.article)
            );
            Ok(Value::safe_string(&format!(
                "**{}**",
                markdown::escape(&text)
            )))
        },
    );
}

/// Loads the templates: each built-in one, or the project's `templates/<name>` if it exists.
pub fn load(project_templates: &Path) -> Result<Templates, TemplateError> {
    let mut sources: BTreeMap<&str, (String, bool)> = BTreeMap::new();
    for (name, builtin) in BUILTIN {
        let own = project_templates.join(name);
        let entry = match std::fs::read_to_string(&own) {
            Ok(text) => (text, true),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (builtin.to_string(), false),
            Err(e) => {
                return Err(TemplateError {
                    name: name.to_string(),
                    overridden: true,
                    message: format!("cannot read {}: {e}", own.display()),
                });
            }
        };
        sources.insert(name, entry);
    }
    let (labels_text, labels_own) = &sources["labels.yaml"];
    let labels: Labels = serde_saphyr::from_str(labels_text).map_err(|e| TemplateError {
        name: "labels.yaml".into(),
        overridden: *labels_own,
        message: e.to_string(),
    })?;
    let labels = Arc::new(labels);

    let mut md = Tera::new();
    // `{#` starts a heading id in Markdown (`## Otsikko {#id}`), so Markdown templates write
    // their comments as `<# … #>`.
    md.set_delimiters(tera::Delimiters {
        comment_start: "<#".into(),
        comment_end: "#>".into(),
        ..tera::Delimiters::default()
    })
    .map_err(|e| TemplateError {
        name: "register.md".into(),
        overridden: false,
        message: e.to_string(),
    })?;
    md.set_escape_fn(markdown::escape_fn);
    md.autoescape_on([".md"]);
    register(&mut md, &labels);
    let mut html = Tera::new();
    register(&mut html, &labels);
    for (name, (text, own)) in &sources {
        let target = if name.ends_with(".md") {
            &mut md
        } else if name.ends_with(".html") {
            &mut html
        } else {
            continue;
        };
        target
            .add_raw_template(name, text)
            .map_err(|e| TemplateError {
                name: name.to_string(),
                overridden: *own,
                message: format!("{e:#}"),
            })?;
    }
    Ok(Templates {
        markdown: md,
        html,
        css: sources["style.css"].0.clone(),
        labels,
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
        let w = words();
        assert_eq!(
            article_fi("Art 6(1)(a)", &w),
            "6 artiklan 1 kohdan a alakohta"
        );
        assert_eq!(article_fi("Art 45", &w), "45 artikla");
        assert_eq!(article_fi("Art 21(1)", &w), "21 artiklan 1 kohta");
        assert_eq!(
            article_fi("Art 46(2)(b), 47", &w),
            "46 artiklan 2 kohdan b alakohta ja 47 artikla"
        );
        assert_eq!(
            article_fi("Art 49(1) second subparagraph", &w),
            "49 artiklan 1 kohdan toinen alakohta"
        );
        assert_eq!(article_fi("Finnish practice", &w), "Finnish practice");
    }

    #[test]
    fn builtin_templates_load() {
        let t = load(Path::new("/nonexistent")).unwrap();
        assert!(t.labels.vocabularies["legal_basis"].contains_key("consent"));
    }
}
