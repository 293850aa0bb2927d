//! Properties of signature verification that must hold for every input, not just the vectors.

use proptest::prelude::*;
use razorpay_core::webhook::WebhookVerifier;
use razorpay_core::{
    SignatureError, sign_payment, sign_webhook, verify_payment_signature, verify_webhook_signature,
};

const SECRET: &str = "whsec_property";

/// Hex digits by value, to change a signature character to a *different* value (a case flip of
/// the same digit is the same signature and must still verify).
fn hex_value(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

proptest! {
    #[test]
    fn any_single_byte_change_of_a_signed_body_is_rejected(
        body in proptest::collection::vec(any::<u8>(), 1..2048),
        index in any::<prop::sample::Index>(),
        replacement in any::<u8>(),
    ) {
        let signature = sign_webhook(&body, SECRET);
        prop_assert_eq!(verify_webhook_signature(&body, &signature, SECRET), Ok(()));

        let i = index.index(body.len());
        prop_assume!(body[i] != replacement);
        let mut changed = body.clone();
        changed[i] = replacement;
        prop_assert_eq!(verify_webhook_signature(&changed, &signature, SECRET), Err(SignatureError::Mismatch));

        let verifier = WebhookVerifier::new(["another", SECRET]).unwrap();
        prop_assert!(verifier.verify(&body, &signature).is_ok());
        prop_assert_eq!(verifier.verify(&changed, &signature).unwrap_err().code(), "SIGNATURE_MISMATCH");
    }

    #[test]
    fn adding_or_removing_a_byte_is_rejected(
        body in proptest::collection::vec(any::<u8>(), 2..512),
        extra in any::<u8>(),
    ) {
        let signature = sign_webhook(&body, SECRET);
        let mut longer = body.clone();
        longer.push(extra);
        prop_assert_eq!(verify_webhook_signature(&longer, &signature, SECRET), Err(SignatureError::Mismatch));
        prop_assert_eq!(
            verify_webhook_signature(&body[..body.len() - 1], &signature, SECRET),
            Err(SignatureError::Mismatch)
        );
        prop_assert_eq!(verify_webhook_signature(&body[1..], &signature, SECRET), Err(SignatureError::Mismatch));
    }

    #[test]
    fn any_single_character_change_of_the_signature_is_rejected(
        body in proptest::collection::vec(any::<u8>(), 1..256),
        index in 0usize..64,
        replacement in any::<u8>(),
    ) {
        let signature = sign_webhook(&body, SECRET).into_bytes();
        let original = signature[index];
        prop_assume!(replacement != original);
        let mut changed = signature.clone();
        changed[index] = replacement;
        let changed = String::from_utf8_lossy(&changed).into_owned();
        let result = verify_webhook_signature(&body, &changed, SECRET);
        match hex_value(replacement) {
            // The same digit in the other case is the same signature.
            Some(value) if Some(value) == hex_value(original) => prop_assert_eq!(result, Ok(())),
            Some(_) => prop_assert_eq!(result, Err(SignatureError::Mismatch)),
            None => prop_assert!(matches!(result, Err(SignatureError::Malformed { .. })), "{:?}", result),
        }
    }

    #[test]
    fn arbitrary_signature_strings_never_verify_and_never_panic(
        body in proptest::collection::vec(any::<u8>(), 0..256),
        signature in ".{0,80}",
    ) {
        let expected = sign_webhook(&body, SECRET);
        prop_assume!(!signature.eq_ignore_ascii_case(&expected));
        prop_assert!(verify_webhook_signature(&body, &signature, SECRET).is_err());
    }

    #[test]
    fn callback_signatures_bind_both_ids(
        order_id in "order_[A-Za-z0-9]{14}",
        payment_id in "pay_[A-Za-z0-9]{14}",
        index in any::<prop::sample::Index>(),
    ) {
        let signature = sign_payment(&order_id, &payment_id, SECRET);
        prop_assert_eq!(verify_payment_signature(&order_id, &payment_id, &signature, SECRET), Ok(()));
        // Another order's id (one character changed) must not pass with this payment's signature.
        let mut other = order_id.clone().into_bytes();
        let i = index.index(other.len());
        other[i] = if other[i] == b'x' { b'y' } else { b'x' };
        let other = String::from_utf8(other).unwrap();
        prop_assert_eq!(verify_payment_signature(&other, &payment_id, &signature, SECRET), Err(SignatureError::Mismatch));
    }
}
