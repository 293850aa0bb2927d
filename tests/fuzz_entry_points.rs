//! Bounded fuzzing on stable (issue 15, item 2): every entry point that reads outside input is
//! fed mutations of the documented samples and must answer with a value or a typed error,
//! never a panic, a hang or a 5xx.
//!
//! Targets and seeds:
//! - the webhook parser (`WebhookEvent::from_slice`) and `construct_event` (right and wrong
//!   signature): `fixtures/webhooks/*.json`;
//! - `reconcile::apply_json`: the same events as webhook inputs, against a fresh state;
//! - the cart JSON entry points (cart, catalog and policy parsing, `validate_cart`,
//!   `plan_checkout`, `apply_fixes`): `examples/data/cart.json`;
//! - the sandbox's request parsing (JSON and form bodies of `POST /v1/orders`, capture and
//!   refund), over HTTP against a running sandbox.
//!
//! Each input is a seed plus byte-level edits (flips, inserts of JSON punctuation, deletions,
//! duplications, truncation) or a structural edit (a random member replaced by a hostile value:
//! huge or negative numbers, floats, deep nesting, long strings, nulls). `FUZZ_CASES` sets the
//! cases per target (default 256; the README test command runs the default). Each target prints
//! how many inputs it ran. cargo-fuzz targets for longer runs: razorpay-core/README.md.

use std::sync::OnceLock;

use checkout_rules::{Cart, Catalog, Policy, apply_fixes, plan_checkout, validate_cart};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use razorpay_core::reconcile::{PaymentState, apply_json};
use razorpay_core::sign_webhook;
use razorpay_core::webhook::{WebhookEvent, WebhookVerifier};
use serde_json::{Value, json};

const SECRET: &str = "whsec_fuzz_entry_points";

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

/// Runs `target` over `cases()` mutated inputs and prints the count.
fn fuzz(name: &str, seeds: &[Vec<u8>], target: impl Fn(&[u8]) -> Result<(), TestCaseError>) {
    assert!(!seeds.is_empty(), "{name}: no seeds");
    let config = Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let runs = std::cell::Cell::new(0u64);
    let result = runner.run(&mutated(seeds.to_vec()), |input| {
        runs.set(runs.get() + 1);
        target(&input)
    });
    println!("fuzz {name}: {} inputs", runs.get());
    if let Err(failure) = result {
        panic!("{name}: {failure}");
    }
}

/// One edit of a seed.
#[derive(Debug, Clone)]
enum Edit {
    Flip(usize, u8),
    Insert(usize, &'static str),
    Delete(usize, usize),
    Duplicate(usize, usize),
    Truncate(usize),
    /// Replace the n-th JSON member (depth-first) with the k-th hostile value.
    Member(usize, usize),
}

const PUNCTUATION: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ":",
    ",",
    "-",
    "0",
    "9e999",
    ".5",
    "\\u0000",
    "null",
    "\u{1F4B8}",
];

fn hostile_value(k: usize) -> Value {
    let deep = (0..64).fold(json!(1), |inner, _| json!([inner]));
    match k % 12 {
        0 => json!(i64::MAX),
        1 => json!(i64::MIN),
        2 => json!(-1),
        3 => json!(0),
        4 => json!(1.5),
        5 => json!(u64::MAX),
        6 => Value::Null,
        7 => json!("x".repeat(4096)),
        8 => json!({}),
        9 => json!([]),
        10 => deep,
        _ => json!("\u{0}\u{202e}"),
    }
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        1 => (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Edit::Flip(i, b)),
        1 => (any::<usize>(), prop::sample::select(PUNCTUATION)).prop_map(|(i, s)| Edit::Insert(i, s)),
        1 => (any::<usize>(), 1usize..64).prop_map(|(i, n)| Edit::Delete(i, n)),
        1 => (any::<usize>(), 1usize..64).prop_map(|(i, n)| Edit::Duplicate(i, n)),
        1 => any::<usize>().prop_map(Edit::Truncate),
        3 => (any::<usize>(), any::<usize>()).prop_map(|(n, k)| Edit::Member(n, k)),
    ]
}

/// Replaces the `n`-th member (counting objects' values and arrays' items depth-first).
fn replace_member(value: &mut Value, n: &mut usize, with: &Value) -> bool {
    let children: Vec<&mut Value> = match value {
        Value::Object(map) => map.values_mut().collect(),
        Value::Array(items) => items.iter_mut().collect(),
        _ => return false,
    };
    for child in children {
        if *n == 0 {
            *child = with.clone();
            return true;
        }
        *n -= 1;
        if replace_member(child, n, with) {
            return true;
        }
    }
    false
}

