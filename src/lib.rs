//! seloste compiles Finnish GDPR privacy notices (*tietosuojaseloste*) from YAML.
//!
//! A project is a `seloste.yaml` (the controller, contact person, DPO, settings) and one YAML
//! file per register under `notices/`. The pipeline has one module per stage, each handing a
//! typed value to the next:
//!
//! 1. [`load`] — find the project, read files (size, UTF-8, BOM), parse YAML with serde-saphyr
//!    into the [`model`], keeping the line and column of every value;
//! 2. [`validate`] — resolve settings and lint levels, give registers safe ids;
//! 3. [`applicability`] — decide what the law requires of each register and why: Art 13
//!    and/or 14 per data category, the items they make required, the rights and their reach.
//!    Decided once; lint and render are thin consumers of it;
//! 4. [`lint`] — check every register against GDPR Art 13/14 and Finnish practice, one rule
//!    per file, each citing its articles and naming the section of the notice it concerns;
//! 5. [`render`] — turn each register into Markdown and HTML from the templates; a draft marks
//!    every finding of the lint in its section ([`render::marks`]);
//! 6. [`build`] — render under a time budget and switch the output directory atomically;
//! 7. [`report`] — turn diagnostics into text for people, JSON, GitHub annotations or SARIF.
//!
//! Project content is untrusted (`docs/security.md`): every file is read through [`contain`],
//! which keeps reads inside the project, to regular files of bounded size.
//!
//! [`serve`] runs the stages again on every change to the project and serves the draft on
//! localhost, from memory.
//!
//! [`pipeline::run`] strings the stages together; [`pipeline::check_paths`] runs them on the
//! projects of the paths a user names, which [`paths`] sorts into projects. What the law
//! requires of a register — Art 13
//! and/or 14, per category, the items they make required, the rights — is decided once, in
//! [`applicability`], which both lint and render ask.
//! The library never prints: results travel as values and the binary decides what to show.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod applicability;
pub mod build;
pub mod characters;
pub mod contain;
pub mod data;
pub mod diagnostic;
pub mod identifiers;
pub mod lint;
pub mod load;
pub mod model;
pub mod paths;
pub mod pipeline;
pub mod render;
pub mod report;
pub mod resolve;

pub mod scaffold;
pub mod schema;
pub mod serve;
pub mod source;
pub mod validate;

pub use diagnostic::{Diagnostic, Severity};
pub use pipeline::{Options, Outcome, run};
