//! Onboarding signatures: the `onboarding_signature` a partner adds to an OAuth authorisation
//! URL so that Razorpay can trust the sub-merchant details it carries.
//!
//! Despite the name this is not an HMAC. The official `razorpay` 2.9.8 package
//! (`generateOnboardingSignature(params, secret)` in `dist/utils/razorpay-utils.js`) encrypts
//! `JSON.stringify(params)` with AES-128-GCM:
//!
//! - key: the UTF-8 bytes of the secret's first 16 characters (JavaScript's `slice(0, 16)`,
//!   which counts UTF-16 code units); anything other than 16 bytes is an invalid key there
//!   and [`OnboardingError::InvalidSecret`] here;
//! - nonce: 12 fresh random bytes per call, no associated data;
//! - output: lowercase hex of `nonce ‖ ciphertext ‖ 16-byte tag`.
//!
//! The output is therefore randomised: two calls never agree, and what proves two
//! implementations equal is that each decrypts the other's output
//! ([`decrypt_onboarding_signature`]). [`seal_onboarding_payload`] takes the nonce as an
//! argument, so the format itself is tested with fixed vectors produced by Node's `crypto`.

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes128Gcm, Nonce};

/// Length of the random nonce that starts every onboarding signature.
pub const ONBOARDING_NONCE_LEN: usize = 12;
/// Length of the GCM authentication tag that ends every onboarding signature.
const TAG_LEN: usize = 16;
/// AES-128's key length.
const KEY_LEN: usize = 16;
/// How many UTF-16 code units of the secret JavaScript's `secret.slice(0, 16)` keeps.
const KEY_CHARS: usize = 16;

/// Why an onboarding signature could not be made or opened. Never contains the secret or the
/// payload.
///
/// Crosses to Kotlin, Swift and Python as it is (the `uniffi` feature): `code()` on the base
/// type, the message as `toString()`/`description`/`str()`.
#[cfg_attr(feature = "uniffi", derive(uniffi::Error))]
#[cfg_attr(feature = "uniffi", uniffi::export(Display))]
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum OnboardingError {
    /// The secret's first 16 characters are not 16 bytes of UTF-8, so they are not an AES-128
    /// key (an empty or short secret, or one with non-ASCII characters at the start). The
    /// official package fails the same way ("Encryption failed: Invalid key length").
    #[error("the secret cannot key AES-128-GCM: its first 16 characters must be 16 bytes of UTF-8")]
    InvalidSecret,
    /// The signature is not lowercase or uppercase hex of at least nonce plus tag (56 hex
    /// characters), or its authentic plaintext is not UTF-8.
    #[error(
        "onboarding signature is malformed: expected hex of nonce, ciphertext and tag, got {len} bytes"
    )]
    Malformed {
        /// The length in bytes of the signature that was received.
        len: u64,
    },
    /// The tag does not authenticate the ciphertext under this secret: another secret, or the
    /// signature was altered.
    #[error("onboarding signature does not authenticate under this secret")]
    Mismatch,
    /// The operating system's random source failed, so no nonce could be drawn.
    #[error("no random nonce is available from the operating system")]
    Randomness,
}

impl OnboardingError {
    /// A stable, machine-readable code: `ONBOARDING_INVALID_SECRET`,
    /// `ONBOARDING_SIGNATURE_MALFORMED`, `ONBOARDING_SIGNATURE_MISMATCH` or
    /// `ONBOARDING_RANDOMNESS_UNAVAILABLE`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidSecret => "ONBOARDING_INVALID_SECRET",
            Self::Malformed { .. } => "ONBOARDING_SIGNATURE_MALFORMED",
            Self::Mismatch => "ONBOARDING_SIGNATURE_MISMATCH",
            Self::Randomness => "ONBOARDING_RANDOMNESS_UNAVAILABLE",
        }
    }
}

crate::uniffi_code::export_error_code!(OnboardingError);

/// The AES-128 key: UTF-8 of the secret's first 16 UTF-16 code units, which must be 16 bytes.
fn key(secret: &str) -> Result<Aes128Gcm, OnboardingError> {
    let mut units = 0;
    let mut end = 0;
    for c in secret.chars() {
        if units + c.len_utf16() > KEY_CHARS {
            // JavaScript would cut this surrogate pair in half and encode the lone half as
            // U+FFFD (3 bytes) after 15 units of at least a byte each: more than 16 bytes.
            if units < KEY_CHARS {
                return Err(OnboardingError::InvalidSecret);
            }
            break;
        }
        units += c.len_utf16();
        end += c.len_utf8();
    }
    let bytes = &secret.as_bytes()[..end];
    if bytes.len() != KEY_LEN {
        return Err(OnboardingError::InvalidSecret);
    }
    Aes128Gcm::new_from_slice(bytes).map_err(|_| OnboardingError::InvalidSecret)
}

