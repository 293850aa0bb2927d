//! Every `RazorpayClient` method against the sandbox: orders, payments, refunds, and the
//! checkout → capture → refund bookkeeping.

use checkout_kit_tests::sandbox as support;

use razorpay_core::client::{
    CapturePayment, ClientError, CreateOrder, CreateRefund, EditOrder, ListOrders, ListPayments,
    ListRefunds, Mode, RefundSpeed,
};
use razorpay_core::model::{Notes, OrderStatus, PaymentStatus, RefundStatus};
use razorpay_core::verify_payment_signature;
use razorpay_sandbox::{
    CheckoutMethod, CheckoutOutcome, CheckoutRequest, CheckoutResult, is_razorpay_id,
};

fn paid(result: CheckoutResult) -> (String, String, String) {
    match result {
        CheckoutResult::Paid {
            razorpay_payment_id,
            razorpay_order_id,
            razorpay_signature,
        } => (razorpay_payment_id, razorpay_order_id, razorpay_signature),
        CheckoutResult::Failed { error, .. } => panic!("checkout failed: {error:?}"),
    }
}

#[tokio::test]
async fn orders_create_fetch_list_edit_and_payments() {
    let sandbox = support::sandbox().await;
    let client = support::client(&sandbox);
    assert_eq!(client.mode(), Mode::Test);

    let created = client
        .orders()
        .create(
            &CreateOrder::new(50_000, "INR")
                .receipt("cart_42")
                .note("user_id", "u_7"),
        )
        .await
        .expect("order created");
    assert!(is_razorpay_id(&created.id, "order"), "{}", created.id);
    assert_eq!((created.amount, created.currency.as_str()), (50_000, "INR"));
    assert_eq!(created.status, OrderStatus::Created);
    assert_eq!(
        (created.amount_paid, created.amount_due),
        (Some(0), Some(50_000))
    );
    assert_eq!(created.notes.get("user_id"), Some("u_7"));
    assert_eq!(created.receipt.as_deref(), Some("cart_42"));

    let fetched = client.orders().fetch(&created.id).await.expect("fetch");
    assert_eq!(fetched, created);
    let user_agent = format!("checkout-kit/{}", env!("CARGO_PKG_VERSION"));
    assert!(
        sandbox
            .requests()
            .iter()
            .all(|r| r.user_agent.as_deref() == Some(user_agent.as_str()))
    );

    let other = client
        .orders()
        .create(&CreateOrder::new(10_000, "INR").receipt("cart_43"))
        .await
        .expect("second");
    let all = client
        .orders()
        .list(&ListOrders::default())
        .await
        .expect("list");
    assert_eq!(all.count, 2);
    assert_eq!(
        all.items.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(),
        [other.id.as_str(), created.id.as_str()]
    );
    let by_receipt = client
        .orders()
        .list(&ListOrders::default().receipt("cart_42"))
        .await
        .expect("by receipt");
    assert_eq!(by_receipt.items.len(), 1);
    assert_eq!(by_receipt.items[0].id, created.id);
    let page = client
        .orders()
        .list(&ListOrders::default().count(1).skip(1))
        .await
        .expect("page");
    assert_eq!(
        page.items.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(),
        [created.id.as_str()]
    );

    let notes: Notes = [("user_id", "u_7"), ("coupon", "DIWALI")]
        .into_iter()
        .collect();
    let edited = client
        .orders()
        .edit(&created.id, &EditOrder::notes(notes))
        .await
        .expect("edit");
    assert_eq!(edited.notes.get("coupon"), Some("DIWALI"));
    assert_eq!(edited.notes.len(), 2);

    let (payment_id, order_id, signature) = paid(sandbox.pay(&created.id).expect("checkout"));
    assert_eq!(order_id, created.id);
    verify_payment_signature(&order_id, &payment_id, &signature, sandbox.key_secret())
        .expect("genuine signature");

    let order = client
        .orders()
        .fetch(&created.id)
        .await
        .expect("fetch paid");
    assert_eq!(order.status, OrderStatus::Paid);
    assert_eq!(
        (order.amount_paid, order.amount_due, order.attempts),
        (Some(50_000), Some(0), Some(1))
    );
    let payments = client
        .orders()
        .payments(&created.id)
        .await
        .expect("order payments");
    assert_eq!(payments.count, 1);
    assert_eq!(payments.items[0].id, payment_id);
    assert_eq!(payments.items[0].status, PaymentStatus::Captured);

    let authorized = client
        .orders()
        .list(&ListOrders::default().authorized(true))
        .await
        .expect("authorized");
    assert_eq!(
        authorized
            .items
            .iter()
            .map(|o| o.id.as_str())
            .collect::<Vec<_>>(),
        [created.id.as_str()]
    );
    let unpaid = client
        .orders()
        .list(&ListOrders::default().authorized(false))
        .await
        .expect("unauthorized");
    assert_eq!(
        unpaid
            .items
            .iter()
            .map(|o| o.id.clone())
            .collect::<Vec<_>>(),
        [other.id]
    );
}

