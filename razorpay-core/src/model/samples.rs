//! Each object of the other API resources against the sample response Razorpay's API reference
//! documents for it: it parses, its typed fields read the documented values, and it
//! re-serialises to the same JSON tree (explicit `null`s, `[]` notes and unknown fields kept).
//! The SDK fixtures (`tests/fixtures_sdk.rs`) cover the objects they hold (webhooks, transfers).

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::*;

fn round_trip<T: DeserializeOwned + Serialize>(value: Value) -> T {
    let parsed: T = serde_json::from_value(value.clone()).expect("parses");
    assert_eq!(serde_json::to_value(&parsed).expect("serialises"), value);
    parsed
}

fn item_json() -> Value {
    json!({
        "id": "item_00000000000001", "active": true, "name": "Test plan - Weekly",
        "description": "Description for the test plan - Weekly", "amount": 69900,
        "unit_amount": 69900, "currency": "INR", "type": "plan", "unit": null,
        "tax_inclusive": false, "hsn_code": null, "sac_code": null, "tax_rate": null,
        "tax_id": null, "tax_group_id": null, "created_at": 1580219935, "updated_at": 1580219935
    })
}

#[test]
fn customer() {
    let customer: Customer = round_trip(json!({
        "id": "cust_1Aa00000000004", "entity": "customer", "name": "Gaurav Kumar",
        "email": "gaurav.kumar@example.com", "contact": "9123456780", "gstin": "29XAbbA4369J1PA",
        "notes": {"notes_key_1": "Tea, Earl Grey, Hot", "notes_key_2": "Tea, Earl Grey… decaf."},
        "created_at": 1234567890
    }));
    assert_eq!(customer.contact.as_deref(), Some("9123456780"));
    assert_eq!(
        customer.notes.get("notes_key_1"),
        Some("Tea, Earl Grey, Hot")
    );
}

#[test]
fn token() {
    let token: Token = round_trip(json!({
        "id": "token_HpLBeXxhGzVyjX", "entity": "token", "token": "EhYXHrLsJdwRhM",
        "bank": null, "wallet": null, "method": "card",
        "card": {"entity": "card", "name": "Gaurav Kumar", "last4": "1111", "network": "Visa",
                 "type": "debit", "issuer": null, "international": false, "emi": false,
                 "sub_type": "consumer", "expiry_month": 12, "expiry_year": 2025,
                 "flows": {"otp": true, "recurring": true}},
        "recurring": true, "recurring_details": {"status": "confirmed", "failure_reason": null},
        "auth_type": null, "mrn": null, "used_at": 1629779657, "created_at": 1629779657,
        "expired_at": 1640975399, "dcc_enabled": false, "billing_address": null
    }));
    assert_eq!(token.method.as_deref(), Some("card"));
    assert!(token.recurring.is_some_and(|r| r.get()));
    assert_eq!(
        token.card.as_ref().map(|c| c["last4"].clone()),
        Some(json!("1111"))
    );
    assert!(token.extra.explicit_nulls().contains(&"bank".to_owned()));
}

#[test]
fn plan_and_its_item() {
    let plan: Plan = round_trip(json!({
        "id": "plan_00000000000001", "entity": "plan", "interval": 1, "period": "weekly",
        "item": item_json(), "notes": {"notes_key_1": "Tea, Earl Grey, Hot"},
        "created_at": 1580219935
    }));
    let item = plan.item.expect("item");
    assert_eq!(
        (item.amount, item.currency.as_deref()),
        (Some(69900), Some("INR"))
    );
    assert_eq!(item.item_type.as_deref(), Some("plan"));
    // Unmodelled nulls stay in the map, modelled ones are remembered.
    assert_eq!(item.extra["tax_rate"], Value::Null);
    assert!(item.extra.explicit_nulls().contains(&"unit".to_owned()));
}

