//! The view of a register that templates render: which items apply, in what order, with every
//! user string made safe.
//!
//! Plain strings (codes, e-mail addresses shown as text) are left to the template engine's
//! autoescape; text fields that accept Markdown arrive as [`Md`], already sanitised into safe
//! CommonMark and marked safe. Items the law requires but the register lacks are flagged with
//! `missing_*` so that a draft can show a marker in their place.

use serde::Serialize;

pub mod combined;

use super::links::BaseUrl;
use super::markdown;
use super::sanitize::{self, escape};
use crate::applicability::adequacy::{self, Cover};
use crate::applicability::controller::ControllerApplicability;
use crate::applicability::rights::{self, Reach};
use crate::applicability::{Applicability, StatedBy};
use crate::data;
use crate::identifiers::{is_valid_email, is_valid_web_url};
use crate::model::channels::Channels;
use crate::model::{
    Contact, ListOrNone, Period, PeriodUnit, Project, RecipientItems, RecipientRole, RegisterDoc,
    Spanned, Text, nonblank,
};

/// Markdown that is already safe: a tera safe string.
#[derive(Clone, Debug, Serialize)]
#[serde(transparent)]
pub struct Md(tera::Value);

impl Md {
    fn raw(s: String) -> Md {
        Md(tera::Value::safe_string(&s))
    }

    /// A user text as one line of Markdown.
    fn inline(t: &Text) -> Md {
        Md::raw(sanitize::inline(t.as_str()))
    }

    /// A user text as Markdown blocks.
    fn block(t: &Text) -> Md {
        Md::raw(sanitize::block(t.as_str()))
    }

    /// Whether nothing is left to show (a text of only a rule or an image without
    /// description): such a text counts as absent, so that no empty `****` is written.
    fn is_empty(&self) -> bool {
        self.0.as_str().is_some_and(|s| s.trim().is_empty())
    }
}

fn inline(t: &Option<Spanned<Text>>) -> Option<Md> {
    nonblank(t)
        .map(|t| Md::inline(&t.value))
        .filter(|m| !m.is_empty())
}

/// A user text as one line in a table cell.
fn cell(t: &Option<Spanned<Text>>) -> Option<Md> {
    nonblank(t)
        .map(|t| Md::raw(sanitize::cell(t.value.as_str())))
        .filter(|m| !m.is_empty())
}

fn block(t: &Option<Spanned<Text>>) -> Option<Md> {
    nonblank(t)
        .map(|t| Md::block(&t.value))
        .filter(|m| !m.is_empty())
}

fn string(s: &Option<Spanned<String>>) -> Option<&str> {
    s.as_ref().map(|s| s.value.trim()).filter(|s| !s.is_empty())
}

/// An e-mail address as a mailto link (plain text if it is not a valid address).
fn email_link(s: &str) -> Md {
    if is_valid_email(s) {
        Md::raw(sanitize::link(
            &escape(s),
            &format!("mailto:{}", s.replace(' ', "")),
        ))
    } else {
        Md::raw(escape(s))
    }
}

/// A phone number as a tel link in international form.
fn phone_link(s: &str) -> Md {
    // "+358 (0)9 …": the bracketed trunk prefix is not dialled.
    let digits: String = s
        .replacen("(0)", "", 1)
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    let intl = if let Some(rest) = digits.strip_prefix('+') {
        format!("+{rest}")
    } else if let Some(rest) = digits.strip_prefix('0') {
        format!("+358{rest}")
    } else {
        return Md::raw(escape(s));
    };
    Md::raw(sanitize::link(&escape(s), &format!("tel:{intl}")))
}

fn web_link(s: &str) -> Md {
    if is_valid_web_url(s) {
        Md::raw(sanitize::autolink(s))
    } else {
        Md::raw(escape(s))
    }
}

/// One e-mail address or phone number, as a link, with its label ("kirjaamo", "vaihde").
#[derive(Clone, Debug, Serialize)]
pub struct ChannelView {
    label: Option<Md>,
    link: Md,
}

/// The addresses or numbers of a contact that say something, each made a link by `link`.
fn channels<K>(c: &Option<Spanned<Channels<K>>>, link: fn(&str) -> Md) -> Vec<ChannelView> {
    c.iter()
        .flat_map(|c| c.value.given())
        .map(|e| ChannelView {
            label: inline(&e.label),
            link: link(e.value.value.trim()),
        })
        .collect()
}

/// The first address or number that says something, as a link.
fn first<K>(c: &Option<Spanned<Channels<K>>>, link: fn(&str) -> Md) -> Option<Md> {
    c.as_ref()
        .and_then(|c| c.value.given().next())
        .map(|e| link(e.value.value.trim()))
}

/// A person or function to contact.
#[derive(Clone, Debug, Serialize)]
pub struct ContactView {
    name: Option<Md>,
    title: Option<Md>,
    /// The first address, for templates written before `emails`.
    email: Option<Md>,
    /// The first number, for templates written before `phones`.
    phone: Option<Md>,
    emails: Vec<ChannelView>,
    phones: Vec<ChannelView>,
    address: Option<Md>,
    /// In a combined notice, the registers this contact is for, when not all of them (empty
    /// on a register's page).
    registers: Vec<Md>,
}

impl ContactView {
    fn of(c: &Contact) -> ContactView {
        ContactView {
            name: inline(&c.name),
            title: inline(&c.title),
            email: first(&c.email, email_link),
            phone: first(&c.phone, phone_link),
            emails: channels(&c.email, email_link),
            phones: channels(&c.phone, phone_link),
            address: inline(&c.address),
            registers: Vec::new(),
        }
    }
}

/// The controller.
#[derive(Clone, Debug, Serialize)]
pub struct ControllerView {
    name: Option<Md>,
    /// The plain name, for page titles and front matter.
    name_plain: String,
    business_id: Option<String>,
    address: Option<Md>,
    visiting_address: Option<Md>,
    country: Option<String>,
    /// The first address, for templates written before `emails`.
    email: Option<Md>,
    /// The first number, for templates written before `phones`.
    phone: Option<Md>,
    emails: Vec<ChannelView>,
    phones: Vec<ChannelView>,
    website: Option<Md>,
    missing: bool,
}

