//! Helpers for rules that read the words of a notice: every text field of a register or of
//! `seloste.yaml`, phrase matching that knows Finnish inflection, and the exact position of a
//! match in the source file.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::lint::language::is_word_char;
use crate::model::channels::Channels;
use crate::model::{Contact, ListOrNone, ProjectFile, Register, Spanned, Text};
use crate::source::{Pos, line_col};

fn text<'a>(out: &mut Vec<(&'a str, Pos)>, t: Option<&'a Spanned<Text>>) {
    if let Some(t) = t {
        out.push((t.value.as_str(), t.pos));
    }
}

fn string<'a>(out: &mut Vec<(&'a str, Pos)>, s: Option<&'a Spanned<String>>) {
    if let Some(s) = s {
        out.push((s.value.as_str(), s.pos));
    }
}

/// The labels and values of an `email` or `phone` list.
fn channels<'a, K>(out: &mut Vec<(&'a str, Pos)>, c: &'a Option<Spanned<Channels<K>>>) {
    for e in crate::model::channels::entries(c) {
        text(out, e.label.as_ref());
        string(out, Some(&e.value));
    }
}

fn contact<'a>(out: &mut Vec<(&'a str, Pos)>, c: &'a Contact) {
    text(out, c.name.as_ref());
    text(out, c.title.as_ref());
    channels(out, &c.email);
    channels(out, &c.phone);
    text(out, c.address.as_ref());
}

fn list<T>(l: Option<&Spanned<ListOrNone<Spanned<T>>>>) -> &[Spanned<T>] {
    l.map(|l| l.value.items()).unwrap_or(&[])
}

fn vec<T>(v: Option<&Spanned<Vec<Spanned<T>>>>) -> &[Spanned<T>] {
    v.map(|v| v.value.as_slice()).unwrap_or(&[])
}

/// A text value of a file, where it stands, and its form for phrase matching (case folded,
/// white space collapsed). The lint stage makes these once per file: several rules read every
/// text, and folding them is a good part of the work.
#[derive(Clone, Debug)]
pub struct TextValue<'a> {
    /// The text.
    pub value: &'a str,
    /// Where it stands in its file.
    pub pos: Pos,
    normalized: String,
    /// Which gated text rules may find something here (see the engine): a rule whose bit is
    /// clear holds none of its words in this text, and is not called.
    pub(crate) rules: u64,
}

impl<'a> TextValue<'a> {
    /// The text `value` read at `pos`.
    pub fn new(value: &'a str, pos: Pos) -> Self {
        TextValue {
            value,
            pos,
            normalized: normalize(value, None),
            rules: 0,
        }
    }

    /// The text case-folded, with white-space runs collapsed to one space.
    pub fn normalized(&self) -> &str {
        &self.normalized
    }
}

/// A DFA over `patterns`: the tables are small, and every text of every register is searched.
/// No prefilter: Finnish phrases start with common letters, so it only costs.
///
/// # Panics
/// If the phrases cannot be compiled (a bug in a rule's table, caught by its tests).
pub(crate) fn automaton(patterns: &[String], kind: MatchKind) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(kind)
        .kind(Some(AhoCorasickKind::DFA))
        .prefilter(false)
        .build(patterns)
        .expect("phrase table compiles")
}

/// The text values, each marked with the rules that may find something in it.
fn text_values(texts: Vec<(&str, Pos)>) -> Vec<TextValue<'_>> {
    let mut out: Vec<TextValue<'_>> = texts
        .into_iter()
        .map(|(value, pos)| TextValue::new(value, pos))
        .collect();
    crate::lint::engine::gate(&mut out);
    out
}