#[test]
fn addon() {
    let mut item = item_json();
    item["type"] = json!("addon");
    let addon: Addon = round_trip(json!({
        "id": "ao_00000000000001", "entity": "addon", "item": item, "quantity": 2,
        "created_at": 1581597318, "subscription_id": "sub_00000000000001", "invoice_id": null
    }));
    assert_eq!(addon.quantity, Some(2));
    assert_eq!(addon.invoice_id, None);
}

#[test]
fn item() {
    let item: Item = round_trip(json!({
        "id": "item_7Oxp4hmm6T4SCn", "active": true, "name": "Book / English August",
        "description": "An indian story, Booker prize winner.", "amount": 20000,
        "unit_amount": 20000, "currency": "INR", "type": "invoice", "unit": null,
        "tax_inclusive": false, "hsn_code": null, "sac_code": null, "tax_rate": null,
        "tax_id": null, "tax_group_id": null, "created_at": 1649843796
    }));
    assert!(item.active.is_some_and(|a| a.get()));
    assert_eq!(item.unit_amount, Some(20000));
}

#[test]
fn settlement() {
    let settlement: Settlement = round_trip(json!({
        "id": "setl_DGlQ1Rj8os78Ec", "entity": "settlement", "amount": 9973635,
        "status": "processed", "fees": 471699, "tax": 42070, "utr": "1568176960vxp0rj",
        "created_at": 1568176960
    }));
    assert_eq!(settlement.amount, 9973635);
    assert_eq!(settlement.fees, Some(471699));
}

#[test]
fn qr_code() {
    let qr: QrCode = round_trip(json!({
        "id": "qr_HMsVL8HOpbMcjU", "entity": "qr_code", "created_at": 1623660301,
        "name": "Store Front Display", "usage": "single_use", "type": "upi_qr",
        "image_url": "https://rzp.io/i/BWcUVrLp", "payment_amount": 300, "status": "active",
        "description": "For Store 1", "fixed_amount": true, "payments_amount_received": 0,
        "payments_count_received": 0, "notes": {"purpose": "Test UPI QR Code notes"},
        "customer_id": "cust_HKsR5se84c5LTO", "close_by": 1681615838, "tax_invoice": {}
    }));
    assert_eq!(qr.qr_type.as_deref(), Some("upi_qr"));
    assert!(qr.fixed_amount.is_some_and(|f| f.get()));
    assert_eq!(qr.extra["tax_invoice"], json!({}));
}

#[test]
fn virtual_account() {
    let va: VirtualAccount = round_trip(json!({
        "id": "va_DlGmm7jInLudH9", "name": "Acme Corp", "entity": "virtual_account",
        "status": "active", "description": "Virtual Account created for Raftar Soft",
        "amount_expected": null, "notes": {"project_name": "Banking Software"},
        "amount_paid": 0, "customer_id": "cust_CaVDm8eDRSXYME",
        "receivers": [{"id": "ba_DlGmm9mSj8fjRM", "entity": "bank_account",
                       "ifsc": "RATN0VAAPIS", "bank_name": "RBL Bank",
                       "name": "Acme Corp", "notes": [], "account_number": "2223330099089860"}],
        "close_by": 1681615838, "closed_at": null, "created_at": 1574837626
    }));
    assert_eq!(va.receivers.as_ref().map(Vec::len), Some(1));
    assert_eq!(va.amount_expected, None);
}

#[test]
fn reversal() {
    let reversal: Reversal = round_trip(json!({
        "id": "rvrsl_Lt09xvyzskI7KZ", "entity": "reversal", "transfer_id": "trf_Lt048W7cgLb3ZS",
        "amount": 100, "fee": 0, "tax": 0, "currency": "INR", "notes": [],
        "initiator_id": "Ghkc0HXgI2B3U7", "customer_refund_id": null, "utr": null,
        "created_at": 1683446069
    }));
    assert_eq!(reversal.transfer_id.as_deref(), Some("trf_Lt048W7cgLb3ZS"));
}

