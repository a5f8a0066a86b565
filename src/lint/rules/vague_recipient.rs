//! `vague-recipient`: a recipient named only as "third parties", "authorities" or the like.

use crate::applicability::Section;
use crate::diagnostic::Severity;
use crate::lint::text::{fold_case, quote};
use crate::lint::{Findings, RegisterContext, Rule};
use crate::model::nonblank;

/// The rule.
pub static RULE: Rule = Rule {
    name: "vague-recipient",
    articles: &["Art 13(1)(e)", "Art 14(1)(e)", "WP260 rev.01"],
    severity: Severity::Warning,
    section: Section::Recipients,
    summary: "a recipient is named only by a generic word such as \"kolmannet osapuolet\" or \"viranomaiset\"",
    explanation: r#"## What it checks
That no recipient's `name` is just a generic word: *kolmas osapuoli*, *kolmannet osapuolet*,
*viranomaiset*, *yhteistyökumppanit*, *palveluntarjoajat*, *alihankkijat*, *sidosryhmät*,
*muut* (and their inflected forms), or in English *third parties*, *partners*, *authorities*,
*service providers*.

## Why
The transparency guidelines (WP260 rev.01) read Art 13(1)(e) as requiring recipients to be
named by default; where only categories are given, they must be as specific as possible —
the type of recipient by its activity, industry, sector and location. "Third parties" tells
the person nothing about where their data go. Name the recipient ("Kela", "Tilitoimisto
Laskenta Oy") or a specific category ("vakuutusyhtiöt lakisääteisen tapaturmavakuutuksen
korvausasioissa").

## Example
```yaml
# Vague:
  - name: Viranomaiset
# Specific:
  - name: Poliisi, rikosepäilyn selvittämiseksi
    role: authority
```
"#,
    project: None,
    register: Some(check),
    text: None,
};

/// Generic names, case-folded, in their common inflected forms.
const GENERIC: &[&str] = &[
    "kolmas osapuoli",
    "kolmannet osapuolet",
    "kolmansille osapuolille",
    "kolmannelle osapuolelle",
    "viranomaiset",
    "viranomaisille",
    "viranomainen",
    "yhteistyökumppani",
    "yhteistyökumppanit",
    "yhteistyökumppaneille",
    "kumppani",
    "kumppanit",
    "palveluntarjoaja",
    "palveluntarjoajat",
    "palveluntarjoajille",
    "ulkopuolinen palveluntarjoaja",
    "ulkopuoliset palveluntarjoajat",
    "ulkopuolisille palveluntarjoajille",
    "alihankkija",
    "alihankkijat",
    "alihankkijoille",
    "sidosryhmät",
    "sidosryhmille",
    "muut",
    "muille",
    "third parties",
    "third party",
    "partners",
    "authorities",
    "service providers",
];

fn check(cx: &RegisterContext<'_>, out: &mut Findings) {
    for r in cx.register.recipients() {
        let Some(name) = nonblank(&r.name) else {
            continue;
        };
        let plain = fold_case(&quote(name.value.as_str()));
        let plain = plain.trim_matches(|c: char| !c.is_alphanumeric());
        if GENERIC.contains(&plain) {
            out.at(
                name.pos,
                format!(
                    "“{}” does not say who receives the data",
                    quote(name.value.as_str())
                ),
            )
            .label("a generic name")
            .help("name the recipient, or a specific category by its activity, sector or location");
        }
    }
}