#[tokio::test]
async fn manual_capture_then_partial_and_full_refunds() {
    let sandbox = support::sandbox().await;
    let client = support::client(&sandbox);
    let order = client
        .orders()
        .create(&CreateOrder::new(30_000, "INR"))
        .await
        .expect("order");

    let request = CheckoutRequest::new(&order.id)
        .method(CheckoutMethod::Upi)
        .outcome(CheckoutOutcome::Authorized);
    let (payment_id, _, _) = paid(sandbox.checkout(&request).expect("checkout"));
    let payment = client.payments().fetch(&payment_id).await.expect("fetch");
    assert_eq!(payment.status, PaymentStatus::Authorized);
    assert_eq!(payment.method.as_deref(), Some("upi"));
    assert_eq!(
        client
            .orders()
            .fetch(&order.id)
            .await
            .expect("order")
            .status,
        OrderStatus::Attempted
    );

    // Refunds need a captured payment.
    let early = client
        .refunds()
        .create(&payment_id, &CreateRefund::full())
        .await
        .unwrap_err();
    assert_eq!(early.code(), "BAD_REQUEST");

    // Capture must be for the authorized amount.
    let wrong = client
        .payments()
        .capture(&payment_id, &CapturePayment::new(20_000, "INR"))
        .await
        .unwrap_err();
    assert_eq!(
        (wrong.code(), wrong.field()),
        ("BAD_REQUEST", Some("amount"))
    );

    let captured = client
        .payments()
        .capture(&payment_id, &CapturePayment::new(30_000, "INR"))
        .await
        .expect("capture");
    assert_eq!(captured.status, PaymentStatus::Captured);
    assert_eq!(
        client
            .orders()
            .fetch(&order.id)
            .await
            .expect("order")
            .status,
        OrderStatus::Paid
    );
    let again = client
        .payments()
        .capture(&payment_id, &CapturePayment::new(30_000, "INR"))
        .await
        .unwrap_err();
    assert_eq!(
        again.razorpay_error().map(|e| e.description.as_str()),
        Some("This payment has already been captured")
    );

    let partial = client
        .payments()
        .refund(
            &payment_id,
            &CreateRefund::partial(10_000)
                .speed(RefundSpeed::Optimum)
                .note("reason", "size"),
        )
        .await
        .expect("partial refund");
    assert!(is_razorpay_id(&partial.id, "rfnd"));
    assert_eq!(
        (partial.amount, partial.payment_id.as_str()),
        (10_000, payment_id.as_str())
    );
    assert_eq!(partial.status, Some(RefundStatus::Processed));
    assert_eq!(partial.speed_requested.as_deref(), Some("optimum"));
    let after_partial = client.payments().fetch(&payment_id).await.expect("payment");
    assert_eq!(
        (
            after_partial.amount_refunded,
            after_partial.refund_status.as_deref()
        ),
        (Some(10_000), Some("partial"))
    );
    assert_eq!(after_partial.status, PaymentStatus::Captured);

    let too_much = client
        .refunds()
        .create(&payment_id, &CreateRefund::partial(20_001))
        .await
        .unwrap_err();
    assert_eq!(
        (too_much.code(), too_much.status(), too_much.field()),
        ("BAD_REQUEST", Some(400), Some("amount"))
    );

    let rest = client
        .refunds()
        .create(&payment_id, &CreateRefund::full())
        .await
        .expect("full refund of the rest");
    assert_eq!(rest.amount, 20_000);
    let refunded = client.payments().fetch(&payment_id).await.expect("payment");
    assert_eq!(refunded.status, PaymentStatus::Refunded);
    assert_eq!(
        (refunded.amount_refunded, refunded.refund_status.as_deref()),
        (Some(30_000), Some("full"))
    );
    let over = client
        .refunds()
        .create(&payment_id, &CreateRefund::full())
        .await
        .unwrap_err();
    assert_eq!(
        over.razorpay_error().map(|e| e.description.as_str()),
        Some("The payment has been fully refunded already")
    );

    let listed = client
        .payments()
        .refunds(&payment_id, &ListRefunds::default())
        .await
        .expect("list for payment");
    assert_eq!(
        listed
            .items
            .iter()
            .map(|r| r.id.clone())
            .collect::<Vec<_>>(),
        [rest.id.clone(), partial.id.clone()]
    );
    assert_eq!(
        client.refunds().fetch(&partial.id).await.expect("fetch"),
        partial
    );
    assert_eq!(
        client
            .refunds()
            .fetch_for_payment(&payment_id, &rest.id)
            .await
            .expect("fetch for payment"),
        rest
    );
    assert_eq!(
        client
            .refunds()
            .list(&ListRefunds::default().count(1))
            .await
            .expect("all")
            .items,
        vec![rest]
    );
}

