//! Lint stage: every rule of `shared/GDPR.md` as one file under `rules/`, run over the
//! validated model.
//!
//! A [`Rule`] is data — name (= id = config key), articles, default severity, summary and a
//! Markdown explanation — plus its hooks: a check of `seloste.yaml`, of a register, and of
//! every text of a file ([`TextHook`]: a check gated on words, or a phrase table whose matches
//! are the findings). A rule has only the hooks it needs; the [`engine`] owns the walk over a
//! file and calls them. [`RULES`] lists them all. Rules report [`Finding`]s; [`lint_project`]
//! and [`lint_register`] turn them into diagnostics at the level the project and the register's own `lints` configure, then
//! drop those that a `# seloste: allow(rule) reason` comment suppresses ([`suppress`]).
//! [`Selection`] is the command line's `--select`/`--ignore`, applied after all of these.

pub mod docs;
pub mod engine;
pub mod language;
pub mod rules;
pub mod suppress;
pub mod text;

use chrono::NaiveDate;

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::model::{Level, Project, Register, RegisterDoc};
use crate::render::links::ReferenceTargets;
use crate::source::Pos;
pub use engine::{FileContext, TextContext, TextHook};
use text::TextValue;

pub use rules::RULES;

/// A lint rule and its metadata.
#[derive(Debug)]
pub struct Rule {
    /// Kebab-case name naming the defect: the rule's id and its key in `settings.lints`.
    pub name: &'static str,
    /// The GDPR articles (or Finnish acts, guidelines) the rule rests on.
    pub articles: &'static [&'static str],
    /// Severity unless the project sets a level.
    pub severity: Severity,
    /// The part of the notice its findings concern: where a draft marks them.
    pub section: crate::applicability::Section,
    /// One line: what the rule finds.
    pub summary: &'static str,
    /// Markdown: what the rule checks, why, and an example. Printed by `seloste explain`.
    pub explanation: &'static str,
    /// Check run once on `seloste.yaml`.
    pub project: Option<fn(&ProjectContext<'_>, &mut Findings)>,
    /// Check run on every register.
    pub register: Option<fn(&RegisterContext<'_>, &mut Findings)>,
    /// Check run on the texts of every file (see [`TextHook`]).
    pub text: Option<TextHook>,
}

/// The rule with this name.
pub fn rule(name: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.name == name)
}

/// A rule named on the command line (`--select`, `--ignore`): its name, or an error that says
/// which rule was meant.
pub fn rule_name(name: &str) -> Result<&'static str, String> {
    let name = name.trim();
    rule(name).map(|r| r.name).ok_or_else(|| {
        let hint = crate::diagnostic::closest(name, RULES.iter().map(|r| r.name))
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_default();
        format!("no rule is named `{name}`{hint} (`seloste rules` lists every rule)")
    })
}

/// The rules a run reports, chosen on the command line (`--select`, `--ignore`) after the
/// levels of the files: it filters the findings the files' levels let through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Report only these rules (all, when empty).
    pub select: Vec<&'static str>,
    /// Never report these rules.
    pub ignore: Vec<&'static str>,
}

impl Selection {
    /// Whether a diagnostic with this code is reported. Input errors always are.
    pub fn reports(&self, code: Code) -> bool {
        match code {
            Code::Input(_) => true,
            Code::Rule(name) => {
                (self.select.is_empty() || self.select.contains(&name))
                    && !self.ignore.contains(&name)
            }
        }
    }

    /// Drops the diagnostics of rules this selection does not report.
    pub fn retain(&self, diagnostics: &mut Vec<Diagnostic>) {
        diagnostics.retain(|d| self.reports(d.code));
    }
}

/// What a project-level check sees.
#[derive(Clone, Copy, Debug)]
pub struct ProjectContext<'a> {
    /// The project.
    pub project: &'a Project,
    /// The text of `seloste.yaml`.
    pub source: &'a str,
    /// Every text value of `seloste.yaml` ([`text::project_texts`]), made once for all rules.
    pub texts: &'a [TextValue<'a>],
    /// The date to judge `updated` against.
    pub today: NaiveDate,
    /// The shared definitions the registers refer to, when known.
    pub used: Option<&'a crate::resolve::Used>,
    /// What a reference by id (`#oikeudet`) may name in the project.
    pub references: &'a ReferenceTargets,
}

/// What a register-level check sees.
#[derive(Clone, Copy, Debug)]
pub struct RegisterContext<'a> {
    /// The project.
    pub project: &'a Project,
    /// The register with its id and file.
    pub doc: &'a RegisterDoc,
    /// The register's content.
    pub register: &'a Register,
    /// The text of the register file.
    pub source: &'a str,
    /// Every text value of the register ([`text::register_texts`]), made once for all rules.
    pub texts: &'a [TextValue<'a>],
    /// The date to judge `updated` against.
    pub today: NaiveDate,
    /// What the law requires of the register, decided once for lint and render.
    pub applies: &'a crate::applicability::Applicability,
    /// What a reference by id (`#oikeudet`) may name in the project.
    pub references: &'a ReferenceTargets,
}

