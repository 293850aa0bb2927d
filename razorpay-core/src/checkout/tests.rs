//! Options the SDK takes, payloads it hands back, and everything either rejects.

use std::collections::HashMap;

use serde_json::Value;

use super::*;

fn options() -> CheckoutOptions {
    CheckoutOptions {
        key_id: "rzp_test_1DP5mmOlF5G5ag".into(),
        order_id: "order_9A33XWu170gUtm".into(),
        amount: 123_450,
        currency: "INR".into(),
        name: "Acme Shop".into(),
        description: Some("Order #1001".into()),
        image: None,
        prefill: Some(CheckoutPrefill {
            name: Some("Gaurav Kumar".into()),
            email: Some("gaurav.kumar@example.com".into()),
            contact: None,
        }),
        notes: HashMap::from([("shop_order".into(), "1001".into())]),
        theme_color: Some("#3399cc".into()),
    }
}

#[test]
fn builds_the_options_razorpay_checkout_takes() {
    let json = options().to_json().unwrap();
    assert_eq!(
        json,
        r##"{"key":"rzp_test_1DP5mmOlF5G5ag","amount":123450,"currency":"INR","name":"Acme Shop","description":"Order #1001","order_id":"order_9A33XWu170gUtm","prefill":{"name":"Gaurav Kumar","email":"gaurav.kumar@example.com"},"notes":{"shop_order":"1001"},"theme":{"color":"#3399cc"}}"##
    );
}

#[test]
fn optional_parts_are_left_out() {
    let o = CheckoutOptions {
        description: None,
        prefill: Some(CheckoutPrefill::default()),
        notes: HashMap::new(),
        theme_color: Some("  ".into()),
        ..options()
    };
    let v: Value = serde_json::from_str(&o.to_json().unwrap()).unwrap();
    for absent in ["description", "image", "prefill", "notes", "theme"] {
        assert!(v.get(absent).is_none(), "{absent} should be absent");
    }
}

fn field_of(err: CheckoutOptionsError) -> String {
    assert_eq!(err.code(), "CHECKOUT_OPTION_INVALID");
    match err {
        CheckoutOptionsError::InvalidOption { field, .. } => field,
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn rejects_what_checkout_would_reject() {
    let cases: Vec<(CheckoutOptions, &str)> = vec![
        (
            CheckoutOptions {
                key_id: "secret123".into(),
                ..options()
            },
            "key",
        ),
        (
            CheckoutOptions {
                key_id: "rzp_test_".into(),
                ..options()
            },
            "key",
        ),
        (
            CheckoutOptions {
                order_id: "pay_123".into(),
                ..options()
            },
            "order_id",
        ),
        (
            CheckoutOptions {
                amount: 0,
                ..options()
            },
            "amount",
        ),
        (
            CheckoutOptions {
                amount: -5,
                ..options()
            },
            "amount",
        ),
        (
            CheckoutOptions {
                amount: 99,
                ..options()
            },
            "amount",
        ),
        (
            CheckoutOptions {
                currency: "XYZ".into(),
                ..options()
            },
            "currency",
        ),
        (
            CheckoutOptions {
                name: " ".into(),
                ..options()
            },
            "name",
        ),
        (
            CheckoutOptions {
                theme_color: Some("blue".into()),
                ..options()
            },
            "theme.color",
        ),
        (
            CheckoutOptions {
                theme_color: Some("#12345g".into()),
                ..options()
            },
            "theme.color",
        ),
        (
            CheckoutOptions {
                notes: (0..16).map(|i| (format!("k{i}"), "v".into())).collect(),
                ..options()
            },
            "notes",
        ),
        (
            CheckoutOptions {
                notes: HashMap::from([("k".into(), "x".repeat(257))]),
                ..options()
            },
            "notes",
        ),
    ];
    for (o, field) in cases {
        assert_eq!(field_of(o.to_json().unwrap_err()), field);
    }
}

#[test]
fn parses_the_success_payload() {
    let r = parse_checkout_result(
        r#"{"razorpay_payment_id":"pay_29QQoUBi66xm2f","razorpay_order_id":"order_9A33XWu170gUtm","razorpay_signature":"9ef4dffbfd84f1318f6739a3ce19f9d85851857ae648f114332d8401e0949a3d"}"#
    )
    .unwrap();
    let CheckoutResult::Success { payment } = r else {
        panic!("expected success")
    };
    assert_eq!(payment.payment_id, "pay_29QQoUBi66xm2f");
    assert_eq!(payment.order_id, "order_9A33XWu170gUtm");
    assert_eq!(
        payment.callback_json(),
        r#"{"razorpay_payment_id":"pay_29QQoUBi66xm2f","razorpay_order_id":"order_9A33XWu170gUtm","razorpay_signature":"9ef4dffbfd84f1318f6739a3ce19f9d85851857ae648f114332d8401e0949a3d"}"#
    );
}

#[test]
fn parses_the_failure_payload_with_and_without_wrapper() {
    let body = r#"{"code":"BAD_REQUEST_ERROR","description":"Authentication failed due to incorrect otp","field":null,"source":"customer","step":"payment_authentication","reason":"invalid_otp","metadata":{"payment_id":"pay_EDNBKIP31Y4jl8","order_id":"order_DBJKIP31Y4jl8"}}"#;
    for payload in [format!(r#"{{"error":{body}}}"#), body.to_owned()] {
        let CheckoutResult::Failure { error } = parse_checkout_result(&payload).unwrap() else {
            panic!("expected failure")
        };
        assert_eq!(error.code, "BAD_REQUEST_ERROR");
        assert_eq!(error.reason.as_deref(), Some("invalid_otp"));
        assert_eq!(error.step.as_deref(), Some("payment_authentication"));
        assert_eq!(error.source.as_deref(), Some("customer"));
        assert_eq!(error.field, None);
        assert_eq!(error.payment_id.as_deref(), Some("pay_EDNBKIP31Y4jl8"));
        assert_eq!(error.order_id.as_deref(), Some("order_DBJKIP31Y4jl8"));
        assert_eq!(error.metadata.len(), 2);
    }
}

#[test]
fn rejects_payloads_that_are_neither() {
    for bad in [
        "",
        "Payment Cancelled",
        "[]",
        "{}",
        r#"{"error":"x"}"#,
        r#"{"razorpay_payment_id":"pay_1"}"#,
        r#"{"razorpay_payment_id":"pay_1","razorpay_order_id":"order_1","razorpay_signature":""}"#,
        r#"{"error":{"description":"no code"}}"#,
    ] {
        let err = parse_checkout_result(bad).unwrap_err();
        assert_eq!(err.code(), "CHECKOUT_PAYLOAD_INVALID", "{bad}");
    }
}
