//! Draft markers from the diagnostics: every finding is marked in the part of the draft it
//! concerns, with the rule's message and article.
//!
//! A draft used to mark only the items the view knew to be *missing*; a repealed act, a
//! recipient without a role or a DPO without contact details went unmarked. Now every
//! diagnostic of a register's file — and every one of `seloste.yaml`, which every notice
//! shows — becomes a [`Mark`] in a [`Section`]:
//!
//! - a rule names the section its findings concern (`Rule::section`): `missing-sources` marks
//!   the sources, wherever it points;
//! - a rule whose findings can stand anywhere ([`Section::Located`]: a vague word, a repealed
//!   act, a malformed address) marks the section of the top-level key its finding stands
//!   under, in the register (`Section::of_register_key`) or in `seloste.yaml`
//!   (`Section::of_project_key`).

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde::de::IgnoredAny;

use crate::applicability::Section;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::model::{RegisterDoc, SpannedMap};
use crate::source::{FileId, Sources};

/// One finding, as a draft shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mark {
    /// An error (to fix before publishing) rather than a warning.
    pub error: bool,
    /// The rule (or input error) code.
    pub code: &'static str,
    /// The diagnostic's message.
    pub message: String,
    /// The articles the finding rests on.
    pub articles: &'static [&'static str],
    /// Where the finding is: `path:line:column`.
    pub at: String,
    /// For a finding in a shared definition: the registers that use it, whose drafts alone
    /// show it.
    #[serde(skip)]
    pub registers: Vec<FileId>,
}

/// The marks of a project's files, by file and section.
#[derive(Clone, Debug, Default)]
pub struct Marks {
    by_file: HashMap<FileId, BTreeMap<Section, Vec<Mark>>>,
    project_file: Option<FileId>,
    /// The findings in shared definitions, each shown by the registers that use it.
    shared: Vec<(Section, Mark)>,
}

impl Marks {
    /// No marks: what a published notice carries.
    pub fn none() -> Marks {
        Marks::default()
    }

    /// The marks of `diagnostics`, `project_file` being `seloste.yaml`.
    pub fn from_diagnostics(
        diagnostics: &[Diagnostic],
        sources: &Sources,
        project_file: Option<FileId>,
    ) -> Marks {
        let mut keys: HashMap<FileId, Vec<(u32, String)>> = HashMap::new();
        let mut by_file: HashMap<FileId, BTreeMap<Section, Vec<Mark>>> = HashMap::new();
        let mut shared = Vec::new();
        for d in diagnostics {
            let Some(file) = d.file else { continue };
            let source = sources.get(file);
            let own = match d.code {
                Code::Rule(name) => crate::lint::rule(name).map_or(Section::Located, |r| r.section),
                Code::Input(_) => Section::Located,
            };
            let section = match own {
                Section::Located => {
                    let table = keys.entry(file).or_insert_with(|| {
                        source
                            .text
                            .as_deref()
                            .map(|t| top_level_keys(file, t))
                            .unwrap_or_default()
                    });
                    let key = d.pos.and_then(|p| {
                        table
                            .iter()
                            .rev()
                            .find(|(line, _)| *line <= p.line)
                            .map(|(_, k)| k.as_str())
                    });
                    let shared = !d.registers.is_empty();
                    match (key, Some(file) == project_file) {
                        (Some("shared"), true) => source
                            .text
                            .as_deref()
                            .zip(d.pos)
                            .map_or(Section::Head, |(t, p)| shared_kind_section(t, p.line)),
                        (Some(k), true) => Section::of_project_key(k),
                        // A file of the shared directory: its top-level keys are the kinds.
                        (Some(k), false) if shared => kind_section(k),
                        (Some(k), false) => Section::of_register_key(k),
                        (None, _) => Section::Head,
                    }
                }
                s => s,
            };
            let at = match d.pos {
                Some(p) => format!("{}:{}:{}", source.display_path(), p.line, p.column),
                None => source.display_path(),
            };
            let mark = Mark {
                error: d.severity == Severity::Error,
                code: d.code.as_str(),
                message: d.message.clone(),
                articles: d.articles,
                at,
                registers: d.registers.clone(),
            };
            if mark.registers.is_empty() {
                by_file
                    .entry(file)
                    .or_default()
                    .entry(section)
                    .or_default()
                    .push(mark);
            } else {
                shared.push((section, mark));
            }
        }
        Marks {
            by_file,
            project_file,
            shared,
        }
    }

