//! `webhook_verify`: the cost of verifying a 1.4 KB webhook with a `WebhookVerifier`, beside a
//! bare HMAC-SHA256 over the same bytes (key already set up) in the same run.
//!
//! Run: `cargo bench -p razorpay-core --bench webhook_verify`
//! (quick: append `-- --measurement-time 3 --warm-up-time 1`).
//!
//! Wall-clock medians are noisy on a shared machine. For a load-independent comparison, the
//! same binary counts instructions under valgrind when `WEBHOOK_VERIFY_LOOP=<case>:<calls>` is
//! set (case `bare`, `verifier`, `oneshot` or `none`); the per-call cost is the difference
//! between two call counts divided by their difference:
//!
//! ```sh
//! cargo bench -p razorpay-core --bench webhook_verify --no-run   # prints the binary's path
//! WEBHOOK_VERIFY_LOOP=verifier:1000 valgrind --tool=callgrind --callgrind-out-file=/dev/null <binary>
//! ```

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group};
use hmac::{Hmac, Mac};
use razorpay_core::webhook::WebhookVerifier;
use razorpay_core::{sign_webhook, verify_webhook_signature};
use sha2::Sha256;

const SECRET: &str = "whsec_benchmark_secret";
const BODY_LEN: usize = 1400;

/// A compact `payment.captured` event, padded through its notes to exactly 1.4 KB, the size of a
/// typical card payment webhook.
fn body() -> Vec<u8> {
    let head = r#"{"entity":"event","account_id":"acc_BFQ7uQEaa7j2z7","event":"payment.captured","contains":["payment"],"payload":{"payment":{"entity":{"id":"pay_DESlfW9H8K9uqM","entity":"payment","amount":100,"currency":"INR","base_amount":100,"status":"captured","order_id":"order_DESlLckIVRkHWj","invoice_id":null,"international":false,"method":"card","amount_refunded":0,"amount_transferred":0,"refund_status":null,"captured":true,"description":null,"card_id":"card_DESlfaFpHJ3FNQ","card":{"id":"card_DESlfaFpHJ3FNQ","entity":"card","name":"Gaurav Kumar","last4":"1111","network":"Visa","type":"debit","issuer":null,"international":false,"emi":false,"sub_type":"consumer"},"bank":null,"wallet":null,"vpa":null,"email":"gaurav.kumar@example.com","contact":"+919876543210","fee":2,"tax":0,"error_code":null,"error_description":null,"error_source":null,"error_step":null,"error_reason":null,"acquirer_data":{"auth_code":"958321","rrn":"322206890934"},"created_at":1567674599,"notes":{"cart_id":""#;
    let tail = r#""}}}},"created_at":1567674606}"#;
    let padding = BODY_LEN - head.len() - tail.len();
    let body = format!("{head}{}{tail}", "x".repeat(padding));
    assert_eq!(body.len(), BODY_LEN);
    assert!(serde_json::from_str::<serde_json::Value>(&body).is_ok());
    body.into_bytes()
}

/// The three ways of checking one body, set up once.
struct Cases {
    body: Vec<u8>,
    signature: String,
    verifier: WebhookVerifier,
    keyed: Hmac<Sha256>,
}

impl Cases {
    fn new() -> Self {
        let body = body();
        let signature = sign_webhook(&body, SECRET);
        let verifier = WebhookVerifier::new([SECRET]).expect("a secret");
        let keyed =
            <Hmac<Sha256> as Mac>::new_from_slice(SECRET.as_bytes()).expect("any key length");
        assert!(verifier.verify(&body, &signature).is_ok());
        Self {
            body,
            signature,
            verifier,
            keyed,
        }
    }

    /// The baseline: a bare HMAC-SHA256 of the body with the key already set up.
    fn bare(&self) -> impl Sized {
        let mut mac = self.keyed.clone();
        mac.update(black_box(&self.body));
        mac.finalize().into_bytes()
    }

    fn verifier(&self) -> bool {
        self.verifier
            .verify(black_box(&self.body), black_box(&self.signature))
            .is_ok()
    }

    fn oneshot(&self) -> bool {
        verify_webhook_signature(
            black_box(&self.body),
            black_box(&self.signature),
            black_box(SECRET),
        )
        .is_ok()
    }
}

fn webhook_verify(c: &mut Criterion) {
    let cases = Cases::new();

    let mut group = c.benchmark_group("webhook_verify/1.4KB");
    group.throughput(Throughput::Bytes(BODY_LEN as u64));
    group.bench_function("bare_hmac_sha256", |b| b.iter(|| cases.bare()));
    group.bench_function("WebhookVerifier::verify", |b| b.iter(|| cases.verifier()));
    group.bench_function("verify_webhook_signature", |b| b.iter(|| cases.oneshot()));
    group.finish();
}

criterion_group!(benches, webhook_verify);

fn main() {
    match std::env::var("WEBHOOK_VERIFY_LOOP") {
        Ok(spec) => run_loop(&spec),
        Err(_) => {
            benches();
            Criterion::default().configure_from_args().final_summary();
        }
    }
}

/// Calls one case a fixed number of times, for instruction counting under valgrind.
fn run_loop(spec: &str) {
    let (case, calls) = spec
        .split_once(':')
        .expect("WEBHOOK_VERIFY_LOOP=<case>:<calls>");
    let calls: u64 = calls.parse().expect("a call count");
    let cases = Cases::new();
    for _ in 0..calls {
        match case {
            "bare" => drop(black_box(cases.bare())),
            "verifier" => assert!(black_box(cases.verifier())),
            "oneshot" => assert!(black_box(cases.oneshot())),
            "none" => {}
            other => panic!("unknown case {other}"),
        }
    }
}
