//! The answers typed after the entities (S2S payment steps, IINs, payment methods, bank
//! transfers, KYC documents, eligibility, on-demand settlements, recon lines, …) against the
//! samples Razorpay documents for them. Each sample is the documented JSON text, copied as
//! published (source named above it); it parses, its typed fields read the documented values,
//! and it re-serialises to the same JSON tree (explicit `null`s, `[]` notes, string amounts and
//! unknown fields kept). RTO reviews, fulfillments, JSON-v1 payment answers and `{"success":
//! true}` are also checked against the SDK fixtures (`tests/fixtures_sdk.rs`).
//!
//! `node-docs` below is razorpay/razorpay-node, `documents/<file>.md` at commit 9737ef1 (the
//! official Node SDK's method reference, whose response samples mirror razorpay.com/docs/api).

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::*;

/// Parses `text` as `T` and checks that it writes back the same JSON tree.
fn round_trip<T: DeserializeOwned + Serialize>(text: &str) -> T {
    let tree: Value = serde_json::from_str(text).expect("the sample is JSON");
    let parsed: T = serde_json::from_str(text).expect("parses");
    assert_eq!(serde_json::to_value(&parsed).expect("serialises"), tree);
    parsed
}

// node-docs payment.md, "Create Payment Json".
#[test]
fn create_payment_json_gives_the_next_actions() {
    let step: PaymentStep = round_trip(
        r#"{
  "razorpay_payment_id": "pay_FVmAstJWfsD3SO",
  "next": [
    {
      "action": "redirect",
      "url": "https://api.razorpay.com/v1/payments/FVmAtLUe9XZSGM/authorize"
    },
    {
      "action": "otp_generate",
      "url": "https://api.razorpay.com/v1/payments/pay_FVmAstJWfsD3SO/otp_generate?track_id=FVmAtLUe9XZSGM&key_id=<YOUR_KEY_ID>"
    }
  ]
}"#,
    );
    assert_eq!(
        step.razorpay_payment_id.as_deref(),
        Some("pay_FVmAstJWfsD3SO")
    );
    let next = step.next.expect("next");
    assert_eq!(next[1]["action"], json!("otp_generate"));
    assert_eq!(step.razorpay_signature, None);
}

// node-docs payment.md, "OTP Generate".
#[test]
fn otp_generate_carries_the_card_metadata() {
    let step: PaymentStep = round_trip(
        r#"{
 "razorpay_payment_id": "pay_FVmAstJWfsD3SO",
 "next": [
  {
   "action": "otp_submit",
   "url": "https://api.razorpay.com/v1/payments/pay_FVmAstJWfsD3SO/otp_submit/ac2d415a8be7595de09a24b41661729fd9028fdc?key_id=<YOUR_KEY_ID>"
  },
  {
   "action": "otp_resend",
   "url": "https://api.razorpay.com/v1/payments/pay_FVmAstJWfsD3SO/otp_resend/json?key_id=<YOUR_KEY_ID>"
  }
 ],
 "metadata": {
  "issuer": "HDFC",
  "network": "MC",
  "last4": "1111",
  "iin": "411111"
 }
}"#,
    );
    let metadata = step.metadata.expect("metadata");
    assert_eq!(metadata["last4"], json!("1111"));
}

// node-docs payment.md, "OTP Submit" (success); card.md, "Create a recurring payment", answers
// the same three fields.
#[test]
fn otp_submit_and_recurring_payments_answer_the_signed_triple() {
    let step: PaymentStep = round_trip(
        r#"{
 "razorpay_payment_id": "pay_D5jmY2H6vC7Cy3",
 "razorpay_order_id": "order_9A33XWu170gUtm",
 "razorpay_signature": "9ef4dffbfd84f1318f6739a3ce19f9d85851857ae648f114332d8401e0949a3d"
}"#,
    );
    assert_eq!(
        step.razorpay_order_id.as_deref(),
        Some("order_9A33XWu170gUtm")
    );
    assert_eq!(step.razorpay_signature.map(|s| s.len()), Some(64));
    assert!(step.next.is_none() && step.extra.is_empty());
}

