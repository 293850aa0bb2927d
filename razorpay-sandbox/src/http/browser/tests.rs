//! The browser routes through a running sandbox: what `checkout.js`, the frame and the
//! dashboard serve, and that the dashboard's buttons act on the account.

use std::time::Duration;

use serde_json::{Value, json};

use crate::{CheckoutRequest, Sandbox, WebhookRetry};

async fn sandbox() -> (Sandbox, reqwest::Client) {
    let sandbox = Sandbox::builder()
        .key_id("rzp_test_browser")
        .key_secret("browser_secret")
        .webhook_retry(WebhookRetry {
            timeout: Duration::from_secs(1),
            max_attempts: 2,
            initial_backoff: Duration::from_millis(10),
            max_backoff: Duration::from_millis(10),
        })
        .start()
        .await
        .expect("sandbox starts");
    (sandbox, reqwest::Client::new())
}

async fn create_order(sandbox: &Sandbox, http: &reqwest::Client, amount: i64) -> String {
    let order: Value = http
        .post(format!("{}/v1/orders", sandbox.url()))
        .basic_auth("rzp_test_browser", Some("browser_secret"))
        .json(&json!({ "amount": amount, "currency": "INR", "receipt": "r<1>" }))
        .send()
        .await
        .expect("order request")
        .json()
        .await
        .expect("order JSON");
    order["id"].as_str().expect("order id").to_string()
}

#[tokio::test]
async fn checkout_js_and_the_frame_are_served_without_credentials() {
    let (sandbox, http) = sandbox().await;
    let js = http
        .get(format!("{}/v1/checkout.js", sandbox.url()))
        .send()
        .await
        .expect("checkout.js");
    assert_eq!(js.status(), 200);
    assert!(
        js.headers()["content-type"]
            .to_str()
            .is_ok_and(|t| t.starts_with("application/javascript"))
    );
    assert!(
        js.text()
            .await
            .is_ok_and(|t| t.contains("window.Razorpay = Razorpay"))
    );
    // The rest of /v1 still needs the key.
    let orders = http
        .get(format!("{}/v1/orders", sandbox.url()))
        .send()
        .await
        .expect("orders");
    assert_eq!(orders.status(), 401);
    let frame = http
        .get(format!("{}/sandbox/checkout/frame", sandbox.url()))
        .send()
        .await
        .expect("frame");
    assert_eq!(frame.status(), 200);
    assert!(
        frame
            .text()
            .await
            .is_ok_and(|t| t.contains("data-testid=\"pay\""))
    );
    assert!(
        sandbox
            .requests()
            .iter()
            .all(|r| !r.path.contains("checkout.js")),
        "checkout.js is not an API call"
    );
}

#[tokio::test]
async fn preferences_validate_the_key_and_the_order() {
    let (sandbox, http) = sandbox().await;
    let order_id = create_order(&sandbox, &http, 99_800).await;
    let ask = |query: String| {
        let http = http.clone();
        let url = format!("{}/sandbox/checkout/preferences?{query}", sandbox.url());
        async move {
            let response = http.get(url).send().await.expect("preferences");
            let status = response.status().as_u16();
            (status, response.json::<Value>().await.expect("JSON"))
        }
    };
    let (status, ok) = ask(format!(
        "key_id=rzp_test_browser&order_id={order_id}&amount=99800"
    ))
    .await;
    assert_eq!(status, 200, "{ok}");
    assert_eq!(ok["display_amount"], "INR 998.00");
    assert_eq!(ok["order"]["amount_due"], 99_800);

    let (status, no_key) = ask(format!("order_id={order_id}")).await;
    assert_eq!(status, 401);
    assert_eq!(
        no_key["error"]["description"],
        "Please provide your api key for authentication purposes."
    );

    let (status, wrong_key) = ask(format!("key_id=rzp_test_other&order_id={order_id}")).await;
    assert_eq!(status, 401);
    assert_eq!(
        wrong_key["error"]["description"],
        "The api key provided is invalid"
    );

    let (status, wrong_amount) = ask(format!(
        "key_id=rzp_test_browser&order_id={order_id}&amount=100"
    ))
    .await;
    assert_eq!(status, 400);
    assert_eq!(wrong_amount["error"]["field"], "amount");

    let (status, unknown) =
        ask("key_id=rzp_test_browser&order_id=order_missing0000000".into()).await;
    assert_eq!(status, 400);
    assert_eq!(unknown["error"]["code"], "BAD_REQUEST_ERROR");
}

