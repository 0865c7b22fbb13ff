//! A 64-bit FNV-1a hash: stable across builds and machines, cheap, and not meant to resist anyone. The build's
//! version (`offline`), a written page's mark (`prerender`) and the training's shuffles (`training`) use it.

/// The hash of no bytes, where every hash starts.
pub const START: u64 = 0xcbf2_9ce4_8422_2325;

/// The hash of `bytes`, continuing from `hash`.
pub fn add(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

/// The hash of a text.
pub fn of(text: &str) -> u64 {
    add(START, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_fnv_1a() {
        // The published FNV-1a 64 test vectors.
        assert_eq!(of(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(of("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(of("foobar"), 0x8594_4171_f739_67e8);
        assert_eq!(add(of("foo"), b"bar"), of("foobar"), "a hash continues where it stopped");
    }
}
