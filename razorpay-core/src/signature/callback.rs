//! Checkout callback signatures: what Razorpay Checkout hands the browser after a payment
//! (`razorpay_signature`), for orders, subscriptions, payment links and invoices.
//!
//! Each is the lowercase-hex HMAC-SHA256, keyed with the API key secret, of the ids joined by `|`
//! in Razorpay's order (which is not always the argument order: see
//! [`verify_subscription_signature`]).

use super::SignatureError;
use super::message::{Field, sign_fields, verify_fields};

const KEY_SECRET: &str = "key_secret";

fn order_fields<'a>(order_id: &'a str, payment_id: &'a str) -> [Field<'a>; 2] {
    [
        Field::required("order_id", order_id),
        Field::required("payment_id", payment_id),
    ]
}

// Razorpay signs `payment_id|subscription_id`: the payment comes FIRST.
fn subscription_fields<'a>(subscription_id: &'a str, payment_id: &'a str) -> [Field<'a>; 2] {
    [
        Field::required("payment_id", payment_id),
        Field::required("subscription_id", subscription_id),
    ]
}

fn payment_link_fields<'a>(
    payment_link_id: &'a str,
    reference_id: &'a str,
    status: &'a str,
    payment_id: &'a str,
) -> [Field<'a>; 4] {
    [
        Field::required("payment_link_id", payment_link_id),
        Field::optional("reference_id", reference_id),
        Field::required("status", status),
        Field::required("payment_id", payment_id),
    ]
}

fn invoice_fields<'a>(
    invoice_id: &'a str,
    receipt: &'a str,
    status: &'a str,
    payment_id: &'a str,
) -> [Field<'a>; 4] {
    [
        Field::required("invoice_id", invoice_id),
        Field::optional("receipt", receipt),
        Field::required("status", status),
        Field::required("payment_id", payment_id),
    ]
}

/// Verifies the checkout callback of an order payment: `razorpay_signature` over
/// `order_id|payment_id`, keyed with the API key secret.
///
/// `order_id` must be the id your server stored when it created the order, not the one the
/// browser sent back, or a payment for another order would pass.
///
/// ```
/// use razorpay_core::{sign_payment, verify_payment_signature};
///
/// let signature = sign_payment("order_IEIaMR65cu6nz3", "pay_IH4NVgf4Dreq1l", "key_secret");
/// assert!(verify_payment_signature("order_IEIaMR65cu6nz3", "pay_IH4NVgf4Dreq1l", &signature, "key_secret").is_ok());
///
/// let err = verify_payment_signature("order_other", "pay_IH4NVgf4Dreq1l", &signature, "key_secret").unwrap_err();
/// assert_eq!(err.code(), "SIGNATURE_MISMATCH");
/// ```
///
/// # Errors
/// [`SignatureError::MissingInput`] if an id, the signature or the secret is empty,
/// [`SignatureError::Malformed`] if the signature is not 64 hex characters,
/// [`SignatureError::Mismatch`] otherwise when it does not match.
pub fn verify_payment_signature(
    order_id: &str,
    payment_id: &str,
    signature: &str,
    key_secret: &str,
) -> Result<(), SignatureError> {
    verify_fields(
        &order_fields(order_id, payment_id),
        signature,
        KEY_SECRET,
        key_secret,
    )
}

/// Verifies the checkout callback of a subscription's authorisation payment: `razorpay_signature`
/// over `payment_id|subscription_id` (payment id first, as Razorpay signs it).
///
/// ```
/// use razorpay_core::verify_subscription_signature;
///
/// // From the official SDKs' test suites.
/// assert!(verify_subscription_signature(
///     "sub_ID6MOhgkcoHj9I",
///     "pay_IDZNwZZFtnjyym",
///     "601f383334975c714c91a7d97dd723eb56520318355863dcf3821c0d07a17693",
///     "EnLs21M47BllR3X8PSFtjtbd",
/// ).is_ok());
/// ```
///
/// # Errors
/// As for [`verify_payment_signature`].
pub fn verify_subscription_signature(
    subscription_id: &str,
    payment_id: &str,
    signature: &str,
    key_secret: &str,
) -> Result<(), SignatureError> {
    verify_fields(
        &subscription_fields(subscription_id, payment_id),
        signature,
        KEY_SECRET,
        key_secret,
    )
}