#[tokio::test]
async fn dashboard_lists_the_account_and_its_buttons_act_on_it() {
    let (sandbox, http) = sandbox().await;
    let hook = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("receiver binds");
    let hook_url = format!("http://{}/hook", hook.local_addr().expect("addr"));
    // A receiver that is not answering: attempts fail, which the dashboard must show.
    drop(hook);
    sandbox.register_webhook(hook_url.clone());
    let order_id = create_order(&sandbox, &http, 50_000).await;
    let paid = sandbox
        .checkout(&CheckoutRequest::new(order_id.clone()))
        .expect("payment");
    let payment_id = paid.payment_id().to_string();
    sandbox.wait_for_webhooks(Duration::from_secs(20)).await;

    let page = http
        .get(format!("{}/sandbox/", sandbox.url()))
        .send()
        .await
        .expect("dashboard");
    assert_eq!(page.status(), 200);
    let html = page.text().await.expect("html");
    assert!(html.contains(&order_id));
    assert!(html.contains(&payment_id));
    assert!(html.contains("r&lt;1&gt;"), "receipts are escaped");
    assert!(html.contains("data-event=\"order.paid\""));
    assert!(html.contains(&hook_url));

    let refund = http
        .post(format!("{}/sandbox/dashboard/refund", sandbox.url()))
        .form(&[("payment_id", payment_id.as_str()), ("amount", "20000")])
        .send()
        .await
        .expect("refund");
    let html = refund.text().await.expect("html");
    assert!(html.contains("class=\"notice\""), "{html}");
    let payment: Value = http
        .get(format!("{}/v1/payments/{payment_id}", sandbox.url()))
        .basic_auth("rzp_test_browser", Some("browser_secret"))
        .send()
        .await
        .expect("payment")
        .json()
        .await
        .expect("JSON");
    assert_eq!(payment["amount_refunded"], 20_000);

    let too_much = http
        .post(format!("{}/sandbox/dashboard/refund", sandbox.url()))
        .form(&[("payment_id", payment_id.as_str()), ("amount", "999999")])
        .send()
        .await
        .expect("refund");
    assert!(
        too_much
            .text()
            .await
            .is_ok_and(|h| h.contains("class=\"error\""))
    );

    sandbox.wait_for_webhooks(Duration::from_secs(20)).await;
    let event = sandbox
        .webhook_deliveries()
        .into_iter()
        .find(|d| d.event == "order.paid")
        .expect("order.paid logged");
    let attempts = |deliveries: &[crate::WebhookDelivery]| {
        deliveries
            .iter()
            .filter(|d| d.event_id == event.event_id)
            .count()
    };
    let before = attempts(&sandbox.webhook_deliveries());
    let redelivered = http
        .post(format!("{}/sandbox/dashboard/redeliver", sandbox.url()))
        .form(&[
            ("event_id", event.event_id.as_str()),
            ("url", hook_url.as_str()),
        ])
        .send()
        .await
        .expect("redeliver");
    assert!(
        redelivered
            .text()
            .await
            .is_ok_and(|h| h.contains("queued again"))
    );
    sandbox.wait_for_webhooks(Duration::from_secs(20)).await;
    let log = sandbox.webhook_deliveries();
    assert_eq!(attempts(&log), before + 1);
    let last = log
        .iter()
        .rfind(|d| d.event_id == event.event_id)
        .expect("redelivery");
    assert_eq!(
        (&last.body, &last.signature),
        (&event.body, &event.signature)
    );

    let queued = http
        .post(format!("{}/sandbox/dashboard/fault", sandbox.url()))
        .form(&[("kind", "server_error")])
        .send()
        .await
        .expect("fault");
    assert!(
        queued
            .text()
            .await
            .is_ok_and(|h| h.contains("server_error"))
    );
    let faulted = http
        .get(format!("{}/v1/orders/{order_id}", sandbox.url()))
        .basic_auth("rzp_test_browser", Some("browser_secret"))
        .send()
        .await
        .expect("order");
    assert_eq!(faulted.status(), 500);
}