/// The supervisory authority, built in and overridable field by field.
#[derive(Clone, Debug, Serialize)]
pub struct AuthorityView {
    name: Md,
    visiting_address: Md,
    postal_address: Md,
    email: Md,
    phone: Md,
    website: Md,
}

/// A purpose and its legal basis.
#[derive(Clone, Debug, Serialize)]
pub struct PurposeView {
    description: Option<Md>,
    bases: Vec<&'static str>,
    /// The bases are alternatives the notice leaves open (`either`): joined with "tai".
    either: bool,
    legitimate_interest: Option<Md>,
    law: Option<Md>,
    direct_marketing: bool,
    /// The groups of data subjects it alone concerns (empty: all).
    groups: Vec<Md>,
    /// It is limited to some groups, though none can be named (every id unknown).
    limited: bool,
    /// The data categories it alone uses (empty: all, or none can be named).
    uses: Vec<Md>,
    missing_basis: bool,
    missing_interest: bool,
}

/// A category of personal data.
#[derive(Clone, Debug, Serialize)]
pub struct DataView {
    category: Option<Md>,
    description: Option<Md>,
    /// `observed` or `derived`, for the label of how the data arise; `None` when provided.
    obtained: Option<&'static str>,
    /// The special categories named (empty with `special_any`).
    special_categories: Vec<&'static str>,
    /// `special_category: any`.
    special_any: bool,
    condition: Option<&'static str>,
    criminal: bool,
    law: Option<Md>,
    /// The Art 13(2)(e) statement that holds for these data (their own or the register's).
    provision: Option<&'static str>,
    consequence: Option<Md>,
    missing_condition: bool,
    /// Whether these data are collected from the person and provided by them, so the
    /// Art 13(2)(e) statement applies.
    from_data_subject: bool,
    /// Listed under the statement: their own statement, their own consequence, or a marker.
    provision_listed: bool,
    /// The groups of data subjects these data alone concern (empty: all).
    groups: Vec<Md>,
    /// They are limited to some groups, though none can be named (every id unknown).
    limited: bool,
    missing_provision: bool,
}

/// The register's one Art 13(2)(e) statement for all data the person provides.
#[derive(Clone, Debug, Serialize)]
pub struct RegisterProvisionView {
    provision: &'static str,
    consequence: Option<Md>,
}

/// A source.
#[derive(Clone, Debug, Serialize)]
pub struct SourceView {
    description: Option<Md>,
    public: Option<bool>,
    /// The categories this source alone provides (empty: all).
    provides: Vec<Md>,
    /// It provides only some categories, though none can be named (every id unknown).
    limited: bool,
}

/// A recipient.
#[derive(Clone, Debug, Serialize)]
pub struct RecipientView {
    name: Option<Md>,
    role: Option<&'static str>,
    purpose: Option<Md>,
    law: Option<Md>,
}

/// A transfer outside the EU/EEA.
#[derive(Clone, Debug, Serialize)]
pub struct TransferView {
    recipient: Option<Md>,
    country: Option<String>,
    organisation: Option<Md>,
    /// The mechanisms in order of preference.
    mechanisms: Vec<MechanismView>,
    /// The conditions in the register's own words.
    conditions: Option<Md>,
    derogation: Option<&'static str>,
    derogation_article: Option<&'static str>,
    /// The country code, when the adequacy decision relied on covers only some organisations
    /// there (labels.yaml says which).
    adequacy_scope: Option<String>,
    /// The decision reaches the recipient (with `adequacy_scope`): the notice may say so only
    /// then (`adequacy_scope`), else it says the decision's scope is not shown to be met
    /// (`adequacy_scope_unmet`).
    adequacy_covered: bool,
    document: Option<Md>,
    /// Neither `country` nor `organisation` is named.
    missing_destination: bool,
    missing_mechanism: bool,
    missing_document: bool,
}

/// A transfer mechanism.
#[derive(Clone, Debug, Serialize)]
pub struct MechanismView {
    mechanism: &'static str,
    article: &'static str,
}

/// The recipients or the transfers: the list, and what the section says besides.
#[derive(Clone, Debug, Serialize)]
pub struct DisclosureView<T> {
    #[serde(flatten)]
    list: ListView<T>,
    /// `recipients: not_regularly` (reported by `hedged-recipients`).
    not_regularly: bool,
    /// Where the data are stored (`eu`, `eea`), for transfers.
    stored_in: Option<&'static str>,
    /// A note at the end of the section.
    note: Option<Md>,
}

/// A list the notice must state, or say `none` for.
#[derive(Clone, Debug, Serialize)]
pub struct ListView<T> {
    /// `none` was written.
    none: bool,
    /// Neither a list nor `none`: the item is missing.
    missing: bool,
    items: Vec<T>,
}

fn list_view<S, T>(
    l: &Option<Spanned<ListOrNone<Spanned<S>>>>,
    f: impl Fn(&S) -> T,
) -> ListView<T> {
    list_of(l.as_ref().map(|l| &l.value), f)
}

fn list_of<S, T>(l: Option<&ListOrNone<Spanned<S>>>, f: impl Fn(&S) -> T) -> ListView<T> {
    match l {
        Some(ListOrNone::None) => ListView {
            none: true,
            missing: false,
            items: Vec::new(),
        },
        Some(ListOrNone::List(v)) if !v.is_empty() => ListView {
            none: false,
            missing: false,
            items: v.iter().map(|x| f(&x.value)).collect(),
        },
        _ => ListView {
            none: false,
            missing: true,
            items: Vec::new(),
        },
    }
}

