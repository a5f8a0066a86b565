//! The view of a combined notice: several registers on one page.
//!
//! What concerns the controller and the person is said once — the controller, the contacts,
//! the DPO, the rights, the complaint, and the security text when every register says the
//! same — and each register's own sections (`sections.md`, rendered with the register's own
//! view, headings one level down and ids prefixed with the register's id) stand under its
//! heading. The rights are each register's, as [`Applicability`] derives them, laid side by
//! side by [`crate::applicability::combined`]: a right is said once, with the registers it
//! reaches when it does not reach all, each register's purposes and notes named with it.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{
    AuthorityView, ContactView, ControllerView, ExclusionView, Md, NoteInView, NoteView,
    ObjectionView, RegisterView, RightNoteView, RightView, RightsView, WithdrawView, block, inline,
};
use crate::applicability::Applicability;
use crate::applicability::combined::{RightAcross, objection_grounds_across, rights_across};
use crate::applicability::rights::{DerivedRight, Exclusion, Reach};
use crate::model::{CombinedNotice, Project, RegisterDoc, Right, nonblank};
use crate::render::links::BaseUrl;
use crate::render::{markdown, sanitize};

/// One register of a combined notice, as the page shows it.
#[derive(Clone, Debug, Serialize)]
pub struct PartView {
    /// The register's id: the id of its heading, and what its sections' ids start with.
    id: String,
    /// The id as the heading's id and the link's target (a slug: written as it is).
    anchor: Md,
    title: Option<Md>,
    title_plain: String,
    /// Its own introduction (`description` of the register).
    description: Option<Md>,
    /// Its sections, rendered from `sections.md` (and `security.md`, `extra.md`).
    body: Md,
}

/// Everything `combined.md` sees. The parts it includes (`callout.md`, `controller.md`,
/// `security.md`, `rights.md`) see the same names as on a register's page.
#[derive(Clone, Debug, Serialize)]
pub struct CombinedView {
    id: String,
    marks: BTreeMap<&'static str, Vec<crate::render::marks::Mark>>,
    title: Option<Md>,
    title_plain: String,
    description: Option<Md>,
    /// The latest `updated` of its registers.
    updated: Option<String>,
    draft: bool,
    art13: bool,
    art14: bool,
    controller: ControllerView,
    representative: Option<ContactView>,
    contacts: Vec<ContactView>,
    dpo: Option<ContactView>,
    authority: AuthorityView,
    registers: Vec<PartView>,
    /// No purposes of its own: each register's are in its part.
    purposes: Vec<()>,
    rights: RightsView,
    objection: ObjectionView,
    withdraw: WithdrawView,
    complaint: NoteView,
    /// The security text, when every register says the same (else each part says its own).
    security: Option<Md>,
    /// The sections every register's part says word for word alike (no transfers, the same
    /// cookies, the same further sections), said once after the registers.
    common: Md,
    hx: Md,
    at: Md,
    combined: bool,
}

impl CombinedView {
    /// The notice's plain title, for file metadata.
    pub fn title_plain(&self) -> &str {
        &self.title_plain
    }

    /// The latest `updated` date of its registers, in ISO form.
    pub fn updated_iso(&self) -> Option<&str> {
        self.updated.as_deref()
    }
}

impl RegisterView {
    /// Makes this the view of one register's part in a combined notice: headings one level
    /// down, ids starting with the register's id.
    pub fn as_part(&mut self) {
        self.hx = Md::raw("#".into());
        self.at = Md::raw(format!("{}-", self.id));
        self.combined = true;
    }

    /// Resolves the references of the register's texts that the combined page shows outside
    /// the part — its introduction and its notes on the rights, on objection, withdrawal and
    /// the complaint — as texts of this register (`#sailytysaika` is its own section). A note
    /// that then differs between registers is said with each register's name, not once.
    pub fn resolve_texts(&mut self, resolve: impl Fn(&str) -> String) {
        let resolve = |m: &mut Option<Md>| {
            if let Some(d) = m.as_ref() {
                *m = Some(Md::raw(resolve(text_of(d))));
            }
        };
        resolve(&mut self.description);
        resolve(&mut self.rights.exercise);
        for r in &mut self.rights.all {
            resolve(&mut r.note);
            resolve(&mut r.restriction);
        }
        resolve(&mut self.objection.note);
        resolve(&mut self.withdraw.note);
        resolve(&mut self.complaint.note);
    }
}

fn text_of(m: &Md) -> &str {
    m.0.as_str().unwrap_or("")
}

fn same(a: &Option<Md>, b: &Option<Md>) -> bool {
    a.as_ref().map(text_of) == b.as_ref().map(text_of)
}

