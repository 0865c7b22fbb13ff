//! The site's Content Security Policy, with no `'unsafe-inline'`: the built `index.html` has one inline start-up
//! script (trunk writes it), and the policy allows exactly that script by its SHA-256 hash.
//!
//! The build (`publish`) finds every inline script in the built page ([`inline_scripts`]), hashes it
//! ([`script_hash`]), and writes the policy into the page's `<meta http-equiv="Content-Security-Policy">`
//! ([`set_meta_policy`]); the hosting files carry the same policy as a real header, with `frame-ancestors`
//! ([`header_policy`]), which a meta tag cannot carry.

/// SHA-256 (FIPS 180-4) of `data`.
pub fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
        0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
        0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
        0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
        0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
        0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
        0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut state: [u32; 8] =
        [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    // Padding: a 1 bit, zeros to 56 bytes mod 64, then the length in bits as a big-endian u64.
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&((data.len() as u64).wrapping_mul(8)).to_be_bytes());
    for block in message.chunks_exact(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = state;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let choice = (e & f) ^ (!e & g);
            let t1 = h.wrapping_add(s1).wrapping_add(choice).wrapping_add(K[i]).wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let majority = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(majority);
            (h, g, f, e, d, c, b, a) = (g, f, e, d.wrapping_add(t1), c, b, a, t1.wrapping_add(t2));
        }
        for (s, v) in state.iter_mut().zip([a, b, c, d, e, f, g, h]) {
            *s = s.wrapping_add(v);
        }
    }
    let mut digest = [0u8; 32];
    for (out, word) in digest.chunks_exact_mut(4).zip(state) {
        out.copy_from_slice(&word.to_be_bytes());
    }
    digest
}

/// Standard base64 (RFC 4648 §4, with `=` padding), as CSP hash sources use.
pub fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let bytes = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = u32::from_be_bytes([0, bytes[0], bytes[1], bytes[2]]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The CSP hash source of an inline script's text: `'sha256-…'`. The HTML parser turns CR LF and CR into LF
/// before the browser hashes the text, so this does too.
pub fn script_hash(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    format!("'sha256-{}'", base64(&sha256(text.as_bytes())))
}

/// Where an HTML tag that starts at `start` (its `<`) ends: the index just past its `>`, skipping quoted
/// attribute values.
fn tag_end(html: &str, start: usize) -> Option<usize> {
    let mut quote = None;
    for (i, c) in html[start..].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(start + i + 1),
            (None, _) => {}
        }
    }
    None
}

/// The names of the attributes of a start tag (`<script type="module" src="x">` → `type`, `src`), lower-cased.
fn attribute_names(tag: &str) -> Vec<String> {
    let inner = tag.trim_start_matches('<').trim_end_matches('>').trim_end_matches('/');
    let mut names = Vec::new();
    let mut rest = inner.split_once(char::is_whitespace).map_or("", |(_, rest)| rest);
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return names;
        }
        let end = rest.find(|c: char| c.is_whitespace() || c == '=').unwrap_or(rest.len());
        names.push(rest[..end].to_ascii_lowercase());
        rest = rest[end..].trim_start();
        if let Some(value) = rest.strip_prefix('=') {
            let value = value.trim_start();
            rest = match value.chars().next() {
                Some(q @ ('"' | '\'')) => value[1..].find(q).map_or("", |i| &value[i + 2..]),
                _ => value.find(char::is_whitespace).map_or("", |i| &value[i..]),
            };
        }
    }
}

/// The text of every inline script of an HTML page (a `<script>` without `src`), in order. Comments are skipped.
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let lower = html.to_ascii_lowercase();
    let mut scripts = Vec::new();
    let mut at = 0;
    while at < html.len() {
        let next_comment = lower[at..].find("<!--").map(|i| at + i);
        let next_script = lower[at..].find("<script").map(|i| at + i);
        match (next_comment, next_script) {
            (Some(c), Some(s)) if c < s => {
                at = lower[c..].find("-->").map_or(html.len(), |i| c + i + 3);
            }
            (_, Some(s)) => {
                let Some(open_end) = tag_end(html, s) else { break };
                let close = lower[open_end..].find("</script").map_or(html.len(), |i| open_end + i);
                if !attribute_names(&html[s..open_end]).iter().any(|name| name == "src") {
                    scripts.push(&html[open_end..close]);
                }
                at = close;
            }
            (_, None) => break,
        }
    }
    scripts
}

