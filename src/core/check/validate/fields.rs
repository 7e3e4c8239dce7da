//! Checks for single field values: ids, links, e-mail, phone, dates and opening hours.

/// The longest text each text field may hold, in characters.
pub mod limits {
    /// A name in one language.
    pub const NAME: usize = 200;
    /// An address or district.
    pub const ADDRESS: usize = 300;
    /// A description in one language.
    pub const DESCRIPTION: usize = 2_000;
    /// Any other short text: id, source, phone, e-mail, website, hours.
    pub const SHORT: usize = 500;
}

/// Whether `id` is kebab-case: lower-case ASCII letters and digits in groups joined by single
/// hyphens.
#[must_use]
pub fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// Whether `url` is an absolute http or https URL with a host, and nothing a browser could
/// read as another scheme.
#[must_use]
pub fn is_http_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let Some(rest) = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")) else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty()
        && !host.contains('@')
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '\\'))
}

/// Whether `email` looks like a deliverable address: one `@`, a plain local part and a
/// dotted domain.
#[must_use]
pub fn is_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    let domain_ok = domain.contains('.')
        && !domain.starts_with(['.', '-'])
        && !domain.ends_with(['.', '-'])
        && !domain.contains("..")
        && domain
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    local_ok && domain_ok
}

/// Whether `phone` is a phone number: digits with the usual separators, 3 to 15 digits.
#[must_use]
pub fn is_phone(phone: &str) -> bool {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    (3..=15).contains(&digits)
        && phone
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '.' | '(' | ')'))
        && !phone[1..].contains('+')
}

/// Whether `date` is a real calendar date written `YYYY-MM-DD`.
#[must_use]
pub fn is_date(date: &str) -> bool {
    let bytes = date.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = &date[range];
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days_in_month).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_case() {
        assert!(is_kebab_case("hanoi-opera-house"));
        assert!(is_kebab_case("282workshop"));
        for bad in ["", "Hanoi", "a--b", "-a", "a-", "a_b", "a b", "bảo-tàng", "<script>"] {
            assert!(!is_kebab_case(bad), "{bad}");
        }
    }

    #[test]
    fn http_urls_only() {
        assert!(is_http_url("https://vnfam.vn"));
        assert!(is_http_url("http://www.vme.org.vn/en/page?x=1#top"));
        assert!(is_http_url("HTTPS://EXAMPLE.ORG"));
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "/relative/path",
            "//example.org",
            "www.example.org",
            "ftp://example.org",
            "https://",
            "https://exa mple.org",
            "https://example.org/\"onmouseover=alert(1)",
            "https://user@evil.example",
            " https://example.org",
        ] {
            assert!(!is_http_url(bad), "{bad}");
        }
    }

    #[test]
    fn emails() {
        assert!(is_email("info@goethe.de"));
        assert!(is_email("hanoi.creative+map@example.org.vn"));
        for bad in [
            "", "info", "info@", "@x.vn", "a@b", "a b@x.vn", "a@x..vn", "<a>@x.vn", "a@x.vn>",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn phones() {
        assert!(is_phone("+84 24 3825 2853"));
        assert!(is_phone("(024) 3933.0113"));
        assert!(is_phone("1900-1234"));
        for bad in ["", "call us", "12", "+84 24 <b>", "84+24 3825", "javascript:1"] {
            assert!(!is_phone(bad), "{bad}");
        }
    }

    #[test]
    fn dates() {
        assert!(is_date("2026-11-24"));
        assert!(is_date("2024-02-29"));
        for bad in [
            "2023-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-1-1",
            "24/11/2026",
            "2026-11-31",
            "２０２６-11-24",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
    }
}