#[tokio::test]
async fn webhook_fault_settings_are_validated_and_cleared() {
    let (sandbox, http) = sandbox().await;
    let post = |path: &'static str, form: Vec<(&'static str, &'static str)>| {
        let request = http
            .post(format!("{}/sandbox/dashboard/{path}", sandbox.url()))
            .form(&form);
        async move {
            request
                .send()
                .await
                .expect("action")
                .text()
                .await
                .expect("html")
        }
    };
    let refused = post("webhook-faults", vec![("duplicate_rate", "2")]).await;
    assert!(
        refused.contains("The duplicate_rate must be between 0 and 1."),
        "{refused}"
    );
    let too_long = post("webhook-faults", vec![("delay_ms", "600000")]).await;
    assert!(too_long.contains("The delay_ms must be at most 60000."));
    let set = post(
        "webhook-faults",
        vec![("duplicate_rate", "0.5"), ("shuffle_window_ms", "20")],
    )
    .await;
    assert!(
        set.contains("duplicate rate 0.5, shuffle window 20 ms"),
        "{set}"
    );
    let unknown = post("fault", vec![("kind", "meteor")]).await;
    assert!(unknown.contains("class=\"error\""));
    post("fault", vec![("kind", "server_error")]).await;
    let cleared = post("clear-faults", vec![]).await;
    assert!(cleared.contains("All faults cleared"));
    let order = http
        .get(format!("{}/v1/orders", sandbox.url()))
        .basic_auth("rzp_test_browser", Some("browser_secret"))
        .send()
        .await
        .expect("orders");
    assert_eq!(order.status(), 200, "the queued fault was cleared");
}

#[tokio::test]
async fn capture_button_captures_an_authorized_payment() {
    let sandbox = Sandbox::builder()
        .key_id("rzp_test_browser")
        .key_secret("browser_secret")
        .auto_capture(false)
        .start()
        .await
        .expect("sandbox starts");
    let http = reqwest::Client::new();
    let order_id = create_order(&sandbox, &http, 30_000).await;
    let payment_id = sandbox
        .checkout(&CheckoutRequest::new(order_id))
        .expect("payment")
        .payment_id()
        .to_string();
    let page = http
        .get(format!("{}/sandbox/", sandbox.url()))
        .send()
        .await
        .expect("dashboard")
        .text()
        .await
        .expect("html");
    assert!(
        page.contains("/sandbox/dashboard/capture"),
        "authorized payments offer Capture"
    );
    let captured = http
        .post(format!("{}/sandbox/dashboard/capture", sandbox.url()))
        .form(&[("payment_id", payment_id.as_str())])
        .send()
        .await
        .expect("capture")
        .text()
        .await
        .expect("html");
    assert!(
        captured.contains(&format!("Payment {payment_id} captured")),
        "{captured}"
    );
    let again = http
        .post(format!("{}/sandbox/dashboard/capture", sandbox.url()))
        .form(&[("payment_id", payment_id.as_str())])
        .send()
        .await
        .expect("capture")
        .text()
        .await
        .expect("html");
    assert!(again.contains("This payment has already been captured"));
}

#[tokio::test]
async fn clock_button_advances_sandbox_time() {
    let (sandbox, http) = sandbox().await;
    let page = http
        .get(format!("{}/sandbox/", sandbox.url()))
        .send()
        .await
        .expect("dashboard")
        .text()
        .await
        .expect("html");
    assert!(
        page.contains("action=\"/sandbox/dashboard/clock\""),
        "{page}"
    );
    let post = |seconds: &'static str| {
        let request = http
            .post(format!("{}/sandbox/dashboard/clock", sandbox.url()))
            .form(&[("seconds", seconds)]);
        async move {
            request
                .send()
                .await
                .expect("action")
                .text()
                .await
                .expect("html")
        }
    };
    let advanced = post("86400").await;
    assert!(
        advanced.contains("Sandbox clock advanced by 86400 s"),
        "{advanced}"
    );
    let clock: serde_json::Value = http
        .get(format!("{}/sandbox/clock", sandbox.url()))
        .send()
        .await
        .expect("clock")
        .json()
        .await
        .expect("json");
    assert!(
        clock["offset_secs"].as_i64().is_some_and(|s| s >= 86_400),
        "{clock}"
    );
    let refused = post("-5").await;
    assert!(refused.contains("class=\"error\""), "{refused}");
    let garbage = post("soon").await;
    assert!(
        garbage.contains("The seconds must be a whole number."),
        "{garbage}"
    );
}
