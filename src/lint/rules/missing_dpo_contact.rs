//! `missing-dpo-contact`: a DPO without contact details.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::{Findings, ProjectContext, Rule};
use crate::model::channels::any_given;
use crate::model::{NoneOr, nonblank};

/// The rule.
pub static RULE: Rule = Rule {
    name: "missing-dpo-contact",
    articles: &["Art 13(1)(b)", "Art 14(1)(b)", "Art 37(7)"],
    severity: Severity::Error,
    section: Section::Dpo,
    summary: "a data protection officer is designated but has no contact details",
    explanation: r#"## What it checks
That a `dpo` in `seloste.yaml` (unless `dpo: none`) has an `email`, a `phone` or a postal
`address`.

## Why
Where a data protection officer is designated, Art 13(1)(b) and 14(1)(b) require "the contact
details of the data protection officer", and Art 37(7) requires the controller to publish
them. The name alone is not required; a way to reach the DPO is. A functional address such
as `tietosuojavastaava@esimerkki.fi` is the usual and best choice.

## Example
```yaml
dpo:
  name: Erja Esimerkki
  email: tietosuojavastaava@esimerkki.fi
```
"#,
    project: Some(check),
    register: None,
    text: None,
};

fn check(cx: &ProjectContext<'_>, out: &mut Findings) {
    let Some(dpo) = &cx.project.config.dpo else {
        return;
    };
    let NoneOr::Some(d) = &dpo.value else { return };
    let has = any_given(&d.email) || any_given(&d.phone) || nonblank(&d.address).is_some();
    if !has {
        out.at(dpo.pos, "the data protection officer has no contact details")
            .label("DPO without e-mail, phone or address")
            .help("add the DPO's `email` (a functional address such as tietosuojavastaava@…), `phone` or `address`");
    }
}