    /// The marks a register's draft shows, by section name (every section, most of them
    /// empty): those of `seloste.yaml` first, then the register's own. A register with a
    /// contact of its own does not show the project's contact, nor its findings.
    pub fn of_register(&self, doc: &RegisterDoc) -> BTreeMap<&'static str, Vec<Mark>> {
        let mut out: BTreeMap<&'static str, Vec<Mark>> = Section::ALL
            .iter()
            .map(|s| (s.name(), Vec::new()))
            .collect();
        let own_contact = doc.register.contact.is_some();
        let files = self.project_file.into_iter().chain([doc.file]);
        for f in files {
            let project = Some(f) == self.project_file && f != doc.file;
            for (section, marks) in self.by_file.get(&f).into_iter().flatten() {
                if project && own_contact && *section == Section::Contact {
                    continue;
                }
                out.entry(section.name())
                    .or_default()
                    .extend(marks.iter().cloned());
            }
        }
        for (section, mark) in &self.shared {
            if mark.registers.contains(&doc.file) {
                out.entry(section.name()).or_default().push(mark.clone());
            }
        }
        out
    }

    /// The marks the index's draft shows: the findings about the controller in `seloste.yaml`,
    /// the one part of the project the index says.
    pub fn of_index(&self) -> Vec<Mark> {
        self.project_file
            .and_then(|f| self.by_file.get(&f))
            .and_then(|m| m.get(&Section::Controller))
            .cloned()
            .unwrap_or_default()
    }

    /// The marks a combined notice's draft shows in the sections it says once for all its
    /// registers (the controller, contacts, rights, complaint …), by section name: those of
    /// `seloste.yaml` once, then each register's own. The sections of each register are
    /// marked in its own part, from [`Marks::of_register`].
    pub fn of_registers(&self, docs: &[&RegisterDoc]) -> BTreeMap<&'static str, Vec<Mark>> {
        let mut out: BTreeMap<&'static str, Vec<Mark>> = Section::ALL
            .iter()
            .map(|s| (s.name(), Vec::new()))
            .collect();
        let mut files: Vec<FileId> = self.project_file.into_iter().collect();
        for d in docs {
            if !files.contains(&d.file) {
                files.push(d.file);
            }
        }
        for f in &files {
            for (section, marks) in self.by_file.get(f).into_iter().flatten() {
                out.entry(section.name())
                    .or_default()
                    .extend(marks.iter().cloned());
            }
        }
        // A finding in a shared definition, once, if one of these registers uses it.
        for (section, mark) in &self.shared {
            if mark.registers.iter().any(|r| files.contains(r)) {
                out.entry(section.name()).or_default().push(mark.clone());
            }
        }
        out
    }

    /// Whether there are no marks at all.
    pub fn is_empty(&self) -> bool {
        self.by_file.is_empty() && self.shared.is_empty()
    }
}

/// The section of a finding at `line` under `shared:` in `seloste.yaml`: that of the kind
/// (`recipients`, `retention` …) it stands under, read from the nearest key indented by two
/// spaces above it; a shared text's section is not known (it may be any note), so the head.
fn shared_kind_section(text: &str, line: u32) -> Section {
    let above: Vec<&str> = text.lines().take(line as usize).collect();
    let kind = above.iter().rev().find_map(|l| {
        let key = l.strip_prefix("  ")?;
        let key = key
            .strip_suffix(':')
            .or_else(|| key.split_once(": ").map(|(k, _)| k))?;
        (!key.starts_with([' ', '#', '-'])).then_some(key.trim())
    });
    kind.map_or(Section::Head, kind_section)
}