// node-docs payment.md, "OTP Resend": here `next` lists action *names*.
#[test]
fn otp_resend_lists_action_names() {
    let step: PaymentStep = round_trip(
        r#"{
  "next": [
    "otp_submit",
    "otp_resend"
  ],
  "razorpay_payment_id": "pay_JWaNvYmrx75sXo"
}"#,
    );
    assert_eq!(
        step.next,
        Some(vec![json!("otp_submit"), json!("otp_resend")])
    );
}

// node-docs payment.md, "Create Payment UPI s2s / VPA token" (collect, then intent).
#[test]
fn create_upi_answers_an_id_or_an_intent_link() {
    let collect: PaymentStep = round_trip(r#"{"razorpay_payment_id": "pay_EAm09NKReXi2e0"}"#);
    assert_eq!(collect.link, None);
    let intent: PaymentStep = round_trip(
        r#"{
  "razorpay_payment_id": "pay_CMeM6XvOPGFiF",
  "link": "upi://pay?pa=success@razorpay&pn=xyz&tr=xxxxxxxxxxx&tn=gourav&am=1&cu=INR&mc=xyzw"
}"#,
    );
    assert!(intent.link.is_some_and(|l| l.starts_with("upi://pay?")));
}

// node-docs payment.md, "Valid VPA".
#[test]
fn validate_vpa() {
    let vpa: VpaValidation = round_trip(
        r#"{
  "vpa": "gauravkumar@exampleupi",
  "success": true,
  "customer_name": "Gaurav Kumar"
}"#,
    );
    assert!(vpa.success.is_some_and(|s| s.get()));
    assert_eq!(vpa.customer_name.as_deref(), Some("Gaurav Kumar"));
}

// razorpay.com/docs/my/payments/payment-gateway/s2s-integration/payment-methods/methods-api
// (Response), the members up to `gpay` as the page shows them: empty netbanking is `[]`.
#[test]
fn payment_methods() {
    let methods: PaymentMethods = round_trip(
        r#"{
  "entity": "methods",
  "card": true,
  "debit_card": true,
  "credit_card": true,
  "prepaid_card": true,
  "card_networks": {
    "AMEX": 0,
    "DICL": 0,
    "MC": 1,
    "MAES": 0,
    "VISA": 1,
    "JCB": 0,
    "RUPAY": 0,
    "BAJAJ": 0
  },
  "card_subtype": {
    "consumer": 1,
    "business": 0,
    "premium": 0
  },
  "amex": false,
  "netbanking": [],
  "wallet": {
    "boost": true,
    "grabpay": true,
    "touchngo": true,
    "mcash": true
  },
  "emi": false,
  "upi": false,
  "cardless_emi": [],
  "paylater": [],
  "google_pay_cards": false,
  "app": {
    "cred": 0,
    "twid": 0,
    "trustly": 0,
    "poli": 0,
    "sofort": 0,
    "giropay": 0
  },
  "gpay": false
}"#,
    );
    assert!(methods.card.is_some_and(|c| c.get()));
    assert_eq!(methods.netbanking, Some(json!([])));
    assert_eq!(
        methods.card_networks.as_ref().map(|n| n["VISA"].clone()),
        Some(json!(1))
    );
}

// node-docs iins.md, "Token IIN API" and "Fetch All IINs Supporting Native OTP".
#[test]
fn iin_and_iin_list() {
    let iin: Iin = round_trip(
        r#"{
  "iin": "412345",
  "entity": "iin",
  "network": "Visa",
  "type": "credit",
  "sub_type": "business",
  "issuer_code": "HDFC",
  "issuer_name": "HDFC Bank Ltd",
  "international": false,
  "is_tokenized": true,
  "card_iin": "411111",
  "emi":{
     "available": true
     },
  "recurring": {
     "available": true
     },
  "authentication_types": [
   {
       "type":"3ds"
   },
   {
       "type":"otp"
   }
  ]
}"#,
    );
    assert_eq!(iin.card_type.as_deref(), Some("credit"));
    assert!(iin.is_tokenized.is_some_and(|t| t.get()));
    assert_eq!(iin.authentication_types.map(|a| a.len()), Some(2));
    let list: IinList = round_trip(
        r#"{
  "count": 24,
  "iins": [
    "512967",
    "180005",
    "401704",
    "401806",
    "123456",
    "411111",
    "123512967",
    "180012305",
    "401123704"
  ]
}"#,
    );
    assert_eq!(list.count, Some(24));
    assert_eq!(list.iins.len(), 9);
}

