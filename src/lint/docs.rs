//! `docs/rules.md`, generated from the rule metadata so that the documentation cannot drift
//! from the rules (a test compares the committed file with this output), and the same metadata
//! as JSON for tools (`seloste rules --format json`, documented in `docs/output.md`).

use std::fmt::Write;

use super::RULES;
use crate::diagnostic::InputError;

/// The Markdown of `docs/rules.md`.
pub fn rules_markdown() -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# Rules\n");
    let _ = writeln!(
        s,
        "<!-- Generated from the rule metadata by `seloste rules --format markdown`. Do not edit by hand: `tests/docs.rs` fails when this file is stale. -->\n"
    );
    let _ = writeln!(
        s,
        "`seloste check` runs {} rules. Each has a kebab-case name — its id in diagnostics and its key in the `settings.lints` table of `seloste.yaml`, where it can be set to `allow`, `warn` or `deny` — the articles it rests on, and a default level. `seloste explain RULE` prints one rule.\n",
        RULES.len()
    );
    let _ = writeln!(s, "| Rule | Default | Rests on | Finds |");
    let _ = writeln!(s, "|---|---|---|---|");
    for r in RULES {
        let _ = writeln!(
            s,
            "| [`{}`](#{}) | {} | {} | {} |",
            r.name,
            r.name,
            r.severity.as_str(),
            rests_on(r),
            r.summary.replace('|', "\\|")
        );
    }
    for r in RULES {
        let _ = writeln!(s, "\n## {}\n", r.name);
        let _ = writeln!(
            s,
            "Default level: **{}** · Rests on: {}\n",
            r.severity.as_str(),
            rests_on(r)
        );
        let _ = writeln!(s, "{}.\n", capitalise(r.summary));
        for line in r.explanation.trim().lines() {
            match line.strip_prefix("## ") {
                Some(h) => {
                    let _ = writeln!(s, "### {h}");
                }
                None => {
                    let _ = writeln!(s, "{line}");
                }
            }
        }
    }
    let _ = writeln!(s, "\n## Input errors\n");
    let _ = writeln!(
        s,
        "Problems that stop a file from being read are not rules and cannot be allowed. They make `seloste check` exit with 2.\n"
    );
    let _ = writeln!(s, "| Code | Meaning |");
    let _ = writeln!(s, "|---|---|");
    for e in InputError::ALL {
        let _ = writeln!(s, "| `{}` | {} |", e.code(), e.summary());
    }
    s
}

/// The version of the shape of [`rules_json`]; bumped only on incompatible changes, as the
/// `version` of `check --format json` is.
pub const RULES_JSON_VERSION: u32 = 1;

/// The repository the documentation links point into: `repository` of Cargo.toml, the one
/// place it is written.
pub fn repository_url() -> &'static str {
    env!("CARGO_PKG_REPOSITORY").trim_end_matches('/')
}

/// A stable `https` link to a page of `docs/` (with its anchor): `docs_url("rules.md#x")`.
pub fn docs_url(page: &str) -> String {
    format!("{}/blob/main/docs/{page}", repository_url())
}

/// The link to a rule's section of `docs/rules.md`.
pub fn rule_url(name: &str) -> String {
    docs_url(&format!("rules.md#{name}"))
}

#[derive(serde::Serialize)]
struct RulesDocument {
    version: u32,
    tool: Tool,
    rules: Vec<RuleEntry>,
}

#[derive(serde::Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(serde::Serialize)]
struct RuleEntry {
    name: &'static str,
    severity: &'static str,
    articles: &'static [&'static str],
    summary: &'static str,
    section: &'static str,
    url: String,
    explanation: &'static str,
}

/// Every rule as one JSON document, in the order of [`RULES`]: the shape `docs/output.md`
/// documents (section *`seloste rules --format json`*).
pub fn rules_json() -> String {
    let doc = RulesDocument {
        version: RULES_JSON_VERSION,
        tool: Tool {
            name: "seloste",
            version: env!("CARGO_PKG_VERSION"),
        },
        rules: RULES
            .iter()
            .map(|r| RuleEntry {
                name: r.name,
                severity: r.severity.as_str(),
                articles: r.articles,
                summary: r.summary,
                section: r.section.name(),
                url: rule_url(r.name),
                explanation: r.explanation.trim(),
            })
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

/// The articles a rule rests on, or a dash for a rule about the tooling that cites none.
pub fn rests_on(r: &super::Rule) -> String {
    if r.articles.is_empty() {
        "—".to_string()
    } else {
        r.articles.join(", ")
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
