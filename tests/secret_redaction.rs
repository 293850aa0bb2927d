//! Issue 15, attack 6: every public type that holds a key secret or a webhook secret keeps it
//! out of `Debug` (plain and `{:#?}`) and `Display`, including errors built from it.
//!
//! The list below is the inventory of such types across razorpay-core and razorpay-sandbox
//! (the bindings' own holders are checked in their crates): `Secret`, `ClientConfig`,
//! `RazorpayClient`, `WebhookVerifier`, `SandboxBuilder`, `Sandbox`, `WebhookEndpoint`.

use razorpay_core::Secret;
use razorpay_core::client::{ClientConfig, RazorpayClient};
use razorpay_core::webhook::WebhookVerifier;
use razorpay_sandbox::{Sandbox, WebhookEndpoint};

const KEY_SECRET: &str = "KEYSECRETmustNeverPrint0001";
const WEBHOOK_SECRET: &str = "WHSECRETmustNeverPrint0002";
const ENDPOINT_SECRET: &str = "ENDPOINTsecretNeverPrint003";

/// Every rendering of `value` that a log line, a panic or an error message could use.
fn renderings(value: &impl std::fmt::Debug) -> [String; 2] {
    [format!("{value:?}"), format!("{value:#?}")]
}

fn assert_hidden(what: &str, printed: &[String]) {
    for text in printed {
        for secret in [KEY_SECRET, WEBHOOK_SECRET, ENDPOINT_SECRET] {
            assert!(!text.contains(secret), "{what} printed a secret: {text}");
        }
    }
}

#[test]
fn core_types_holding_a_secret_never_print_it() {
    let secret = Secret::new(KEY_SECRET);
    let mut printed = renderings(&secret).to_vec();
    printed.push(secret.to_string());
    assert_hidden("Secret", &printed);

    let config = ClientConfig::new("rzp_test_redact0000001", KEY_SECRET);
    assert_hidden("ClientConfig", &renderings(&config));
    let client = RazorpayClient::new(config.clone()).expect("valid config");
    assert_hidden("RazorpayClient", &renderings(&client));

    // Errors built from a configuration holding the secret.
    let live =
        ClientConfig::new("rzp_live_redact0000001", KEY_SECRET).base_url("http://api.razorpay.com");
    let error = RazorpayClient::new(live).expect_err("live over http");
    assert_hidden("ClientError", &[error.to_string(), format!("{error:?}")]);

    let verifier = WebhookVerifier::new([WEBHOOK_SECRET, ENDPOINT_SECRET]).expect("secrets");
    assert_hidden("WebhookVerifier", &renderings(&verifier));
}

#[tokio::test]
async fn sandbox_types_holding_a_secret_never_print_it() {
    let mut endpoint = WebhookEndpoint::new("http://127.0.0.1:9/hook");
    endpoint.secret = Some(ENDPOINT_SECRET.to_owned());
    assert_hidden("WebhookEndpoint", &renderings(&endpoint));

    let builder = Sandbox::builder()
        .key_secret(KEY_SECRET)
        .webhook_secret(WEBHOOK_SECRET)
        .webhook_endpoint(endpoint);
    let printed = renderings(&builder);
    assert_hidden("SandboxBuilder", &printed);
    assert!(printed[0].contains("<redacted>"), "{}", printed[0]);

    let sandbox = builder.start().await.expect("sandbox starts");
    assert_eq!(
        sandbox.key_secret(),
        KEY_SECRET,
        "the builder kept the secret"
    );
    assert_eq!(sandbox.webhook_secret(), WEBHOOK_SECRET);
    assert_hidden("Sandbox", &renderings(&sandbox));
    sandbox.stop().await;
}