// node-docs virtualAccount.md, "Fetch payment details using id and transfer method".
#[test]
fn bank_transfer_with_its_payer_and_virtual_account() {
    let transfer: BankTransfer = round_trip(
        r#"{
  "id": "bt_Di5iqCElVyRlCb",
  "entity": "bank_transfer",
  "payment_id": "pay_Di5iqCqA1WEHq6",
  "mode": "NEFT",
  "bank_reference": "157414364471",
  "amount": 239000,
  "payer_bank_account": {
    "id": "ba_Di5iqSxtYrTzPU",
    "entity": "bank_account",
    "ifsc": "UTIB0003198",
    "bank_name": "Axis Bank",
    "name": "Acme Corp",
    "notes": [],
    "account_number": "765432123456789"
  },
  "virtual_account_id": "va_Di5gbNptcWV8fQ",
  "virtual_account": {
    "id": "va_Di5gbNptcWV8fQ",
    "name": "Acme Corp",
    "entity": "virtual_account",
    "status": "closed",
    "description": "Virtual Account created for M/S ABC Exports",
    "amount_expected": 2300,
    "notes": {
      "material": "teakwood"
    },
    "amount_paid": 239000,
    "customer_id": "cust_DOMUFFiGdCaCUJ",
    "receivers": [
      {
        "id": "ba_Di5gbQsGn0QSz3",
        "entity": "bank_account",
        "ifsc": "RATN0VAAPIS",
        "bank_name": "RBL Bank",
        "name": "Acme Corp",
        "notes": [],
        "account_number": "1112220061746877"
      }
    ],
    "close_by": 1574427237,
    "closed_at": 1574164078,
    "created_at": 1574143517
  }
}"#,
    );
    assert_eq!(transfer.amount, Some(239000));
    let payer = transfer.payer_bank_account.expect("payer");
    assert_eq!(payer.ifsc.as_deref(), Some("UTIB0003198"));
    assert!(payer.notes.is_empty());
    assert_eq!(
        transfer.virtual_account.map(|va| va.id).as_deref(),
        Some("va_Di5gbNptcWV8fQ")
    );
}

// node-docs customer.md, "Delete Bank Account of Customer" (no `entity`, `status: deleted`).
#[test]
fn deleted_bank_account() {
    let account: BankAccount = round_trip(
        r#"{
    "id": "ba_Evg09Ll05SIPSD",
    "ifsc": "ICIC0001207",
    "bank_name": "ICICI Bank",
    "name": "Test R4zorpay",
    "account_number": "XXXXXXXXXXXXXXX0434",
    "status": "deleted"
}"#,
    );
    assert_eq!(account.status.as_deref(), Some("deleted"));
    assert_eq!(account.entity, None);
}

// node-docs account.md, "Upload account documents"; stakeholders.md,
// "Upload stakeholders documents".
#[test]
fn account_and_stakeholder_documents() {
    let account: AccountDocuments = round_trip(
        r#"{
  "business_proof_of_identification": [
    {
      "type": "business_proof_url",
      "url": "<https://rzp.io/i/bzDKbNg>"
    }
  ]
}"#,
    );
    let proofs = account.business_proof_of_identification.expect("proofs");
    assert_eq!(
        proofs[0].document_type.as_deref(),
        Some("business_proof_url")
    );
    let stakeholder: AccountDocuments = round_trip(
        r#"{
  "individual_proof_of_address": [
    {
      "type": "aadhar_front",
      "url": "https://rzp.io/i/bzDAbNg"
    }
  ]
}"#,
    );
    assert_eq!(
        stakeholder.individual_proof_of_address.map(|p| p.len()),
        Some(1)
    );
}

