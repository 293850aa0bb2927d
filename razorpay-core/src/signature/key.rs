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
/// The check runs on the signature the caller received, never on the expected value, so its
/// early exits leak nothing about the secret.
pub(crate) fn decode_signature(signature: &str) -> Result<[u8; TAG_LEN], SignatureError> {
    if signature.is_empty() {
        return Err(SignatureError::MissingInput { field: "signature" });
    }
    let mut tag = [0u8; TAG_LEN];
    hex::decode_to_slice(signature, &mut tag).map_err(|_| SignatureError::Malformed {
        len: signature.len(),
    })?;
    Ok(tag)
}

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
            Err(SignatureError::MissingInput { field: "signature" })
        );
        for bad in [
            &lower[..62],
            &format!("{lower}00"),
            &format!("{}zz", &lower[..62]),
            &format!(" {}", &lower[1..]),
        ] {
            assert_eq!(
                decode_signature(bad),
                Err(SignatureError::Malformed { len: bad.len() }),
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
}