fn apply_edit(bytes: &mut Vec<u8>, edit: &Edit) {
    let len = bytes.len().max(1);
    match *edit {
        Edit::Flip(i, b) if !bytes.is_empty() => bytes[i % len] ^= b | 1,
        Edit::Insert(i, s) => {
            let at = i % (bytes.len() + 1);
            bytes.splice(at..at, s.bytes());
        }
        Edit::Delete(i, n) if !bytes.is_empty() => {
            let at = i % len;
            let end = (at + n).min(bytes.len());
            bytes.drain(at..end);
        }
        Edit::Duplicate(i, n) if !bytes.is_empty() => {
            let at = i % len;
            let end = (at + n).min(bytes.len());
            let copy = bytes[at..end].to_vec();
            bytes.splice(at..at, copy);
        }
        Edit::Truncate(i) => bytes.truncate(i % (bytes.len() + 1)),
        Edit::Member(n, k) => {
            if let Ok(mut value) = serde_json::from_slice::<Value>(bytes) {
                let mut members = n % 256;
                if replace_member(&mut value, &mut members, &hostile_value(k)) {
                    *bytes = serde_json::to_vec(&value).unwrap_or_default();
                }
            }
        }
        _ => {}
    }
}

/// A seed with 0 to 4 edits (0 keeps the seed itself in the mix).
fn mutated(seeds: Vec<Vec<u8>>) -> impl Strategy<Value = Vec<u8>> {
    (
        prop::sample::select(seeds),
        prop::collection::vec(edit(), 0..=4),
    )
        .prop_map(|(mut bytes, edits)| {
            for edit in &edits {
                apply_edit(&mut bytes, edit);
            }
            bytes
        })
}

fn webhook_seeds() -> &'static Vec<Vec<u8>> {
    static SEEDS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let dir = checkout_kit_tests::fixtures_dir().join("webhooks");
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect();
        paths.sort();
        paths
            .iter()
            .map(|path| std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
            .collect()
    })
}

#[test]
fn webhook_parser() {
    fuzz("webhook parser", webhook_seeds(), |body| {
        match WebhookEvent::from_slice(body) {
            // An accepted event keeps every member: it re-serialises to what was sent.
            Ok(event) => {
                let sent: Value = serde_json::from_slice(body)
                    .map_err(|e| TestCaseError::fail(format!("accepted non-JSON: {e}")))?;
                let back =
                    serde_json::to_value(&event).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(back, sent);
            }
            Err(error) => prop_assert!(!error.code().is_empty()),
        }
        Ok(())
    });
}

#[test]
fn construct_event() {
    let verifier = WebhookVerifier::new([SECRET]).expect("secret");
    fuzz("construct_event", webhook_seeds(), |body| {
        // The right signature reaches the parser; a signature of other bytes never does.
        let signed = sign_webhook(body, SECRET);
        match verifier.construct_event(body, &signed) {
            Ok(_) => {}
            Err(error) if body.is_empty() => {
                prop_assert_eq!(error.code(), "SIGNATURE_MISSING_INPUT")
            }
            Err(error) => prop_assert_eq!(error.code(), "WEBHOOK_INVALID_PAYLOAD"),
        }
        let mut other = body.to_vec();
        other.push(b' ');
        let wrong = sign_webhook(&other, SECRET);
        let error = verifier
            .construct_event(body, &wrong)
            .err()
            .ok_or_else(|| TestCaseError::fail("a wrong signature was accepted"))?;
        prop_assert!(error.code().starts_with("SIGNATURE_"), "{}", error.code());
        Ok(())
    });
}

#[test]
fn reconcile_apply_json() {
    // Inputs are webhook inputs wrapping each mutated event (or the mutated bytes as the whole
    // input when they no longer parse), applied to a fresh state and to a state seen before.
    let state = PaymentState::new("order_DaZlswtdcn9UNV", 100, "INR").to_json();
    fuzz("apply_json", webhook_seeds(), |body| {
        let input = match serde_json::from_slice::<Value>(body) {
            Ok(event) => json!({"type": "webhook", "eventId": "evt_fuzz00000001", "event": event})
                .to_string(),
            Err(_) => String::from_utf8_lossy(body).into_owned(),
        };
        for (state, input) in [
            (state.as_str(), input.as_str()),
            (input.as_str(), state.as_str()),
        ] {
            match apply_json(state, input) {
                Ok(outcome) => {
                    let outcome: Value = serde_json::from_str(&outcome)
                        .map_err(|e| TestCaseError::fail(e.to_string()))?;
                    prop_assert!(outcome["state"].is_object());
                }
                Err(error) => prop_assert!(error.code().starts_with("RECONCILE_")),
            }
        }
        Ok(())
    });
}

