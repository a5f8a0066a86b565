//! Resolve stage: puts the shared definitions of `seloste.yaml` in place of the references to
//! them, so that lint and render see each register whole.
//!
//! A list entry `- ref: id` becomes a copy of `shared.<kind>.id`, with the entry's own keys
//! added or overriding; a text `{ref: id}` becomes `shared.texts.id`. What comes from a
//! definition keeps its position in `seloste.yaml` ([`Pos::file`]), so a finding about it is
//! reported there — once, however many registers use it (the pipeline merges the copies).
//! An id that names no definition is an input error at the reference, with the closest id as a
//! suggestion, and the entry is left out rather than half-filled.
//!
//! [`Pos::file`]: crate::source::Pos::file

use std::collections::{BTreeSet, HashMap};

use crate::diagnostic::{Diagnostic, InputError, closest};
use crate::model::{
    CookieClass, DataCategory, ExtraSection, Id, ListOrNone, Purpose, Recipient, RecipientItems,
    Register, Retention, Section, Shared, SharedKind, Source, Spanned, SpannedMap, Text, Transfer,
};
use crate::source::FileId;

/// The shared definitions by kind and id, made once per project.
#[derive(Debug, Default)]
pub struct SharedIndex {
    /// Position in its kind's map, by kind and id.
    by_id: HashMap<(SharedKind, String), usize>,
}

/// The definitions a register used, by kind and id.
pub type Used = BTreeSet<(SharedKind, String)>;

impl SharedIndex {
    /// Indexes `shared`, whose positions name their files (`file` where one does not),
    /// reporting ids defined twice and definitions that refer to others.
    pub fn new(shared: &Shared, file: FileId) -> (SharedIndex, Vec<Diagnostic>) {
        let mut index = SharedIndex {
            by_id: HashMap::new(),
        };
        let mut out = Vec::new();
        for kind in KINDS {
            for (i, key) in shared.ids(kind).into_iter().enumerate() {
                let file = key.pos.file.unwrap_or(file);
                if let Err(e) = Id::parse(&key.value) {
                    out.push(Diagnostic::input(
                        InputError::InvalidValue,
                        file,
                        key.pos,
                        e,
                    ));
                    continue;
                }
                match index.by_id.entry((kind, key.value.trim().to_string())) {
                    std::collections::hash_map::Entry::Vacant(v) => {
                        v.insert(i);
                    }
                    // The first definition stands; the second is the error.
                    std::collections::hash_map::Entry::Occupied(_) => out.push(
                        Diagnostic::input(
                            InputError::DuplicateKey,
                            file,
                            key.pos,
                            format!(
                                "`{}` is defined twice among the shared {}",
                                key.value.trim(),
                                kind.key()
                            ),
                        )
                        .with_help(
                            "seloste.yaml and the files of the shared directory share one set of ids per kind: rename one",
                        ),
                    ),
                }
            }
        }
        for (pos, kind) in nested_references(shared) {
            out.push(
                Diagnostic::input(
                    InputError::InvalidValue,
                    pos.file.unwrap_or(file),
                    pos,
                    format!(
                        "a definition of `shared.{}` refers to another with `ref`",
                        kind.key()
                    ),
                )
                .with_help("write the definition out in full: a shared definition cannot be built from another"),
            );
        }
        (index, out)
    }

    fn find(&self, kind: SharedKind, id: &str) -> Option<usize> {
        self.by_id.get(&(kind, id.to_string())).copied()
    }

    /// The ids of one kind, for suggestions.
    fn ids(&self, kind: SharedKind) -> impl Iterator<Item = &str> {
        self.by_id
            .keys()
            .filter(move |(k, _)| *k == kind)
            .map(|(_, id)| id.as_str())
    }
}

const KINDS: [SharedKind; 9] = [
    SharedKind::Purposes,
    SharedKind::PersonalData,
    SharedKind::Sources,
    SharedKind::Recipients,
    SharedKind::Transfers,
    SharedKind::Retention,
    SharedKind::Texts,
    SharedKind::Cookies,
    SharedKind::Sections,
];