/// Every text and string value of a register, in file order of its keys.
pub fn register_texts(r: &Register) -> Vec<TextValue<'_>> {
    let mut out = Vec::new();
    text(&mut out, r.title.as_ref());
    text(&mut out, r.description.as_ref());
    for c in r.contact.iter().flat_map(|c| c.value.items()) {
        contact(&mut out, c);
    }
    for s in vec(r.data_subjects.as_ref()) {
        match &s.value {
            crate::model::DataSubject::Named(t) => out.push((t.as_str(), s.pos)),
            crate::model::DataSubject::Group(g) => text(&mut out, Some(&g.group)),
        }
    }
    text(&mut out, r.law.as_ref());
    for p in vec(r.purposes.as_ref()) {
        text(&mut out, p.description.as_ref());
        text(&mut out, p.legitimate_interest.as_ref());
        text(&mut out, p.law.as_ref());
    }
    for d in vec(r.personal_data.as_ref()) {
        text(&mut out, d.category.as_ref());
        text(&mut out, d.description.as_ref());
        text(&mut out, d.law.as_ref());
        text(&mut out, d.consequence.as_ref());
    }
    for s in vec(r.sources.as_ref()) {
        text(&mut out, s.description.as_ref());
    }
    for x in r.recipients() {
        text(&mut out, x.name.as_ref());
        text(&mut out, x.purpose.as_ref());
        text(&mut out, x.law.as_ref());
    }
    if let Some(s) = &r.recipients {
        text(&mut out, s.value.note());
    }
    for t in r.transfers() {
        text(&mut out, t.recipient.as_ref());
        text(&mut out, t.organisation.as_ref());
        text(&mut out, t.conditions.as_ref());
        text(&mut out, t.document.as_ref());
    }
    if let Some(s) = &r.transfers {
        text(&mut out, s.value.note());
    }
    for x in vec(r.retention.as_ref()) {
        text(&mut out, x.data.as_ref());
        text(&mut out, x.criteria.as_ref());
        text(&mut out, x.from.as_ref());
        text(&mut out, x.until.as_ref());
        text(&mut out, x.exceptions.as_ref());
        text(&mut out, x.law.as_ref());
    }
    for a in list(r.automated_decisions.as_ref()) {
        text(&mut out, a.description.as_ref());
        text(&mut out, a.logic.as_ref());
        text(&mut out, a.consequences.as_ref());
    }
    for f in list(r.further_processing.as_ref()) {
        text(&mut out, f.purpose.as_ref());
        text(&mut out, f.details.as_ref());
    }
    if let Some(rights) = &r.rights {
        text(&mut out, rights.exercise.as_ref());
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
            text(&mut out, n.note.as_ref());
            text(&mut out, n.restriction.as_ref());
            text(&mut out, n.law.as_ref());
        }
    }
    text(&mut out, r.security.as_ref());
    for c in r.cookies() {
        text(&mut out, c.description.as_ref());
        text(&mut out, c.purpose.as_ref());
        text(&mut out, c.duration.as_ref());
        text(&mut out, c.provider.as_ref());
    }
    text(&mut out, r.cookie_settings.as_ref());
    for x in r.extra_sections() {
        text(&mut out, Some(&x.title));
        text(&mut out, Some(&x.text));
    }
    text_values(out)
}

/// Every text and string value of `seloste.yaml` except web addresses (which `invalid-url`
/// checks as fields).
pub fn project_texts(p: &ProjectFile) -> Vec<TextValue<'_>> {
    let mut out = Vec::new();
    if let Some(c) = &p.controller {
        text(&mut out, c.name.as_ref());
        string(&mut out, c.business_id.as_ref());
        text(&mut out, c.address.as_ref());
        text(&mut out, c.visiting_address.as_ref());
        channels(&mut out, &c.email);
        channels(&mut out, &c.phone);
    }
    for c in p.contact.iter().flat_map(|c| c.value.items()) {
        contact(&mut out, c);
    }
    if let Some(d) = p.dpo.as_ref().and_then(|d| d.value.as_option()) {
        contact(&mut out, d);
    }
    if let Some(r) = &p.representative {
        contact(&mut out, r);
    }
    if let Some(s) = &p.supervisory_authority {
        text(&mut out, s.name.as_ref());
        text(&mut out, s.visiting_address.as_ref());
        text(&mut out, s.postal_address.as_ref());
        string(&mut out, s.email.as_ref());
        string(&mut out, s.phone.as_ref());
    }
    text_values(out)
}