/// Whether every register says the same security text (or none does): the page then says
/// it once. A text that refers by id to a section (`[säilytysaika](#sailytysaika)`) stays with
/// each register, where the reference leads to that register's own section; said once, it
/// would lead to a section the page has only per register.
pub fn security_said_once(views: &[RegisterView]) -> bool {
    views
        .windows(2)
        .all(|w| same(&w[0].security, &w[1].security))
        && views.iter().all(|v| {
            v.security
                .as_ref()
                .is_none_or(|m| sanitize::reference_links(text_of(m)).is_empty())
        })
}

/// Each register's note, said once when every register of the page (`registers` of them)
/// has the same one, else with the register it belongs to.
fn attributed(notes: Vec<(Md, Option<Md>)>, registers: usize) -> (Option<Md>, Vec<NoteInView>) {
    let all_same = !notes.is_empty()
        && notes.len() == registers
        && notes.iter().all(|(_, n)| n.is_some())
        && notes.windows(2).all(|w| same(&w[0].1, &w[1].1));
    if all_same {
        return (notes.into_iter().next().and_then(|(_, n)| n), Vec::new());
    }
    let list = notes
        .into_iter()
        .filter_map(|(register, note)| note.map(|note| NoteInView { register, note }))
        .collect();
    (None, list)
}

fn exclusion_code(e: Exclusion) -> &'static str {
    match e {
        Exclusion::LegalObligationOrPublicTask => "legal_obligation_or_public_task",
        Exclusion::NotConsentOrContract => "not_consent_or_contract",
        Exclusion::NotPublicTaskOrLegitimateInterests => "not_public_task_or_legitimate_interests",
    }
}

fn reach_code(r: Reach) -> &'static str {
    match r {
        Reach::All => "all",
        Reach::Some => "some",
        Reach::None => "none",
    }
}

/// The purposes of register `k` that `d` reaches, as texts (its whole list when it reaches all).
fn reached_texts(view: &RegisterView, d: &DerivedRight) -> Vec<Md> {
    d.reached(view.purposes.len())
        .into_iter()
        .filter_map(|i| view.purposes.get(i).and_then(|p| p.description.clone()))
        .collect()
}

/// One right across the registers, as `rights.md` says it.
fn right_view(
    across: &RightAcross,
    index: usize,
    views: &[RegisterView],
    titles: &[Md],
) -> RightView {
    let own: Vec<&RightView> = views.iter().map(|v| &v.rights.all[index]).collect();
    let reach = across.reach();
    let mut purposes = Vec::new();
    let mut purposes_in = Vec::new();
    let mut exclusions = Vec::new();
    if reach == Reach::Some {
        for (k, d) in across.per.iter().enumerate() {
            // Every register the right reaches names its purposes, so that a register it
            // reaches wholly is not read as left out.
            for p in reached_texts(&views[k], d) {
                purposes.push(p);
                purposes_in.push(titles[k].clone());
            }
            if d.reach == Reach::Some {
                exclusions.extend(own[k].exclusions.iter().map(|e| ExclusionView {
                    purpose: e.purpose.clone(),
                    reason: e.reason,
                    article: e.article,
                    register: Some(titles[k].clone()),
                }));
            }
        }
    }
    let only = across.only();
    let elsewhere = only.as_ref().and(across.reason_elsewhere());
    // A note on a right that follows from what the register does is shown only where it
    // applies, as on the register's page.
    let shown = |k: usize| {
        !matches!(
            across.right,
            Right::Notification | Right::AutomatedDecisions
        ) || across.per[k].applies()
    };
    let notes: Vec<RightNoteView> = (0..views.len())
        .filter(|&k| shown(k))
        .filter(|&k| own[k].note.is_some() || own[k].restriction.is_some())
        .map(|k| RightNoteView {
            register: titles[k].clone(),
            note: own[k].note.clone(),
            restriction: own[k].restriction.clone(),
            law: own[k].law.clone(),
        })
        .collect();
    // The same note and restriction in every register: said once.
    let all_same = notes.len() == views.len()
        && notes.windows(2).all(|w| {
            same(&w[0].note, &w[1].note)
                && same(&w[0].restriction, &w[1].restriction)
                && same(&w[0].law, &w[1].law)
        });
    let (note, restriction, law, notes) = if all_same && !notes.is_empty() {
        let n = &notes[0];
        (
            n.note.clone(),
            n.restriction.clone(),
            n.law.clone(),
            Vec::new(),
        )
    } else {
        (None, None, None, notes)
    };
    RightView {
        right: own[0].right,
        article: own[0].article,
        reach: reach_code(reach),
        purposes,
        exclusions,
        direct_marketing: own.iter().any(|r| r.direct_marketing),
        explicit_consent: own.iter().any(|r| r.explicit_consent),
        note,
        restriction,
        law,
        purposes_in,
        only: only
            .unwrap_or_default()
            .into_iter()
            .map(|k| titles[k].clone())
            .collect(),
        reason_elsewhere: elsewhere.map(exclusion_code),
        article_elsewhere: elsewhere.map(Exclusion::article),
        notes,
    }
}

