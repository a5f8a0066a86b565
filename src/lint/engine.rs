//! The engine: one walk over a file that calls every rule's hooks.
//!
//! A rule declares what it looks at ([`Rule::project`], [`Rule::register`], [`Rule::text`]);
//! the engine owns the walk, as ruff's checker does. For a file it runs the whole-file hooks,
//! then visits each text value once and calls the text hooks of the rules whose words occur in
//! it. Which rules those are is found in one pass over the text for the words of all text
//! rules together (the gate): most texts hold none, and no rule looks at them.

use std::sync::{LazyLock, OnceLock};

use aho_corasick::{AhoCorasick, MatchKind};

use super::text::{self, Phrase, PhraseSet, TextValue};
use super::{Finding, Findings, ProjectContext, RULES, RegisterContext, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Project;
use crate::source::{FileId, Pos};

/// What a rule does with the texts of a file.
#[derive(Clone, Copy, Debug)]
pub enum TextHook {
    /// `check` sees every text of every file (`seloste.yaml` and the registers) that holds one
    /// of the phrases of `words` — or every text, when `words` is empty. The words are a gate,
    /// not the rule's whole search: a rule that looks for a clause in any word order gates on
    /// one of its words.
    Each {
        /// The phrases one of which a text must hold for `check` to see it.
        words: &'static [&'static [Phrase]],
        /// The check of one text.
        check: fn(&TextContext<'_>, &mut Findings),
    },
    /// Every match of `phrases` in every text of every file is a finding, unless it stands
    /// negated (["ei", "emme" …](super::text::negated) before it in its clause: "Henkilötietolakia
    /// ei enää sovelleta" cites no act as the law). Consecutive matches with the same note that
    /// `joins` accepts the text between are one — an act's name and its number. `report` makes
    /// the message and the help of the matched words (quoted on one line) and the phrase.
    Phrases {
        /// The table.
        phrases: &'static [Phrase],
        /// Whether the text between two matches makes them one.
        joins: fn(&str) -> bool,
        /// The message and the help.
        report: fn(&str, &Phrase) -> (String, String),
    },
}

impl TextHook {
    /// The phrases that gate the hook (none: it sees every text).
    fn words(self) -> Vec<&'static Phrase> {
        match self {
            TextHook::Each { words, .. } => words.iter().flat_map(|t| t.iter()).collect(),
            TextHook::Phrases { phrases, .. } => phrases.iter().collect(),
        }
    }
}

/// The file a text stands in.
#[derive(Clone, Copy, Debug)]
pub enum FileContext<'a> {
    /// `seloste.yaml`.
    Project(&'a ProjectContext<'a>),
    /// A register.
    Register(&'a RegisterContext<'a>),
}

/// What a text hook sees: one text and the file it stands in.
#[derive(Clone, Copy, Debug)]
pub struct TextContext<'a> {
    /// The file.
    pub file: FileContext<'a>,
    /// The text.
    pub text: &'a TextValue<'a>,
}

impl<'a> TextContext<'a> {
    /// The text's value.
    pub fn value(&self) -> &'a str {
        self.text.value
    }

    /// The register the text stands in, or `None` in `seloste.yaml`.
    pub fn register(&self) -> Option<&'a RegisterContext<'a>> {
        match self.file {
            FileContext::Register(r) => Some(r),
            FileContext::Project(_) => None,
        }
    }

    /// The project.
    pub fn project(&self) -> &'a Project {
        match self.file {
            FileContext::Register(r) => r.project,
            FileContext::Project(p) => p.project,
        }
    }

    /// What a reference by id may name in the project.
    pub fn references(&self) -> &'a crate::render::links::ReferenceTargets {
        match self.file {
            FileContext::Register(r) => r.references,
            FileContext::Project(p) => p.references,
        }
    }

    /// The text of the file the text stands in (for a shared definition a register copied,
    /// `seloste.yaml`).
    pub fn source(&self) -> &'a str {
        match self.file {
            FileContext::Register(r) => r.source_at(self.text.pos),
            FileContext::Project(p) => p.source,
        }
    }

    /// Where `value()[range]` stands in the file.
    pub fn locate(&self, range: std::ops::Range<usize>) -> Pos {
        text::locate(self.source(), self.text.pos, self.text.value, range)
    }

    /// Reports a finding at `value()[range]`.
    pub fn at<'o>(
        &self,
        out: &'o mut Findings,
        range: std::ops::Range<usize>,
        message: impl Into<String>,
    ) -> &'o mut Finding {
        out.at(self.locate(range), message)
    }
}

/// One automaton of the words of every text hook, and per rule its bit in
/// [`TextValue::rules`].
struct Gate {
    automaton: AhoCorasick,
    /// The rule bit of each pattern.
    bits: Vec<u64>,
    /// The bit of each rule of [`RULES`] whose text hook is gated (0: none).
    rule_bits: Vec<u64>,
    /// The phrase set of each rule with a [`TextHook::Phrases`] hook, built when first needed.
    sets: Vec<OnceLock<PhraseSet>>,
}