#[tokio::test]
async fn refund_idempotency_key_returns_the_same_refund() {
    let sandbox = support::sandbox().await;
    let client = support::client(&sandbox);
    let order = client
        .orders()
        .create(&CreateOrder::new(10_000, "INR"))
        .await
        .expect("order");
    let (payment_id, _, _) = paid(sandbox.pay(&order.id).expect("pay"));

    let refund = CreateRefund::partial(1_000).idempotency_key("refund-cart42-001");
    let first = client
        .refunds()
        .create(&payment_id, &refund)
        .await
        .expect("refund");
    let second = client
        .refunds()
        .create(&payment_id, &refund)
        .await
        .expect("same refund");
    assert_eq!(first.id, second.id);
    let payment = client.payments().fetch(&payment_id).await.expect("payment");
    assert_eq!(payment.amount_refunded, Some(1_000), "refunded once");
    let keys: Vec<_> = sandbox
        .requests()
        .into_iter()
        .filter_map(|r| r.idempotency_key)
        .collect();
    assert_eq!(keys, ["refund-cart42-001", "refund-cart42-001"]);

    let different = client
        .refunds()
        .create(
            &payment_id,
            &CreateRefund::partial(2_000).idempotency_key("refund-cart42-001"),
        )
        .await
        .unwrap_err();
    assert_eq!(
        different.razorpay_error().map(|e| e.description.as_str()),
        Some("Different request with the same idempotency key has already been processed.")
    );

    let generated = CreateRefund::partial(1_000).with_new_idempotency_key();
    let third = client
        .refunds()
        .create(&payment_id, &generated)
        .await
        .expect("new key, new refund");
    assert_ne!(third.id, first.id);
}

#[tokio::test]
async fn payments_list_and_failed_checkout() {
    let sandbox = support::sandbox().await;
    let client = support::client(&sandbox);
    let order = client
        .orders()
        .create(&CreateOrder::new(20_000, "INR"))
        .await
        .expect("order");

    let failure = CheckoutOutcome::Failure(razorpay_sandbox::CheckoutFailure::default());
    let failed = sandbox
        .checkout(&CheckoutRequest::new(&order.id).outcome(failure))
        .expect("attempt");
    let CheckoutResult::Failed {
        payment_id: failed_id,
        error,
        ..
    } = failed
    else {
        panic!("expected a failure")
    };
    assert_eq!(error.code, "BAD_REQUEST_ERROR");
    let failed_payment = client
        .payments()
        .fetch(&failed_id)
        .await
        .expect("failed payment");
    assert_eq!(failed_payment.status, PaymentStatus::Failed);
    assert_eq!(
        failed_payment.error_reason.as_deref(),
        Some("payment_failed")
    );
    assert_eq!(
        client
            .orders()
            .fetch(&order.id)
            .await
            .expect("order")
            .status,
        OrderStatus::Attempted
    );

    let (paid_id, _, _) = paid(
        sandbox
            .checkout(&CheckoutRequest::new(&order.id).method(CheckoutMethod::Netbanking))
            .expect("retry"),
    );
    let listed = client
        .payments()
        .list(&ListPayments::default())
        .await
        .expect("list");
    assert_eq!(
        listed
            .items
            .iter()
            .map(|p| p.id.clone())
            .collect::<Vec<_>>(),
        [paid_id.clone(), failed_id.clone()]
    );
    let order = client.orders().fetch(&order.id).await.expect("order");
    assert_eq!((order.status, order.attempts), (OrderStatus::Paid, Some(2)));
    let one = client
        .payments()
        .list(&ListPayments::default().count(1))
        .await
        .expect("page");
    assert_eq!(one.items.len(), 1);
}