/// Encrypts `payload` (the JSON text of the onboarding parameters, exactly as it should be
/// decrypted) under `secret` with the given `nonce`: hex of `nonce ‖ ciphertext ‖ tag`.
///
/// Pure and deterministic, for tests and for callers that bring their own randomness; a nonce
/// must never be used twice with one secret (GCM's keystream would repeat), so
/// [`generate_onboarding_signature`] is what production code calls.
///
/// ```
/// use razorpay_core::signature::seal_onboarding_payload;
///
/// // The vector Node's crypto gives for the official package's algorithm with this nonce.
/// let nonce = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
/// let sealed = seal_onboarding_payload("", "EnLs21M47BllR3X8PSFtjtbd", nonce).unwrap();
/// assert_eq!(sealed, "000102030405060708090a0b2a0530696160f1f4699a273aa42952fd");
/// ```
pub fn seal_onboarding_payload(
    payload: &str,
    secret: &str,
    nonce: [u8; ONBOARDING_NONCE_LEN],
) -> Result<String, OnboardingError> {
    let cipher = key(secret)?;
    // `encrypt` appends the tag to the ciphertext, the order the official format uses. It
    // fails only for payloads over GCM's 64 GiB limit, which no string reaches.
    let sealed = cipher
        .encrypt(Nonce::from_slice(&nonce), payload.as_bytes())
        .map_err(|_| OnboardingError::InvalidSecret)?;
    let mut out = String::with_capacity(2 * (nonce.len() + sealed.len()));
    out.push_str(&hex::encode(nonce));
    out.push_str(&hex::encode(sealed));
    Ok(out)
}

/// The onboarding signature of `payload` (the JSON text of the parameters) under `secret`,
/// with a fresh random nonce: what the official `generateOnboardingSignature(params, secret)`
/// returns for `payload = JSON.stringify(params)`.
///
/// ```
/// use razorpay_core::signature::{decrypt_onboarding_signature, generate_onboarding_signature};
///
/// let payload = r#"{"submerchant_id":"acc_M83Uw27KXuC7c8","timestamp":1700000000}"#;
/// let signature = generate_onboarding_signature(payload, "EnLs21M47BllR3X8PSFtjtbd").unwrap();
/// assert_eq!(decrypt_onboarding_signature(&signature, "EnLs21M47BllR3X8PSFtjtbd").unwrap(), payload);
/// ```
pub fn generate_onboarding_signature(
    payload: &str,
    secret: &str,
) -> Result<String, OnboardingError> {
    // The secret is checked before drawing randomness, so a bad secret is always reported as
    // such.
    key(secret)?;
    let mut nonce = [0u8; ONBOARDING_NONCE_LEN];
    getrandom::getrandom(&mut nonce).map_err(|_| OnboardingError::Randomness)?;
    seal_onboarding_payload(payload, secret, nonce)
}