fn transfer_view(t: &crate::model::Transfer, today: chrono::NaiveDate) -> TransferView {
    let mechanisms = t.mechanisms();
    // The scope sentence follows the decision `adequacy-not-in-force` takes.
    let adequacy = adequacy::of(t, today).filter(|a| {
        matches!(
            a.cover,
            Cover::Scoped | Cover::Certified | Cover::NotCertified
        )
    });
    TransferView {
        recipient: inline(&t.recipient),
        country: t.country.as_ref().map(|c| c.value.as_str().to_string()),
        organisation: inline(&t.organisation),
        mechanisms: mechanisms
            .iter()
            .map(|m| MechanismView {
                mechanism: m.value.name(),
                article: m.value.article(),
            })
            .collect(),
        conditions: inline(&t.conditions),
        derogation: t.derogation.as_ref().map(|d| d.value.name()),
        derogation_article: t.derogation.as_ref().map(|d| d.value.article()),
        adequacy_scope: adequacy.map(|a| a.country.as_str().to_string()),
        adequacy_covered: adequacy.is_some_and(|a| a.covers()),
        document: inline(&t.document),
        // Set from applicability by the caller.
        missing_destination: false,
        missing_mechanism: false,
        missing_document: false,
    }
}

/// A retention period.
#[derive(Clone, Debug, Serialize)]
pub struct RetentionView {
    data: Option<Md>,
    period: Option<PeriodView>,
    criteria: Option<Md>,
    from: Option<Md>,
    /// The event that ends the storage ("kunnes …").
    until: Option<Md>,
    exceptions: Option<Md>,
    law: Option<Md>,
    /// The groups of data subjects the period alone concerns (empty: all).
    groups: Vec<Md>,
    /// It is limited to some groups, though none can be named (every id unknown).
    limited: bool,
    /// The data categories it is tied to by id (empty: not tied by id).
    categories: Vec<Md>,
}

/// A period, for the `period` filter.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct PeriodView {
    amount: u32,
    unit: &'static str,
    permanent: bool,
    /// A maximum ("enintään …").
    max: bool,
}

impl PeriodView {
    fn of(p: Period) -> PeriodView {
        match p {
            Period::Fixed { amount, unit } | Period::UpTo { amount, unit } => PeriodView {
                amount,
                unit: match unit {
                    PeriodUnit::Hours => "hours",
                    PeriodUnit::Days => "days",
                    PeriodUnit::Weeks => "weeks",
                    PeriodUnit::Months => "months",
                    PeriodUnit::Years => "years",
                },
                permanent: false,
                max: matches!(p, Period::UpTo { .. }),
            },
            Period::Permanent => PeriodView {
                amount: 0,
                unit: "",
                permanent: true,
                max: false,
            },
        }
    }
}

/// An automated decision.
#[derive(Clone, Debug, Serialize)]
pub struct DecisionView {
    description: Option<Md>,
    logic: Option<Md>,
    consequences: Option<Md>,
}

/// Further processing for a new purpose.
#[derive(Clone, Debug, Serialize)]
pub struct FurtherView {
    purpose: Option<Md>,
    details: Option<Md>,
}

/// A purpose a right does not reach, and why.
#[derive(Clone, Debug, Serialize)]
pub struct ExclusionView {
    purpose: Option<Md>,
    reason: &'static str,
    article: &'static str,
    /// In a combined notice, the register the purpose belongs to (`None` on a register's page).
    register: Option<Md>,
}

/// One right and how far it reaches.
#[derive(Clone, Debug, Serialize)]
pub struct RightView {
    right: &'static str,
    article: &'static str,
    /// `all`, `some` or `none`.
    reach: &'static str,
    /// The purposes it reaches, when `reach` is `some`.
    purposes: Vec<Md>,
    /// The purposes it does not reach.
    exclusions: Vec<ExclusionView>,
    direct_marketing: bool,
    explicit_consent: bool,
    note: Option<Md>,
    restriction: Option<Md>,
    law: Option<Md>,
    /// In a combined notice, the register of each of `purposes` (empty on a register's page).
    purposes_in: Vec<Md>,
    /// In a combined notice, the registers the right reaches when it does not reach all of
    /// them ([`RightAcross::only`](crate::applicability::combined::RightAcross::only)).
    only: Vec<Md>,
    /// With `only`: why it does not reach the others, when one reason holds for all of them.
    reason_elsewhere: Option<&'static str>,
    article_elsewhere: Option<&'static str>,
    /// In a combined notice, each register's note and restriction (`note` and `restriction`
    /// stay empty there).
    notes: Vec<RightNoteView>,
}

/// One register's note or restriction on a right, in a combined notice.
#[derive(Clone, Debug, Serialize)]
pub struct RightNoteView {
    register: Md,
    note: Option<Md>,
    restriction: Option<Md>,
    law: Option<Md>,
}

/// One register's note, in a combined notice.
#[derive(Clone, Debug, Serialize)]
pub struct NoteInView {
    register: Md,
    note: Md,
}

/// The rights section.
#[derive(Clone, Debug, Serialize)]
pub struct RightsView {
    /// Every right, in the order of the GDPR.
    all: Vec<RightView>,
    /// How to exercise them, if the register says.
    exercise: Option<Md>,
    /// Whether erasure reaches any processing: the Art 19 paragraph names it only then.
    erasure_applies: bool,
    /// The register's own words charge for requests or limit them
    /// ([`Applicability::requests_charged`](crate::applicability::Applicability)): the notice
    /// does not then say that requests are handled free of charge.
    requests_charged: bool,
    /// In a combined notice, each register's words on exercising the rights (`exercise` is
    /// then said only when every register says the same).
    exercise_notes: Vec<NoteInView>,
}

/// A further section.
#[derive(Clone, Debug, Serialize)]
pub struct ExtraView {
    title: Md,
    text: Md,
    /// Made by `slug` of letters, digits, `_` and `-` only, so written as it is: escaped,
    /// `\_` would end the heading's `{#…}` attribute.
    anchor: Md,
}

/// The right to object, shown separately and prominently (Art 21(4)).
#[derive(Clone, Debug, Serialize)]
pub struct ObjectionView {
    applies: bool,
    /// The bases of 6(1) that the 21(1) objection reaches in this register, as the code of
    /// their label ([`rights::ObjectionGrounds::code`]).
    grounds: &'static str,
    /// Direct-marketing purposes (21(2)): objection is absolute.
    marketing: Vec<Md>,
    /// Purposes on a public task or legitimate interests (21(1)).
    general: Vec<Md>,
    note: Option<Md>,
    /// In a combined notice, the register of each of `marketing` (empty on a register's page).
    marketing_in: Vec<Md>,
    /// In a combined notice, the register of each of `general`.
    general_in: Vec<Md>,
    /// In a combined notice, each register's note.
    notes: Vec<NoteInView>,
}