/// Lower-cases `s` without changing the byte length of any character, so that byte offsets
/// of matches in the folded text are offsets in `s`.
pub fn fold_case(s: &str) -> String {
    // Most text is ASCII, which the standard library lower-cases a word at a time.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    // Finnish text is mostly ASCII with an ä or ö here and there: runs of ASCII are lowered a
    // run at a time, and only the other characters are decoded.
    let bytes = s.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii() {
            i += 1;
        }
        out.extend(bytes[start..i].iter().map(u8::to_ascii_lowercase));
        if i < bytes.len() {
            let c = s[i..].chars().next().unwrap_or(' ');
            let mut buf = [0; 4];
            out.extend_from_slice(fold_char(c).encode_utf8(&mut buf).as_bytes());
            i += c.len_utf8();
        }
    }
    // Only whole characters were pushed, each of its own byte length.
    String::from_utf8(out).unwrap_or_else(|_| s.chars().map(fold_char).collect())
}

/// `c` lower-cased, unless its lower case is not one character of the same byte length.
#[inline]
fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    // Latin-1 (ä, ö, å and their capitals): upper case letters are their lower case less 32,
    // and both take two bytes.
    if (c as u32) < 0x100 {
        return match c {
            'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 32).unwrap_or(c),
            _ => c,
        };
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
        _ => c,
    }
}

/// A phrase to look for. `*` at the end matches any ending (Finnish inflection:
/// `henkilötietola*` finds henkilötietolaki, -lain, -lakia, -laissa …); without it, the phrase
/// must end at a word boundary. Phrases always start at a word boundary.
#[derive(Clone, Copy, Debug)]
pub struct Phrase {
    /// The pattern, lower case.
    pub pattern: &'static str,
    /// What to say about it (rule-specific: what is current instead, why it is vague …).
    pub note: &'static str,
}

impl Phrase {
    /// What a text must contain to match: the pattern without the `*` of any ending.
    pub fn stem(&self) -> &'static str {
        self.pattern.trim_end_matches('*')
    }
}

/// A set of phrases matched in one pass (Aho-Corasick), case-insensitively.
#[derive(Debug)]
pub struct PhraseSet {
    phrases: &'static [Phrase],
    automaton: AhoCorasick,
}

/// A phrase found in a text.
#[derive(Clone, Debug)]
pub struct PhraseMatch {
    /// Which phrase.
    pub phrase: &'static Phrase,
    /// Byte range in the text.
    pub range: Range<usize>,
}

impl PhraseSet {
    /// Builds the automaton.
    ///
    /// # Panics
    /// If the phrases cannot be compiled (a bug in a rule's table, caught by its tests).
    pub fn new(phrases: &'static [Phrase]) -> PhraseSet {
        let patterns: Vec<String> = phrases.iter().map(|p| fold_case(p.stem())).collect();
        PhraseSet {
            phrases,
            automaton: automaton(&patterns, MatchKind::LeftmostLongest),
        }
    }

    /// All non-overlapping matches in `text`, respecting word boundaries. A line break or any
    /// run of white space between words counts as one space, so phrases wrapped across lines of
    /// a YAML block are found; ranges are byte ranges of `text` itself.
    pub fn find(&self, text: &str) -> Vec<PhraseMatch> {
        self.matches(text, &normalize(text, None))
    }

    /// [`find`](Self::find) in a text value, whose folded form is already made.
    pub fn find_in(&self, text: &TextValue<'_>) -> Vec<PhraseMatch> {
        self.matches(text.value, &text.normalized)
    }