/// The `ref` keys inside shared definitions, which are not allowed.
fn nested_references(shared: &Shared) -> Vec<(crate::source::Pos, SharedKind)> {
    fn refs<T: Entry>(shared: &Shared, out: &mut Vec<(crate::source::Pos, SharedKind)>) {
        for (_, v) in T::definitions(shared).into_iter().flat_map(|m| m.0.iter()) {
            if let Some(r) = v.value.reference() {
                out.push((r.pos, T::KIND));
            }
        }
    }
    let mut out = Vec::new();
    refs::<Purpose>(shared, &mut out);
    refs::<DataCategory>(shared, &mut out);
    refs::<Source>(shared, &mut out);
    refs::<Recipient>(shared, &mut out);
    refs::<Transfer>(shared, &mut out);
    refs::<Retention>(shared, &mut out);
    refs::<CookieClass>(shared, &mut out);
    refs::<ExtraSection>(shared, &mut out);
    out
}

/// Overlays the keys an entry gives on the shared definition it refers to. The entry is
/// destructured without `..`, so a key added to the format must be added here.
macro_rules! overlay {
    ($ty:ident, $base:ident, $local:expr; $($field:ident),* $(,)?) => {{
        let $ty { reference: _, $($field),* } = $local;
        let mut any = false;
        $(
            if $field.is_some() {
                $base.$field = $field;
                any = true;
            }
        )*
        any
    }};
}

/// A kind of list entry that can refer to a shared definition.
trait Entry: Clone + Sized + std::fmt::Debug {
    const KIND: SharedKind;
    fn reference(&self) -> Option<&Spanned<Id>>;
    fn definitions(shared: &Shared) -> Option<&SpannedMap<Spanned<Self>>>;
    /// Puts the entry's own keys on `base`; whether it had any.
    fn overlay(base: &mut Self, local: Self) -> bool;
    /// Completes a definition copied from its `key` (a data category takes the key as `id`).
    fn name_from_key(&mut self, _key: &Spanned<String>) {}
}

impl Entry for Purpose {
    const KIND: SharedKind = SharedKind::Purposes;
    fn reference(&self) -> Option<&Spanned<Id>> {
        self.reference.as_ref()
    }
    fn definitions(shared: &Shared) -> Option<&SpannedMap<Spanned<Self>>> {
        shared.purposes.as_ref().map(|m| &m.value)
    }
    fn overlay(base: &mut Self, local: Self) -> bool {
        overlay!(Purpose, base, local; description, legal_basis, legitimate_interest, law,
            direct_marketing, personal_data, data_subjects)
    }
}

impl Entry for DataCategory {
    const KIND: SharedKind = SharedKind::PersonalData;
    fn reference(&self) -> Option<&Spanned<Id>> {
        self.reference.as_ref()
    }
    fn definitions(shared: &Shared) -> Option<&SpannedMap<Spanned<Self>>> {
        shared.personal_data.as_ref().map(|m| &m.value)
    }
    fn overlay(base: &mut Self, local: Self) -> bool {
        overlay!(DataCategory, base, local; category, id, description, collection, obtained,
            special_category, criminal_data, condition, law, provision, consequence,
            data_subjects)
    }
    fn name_from_key(&mut self, key: &Spanned<String>) {
        if self.id.is_none()
            && let Ok(id) = Id::parse(&key.value)
        {
            self.id = Some(Spanned::new(id, key.pos));
        }
    }
}

impl Entry for Source {
    const KIND: SharedKind = SharedKind::Sources;
    fn reference(&self) -> Option<&Spanned<Id>> {
        self.reference.as_ref()
    }
    fn definitions(shared: &Shared) -> Option<&SpannedMap<Spanned<Self>>> {
        shared.sources.as_ref().map(|m| &m.value)
    }
    fn overlay(base: &mut Self, local: Self) -> bool {
        overlay!(Source, base, local; description, public, personal_data)
    }
}

