//! Characters a reader cannot see: control characters, noncharacters, bidirectional controls
//! and zero-width characters. The load stage refuses them in the user's files; the reporters
//! show any that reach a message or a snippet as visible escapes, so that no user text can
//! move the terminal's cursor, colour it, or start a line of CI output (`::error …`).

use std::borrow::Cow;
use std::fmt::Write;

/// Why a character is hidden from a reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hidden {
    /// A C0 control other than tab, line feed and carriage return, DEL, or a C1 control
    /// (U+0080–U+009F): invalid in YAML, and breaks Hugo's and Zola's front matter.
    Control,
    /// A Unicode noncharacter (U+FDD0–U+FDEF, and U+FFFE and U+FFFF in every plane).
    Noncharacter,
    /// A bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069): it
    /// reorders the text around it, so that what a reviewer reads differs from what is
    /// published (“Trojan Source”).
    Bidi,
    /// A zero-width space or joiner, word joiner or byte-order mark (U+200B–U+200D, U+2060,
    /// U+FEFF): it makes two different texts look the same.
    ZeroWidth,
    /// A line or paragraph separator (U+2028, U+2029), which some readers take as a line end.
    LineSeparator,
}

impl Hidden {
    /// What kind of character this is, in a few words.
    pub fn describe(self) -> &'static str {
        match self {
            Hidden::Control => "a control character",
            Hidden::Noncharacter => "a Unicode noncharacter",
            Hidden::Bidi => "a bidirectional control character",
            Hidden::ZeroWidth => "a zero-width character",
            Hidden::LineSeparator => "a line separator",
        }
    }
}

/// Whether `c` is hidden from a reader, and why. Tab, line feed and carriage return are not:
/// they are the ordinary whitespace of a YAML file.
pub fn hidden(c: char) -> Option<Hidden> {
    let u = u32::from(c);
    match c {
        '\t' | '\n' | '\r' => None,
        c if c.is_control() => Some(Hidden::Control),
        '\u{fdd0}'..='\u{fdef}' => Some(Hidden::Noncharacter),
        _ if u & 0xfffe == 0xfffe => Some(Hidden::Noncharacter),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Some(Hidden::Bidi),
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => Some(Hidden::ZeroWidth),
        '\u{2028}' | '\u{2029}' => Some(Hidden::LineSeparator),
        _ => None,
    }
}

/// Every hidden character of `s`, with its byte offset, in order.
///
/// Every file and text is scanned, so this looks at bytes: only a C0 control, DEL, or the lead
/// byte of a hidden character's UTF-8 form (`C2` for C1 controls, `E2` for the bidi,
/// zero-width and separator characters, `EF` for noncharacters and U+FEFF, `F0`–`F4` for the
/// noncharacters of the other planes) is decoded. Those bytes are never continuation bytes,
/// so each stands at a character boundary; Finnish letters (`C3 xx`) are passed over.
pub fn hidden_chars(s: &str) -> impl Iterator<Item = (usize, char, Hidden)> + '_ {
    /// The bytes that may start a hidden character, as a table: one load per byte.
    const SUSPECT: [bool; 256] = {
        let mut t = [false; 256];
        let mut b = 0;
        while b < 256 {
            t[b] = (b < 0x20 && b != 0x09 && b != 0x0a && b != 0x0d)
                || b == 0x7f
                || b == 0xc2
                || b == 0xe2
                || b == 0xef
                || b >= 0xf0;
            b += 1;
        }
        t
    };
    let bytes = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let Some(skip) = bytes[i..].iter().position(|&b| SUSPECT[b as usize]) else {
                i = bytes.len();
                break;
            };
            i += skip;
            let c = s[i..].chars().next()?;
            let at = i;
            i += c.len_utf8();
            if let Some(h) = hidden(c) {
                return Some((at, c, h));
            }
        }
        None
    })
}

/// The first hidden character of `s`, with its byte offset.
pub fn first_hidden(s: &str) -> Option<(usize, char, Hidden)> {
    hidden_chars(s).next()
}

/// `U+001B`: how a character is named in messages.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// Whether `c` must be escaped in one line of terminal or CI output: every hidden character,
/// and line breaks and tabs too, since a message is one line.
fn needs_escape(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || hidden(c).is_some()
}

/// Writes `c` as a visible escape: `\n`, `\r`, `\t`, or `\u{1b}`.
fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
    }
}