    /// The matches in `text`, searched for in `folded`, its [`normalize`]d form.
    fn matches(&self, text: &str, folded: &str) -> Vec<PhraseMatch> {
        let mut matches = self.automaton.find_iter(folded).peekable();
        // Most texts match nothing: map offsets back only for those that do.
        if matches.peek().is_none() {
            return Vec::new();
        }
        let mut map = Vec::with_capacity(folded.len() + 1);
        normalize(text, Some(&mut map));
        let mut out = Vec::new();
        for m in matches {
            let phrase = &self.phrases[m.pattern().as_usize()];
            let before_ok = folded[..m.start()]
                .chars()
                .next_back()
                .is_none_or(|c| !is_word_char(c));
            let after_ok = phrase.pattern.ends_with('*')
                || folded[m.end()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !is_word_char(c));
            if before_ok && after_ok {
                // Extend a stem match to the end of the word, so the whole word is shown.
                let end = if phrase.pattern.ends_with('*') {
                    m.end()
                        + folded[m.end()..]
                            .char_indices()
                            .find(|(_, c)| !is_word_char(*c))
                            .map_or(folded.len() - m.end(), |(i, _)| i)
                } else {
                    m.end()
                };
                out.push(PhraseMatch {
                    phrase,
                    range: map[m.start()]..map[end],
                });
            }
        }
        out
    }
}

impl PhraseSet {
    /// Like [`find`](Self::find), but consecutive matches with the same note are one match when
    /// `joins` accepts the text between them — an act's name and its number, a name and its
    /// abbreviation — and a bracket opened inside a match is closed with it.
    pub fn find_merged(&self, text: &str, joins: impl Fn(&str) -> bool) -> Vec<PhraseMatch> {
        merge(text, self.find(text), joins)
    }

    /// [`find_merged`](Self::find_merged) in a text value, whose folded form is already made.
    pub fn find_merged_in(
        &self,
        text: &TextValue<'_>,
        joins: impl Fn(&str) -> bool,
    ) -> Vec<PhraseMatch> {
        merge(text.value, self.find_in(text), joins)
    }
}

/// Merges consecutive `matches` in `text` for [`PhraseSet::find_merged`].
fn merge(text: &str, matches: Vec<PhraseMatch>, joins: impl Fn(&str) -> bool) -> Vec<PhraseMatch> {
    let mut out: Vec<PhraseMatch> = Vec::new();
    for m in matches {
        if let Some(prev) = out.last_mut()
            && prev.phrase.note == m.phrase.note
            && joins(&text[prev.range.end..m.range.start])
        {
            prev.range.end = m.range.end;
            continue;
        }
        out.push(m);
    }
    for m in &mut out {
        let inside = &text[m.range.clone()];
        if inside.matches('(').count() > inside.matches(')').count()
            && text[m.range.end..].starts_with(')')
        {
            m.range.end += 1;
        }
    }
    out
}