/// Withdrawal of consent.
#[derive(Clone, Debug, Serialize)]
pub struct WithdrawView {
    applies: bool,
    /// The purposes resting on consent, when not all do.
    purposes: Vec<Md>,
    /// Of those, the ones where consent is only one of the alternatives (`either`): the notice
    /// does not say that they rest on consent.
    alternatives: Vec<Md>,
    explicit_consent: bool,
    /// Consent is given to cookies too.
    cookies: bool,
    note: Option<Md>,
    /// In a combined notice, the register of each of `purposes` (empty on a register's page).
    purposes_in: Vec<Md>,
    /// In a combined notice, the register of each of `alternatives`.
    alternatives_in: Vec<Md>,
    /// In a combined notice, each register's note.
    notes: Vec<NoteInView>,
    /// What the id of the cookies section starts with: empty on a register's page, the
    /// register's prefix in a combined notice.
    cookies_at: Md,
}

/// One class of cookies, for the table of the cookies section.
#[derive(Clone, Debug, Serialize)]
pub struct CookieView {
    class: Option<&'static str>,
    description: Option<Md>,
    purpose: Option<Md>,
    basis: Option<&'static str>,
    duration: Option<Md>,
    provider: Option<Md>,
}

/// The cookies section (laki sähköisen viestinnän palveluista 205 §).
#[derive(Clone, Debug, Serialize)]
pub struct CookiesView {
    classes: Vec<CookieView>,
    /// Some class is strictly necessary and stored without consent: only then may the notice
    /// say such cookies need none.
    any_necessary: bool,
    /// Some class needs consent.
    any_optional: bool,
    /// Every class that needs consent rests on it: only then may the notice say so.
    all_consented: bool,
    /// Some class rests on consent: how to withdraw it is said.
    consent: bool,
    /// How to change or withdraw the consent, if the register says.
    settings: Option<Md>,
}

/// A note on one right.
#[derive(Clone, Debug, Serialize)]
pub struct NoteView {
    note: Option<Md>,
    /// In a combined notice, each register's note.
    notes: Vec<NoteInView>,
}

/// Everything a register template sees.
#[derive(Clone, Debug, Serialize)]
pub struct RegisterView {
    id: String,
    /// A draft's markers of the findings, by section name (none when publishing).
    marks: std::collections::BTreeMap<&'static str, Vec<super::marks::Mark>>,
    title: Option<Md>,
    title_plain: String,
    description: Option<Md>,
    updated: Option<String>,
    draft: bool,
    art13: bool,
    art14: bool,
    missing_collection: bool,
    controller: ControllerView,
    representative: Option<ContactView>,
    contacts: Vec<ContactView>,
    dpo: Option<ContactView>,
    authority: AuthorityView,
    data_subjects: Vec<Md>,
    purposes: Vec<PurposeView>,
    /// The law the whole register rests on (`law` of the register), said once.
    register_law: Option<Md>,
    personal_data: Vec<DataView>,
    /// The notice has the Art 13(2)(e) section.
    provision_section: bool,
    /// The register-level statement, when it holds for some data.
    register_provision: Option<RegisterProvisionView>,
    /// Some category is listed under the statement (its own statement, or a marker).
    provision_listed: bool,
    sources: Vec<SourceView>,
    /// Some source is said to be publicly available, and some not (14(2)(f)): only the
    /// publicly available ones are marked, and a sentence says the rest are not.
    sources_public: bool,
    sources_not_public: bool,
    /// How the data collected from the person arise: given by them, observed, or both.
    direct: crate::applicability::DirectCollection,
    missing_sources: bool,
    recipients: DisclosureView<RecipientView>,
    transfers: DisclosureView<TransferView>,
    retention: Vec<RetentionView>,
    automated_decisions: ListView<DecisionView>,
    further_processing: Vec<FurtherView>,
    rights: RightsView,
    objection: ObjectionView,
    withdraw: WithdrawView,
    complaint: NoteView,
    any_legitimate_interest: bool,
    has_processors: bool,
    /// Some recipient is an independent controller (`controller`).
    has_controllers: bool,
    /// Some recipient is a third party (`third_party`), who may be no controller at all.
    has_third_parties: bool,
    has_authorities: bool,
    has_joint: bool,
    security: Option<Md>,
    cookies: CookiesView,
    extra_sections: Vec<ExtraView>,
    /// What every heading of `sections.md`, `security.md` and `extra.md` gets besides its own
    /// `#`s: nothing on the register's page, `#` in a combined notice, where they stand one
    /// level down under the register's own heading.
    hx: Md,
    /// What starts every heading id of those parts: nothing on the register's page,
    /// `<register id>-` in a combined notice, where several registers share one page.
    at: Md,
    /// Whether this is a combined notice's view (false: one register's page).
    combined: bool,
}

impl RegisterView {
    /// The register's plain title, for file metadata.
    pub fn title_plain(&self) -> &str {
        &self.title_plain
    }

    /// The `updated` date in ISO form, if any.
    pub fn updated_iso(&self) -> Option<&str> {
        self.updated.as_deref()
    }
}

/// The controller's view, shared by every page of the project.
pub fn controller_view(project: &Project) -> ControllerView {
    let c = project.controller().map(|c| &c.value);
    let name = c.and_then(|c| inline(&c.name));
    let name_plain = c
        .and_then(|c| nonblank(&c.name))
        .map(|n| n.value.as_str().trim().to_string())
        .unwrap_or_default();
    let country = c
        .and_then(|c| c.country.as_ref())
        .filter(|cc| cc.value.as_str() != "FI")
        .map(|cc| cc.value.as_str().to_string());
    // What `missing-controller-details` reports.
    let missing = ControllerApplicability::of(project).missing();
    ControllerView {
        name,
        name_plain,
        business_id: c.and_then(|c| string(&c.business_id)).map(str::to_string),
        address: c.and_then(|c| inline(&c.address)),
        visiting_address: c.and_then(|c| inline(&c.visiting_address)),
        country,
        email: c.and_then(|c| first(&c.email, email_link)),
        phone: c.and_then(|c| first(&c.phone, phone_link)),
        emails: c
            .map(|c| channels(&c.email, email_link))
            .unwrap_or_default(),
        phones: c
            .map(|c| channels(&c.phone, phone_link))
            .unwrap_or_default(),
        website: c.and_then(|c| string(&c.website)).map(web_link),
        missing,
    }
}

