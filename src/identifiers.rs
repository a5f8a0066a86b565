//! Finnish and general identifiers: business ID (Y-tunnus), e-mail addresses, phone numbers
//! and web addresses, as the lint checks them.

/// A safe name made of `text`: lower case ASCII letters, digits and `_`, every letter or digit
/// of another script transliterated (`ä` → `a`, `Š` → `s`, `ß` → `ss`, `北京` → `bei-jing`) and
/// every other run of characters — spaces, punctuation, `/`, symbols, emoji — turned into one
/// `-`. Combining marks are dropped, so a name in decomposed form (as macOS writes file names)
/// gives the same slug as the composed one. Used for register ids (file names, URLs) and
/// heading ids; may be empty.
///
/// Letters are transliterated by the `deunicode` crate, which folds the Finnish letters as
/// Finnish writes them without diacritics (`å`, `ä` → `a`, `ö` → `o`; not the German `ae`,
/// `oe`: a test below holds it to that). Symbols and emoji separate words even where
/// `deunicode` has a name for them (`🦄` is not `unicorn`).
pub fn slug(text: &str) -> String {
    // A separator is written only between two parts, never at the start or the end.
    fn push(s: &mut String, c: char, separate: &mut bool) {
        if c.is_ascii_alphanumeric() || c == '_' {
            if *separate && !s.is_empty() {
                s.push('-');
            }
            *separate = false;
            s.push(c.to_ascii_lowercase());
        } else {
            *separate = true;
        }
    }
    let mut s = String::with_capacity(text.len());
    let mut separate = false;
    for c in text.chars() {
        if c.is_ascii() {
            push(&mut s, c, &mut separate);
            continue;
        }
        let folded = match c {
            c if c.is_alphanumeric() => deunicode::deunicode_char(c).unwrap_or(" "),
            // Combining marks, joiners and the like transliterate to nothing: they neither
            // make a letter nor separate two words.
            c if deunicode::deunicode_char(c) == Some("") => "",
            _ => " ",
        };
        for t in folded.chars() {
            push(&mut s, t, &mut separate);
        }
    }
    s
}

/// Why a business ID is not valid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BusinessIdError {
    /// Not of the form `NNNNNNN-C`.
    Format,
    /// The weighted sum leaves remainder 1: no ID is issued with these digits.
    NeverIssued,
    /// The check digit does not match the seven digits.
    CheckDigit {
        /// The check digit the seven digits call for.
        expected: u32,
    },
}

/// Checks a Finnish business ID (Y-tunnus): seven digits, a hyphen and a check digit. Weights
/// 7, 9, 10, 5, 8, 4, 2; r = sum mod 11; check digit 0 if r = 0, none exists if r = 1,
/// otherwise 11 − r.
pub fn check_business_id(id: &str) -> Result<(), BusinessIdError> {
    let b = id.trim().as_bytes();
    if b.len() != 9 || b[7] != b'-' || !b[..7].iter().chain(&b[8..]).all(u8::is_ascii_digit) {
        return Err(BusinessIdError::Format);
    }
    const WEIGHTS: [u32; 7] = [7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = b[..7]
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    let expected = match sum % 11 {
        0 => 0,
        1 => return Err(BusinessIdError::NeverIssued),
        r => 11 - r,
    };
    if u32::from(b[8] - b'0') == expected {
        Ok(())
    } else {
        Err(BusinessIdError::CheckDigit { expected })
    }
}

/// Whether `s` is a plausible e-mail address: one `@`, a local part of the characters RFC 5322
/// allows unquoted, and a domain of at least two labels whose last is alphabetic.
pub fn is_valid_email(s: &str) -> bool {
    let s = s.trim();
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
    local_ok && is_valid_domain(domain)
}

/// Whether `domain` is a plausible host name: labels of letters, digits and hyphens (letters
/// may be non-ASCII, as in IDNs), not starting or ending with a hyphen, and an alphabetic
/// top-level label of at least two letters.
pub fn is_valid_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && domain.len() <= 253
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic))
}