impl Entry for Recipient {
    const KIND: SharedKind = SharedKind::Recipients;
    fn reference(&self) -> Option<&Spanned<Id>> {
        self.reference.as_ref()
    }
    fn definitions(shared: &Shared) -> Option<&SpannedMap<Spanned<Self>>> {
        shared.recipients.as_ref().map(|m| &m.value)
    }
    fn overlay(base: &mut Self, local: Self) -> bool {
        overlay!(Recipient, base, local; name, role, purpose, law)
    }
}

impl Entry for Transfer {
    const KIND: SharedKind = SharedKind::Transfers;
    fn reference(&self) -> Option<&Spanned<Id>> {
        self.reference.as_ref()
    }
    fn definitions(shared: &Shared) -> Option<&SpannedMap<Spanned<Self>>> {
        shared.transfers.as_ref().map(|m| &m.value)
    }
    fn overlay(base: &mut Self, local: Self) -> bool {
        overlay!(Transfer, base, local; recipient, country, organisation, mechanism, conditions,
            derogation, dpf_certified, document)
    }
}

impl Entry for Retention {
    const KIND: SharedKind = SharedKind::Retention;
    fn reference(&self) -> Option<&Spanned<Id>> {
        self.reference.as_ref()
    }
    fn definitions(shared: &Shared) -> Option<&SpannedMap<Spanned<Self>>> {
        shared.retention.as_ref().map(|m| &m.value)
    }
    fn overlay(base: &mut Self, local: Self) -> bool {
        overlay!(Retention, base, local; data, period, criteria, from, until, exceptions, law,
            personal_data, data_subjects)
    }
}

impl Entry for CookieClass {
    const KIND: SharedKind = SharedKind::Cookies;
    fn reference(&self) -> Option<&Spanned<Id>> {
        self.reference.as_ref()
    }
    fn definitions(shared: &Shared) -> Option<&SpannedMap<Spanned<Self>>> {
        shared.cookies.as_ref().map(|m| &m.value)
    }
    fn overlay(base: &mut Self, local: Self) -> bool {
        overlay!(CookieClass, base, local; class, description, purpose, legal_basis, duration,
            provider)
    }
}

impl Entry for ExtraSection {
    const KIND: SharedKind = SharedKind::Sections;
    fn reference(&self) -> Option<&Spanned<Id>> {
        self.reference.as_ref()
    }
    fn definitions(shared: &Shared) -> Option<&SpannedMap<Spanned<Self>>> {
        shared.sections.as_ref().map(|m| &m.value)
    }
    fn overlay(base: &mut Self, local: Self) -> bool {
        let ExtraSection {
            reference: _,
            title,
            text,
            own,
        } = local;
        if own.0 {
            base.title = title;
        }
        if own.1 {
            base.text = text;
        }
        own.0 || own.1
    }
}

/// What resolving one register needs and gathers.
struct Resolver<'a> {
    shared: Option<&'a Shared>,
    index: &'a SharedIndex,
    file: FileId,
    used: Used,
    out: Vec<Diagnostic>,
    /// What the copies so far weigh ([`weight`]): a reference is a few bytes, a definition
    /// may be megabytes, so the copies are budgeted ([`MAX_COPIED`]).
    copied: usize,
}

/// How much of shared definitions one register may copy: far above any real register (a few
/// kilobytes each), far below what a few thousand references to one large text would make.
pub const MAX_COPIED: usize = 16 << 20;

/// An upper estimate of the bytes a value holds: the length of its debug form, counted
/// without being kept.
fn weight(value: &impl std::fmt::Debug) -> usize {
    struct Count(usize);
    impl std::fmt::Write for Count {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0 += s.len();
            Ok(())
        }
    }
    let mut c = Count(0);
    let _ = std::fmt::write(&mut c, format_args!("{value:?}"));
    c.0
}