impl<'a> RegisterContext<'a> {
    /// The text of the file `pos` stands in: the register's, or `seloste.yaml` for what a
    /// shared definition brought in.
    pub fn source_at(&self, pos: Pos) -> &'a str {
        match pos.file {
            Some(f) => self.project.shared_text(f).unwrap_or(""),
            None => self.source,
        }
    }
}

/// One finding of a rule, before the engine makes it a diagnostic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Where.
    pub pos: Pos,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Short label at the position.
    pub label: Option<String>,
    /// What to do.
    pub help: Vec<String>,
}

impl Finding {
    /// Adds a line of help.
    pub fn help(&mut self, text: impl Into<String>) -> &mut Self {
        self.help.push(text.into());
        self
    }

    /// Sets the label shown at the position.
    pub fn label(&mut self, text: impl Into<String>) -> &mut Self {
        self.label = Some(text.into());
        self
    }
}

/// The findings of one rule on one file.
#[derive(Debug, Default)]
pub struct Findings {
    items: Vec<Finding>,
}

impl Findings {
    /// Reports a finding at `pos`; chain `.help()` and `.label()` on the result.
    pub fn at(&mut self, pos: Pos, message: impl Into<String>) -> &mut Finding {
        self.items.push(Finding {
            pos,
            message: message.into(),
            label: None,
            help: Vec::new(),
        });
        self.items.last_mut().expect("just pushed")
    }

    /// The findings so far.
    pub fn items(&self) -> &[Finding] {
        &self.items
    }
}

/// Options of a lint run.
#[derive(Clone, Copy, Debug)]
pub struct LintOptions<'a> {
    /// The date to judge `updated` against (today, or `SELOSTE_TODAY` in tests).
    pub today: NaiveDate,
    /// What a reference by id may name: the section anchors of the project's templates, its
    /// registers and its combined notices.
    pub references: &'a ReferenceTargets,
}

/// The severity a rule reports at in this project, or `None` when it is allowed (off).
pub fn effective_severity(rule: &Rule, project: &Project) -> Option<Severity> {
    severity_in(rule, project, &[])
}