fn authority_view(project: &Project) -> AuthorityView {
    let builtin = data::authority();
    let o = project
        .config
        .supervisory_authority
        .as_ref()
        .map(|s| &s.value);
    let text = |t: Option<&Option<Spanned<Text>>>, d: &str| {
        t.and_then(inline).unwrap_or_else(|| Md::raw(escape(d)))
    };
    AuthorityView {
        name: text(o.map(|o| &o.name), &builtin.name),
        visiting_address: text(o.map(|o| &o.visiting_address), &builtin.visiting_address),
        postal_address: text(o.map(|o| &o.postal_address), &builtin.postal_address),
        email: email_link(o.and_then(|o| string(&o.email)).unwrap_or(&builtin.email)),
        phone: phone_link(o.and_then(|o| string(&o.phone)).unwrap_or(&builtin.phone)),
        website: web_link(
            o.and_then(|o| string(&o.website))
                .unwrap_or(&builtin.website),
        ),
    }
}

/// The names of the entries a scope names (nothing for an entry that is not limited), each
/// made safe by `safe` for where it is shown.
fn scope_names<'a>(
    scope: Option<&Option<Vec<usize>>>,
    name: impl Fn(usize) -> Option<&'a Text>,
    safe: fn(&str) -> String,
) -> Vec<Md> {
    scope
        .and_then(|s| s.as_ref())
        .map(|v| {
            v.iter()
                .filter_map(|&i| name(i))
                .filter(|t| !t.is_blank())
                .map(|t| Md::raw(safe(t.as_str())))
                .filter(|m| !m.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// Whether an entry is limited (it names ids), whatever its names: an entry whose ids are all
/// unknown, or whose groups have blank names, is still limited and must not read as concerning
/// all.
fn limited(scope: Option<&Option<Vec<usize>>>) -> bool {
    scope.is_some_and(Option::is_some)
}

/// Builds the view of one register, its relative links resolved against the project's base.
pub fn register_view(
    project: &Project,
    doc: &RegisterDoc,
    opts: &super::RenderOptions,
    marks: &super::Marks,
) -> RegisterView {
    let (draft, today) = (opts.draft, opts.today);
    sanitize::with_base(BaseUrl::of_project(project), || {
        register_view_of(project, doc, draft, today, marks)
    })
}

fn register_view_of(
    project: &Project,
    doc: &RegisterDoc,
    draft: bool,
    today: chrono::NaiveDate,
    marks: &super::Marks,
) -> RegisterView {
    let r = &doc.register;
    // What applies is decided once, for the lint and the notice alike.
    let applies = Applicability::of(r);
    let (art13, art14) = (applies.art13, applies.art14);
    let scopes = &applies.groups;
    let group = |i: usize| r.data_subjects().get(i).map(|s| s.text());
    let category = |i: usize| {
        r.personal_data()
            .get(i)
            .and_then(|d| nonblank(&d.category))
            .map(|c| &c.value)
    };
    let purposes: Vec<PurposeView> = r
        .purposes()
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let bases: Vec<&'static str> = p.bases().iter().map(|b| b.name()).collect();
            PurposeView {
                description: inline(&p.description),
                missing_interest: applies.purposes.get(i).is_some_and(|a| a.interest_missing),
                missing_basis: bases.is_empty(),
                bases,
                either: p.either_bases().is_some(),
                legitimate_interest: inline(&p.legitimate_interest),
                law: inline(&p.law),
                direct_marketing: p.is_direct_marketing(),
                groups: scope_names(scopes.purposes.get(i), group, sanitize::inline),
                limited: limited(scopes.purposes.get(i)),
                uses: scope_names(scopes.purpose_categories.get(i), category, sanitize::inline),
            }
        })
        .collect();
    let personal_data: Vec<DataView> = r
        .personal_data()
        .iter()
        .zip(&applies.categories)
        .enumerate()
        .map(|(i, (d, a))| {
            let statement = a.provision;
            let consequence = match statement.and_then(|s| s.consequence_by) {
                Some(StatedBy::Category) => inline(&d.consequence),
                Some(StatedBy::Register) => inline(&r.consequence),
                None => None,
            };
            DataView {
                category: inline(&d.category),
                description: inline(&d.description),
                obtained: Some(a.obtained).filter(|o| !o.provided()).map(|o| o.name()),
                special_categories: d
                    .special_category
                    .as_ref()
                    .map(|s| s.value.items().iter().map(|c| c.name()).collect())
                    .unwrap_or_default(),
                special_any: d
                    .special_category
                    .as_ref()
                    .is_some_and(|s| s.value.is_any()),
                condition: d.condition.as_ref().map(|c| c.value.name()),
                criminal: d.criminal_data.as_ref().is_some_and(|c| c.value),
                law: inline(&d.law),
                provision: statement.map(|s| s.provision.name()),
                consequence,
                missing_condition: a.condition_missing,
                from_data_subject: a.provision_required,
                provision_listed: a.provision_required
                    && statement.is_none_or(|s| {
                        s.provision_by == StatedBy::Category
                            || s.consequence_by == Some(StatedBy::Category)
                    }),
                missing_provision: a.provision_required && statement.is_none(),
                groups: scope_names(scopes.categories.get(i), group, sanitize::inline),
                limited: limited(scopes.categories.get(i)),
            }
        })
        .collect();
    let provision_listed = personal_data.iter().any(|d| d.provision_listed);
    let register_provision = r
        .provision
        .as_ref()
        .filter(|_| applies.register_provision_applies)
        .map(|p| RegisterProvisionView {
            provision: p.value.name(),
            consequence: inline(&r.consequence),
        });
    let derived = &applies.rights;
    let purpose_text = |i: usize| r.purposes().get(i).and_then(|p| inline(&p.description));
    let notes = r.rights.as_ref().map(|x| &x.value);
    let all = derived
        .iter()
        .map(|d| {
            let note = notes.and_then(|n| match d.right {
                crate::model::Right::Access => n.access.as_ref(),
                crate::model::Right::Rectification => n.rectification.as_ref(),
                crate::model::Right::Erasure => n.erasure.as_ref(),
                crate::model::Right::Restriction => n.restriction.as_ref(),
                crate::model::Right::Notification => n.notification.as_ref(),
                crate::model::Right::Portability => n.portability.as_ref(),
                crate::model::Right::Objection => n.objection.as_ref(),
                crate::model::Right::AutomatedDecisions => n.automated_decisions.as_ref(),
                crate::model::Right::WithdrawConsent => n.withdraw_consent.as_ref(),
                crate::model::Right::Complaint => n.complaint.as_ref(),
            });
            RightView {
                right: d.right.name(),
                article: d.right.article(),
                reach: match d.reach {
                    Reach::All => "all",
                    Reach::Some => "some",
                    Reach::None => "none",
                },
                purposes: d.purposes.iter().filter_map(|&i| purpose_text(i)).collect(),
                exclusions: d
                    .exclusions
                    .iter()
                    .map(|(i, why)| ExclusionView {
                        purpose: purpose_text(*i),
                        reason: match why {
                            rights::Exclusion::LegalObligationOrPublicTask => {
                                "legal_obligation_or_public_task"
                            }
                            rights::Exclusion::NotConsentOrContract => "not_consent_or_contract",
                            rights::Exclusion::NotPublicTaskOrLegitimateInterests => {
                                "not_public_task_or_legitimate_interests"
                            }
                        },
                        article: why.article(),
                        register: None,
                    })
                    .collect(),
                direct_marketing: d.direct_marketing,
                explicit_consent: d.explicit_consent,
                note: note.and_then(|n| block(&n.note)),
                restriction: note.and_then(|n| block(&n.restriction)),
                law: note.and_then(|n| inline(&n.law)),
                purposes_in: Vec::new(),
                only: Vec::new(),
                reason_elsewhere: None,
                article_elsewhere: None,
                notes: Vec::new(),
            }
        })
        .collect();
    let objection_right = derived
        .iter()
        .find(|d| d.right == crate::model::Right::Objection);
    let withdraw_right = derived
        .iter()
        .find(|d| d.right == crate::model::Right::WithdrawConsent);
    let mut objection = ObjectionView {
        applies: false,
        grounds: objection_right
            .map(|o| rights::ObjectionGrounds::of(r, o, project.is_public_authority()))
            .unwrap_or_default()
            .code(),
        marketing: r
            .purposes()
            .iter()
            .filter(|p| p.is_direct_marketing())
            .filter_map(|p| inline(&p.description))
            .collect(),
        // The purposes the derived right reaches (21(1)), but for direct marketing (21(2)).
        general: objection_right
            .map(|o| o.reached(r.purposes().len()))
            .unwrap_or_default()
            .into_iter()
            .filter(|&i| {
                r.purposes()
                    .get(i)
                    .is_some_and(|p| !p.is_direct_marketing())
            })
            .filter_map(purpose_text)
            .collect(),
        note: notes
            .and_then(|n| n.objection.as_ref())
            .and_then(|n| block(&n.note)),
        marketing_in: Vec::new(),
        general_in: Vec::new(),
        notes: Vec::new(),
    };
    // The purposes the derived right reaches: a purpose without a basis yet is among them, as
    // for every other right (a half-written register is shown the rights it may owe).
    objection.applies = objection_right.is_some_and(|o| o.applies())
        && !(objection.marketing.is_empty() && objection.general.is_empty());
    // Consent that is one of the alternatives the notice leaves open is said as such.
    let either = |i: usize| withdraw_right.is_some_and(|w| w.uncertain.contains(&i));
    let withdraw = WithdrawView {
        applies: withdraw_right.is_some_and(|w| w.applies()),
        purposes: withdraw_right
            .map(|w| {
                w.purposes
                    .iter()
                    .filter(|&&i| !either(i))
                    .filter_map(|&i| purpose_text(i))
                    .collect()
            })
            .unwrap_or_default(),
        alternatives: withdraw_right
            .map(|w| {
                w.purposes
                    .iter()
                    .filter(|&&i| either(i))
                    .filter_map(|&i| purpose_text(i))
                    .collect()
            })
            .unwrap_or_default(),
        explicit_consent: withdraw_right.is_some_and(|w| w.explicit_consent),
        cookies: withdraw_right.is_some_and(|w| w.cookie_consent),
        note: notes
            .and_then(|n| n.withdraw_consent.as_ref())
            .and_then(|n| block(&n.note)),
        purposes_in: Vec::new(),
        alternatives_in: Vec::new(),
        notes: Vec::new(),
        cookies_at: Md::raw(String::new()),
    };
    let complaint = NoteView {
        note: notes
            .and_then(|n| n.complaint.as_ref())
            .and_then(|n| block(&n.note)),
        notes: Vec::new(),
    };
    let role_present = |role: RecipientRole| {
        r.recipients()
            .iter()
            .any(|x| x.role.as_ref().is_some_and(|r| r.value == role))
    };
    // The anchors a reference to a further section names (see `links`).
    let anchors = super::links::register_extra_anchors(r);
    let extra_sections = r
        .extra_sections()
        .iter()
        .filter(|x| !x.title.value.is_blank() && !x.text.value.is_blank())
        .zip(anchors)
        .map(|(x, anchor)| ExtraView {
            title: Md::inline(&x.title.value),
            text: Md::block(&x.text.value),
            anchor: Md::raw(anchor),
        })
        .collect();
    RegisterView {
        id: doc.id.clone(),
        marks: if draft {
            marks.of_register(doc)
        } else {
            super::Marks::none().of_register(doc)
        },
        title: inline(&r.title),
        title_plain: nonblank(&r.title)
            .map(|t| markdown::plain(t.value.as_str()))
            .unwrap_or_else(|| doc.id.clone()),
        description: block(&r.description),
        updated: r
            .updated
            .as_ref()
            .map(|u| u.value.0.format("%Y-%m-%d").to_string()),
        draft,
        art13,
        art14,
        missing_collection: applies.collection_unknown,
        controller: controller_view(project),
        representative: project
            .config
            .representative
            .as_ref()
            .map(|c| ContactView::of(&c.value)),
        contacts: doc.contacts(project).iter().map(ContactView::of).collect(),
        dpo: project.dpo().map(ContactView::of),
        authority: authority_view(project),
        data_subjects: r
            .data_subjects()
            .iter()
            .filter(|s| !s.text().is_blank())
            .map(|s| Md::inline(s.text()))
            .collect(),
        purposes,
        register_law: inline(&r.law),
        personal_data,
        provision_section: applies.provision_section,
        register_provision,
        provision_listed,
        sources: r
            .sources()
            .iter()
            .enumerate()
            .map(|(i, s)| SourceView {
                description: inline(&s.description),
                public: s.public.as_ref().map(|p| p.value),
                provides: scope_names(scopes.sources.get(i), category, sanitize::inline),
                limited: limited(scopes.sources.get(i)),
            })
            .collect(),
        sources_public: r
            .sources()
            .iter()
            .any(|s| s.public.as_ref().is_some_and(|p| p.value)),
        sources_not_public: r
            .sources()
            .iter()
            .any(|s| s.public.as_ref().is_some_and(|p| !p.value)),
        direct: applies.direct_collection(),
        missing_sources: applies.sources_missing || !applies.categories_without_source.is_empty(),
        recipients: {
            let items = r
                .recipients
                .as_ref()
                .and_then(|x| x.value.items(x.pos))
                .map(|i| i.value);
            let not_regularly = matches!(items, Some(RecipientItems::NotRegularly));
            let list = match items {
                Some(RecipientItems::None) => ListOrNone::None,
                Some(RecipientItems::List(v)) => ListOrNone::List(v.clone()),
                Some(RecipientItems::NotRegularly) | None => ListOrNone::List(Vec::new()),
            };
            let mut list = list_of(Some(&list), |x| RecipientView {
                name: cell(&x.name),
                role: x.role.as_ref().map(|r| r.value.name()),
                purpose: cell(&x.purpose),
                law: cell(&x.law),
            });
            list.missing = applies.recipients_missing;
            DisclosureView {
                list,
                not_regularly,
                stored_in: None,
                note: r
                    .recipients
                    .as_ref()
                    .and_then(|x| x.value.note())
                    .and_then(|n| Some(Md::block(&n.value)).filter(|m| !m.is_empty())),
            }
        },
        transfers: {
            let items = r.transfers.as_ref().and_then(|x| x.value.items(x.pos));
            let stored_in = r
                .transfers
                .as_ref()
                .and_then(|x| x.value.stored_in())
                .map(|s| s.value.name());
            let mut list = list_of(items.map(|i| i.value), |t| transfer_view(t, today));
            list.missing = applies.transfers_missing;
            // What each transfer lacks is decided in applicability, for its rule and its marker.
            for (v, a) in list.items.iter_mut().zip(&applies.transfers) {
                v.missing_destination = a.destination_missing;
                v.missing_mechanism = a.mechanism_missing;
                v.missing_document = a.document_missing;
            }
            DisclosureView {
                list,
                not_regularly: false,
                stored_in,
                note: r
                    .transfers
                    .as_ref()
                    .and_then(|x| x.value.note())
                    .and_then(|n| Some(Md::block(&n.value)).filter(|m| !m.is_empty())),
            }
        },
        retention: r
            .retention()
            .iter()
            .enumerate()
            .map(|(i, x)| RetentionView {
                data: cell(&x.data),
                period: x.period.as_ref().map(|p| PeriodView::of(p.value)),
                criteria: cell(&x.criteria),
                from: cell(&x.from),
                until: cell(&x.until),
                exceptions: cell(&x.exceptions),
                law: cell(&x.law),
                groups: scope_names(scopes.retention.get(i), group, sanitize::cell),
                limited: limited(scopes.retention.get(i)),
                // What the entry covers is decided in applicability; the notice names the
                // categories only where the entry is tied to them by id (its `data`, if any,
                // says it in the user's words).
                categories: applies
                    .retention
                    .get(i)
                    .filter(|c| c.tie == crate::applicability::retention::Tie::Ids)
                    .map(|c| {
                        scope_names(Some(&Some(c.categories.clone())), category, sanitize::cell)
                    })
                    .unwrap_or_default(),
            })
            .collect(),
        automated_decisions: list_view(&r.automated_decisions, |a| DecisionView {
            description: inline(&a.description),
            logic: block(&a.logic),
            consequences: block(&a.consequences),
        }),
        further_processing: r
            .further_processing()
            .iter()
            .map(|f| FurtherView {
                purpose: inline(&f.purpose),
                details: inline(&f.details),
            })
            .collect(),
        rights: RightsView {
            all,
            exercise: notes.and_then(|n| block(&n.exercise)),
            erasure_applies: derived
                .iter()
                .any(|d| d.right == crate::model::Right::Erasure && d.applies()),
            requests_charged: applies.requests_charged,
            exercise_notes: Vec::new(),
        },
        objection,
        withdraw,
        complaint,
        any_legitimate_interest: applies.legitimate_interests,
        has_processors: role_present(RecipientRole::Processor),
        has_controllers: role_present(RecipientRole::Controller),
        has_third_parties: role_present(RecipientRole::ThirdParty),
        has_authorities: role_present(RecipientRole::Authority),
        has_joint: role_present(RecipientRole::JointController),
        security: block(&r.security),
        cookies: CookiesView {
            classes: r
                .cookies()
                .iter()
                .map(|c| CookieView {
                    class: c.class.as_ref().map(|k| k.value.name()),
                    description: cell(&c.description),
                    purpose: cell(&c.purpose),
                    basis: c.legal_basis.as_ref().map(|b| b.value.name()),
                    duration: cell(&c.duration),
                    provider: cell(&c.provider),
                })
                .collect(),
            any_necessary: applies.cookies.iter().any(|c| c.exempt),
            any_optional: applies.cookies.iter().any(|c| c.needs_consent),
            all_consented: applies.cookies.iter().all(|c| !c.lacks_consent),
            consent: derived.iter().any(|d| d.cookie_consent),
            settings: block(&r.cookie_settings),
        },
        extra_sections,
        hx: Md::raw(String::new()),
        at: Md::raw(String::new()),
        combined: false,
    }
}

/// One register on the index page.
#[derive(Clone, Debug, Serialize)]
pub struct IndexEntry {
    id: String,
    title: Option<Md>,
    title_plain: String,
    updated: Option<String>,
    /// The link target (with the right suffix for Markdown or HTML).
    href: Md,
    /// Whom the register concerns (its data subjects), for the index's first layer.
    data_subjects: Vec<Md>,
}

/// Everything the index template sees.
#[derive(Clone, Debug, Serialize)]
pub struct IndexView {
    /// A draft's markers of the findings about the controller (none when publishing).
    marks: Vec<super::marks::Mark>,
    controller: ControllerView,
    /// The data protection officer, whom every register's data subjects may contact.
    dpo: Option<ContactView>,
    registers: Vec<IndexEntry>,
    draft: bool,
    /// The combined notices, each with its registers.
    combined: Vec<CombinedEntry>,
    /// Every register has a page of its own (none is published only in a combined notice).
    all_separate: bool,
}

/// A combined notice on the index page.
#[derive(Clone, Debug, Serialize)]
pub struct CombinedEntry {
    id: String,
    title: Option<Md>,
    title_plain: String,
    /// The latest `updated` of its registers.
    updated: Option<String>,
    href: Md,
    /// Its registers, each linking to its section of the page.
    registers: Vec<CombinedEntryRegister>,
}

/// A register of a combined notice on the index page.
#[derive(Clone, Debug, Serialize)]
pub struct CombinedEntryRegister {
    title: Md,
    href: Md,
}

/// What the index reads of a register: its id, title, date and data subjects. A build keeps
/// this of every register, and never their whole models at once.
#[derive(Clone, Debug)]
pub struct Listing {
    /// The register's id.
    pub id: String,
    title: Option<Spanned<Text>>,
    updated: Option<Spanned<crate::model::Date>>,
    data_subjects: Vec<Spanned<crate::model::DataSubject>>,
}

impl Listing {
    /// The listing of `doc`.
    pub fn of(doc: &RegisterDoc) -> Listing {
        Listing {
            id: doc.id.clone(),
            title: doc.register.title.clone(),
            updated: doc.register.updated.clone(),
            data_subjects: doc.register.data_subjects().to_vec(),
        }
    }
}

/// Builds the index view; `href` makes each register's link.
pub fn index_view(
    project: &Project,
    registers: &[Listing],
    draft: bool,
    marks: &super::Marks,
    href: impl Fn(&str) -> String,
) -> IndexView {
    let mut view = sanitize::with_base(BaseUrl::of_project(project), || {
        index_view_of(project, registers, draft, href)
    });
    if draft {
        view.marks = marks.of_index();
    }
    view
}

fn index_view_of(
    project: &Project,
    registers: &[Listing],
    draft: bool,
    href: impl Fn(&str) -> String,
) -> IndexView {
    use super::combined as c;
    // A register published only in a combined notice links to its section there.
    let link = |id: &str| match c::published_in(project, id) {
        Some(n) => format!("{}#{id}", href(&c::notice_id(n))),
        None => href(id),
    };
    let title_link = |d: &Listing| {
        nonblank(&d.title)
            .map(|t| Md::raw(sanitize::link_text(t.value.as_str())))
            .filter(|m| !m.is_empty())
    };
    let combined: Vec<CombinedEntry> = c::notices(project)
        .map(|n| {
            let id = c::notice_id(n);
            let docs: Vec<&Listing> = c::register_ids(n)
                .iter()
                .filter_map(|r| registers.iter().find(|d| &d.id == r))
                .collect();
            CombinedEntry {
                title: nonblank(&n.title)
                    .map(|t| Md::raw(sanitize::link_text(t.value.as_str())))
                    .filter(|m| !m.is_empty()),
                title_plain: nonblank(&n.title)
                    .map(|t| markdown::plain(t.value.as_str()))
                    .unwrap_or_else(|| id.clone()),
                updated: docs
                    .iter()
                    .filter_map(|d| d.updated.as_ref())
                    .map(|u| u.value.0.format("%Y-%m-%d").to_string())
                    .max(),
                href: Md::raw(href(&id)),
                registers: docs
                    .iter()
                    .map(|d| CombinedEntryRegister {
                        title: title_link(d).unwrap_or_else(|| Md::raw(escape(&d.id))),
                        href: Md::raw(format!("{}#{}", href(&id), d.id)),
                    })
                    .collect(),
                id,
            }
        })
        .collect();
    let all_separate = registers.iter().all(|d| c::has_own_page(project, &d.id));
    let mut entries: Vec<IndexEntry> = registers
        .iter()
        .map(|d| IndexEntry {
            id: d.id.clone(),
            title: nonblank(&d.title)
                .map(|t| Md::raw(sanitize::link_text(t.value.as_str())))
                .filter(|m| !m.is_empty()),
            title_plain: nonblank(&d.title)
                .map(|t| markdown::plain(t.value.as_str()))
                .unwrap_or_else(|| d.id.clone()),
            updated: d
                .updated
                .as_ref()
                .map(|u| u.value.0.format("%Y-%m-%d").to_string()),
            href: Md::raw(link(&d.id)),
            data_subjects: d
                .data_subjects
                .iter()
                .filter(|s| !s.text().is_blank())
                // Without links, as the titles: the index's links are its own.
                .map(|s| Md::raw(sanitize::link_text(s.text().as_str())))
                .filter(|m| !m.is_empty())
                .collect(),
        })
        .collect();
    // Each title lowered once, not twice per comparison: 50,000 registers make 800,000.
    entries.sort_by_cached_key(|e| (e.title_plain.to_lowercase(), e.id.clone()));
    IndexView {
        marks: Vec::new(),
        controller: controller_view(project),
        dpo: project.dpo().map(ContactView::of),
        registers: entries,
        draft,
        combined,
        all_separate,
    }
}