/// Verifies the callback of a payment link payment: `razorpay_signature` over
/// `payment_link_id|reference_id|status|payment_id`.
///
/// `reference_id` may be empty (a link created without one); Razorpay then signs the empty
/// string, so it is accepted here.
///
/// ```
/// use razorpay_core::verify_payment_link_signature;
///
/// assert!(verify_payment_link_signature(
///     "plink_IH3cNucfVEgV68",
///     "TSsd1989",
///     "paid",
///     "pay_IH3d0ara9bSsjQ",
///     "07ae18789e35093e51d0a491eb9922646f3f82773547e5b0f67ee3f2d3bf7d5b",
///     "EnLs21M47BllR3X8PSFtjtbd",
/// ).is_ok());
/// ```
///
/// # Errors
/// As for [`verify_payment_signature`]; an empty `reference_id` is not an error.
pub fn verify_payment_link_signature(
    payment_link_id: &str,
    reference_id: &str,
    status: &str,
    payment_id: &str,
    signature: &str,
    key_secret: &str,
) -> Result<(), SignatureError> {
    verify_fields(
        &payment_link_fields(payment_link_id, reference_id, status, payment_id),
        signature,
        KEY_SECRET,
        key_secret,
    )
}

/// Verifies the callback of an invoice payment: `razorpay_signature` over
/// `invoice_id|receipt|status|payment_id`.
///
/// `receipt` may be empty (an invoice created without one).
///
/// ```
/// use razorpay_core::{sign_invoice, verify_invoice_signature};
///
/// let signature = sign_invoice("inv_1", "rcpt_9", "paid", "pay_1", "key_secret");
/// assert!(verify_invoice_signature("inv_1", "rcpt_9", "paid", "pay_1", &signature, "key_secret").is_ok());
/// ```
///
/// # Errors
/// As for [`verify_payment_signature`]; an empty `receipt` is not an error.
pub fn verify_invoice_signature(
    invoice_id: &str,
    receipt: &str,
    status: &str,
    payment_id: &str,
    signature: &str,
    key_secret: &str,
) -> Result<(), SignatureError> {
    verify_fields(
        &invoice_fields(invoice_id, receipt, status, payment_id),
        signature,
        KEY_SECRET,
        key_secret,
    )
}

/// Signs an order payment callback (`order_id|payment_id`) the way Razorpay does: lowercase hex.
/// For tests and local stand-ins; production code only verifies.
pub fn sign_payment(order_id: &str, payment_id: &str, key_secret: &str) -> String {
    sign_fields(&order_fields(order_id, payment_id), key_secret)
}

/// Signs a subscription callback (`payment_id|subscription_id`).
pub fn sign_subscription(subscription_id: &str, payment_id: &str, key_secret: &str) -> String {
    sign_fields(
        &subscription_fields(subscription_id, payment_id),
        key_secret,
    )
}

/// Signs a payment link callback (`payment_link_id|reference_id|status|payment_id`).
pub fn sign_payment_link(
    payment_link_id: &str,
    reference_id: &str,
    status: &str,
    payment_id: &str,
    key_secret: &str,
) -> String {
    sign_fields(
        &payment_link_fields(payment_link_id, reference_id, status, payment_id),
        key_secret,
    )
}