impl Resolver<'_> {
    /// Counts a copy against the budget; `false` (and an input error at the reference) once
    /// the copies exceed it, after which nothing more is copied.
    fn afford(&mut self, cost: usize, at: &Spanned<Id>) -> bool {
        if self.copied > MAX_COPIED {
            return false;
        }
        self.copied += cost;
        if self.copied <= MAX_COPIED {
            return true;
        }
        self.out.push(
            Diagnostic::input(
                InputError::TooComplex,
                self.file,
                at.pos,
                format!(
                    "the shared definitions this register refers to add up to more than {} MiB",
                    MAX_COPIED >> 20
                ),
            )
            .with_help("refer to each definition where it is needed, not many times over"),
        );
        false
    }

    fn unknown(&mut self, kind: SharedKind, id: &Spanned<Id>) {
        let mut d = Diagnostic::input(
            InputError::UnknownDefinition,
            self.file,
            id.pos,
            format!(
                "`ref: {}` names no shared definition: no `{}` among the shared {}",
                id.value,
                id.value,
                kind.key()
            ),
        )
        .with_label("unknown id");
        let elsewhere = KINDS
            .into_iter()
            .find(|k| *k != kind && self.index.find(*k, id.value.as_str()).is_some());
        d = match (elsewhere, closest(id.value.as_str(), self.index.ids(kind))) {
            (Some(other), _) => d.with_help(format!(
                "`{}` is defined under `shared.{}`, not `shared.{}`: an entry of `{}` cannot refer to it",
                id.value,
                other.key(),
                kind.key(),
                kind.key()
            )),
            (None, Some(near)) => d.with_help(format!("did you mean `{near}`?")),
            (None, None) => d.with_help(format!(
                "define it under `shared.{}` in seloste.yaml (or in a file of the shared directory), or write the entry out here",
                kind.key()
            )),
        };
        self.out.push(d);
    }

    /// Resolves the entries of one list in place; an entry whose reference names nothing is
    /// left out.
    fn list<T: Entry>(&mut self, items: &mut Vec<Spanned<T>>) {
        if !items.iter().any(|i| i.value.reference().is_some()) {
            return;
        }
        let taken = std::mem::take(items);
        for item in taken {
            let Some(id) = item.value.reference().cloned() else {
                items.push(item);
                continue;
            };
            let found = self
                .index
                .find(T::KIND, id.value.as_str())
                .and_then(|i| Some(&self.shared.and_then(T::definitions)?.0[i]));
            let Some((key, def)) = found else {
                self.unknown(T::KIND, &id);
                continue;
            };
            self.used.insert((T::KIND, id.value.as_str().to_string()));
            if !self.afford(weight(&def.value), &id) {
                continue;
            }
            let mut value = def.value.clone();
            value.name_from_key(key);
            let own = T::overlay(&mut value, item.value);
            // Whole-entry findings go to the definition's id unless the entry says something
            // itself: where a reader finds it and a suppression comment above it applies.
            let pos = if own { item.pos } else { key.pos };
            items.push(Spanned::new(value, pos));
        }
    }

    /// Resolves a text that may be `{ref: id}`.
    fn text(&mut self, slot: &mut Option<Spanned<Text>>) {
        let Some(id) = slot.as_ref().and_then(|t| t.value.reference()).cloned() else {
            return;
        };
        let def = self
            .index
            .find(SharedKind::Texts, id.value.as_str())
            .and_then(|i| self.shared?.texts.as_ref().map(|m| &m.value.0[i]));
        match def {
            Some((_, text)) => {
                self.used
                    .insert((SharedKind::Texts, id.value.as_str().to_string()));
                *slot = self
                    .afford(text.value.as_str().len(), &id)
                    .then(|| text.clone());
            }
            None => {
                self.unknown(SharedKind::Texts, &id);
                *slot = None;
            }
        }
    }
}

fn vec_of<T>(v: &mut Option<Spanned<Vec<Spanned<T>>>>) -> Option<&mut Vec<Spanned<T>>> {
    v.as_mut().map(|v| &mut v.value)
}