/// Why a phone number is not valid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhoneError {
    /// Holds characters other than digits, spaces, `+`, `-`, `(`, `)` and `/`.
    Characters,
    /// A national number must start with 0, or use the international form `+358 …`.
    NoPrefix,
    /// Too few or too many digits for a phone number.
    Length,
}

/// Checks a phone number in Finnish national form (`029 566 6700`, `(09) 123 4567`) or in
/// international form (`+358 29 566 6700`, at most 15 digits as E.164 allows).
pub fn check_phone(s: &str) -> Result<(), PhoneError> {
    let t = s.trim();
    if !t
        .chars()
        .all(|c| c.is_ascii_digit() || " +-()/\u{a0}".contains(c))
    {
        return Err(PhoneError::Characters);
    }
    // "+358 (0)9 …" writes the national trunk prefix in brackets; it is not dialled.
    let t = &t.replacen("(0)", "", 1);
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    if let Some(rest) = t.strip_prefix('+') {
        if rest.contains('+') {
            return Err(PhoneError::Characters);
        }
        let finnish = digits.strip_prefix("358");
        return match finnish {
            // +358 and a national number without its leading 0: 4–11 digits.
            Some(n) if (4..=11).contains(&n.len()) && !n.starts_with('0') => Ok(()),
            Some(_) => Err(PhoneError::Length),
            None if (7..=15).contains(&digits.len()) => Ok(()),
            None => Err(PhoneError::Length),
        };
    }
    if t.contains('+') {
        return Err(PhoneError::Characters);
    }
    if !digits.starts_with('0') {
        return Err(PhoneError::NoPrefix);
    }
    if (5..=12).contains(&digits.len()) {
        Ok(())
    } else {
        Err(PhoneError::Length)
    }
}

/// The length of the `http://` or `https://` that `s` starts with, in any case (a scheme is
/// case-insensitive: `HTTPS://` is `https://`).
pub fn web_scheme_len(s: &str) -> Option<usize> {
    ["https://", "http://"].into_iter().find_map(|scheme| {
        s.get(..scheme.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(scheme))
            .then_some(scheme.len())
    })
}

/// Whether `s` is an absolute `http` or `https` address a reader can open: parsed as browsers
/// parse it (the `url` crate, WHATWG URL), with a host that is a domain of at least two labels
/// (an IDN such as `esimerkki.ä.fi` or a punycode top-level label such as `xn--p1ai` included),
/// an IPv6 literal (`[2001:db8::1]`) or an IPv4 address written in dotted form, and without
/// user information. Forms a browser would repair but a reader could not copy as written are
/// refused: white space, backslashes, a scheme not followed by `//` and a host (`http:/x`,
/// `https:///x.fi`).
pub fn is_valid_web_url(s: &str) -> bool {
    let t = s.trim();
    let Some(rest) = web_scheme_len(t).map(|n| &t[n..]) else {
        return false;
    };
    if rest.is_empty() || rest.starts_with('/') || t.chars().any(|c| c.is_whitespace() || c == '\\')
    {
        return false;
    }
    let Ok(url) = url::Url::parse(t) else {
        return false;
    };
    if !url.username().is_empty() || url.password().is_some() {
        return false;
    }
    match url.host() {
        Some(url::Host::Domain(domain)) => is_public_host_name(domain),
        Some(url::Host::Ipv6(_)) => true,
        // The WHATWG parser reads `https://1.2` as 1.0.0.2: only the dotted form as written.
        Some(url::Host::Ipv4(ip)) => {
            let end = rest.find(['/', '?', '#', ':']).unwrap_or(rest.len());
            rest[..end] == ip.to_string()
        }
        None => false,
    }
}

/// Whether `domain`, an ASCII host name as the URL parser gives it (IDNs in punycode, lower
/// case), has at least two labels of letters, digits and hyphens, none starting or ending with
/// a hyphen, and a top-level label of letters (or punycode, `xn--…`): not `localhost`, not a
/// bare label, no `_`.
fn is_public_host_name(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && domain.len() <= 253
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| {
            tld.starts_with("xn--")
                || (tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
        })
}

