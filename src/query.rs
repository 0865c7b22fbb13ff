//! Query strings: reading `a=b&c=d` into decoded pairs and writing values back, percent-encoded.

/// Percent-encodes a query value (letters, digits, `-`, `_`, `.` pass unchanged).
pub fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            b => format!("%{b:02X}"),
        })
        .collect()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Decodes one percent-encoded value (`+` is a space); a malformed escape is kept as it is, and bytes that are
/// not UTF-8 become U+FFFD.
pub fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The decoded pairs of a query string, with or without its leading `?`; empty parts are skipped.
pub fn pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| match part.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(part), String::new()),
        })
        .collect()
}

/// A query string (without `?`) from pairs, each value encoded.
pub fn join(pairs: &[(String, String)]) -> String {
    pairs.iter().map(|(k, v)| format!("{k}={}", encode(v))).collect::<Vec<_>>().join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip_through_encoding() {
        for value in ["north,south", "12 weeks", "Café & co", "a=b?c#d", "🙂"] {
            assert_eq!(decode(&encode(value)), value);
        }
        assert_eq!(encode("review.interval"), "review.interval");
        assert_eq!(encode("a b,c"), "a%20b%2Cc");
    }

    #[test]
    fn pairs_are_decoded_and_malformed_escapes_kept() {
        assert_eq!(
            pairs("?q=section+47&a=north%2Csouth&diff"),
            vec![("q".into(), "section 47".into()), ("a".into(), "north,south".into()), ("diff".into(), String::new())]
        );
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%FF"), "\u{FFFD}");
        assert_eq!(join(&[("q".into(), "a b".into())]), "q=a%20b");
    }
}
