//! [`HmacKey`]: an HMAC-SHA256 key set up once and reused for every message.
//!
//! HMAC hashes the key (padded with `ipad`/`opad`) before it hashes the message. `hmac::Hmac`
//! keeps the state reached after those two padded blocks, so cloning a keyed `Hmac` and feeding
//! it the message costs exactly the message's hashing: that is what makes
//! [`crate::webhook::WebhookVerifier`] as fast as a bare HMAC over the body.

use hmac::digest::KeyInit;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use super::SignatureError;

/// The length of an HMAC-SHA256 tag in bytes.
pub(crate) const TAG_LEN: usize = 32;
/// SHA-256's block size: HMAC keys are hashed down to or zero-padded up to this length.
const BLOCK_LEN: usize = 64;

/// An HMAC-SHA256 key with its inner and outer padded states already computed.
#[derive(Clone)]
pub(crate) struct HmacKey(Hmac<Sha256>);

impl HmacKey {
    /// Keys an HMAC-SHA256 with `secret` (its UTF-8 bytes, as Razorpay does).
    pub(crate) fn new(secret: &[u8]) -> Self {
        // RFC 2104: a key longer than the block is replaced by its hash; a shorter one is
        // zero-padded to the block length. Doing that here gives a block-sized key, which the
        // infallible `KeyInit::new` accepts (the slice constructor returns a `Result` that can
        // never be an error for HMAC, and library code must not unwrap).
        let mut block = [0u8; BLOCK_LEN];
        if secret.len() > BLOCK_LEN {
            block[..TAG_LEN].copy_from_slice(&Sha256::digest(secret));
        } else {
            block[..secret.len()].copy_from_slice(secret);
        }
        Self(<Hmac<Sha256> as KeyInit>::new(&block.into()))
    }

    /// The HMAC of the message made of `parts` joined by `|` (Razorpay's separator).
    fn mac(&self, parts: &[&[u8]]) -> Hmac<Sha256> {
        let mut mac = self.0.clone();
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                mac.update(b"|");
            }
            mac.update(part);
        }
        mac
    }

    /// The raw tag of `parts` joined by `|`.
    pub(crate) fn tag(&self, parts: &[&[u8]]) -> [u8; TAG_LEN] {
        self.mac(parts).finalize().into_bytes().into()
    }

    /// The lowercase-hex tag of `parts` joined by `|`.
    pub(crate) fn tag_hex(&self, parts: &[&[u8]]) -> String {
        hex::encode(self.tag(parts))
    }

    /// Whether `expected` is the tag of `parts` joined by `|`, compared in constant time.
    pub(crate) fn matches(&self, parts: &[&[u8]], expected: &[u8; TAG_LEN]) -> bool {
        // `verify_slice` compares with `subtle::ConstantTimeEq`.
        self.mac(parts).verify_slice(expected).is_ok()
    }
}

/// Decodes a hex signature (either case) into its 32 bytes, without allocating.
///
/// The checks run on the signature the caller received, never on the expected value, so their
/// early exits leak nothing about the secret.
pub(crate) fn decode_signature(signature: &str) -> Result<[u8; TAG_LEN], SignatureError> {
    let hex = signature.as_bytes();
    if hex.is_empty() {
        return Err(SignatureError::MissingInput {
            field: "signature".to_owned(),
        });
    }
    let malformed = SignatureError::Malformed {
        // A `usize` always fits in `u64` on the targets Rust supports.
        len: hex.len() as u64,
    };
    if hex.len() != 2 * TAG_LEN {
        return Err(malformed);
    }
    let mut tag = [0u8; TAG_LEN];
    for (byte, pair) in tag.iter_mut().zip(hex.chunks_exact(2)) {
        let (high, low) = (NIBBLE[usize::from(pair[0])], NIBBLE[usize::from(pair[1])]);
        if (high | low) & INVALID != 0 {
            return Err(malformed);
        }
        *byte = (high << 4) | low;
    }
    Ok(tag)
}

/// Marks a byte that is not a hex digit. Valid nibbles are below 16, so the OR of two table
/// entries has one of these high bits set exactly when one of them is invalid.
const INVALID: u8 = 0xF0;

/// The value of each ASCII hex digit (either case); `INVALID` for every other byte. A table
/// lookup per character keeps decoding a small fraction of the HMAC's cost.
const NIBBLE: [u8; 256] = {
    let mut table = [INVALID; 256];
    let mut i = 0;
    while i < 10 {
        table[b'0' as usize + i] = i as u8;
        i += 1;
    }
    let mut i = 0;
    while i < 6 {
        table[b'a' as usize + i] = 10 + i as u8;
        table[b'A' as usize + i] = 10 + i as u8;
        i += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(secret: &[u8], message: &[u8]) -> [u8; TAG_LEN] {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret).expect("any key length");
        mac.update(message);
        mac.finalize().into_bytes().into()
    }

    #[test]
    fn block_padding_matches_the_slice_constructor_for_every_key_length() {
        for len in [0, 1, 31, 32, 63, 64, 65, 100, 200] {
            let secret: Vec<u8> = (0..len).map(|i| (i * 7 + 3) as u8).collect();
            assert_eq!(
                HmacKey::new(&secret).tag(&[b"order_1", b"pay_1"]),
                reference(&secret, b"order_1|pay_1"),
                "key length {len}"
            );
        }
    }

    #[test]
    fn rfc4231_case_2() {
        let tag = HmacKey::new(b"Jefe").tag_hex(&[b"what do ya want for nothing?"]);
        assert_eq!(
            tag,
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn decodes_either_case_and_rejects_everything_else() {
        let lower = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        let upper = lower.to_ascii_uppercase();
        assert_eq!(decode_signature(lower), decode_signature(&upper));
        assert_eq!(
            decode_signature(""),
            Err(SignatureError::MissingInput {
                field: "signature".to_owned(),
            })
        );
        for bad in [
            &lower[..62],
            &format!("{lower}00"),
            &format!("{}zz", &lower[..62]),
            &format!(" {}", &lower[1..]),
        ] {
            assert_eq!(
                decode_signature(bad),
                Err(SignatureError::Malformed {
                    len: bad.len() as u64
                }),
                "{bad}"
            );
        }
        // One bad character beside a good one, in either position of a pair.
        for i in [0, 1, 31, 62, 63] {
            let mut bad = lower.as_bytes().to_vec();
            bad[i] = b'g';
            let bad = String::from_utf8(bad).unwrap();
            assert_eq!(
                decode_signature(&bad),
                Err(SignatureError::Malformed { len: 64 }),
                "{bad}"
            );
        }
        // 64 bytes but not 64 characters: multi-byte UTF-8 must not be half-decoded.
        let multibyte = format!("é{}", &lower[2..]);
        assert_eq!(multibyte.len(), 64);
        assert!(matches!(
            decode_signature(&multibyte),
            Err(SignatureError::Malformed { .. })
        ));
    }

    proptest::proptest! {
        #[test]
        fn decoding_agrees_with_the_hex_crate(
            signature in proptest::prop_oneof!["[0-9a-fA-F]{64}", "[0-9a-fA-F]{0,63}[g-z ][0-9a-fA-F]{0,63}", ".{0,70}"]
        ) {
            let mut expected = [0u8; TAG_LEN];
            let expected = hex::decode_to_slice(&signature, &mut expected).map(|()| expected);
            proptest::prop_assert_eq!(decode_signature(&signature).ok(), expected.ok());
        }
    }
}