#[test]
fn cart_json_entry_points() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/data/cart.json");
    let request: Value =
        serde_json::from_slice(&std::fs::read(&path).expect("examples/data/cart.json"))
            .expect("JSON");
    // Seeds: the whole request, and each part on its own.
    let seeds: Vec<Vec<u8>> = [
        request.clone(),
        request["cart"].clone(),
        request["catalog"].clone(),
        json!({"maxQuantityPerLine": 10}),
    ]
    .iter()
    .map(|v| serde_json::to_vec(v).unwrap_or_default())
    .collect();
    let cart_seed: Cart = serde_json::from_value(request["cart"].clone()).expect("cart");
    let catalog_seed: Catalog =
        serde_json::from_value(request["catalog"].clone()).expect("catalog");
    fuzz("cart JSON", &seeds, |bytes| {
        let value: Value = match serde_json::from_slice(bytes) {
            Ok(value) => value,
            Err(_) => return Ok(()),
        };
        let part = |key: &str| value.get(key).cloned().unwrap_or_else(|| value.clone());
        let cart = serde_json::from_value::<Cart>(part("cart")).unwrap_or(cart_seed.clone());
        let catalog =
            serde_json::from_value::<Catalog>(part("catalog")).unwrap_or(catalog_seed.clone());
        let policy = serde_json::from_value::<Policy>(part("policy")).unwrap_or_default();
        let report = validate_cart(&cart, &catalog, &policy);
        // The suggested fixes apply, and the result validates again, without a panic.
        let fixed = apply_fixes(&cart, &report.fixes);
        let _ = validate_cart(&fixed, &catalog, &policy);
        if let Ok(plan) = plan_checkout(&cart, &catalog, &policy) {
            prop_assert!(report.is_valid, "a plan for a cart with blocking problems");
            prop_assert!(plan.total >= 0);
        }
        Ok(())
    });
}

#[test]
fn sandbox_request_parsing() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let sandbox = runtime
        .block_on(razorpay_sandbox::Sandbox::start())
        .expect("sandbox starts");
    let http = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(10))
        .build()
        .expect("http client");
    let seeds: Vec<Vec<u8>> = [
        json!({"amount": 50000, "currency": "INR", "receipt": "r_1", "notes": {"k": "v"}}),
        json!({"amount": 100, "currency": "INR", "partial_payment": true, "first_payment_min_amount": 100}),
        json!({"amount": 100, "speed": "normal", "receipt": "r", "notes": {}}),
    ]
    .iter()
    .map(|v| serde_json::to_vec(v).unwrap_or_default())
    .chain([b"amount=50000&currency=INR&notes[k]=v".to_vec()])
    .collect();
    let paths = [
        "orders",
        "payments/pay_DBJOWzybf0sJbb/capture",
        "payments/pay_DBJOWzybf0sJbb/refund",
    ];
    let round = std::cell::Cell::new(0usize);
    fuzz("sandbox request parsing", &seeds, |body| {
        let path = paths[round.get() % paths.len()];
        let form = round.get() % 2 == 1;
        round.set(round.get() + 1);
        let content_type = if form {
            "application/x-www-form-urlencoded"
        } else {
            "application/json"
        };
        let request = http
            .post(format!("{}/v1/{path}", sandbox.url()))
            .basic_auth(sandbox.key_id(), Some(sandbox.key_secret()))
            .header("content-type", content_type)
            .body(body.to_vec());
        let (status, answer) = runtime
            .block_on(async {
                let response = request.send().await?;
                let status = response.status().as_u16();
                Ok::<_, reqwest::Error>((status, response.bytes().await?))
            })
            .map_err(|e| TestCaseError::fail(format!("no answer: {e}")))?;
        prop_assert!(
            (200..500).contains(&status),
            "{path}: HTTP {status} for {:?}",
            String::from_utf8_lossy(body)
        );
        let answer: Value = serde_json::from_slice(&answer)
            .map_err(|e| TestCaseError::fail(format!("{path}: non-JSON answer: {e}")))?;
        if status >= 400 {
            prop_assert!(answer["error"]["code"].is_string(), "{answer}");
        }
        Ok(())
    });
    runtime.block_on(sandbox.stop());
}
