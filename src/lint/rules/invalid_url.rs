//! `invalid-url`: a web address that cannot be opened.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::identifiers::is_valid_web_url;
use crate::lint::text::Phrase;
use crate::lint::{Findings, ProjectContext, Rule, TextContext, TextHook};
use crate::model::Spanned;

/// The rule.
pub static RULE: Rule = Rule {
    name: "invalid-url",
    articles: &["Art 12(1)", "Art 13(1)(a)"],
    severity: Severity::Error,
    section: Section::Located,
    summary: "a web address is malformed or lacks https://",
    explanation: r#"## What it checks
The `website` fields, `settings.base_url`, and every `http://` or `https://` address written in a text, for an
absolute address with a real host name (`https://esimerkki.fi/tietosuoja`), read as browsers read
it: the scheme in any case, internationalised names (`https://esimerkki.ä.fi`) and IPv6
addresses in brackets are fine; a bare name such as `localhost`, user information before the
host, white space or a backslash are not.

## Why
Web addresses in a notice are how people find the controller, the forms for exercising their
rights, and the supervisory authority. `www.esimerkki.fi` without `https://` is not a link in
HTML or Markdown; a space or a missing domain breaks it.

## Example
```yaml
controller:
  website: https://www.esimerkki.fi
```
"#,
    project: Some(check_project),
    register: None,
    text: Some(TextHook::Each {
        words: &[WORDS],
        check: check_text,
    }),
};

fn field(out: &mut Findings, w: &Option<Spanned<String>>) {
    if let Some(w) = w
        && !is_valid_web_url(&w.value)
    {
        let v = w.value.trim();
        let help = if !v.contains("://") && !v.contains(' ') {
            format!("write the full address, e.g. `https://{v}`")
        } else {
            "write an absolute address such as `https://www.esimerkki.fi`".to_string()
        };
        out.at(w.pos, format!("`{v}` is not a valid web address"))
            .help(help);
    }
}

/// Addresses written in a text: the scanner the Markdown output links them with.
fn urls_in(text: &str) -> impl Iterator<Item = (usize, &str)> {
    crate::identifiers::web_urls_in(text)
}

/// The gate: only texts with "http" in them can hold a web address.
static WORDS: &[Phrase] = &[Phrase {
    pattern: "http*",
    note: "",
}];

fn check_text(cx: &TextContext<'_>, out: &mut Findings) {
    for (i, url) in urls_in(cx.value()) {
        if !is_valid_web_url(url) {
            cx.at(
                out,
                i..i + url.len(),
                format!("`{url}` is not a valid web address"),
            )
            .help("check the address; it needs a host name such as `esimerkki.fi`");
        }
    }
}

fn check_project(cx: &ProjectContext<'_>, out: &mut Findings) {
    let p = &cx.project.config;
    if let Some(c) = &p.controller {
        field(out, &c.website);
    }
    if let Some(s) = &p.settings {
        field(out, &s.value.base_url);
    }
    if let Some(s) = &p.supervisory_authority {
        field(out, &s.website);
    }
}

#[cfg(test)]
mod tests {
    use super::urls_in;

    #[test]
    fn urls_are_found_in_text_and_markdown() {
        let t = "Katso [ohje](https://esimerkki.fi/ohje). Tai https://x.fi, ja http://a b";
        let urls: Vec<_> = urls_in(t).map(|(_, u)| u).collect();
        assert_eq!(
            urls,
            ["https://esimerkki.fi/ohje", "https://x.fi", "http://a"]
        );
    }
}
