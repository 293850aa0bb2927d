//! The checkout of `docs/api-conventions.md` ("The same checkout in four languages"), in Rust:
//! validate the cart, plan the order, verify the callback, construct the webhook event, apply
//! both to the payment state. `tests/readme.rs` checks that the doc's Rust block is an excerpt
//! of this file; the TypeScript, Python and Kotlin blocks are excerpts of their own tests.

use checkout_rules::{Cart, CartLine, Catalog, CatalogItem, Policy, plan_checkout, validate_cart};
use razorpay_core::reconcile::{PaymentOrderStatus, PaymentState, ReconcileInput, apply};
use razorpay_core::webhook::WebhookVerifier;
use razorpay_core::{sign_payment, sign_webhook};

const ORDER: &str = "order_DESlLckIVRkHWj";
const PAYMENT: &str = "pay_DESlfW9H8K9uqM";

fn captured_webhook() -> Vec<u8> {
    format!(
        r#"{{"entity":"event","account_id":"acc_1","event":"payment.captured","contains":["payment"],"payload":{{"payment":{{"entity":{{"id":"{PAYMENT}","entity":"payment","amount":55000,"currency":"INR","status":"captured","order_id":"{ORDER}","captured":true,"notes":[]}}}}}},"created_at":1700000000}}"#
    )
    .into_bytes()
}

#[test]
fn the_same_checkout() -> Result<(), Box<dyn std::error::Error>> {
    let key_secret = "key_secret";
    let webhook_secret = "whsec_1";
    let body = captured_webhook();
    let webhook_signature = sign_webhook(&body, webhook_secret);
    let razorpay_signature = sign_payment(ORDER, PAYMENT, key_secret);

    // 1. Validate the cart: problems are data, not errors.
    let cart = Cart::new("INR").line(CartLine::new("l1", "tea", 2, 27500));
    let catalog = Catalog::new([CatalogItem::new("tea", 27500, "INR", 40)]);
    let report = validate_cart(&cart, &catalog, &Policy::default());
    assert!(report.is_valid);

    // 2. Plan the order: the amount to create the Razorpay order with.
    let plan = plan_checkout(&cart, &catalog, &Policy::default())?;
    assert_eq!(plan.total, 55000);

    // 3. Verify the checkout callback: a forged signature is an error.
    let callback =
        ReconcileInput::verified_callback(ORDER, PAYMENT, &razorpay_signature, key_secret)?;

    // 4. Construct the webhook event: only a verified body becomes an event.
    let verifier = WebhookVerifier::new([webhook_secret])?;
    let event = verifier.construct_event(&body, &webhook_signature)?;

    // 5. Apply both to the order's payment state, in any order.
    let state = PaymentState::new(ORDER, plan.total, "INR");
    let authorized = apply(&state, &callback)?;
    let paid = apply(&authorized.state, &ReconcileInput::webhook("evt_1", event))?;
    assert_eq!(paid.state.status(), PaymentOrderStatus::Paid);
    Ok(())
}