#[test]
fn fund_account_and_its_validation() {
    let fund_account = json!({
        "id": "fa_JcXaLomo4ck5IY", "entity": "fund_account", "customer_id": "cust_JZse2vlC5nK9AQ",
        "account_type": "bank_account",
        "bank_account": {"ifsc": "HDFC0000053", "bank_name": "HDFC Bank",
                         "name": "Gaurav Kumar", "notes": [], "account_number": "11214311215411"},
        "batch_id": null, "active": true, "created_at": 1654328185
    });
    let account: FundAccount = round_trip(fund_account.clone());
    assert_eq!(account.account_type.as_deref(), Some("bank_account"));
    let validation: FundAccountValidation = round_trip(json!({
        "id": "fav_00000000000001", "entity": "fund_account.validation",
        "fund_account": fund_account, "status": "completed", "amount": 100, "currency": "INR",
        "notes": [], "results": {"account_status": "active", "registered_name": "Gaurav Kumar"},
        "created_at": 1570801016, "utr": "927416096795"
    }));
    assert_eq!(
        validation.fund_account.map(|f| f.id).as_deref(),
        Some("fa_JcXaLomo4ck5IY")
    );
}

#[test]
fn document() {
    let document: Document = round_trip(json!({
        "id": "doc_EsyWjHrfzb59Re", "entity": "document", "purpose": "dispute_evidence",
        "name": "doc_19_12_2020.jpg", "mime_type": "image/png", "size": 2863,
        "created_at": 1590604200
    }));
    assert_eq!(document.size, Some(2863));
}

#[test]
fn account() {
    let account: Account = round_trip(json!({
        "id": "acc_GRWKk7qQsLnDjX", "type": "standard", "status": "created",
        "email": "gauriagain.kumar@example.org",
        "profile": {"category": "healthcare", "subcategory": "clinic",
                    "addresses": {"registered": {"street1": "507, Koramangala 1st block",
                    "city": "Bengaluru", "state": "KARNATAKA", "postal_code": 560034,
                    "country": "IN"}}},
        "notes": [], "created_at": 1611136837, "phone": "9000090000",
        "business_type": "partnership", "legal_business_name": "Acme Corp",
        "customer_facing_business_name": "Example",
        "legal_info": {"pan": "AAACL1234C", "gst": "18AABCU9603R1ZM"},
        "brand": {"color": "FFFFFF"}, "contact_name": "Gaurav Kumar",
        "contact_info": {"chargeback": {"email": null}, "refund": {"email": null},
                         "support": {"email": null, "phone": null, "policy_url": null}},
        "apps": {"websites": [], "android": [{"url": null, "name": null}],
                 "ios": [{"url": null, "name": null}]}
    }));
    assert_eq!(account.account_type.as_deref(), Some("standard"));
    assert_eq!(
        account.legal_info.as_ref().map(|l| l["pan"].clone()),
        Some(json!("AAACL1234C"))
    );
}

#[test]
fn stakeholder() {
    let stakeholder: Stakeholder = round_trip(json!({
        "entity": "stakeholder", "relationship": {"director": true},
        "phone": {"primary": "7474747474", "secondary": "7474747474"},
        "notes": {"random_key_by_partner": "random_value"}, "kyc": {"pan": "AVOPB1111K"},
        "id": "sth_GLGgm8fFCKc92m", "name": "Gaurav Kumar", "email": "gaurav.kumar@example.com",
        "percentage_ownership": 10,
        "addresses": {"residential": {"street": "506, Koramangala 1st block", "city": "Bengaluru",
                      "state": "Karnataka", "postal_code": "560034", "country": "IN"}}
    }));
    // A percentage is not money: kept exactly as sent (10, not 10.0).
    assert_eq!(stakeholder.percentage_ownership, Some(json!(10)));
}