/// Builds the view of a combined notice from its registers' docs and views (in the notice's
/// order) and their parts rendered (`bodies`).
#[allow(clippy::too_many_arguments)]
pub fn combined_view(
    project: &Project,
    notice: &CombinedNotice,
    id: &str,
    docs: &[&RegisterDoc],
    views: &[RegisterView],
    bodies: Vec<String>,
    common: String,
    opts: &crate::render::RenderOptions,
    marks: &crate::render::Marks,
) -> CombinedView {
    sanitize::with_base(BaseUrl::of_project(project), || {
        combined_view_of(
            project, notice, id, docs, views, bodies, common, opts, marks,
        )
    })
}

#[allow(clippy::too_many_arguments)]
fn combined_view_of(
    project: &Project,
    notice: &CombinedNotice,
    id: &str,
    docs: &[&RegisterDoc],
    views: &[RegisterView],
    bodies: Vec<String>,
    common: String,
    opts: &crate::render::RenderOptions,
    marks: &crate::render::Marks,
) -> CombinedView {
    let titles: Vec<Md> = views
        .iter()
        .map(|v| {
            v.title
                .clone()
                .unwrap_or_else(|| Md::raw(sanitize::escape(&v.id)))
        })
        .collect();
    // The rights: each register's, as applicability derives them, side by side.
    let derived: Vec<Vec<DerivedRight>> = docs
        .iter()
        .map(|d| Applicability::of(&d.register).rights)
        .collect();
    let slices: Vec<&[DerivedRight]> = derived.iter().map(Vec::as_slice).collect();
    let across = rights_across(&slices);
    let all: Vec<RightView> = across
        .iter()
        .enumerate()
        .map(|(i, a)| right_view(a, i, views, &titles))
        .collect();
    let (exercise, exercise_notes) = attributed(
        views
            .iter()
            .zip(&titles)
            .map(|(v, t)| (t.clone(), v.rights.exercise.clone()))
            .collect(),
        views.len(),
    );
    let rights = RightsView {
        all,
        exercise,
        erasure_applies: views.iter().any(|v| v.rights.erasure_applies),
        requests_charged: views.iter().any(|v| v.rights.requests_charged),
        exercise_notes,
    };

    // Objection: each register's purposes it reaches, with the register named.
    let registers: Vec<&crate::model::Register> = docs.iter().map(|d| &d.register).collect();
    let grounds = objection_grounds_across(&registers, &slices, project.is_public_authority());
    let objecting: Vec<usize> = (0..views.len())
        .filter(|&k| views[k].objection.applies)
        .collect();
    let mut objection = ObjectionView {
        applies: !objecting.is_empty(),
        grounds: grounds.code(),
        marketing: Vec::new(),
        general: Vec::new(),
        note: None,
        marketing_in: Vec::new(),
        general_in: Vec::new(),
        notes: Vec::new(),
    };
    for &k in &objecting {
        let o = &views[k].objection;
        objection.marketing.extend(o.marketing.iter().cloned());
        objection
            .marketing_in
            .extend(o.marketing.iter().map(|_| titles[k].clone()));
        objection.general.extend(o.general.iter().cloned());
        objection
            .general_in
            .extend(o.general.iter().map(|_| titles[k].clone()));
    }
    (objection.note, objection.notes) = attributed(
        objecting
            .iter()
            .map(|&k| (titles[k].clone(), views[k].objection.note.clone()))
            .collect(),
        views.len(),
    );

    // Withdrawal: the purposes resting on consent in each register it reaches, named with it.
    let withdraw_index = across
        .iter()
        .position(|a| a.right == Right::WithdrawConsent);
    let mut withdraw = WithdrawView {
        applies: views.iter().any(|v| v.withdraw.applies),
        purposes: Vec::new(),
        alternatives: Vec::new(),
        explicit_consent: views.iter().any(|v| v.withdraw.explicit_consent),
        cookies: views.iter().any(|v| v.withdraw.cookies),
        note: None,
        purposes_in: Vec::new(),
        alternatives_in: Vec::new(),
        notes: Vec::new(),
        cookies_at: Md::raw(
            views
                .iter()
                .find(|v| v.withdraw.cookies)
                .map(|v| format!("{}-", v.id))
                .unwrap_or_default(),
        ),
    };
    let withdrawing: Vec<usize> = (0..views.len())
        .filter(|&k| views[k].withdraw.applies)
        .collect();
    for &k in &withdrawing {
        let w = &views[k].withdraw;
        let d = withdraw_index.map(|i| &across[i].per[k]);
        let (purposes, alternatives) = match d {
            // Every purpose rests on consent: the register's page lists none, the combined
            // page names them all, since other registers' purposes do not.
            Some(d) if d.reach == Reach::All => {
                let mut p = Vec::new();
                let mut a = Vec::new();
                for (i, pv) in views[k].purposes.iter().enumerate() {
                    if let Some(t) = pv.description.clone() {
                        if d.uncertain.contains(&i) {
                            a.push(t);
                        } else {
                            p.push(t);
                        }
                    }
                }
                (p, a)
            }
            _ => (w.purposes.clone(), w.alternatives.clone()),
        };
        withdraw
            .purposes_in
            .extend(purposes.iter().map(|_| titles[k].clone()));
        withdraw.purposes.extend(purposes);
        withdraw
            .alternatives_in
            .extend(alternatives.iter().map(|_| titles[k].clone()));
        withdraw.alternatives.extend(alternatives);
    }
    (withdraw.note, withdraw.notes) = attributed(
        withdrawing
            .iter()
            .map(|&k| (titles[k].clone(), views[k].withdraw.note.clone()))
            .collect(),
        views.len(),
    );
    let (complaint_note, complaint_notes) = attributed(
        views
            .iter()
            .zip(&titles)
            .map(|(v, t)| (t.clone(), v.complaint.note.clone()))
            .collect(),
        views.len(),
    );

    // The contacts of every register, each once, with the registers it is for when a register
    // has contacts of its own.
    let mut contacts: Vec<ContactView> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let mut of: Vec<Vec<usize>> = Vec::new();
    for (k, v) in views.iter().enumerate() {
        for c in &v.contacts {
            let key = serde_json::to_string(c).unwrap_or_default();
            match seen.iter().position(|s| *s == key) {
                Some(i) => of[i].push(k),
                None => {
                    seen.push(key);
                    contacts.push(c.clone());
                    of.push(vec![k]);
                }
            }
        }
    }
    for (c, registers) in contacts.iter_mut().zip(&of) {
        if registers.len() < views.len() {
            c.registers = registers.iter().map(|&k| titles[k].clone()).collect();
        }
    }
    let security_once = security_said_once(views);
    let first = views.first();
    let title_plain = nonblank(&notice.title)
        .map(|t| markdown::plain(t.value.as_str()))
        .unwrap_or_else(|| id.to_string());
    CombinedView {
        id: id.to_string(),
        marks: if opts.draft {
            let mut m = marks.of_registers(docs);
            if !security_once {
                m.insert("security", Vec::new());
            }
            m
        } else {
            crate::render::Marks::none().of_registers(&[])
        },
        title: inline(&notice.title),
        title_plain,
        description: block(&notice.description),
        updated: views.iter().filter_map(|v| v.updated.clone()).max(),
        draft: opts.draft,
        art13: views.iter().any(|v| v.art13),
        art14: views.iter().any(|v| v.art14),
        controller: super::controller_view(project),
        representative: first.and_then(|v| v.representative.clone()),
        contacts,
        dpo: first.and_then(|v| v.dpo.clone()),
        authority: super::authority_view(project),
        registers: views
            .iter()
            .zip(docs)
            .zip(bodies)
            .zip(&titles)
            .map(|(((v, doc), body), t)| PartView {
                id: v.id.clone(),
                anchor: Md::raw(v.id.clone()),
                title: Some(t.clone()),
                title_plain: v.title_plain.clone(),
                // What the page's own introduction says already is not said again.
                description: v
                    .description
                    .clone()
                    .filter(|_| written(&doc.register.description) != written(&notice.description)),
                body: Md::raw(body),
            })
            .collect(),
        purposes: Vec::new(),
        rights,
        objection,
        withdraw,
        complaint: NoteView {
            note: complaint_note,
            notes: complaint_notes,
        },
        security: if security_once {
            first.and_then(|v| v.security.clone())
        } else {
            None
        },
        common: Md::raw(common),
        hx: Md::raw(String::new()),
        at: Md::raw(String::new()),
        combined: true,
    }
}

/// A text as written, trimmed; `None` when blank or not given.
fn written(t: &Option<crate::model::Spanned<crate::model::Text>>) -> Option<&str> {
    nonblank(t).map(|t| t.value.as_str().trim())
}
