//! Accessors for the objects of the settlement, Smart Collect, QR code, Route, token, fund
//! account validation and account events.

use crate::model::{
    Account, FundAccountValidation, QrCode, Settlement, Token, Transfer, VirtualAccount,
};

use super::WebhookEvent;

impl WebhookEvent {
    /// The settlement, if the payload carries one (`settlement.processed`).
    pub fn settlement(&self) -> Option<&Settlement> {
        self.payload.settlement.as_ref().map(|w| &w.entity)
    }

    /// The virtual account, if the payload carries one (`virtual_account.*`).
    pub fn virtual_account(&self) -> Option<&VirtualAccount> {
        self.payload.virtual_account.as_ref().map(|w| &w.entity)
    }

    /// The QR code, if the payload carries one (`qr_code.*`).
    pub fn qr_code(&self) -> Option<&QrCode> {
        self.payload.qr_code.as_ref().map(|w| &w.entity)
    }

    /// The transfer, if the payload carries one (`transfer.*`).
    pub fn transfer(&self) -> Option<&Transfer> {
        self.payload.transfer.as_ref().map(|w| &w.entity)
    }

    /// The token, if the payload carries one (`token.*`).
    pub fn token(&self) -> Option<&Token> {
        self.payload.token.as_ref().map(|w| &w.entity)
    }

    /// The fund account validation, if the payload carries one (`fund_account.validation.*`).
    pub fn fund_account_validation(&self) -> Option<&FundAccountValidation> {
        self.payload
            .fund_account_validation
            .as_ref()
            .map(|w| &w.entity)
    }