#[test]
fn product() {
    let product: Product = round_trip(json!({
        "requested_configuration": {"payment_methods": []},
        "active_configuration": {"payment_capture": {"mode": "automatic",
            "refund_speed": "normal", "automatic_expiry_period": 7200},
            "settlements": {"account_number": null, "ifsc_code": null, "beneficiary_name": null},
            "checkout": {"theme_color": "#FFFFFF", "flash_checkout": true},
            "refund": {"default_refund_speed": "normal"}, "notifications": {"whatsapp": true,
            "sms": false, "email": ["b963e252-1201-45b0-9c39-c53eceb0cfd6_load@gmail.com"]},
            "payment_methods": {"netbanking": {"enabled": true, "instrument": [{"type": "retail",
            "bank": ["hdfc", "sbin"]}]}}},
        "requirements": [{"field_reference": "individual_proof_of_address",
            "resolution_url": "/accounts/acc_HQVlm3bnPmccC0/stakeholders/{stakeholderId}/documents",
            "status": "required", "reason_code": "document_missing"}],
        "tnc": {"id": "tnc_HjOVhIdpVDZ0FB", "accepted": true, "accepted_at": 1641550798},
        "id": "acc_prd_HEgNpywUFctQ9e", "account_id": "acc_HQVlm3bnPmccC0",
        "product_name": "payment_gateway", "activation_status": "needs_clarification",
        "requested_at": 1625478849
    }));
    assert_eq!(product.requirements.as_ref().map(Vec::len), Some(1));
    assert_eq!(
        product.activation_status.as_deref(),
        Some("needs_clarification")
    );
}

#[test]
fn completed_dispute_payment_link_subscription_and_invoice_fields() {
    let dispute: Dispute = round_trip(json!({
        "id": "disp_Esz7KAitoYM7PJ", "entity": "dispute", "payment_id": "pay_EsyWjHrfzb59eR",
        "amount": 10000, "currency": "INR", "amount_deducted": 0,
        "gateway_dispute_id": "101", "reason_code": "pre_arbitration",
        "reason_description": "Customer complaint", "respond_by": 1590604200,
        "status": "open", "phase": "pre_arbitration", "comments": null,
        "created_at": 1590059211, "evidence": {"amount": 10000, "summary": null,
        "shipping_proof": null, "others": null, "submitted_at": null}
    }));
    assert_eq!(dispute.gateway_dispute_id.as_deref(), Some("101"));
    let link: PaymentLink = round_trip(json!({
        "id": "plink_ExjpAUN3gVHrPJ", "entity": "payment_link", "amount": 1000,
        "amount_paid": 0, "currency": "INR", "accept_partial": false,
        "first_min_partial_amount": 0, "description": "For XYZ purpose",
        "customer": {"name": "Gaurav Kumar", "email": "gaurav.kumar@example.com",
                     "contact": "+919000090000"},
        "notify": {"sms": true, "email": true}, "reminder_enable": true, "reminders": [],
        "payments": null, "upi_link": false, "user_id": "", "reference_id": "TS1989",
        "short_url": "https://rzp.io/i/nxrHnLJ", "status": "created", "notes": {"policy_name": "Jeevan Bima"},
        "callback_url": "", "callback_method": "", "expire_by": 1691097057, "expired_at": 0,
        "cancelled_at": 0, "created_at": 1591097057, "updated_at": 1591097057, "order_id": ""
    }));
    assert!(
        link.notify
            .as_ref()
            .is_some_and(|n| n["sms"] == json!(true))
    );
    assert_eq!(link.payments, None);
    let subscription: Subscription = round_trip(json!({
        "id": "sub_00000000000001", "entity": "subscription", "plan_id": "plan_00000000000001",
        "status": "active", "payment_method": "card", "notes": [], "quantity": 1,
        "created_at": 1580220000
    }));
    assert_eq!(subscription.payment_method.as_deref(), Some("card"));
    let invoice: Invoice = round_trip(json!({
        "id": "inv_DAweOiQ7amIUVd", "entity": "invoice", "type": "invoice",
        "status": "issued", "partial_payment": false, "gross_amount": 100,
        "tax_amount": 0, "taxable_amount": 0, "amount": 100, "billing_start": null,
        "billing_end": null, "sms_status": "pending", "email_status": "pending",
        "comment": null, "terms": null, "notes": []
    }));
    assert_eq!(
        (invoice.gross_amount, invoice.billing_start),
        (Some(100), None)
    );
}
