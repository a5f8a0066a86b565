//! Typography of the HTML page's text: where a line may and may not break.
//!
//! Applied to every text run as it is written into the page, after Markdown has been parsed,
//! so that it sees the text a reader sees — user text included — and never markup: what it
//! adds is its own (a no-break space, `<wbr>`), and everything else is escaped as before.
//!
//! - a section sign is never parted from what it belongs to: "10 §", "10 a §" and "§ 10" keep
//!   their spaces as no-break spaces, so that "§" never starts a line or the number ends one;
//! - an e-mail address may break only after its `@` and before a dot, never inside a word;
//! - a slash between words ("toimintayksikkö/organisaatio") may break after it.
//!
//! Hyphenation within words is left to the browser (`lang="fi"` and `hyphens: auto`).

use super::html::html_escape;
use crate::identifiers::is_valid_email;

const NBSP: char = '\u{a0}';

/// Escapes `text` for HTML content into `out`, with the line-break rules of this module.
pub fn push_text(text: &str, out: &mut String) {
    let text = bind_sections(text);
    let mut rest = text.as_str();
    // Words and the whitespace between them, in order.
    while !rest.is_empty() {
        let split = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (word, tail) = rest.split_at(split);
        push_word(word, out);
        let space_len = tail
            .char_indices()
            .find(|(_, c)| !c.is_whitespace())
            .map_or(tail.len(), |(i, _)| i);
        html_escape(&tail[..space_len], out);
        rest = &tail[space_len..];
    }
}

/// One word without whitespace: an e-mail address gets break opportunities after `@` and
/// before dots; a slash between letters gets one after it.
fn push_word(word: &str, out: &mut String) {
    // Punctuation that ends a sentence or a clause is not part of an address.
    let core = word.trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
    let (core, trail) = word.split_at(core.len());
    let core_start = core.trim_start_matches('(');
    let (lead, core) = core.split_at(core.len() - core_start.len());
    if is_valid_email(core) {
        html_escape(lead, out);
        let mut buf = [0u8; 4];
        for c in core.chars() {
            if c == '.' {
                out.push_str("<wbr>");
            }
            html_escape(c.encode_utf8(&mut buf), out);
            if c == '@' {
                out.push_str("<wbr>");
            }
        }
        html_escape(trail, out);
        return;
    }
    let mut prev: Option<char> = None;
    let mut chars = word.chars().peekable();
    let mut buf = [0u8; 4];
    while let Some(c) = chars.next() {
        html_escape(c.encode_utf8(&mut buf), out);
        if c == '/'
            && prev.is_some_and(char::is_alphabetic)
            && chars.peek().is_some_and(|n| n.is_alphabetic())
        {
            out.push_str("<wbr>");
        }
        prev = Some(c);
    }
}

/// `text` with the spaces of section references made no-break: before "§" (and, in
/// "10 a §", before the letter too) and after it when a number follows.
pub fn bind_sections(text: &str) -> String {
    if !text.contains('§') {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<char> = chars.clone();
    for (i, &c) in chars.iter().enumerate() {
        if c != '§' {
            continue;
        }
        // Before: the spaces right before §, and "10 a §": the space before a lone letter.
        let mut j = i;
        while j > 0 && chars[j - 1] == ' ' {
            out[j - 1] = NBSP;
            j -= 1;
        }
        if j < i
            && j >= 3
            && chars[j - 1].is_alphabetic()
            && chars[j - 2] == ' '
            && chars[j - 3].is_ascii_digit()
        {
            out[j - 2] = NBSP;
        }
        // After: "§ 10" (older or Swedish style).
        let mut k = i + 1;
        while k < chars.len() && chars[k] == ' ' {
            k += 1;
        }
        if k > i + 1 && chars.get(k).is_some_and(char::is_ascii_digit) {
            for slot in out.iter_mut().take(k).skip(i + 1) {
                *slot = NBSP;
            }
        }
    }
    out.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> String {
        let mut out = String::new();
        push_text(s, &mut out);
        out
    }

    #[test]
    fn section_signs_keep_their_number() {
        assert_eq!(
            text("Kirjanpitolaki (1336/1997) 2 luku 10 §"),
            "Kirjanpitolaki (1336/1997) 2 luku 10\u{a0}§"
        );
        assert_eq!(text("lain 10 a § mukaan"), "lain 10\u{a0}a\u{a0}§ mukaan");
        assert_eq!(text("enligt § 5"), "enligt\u{a0}§\u{a0}5");
        // A lone letter before § binds only after a number.
        assert_eq!(text("ja a § 3"), "ja a\u{a0}§\u{a0}3");
        assert_eq!(text("ei pykälää"), "ei pykälää");
    }

    #[test]
    fn text_is_still_escaped() {
        assert_eq!(
            text("<script>alert(1)</script> & 10 § \"x\""),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; 10\u{a0}§ &quot;x&quot;"
        );
        // Markup that looks like the module's own is escaped like any other text.
        assert_eq!(text("a<wbr>b"), "a&lt;wbr&gt;b");
    }

    #[test]
    fn email_addresses_break_after_at_and_before_dots() {
        assert_eq!(
            text("tietosuojavastaava@koivula.example"),
            "tietosuojavastaava@<wbr>koivula<wbr>.example"
        );
        assert_eq!(
            text("Kirjoita (etu.suku@x.fi)."),
            "Kirjoita (etu<wbr>.suku@<wbr>x<wbr>.fi)."
        );
        // Not an address: left whole.
        assert_eq!(text("a@b"), "a@b");
        assert_eq!(text("@käyttäjä"), "@käyttäjä");
    }

    #[test]
    fn slashes_between_words_may_break() {
        assert_eq!(
            text("toimintayksikkö/organisaatio"),
            "toimintayksikkö/<wbr>organisaatio"
        );
        // Not in numbers ("785/1992").
        assert_eq!(text("785/1992"), "785/1992");
    }
}