/// Opens an onboarding signature: the payload text it carries, once the tag has authenticated
/// it under `secret`. This is what Razorpay does with the signature; partners and tests use it
/// to check one.
pub fn decrypt_onboarding_signature(
    signature: &str,
    secret: &str,
) -> Result<String, OnboardingError> {
    let cipher = key(secret)?;
    let malformed = OnboardingError::Malformed {
        len: u64::try_from(signature.len()).unwrap_or(u64::MAX),
    };
    let bytes = hex::decode(signature).map_err(|_| malformed.clone())?;
    if bytes.len() < ONBOARDING_NONCE_LEN + TAG_LEN {
        return Err(malformed);
    }
    let (nonce, sealed) = bytes.split_at(ONBOARDING_NONCE_LEN);
    // aes-gcm checks the tag in constant time before releasing any plaintext.
    let plain = cipher
        .decrypt(Nonce::from_slice(nonce), sealed)
        .map_err(|_| OnboardingError::Mismatch)?;
    String::from_utf8(plain).map_err(|_| malformed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "EnLs21M47BllR3X8PSFtjtbd";
    const NONCE: [u8; 12] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

    /// Vectors from Node's `crypto` running the official package's `encrypt` with `NONCE`
    /// in place of its random bytes.
    #[test]
    fn matches_the_official_format_byte_for_byte() {
        let payload = r#"{"submerchant_id":"acc_M83Uw27KXuC7c8","timestamp":1700000000}"#;
        assert_eq!(
            seal_onboarding_payload(payload, SECRET, NONCE).unwrap(),
            "000102030405060708090a0b72cd58758a6607c42344df862e694a62a658177abc5375415abbbabbfdd6fd7c7fae0c614c3a11a171757003ba2c899845947e7431e8aedc0336232d28c4928a295efcc4a21b64abf009d5d53f2e"
        );
        // Eight two-byte characters are 8 UTF-16 units and 16 UTF-8 bytes: a valid key there.
        assert_eq!(
            seal_onboarding_payload("{\"a\":\"é\"}", "éééééééé", NONCE).unwrap(),
            "000102030405060708090a0b8c602f838c7be8d86460cd2de6f76bd48032c322b4077c197c2b"
        );
    }

    #[test]
    fn keys_the_way_javascript_slices() {
        // Only the first 16 characters count.
        let a = seal_onboarding_payload("{}", "0123456789abcdefXYZ", NONCE).unwrap();
        let b = seal_onboarding_payload("{}", "0123456789abcdef", NONCE).unwrap();
        assert_eq!(a, b);
        // Node: "Invalid key length" for each of these.
        for secret in [
            "",
            "short",
            "ééééééééé",                 // 9 units, 18 bytes
            "abcdefghijklmno\u{1F600}x", // the 16th unit is half a surrogate pair
            "abcdefghijklmn\u{1F600}",   // 16 units, but 18 bytes
        ] {
            assert_eq!(
                seal_onboarding_payload("{}", secret, NONCE),
                Err(OnboardingError::InvalidSecret),
                "{secret:?}"
            );
            assert_eq!(
                generate_onboarding_signature("{}", secret),
                Err(OnboardingError::InvalidSecret)
            );
        }
    }

    #[test]
    fn fresh_nonce_per_call_and_round_trips() {
        let payload = r#"{"submerchant_id":"acc_1","timestamp":1}"#;
        let first = generate_onboarding_signature(payload, SECRET).unwrap();
        let second = generate_onboarding_signature(payload, SECRET).unwrap();
        assert_ne!(first[..24], second[..24], "nonces must differ");
        assert_eq!(first.len(), 2 * (12 + payload.len() + 16));
        for signature in [&first, &second] {
            assert_eq!(
                decrypt_onboarding_signature(signature, SECRET).unwrap(),
                payload
            );
            assert_eq!(
                decrypt_onboarding_signature(&signature.to_uppercase(), SECRET).unwrap(),
                payload
            );
        }
    }

    #[test]
    fn opening_rejects_other_secrets_tampering_and_garbage() {
        let signature = seal_onboarding_payload("{}", SECRET, NONCE).unwrap();
        assert_eq!(
            decrypt_onboarding_signature(&signature, "another-secret-16"),
            Err(OnboardingError::Mismatch)
        );
        let mut tampered = signature.clone().into_bytes();
        let last = tampered.len() - 1;
        tampered[last] = if tampered[last] == b'0' { b'1' } else { b'0' };
        let tampered = String::from_utf8(tampered).unwrap();
        assert_eq!(
            decrypt_onboarding_signature(&tampered, SECRET),
            Err(OnboardingError::Mismatch)
        );
        for bad in ["", "zz", &signature[..54], &format!("{signature}0")] {
            assert_eq!(
                decrypt_onboarding_signature(bad, SECRET),
                Err(OnboardingError::Malformed {
                    len: bad.len() as u64
                }),
                "{bad}"
            );
        }
    }

    #[test]
    fn errors_name_no_secret_and_have_stable_codes() {
        let err = seal_onboarding_payload("{}", "short-secret", NONCE).unwrap_err();
        assert_eq!(err.code(), "ONBOARDING_INVALID_SECRET");
        assert!(!err.to_string().contains("short-secret"));
        assert!(!format!("{err:?}").contains("short-secret"));
        assert_eq!(
            OnboardingError::Mismatch.code(),
            "ONBOARDING_SIGNATURE_MISMATCH"
        );
        assert_eq!(
            OnboardingError::Malformed { len: 1 }.code(),
            "ONBOARDING_SIGNATURE_MALFORMED"
        );
        assert_eq!(
            OnboardingError::Randomness.code(),
            "ONBOARDING_RANDOMNESS_UNAVAILABLE"
        );
    }

    proptest::proptest! {
        #[test]
        fn any_payload_round_trips(payload in ".{0,200}", nonce in proptest::array::uniform12(0u8..)) {
            let sealed = seal_onboarding_payload(&payload, SECRET, nonce).unwrap();
            proptest::prop_assert_eq!(decrypt_onboarding_signature(&sealed, SECRET).unwrap(), payload);
        }
    }
}