/// Puts the shared definitions in place in `register` (read from `file`): returns the input
/// errors of its references and the definitions it used.
pub fn register(
    shared: Option<&Shared>,
    index: &SharedIndex,
    file: FileId,
    register: &mut Register,
) -> (Vec<Diagnostic>, Used) {
    let mut r = Resolver {
        shared,
        index,
        file,
        used: Used::new(),
        out: Vec::new(),
        copied: 0,
    };
    if let Some(v) = vec_of(&mut register.purposes) {
        r.list(v);
    }
    if let Some(v) = vec_of(&mut register.personal_data) {
        r.list(v);
    }
    if let Some(v) = vec_of(&mut register.sources) {
        r.list(v);
    }
    if let Some(v) = vec_of(&mut register.retention) {
        r.list(v);
    }
    if let Some(v) = vec_of(&mut register.cookies) {
        r.list(v);
    }
    if let Some(v) = vec_of(&mut register.extra_sections) {
        r.list(v);
    }
    if let Some(section) = &mut register.recipients {
        match &mut section.value {
            Section::Short(RecipientItems::List(v)) => r.list(v),
            Section::Long(m) => {
                if let Some(RecipientItems::List(v)) = m.items.as_mut().map(|i| &mut i.value) {
                    r.list(v);
                }
                r.text(&mut m.note);
            }
            Section::Short(_) => {}
        }
    }
    if let Some(section) = &mut register.transfers {
        match &mut section.value {
            Section::Short(ListOrNone::List(v)) => r.list(v),
            Section::Long(m) => {
                if let Some(ListOrNone::List(v)) = m.items.as_mut().map(|i| &mut i.value) {
                    r.list(v);
                }
                r.text(&mut m.note);
            }
            Section::Short(_) => {}
        }
    }
    r.text(&mut register.description);
    r.text(&mut register.security);
    r.text(&mut register.cookie_settings);
    if let Some(rights) = &mut register.rights {
        let rights = &mut rights.value;
        r.text(&mut rights.exercise);
        for note in [
            &mut rights.access,
            &mut rights.rectification,
            &mut rights.erasure,
            &mut rights.restriction,
            &mut rights.notification,
            &mut rights.portability,
            &mut rights.objection,
            &mut rights.automated_decisions,
            &mut rights.withdraw_consent,
            &mut rights.complaint,
        ]
        .into_iter()
        .flatten()
        {
            r.text(&mut note.value.note);
        }
    }
    (r.out, r.used)
}

/// Puts the shared texts in place in what `seloste.yaml` itself refers to (the introductions of
/// combined notices): returns the input errors and the definitions used.
pub fn project(project: &mut crate::model::Project) -> (Vec<Diagnostic>, Used) {
    let mut r = Resolver {
        shared: Some(&project.definitions),
        index: &project.shared,
        file: project.file,
        used: Used::new(),
        out: Vec::new(),
        copied: 0,
    };
    if let Some(combined) = &mut project.config.combined {
        for notice in &mut combined.value {
            r.text(&mut notice.value.description);
        }
    }
    (r.out, r.used)
}