/// The severity a rule reports at in a file whose own `lints` table gave `local` (applied
/// after the project's levels), or `None` when it is allowed (off).
pub fn severity_in(
    rule: &Rule,
    project: &Project,
    local: &[(&'static str, Level)],
) -> Option<Severity> {
    let local = local.iter().rev().find(|(n, _)| *n == rule.name);
    match local
        .map(|(_, l)| *l)
        .or_else(|| project.level_of(rule.name))
    {
        Some(Level::Allow) => None,
        Some(Level::Warn) => Some(Severity::Warning),
        Some(Level::Deny) => Some(Severity::Error),
        None => Some(rule.severity),
    }
}

/// Where a finding about the whole file points: its first key, past any leading comments,
/// blank lines and document marker (or the start, for a file without keys).
pub fn root_pos(source: &str) -> Pos {
    let mut offset = 0;
    for (i, line) in source.split_inclusive('\n').enumerate() {
        let t = line.trim();
        if !(t.is_empty() || t.starts_with('#') || t == "---") {
            let indent = line.len() - line.trim_start().len();
            let key_len = line.trim_start().find(':').unwrap_or(0);
            return Pos {
                line: i as u32 + 1,
                column: indent as u32 + 1,
                offset: Some((offset + indent) as u32),
                len: key_len as u32,
                file: None,
            };
        }
        offset += line.len();
    }
    Pos::START
}

pub(crate) fn into_diagnostics(
    rule: &'static Rule,
    severity: Severity,
    file: crate::source::FileId,
    findings: Findings,
    root: Pos,
    out: &mut Vec<Diagnostic>,
) {
    out.extend(findings.items.into_iter().map(|f| Diagnostic {
        code: Code::Rule(rule.name),
        severity,
        message: f.message,
        // A finding in a shared definition a register copied is reported in its own file.
        file: Some(f.pos.file.unwrap_or(file)),
        // Rules say Pos::START for "the file as a whole".
        pos: Some(if f.pos == Pos::START { root } else { f.pos }),
        label: f.label,
        help: f.help,
        articles: rule.articles,
        registers: match f.pos.file {
            Some(shared) if shared != file => vec![file],
            _ => Vec::new(),
        },
    }));
}

/// What the registers made of the shared definitions of `seloste.yaml`.
#[derive(Debug, Default)]
pub struct SharedUse<'a> {
    /// The definitions some register refers to; `None` when the registers are not known (then
    /// no definition is reported unused).
    pub used: Option<&'a crate::resolve::Used>,
    /// What the rules found, in the registers, in the definitions they copied: reported here,
    /// once, where the suppressions of `seloste.yaml` apply to them.
    pub findings: Vec<Diagnostic>,
}

/// Runs every rule on `seloste.yaml`, and applies the suppression comments of it and of the
/// files of shared definitions to what the registers found in those.
pub fn lint_project(
    project: &Project,
    source: &str,
    opts: &LintOptions<'_>,
    shared: SharedUse<'_>,
) -> Vec<Diagnostic> {
    let texts = text::project_texts(&project.config);
    let ctx = ProjectContext {
        project,
        source,
        texts: &texts,
        today: opts.today,
        used: shared.used,
        references: opts.references,
    };
    let mut out = shared.findings;
    engine::run(
        FileContext::Project(&ctx),
        &texts,
        project.file,
        |rule| effective_severity(rule, project),
        &mut out,
    );
    suppress::apply(project, &[], project.file, source, &mut out);
    // The files of the shared directory: their findings came from the registers that use them.
    for (file, text) in &project.shared_sources {
        if *file != project.file {
            suppress::apply(project, &[], *file, text, &mut out);
        }
    }
    out
}

/// Runs every rule on one register.
pub fn lint_register(
    project: &Project,
    doc: &RegisterDoc,
    source: &str,
    opts: &LintOptions<'_>,
) -> Vec<Diagnostic> {
    let texts = text::register_texts(&doc.register);
    let applies = crate::applicability::Applicability::of(&doc.register);
    let ctx = RegisterContext {
        project,
        doc,
        register: &doc.register,
        source,
        texts: &texts,
        today: opts.today,
        applies: &applies,
        references: opts.references,
    };
    let mut out = Vec::new();
    let local = doc
        .register
        .lints
        .as_ref()
        .map(|l| crate::validate::lint_levels(doc.file, &l.value, &mut out))
        .unwrap_or_default();
    engine::run(
        FileContext::Register(&ctx),
        &texts,
        doc.file,
        |rule| severity_in(rule, project, &local),
        &mut out,
    );
    suppress::apply(project, &local, doc.file, source, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_are_unique_kebab_case_and_distinct_from_input_codes() {
        let mut seen = std::collections::HashSet::new();
        for e in crate::diagnostic::InputError::ALL {
            seen.insert(e.code());
        }
        for r in RULES {
            assert!(seen.insert(r.name), "duplicate code {}", r.name);
            assert!(
                r.name.split('-').all(|p| !p.is_empty()
                    && p.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())),
                "{} is not kebab-case",
                r.name
            );
        }
    }

    #[test]
    fn a_selection_keeps_selected_rules_drops_ignored_ones_and_keeps_input_errors() {
        use crate::diagnostic::InputError;
        let sel = Selection {
            select: vec!["vague-purpose", "vague-recipient"],
            ignore: vec!["vague-recipient"],
        };
        assert!(sel.reports(Code::Rule("vague-purpose")));
        assert!(!sel.reports(Code::Rule("vague-recipient")));
        assert!(!sel.reports(Code::Rule("missing-title")));
        assert!(sel.reports(Code::Input(InputError::UnknownRule)));
        assert!(Selection::default().reports(Code::Rule("missing-title")));
        assert_eq!(rule_name(" vague-purpose"), Ok("vague-purpose"));
        let e = rule_name("vague-purpse").unwrap_err();
        assert!(e.contains("did you mean `vague-purpose`?"), "{e}");
    }

    #[test]
    fn whole_file_findings_point_past_leading_comments() {
        let p = root_pos("# yaml-language-server: x\n\n# Asiakasrekisteri\ntitle: A\n");
        assert_eq!((p.line, p.column, p.offset, p.len), (4, 1, Some(46), 5));
        assert_eq!(root_pos("# only\n"), Pos::START);
    }

    #[test]
    fn every_rule_has_metadata_and_a_check() {
        for r in RULES {
            // A rule about the project's tooling rather than the notice cites none.
            let tooling = r.name == "stale-schema";
            assert!(
                tooling || !r.articles.is_empty(),
                "{} cites no article",
                r.name
            );
            assert!(
                !r.summary.is_empty() && !r.summary.ends_with('.'),
                "{}: summary is one line without a full stop",
                r.name
            );
            assert!(
                r.explanation.trim().len() > 80,
                "{} has no real explanation",
                r.name
            );
            // The suppression rules are checked by the engine as it applies suppressions;
            // stale-schema by the pipeline, which reads the schema copies.
            let engine =
                ["invalid-suppression", "unused-suppression", "stale-schema"].contains(&r.name);
            assert!(
                engine || r.project.is_some() || r.register.is_some() || r.text.is_some(),
                "{} checks nothing",
                r.name
            );
        }
    }

    #[test]
    fn finnish_acts_are_cited_with_the_section_after_its_number() {
        // "tietosuojalaki (1050/2018) 6 §", as Finnish acts are cited — never "§ 6". The
        // draft markers print these lists in the Finnish notice.
        for r in RULES {
            for a in r.articles {
                let bad = a.match_indices('§').any(|(i, _)| {
                    a[i + '§'.len_utf8()..]
                        .trim_start()
                        .starts_with(|c: char| c.is_ascii_digit())
                });
                assert!(!bad, "{}: {a:?} puts § before the number", r.name);
            }
        }
    }
}