/// Text quoted in a message: on one line, white space collapsed.
pub fn quote(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` case-folded with white-space runs collapsed to one space; with `map`, also the byte
/// offset in `text` that every byte of the result (and one past its end) comes from.
fn normalize(text: &str, map: Option<&mut Vec<usize>>) -> String {
    match map {
        None => normalize_fast(text),
        Some(map) => normalize_mapped(text, Some(map)),
    }
}

/// Whether an ASCII byte is white space as [`char::is_whitespace`] has it (U+0009–U+000D and
/// the space).
#[inline]
fn ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// [`normalize`] without the offset map, which every text of every register goes through: runs
/// of ASCII letters are lower-cased and copied as bytes, a run at a time, and only the other
/// characters are decoded one by one. Folding keeps byte lengths, so the result is what
/// [`normalize_mapped`] makes (a property test holds them equal).
fn normalize_fast(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut last_space = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if ascii_space(b) {
                if !last_space {
                    out.push(b' ');
                }
                last_space = true;
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii() && !ascii_space(bytes[i]) {
                i += 1;
            }
            out.extend(bytes[start..i].iter().map(u8::to_ascii_lowercase));
            last_space = false;
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            let f = fold_char(c);
            if f.is_whitespace() {
                if !last_space {
                    out.push(b' ');
                }
                last_space = true;
            } else {
                let mut buf = [0; 4];
                out.extend_from_slice(f.encode_utf8(&mut buf).as_bytes());
                last_space = false;
            }
            i += c.len_utf8();
        }
    }
    // Only whole characters were pushed.
    String::from_utf8(out).unwrap_or_default()
}

/// [`normalize`] a character at a time, recording where every byte comes from.
fn normalize_mapped(text: &str, mut map: Option<&mut Vec<usize>>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_space = false;
    // Folding keeps every character's byte length, so `i` is an offset in `text` too.
    for (i, c) in text.char_indices() {
        let c = fold_char(c);
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
                if let Some(map) = map.as_deref_mut() {
                    map.push(i);
                }
            }
            last_space = true;
            continue;
        }
        last_space = false;
        out.push(c);
        if let Some(map) = map.as_deref_mut() {
            map.extend(i..i + c.len_utf8());
        }
    }
    if let Some(map) = map {
        map.push(text.len());
    }
    out
}

/// The position of `value[range]` in the source: searched for near `node` (the position of the
/// text value), so that a phrase inside a multi-line block points at its own line. Falls back
/// to the start of the value.
pub fn locate(source: &str, node: Pos, value: &str, range: Range<usize>) -> Pos {
    // A phrase wrapped across lines is found by its first line, which stands as it is in the
    // source (later lines are indented there).
    let first_line = value[range.clone()]
        .split('\n')
        .next()
        .unwrap_or("")
        .trim_end();
    let range = range.start..range.start + first_line.len();
    let needle = &value[range.clone()];
    let fallback = node;
    let Some(start) = node.offset.map(|o| o as usize) else {
        return fallback;
    };
    if start > source.len() || needle.is_empty() {
        return fallback;
    }
    // A quoted or block scalar is laid out differently from its value; look within a window
    // that covers the node (its byte length, or a generous margin for folded text).
    let window_end = (start + (node.len as usize).max(value.len() * 2 + 64)).min(source.len());
    let mut window_end = window_end;
    while !source.is_char_boundary(window_end) {
        window_end -= 1;
    }
    let mut begin = start;
    while !source.is_char_boundary(begin) {
        begin -= 1;
    }
    let haystack = fold_case(&source[begin..window_end]);
    let folded_needle = fold_case(needle);
    // The n-th occurrence in the value is most likely the n-th in the source.
    let nth = fold_case(&value[..range.start])
        .matches(&folded_needle)
        .count();
    match haystack.match_indices(&folded_needle).nth(nth) {
        Some((i, _)) => {
            let off = begin + i;
            let (line, column) = line_col(source, off);
            Pos {
                line,
                column,
                offset: Some(off as u32),
                len: needle.len() as u32,
                // In the file the text stands in: a shared definition's text is located in
                // its own file.
                file: node.file,
            }
        }
        None => fallback,
    }
}

pub use crate::lint::language::{clauses_with_words, negated};

/// For a [`TextHook::Phrases`](crate::lint::engine::TextHook::Phrases) hook: only white space or an opening bracket between two matches.
pub fn adjacent(between: &str) -> bool {
    between
        .trim_matches(|c: char| c.is_whitespace() || c == '(')
        .is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    static PHRASES: &[Phrase] = &[
        Phrase {
            pattern: "henkilötietola*",
            note: "repealed",
        },
        Phrase {
            pattern: "toistaiseksi",
            note: "vague",
        },
    ];

    #[test]
    fn phrases_match_inflected_words_at_word_starts() {
        let set = PhraseSet::new(PHRASES);
        let m = set.find("Henkilötietolain 10 § mukainen; säilytetään toistaiseksi.");
        assert_eq!(m.len(), 2);
        assert_eq!(
            &"Henkilötietolain 10 § mukainen; säilytetään toistaiseksi."[m[0].range.clone()],
            "Henkilötietolain"
        );
        // Not inside another word, and a whole-word phrase needs its end boundary.
        assert!(set.find("ei-henkilötietolaki").len() == 1);
        assert!(set.find("xhenkilötietolaki").is_empty());
        assert!(set.find("toistaiseksikin").is_empty());
    }

    #[test]
    fn locate_finds_a_phrase_on_its_own_line_in_a_block() {
        let source = "title: x\nsecurity: |\n  Ensimmäinen rivi.\n  Toinen rivi, toistaiseksi.\n";
        let value = "Ensimmäinen rivi.\nToinen rivi, toistaiseksi.\n";
        let node = Pos {
            line: 3,
            column: 3,
            offset: Some(source.find("Ensimmäinen").unwrap() as u32),
            len: 50,
            file: None,
        };
        let at = value.find("toistaiseksi").unwrap();
        let pos = locate(source, node, value, at..at + "toistaiseksi".len());
        assert_eq!((pos.line, pos.column), (4, 16));
    }

    #[test]
    fn phrases_wrapped_across_lines_are_found_and_located() {
        static P: &[Phrase] = &[Phrase {
            pattern: "niin kauan kuin on tarpeellista",
            note: "",
        }];
        let set = PhraseSet::new(P);
        let value = "Tietoja säilytetään niin kauan\nkuin on tarpeellista.";
        let m = set.find(value);
        assert_eq!(m.len(), 1);
        assert_eq!(
            &value[m[0].range.clone()],
            "niin kauan\nkuin on tarpeellista"
        );
        let source = "criteria: |\n  Tietoja säilytetään niin kauan\n  kuin on tarpeellista.\n";
        let node = Pos {
            line: 2,
            column: 3,
            offset: Some(source.find("Tietoja").unwrap() as u32),
            len: 52,
            file: None,
        };
        let pos = locate(source, node, value, m[0].range.clone());
        assert_eq!(
            (pos.line, pos.column, pos.len),
            (2, 23, "niin kauan".len() as u32)
        );
    }

    #[test]
    fn ranges_map_back_across_collapsed_and_multibyte_white_space() {
        let set = PhraseSet::new(PHRASES);
        let value = "Ä\u{a0}\u{2003} säilytetään\n\n  TOISTAISEKSI.";
        let m = set.find(value);
        assert_eq!(m.len(), 1);
        assert_eq!(&value[m[0].range.clone()], "TOISTAISEKSI");
        assert!(set.find("Ei mitään täällä.").is_empty());
    }

    proptest::proptest! {
        /// The fast path and the mapped one make the same text.
        #[test]
        fn normalize_fast_is_normalize(s in "([a-zA-ZåäöÅÄÖ É  \t\n\r\u{b}\u{c}\u{85}\u{a0}\u{2028}İẞΣ.,-]|\\PC){0,80}") {
            proptest::prop_assert_eq!(normalize_fast(&s), normalize_mapped(&s, None));
        }

        /// Folding a run of ASCII at a time is folding a character at a time.
        #[test]
        fn fold_case_is_fold_char_by_char(s in "([a-zA-ZåäöÅÄÖ É  \t\n.,-]|\\PC){0,80}") {
            let slow: String = s.chars().map(fold_char).collect();
            proptest::prop_assert_eq!(fold_case(&s), slow);
        }
    }

    #[test]
    fn fold_case_keeps_byte_offsets() {
        let s = "ÄÖÅ İstanbul";
        assert_eq!(fold_case(s).len(), s.len());
        assert!(fold_case(s).starts_with("äöå"));
    }

    #[test]
    fn the_latin_1_shortcut_agrees_with_unicode_lower_case() {
        for c in (0..0x100).filter_map(char::from_u32) {
            let mut lower = c.to_lowercase();
            let expected = match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            };
            assert_eq!(fold_char(c), expected, "{c:?}");
        }
    }
}
