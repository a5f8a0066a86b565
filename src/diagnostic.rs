//! Diagnostics: what every stage reports about the user's files, as data.
//!
//! A diagnostic names its code (a lint rule, or one of the [`InputError`] codes of the load and
//! validate stages), a severity, a message, where it is (file and position), the GDPR articles it
//! rests on, and help. Only reporters turn these into text.

use std::fmt;

use crate::source::{FileId, Pos};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Blocks `build` and fails `check` (exit 1; exit 2 for input errors).
    Error,
    /// Reported; fails `check` only with `--deny-warnings`.
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a diagnostic means the input could not be read (exit 2) or is a finding about what
/// the notice says (exit 1 at error level).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The file could not be read or does not follow the format (load and validate stages).
    Input,
    /// A lint rule's finding.
    Lint,
}

/// The codes of input problems, found by the load and validate stages.
///
/// Each is an error that stops the file from being linted and makes `check` exit with 2.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InputError {
    /// A file or directory could not be read.
    Io,
    /// No `seloste.yaml` was found.
    NoProject,
    /// The project has no register files.
    NoRegisters,
    /// The file is larger than the input budget.
    FileTooLarge,
    /// The file is not UTF-8.
    InvalidUtf8,
    /// The file holds a character a reader cannot see: a control character, a noncharacter,
    /// a bidirectional control or a zero-width character.
    HiddenCharacter,
    /// The file holds nothing but whitespace and comments.
    EmptyFile,
    /// The file is not well-formed YAML.
    YamlSyntax,
    /// The YAML exceeds an input budget (aliases, nesting depth, size).
    TooComplex,
    /// A key the format does not know.
    UnknownKey,
    /// A value outside a fixed set of choices.
    UnknownValue,
    /// A key given twice in one mapping.
    DuplicateKey,
    /// A key the format requires in this mapping (not a requirement of the law, which the
    /// lint reports).
    MissingKey,
    /// A value of the wrong type (a list where text belongs, …).
    WrongType,
    /// A value of the right type that cannot be used (a date that does not exist, …).
    InvalidValue,
    /// Two registers whose file names give the same id.
    DuplicateId,
    /// A rule name in the lint configuration that no rule has.
    UnknownRule,
    /// A path the project names leads outside the project (`..`, an absolute path, or a
    /// symbolic link), which seloste never follows.
    OutsideProject,
    /// A path that must be a regular file is a directory, a device, a pipe or a socket.
    NotAFile,
    /// A template of the project cannot be read, parsed or rendered within its budget.
    Template,
    /// A `ref` that names no shared definition.
    UnknownDefinition,
}

impl InputError {
    /// Every input error code, for documentation and uniqueness tests.
    pub const ALL: &'static [InputError] = &[
        InputError::Io,
        InputError::NoProject,
        InputError::NoRegisters,
        InputError::FileTooLarge,
        InputError::InvalidUtf8,
        InputError::HiddenCharacter,
        InputError::EmptyFile,
        InputError::YamlSyntax,
        InputError::TooComplex,
        InputError::UnknownKey,
        InputError::UnknownValue,
        InputError::DuplicateKey,
        InputError::MissingKey,
        InputError::WrongType,
        InputError::InvalidValue,
        InputError::DuplicateId,
        InputError::UnknownRule,
        InputError::OutsideProject,
        InputError::NotAFile,
        InputError::Template,
        InputError::UnknownDefinition,
    ];

    /// The kebab-case code shown to users.
    pub fn code(self) -> &'static str {
        match self {
            InputError::Io => "io-error",
            InputError::NoProject => "no-project",
            InputError::NoRegisters => "no-registers",
            InputError::FileTooLarge => "file-too-large",
            InputError::InvalidUtf8 => "invalid-utf8",
            InputError::HiddenCharacter => "hidden-character",
            InputError::EmptyFile => "empty-file",
            InputError::YamlSyntax => "yaml-syntax",
            InputError::TooComplex => "too-complex",
            InputError::UnknownKey => "unknown-key",
            InputError::UnknownValue => "unknown-value",
            InputError::DuplicateKey => "duplicate-key",
            InputError::MissingKey => "missing-key",
            InputError::WrongType => "wrong-type",
            InputError::InvalidValue => "invalid-value",
            InputError::DuplicateId => "duplicate-id",
            InputError::UnknownRule => "unknown-rule",
            InputError::OutsideProject => "outside-project",
            InputError::NotAFile => "not-a-file",
            InputError::Template => "template-error",
            InputError::UnknownDefinition => "unknown-definition",
        }
    }

    /// One line on what the code means.
    pub fn summary(self) -> &'static str {
        match self {
            InputError::Io => "a file or directory could not be read",
            InputError::NoProject => "no seloste.yaml was found",
            InputError::NoRegisters => "the project has no register files",
            InputError::FileTooLarge => "the file is larger than 10 MiB",
            InputError::InvalidUtf8 => "the file is not valid UTF-8",
            InputError::HiddenCharacter => {
                "the file holds a control, bidirectional or zero-width character a reader cannot see"
            }
            InputError::EmptyFile => "the file is empty",
            InputError::YamlSyntax => "the file is not well-formed YAML",
            InputError::TooComplex => {
                "the YAML exceeds an input budget (aliases, nesting depth, number of nodes)"
            }
            InputError::UnknownKey => "a key that the format does not define",
            InputError::UnknownValue => "a value outside the allowed choices",
            InputError::DuplicateKey => "a key given twice in one mapping",
            InputError::MissingKey => "a key the format requires in this mapping is missing",
            InputError::WrongType => "a value of the wrong type",
            InputError::InvalidValue => "a value that cannot be used",
            InputError::DuplicateId => "two register files give the same id",
            InputError::UnknownRule => "the lint configuration names a rule that does not exist",
            InputError::OutsideProject => {
                "a path leads outside the project (`..`, an absolute path or a symbolic link)"
            }
            InputError::NotAFile => "a path that must be a regular file is not one",
            InputError::Template => {
                "a template of the project cannot be read, parsed or rendered within its budget"
            }
            InputError::UnknownDefinition => "a `ref` names no shared definition of seloste.yaml",
        }
    }
}