/// The JSON Schema `pattern` (ECMA-262, as editors apply it) of a web address: every address
/// [`is_valid_web_url`] accepts matches it, and it refuses what a reader plainly cannot open —
/// no `http(s)://`, no host with a dot (or an IPv6 literal), white space, a backslash, user
/// information. The finer checks stay with the `invalid-url` rule.
pub const WEB_URL_PATTERN: &str =
    r"^\s*[Hh][Tt][Tt][Pp][Ss]?://[^\s/\\@?#]*[.\[][^\s/\\@?#]*([/?#][^\s\\]*)?\s*$";

/// The JSON Schema `pattern` of an e-mail address: every address [`is_valid_email`] accepts
/// matches it; one without `@` or a dotted domain does not.
pub const EMAIL_PATTERN: &str = r"^\s*[^@\s]+@[^@\s.]+(\.[^@\s.]+)+\s*$";

/// The JSON Schema `pattern` of a phone number: every number [`check_phone`] accepts matches
/// it; one with letters or other characters does not.
pub const PHONE_PATTERN: &str = r"^\s*\+?[-0-9 ()/]*[0-9][-0-9 ()/]*\s*$";

/// The JSON Schema `pattern` of a business ID (Y-tunnus, `1234567-8`); the check digit is the
/// `invalid-business-id` rule's.
pub const BUSINESS_ID_PATTERN: &str = r"^\s*[0-9]{7}-[0-9]\s*$";