/// The section of a kind of shared definition (a key of `shared:`).
fn kind_section(kind: &str) -> Section {
    match kind {
        "purposes" => Section::Purposes,
        "personal_data" => Section::PersonalData,
        "sources" => Section::Sources,
        "recipients" => Section::Recipients,
        "transfers" => Section::Transfers,
        "retention" => Section::Retention,
        "cookies" => Section::Cookies,
        "sections" => Section::Extra,
        _ => Section::Head,
    }
}

/// The top-level keys of a YAML mapping, with their (1-based) lines, in file order, as the
/// loader reads them (a quoted scalar that runs over lines holds no key). A file that does not
/// parse as a mapping has none.
fn top_level_keys(file: FileId, text: &str) -> Vec<(u32, String)> {
    crate::load::parse::<SpannedMap<IgnoredAny>>(file, text)
        .map(|m| {
            m.0.into_iter()
                .map(|(k, _)| (k.pos.line, k.value))
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;
    use crate::source::Pos;
    use std::path::PathBuf;
    use std::sync::Arc;

    fn diag(code: &'static str, file: FileId, line: u32) -> Diagnostic {
        Diagnostic {
            code: Code::Rule(code),
            severity: Severity::Error,
            message: "m".into(),
            file: Some(file),
            pos: Some(Pos::at(line, 3)),
            label: None,
            help: Vec::new(),
            articles: &[],
            registers: Vec::new(),
        }
    }

    #[test]
    fn keys_are_those_the_loader_reads() {
        let keys = top_level_keys(
            FileId(0),
            "# c\ntitle: x\npurposes:\n  - a: b\n\"recipients\": none\ndescription: \"a quoted\nretention: line\"\n",
        );
        assert_eq!(
            keys,
            vec![
                (2, "title".to_string()),
                (3, "purposes".to_string()),
                (5, "recipients".to_string()),
                (6, "description".to_string())
            ]
        );
    }

    #[test]
    fn a_located_finding_marks_the_section_it_stands_in_and_a_rule_its_own() {
        let mut sources = Sources::new();
        let project = sources.add(
            PathBuf::from("seloste.yaml"),
            Some(Arc::from(
                "controller:\n  name: x\ndpo:\n  name: y\ncontact:\n  email: z\n",
            )),
        );
        let register = sources.add(
            PathBuf::from("notices/r.yaml"),
            Some(Arc::from(
                "title: x\npurposes:\n  - description: y\nrecipients:\n  - name: z\n",
            )),
        );
        let marks = Marks::from_diagnostics(
            &[
                diag("repealed-act", register, 3),
                diag("vague-recipient", register, 5),
                // Points at the purposes, but concerns the sources.
                diag("missing-sources", register, 2),
                diag("invalid-email", project, 4),
                diag("invalid-email", project, 6),
                diag("missing-controller-details", project, 1),
            ],
            &sources,
            Some(project),
        );
        let mut doc = RegisterDoc {
            id: "r".into(),
            file: register,
            register: crate::model::Register::default(),
        };
        let m = marks.of_register(&doc);
        let codes = |s: &str| {
            m.get(s)
                .filter(|v| !v.is_empty())
                .map(|v| v.iter().map(|m| m.code).collect::<Vec<_>>())
        };
        assert_eq!(codes("retention"), None);
        assert_eq!(codes("purposes"), Some(vec!["repealed-act"]));
        assert_eq!(codes("recipients"), Some(vec!["vague-recipient"]));
        assert_eq!(codes("sources"), Some(vec!["missing-sources"]));
        assert_eq!(codes("dpo"), Some(vec!["invalid-email"]));
        assert_eq!(m["dpo"][0].at, "seloste.yaml:4:3");
        assert_eq!(codes("contact"), Some(vec!["invalid-email"]));
        // The index shows the controller, and its findings.
        assert_eq!(
            marks.of_index().iter().map(|m| m.code).collect::<Vec<_>>(),
            vec!["missing-controller-details"]
        );
        // A register with a contact of its own does not show the project's, nor its findings.
        doc.register.contact =
            crate::load::parse::<crate::model::Register>(FileId(1), "contact:\n  name: Oma\n")
                .unwrap()
                .contact;
        let m = marks.of_register(&doc);
        assert!(m["contact"].is_empty());
        assert_eq!(m["dpo"].len(), 1);
    }
}