static GATE: LazyLock<Gate> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut bits = Vec::new();
    let mut rule_bits = vec![0; RULES.len()];
    let mut next = 0;
    for (i, rule) in RULES.iter().enumerate() {
        let Some(hook) = rule.text else { continue };
        if hook.words().is_empty() {
            continue;
        }
        assert!(next < 64, "a bit for every gated text rule");
        rule_bits[i] = 1 << next;
        for p in hook.words() {
            patterns.push(text::fold_case(p.stem()));
            bits.push(1 << next);
        }
        next += 1;
    }
    Gate {
        automaton: text::automaton(&patterns, MatchKind::Standard),
        bits,
        rule_bits,
        sets: RULES.iter().map(|_| OnceLock::new()).collect(),
    }
});

impl Gate {
    /// The bits of the rules with a word somewhere in `folded` (word boundaries are left to the
    /// rules' own search).
    fn rules(&self, folded: &str) -> u64 {
        let mut found = 0;
        for m in self.automaton.find_overlapping_iter(folded) {
            found |= self.bits[m.pattern().as_usize()];
        }
        found
    }
}

/// Marks in every text which gated rules may find something in it.
pub(crate) fn gate(texts: &mut [TextValue<'_>]) {
    let gate = &*GATE;
    for t in texts {
        t.rules = gate.rules(t.normalized());
    }
}

/// Runs every rule that `severity` lets report on one file: its whole-file hook `whole`, then
/// its text hook on every text it is gated to. Findings become diagnostics of `file`.
pub(crate) fn run(
    file: FileContext<'_>,
    texts: &[TextValue<'_>],
    fid: FileId,
    severity: impl Fn(&Rule) -> Option<Severity>,
    out: &mut Vec<Diagnostic>,
) {
    let gate = &*GATE;
    let root = super::root_pos(match file {
        FileContext::Project(p) => p.source,
        FileContext::Register(r) => r.source,
    });
    let active: Vec<(usize, &'static Rule, Severity)> = RULES
        .iter()
        .enumerate()
        .filter_map(|(i, r)| severity(r).map(|s| (i, *r, s)))
        .collect();
    let mut findings: Vec<Findings> = active.iter().map(|_| Findings::default()).collect();
    for ((_, rule, _), found) in active.iter().zip(&mut findings) {
        match file {
            FileContext::Project(cx) => {
                if let Some(check) = rule.project {
                    check(cx, found);
                }
            }
            FileContext::Register(cx) => {
                if let Some(check) = rule.register {
                    check(cx, found);
                }
            }
        }
    }
    let text_rules: Vec<usize> = (0..active.len())
        .filter(|&k| active[k].1.text.is_some())
        .collect();
    for t in texts {
        let cx = TextContext { file, text: t };
        for &k in &text_rules {
            let (i, rule, _) = active[k];
            let bit = gate.rule_bits[i];
            if bit != 0 && t.rules & bit == 0 {
                continue;
            }
            match rule.text {
                Some(TextHook::Each { check, .. }) => check(&cx, &mut findings[k]),
                Some(TextHook::Phrases {
                    phrases,
                    joins,
                    report,
                }) => {
                    let set = gate.sets[i].get_or_init(|| PhraseSet::new(phrases));
                    for m in set.find_merged_in(t, joins) {
                        if text::negated(t.value, m.range.clone()) {
                            continue;
                        }
                        let (message, help) =
                            report(&text::quote(&t.value[m.range.clone()]), m.phrase);
                        cx.at(&mut findings[k], m.range, message).help(help);
                    }
                }
                None => {}
            }
        }
    }
    for ((_, rule, severity), found) in active.into_iter().zip(findings) {
        super::into_diagnostics(rule, severity, fid, found, root, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_of_a_gated_rule_opens_the_gate_to_it() {
        // A text holding any one word of a rule's gate reaches that rule: a word left out of
        // the gate would hide every text holding only that word from the rule.
        let gate = &*GATE;
        for (i, rule) in RULES.iter().enumerate() {
            let Some(hook) = rule.text else { continue };
            for p in hook.words() {
                let t = TextValue::new(p.stem(), Pos::START);
                assert_ne!(
                    gate.rules(t.normalized()) & gate.rule_bits[i],
                    0,
                    "{}: `{}` does not open the gate",
                    rule.name,
                    p.pattern
                );
            }
        }
    }

    #[test]
    fn a_text_without_any_word_reaches_no_gated_rule() {
        let t = TextValue::new("Tietoja käytetään asiakassuhteen hoitamiseen.", Pos::START);
        assert_eq!(GATE.rules(t.normalized()), 0);
    }
}