/// The directives both forms of the policy share. `script_hashes` are `'sha256-…'` sources.
fn directives(script_hashes: &[String]) -> Vec<String> {
    let mut script_src = vec!["'self'".to_owned()];
    script_src.extend(script_hashes.iter().cloned());
    // WebAssembly compilation needs 'wasm-unsafe-eval' (it allows no JavaScript eval).
    script_src.push("'wasm-unsafe-eval'".to_owned());
    vec![
        "default-src 'self'".to_owned(),
        format!("script-src {}", script_src.join(" ")),
        "style-src 'self'".to_owned(),
        "img-src 'self' data:".to_owned(),
        "connect-src 'self'".to_owned(),
        // The background worker (static/worker_loader.js, then importScripts of the worker's glue).
        "worker-src 'self'".to_owned(),
        "child-src 'self'".to_owned(),
        "object-src 'none'".to_owned(),
        "base-uri 'self'".to_owned(),
        "form-action 'self'".to_owned(),
    ]
}

/// The policy for the page's `<meta http-equiv="Content-Security-Policy">`.
pub fn meta_policy(script_hashes: &[String]) -> String {
    directives(script_hashes).join("; ")
}

/// The policy for the `Content-Security-Policy` response header: the meta policy and `frame-ancestors 'none'`
/// (no other site may frame this one), which only a header can carry.
pub fn header_policy(script_hashes: &[String]) -> String {
    let mut all = directives(script_hashes);
    all.push("frame-ancestors 'none'".to_owned());
    all.join("; ")
}

/// The hash source of every inline script in `html`, without repeats, in order.
pub fn page_script_hashes(html: &str) -> Vec<String> {
    let mut hashes: Vec<String> = Vec::new();
    for hash in inline_scripts(html).into_iter().map(script_hash) {
        if !hashes.contains(&hash) {
            hashes.push(hash);
        }
    }
    hashes
}

/// `html` with the `content` of its `<meta http-equiv="Content-Security-Policy">` replaced by `policy`; an error
/// when the page has no such tag (or more than one), so that a build cannot ship without its policy.
pub fn set_meta_policy(html: &str, policy: &str) -> Result<String, String> {
    if policy.contains(['"', '<', '>', '&']) {
        return Err(format!("the policy has a character that needs escaping in an attribute: {policy}"));
    }
    let lower = html.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(i) = lower[at..].find("<meta") {
        let start = at + i;
        let end = tag_end(html, start).ok_or("an unclosed <meta> tag")?;
        let tag = &lower[start..end];
        if tag.contains("http-equiv=\"content-security-policy\"") {
            found.push((start, end));
        }
        at = end;
    }
    let [(start, end)] = found[..] else {
        return Err(format!(
            "the page must have exactly one <meta http-equiv=\"Content-Security-Policy\" content=\"…\"> (it has {})",
            found.len()
        ));
    };
    let tag = &lower[start..end];
    let value_start = tag.find("content=\"").ok_or("the CSP <meta> tag has no content=\"…\"")? + "content=\"".len();
    let value_end = tag[value_start..].find('"').ok_or("the CSP <meta> tag's content is not closed")? + value_start;
    Ok(format!("{}{policy}{}", &html[..start + value_start], &html[start + value_end..]))
}

