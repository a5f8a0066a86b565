//! `docs/rules.md`, generated from the rule metadata so that the documentation cannot drift
//! from the rules (a test compares the committed file with this output).

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
            r.articles.join(", "),
            r.summary.replace('|', "\\|")
        );
    }
    for r in RULES {
        let _ = writeln!(s, "\n## {}\n", r.name);
        let _ = writeln!(
            s,
            "Default level: **{}** · Rests on: {}\n",
            r.severity.as_str(),
            r.articles.join(", ")
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

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
