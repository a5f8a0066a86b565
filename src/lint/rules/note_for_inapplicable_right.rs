//! `note-for-inapplicable-right`: a note on a right that the register's legal bases exclude.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::{Right, RightNote, Spanned, nonblank};

/// The rule.
pub static RULE: Rule = Rule {
    name: "note-for-inapplicable-right",
    articles: &["Art 7(3)", "Art 19", "Art 21", "Art 22", "Art 13(2)(b)"],
    severity: Severity::Warning,
    section: Section::Rights,
    summary: "a note is given for a right that does not apply, so the notice will not show it",
    explanation: r#"## What it checks
That `rights.withdraw_consent`, `rights.objection`, `rights.automated_decisions` and
`rights.notification` carry a note only when that right applies to the register: withdrawal
where a purpose rests on consent (or special categories on explicit consent), objection where a
purpose rests on a public task or legitimate interests or is direct marketing, the Art 22 right
where automated decisions are listed, the Art 19 notification where recipients are listed.

## Why
seloste derives the rights from the legal bases, and states only those that apply. A note for
a right that does not apply is left out of the notice — and it usually means the notice and its
bases disagree: a copied paragraph about withdrawing consent in a register that uses no
consent, or a purpose that really is direct marketing without `direct_marketing: true`. Decide
which is right: fix the purpose, or remove the note.

## Example
```yaml
purposes:
  - description: Kameravalvonta
    legal_basis: legitimate_interests
    legitimate_interest: Omaisuuden suojaaminen
rights:
  withdraw_consent:        # nothing here rests on consent: the note would be dropped
    note: Voit peruuttaa suostumuksesi milloin tahansa.
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

/// A note, its right, whether the register says enough to tell, whether the right applies, why
/// not, and what to do.
struct Check<'a>(
    &'a Option<Spanned<RightNote>>,
    Right,
    bool,
    bool,
    &'static str,
    &'static str,
);

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    let Some(notes) = &cx.register.rights else {
        return;
    };
    let r = cx.register;
    // Whether a right applies is known only when the register says enough: every purpose with
    // its basis, and automated decisions listed or `none`. Otherwise other rules report the gap.
    let bases_known =
        !r.purposes().is_empty() && r.purposes().iter().all(|p| !p.bases().is_empty());
    let decisions_known = r.automated_decisions.is_some();
    let derived = &cx.applies.rights;
    let applies = |right: Right| derived.iter().any(|d| d.right == right && d.applies());
    let objection_named = r.purposes().iter().any(|p| {
        p.is_direct_marketing()
            || p.bases().iter().any(|b| {
                matches!(
                    b,
                    crate::model::LegalBasis::PublicTask
                        | crate::model::LegalBasis::LegitimateInterests
                )
            })
    });
    // Unstated recipients are `missing-recipients`; stated ones that bring no Art 19 can only
    // be `none` (a list or the hedge `not_regularly` brings it).
    let recipients_known = !cx.applies.recipients_missing;
    let checks: [Check<'_>; 4] = [
        Check(
            &notes.withdraw_consent,
            Right::WithdrawConsent,
            bases_known,
            applies(Right::WithdrawConsent),
            "no purpose rests on consent",
            "if a purpose rests on consent, add `consent` to its `legal_basis`; otherwise remove the note",
        ),
        Check(
            &notes.objection,
            Right::Objection,
            bases_known,
            applies(Right::Objection) && objection_named,
            "no purpose rests on a public task or legitimate interests, and none is marked as direct marketing",
            "if a purpose is direct marketing, mark it `direct_marketing: true`; otherwise remove the note",
        ),
        Check(
            &notes.automated_decisions,
            Right::AutomatedDecisions,
            decisions_known,
            applies(Right::AutomatedDecisions),
            "`automated_decisions` says there are none",
            "if decisions are made automatically, list them under `automated_decisions`; otherwise remove the note",
        ),
        Check(
            &notes.notification,
            Right::Notification,
            recipients_known,
            applies(Right::Notification),
            "`recipients` says there are none",
            "if the data are disclosed to anyone, list the recipients under `recipients`; otherwise remove the note",
        ),
    ];
    for Check(note, right, known, applies, why, help) in checks {
        let Some(note) = note else { continue };
        if !known
            || applies
            || (nonblank(&note.note).is_none() && nonblank(&note.restriction).is_none())
        {
            continue;
        }
        out.at(
            note.pos,
            format!(
                "a note on `{}` ({}), which does not apply: {why}",
                right.name(),
                right.article()
            ),
        )
        .label("left out of the notice")
        .help(help);
    }
}