    /// The account, if the payload carries one (`account.*`).
    pub fn account(&self) -> Option<&Account> {
        self.payload.account.as_ref().map(|w| &w.entity)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::super::EventName;
    use super::*;

    /// An event envelope around `payload`, as Razorpay sends it.
    fn event(name: &str, payload: Value) -> WebhookEvent {
        let contains: Vec<&str> = EventName::from(name).payload_keys().to_vec();
        let body = json!({
            "entity": "event", "account_id": "acc_BFQ7uQEaa7j2z7", "event": name,
            "contains": contains, "payload": payload, "created_at": 1567674599
        });
        let parsed = WebhookEvent::from_slice(body.to_string().as_bytes()).expect("parses");
        assert_eq!(
            serde_json::to_value(&parsed).unwrap(),
            body,
            "{name} round trip"
        );
        assert_eq!(parsed.event.as_str(), name);
        assert!(
            !matches!(parsed.event, EventName::Unknown(_)),
            "{name} is typed"
        );
        for key in parsed.event.payload_keys() {
            assert!(
                parsed.payload.extra.get(*key).is_none(),
                "{name}: {key} is typed"
            );
        }
        parsed
    }

    fn payment() -> Value {
        json!({"entity": {"id": "pay_DEAOXMDW9IhGHz", "entity": "payment", "amount": 200000,
            "currency": "INR", "status": "captured", "method": "bank_transfer",
            "captured": true, "notes": [], "created_at": 1567660000}})
    }

    #[test]
    fn settlement_processed() {
        let e = event(
            "settlement.processed",
            json!({"settlement": {"entity": {
            "id": "setl_DEAOXMDW9IhGHz", "entity": "settlement", "amount": 9973635,
            "status": "processed", "fees": 471699, "tax": 42070, "utr": "1568176960vxp0rj",
            "created_at": 1568176960}}}),
        );
        assert_eq!(e.settlement().map(|s| s.amount), Some(9973635));
    }

    #[test]
    fn virtual_account_events() {
        let va = json!({"entity": {"id": "va_DEAOXMDW9IhGHz", "name": "Acme Corp",
            "entity": "virtual_account", "status": "active", "description": null,
            "amount_expected": null, "notes": [], "amount_paid": 200000,
            "customer_id": "cust_1Aa00000000001", "receivers": [{"id": "ba_DEAOXNTwtHcAmX",
            "entity": "bank_account", "ifsc": "RAZR0000001", "bank_name": null,
            "name": "Acme Corp", "notes": [], "account_number": "1112220053178471"}],
            "close_by": null, "closed_at": null, "created_at": 1567660000}});
        let mut payload = json!({"payment": payment(), "virtual_account": va.clone()});
        payload["bank_transfer"] = json!({"entity": {"id": "bt_DEAOY3kdxCvUid",
            "entity": "bank_transfer", "payment_id": "pay_DEAOXMDW9IhGHz", "mode": "NEFT",
            "bank_reference": "156766000000", "amount": 200000}});
        let e = event("virtual_account.credited", payload);
        assert_eq!(
            e.virtual_account().map(|v| v.amount_paid),
            Some(Some(200000))
        );
        assert_eq!(e.payment().map(|p| p.amount), Some(200000));
        // The bank transfer is not modelled: kept as received.
        assert_eq!(e.payload.extra["bank_transfer"]["entity"]["mode"], "NEFT");
        for name in ["virtual_account.created", "virtual_account.closed"] {
            let e = event(name, json!({"virtual_account": va.clone()}));
            assert!(e.virtual_account().is_some());
        }
    }

    #[test]
    fn qr_code_events() {
        let qr = json!({"entity": {"id": "qr_HO2jGkWReVBMNu", "entity": "qr_code",
            "created_at": 1623914648, "name": "Store_1", "usage": "single_use",
            "type": "upi_qr", "image_url": "https://rzp.io/i/w2CEwYmkAu", "payment_amount": 300,
            "status": "closed", "description": "For Store 1", "fixed_amount": true,
            "payments_amount_received": 300, "payments_count_received": 1, "notes": [],
            "customer_id": "cust_HKsR5se84c5LTO", "close_by": 1681615838,
            "closed_at": 1623914700, "close_reason": "paid"}});
        let e = event(
            "qr_code.credited",
            json!({"payment": payment(), "qr_code": qr.clone()}),
        );
        assert_eq!(
            e.qr_code().and_then(|q| q.close_reason.as_deref()),
            Some("paid")
        );
        for name in ["qr_code.created", "qr_code.closed"] {
            assert!(
                event(name, json!({"qr_code": qr.clone()}))
                    .qr_code()
                    .is_some()
            );
        }
    }

    #[test]
    fn transfer_events() {
        for name in ["transfer.processed", "transfer.failed"] {
            let e = event(
                name,
                json!({"transfer": {"entity": {"id": "trf_E9uhYLFLLZ2pks",
                "entity": "transfer", "source": "pay_E8JR8E0XyjUSZd",
                "recipient": "acc_CPRsN1LkFccllA", "amount": 100, "currency": "INR",
                "amount_reversed": 0, "notes": [], "fees": 1, "tax": 0, "on_hold": false,
                "on_hold_until": null, "recipient_settlement_id": null,
                "created_at": 1580454666, "linked_account_notes": [],
                "processed_at": 1580454666}}}),
            );
            assert_eq!(e.transfer().map(|t| t.amount), Some(100));
        }
    }

    #[test]
    fn token_events() {
        for name in [
            "token.confirmed",
            "token.rejected",
            "token.paused",
            "token.cancelled",
        ] {
            let e = event(
                name,
                json!({"token": {"entity": {"id": "token_EhYgBW5FtFvMuT",
                "entity": "token", "token": "3yLZQF5bJ8NpQk", "bank": "HDFC", "wallet": null,
                "method": "emandate", "recurring": true,
                "recurring_details": {"status": "confirmed", "failure_reason": null},
                "auth_type": "netbanking", "mrn": null, "used_at": 1586954011,
                "created_at": 1586953997, "expired_at": 1902551400, "dcc_enabled": false}}}),
            );
            assert_eq!(e.token().and_then(|t| t.bank.as_deref()), Some("HDFC"));
        }
    }

    #[test]
    fn fund_account_validation_events() {
        for (name, status) in [
            ("fund_account.validation.completed", "completed"),
            ("fund_account.validation.failed", "failed"),
        ] {
            let e = event(
                name,
                json!({"fund_account.validation": {"entity": {
                "id": "fav_Di6ZDl3uXgsMGd", "entity": "fund_account.validation",
                "fund_account": {"id": "fa_Di6ZDkW1lZtLo8", "entity": "fund_account",
                    "account_type": "bank_account", "bank_account": {"ifsc": "HDFC0000053",
                    "bank_name": "HDFC Bank", "name": "Gaurav Kumar", "notes": [],
                    "account_number": "765432123456789"}, "active": true,
                    "batch_id": null, "created_at": 1574833436},
                "status": status, "amount": 100, "currency": "INR", "notes": [],
                "results": {"account_status": "active", "registered_name": "Gaurav Kumar"},
                "created_at": 1574833436}}}),
            );
            let validation = e.fund_account_validation().expect("validation");
            assert_eq!(validation.status.as_deref(), Some(status));
        }
    }

    #[test]
    fn account_and_order_notification_events() {
        for name in [
            "account.under_review",
            "account.needs_clarification",
            "account.activated",
            "account.rejected",
            "account.updated",
        ] {
            let e = event(
                name,
                json!({"account": {"entity": {"id": "acc_GP4lfNA0iIMn5B",
                "type": "standard", "status": "activated", "email": "gaurav.kumar@example.com",
                "legal_business_name": "Acme Corp", "business_type": "partnership",
                "notes": [], "created_at": 1610603081}}}),
            );
            assert_eq!(
                e.account().map(|a| a.id.as_str()),
                Some("acc_GP4lfNA0iIMn5B")
            );
        }
        for name in ["order.notification.delivered", "order.notification.failed"] {
            let e = event(
                name,
                json!({"order": {"entity": {"id": "order_1", "entity": "order",
                "amount": 5000, "currency": "INR", "status": "paid", "notes": []}}}),
            );
            assert_eq!(e.order().map(|o| o.amount), Some(5000));
        }
    }
}
