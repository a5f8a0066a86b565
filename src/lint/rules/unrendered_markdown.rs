//! `unrendered-markdown`: a text field holds Markdown the notice cannot show as written.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, Rule, TextContext, TextHook};
use crate::model::{Register, Spanned, Text};
use crate::render::sanitize;
use crate::source::Pos;

/// The rule.
pub static RULE: Rule = Rule {
    name: "unrendered-markdown",
    articles: &["Art 12(1)"],
    severity: Severity::Warning,
    section: Section::Located,
    summary: "a text holds Markdown that the notice cannot show as it is written",
    explanation: r#"## What it checks
Every text field, for Markdown that seloste does not put into the notice as written:
headings (the notice owns its headings; yours become paragraphs), raw HTML (shown as
text), images (only their description is shown), thematic breaks, strikethrough, and links to
anything but `http`, `https`, `mailto`, `tel` and in-page anchors such as `#oikeudet` (shown
as their text; relative links are `relative-link`'s). In fields that the
notice shows on one line — everything except `description`, `security`, the `logic` and
`consequences` of automated decisions, the texts under `rights` other than `law`,
`cookie_settings`, and the `text` of further sections — also code blocks, lists, block quotes and a second paragraph,
which are flattened into the line.

## Why
The notice must say what you wrote, in a form people can read (Art 12(1)). Markup that
cannot be shown is not passed through — seloste's Markdown goes to Hugo, Zola and CMSs that
would render it as HTML — so it is shown differently from what the text's author meant; a
list that becomes one line of semicolons may still read well, a code block in a name rarely
does.

## Example
```yaml
# Flattened: a list in a one-line field
  - description: |
      - Asiakassuhteen hoitaminen
      - Laskutus
# As written: one purpose per item
  - description: Asiakassuhteen hoitaminen
  - description: Laskutus
```
"#,
    project: None,
    register: None,
    text: Some(TextHook::Each { words: &[], check }),
};

/// The positions of the register's texts that the notice shows as blocks of their own (the
/// `block` fields of `render::view`); every other text is shown on one line.
fn block_fields(r: &Register) -> Vec<Pos> {
    let mut out: Vec<&Spanned<Text>> = Vec::new();
    out.extend(r.description.as_ref());
    out.extend(r.security.as_ref());
    for a in r.automated_decisions.iter().flat_map(|l| l.value.items()) {
        out.extend(a.value.logic.as_ref());
        out.extend(a.value.consequences.as_ref());
    }
    if let Some(rights) = &r.rights {
        out.extend(rights.exercise.as_ref());
        let notes = [
            &rights.access,
            &rights.rectification,
            &rights.erasure,
            &rights.restriction,
            &rights.notification,
            &rights.portability,
            &rights.objection,
            &rights.automated_decisions,
            &rights.withdraw_consent,
            &rights.complaint,
        ];
        for n in notes.into_iter().flatten() {
            out.extend(n.note.as_ref());
            out.extend(n.restriction.as_ref());
        }
    }
    out.extend(r.cookie_settings.as_ref());
    out.extend(r.extra_sections().iter().map(|x| &x.value.text));
    out.into_iter().map(|t| t.pos).collect()
}

/// Whether no Markdown construct the notice loses can start in `text`: no `<`, `[`, `]` or `~`
/// in it, no blank line (a second paragraph), and no line that begins as a block does (`#`,
/// `>`, a list marker, an indent, a fence, a rule or a setext underline). Most texts are such
/// plain lines, and need no Markdown parse. (A property test holds this to
/// [`sanitize::unrendered`].)
fn plain_line(text: &str) -> bool {
    if text.contains(['\r', '<', '[', ']', '~']) {
        return false;
    }
    text.trim_end_matches('\n').split('\n').all(|line| {
        let start = line.trim_start_matches(' ');
        let digits = start.bytes().take_while(u8::is_ascii_digit).count();
        // An ordered list: digits, then `.` or `)`.
        let ordered = digits > 0 && start[digits..].starts_with(['.', ')']);
        let block = start.starts_with(['#', '>', '-', '*', '+', '_', '=', '`', '\t']);
        !start.is_empty() && line.len() - start.len() < 4 && !block && !ordered
    })
}

fn check(cx: &TextContext<'_>, out: &mut Findings) {
    let value = cx.value();
    if plain_line(value) {
        return;
    }
    // A text shown on one line keeps less than one shown as blocks: most texts lose nothing
    // either way, and only those that lose something on one line are looked up (and parsed
    // again, as blocks, when they are shown as blocks).
    let Some(on_one_line) = sanitize::unrendered(value, true) else {
        return;
    };
    let one_line = cx
        .register()
        .is_none_or(|r| !block_fields(r.register).contains(&cx.text.pos));
    let lost = if one_line {
        Some(on_one_line)
    } else {
        sanitize::unrendered(value, false)
    };
    if let Some((range, lost)) = lost {
        let range = range.start..range.end.max(range.start + 1).min(value.len());
        cx.at(out, range, format!("this text has {lost}"))
            .label("not shown as written")
            .help(if one_line {
                "write plain text here, or move the details to a field shown as blocks (such as `description`)"
            } else {
                "write it as paragraphs, lists, quotes, code, emphasis and http, https or mailto links"
            });
    }
}

#[cfg(test)]
mod tests {
    use super::plain_line;
    use crate::render::sanitize;

    proptest::proptest! {
        /// A text that `plain_line` lets pass loses nothing, however it is shown.
        #[test]
        fn a_plain_line_loses_nothing(s in "([a-zA-Zäö0-9 .,:;!?()'\"/%&@*_`#>=+\n-]|\\PC){0,60}") {
            if plain_line(&s) {
                proptest::prop_assert_eq!(sanitize::unrendered(&s, true), None);
                proptest::prop_assert_eq!(sanitize::unrendered(&s, false), None);
            }
        }
    }

    #[test]
    fn plain_lines_and_markdown() {
        assert!(plain_line(
            "Asiakkaan nimi, osoite ja Kanta-palvelujen tiedot (2 luku 10 §)."
        ));
        for t in [
            "# Otsikko",
            "- kohta",
            "1. kohta",
            "2) kohta",
            "<b>x</b>",
            "![k](x.png)",
            "a ~~b~~",
            "> lainaus",
            "    koodi",
            "---",
            "rivi\n\ntoinen",
            "[a](ftp://x)",
        ] {
            assert!(!plain_line(t), "{t}");
        }
    }
}