/// Signs an invoice callback (`invoice_id|receipt|status|payment_id`).
pub fn sign_invoice(
    invoice_id: &str,
    receipt: &str,
    status: &str,
    payment_id: &str,
    key_secret: &str,
) -> String {
    sign_fields(
        &invoice_fields(invoice_id, receipt, status, payment_id),
        key_secret,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signature::hmac_sha256_hex;

    const SECRET: &str = "EnLs21M47BllR3X8PSFtjtbd";

    #[test]
    fn order_message_is_order_then_payment() {
        let sig = sign_payment("order_IEIaMR65cu6nz3", "pay_IH4NVgf4Dreq1l", SECRET);
        assert_eq!(
            sig,
            "0d4e745a1838664ad6c9c9902212a32d627d68e917290b0ad5f08ff4561bc50f"
        );
        assert_eq!(
            sig,
            hmac_sha256_hex(SECRET, b"order_IEIaMR65cu6nz3|pay_IH4NVgf4Dreq1l")
        );
        assert_eq!(
            verify_payment_signature("order_IEIaMR65cu6nz3", "pay_IH4NVgf4Dreq1l", &sig, SECRET),
            Ok(())
        );
        // Swapping the ids must fail: the order matters.
        assert_eq!(
            verify_payment_signature("pay_IH4NVgf4Dreq1l", "order_IEIaMR65cu6nz3", &sig, SECRET),
            Err(SignatureError::Mismatch)
        );
    }

    #[test]
    fn subscription_message_puts_the_payment_first() {
        let sig = sign_subscription("sub_ID6MOhgkcoHj9I", "pay_IDZNwZZFtnjyym", SECRET);
        assert_eq!(
            sig,
            "601f383334975c714c91a7d97dd723eb56520318355863dcf3821c0d07a17693"
        );
        assert_eq!(
            sig,
            hmac_sha256_hex(SECRET, b"pay_IDZNwZZFtnjyym|sub_ID6MOhgkcoHj9I")
        );
    }

    #[test]
    fn payment_link_and_invoice_sign_four_fields() {
        let sig = sign_payment_link(
            "plink_IH3cNucfVEgV68",
            "TSsd1989",
            "paid",
            "pay_IH3d0ara9bSsjQ",
            SECRET,
        );
        assert_eq!(
            sig,
            "07ae18789e35093e51d0a491eb9922646f3f82773547e5b0f67ee3f2d3bf7d5b"
        );
        let sig = sign_invoice("inv_1", "r1", "paid", "pay_1", "k");
        assert_eq!(sig, hmac_sha256_hex("k", b"inv_1|r1|paid|pay_1"));
        assert_eq!(
            verify_invoice_signature("inv_1", "r1", "paid", "pay_1", &sig, "k"),
            Ok(())
        );
        assert_eq!(
            verify_invoice_signature("inv_1", "r1", "issued", "pay_1", &sig, "k"),
            Err(SignatureError::Mismatch)
        );
    }

    #[test]
    fn empty_reference_and_receipt_are_signed_as_empty_strings() {
        let sig = sign_payment_link("plink_1", "", "paid", "pay_1", "k");
        assert_eq!(sig, hmac_sha256_hex("k", b"plink_1||paid|pay_1"));
        assert_eq!(
            verify_payment_link_signature("plink_1", "", "paid", "pay_1", &sig, "k"),
            Ok(())
        );
        let sig = sign_invoice("inv_1", "", "paid", "pay_1", "k");
        assert_eq!(
            verify_invoice_signature("inv_1", "", "paid", "pay_1", &sig, "k"),
            Ok(())
        );
    }

    #[test]
    fn upper_case_hex_is_accepted() {
        let sig = sign_payment("order_1", "pay_1", "k").to_ascii_uppercase();
        assert_eq!(
            verify_payment_signature("order_1", "pay_1", &sig, "k"),
            Ok(())
        );
    }

    #[test]
    fn empty_inputs_are_named() {
        let sig = sign_payment("order_1", "pay_1", "k");
        let missing = |field: &str| {
            Err(SignatureError::MissingInput {
                field: field.to_owned(),
            })
        };
        assert_eq!(
            verify_payment_signature("", "pay_1", &sig, "k"),
            missing("order_id")
        );
        assert_eq!(
            verify_payment_signature("order_1", "", &sig, "k"),
            missing("payment_id")
        );
        assert_eq!(
            verify_payment_signature("order_1", "pay_1", "", "k"),
            missing("signature")
        );
        assert_eq!(
            verify_payment_signature("order_1", "pay_1", &sig, ""),
            missing("key_secret")
        );
        assert_eq!(
            verify_subscription_signature("", "pay_1", &sig, "k"),
            missing("subscription_id")
        );
        assert_eq!(
            verify_payment_link_signature("plink_1", "r", "", "pay_1", &sig, "k"),
            missing("status")
        );
        assert_eq!(
            verify_invoice_signature("", "r", "paid", "pay_1", &sig, "k"),
            missing("invoice_id")
        );
    }

    #[test]
    fn malformed_signatures_are_not_mismatches() {
        for bad in [
            "test_signature",
            "sdfafds",
            &"a".repeat(63),
            &"a".repeat(65),
            &"g".repeat(64),
        ] {
            assert_eq!(
                verify_payment_signature("order_1", "pay_1", bad, "k"),
                Err(SignatureError::Malformed {
                    len: bad.len() as u64
                }),
                "{bad}"
            );
        }
    }

    #[test]
    fn errors_never_contain_the_expected_signature_or_secret() {
        let secret = "very-secret-key";
        let expected = sign_payment("order_1", "pay_1", secret);
        let wrong = sign_payment("order_1", "pay_1", "other");
        let err = verify_payment_signature("order_1", "pay_1", &wrong, secret).unwrap_err();
        for text in [err.to_string(), format!("{err:?}")] {
            assert!(
                !text.contains(&expected) && !text.contains(secret),
                "{text}"
            );
        }
    }
}
