//! Inline suppressions: `# seloste: allow(rule-a, rule-b) reason` in a YAML file.
//!
//! A suppression comment after a value applies to its own line; a comment on a line of its
//! own applies to the next line that is neither blank nor a comment. It removes the named
//! rules' diagnostics located on that line. A comment without a reason, naming an unknown
//! rule or not in this form is reported as `invalid-suppression`; a named rule that had no
//! diagnostic to remove as `unused-suppression` (as ruff reports unused `# noqa`).

use crate::diagnostic::{Code, Diagnostic, closest};
use crate::lint::{self, Finding, Findings, Rule, rules};
use crate::model::{Level, Project};
use crate::source::{FileId, Pos};

/// One rule named in a suppression comment.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Named {
    rule: &'static str,
    pos: Pos,
    used: bool,
}

/// A suppression comment that names at least one known rule.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Allowance {
    /// The line whose diagnostics it removes.
    target: u32,
    /// The last line it covers: beyond `target` when that line opens a block scalar, whose
    /// content lines it covers too (a comment there would be text).
    last: u32,
    rules: Vec<Named>,
}

/// The marker that starts a suppression comment.
const MARKER: &str = "seloste:";

/// Removes the diagnostics of `file` that a suppression comment in `source` allows, and adds
/// the diagnostics about the comments themselves (at the project's levels of the two rules).
pub fn apply(
    project: &Project,
    local: &[(&'static str, Level)],
    file: FileId,
    source: &str,
    out: &mut Vec<Diagnostic>,
) {
    if !source.contains(MARKER) {
        return;
    }
    let mut invalid = Findings::default();
    let mut allowances = parse(source, &mut invalid);
    out.retain(|d| {
        let (Code::Rule(name), Some(pos), Some(f)) = (d.code, d.pos, d.file) else {
            return true;
        };
        if f != file {
            return true;
        }
        let mut keep = true;
        for a in allowances
            .iter_mut()
            .filter(|a| (a.target..=a.last).contains(&pos.line))
        {
            for n in a.rules.iter_mut().filter(|n| n.rule == name) {
                n.used = true;
                keep = false;
            }
        }
        keep
    });
    let mut unused = Findings::default();
    for n in allowances.iter().flat_map(|a| &a.rules).filter(|n| !n.used) {
        let allowed = lint::severity_in(rule_of(n.rule), project, local).is_none();
        let f = unused.at(
            n.pos,
            format!("this suppression of `{}` suppresses no finding", n.rule),
        );
        if allowed {
            f.help(format!(
                "`{}` is set to `allow` for this file, so it reports nothing to suppress",
                n.rule
            ));
        }
        f.help("remove it (or the rule's name from the list) if the finding is gone");
    }
    push(
        &rules::invalid_suppression::RULE,
        project,
        local,
        file,
        invalid,
        out,
    );
    push(
        &rules::unused_suppression::RULE,
        project,
        local,
        file,
        unused,
        out,
    );
}

fn rule_of(name: &'static str) -> &'static Rule {
    lint::rule(name).expect("named rules are known rules")
}

fn push(
    rule: &'static Rule,
    project: &Project,
    local: &[(&'static str, Level)],
    file: FileId,
    findings: Findings,
    out: &mut Vec<Diagnostic>,
) {
    if let Some(severity) = lint::severity_in(rule, project, local) {
        lint::into_diagnostics(rule, severity, file, findings, Pos::START, out);
    }
}

/// Reads every suppression comment of `source`; problems with them go to `invalid`.
fn parse(source: &str, invalid: &mut Findings) -> Vec<Allowance> {
    let mut allowances: Vec<Allowance> = Vec::new();
    // Comments on lines of their own, waiting for the line they apply to.
    let mut pending: Vec<Allowance> = Vec::new();
    // The indentation and line of the line that opened a block scalar, while inside one.
    let mut block: Option<(usize, u32)> = None;
    let mut offset = 0usize;
    for (i, raw) in source.split_inclusive('\n').enumerate() {
        let line_no = i as u32 + 1;
        let line = raw.trim_end_matches(['\n', '\r']);
        let start = offset;
        offset += raw.len();
        let indent = line.len() - line.trim_start().len();
        if let Some((b, opener)) = block {
            if line.trim().is_empty() || indent > b {
                if !line.trim().is_empty() {
                    for a in allowances.iter_mut().filter(|a| a.target == opener) {
                        a.last = line_no;
                    }
                }
                continue;
            }
            block = None;
        }
        let comment = comment_start(line);
        let content = line[..comment.unwrap_or(line.len())].trim();
        if !content.is_empty() {
            for mut a in pending.drain(..) {
                a.target = line_no;
                a.last = line_no;
                allowances.push(a);
            }
            if opens_block(content) {
                block = Some((indent, line_no));
            }
        }
        let Some(hash) = comment else { continue };
        let text = &line[hash + 1..];
        let Some(rest) = text.trim_start().strip_prefix(MARKER) else {
            continue;
        };
        let here = |byte: usize, len: usize| Pos {
            line: line_no,
            column: line[..byte].chars().count() as u32 + 1,
            offset: Some((start + byte) as u32),
            len: len as u32,
            file: None,
        };
        let comment_pos = here(hash, line.len() - hash);
        let rest_at = line.len() - rest.len();
        let Some((names, reason)) = split_directive(rest) else {
            invalid
                .at(
                    comment_pos,
                    "this `# seloste:` comment is not a suppression seloste can read",
                )
                .help("write `# seloste: allow(rule-name) reason`, naming the rule and saying why");
            continue;
        };
        let mut named = Vec::new();
        for (at, name) in names {
            let pos = here(rest_at + at, name.len());
            match lint::rule(name) {
                Some(rule) => named.push(Named {
                    rule: rule.name,
                    pos,
                    used: false,
                }),
                None => {
                    let f: &mut Finding = invalid.at(
                        pos,
                        format!("no rule is named `{name}`; nothing is suppressed"),
                    );
                    if let Some(s) = closest(name, lint::RULES.iter().map(|r| r.name)) {
                        f.help(format!("did you mean `{s}`?"));
                    }
                    f.help("`seloste rules` lists every rule");
                }
            }
        }
        if reason.is_empty() {
            invalid
                .at(comment_pos, "this suppression gives no reason")
                .help("say after `allow(...)` why the finding does not apply here, e.g. `# seloste: allow(vague-recipient) luettelo liitteessä 1`");
        }
        if named.is_empty() {
            continue;
        }
        let a = Allowance {
            target: line_no,
            last: line_no,
            rules: named,
        };
        if content.is_empty() {
            pending.push(a);
        } else {
            allowances.push(a);
        }
    }
    // Comments at the end of the file apply to nothing: their rules stay unused.
    allowances.extend(pending);
    allowances
}

/// Parses `allow(a, b) reason` (after the marker): the names with their byte offsets in
/// `rest`, and the trimmed reason. `None` when it is not in that form.
fn split_directive(rest: &str) -> Option<(Vec<(usize, &str)>, &str)> {
    let body = rest.trim_start();
    let after = body.strip_prefix("allow")?.trim_start();
    let inner_start = after.strip_prefix('(')?;
    let close = inner_start.find(')')?;
    let inner = &inner_start[..close];
    let base = rest.len() - inner_start.len();
    let mut names = Vec::new();
    let mut at = 0;
    for part in inner.split(',') {
        let lead = part.len() - part.trim_start().len();
        let name = part.trim();
        if name.is_empty() {
            return None;
        }
        names.push((base + at + lead, name));
        at += part.len() + 1;
    }
    Some((names, inner_start[close + 1..].trim()))
}

/// The byte index of the `#` that starts a comment on `line`, outside quoted scalars.
fn comment_start(line: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut prev: Option<char> = None;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match quote {
            Some('"') if c == '\\' => {
                chars.next();
            }
            Some(q) if c == q => {
                // '' inside a single-quoted scalar is an escaped quote.
                if q == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                    chars.next();
                } else {
                    quote = None;
                }
            }
            Some(_) => {}
            None => {
                let boundary = prev.is_none_or(|p| p.is_whitespace() || "[{,:-?".contains(p));
                if (c == '"' || c == '\'') && boundary {
                    quote = Some(c);
                } else if c == '#' && prev.is_none_or(char::is_whitespace) {
                    return Some(i);
                }
            }
        }
        prev = Some(c);
    }
    None
}

/// Whether a line's content (without its comment) opens a block scalar (`key: |`, `- >-`).
fn opens_block(content: &str) -> bool {
    let last = content.rsplit([' ', '\t']).next().unwrap_or(content);
    let mut chars = last.chars();
    matches!(chars.next(), Some('|' | '>'))
        && chars.all(|c| c == '-' || c == '+' || c.is_ascii_digit())
        && (content.len() == last.len() || {
            let before = content[..content.len() - last.len()].trim_end();
            before.ends_with(':') || before.ends_with('-') || before.ends_with('?')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(source: &str) -> (Vec<(u32, Vec<&'static str>)>, Vec<String>) {
        let mut invalid = Findings::default();
        let a = parse(source, &mut invalid);
        (
            a.into_iter()
                .map(|a| (a.target, a.rules.into_iter().map(|n| n.rule).collect()))
                .collect(),
            invalid
                .items()
                .iter()
                .map(|f| format!("{}:{} {}", f.pos.line, f.pos.column, f.message))
                .collect(),
        )
    }

    #[test]
    fn a_trailing_comment_applies_to_its_line_and_an_own_line_comment_to_the_next() {
        let src = "title: A # seloste: allow(missing-title) syy\n\
                   # seloste: allow(vague-recipient, vague-purpose) syy\n\
                   \n\
                   # toinen kommentti\n\
                   recipients: x\n";
        let (a, bad) = read(src);
        assert_eq!(
            a,
            vec![
                (1, vec!["missing-title"]),
                (5, vec!["vague-recipient", "vague-purpose"])
            ]
        );
        assert!(bad.is_empty(), "{bad:?}");
    }

    #[test]
    fn missing_reasons_unknown_rules_and_other_forms_are_invalid() {
        let src = "a: 1 # seloste: allow(vague-recipient)\n\
                   b: 2 # seloste: allow(vague-recipients) syy\n\
                   c: 3 # seloste: ignore this\n\
                   d: 4 # seloste: allow() syy\n";
        let (a, bad) = read(src);
        assert_eq!(a, vec![(1, vec!["vague-recipient"])]);
        assert_eq!(
            bad,
            vec![
                "1:6 this suppression gives no reason",
                "2:23 no rule is named `vague-recipients`; nothing is suppressed",
                "3:6 this `# seloste:` comment is not a suppression seloste can read",
                "4:6 this `# seloste:` comment is not a suppression seloste can read",
            ]
        );
    }

    #[test]
    fn text_that_only_looks_like_a_comment_is_not_one() {
        let src = "a: \"x # seloste: allow(vague-purpose) y\"\n\
                   b: 'it''s # seloste: allow(vague-purpose) y'\n\
                   c: x#seloste: allow(vague-purpose) y\n\
                   d: |\n  # seloste: allow(vague-purpose) sisältöä\n  lisää\n\
                   e: f # seloste: allow(vague-purpose) oikea\n";
        let (a, bad) = read(src);
        assert_eq!(a, vec![(7, vec!["vague-purpose"])]);
        assert!(bad.is_empty(), "{bad:?}");
    }

    #[test]
    fn a_suppression_of_a_block_scalar_covers_its_content() {
        let src = "# seloste: allow(outdated-term) lainaus vanhasta selosteesta\n\
                   description: |\n  rivi 1\n\n  rivi 2\n\
                   title: A\n";
        let mut invalid = Findings::default();
        let a = parse(src, &mut invalid);
        assert_eq!((a[0].target, a[0].last), (2, 5));
    }

    #[test]
    fn comment_columns_count_characters() {
        assert_eq!(comment_start("nimi: Ää # x"), Some(11));
        assert_eq!(comment_start("# x"), Some(0));
        assert_eq!(comment_start("url: a#b"), None);
        assert!(opens_block("purpose: |-"));
        assert!(opens_block("- >"));
        assert!(!opens_block("a: b|"));
        assert!(!opens_block("a: x >"));
    }
}