/// Every shared definition with where it is defined, for the report of unused ones.
pub fn definitions(shared: &Shared) -> Vec<(SharedKind, &Spanned<String>)> {
    KINDS
        .into_iter()
        .flat_map(|k| shared.ids(k).into_iter().map(move |key| (k, key)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ProjectFile;
    use crate::source::FileId;

    const PROJECT: &str = "shared:\n  recipients:\n    kanta:\n      name: Kela, Kanta-palvelut\n      role: authority\n      purpose: Potilastietojen arkistointi\n  texts:\n    tietoturva: Tiedot suojataan.\n";

    fn resolve(register: &str) -> (Register, Vec<Diagnostic>, Used) {
        let p: ProjectFile = crate::load::parse_project(FileId(0), PROJECT).unwrap();
        let shared = p.shared.as_ref().map(|s| &s.value);
        let (index, errs) = SharedIndex::new(shared.unwrap(), FileId(0));
        assert!(errs.is_empty(), "{errs:?}");
        let mut r = crate::load::parse_register(FileId(1), register).unwrap();
        let (d, used) = super::register(shared, &index, FileId(1), &mut r);
        (r, d, used)
    }

    #[test]
    fn a_reference_copies_the_definition_and_keeps_its_file() {
        let (r, d, used) = resolve("recipients:\n  - ref: kanta\nsecurity: {ref: tietoturva}\n");
        assert!(d.is_empty(), "{d:?}");
        let x = &r.recipients()[0];
        assert_eq!(
            x.name.as_ref().unwrap().value.as_str(),
            "Kela, Kanta-palvelut"
        );
        // Findings about the copy point at seloste.yaml, the file that says it.
        assert_eq!(x.pos.file, Some(FileId(0)));
        assert_eq!(x.name.as_ref().unwrap().pos.file, Some(FileId(0)));
        assert_eq!(
            r.security.as_ref().unwrap().value.as_str(),
            "Tiedot suojataan."
        );
        assert_eq!(used.len(), 2);
    }

    #[test]
    fn an_entry_overrides_and_adds_to_the_definition() {
        let (r, d, _) = resolve("recipients:\n  - ref: kanta\n    purpose: Reseptit\n");
        assert!(d.is_empty(), "{d:?}");
        let x = &r.recipients()[0];
        assert_eq!(x.purpose.as_ref().unwrap().value.as_str(), "Reseptit");
        assert_eq!(x.purpose.as_ref().unwrap().pos.file, None);
        assert_eq!(x.role.as_ref().unwrap().pos.file, Some(FileId(0)));
        // The entry says something of its own: it is located in the register.
        assert_eq!(x.pos.file, None);
    }

    #[test]
    fn an_unknown_id_is_located_with_a_suggestion_and_the_entry_left_out() {
        let (r, d, _) = resolve("recipients:\n  - ref: kantaa\n");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code.as_str(), "unknown-definition");
        assert_eq!(d[0].pos.map(|p| (p.line, p.column)), Some((2, 10)));
        assert!(d[0].help.join(" ").contains("`kanta`"), "{d:?}");
        assert!(r.recipients().is_empty());
        let (_, d, _) = resolve("security: {ref: tietoturvaa}\n");
        assert!(d[0].help.join(" ").contains("`tietoturva`"), "{d:?}");
        // An id of another kind is named as such.
        let (_, d, _) = resolve("recipients:\n  - ref: tietoturva\n");
        assert!(
            d[0].help
                .join(" ")
                .contains("under `shared.texts`, not `shared.recipients`"),
            "{d:?}"
        );
    }

    #[test]
    fn copies_beyond_the_budget_are_an_input_error_not_memory() {
        let big = "x".repeat(1 << 20);
        let project = format!(
            "shared:\n  texts:\n    iso: {big}\n  recipients:\n    r:\n      name: {big}\n"
        );
        let p: ProjectFile = crate::load::parse_project(FileId(0), &project).unwrap();
        let shared = &p.shared.as_ref().unwrap().value;
        let (index, _) = SharedIndex::new(shared, FileId(0));
        let refs = "  - ref: r\n".repeat(40);
        let mut r =
            crate::load::parse_register(FileId(1), &format!("recipients:\n{refs}")).unwrap();
        let (d, _) = register(Some(shared), &index, FileId(1), &mut r);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].code.as_str(), "too-complex");
        // Sixteen copies of a 1 MiB definition fit; the seventeenth is refused, and no more
        // is copied.
        assert!(r.recipients().len() < 17, "{}", r.recipients().len());
        // A text within the budget is copied as before.
        let mut r = crate::load::parse_register(FileId(1), "security: {ref: iso}\n").unwrap();
        let (d, _) = register(Some(shared), &index, FileId(1), &mut r);
        assert!(d.is_empty() && r.security.is_some());
    }

    #[test]
    fn ids_twice_and_nested_references_are_refused() {
        let p: ProjectFile = crate::load::parse_project(
            FileId(0),
            "shared:\n  sources:\n    a:\n      ref: b\n      description: x\n",
        )
        .unwrap();
        let (_, errs) = SharedIndex::new(&p.shared.unwrap().value, FileId(0));
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(errs[0].message.contains("refers to another"));
    }
}