/// What a diagnostic is about: a rule or an input error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Code {
    /// A lint rule, by its kebab-case name.
    Rule(&'static str),
    /// A problem reading the input.
    Input(InputError),
}

impl Code {
    /// The kebab-case code.
    pub fn as_str(&self) -> &'static str {
        match self {
            Code::Rule(name) => name,
            Code::Input(e) => e.code(),
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding about the user's files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule or input error.
    pub code: Code,
    /// Error or warning (after the project's lint levels are applied).
    pub severity: Severity,
    /// One sentence saying what is wrong.
    pub message: String,
    /// The file it is in, if any (a missing project has none).
    pub file: Option<FileId>,
    /// Where in the file.
    pub pos: Option<Pos>,
    /// Short label shown under the snippet.
    pub label: Option<String>,
    /// What to do about it.
    pub help: Vec<String>,
    /// GDPR articles or Finnish acts the finding rests on, e.g. `Art 13(1)(c)`.
    pub articles: &'static [&'static str],
    /// For a finding in a shared definition of `seloste.yaml`: the register files whose copy
    /// of it the rule judged (their drafts show the finding). Empty otherwise.
    pub registers: Vec<FileId>,
}

impl Diagnostic {
    /// An input error (load or validate stage) at a position in a file.
    pub fn input(error: InputError, file: FileId, pos: Pos, message: impl Into<String>) -> Self {
        Diagnostic {
            code: Code::Input(error),
            severity: Severity::Error,
            message: message.into(),
            file: Some(file),
            pos: Some(pos),
            label: None,
            help: Vec::new(),
            articles: &[],
            registers: Vec::new(),
        }
    }

    /// An input error that concerns no file position (e.g. no project found).
    pub fn input_unlocated(error: InputError, message: impl Into<String>) -> Self {
        Diagnostic {
            code: Code::Input(error),
            severity: Severity::Error,
            message: message.into(),
            file: None,
            pos: None,
            label: None,
            help: Vec::new(),
            articles: &[],
            registers: Vec::new(),
        }
    }

    /// Adds a line of help.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help.push(help.into());
        self
    }

    /// Sets the label shown at the position.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Whether this is an input error (exit 2) rather than a lint finding.
    pub fn kind(&self) -> Kind {
        match self.code {
            Code::Input(_) => Kind::Input,
            Code::Rule(_) => Kind::Lint,
        }
    }

    /// Sort key: file, position, code — so output is the same from run to run.
    pub fn sort_key(&self) -> (Option<FileId>, u32, u32, &'static str) {
        let (line, col) = self.pos.map_or((0, 0), |p| (p.line, p.column));
        (self.file, line, col, self.code.as_str())
    }
}

/// Counts of a set of diagnostics, for summaries and exit codes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Input errors (exit 2).
    pub input_errors: usize,
    /// Lint findings at error level.
    pub errors: usize,
    /// Lint findings at warning level.
    pub warnings: usize,
}

impl Tally {
    /// Counts `diagnostics`.
    pub fn of<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>) -> Tally {
        let mut t = Tally::default();
        for d in diagnostics {
            match (d.kind(), d.severity) {
                (Kind::Input, _) => t.input_errors += 1,
                (Kind::Lint, Severity::Error) => t.errors += 1,
                (Kind::Lint, Severity::Warning) => t.warnings += 1,
            }
        }
        t
    }
}

/// Suggests the candidate closest to `input`, if any is close enough to be a likely typo.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let input_lc = input.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&input_lc, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_codes_are_unique_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for e in InputError::ALL {
            let code = e.code();
            assert!(seen.insert(code), "duplicate code {code}");
            assert!(
                code.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()),
                "{code} is not kebab-case"
            );
        }
    }

    #[test]
    fn closest_finds_typos_and_rejects_noise() {
        let keys = ["legal_basis", "legitimate_interest", "law", "description"];
        assert_eq!(closest("legal_bases", keys), Some("legal_basis"));
        assert_eq!(closest("descripton", keys), Some("description"));
        assert_eq!(closest("zzzz", keys), None);
    }
}