// node-docs customer.md, "Fetch Eligibility by id"; the check's own sample writes the amount
// as a string.
#[test]
fn eligibility() {
    let fetched: Eligibility = round_trip(
        r#"{
  "instruments": [
    {
      "method": "paylater",
      "provider": "lazypay",
      "eligibility_req_id": "elig_LBwGKVvS2X48Lq",
      "eligibility": {
        "status": "eligible"
      }
    },
    {
      "method": "paylater",
      "provider": "getsimpl",
      "eligibility_req_id": "elig_LBwGKVvS2X48Lq",
      "eligibility": {
        "status": "ineligible",
        "error": {
          "code": "GATEWAY_ERROR",
          "description": "The customer has exhausted their credit limit",
          "source": "gateway",
          "step": "inquiry",
          "reason": "credit_limit_exhausted"
        }
      }
    }
  ]
}"#,
    );
    assert_eq!(fetched.instruments.len(), 2);
    assert_eq!(fetched.amount_minor(), None);
    // node-docs customer.md, "Eligibility Check API" (first instrument).
    let checked: Eligibility = round_trip(
        r#"{
  "amount": "500000",
  "customer": {
    "id": "KkBhM9EC1Y0HTm",
    "contact": "+918220722114"
  },
  "instruments": [
    {
      "method": "emi",
      "issuer": "HDFC",
      "type": "debit",
      "eligibility_req_id": "elig_KkCNLzlNeMYQyZ",
      "eligibility": {
        "status": "eligible"
      }
    }
  ]
}"#,
    );
    assert_eq!(checked.amount_minor(), Some(500000));
    assert_eq!(checked.instruments[0].card_type.as_deref(), Some("debit"));
}

// node-docs card.md, "Delete tokens" and "Send/Resend notifications".
#[test]
fn deleted_and_success_acknowledgements() {
    let deleted: Deleted = round_trip(r#"{"deleted": true}"#);
    assert!(deleted.deleted.is_some_and(|d| d.get()));
    let sent: Success = round_trip(r#"{"success": true}"#);
    assert!(sent.success.is_some_and(|s| s.get()));
}

// node-docs productConfiguration.md, "Fetch Terms and Conditions for a Sub-Merchant".
#[test]
fn terms_and_conditions() {
    let tnc: Tnc = round_trip(
        r#"{
  "entity": "tnc_map",
  "product_name": "payments",
  "id": "tnc_map_HjOVhIdpVDZ0FB",
  "tnc": {
    "terms": "https://razorpay.com/terms",
    "privacy": "https://razorpay.com/privacy",
    "agreement": "https://razorpay.com/agreement"
  },
  "last_published_at": 1640589653
}"#,
    );
    assert_eq!(tnc.last_published_at, Some(1640589653));
}

// node-docs card.md, "Using Card Number/ Tokenised Card Number".
#[test]
fn card_reference() {
    let reference: CardReference = round_trip(
        r#"{
  "network": "Visa",
  "payment_account_reference": "V0010013819231376539033235990",
  "network_reference_id": null
}"#,
    );
    assert_eq!(reference.network_reference_id, None);
    assert!(
        reference
            .extra
            .explicit_nulls()
            .contains(&"network_reference_id".to_owned())
    );
}

// node-docs token.md, "Process a Payment on another PA/PG with Token": the card number is
// written back as received but never printed.
#[test]
fn token_transactional_data_hides_the_card_number_from_debug() {
    let data: TokenTransactionalData = round_trip(
        r#"{ 
  "card": {
      "number": "4016981500100002",
      "expiry_month" : "12",
      "expiry_year" : 2021
  }
}"#,
    );
    let card = data.card.as_ref().expect("card");
    assert_eq!(
        card.number.as_ref().map(CardNumber::expose),
        Some("4016981500100002")
    );
    assert_eq!(card.expiry_year, Some(json!(2021)));
    let debug = format!("{data:?}");
    assert!(!debug.contains("4016981500100002"), "{debug}");
    assert!(debug.contains("CardNumber(<redacted>)"));
}

