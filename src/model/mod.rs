//! The register model: the YAML format as Rust types, with the position of every value.
//!
//! [`ProjectFile`] is `seloste.yaml`, [`Register`] one file under `notices/`. These types are
//! what the load stage deserializes and what the JSON Schema is generated from. The validate
//! stage resolves a [`ProjectFile`] into a [`Project`] (settings with their defaults, lint
//! levels) and gives each register its id.

mod bases;
pub mod channels;
mod cookies;
mod enums;
mod groups;
mod project;
mod register;
mod sections;
mod shared;
mod spanned;
mod values;

use std::path::PathBuf;

pub use bases::LegalBases;
pub use channels::{Channel, Emails, Phones};
pub use cookies::{CookieClass, CookieClassKind};
pub use enums::{
    Collection, Condition, Derogation, LegalBasis, Level, Mechanism, Obtained, Provision,
    RecipientRole, Right, SpecialCategory,
};
pub use groups::{DataSubject, DataSubjectGroup, Id};
pub use project::{Contact, Controller, ProjectFile, Settings, SupervisoryAuthority};
pub use register::{
    AutomatedDecision, DataCategory, ExtraSection, FurtherProcessing, Purpose, Recipient, Register,
    Retention, RightNote, Rights, Source, Transfer, nonblank,
};
pub use sections::{
    Mechanisms, RecipientItems, Recipients, RecipientsDetail, Section, SectionMap, StoredIn,
    Transfers, TransfersDetail,
};
pub use shared::{CombinedNotice, Shared, SharedKind};
pub(crate) use shared::{ref_key_schema, text_or_ref, text_or_ref_schema};
pub use spanned::Spanned;
pub(crate) use spanned::{naming_file, parsing, pos_of};
pub use values::{
    CountryCode, Date, ListOrNone, NoneOr, OneOrMany, Period, PeriodUnit, SpannedMap,
    SpecialCategories, Text, parse_date,
};

use crate::source::FileId;

/// Default directory of register files.
pub const DEFAULT_NOTICES_DIR: &str = "notices";
/// Default output directory.
pub const DEFAULT_OUTPUT_DIR: &str = "dist";
/// Default staleness limit in months.
pub const DEFAULT_STALENESS_MONTHS: u32 = 12;

/// A validated project: `seloste.yaml` with its settings resolved.
#[derive(Clone, Debug)]
pub struct Project {
    /// Directory holding `seloste.yaml`.
    pub root: PathBuf,
    /// The `seloste.yaml` file.
    pub file: FileId,
    /// Its content.
    pub config: ProjectFile,
    /// Directory of register files.
    pub notices_dir: PathBuf,
    /// Output directory of `build`.
    pub output_dir: PathBuf,
    /// Staleness limit of `updated`, in months.
    pub staleness_months: u32,
    /// Lint levels set in `settings.lints`, by rule name.
    pub levels: Vec<(&'static str, Level)>,
    /// Directory of files of shared definitions, if `settings.shared_dir` names one.
    pub shared_dir: Option<PathBuf>,
    /// The shared definitions of `seloste.yaml` and of the files in `shared_dir`, together
    /// (each position names its file).
    pub definitions: Shared,
    /// The shared definitions by kind and id.
    pub shared: std::sync::Arc<crate::resolve::SharedIndex>,
    /// The files that shared definitions are read from (`seloste.yaml` first) and their
    /// texts, set by the pipeline once read.
    pub shared_sources: Vec<(FileId, std::sync::Arc<str>)>,
}

impl Project {
    /// The controller block, or an empty one.
    pub fn controller(&self) -> Option<&Spanned<Controller>> {
        self.config.controller.as_ref()
    }

    /// Whether the controller says it is a public authority.
    pub fn is_public_authority(&self) -> bool {
        self.controller()
            .and_then(|c| c.public_authority.as_ref())
            .is_some_and(|b| b.value)
    }

    /// The designated DPO, if any.
    pub fn dpo(&self) -> Option<&Contact> {
        self.config.dpo.as_ref().and_then(|d| d.as_option())
    }

    /// The text of `file` when it is the file of shared definitions (see [`Pos::file`]).
    ///
    /// [`Pos::file`]: crate::source::Pos::file
    pub fn shared_text(&self, file: FileId) -> Option<&str> {
        self.shared_sources
            .iter()
            .find(|(f, _)| *f == file)
            .map(|(_, t)| &**t)
    }

    /// The level configured for a rule, if any.
    pub fn level_of(&self, rule: &str) -> Option<Level> {
        self.levels
            .iter()
            .rev()
            .find(|(name, _)| *name == rule)
            .map(|(_, l)| *l)
    }
}

/// A register with its id (the file stem) and file.
#[derive(Clone, Debug)]
pub struct RegisterDoc {
    /// The id: the file stem, made safe for file names and URLs.
    pub id: String,
    /// The register file.
    pub file: FileId,
    /// Its content.
    pub register: Register,
}

impl RegisterDoc {
    /// The contact persons in force: the register's own, else the project's (may be empty).
    pub fn contacts<'a>(&'a self, project: &'a Project) -> &'a [Contact] {
        self.register
            .contact
            .as_ref()
            .or(project.config.contact.as_ref())
            .map(|c| c.value.items())
            .unwrap_or(&[])
    }

    /// Which collection applies; `None` when the register does not say.
    pub fn collection(&self) -> Option<Collection> {
        self.register.collection.as_ref().map(|c| c.value)
    }
}
