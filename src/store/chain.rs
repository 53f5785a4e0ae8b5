//! The hash chain over the event log.
//!
//! `hash(n) = SHA-256( hash(n-1) ‖ seq as 8 bytes big-endian ‖ ts ‖ 0x00 ‖
//! kind ‖ 0x00 ‖ body )`, with `hash(0)` = 32 zero bytes, all strings as
//! their UTF-8 bytes. The stored `hash` column is the lowercase hex of the
//! 32 bytes. The README states the same so other tools can check a file.

use sha2::{Digest, Sha256};

/// The chain value before the first event.
pub const GENESIS: [u8; 32] = [0; 32];

/// The hash of event `seq` given the previous hash.
pub fn link(prev: &[u8; 32], seq: u64, ts: &str, kind: &str, body: &str) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(prev);
    h.update(seq.to_be_bytes());
    h.update(ts.as_bytes());
    h.update([0]);
    h.update(kind.as_bytes());
    h.update([0]);
    h.update(body.as_bytes());
    h.finalize().into()
}

pub fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 15)] as char);
    }
    s
}

pub fn from_hex(hex: &str) -> Option<[u8; 32]> {
    let bytes = hex.as_bytes();
    if bytes.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, pair) in bytes.chunks(2).enumerate() {
        let digit = |c: u8| (c as char).to_digit(16);
        out[i] = u8::try_from(digit(pair[0])? * 16 + digit(pair[1])?).ok()?;
    }
    Some(out)
}

/// The short fingerprint for minutes and signatures: the first 12 hex digits.
pub fn short(hash: &[u8; 32]) -> String {
    to_hex(&hash[..6])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips() {
        let h = link(&GENESIS, 1, "t", "k", "{}");
        assert_eq!(from_hex(&to_hex(&h)), Some(h));
        assert_eq!(short(&h).len(), 12);
        assert_eq!(from_hex("zz"), None);
    }

    #[test]
    fn every_field_changes_the_hash() {
        let base = link(&GENESIS, 1, "t", "k", "{}");
        assert_ne!(base, link(&GENESIS, 2, "t", "k", "{}"));
        assert_ne!(base, link(&GENESIS, 1, "u", "k", "{}"));
        assert_ne!(base, link(&GENESIS, 1, "t", "j", "{}"));
        assert_ne!(base, link(&GENESIS, 1, "t", "k", "[]"));
        assert_ne!(base, link(&base, 1, "t", "k", "{}"));
        // The separators keep field boundaries unambiguous.
        assert_ne!(
            link(&GENESIS, 1, "ab", "c", "{}"),
            link(&GENESIS, 1, "a", "bc", "{}")
        );
    }
}