/// `s` as one line of visible text: line breaks, tabs and every hidden character escaped
/// (`\n`, `\u{1b}`, `\u{202e}`). Text without them is returned as it is.
pub fn one_line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if needs_escape(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A line of source shown in a snippet: as [`one_line`] but keeping tabs (the snippet
/// renderer expands them), with the byte range `span` of the line moved to where it stands in
/// the escaped line.
pub fn snippet_line(
    line: &str,
    span: std::ops::Range<usize>,
) -> (Cow<'_, str>, std::ops::Range<usize>) {
    let escape = |c: char| c != '\t' && needs_escape(c);
    if !line.chars().any(escape) {
        return (Cow::Borrowed(line), span);
    }
    let mut out = String::with_capacity(line.len() + 8);
    let (mut start, mut end) = (None, None);
    for (i, c) in line.char_indices() {
        if i == span.start {
            start = Some(out.len());
        }
        if i == span.end {
            end = Some(out.len());
        }
        if escape(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    let start = start.unwrap_or(out.len());
    let end = end.unwrap_or(out.len()).max(start);
    (Cow::Owned(out), start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_are_classified() {
        for c in ['\0', '\u{1b}', '\u{7f}', '\u{80}', '\u{85}', '\u{9f}'] {
            assert_eq!(hidden(c), Some(Hidden::Control), "{c:?}");
        }
        for c in [
            '\u{fffe}',
            '\u{ffff}',
            '\u{fdd0}',
            '\u{1fffe}',
            '\u{10ffff}',
        ] {
            assert_eq!(hidden(c), Some(Hidden::Noncharacter), "{c:?}");
        }
        assert_eq!(hidden('\u{202e}'), Some(Hidden::Bidi));
        assert_eq!(hidden('\u{2067}'), Some(Hidden::Bidi));
        assert_eq!(hidden('\u{200b}'), Some(Hidden::ZeroWidth));
        assert_eq!(hidden('\u{feff}'), Some(Hidden::ZeroWidth));
        for c in [
            '\t', '\n', '\r', ' ', 'ä', '€', '\u{a0}', '\u{200e}', '\u{fffd}',
        ] {
            assert_eq!(hidden(c), None, "{c:?}");
        }
    }

    #[test]
    fn the_byte_scan_finds_what_the_char_scan_finds() {
        let mut all = String::from("ä ö å € \u{a0} — “x” 𝔸 \t\r\n");
        for c in [
            '\u{0}',
            '\u{1b}',
            '\u{7f}',
            '\u{85}',
            '\u{9f}',
            '\u{200b}',
            '\u{2028}',
            '\u{202e}',
            '\u{2066}',
            '\u{2060}',
            '\u{fdd0}',
            '\u{feff}',
            '\u{fffe}',
            '\u{1fffe}',
            '\u{10ffff}',
        ] {
            all.push(c);
            all.push_str("äx");
        }
        let by_char: Vec<(usize, char)> = all
            .char_indices()
            .filter(|(_, c)| hidden(*c).is_some())
            .collect();
        let by_byte: Vec<(usize, char)> = hidden_chars(&all).map(|(i, c, _)| (i, c)).collect();
        assert_eq!(by_byte, by_char);
        assert_eq!(by_byte.len(), 15);
        // Every char from U+0000 to U+2FFFF and the last plane agree.
        let every: String = (0u32..0x30000)
            .chain(0x10_0000..0x11_0000)
            .filter_map(char::from_u32)
            .collect();
        let a: Vec<usize> = every
            .char_indices()
            .filter(|(_, c)| hidden(*c).is_some())
            .map(|(i, _)| i)
            .collect();
        let b: Vec<usize> = hidden_chars(&every).map(|(i, _, _)| i).collect();
        assert_eq!(a, b);
    }

    #[test]
    fn one_line_escapes_breaks_and_hidden_characters() {
        assert_eq!(one_line("plain äö"), "plain äö");
        assert_eq!(
            one_line("x\n::error file=a,line=1::forged"),
            "x\\n::error file=a,line=1::forged"
        );
        assert_eq!(
            one_line("a\u{1b}[31mb\r\tc\u{202e}"),
            "a\\u{1b}[31mb\\r\\tc\\u{202e}"
        );
    }

    #[test]
    fn snippet_lines_keep_tabs_and_move_the_span() {
        let (line, span) = snippet_line("\tk: \"\u{1b}x\"", 4..8);
        assert_eq!(line, "\tk: \"\\u{1b}x\"");
        assert_eq!(&line[span], "\"\\u{1b}x\"");
        let (line, span) = snippet_line("k: v", 3..4);
        assert_eq!((&*line, span), ("k: v", 3..4));
    }
}