// node-docs settlement.md, "Create on-demand settlement" (with its payouts).
#[test]
fn ondemand_settlement_with_payouts() {
    let settlement: OndemandSettlement = round_trip(
        r#"{
  "id": "setlod_FNj7g2YS5J67Rz",
  "entity": "settlement.ondemand",
  "amount_requested": 200000,
  "amount_settled": 0,
  "amount_pending": 199410,
  "amount_reversed": 0,
  "fees": 590,
  "tax": 90,
  "currency": "INR",
  "settle_full_balance": false,
  "status": "initiated",
  "description": "Need this to make vendor payments.",
  "notes": {
    "notes_key_1": "Tea, Earl Grey, Hot",
    "notes_key_2": "Tea, Earl Grey… decaf."
  },
  "created_at": 1596771429,
  "ondemand_payouts": {
    "entity": "collection",
    "count": 1,
    "items": [
      {
        "id": "setlodp_FNj7g2cbvw8ueO",
        "entity": "settlement.ondemand_payout",
        "initiated_at": null,
        "processed_at": null,
        "reversed_at": null,
        "amount": 200000,
        "amount_settled": null,
        "fees": 590,
        "tax": 90,
        "utr": null,
        "status": "created",
        "created_at": 1596771429
      }
    ]
  }
}"#,
    );
    assert_eq!(settlement.amount_pending, Some(199410));
    let payouts = settlement.ondemand_payouts.expect("payouts");
    assert_eq!(payouts.items[0].amount, Some(200000));
    assert_eq!(payouts.items[0].utr, None);
}

// node-docs settlement.md, "Fetch all on-demand settlements".
#[test]
fn ondemand_settlements_page() {
    let page: Collection<OndemandSettlement> = round_trip(
        r#"{
  "entity": "collection",
  "count": 1,
  "items": [
    {
      "id": "setlod_FNj7g2YS5J67Rz",
      "entity": "settlement.ondemand",
      "amount_requested": 200000,
      "amount_settled": 199410,
      "amount_pending": 0,
      "amount_reversed": 0,
      "fees": 590,
      "tax": 90,
      "currency": "INR",
      "settle_full_balance": false,
      "status": "processed",
      "description": "Need this to make vendor payments.",
      "notes": {
        "notes_key_1": "Tea, Earl Grey, Hot",
        "notes_key_2": "Tea, Earl Grey… decaf."
      },
      "created_at": 1596771429
    }
  ]
}"#,
    );
    assert_eq!(page.items[0].amount_settled, Some(199410));
    assert!(page.items[0].ondemand_payouts.is_none());
}

// node-docs settlement.md, "Settlement report for a month": a payment line (notes as the string
// "{}") and an adjustment line (no `credit_type`, notes null).
#[test]
fn settlement_recon_lines() {
    let page: Collection<SettlementReconItem> = round_trip(
        r#"{
  "entity": "collection",
  "count": 2,
  "items": [
    {
      "entity_id": "pay_DEXrnipqTmWVGE",
      "type": "payment",
      "debit": 0,
      "credit": 97100,
      "amount": 100000,
      "currency": "INR",
      "fee": 2900,
      "tax": 0,
      "on_hold": false,
      "settled": true,
      "created_at": 1567692556,
      "settled_at": 1568176960,
      "settlement_id": "setl_DGlQ1Rj8os78Ec",
      "posted_at": null,
      "credit_type": "default",
      "description": "Recurring Payment via Subscription",
      "notes": "{}",
      "payment_id": null,
      "settlement_utr": "1568176960vxp0rj",
      "order_id": "order_DEXrnRiR3SNDHA",
      "order_receipt": null,
      "method": "card",
      "card_network": "MasterCard",
      "card_issuer": "KARB",
      "card_type": "credit",
      "dispute_id": null
    },
    {
      "entity_id": "adj_EhcHONhX4ChgNC",
      "type": "adjustment",
      "debit": 0,
      "credit": 1012,
      "amount": 1012,
      "currency": "INR",
      "fee": 0,
      "tax": 0,
      "on_hold": false,
      "settled": true,
      "created_at": 1567681786,
      "settled_at": 1568176960,
      "settlement_id": "setl_DGlQ1Rj8os78Ec",
      "posted_at": null,
      "description": "test reason",
      "notes": null,
      "payment_id": null,
      "settlement_utr": null,
      "order_id": null,
      "order_receipt": null,
      "method": null,
      "card_network": null,
      "card_issuer": null,
      "card_type": null,
      "dispute_id": null
    }
  ]
}"#,
    );
    let payment = &page.items[0];
    assert_eq!(
        (payment.credit, payment.fee, payment.amount),
        (Some(97100), Some(2900), Some(100000))
    );
    assert_eq!(payment.notes, Some(json!("{}")));
    assert_eq!(page.items[1].item_type.as_deref(), Some("adjustment"));
    assert_eq!(page.items[1].credit_type, None);
}
