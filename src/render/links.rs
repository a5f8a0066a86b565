//! Relative links in user text (`[ohjeet](ohjeet.html)`, `[lomake](/lomakkeet/)`), made
//! absolute against the project's `settings.base_url` so that they keep their target wherever
//! the notice is published.
//!
//! Resolution follows RFC 3986 §5.2 for the one kind of reference it accepts: a relative
//! reference without scheme or authority ([`is_relative_target`]). The result always starts
//! with the base's own `http(s)://host`, so no reference can make it another scheme or another
//! host; the sanitiser then applies its usual link rules to it as to any other address.

use super::sanitize::is_relative_url;
use crate::identifiers::is_valid_web_url;

/// Whether a link target in user text is relative to the site it is published on: a path,
/// `?query` or `../up`, but not an in-page `#anchor` (which points into the notice itself) and
/// nothing with a scheme or a host (see [`is_relative_url`]).
pub fn is_relative_target(url: &str) -> bool {
    let u = url.trim();
    is_relative_url(u) && !u.starts_with('#')
}

/// Whether a link target in user text is an in-page anchor (`#oikeudet`): it points at a
/// heading of the notice itself, and is kept as it is. Only letters, digits, `-` and `_`
/// after the `#` — the form of the notice's own heading ids — so nothing else can ride on it.
pub fn is_in_page_anchor(url: &str) -> bool {
    url.strip_prefix('#').is_some_and(|id| {
        !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    })
}

/// An absolute `http` or `https` address that relative links are resolved against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseUrl {
    /// `https://host[:port]`, the scheme lower-cased.
    origin: String,
    /// The path, starting with `/`.
    path: String,
    /// The query, without `?`.
    query: Option<String>,
}

impl BaseUrl {
    /// The project's `settings.base_url`, if it sets a valid one (`invalid-url` reports one
    /// that is not).
    pub fn of_project(project: &crate::model::Project) -> Option<BaseUrl> {
        project
            .config
            .settings
            .as_ref()
            .and_then(|s| s.value.base_url.as_ref())
            .and_then(|b| BaseUrl::parse(&b.value))
    }

    /// The base for `s`, if it is a valid absolute web address (its fragment is ignored).
    pub fn parse(s: &str) -> Option<BaseUrl> {
        let s = s.trim();
        if !is_valid_web_url(s) {
            return None;
        }
        let s = s.split('#').next().unwrap_or(s);
        let (scheme, rest) = s.split_once("://")?;
        let scheme = scheme.to_ascii_lowercase();
        let end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, rest) = rest.split_at(end);
        let (path, query) = match rest.split_once('?') {
            Some((p, q)) => (p, Some(q.to_string())),
            None => (rest, None),
        };
        Some(BaseUrl {
            origin: format!("{scheme}://{authority}"),
            path: if path.is_empty() { "/" } else { path }.to_string(),
            query,
        })
    }

    /// `reference` made absolute, if it is a relative target ([`is_relative_target`]) and the
    /// result is a valid web address on the base's host; `None` leaves the link as it was.
    pub fn resolve(&self, reference: &str) -> Option<String> {
        let r = reference.trim();
        if !is_relative_target(r) {
            return None;
        }
        let (r, fragment) = match r.split_once('#') {
            Some((r, f)) => (r, Some(f)),
            None => (r, None),
        };
        let (path, query) = match r.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (r, None),
        };
        let (path, query) = if path.is_empty() {
            (self.path.clone(), query.or(self.query.as_deref()))
        } else if path.starts_with('/') {
            (remove_dot_segments(path), query)
        } else {
            let dir = &self.path[..self.path.rfind('/').map_or(0, |i| i + 1)];
            (remove_dot_segments(&format!("{dir}{path}")), query)
        };
        let mut out = format!("{}{path}", self.origin);
        if let Some(q) = query {
            out.push('?');
            out.push_str(q);
        }
        if let Some(f) = fragment {
            out.push('#');
            out.push_str(f);
        }
        // Belt and braces: whatever the reference, the link stays on the base's host.
        let on_host = out
            .strip_prefix(&self.origin)
            .is_some_and(|rest| rest.starts_with('/'));
        (on_host && is_valid_web_url(&out)).then_some(out)
    }
}

/// RFC 3986 §5.2.4 for an absolute path: `.` and `..` segments go, never above the root.
fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let last = segments.len().saturating_sub(1);
    for (i, s) in segments.iter().enumerate() {
        match *s {
            "." | ".." => {
                if *s == ".." {
                    out.pop();
                }
                // A trailing `.` or `..` names a directory: keep its slash.
                if i == last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    format!("/{}", out.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base(s: &str) -> BaseUrl {
        BaseUrl::parse(s).unwrap()
    }

    #[test]
    fn references_resolve_as_rfc_3986_says() {
        let b = base("https://www.esimerkki.fi/tietosuoja/seloste.html?v=1#x");
        let r = |s| b.resolve(s);
        assert_eq!(
            r("ohjeet.html").as_deref(),
            Some("https://www.esimerkki.fi/tietosuoja/ohjeet.html")
        );
        assert_eq!(
            r("../lomakkeet/").as_deref(),
            Some("https://www.esimerkki.fi/lomakkeet/")
        );
        assert_eq!(
            r("/a/./b/../c?q=1#k").as_deref(),
            Some("https://www.esimerkki.fi/a/c?q=1#k")
        );
        assert_eq!(
            r("../../../../x").as_deref(),
            Some("https://www.esimerkki.fi/x")
        );
        assert_eq!(
            r("?sivu=2").as_deref(),
            Some("https://www.esimerkki.fi/tietosuoja/seloste.html?sivu=2")
        );
        assert_eq!(
            r("a/..").as_deref(),
            Some("https://www.esimerkki.fi/tietosuoja/")
        );
        let root = base("https://esimerkki.fi");
        assert_eq!(
            root.resolve("tietosuoja").as_deref(),
            Some("https://esimerkki.fi/tietosuoja")
        );
    }

    #[test]
    fn nothing_but_a_relative_path_is_resolved() {
        let b = base("https://esimerkki.fi/");
        for not in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "data:text/html,x",
            "//evil.example/x",
            "\\\\evil.example",
            "/\\evil.example",
            "#ankkuri",
            "https://muu.example/",
            "mailto:a@b.fi",
            "a b.html",
            "a\tb",
            "",
        ] {
            assert_eq!(b.resolve(not), None, "{not:?}");
        }
        // A colon after the first slash is a path, and stays on the host.
        assert_eq!(
            b.resolve("x/javascript:alert(1)").as_deref(),
            Some("https://esimerkki.fi/x/javascript:alert(1)")
        );
    }

    #[test]
    fn only_a_web_address_is_a_base() {
        for bad in [
            "esimerkki.fi",
            "ftp://esimerkki.fi/",
            "javascript:alert(1)",
            "https://user@esimerkki.fi/",
            "/tietosuoja/",
        ] {
            assert_eq!(BaseUrl::parse(bad), None, "{bad}");
        }
        assert_eq!(
            base("http://esimerkki.fi:8080/a").origin,
            "http://esimerkki.fi:8080"
        );
    }
}