#[tokio::test]
async fn partial_payment_orders_fill_up() {
    let sandbox = support::sandbox().await;
    let client = support::client(&sandbox);
    let order = client
        .orders()
        .create(&CreateOrder::new(100_000, "INR").partial_payment(Some(40_000)))
        .await
        .expect("partial order");
    let too_small = sandbox
        .checkout(&CheckoutRequest::new(&order.id).amount(10_000))
        .unwrap_err();
    assert_eq!(too_small.status, 400);
    paid(
        sandbox
            .checkout(&CheckoutRequest::new(&order.id).amount(40_000))
            .expect("first part"),
    );
    let half = client.orders().fetch(&order.id).await.expect("order");
    assert_eq!(
        (half.status, half.amount_paid, half.amount_due),
        (OrderStatus::Attempted, Some(40_000), Some(60_000))
    );
    paid(
        sandbox
            .checkout(&CheckoutRequest::new(&order.id))
            .expect("the rest"),
    );
    let full = client.orders().fetch(&order.id).await.expect("order");
    assert_eq!(
        (full.status, full.amount_paid, full.amount_due),
        (OrderStatus::Paid, Some(100_000), Some(0))
    );
}

#[tokio::test]
async fn clones_share_one_client_across_tasks() {
    let sandbox = support::sandbox().await;
    let client = support::client(&sandbox);
    let tasks: Vec<_> = (0..20)
        .map(|i| {
            let client = client.clone();
            tokio::spawn(async move {
                client
                    .orders()
                    .create(&CreateOrder::new(10_000 + i, "INR"))
                    .await
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("task").expect("order");
    }
    let orders = client
        .orders()
        .list(&ListOrders::default().count(100))
        .await
        .expect("list");
    assert_eq!(orders.count, 20);
}

#[tokio::test]
async fn client_side_validation_names_the_field_and_sends_nothing() {
    let sandbox = support::sandbox().await;
    let client = support::client(&sandbox);
    let many: Notes = (0..16).map(|i| (format!("k{i}"), "v")).collect();
    let cases: Vec<(CreateOrder, &str, &str)> = vec![
        (CreateOrder::new(0, "INR"), "AMOUNT_NOT_POSITIVE", "amount"),
        (
            CreateOrder::new(99, "INR"),
            "AMOUNT_BELOW_MINIMUM",
            "amount",
        ),
        (
            CreateOrder::new(10_000, "XYZ"),
            "CURRENCY_UNSUPPORTED",
            "currency",
        ),
        (
            CreateOrder::new(10_000, "INR").receipt("r".repeat(41)),
            "RECEIPT_TOO_LONG",
            "receipt",
        ),
        (
            CreateOrder::new(10_000, "INR").notes(many),
            "NOTES_TOO_MANY",
            "notes",
        ),
        (
            CreateOrder::new(10_000, "INR").note("k", "v".repeat(257)),
            "NOTE_INVALID",
            "notes",
        ),
    ];
    for (order, code, field) in cases {
        let error = client.orders().create(&order).await.unwrap_err();
        assert!(matches!(error, ClientError::InvalidRequest(_)), "{error:?}");
        assert_eq!((error.code(), error.field()), (code, Some(field)));
    }
    let bad_id = client.orders().fetch("../payments").await.unwrap_err();
    assert_eq!(
        (bad_id.code(), bad_id.field()),
        ("ID_INVALID", Some("order_id"))
    );
    let bad_key = client
        .refunds()
        .create("pay_x", &CreateRefund::full().idempotency_key("short"))
        .await
        .unwrap_err();
    assert_eq!(bad_key.code(), "IDEMPOTENCY_KEY_INVALID");
    let bad_count = client
        .orders()
        .list(&ListOrders::default().count(101))
        .await
        .unwrap_err();
    assert_eq!(bad_count.code(), "COUNT_OUT_OF_RANGE");
    assert!(sandbox.requests().is_empty(), "nothing reached the API");
}

#[tokio::test]
async fn a_second_authorized_payment_of_a_paid_order_cannot_be_captured() {
    let sandbox = support::sandbox().await;
    let client = support::client(&sandbox);
    let order = client
        .orders()
        .create(&CreateOrder::new(10_000, "INR"))
        .await
        .expect("order");
    let authorize = CheckoutRequest::new(&order.id).outcome(CheckoutOutcome::Authorized);
    let first = paid(sandbox.checkout(&authorize).expect("first")).0;
    let second = paid(sandbox.checkout(&authorize).expect("second")).0;
    let capture = CapturePayment::new(10_000, "INR");
    client
        .payments()
        .capture(&first, &capture)
        .await
        .expect("first capture");
    let error = client
        .payments()
        .capture(&second, &capture)
        .await
        .unwrap_err();
    assert_eq!(
        error.razorpay_error().map(|e| e.description.as_str()),
        Some("Order has already been paid")
    );
    let order = client.orders().fetch(&order.id).await.expect("order");
    assert_eq!(order.amount_paid, Some(10_000));
    let second = client.payments().fetch(&second).await.expect("second");
    assert_eq!(second.status, PaymentStatus::Authorized);
}