/// The built page with its policy filled in: every inline script's hash in the meta tag's `script-src`.
/// Returns the page and the hashes.
pub fn apply(html: &str) -> Result<(String, Vec<String>), String> {
    let hashes = page_script_hashes(html);
    let page = set_meta_policy(html, &meta_policy(&hashes))?;
    Ok((page, hashes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn sha256_matches_the_fips_180_examples() {
        assert_eq!(hex(&sha256(b"")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assert_eq!(hex(&sha256(b"abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(
            hex(&sha256(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        assert_eq!(
            hex(&sha256(&vec![b'a'; 1_000_000])),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        );
        // Lengths at the padding boundaries (55, 56 and 64 bytes).
        assert_eq!(hex(&sha256(&[b'a'; 55])), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
        assert_eq!(hex(&sha256(&[b'a'; 56])), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
        assert_eq!(hex(&sha256(&[b'a'; 64])), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
    }

    #[test]
    fn base64_matches_rfc_4648() {
        let cases =
            [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE=")];
        for (input, encoded) in cases {
            assert_eq!(base64(input.as_bytes()), encoded, "{input}");
        }
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(&[0xfb, 0xff, 0xbf]), "+/+/");
    }

    #[test]
    fn a_script_hash_is_the_base64_sha256_of_its_text() {
        // The example in the CSP specification (§ hash-source): alert('Hello, world.');
        assert_eq!(script_hash("alert('Hello, world.');"), "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
        assert_eq!(script_hash("a\r\nb\rc"), script_hash("a\nb\nc"));
    }

    #[test]
    fn inline_scripts_are_found_and_external_ones_and_comments_are_not() {
        let html = r#"<head><script src="boot.js"></script><!-- <script>not this</script> -->
<SCRIPT type="module">import init from '/x.js';
await init({ module_or_path: '/x_bg.wasm' });</SCRIPT>
<script data-note="a > b" type='importmap'>{"imports": {}}</script>
<script src=other.js defer></script><script>
second()</script></head>"#;
        assert_eq!(
            inline_scripts(html),
            vec![
                "import init from '/x.js';\nawait init({ module_or_path: '/x_bg.wasm' });",
                r#"{"imports": {}}"#,
                "\nsecond()"
            ]
        );
        assert_eq!(page_script_hashes("<script>a()</script><script>a()</script>").len(), 1);
        assert!(inline_scripts("<p>no scripts</p>").is_empty());
    }

    #[test]
    fn the_policy_names_each_hash_and_keeps_webassembly_and_the_worker() {
        let hashes = vec!["'sha256-AAAA'".to_owned(), "'sha256-BBBB'".to_owned()];
        assert_eq!(
            meta_policy(&hashes),
            "default-src 'self'; script-src 'self' 'sha256-AAAA' 'sha256-BBBB' 'wasm-unsafe-eval'; style-src 'self'; \
             img-src 'self' data:; connect-src 'self'; worker-src 'self'; child-src 'self'; object-src 'none'; \
             base-uri 'self'; form-action 'self'"
        );
        assert_eq!(header_policy(&hashes), format!("{}; frame-ancestors 'none'", meta_policy(&hashes)));
        assert!(!meta_policy(&hashes).contains("unsafe-inline"));
    }

    #[test]
    fn the_meta_tag_gets_the_policy_and_a_page_without_one_is_refused() {
        let page = r#"<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="old" /><script type="module">go()</script></head>"#;
        let (built, hashes) = apply(page).unwrap();
        assert_eq!(hashes, vec![script_hash("go()")]);
        assert_eq!(
            built,
            page.replace("content=\"old\"", &format!("content=\"{}\"", meta_policy(&hashes))),
            "only the policy changes"
        );
        assert!(set_meta_policy("<head></head>", "default-src 'self'").is_err());
        assert!(set_meta_policy(&format!("{page}{page}"), "default-src 'self'").is_err());
        assert!(set_meta_policy(page, "script-src \"x\"").is_err());
    }

    #[test]
    fn the_source_page_carries_the_policy_without_its_hash() {
        // index.html as written by hand: the build only adds the start-up script's hash.
        let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).unwrap();
        let expected = set_meta_policy(&source, &meta_policy(&[])).unwrap();
        assert_eq!(source, expected, "index.html's CSP meta should read: {}", meta_policy(&[]));
        assert!(inline_scripts(&source).is_empty(), "index.html itself has no inline script");
    }
}