/// The web addresses written in a text, with their byte offsets: `http://` or `https://` (the
/// scheme in any case) at the start of a word, up to white space, a quote, `<`, `>` or a
/// closing bracket, without the punctuation that ends a sentence after it. An address may be
/// malformed (`http://a b` gives `http://a`) or be its scheme alone: the `invalid-url` rule
/// reports those, and the Markdown output links only what has more than a scheme. One scanner
/// for both, so that what the lint checks is what the notice links.
pub fn web_urls_in(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(rel) = text[from..].find(['h', 'H']) {
            let i = from + rel;
            let rest = &text[i..];
            let starts_word = text[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if let Some(scheme) = web_scheme_len(rest).filter(|_| starts_word) {
                // An IPv6 host is in brackets: its `]` does not end the address.
                let host_end = match rest[scheme..].strip_prefix('[') {
                    Some(h) => h
                        .find(|c: char| c == ']' || c.is_whitespace())
                        .map_or(scheme, |j| {
                            scheme + 1 + j + usize::from(h[j..].starts_with(']'))
                        }),
                    None => scheme,
                };
                let end = rest[host_end..]
                    .find(|c: char| {
                        c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\'' | ')' | ']')
                    })
                    .map_or(rest.len(), |j| host_end + j);
                let url = rest[..end].trim_end_matches(['.', ',', ';', ':', '!', '?']);
                from = i + url.len().max(1);
                return Some((i, url));
            }
            from = i + 1;
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        for (text, want) in [
            ("Asiakasrekisteri", "asiakasrekisteri"),
            ("Työnhakijat", "tyonhakijat"),
            // Decomposed (NFD), as macOS writes file names: the same slug.
            ("Tyo\u{308}nhakijat", "tyonhakijat"),
            ("Åland ÄÖ", "aland-ao"),
            ("Šakkikerho", "sakkikerho"),
            ("Straße", "strasse"),
            ("Työnhakijat 2026/27", "tyonhakijat-2026-27"),
            ("  --Jäsenet -- 2026--  ", "jasenet-2026"),
            ("_index", "_index"),
            ("Smørrebrød", "smorrebrod"),
            ("Æsir", "aesir"),
            ("Ελλάδα", "ellada"),
            ("Москва", "moskva"),
            ("北京", "bei-jing"),
            ("Café ☕ 2", "cafe-2"),
            ("…", ""),
            ("🦄🦄", ""),
            ("", ""),
        ] {
            assert_eq!(slug(text), want, "{text:?}");
        }
    }

    #[test]
    fn web_urls_are_found_in_any_case_and_once() {
        let t = "Katso [ohje](https://esimerkki.fi/ohje). Tai HTTPS://X.fi, ja http://a b, \
                 'https://q.fi' <Http://y.fi/?u=http://z.fi>! ahttp://no https:// \
                 [v6](https://[2001:db8::1]/x), https://[::1";
        let urls: Vec<_> = web_urls_in(t).collect();
        let found: Vec<&str> = urls.iter().map(|(_, u)| *u).collect();
        assert_eq!(
            found,
            [
                "https://esimerkki.fi/ohje",
                "HTTPS://X.fi",
                "http://a",
                "https://q.fi",
                "Http://y.fi/?u=http://z.fi",
                "https://",
                "https://[2001:db8::1]/x",
                "https://[::1",
            ]
        );
        for (i, u) in urls {
            assert_eq!(&t[i..i + u.len()], u);
        }
        assert!(is_valid_web_url("HTTPS://Esimerkki.fi/x"));
        assert_eq!(web_scheme_len("hTtP://x"), Some(7));
        assert_eq!(web_scheme_len("ftp://x"), None);
    }

    #[test]
    fn seed_business_ids_are_valid() {
        for id in ["3168353-7", "2880606-5", "2466255-1"] {
            assert_eq!(check_business_id(id), Ok(()), "{id}");
        }
    }

    #[test]
    fn invalid_business_ids_are_rejected() {
        assert_eq!(
            check_business_id("3168353-8"),
            Err(BusinessIdError::CheckDigit { expected: 7 })
        );
        assert_eq!(check_business_id("31683537"), Err(BusinessIdError::Format));
        assert_eq!(check_business_id("316835-37"), Err(BusinessIdError::Format));
        assert_eq!(check_business_id("316835a-7"), Err(BusinessIdError::Format));
        // 1234567: 7+18+30+20+40+24+14 = 153; 153 mod 11 = 10; check digit 1.
        assert_eq!(check_business_id("1234567-1"), Ok(()));
        // 0000001: sum 2, check 9; 0000010: sum 4 -> 7. A sum with remainder 1 is never issued:
        // 0000100: 8 -> 3; 1000000: 7 -> 4; 0100000: 9 -> 2; 0000005: 10 -> 1.
        assert_eq!(check_business_id("0000005-1"), Ok(()));
        // 0001000: weight 5 -> r=5 -> 6; 0000102: 8+4=12 -> r=1: never issued.
        assert_eq!(
            check_business_id("0000102-0"),
            Err(BusinessIdError::NeverIssued)
        );
    }

    #[test]
    fn emails() {
        for ok in [
            "info@mesq.fi",
            "anna.yli-fossi@apteekit.net",
            "tietosuoja@om.fi",
            "x+tag@sub.esimerkki.fi",
        ] {
            assert!(is_valid_email(ok), "{ok}");
        }
        for bad in [
            "info@mesq",
            "info mesq.fi",
            "@mesq.fi",
            "a@@b.fi",
            "a@b..fi",
            "a@-b.fi",
            "a..b@c.fi",
            "a@b.f1",
        ] {
            assert!(!is_valid_email(bad), "{bad}");
        }
    }

    #[test]
    fn phones() {
        for ok in [
            "03 880 700",
            "029 566 6700",
            "+358 29 566 6700",
            "(09) 123 4567",
            "040-123 4567",
            "+46 8 123 456 78",
        ] {
            assert_eq!(check_phone(ok), Ok(()), "{ok}");
        }
        assert_eq!(check_phone("puh. 03 880 700"), Err(PhoneError::Characters));
        assert_eq!(check_phone("3880700"), Err(PhoneError::NoPrefix));
        assert_eq!(check_phone("0123"), Err(PhoneError::Length));
        assert_eq!(check_phone("+358 029 566 6700"), Err(PhoneError::Length));
        assert_eq!(check_phone("1+2"), Err(PhoneError::Characters));
    }

    #[test]
    fn urls() {
        // (address, whether a reader can open it)
        let table = [
            ("https://tietosuoja.fi", true),
            ("http://www.tietosuoja.fi/en", true),
            ("HTTPS://EXAMPLE.FI", true),
            ("Https://Esimerkki.fi/Polku?q=1#x", true),
            (
                "https://keski-uudenmaansote.fi-h.seravo.com/meilla-asiakkaana/tietosuoja/",
                true,
            ),
            ("https://esimerkki.fi:8443/x?y#z", true),
            ("https://[2001:db8::1]/", true),
            ("https://[2001:db8::1]:8443/tietosuoja", true),
            ("https://192.0.2.10/tietosuoja", true),
            ("https://example.xn--p1ai/", true),
            ("https://esimerkki.ä.fi", true),
            ("https://xn--hkkinen-5wa.fi/", true),
            ("https://päijät-häme.fi/tietosuoja", true),
            ("  https://esimerkki.fi  ", true),
            ("https://esimerkki.fi/a%20b", true),
            // No scheme, or not a web scheme.
            ("www.mesq.fi", false),
            ("ftp://x.fi", false),
            ("javascript:alert(1)", false),
            ("mailto:tietosuoja@esimerkki.fi", false),
            ("data:text/html,x", false),
            // No host, or one a reader cannot reach.
            ("https://", false),
            ("https://localhost", false),
            ("https://intranet/", false),
            ("http:/x.fi", false),
            ("http:x.fi", false),
            ("https:///x.fi", false),
            ("https://.fi", false),
            ("https://x..fi", false),
            ("https://-x.fi", false),
            ("https://x_y.fi", false),
            ("https://x.f1", false),
            ("https://1.2", false),
            ("https://[2001:db8::1", false),
            ("https://[esimerkki.fi]/", false),
            // Malformed, or not copyable as written.
            ("https://a b.fi", false),
            ("https://esimerkki.fi/a b", false),
            ("https://esimerkki.fi/\tx", false),
            ("https:\\\\esimerkki.fi", false),
            ("https://user@x.fi", false),
            ("https://user:pw@x.fi", false),
            ("https://esimerkki.fi:99999/", false),
            ("https://esimerkki.fi:x/", false),
        ];
        let pattern = regex::Regex::new(WEB_URL_PATTERN).unwrap();
        for (url, ok) in table {
            assert_eq!(is_valid_web_url(url), ok, "{url}");
            // What the CLI accepts, the schema accepts.
            assert!(!ok || pattern.is_match(url), "the pattern refuses {url}");
        }
        for refused in [
            "www.mesq.fi",
            "javascript:alert(1)",
            "https://",
            "https://localhost",
            "http:/x.fi",
            "https:///x.fi",
            "https://a b.fi",
            "https://user@x.fi",
            "https:\\\\x.fi",
        ] {
            assert!(!pattern.is_match(refused), "the pattern accepts {refused}");
        }
    }

    #[test]
    fn schema_patterns_accept_what_the_checks_accept() {
        let email = regex::Regex::new(EMAIL_PATTERN).unwrap();
        for (address, ok) in [
            ("tietosuoja@esimerkki.fi", true),
            (" kirjaamo@kunta.fi ", true),
            ("etu.suku+x@a-b.example.com", true),
            ("tietosuoja.esimerkki.fi", false),
            ("a@b", false),
            ("a@@b.fi", false),
            ("a b@c.fi", false),
        ] {
            assert_eq!(is_valid_email(address), ok, "{address}");
            assert_eq!(email.is_match(address), ok, "pattern: {address}");
        }
        let phone = regex::Regex::new(PHONE_PATTERN).unwrap();
        for (number, ok) in [
            ("029 566 6700", true),
            ("+358 29 566 6700", true),
            ("(09) 123 4567", true),
            ("040-123 4567", true),
            ("+46 8 123 456 78", true),
            ("puh. 03 880 700", false),
            ("1+2", false),
        ] {
            assert_eq!(check_phone(number).is_ok(), ok, "{number}");
            assert_eq!(phone.is_match(number), ok, "pattern: {number}");
        }
        let business_id = regex::Regex::new(BUSINESS_ID_PATTERN).unwrap();
        for (id, ok) in [
            ("0737546-2", true),
            ("737546-2", false),
            ("FI07375462", false),
        ] {
            assert_eq!(check_business_id(id).is_ok(), ok, "{id}");
            assert_eq!(business_id.is_match(id), ok, "pattern: {id}");
        }
    }
}
