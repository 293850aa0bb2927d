//! Settlements: Razorpay pays captured payments out to the merchant's bank account, less its
//! fee and the tax on that fee (as each payment entity shows them), and takes back processed
//! refunds, lost disputes, transfers to linked accounts (giving back their reversals) and
//! on-demand settlements already paid out. The sandbox settles T+2: whatever was captured, processed or
//! deducted at least [`SETTLEMENT_DELAY_SECS`] ago is settled in one settlement when sandbox
//! time passes that moment, and `settlement.processed` announces it.
//!
//! Each settled transaction becomes one line of the combined recon report
//! (`GET /v1/settlements/recon/combined?year=&month=&day=`), dated by its settlement day in
//! India Standard Time.

use std::collections::{HashMap, HashSet};

use serde_json::{Value, json};

use super::fields::{self, Params};
use super::ist::ist_date;
use super::payment::PaymentRec;
use super::{Event, Store, listing};
use crate::api_error::ApiError;
use crate::ids::{new_id, random_base62};

/// Razorpay's domestic settlement cycle: T+2 days (working days at Razorpay; calendar days
/// here).
pub const SETTLEMENT_DELAY_SECS: i64 = 2 * 24 * 60 * 60;

/// Only INR is settled: Razorpay settles in INR, and international payments (T+7, converted)
/// are not simulated.
const SETTLEMENT_CURRENCY: &str = "INR";

/// One line of the recon report, remembered with its settlement day.
#[derive(Debug, Clone)]
struct Line {
    settled_on: (i64, u32, u32),
    item: Value,
}

/// The settlements of one account and what they settled.
#[derive(Debug, Default)]
pub struct Settlements {
    by_id: HashMap<String, Value>,
    ids: Vec<String>,
    /// Payment, refund and dispute ids already in a settlement.
    settled: HashSet<String>,
    lines: Vec<Line>,
}

/// A transaction due for settlement, before it has a settlement id.
struct Due {
    entity_id: String,
    kind: &'static str,
    debit: i64,
    credit: i64,
    fee: i64,
    tax: i64,
    item: Value,
}

/// What a lost dispute takes back, as settlements need it.
pub(super) struct Deduction {
    pub dispute_id: String,
    pub payment_id: String,
    pub amount: i64,
    pub currency: String,
    pub decided_at: i64,
}

fn fee_and_tax(payment: &Value) -> (i64, i64) {
    (
        payment["fee"].as_i64().unwrap_or(0),
        payment["tax"].as_i64().unwrap_or(0),
    )
}

/// The recon fields every line shares, from the payment it concerns.
fn recon_item(payment: &PaymentRec, receipt: Option<&str>) -> Value {
    let card = payment.method == "card";
    json!({
        "on_hold": false,
        "settled": true,
        "posted_at": null,
        "credit_type": "default",
        "description": null,
        // The recon report renders notes as one string.
        "notes": serde_json::to_string(&payment.notes).unwrap_or_default(),
        "order_id": if payment.order_id.is_empty() { Value::Null } else { json!(payment.order_id) },
        "order_receipt": receipt,
        "method": payment.method,
        "card_network": if card { json!("Visa") } else { Value::Null },
        "card_issuer": null,
        "card_type": if card { json!("debit") } else { Value::Null },
        "dispute_id": null,
    })
}

fn set(item: &mut Value, values: Value) {
    if let (Some(item), Value::Object(values)) = (item.as_object_mut(), values) {
        item.extend(values);
    }
}

impl Store {
    fn receipt_of(&self, payment: &PaymentRec) -> Option<&str> {
        self.orders
            .get(&payment.order_id)
            .and_then(|o| o.receipt.as_deref())
    }

    /// Captured payments, processed refunds and lost disputes old enough to settle.
    fn due_for_settlement(&self, now: i64) -> Vec<Due> {
        let ripe = |at: i64| at.saturating_add(SETTLEMENT_DELAY_SECS) <= now;
        let unsettled = |id: &str| !self.money.settlements.settled.contains(id);
        let mut due = Vec::new();
        for payment in self
            .payment_ids
            .iter()
            .filter_map(|id| self.payments.get(id))
        {
            let Some(captured_at) = payment.captured_at else {
                continue;
            };
            if !ripe(captured_at)
                || !unsettled(&payment.id)
                || payment.currency != SETTLEMENT_CURRENCY
            {
                continue;
            }
            let (fee, tax) = fee_and_tax(&payment.to_json());
            let credit = payment.amount.saturating_sub(fee);
            let mut item = recon_item(payment, self.receipt_of(payment));
            set(
                &mut item,
                json!({"entity_id": payment.id, "type": "payment", "debit": 0, "credit": credit,
                       "amount": payment.amount, "currency": payment.currency, "fee": fee,
                       "tax": tax, "created_at": payment.created_at, "payment_id": null}),
            );
            due.push(Due {
                entity_id: payment.id.clone(),
                kind: "payment",
                debit: 0,
                credit,
                fee,
                tax,
                item,
            });
        }
        for refund in self.refund_ids.iter().filter_map(|id| self.refunds.get(id)) {
            let processed = refund.status == super::RefundStatus::Processed;
            let Some(payment) = self.payments.get(&refund.payment_id) else {
                continue;
            };
            if !processed
                || !ripe(refund.created_at)
                || !unsettled(&refund.id)
                || refund.currency != SETTLEMENT_CURRENCY
            {
                continue;
            }
            let mut item = recon_item(payment, self.receipt_of(payment));
            set(
                &mut item,
                json!({"entity_id": refund.id, "type": "refund", "debit": refund.amount,
                       "credit": 0, "amount": refund.amount, "currency": refund.currency,
                       "fee": 0, "tax": 0, "created_at": refund.created_at,
                       "payment_id": refund.payment_id}),
            );
            due.push(Due {
                entity_id: refund.id.clone(),
                kind: "refund",
                debit: refund.amount,
                credit: 0,
                fee: 0,
                tax: 0,
                item,
            });
        }
        for lost in self.dispute_deductions() {
            let Some(payment) = self.payments.get(&lost.payment_id) else {
                continue;
            };
            if !ripe(lost.decided_at)
                || !unsettled(&lost.dispute_id)
                || lost.currency != SETTLEMENT_CURRENCY
            {
                continue;
            }
            let mut item = recon_item(payment, self.receipt_of(payment));
            set(
                &mut item,
                json!({"entity_id": lost.dispute_id, "type": "adjustment", "debit": lost.amount,
                       "credit": 0, "amount": lost.amount, "currency": lost.currency,
                       "fee": 0, "tax": 0, "created_at": lost.decided_at,
                       "payment_id": lost.payment_id, "dispute_id": lost.dispute_id}),
            );
            due.push(Due {
                entity_id: lost.dispute_id,
                kind: "adjustment",
                debit: lost.amount,
                credit: 0,
                fee: 0,
                tax: 0,
                item,
            });
        }
        let movements = self.transfer_movements();
        for movement in movements.into_iter().chain(self.ondemand_movements()) {
            if !ripe(movement.at)
                || !unsettled(&movement.entity_id)
                || movement.currency != SETTLEMENT_CURRENCY
            {
                continue;
            }
            let mut item = match self.payments.get(&movement.source) {
                Some(payment) => recon_item(payment, self.receipt_of(payment)),
                None => json!({
                    "on_hold": false, "settled": true, "posted_at": null,
                    "credit_type": "default", "description": null, "notes": "{}",
                    "order_id": null, "order_receipt": null, "method": null,
                    "card_network": null, "card_issuer": null, "card_type": null,
                    "dispute_id": null,
                }),
            };
            let payment_id = self
                .payments
                .contains_key(&movement.source)
                .then(|| movement.source.clone());
            let amount = movement.debit.max(movement.credit);
            set(
                &mut item,
                json!({"entity_id": movement.entity_id, "type": movement.kind,
                       "debit": movement.debit, "credit": movement.credit, "amount": amount,
                       "currency": movement.currency, "fee": 0, "tax": 0,
                       "created_at": movement.at, "payment_id": payment_id}),
            );
            due.push(Due {
                entity_id: movement.entity_id,
                kind: movement.kind,
                debit: movement.debit,
                credit: movement.credit,
                fee: 0,
                tax: 0,
                item,
            });
        }
        due
    }

    /// What the merchant could settle now: every unsettled transaction's net, due or not
    /// (on-demand settlements draw on it); `None` if the sum overflows.
    pub(super) fn unsettled_balance(&self) -> Option<i64> {
        let everything = self.now().saturating_add(SETTLEMENT_DELAY_SECS);
        self.due_for_settlement(everything)
            .iter()
            .try_fold(0_i64, |total, d| {
                total.checked_add(d.credit)?.checked_sub(d.debit)
            })
    }

    /// Settles everything due (called from the store's tick): one settlement and one
    /// `settlement.processed`, or nothing when nothing is due, the net is not positive
    /// (Razorpay carries a negative balance forward) or a sum would overflow.
    pub(super) fn settle_due(&mut self) -> Vec<Event> {
        let now = self.now();
        let due = self.due_for_settlement(now);
        if due.is_empty() {
            return Vec::new();
        }
        let sum = |f: fn(&Due) -> i64| {
            due.iter()
                .try_fold(0_i64, |total, d| total.checked_add(f(d)))
        };
        let (Some(credit), Some(debit), Some(fees), Some(tax)) = (
            sum(|d| d.credit),
            sum(|d| d.debit),
            sum(|d| d.fee),
            sum(|d| d.tax),
        ) else {
            return Vec::new();
        };
        let amount = match credit.checked_sub(debit) {
            Some(amount) if amount > 0 => amount,
            _ => return Vec::new(),
        };
        let id = new_id("setl");
        let utr = format!("{now}{}", random_base62(6).to_ascii_lowercase());
        let settlement = json!({
            "id": id, "entity": "settlement", "amount": amount, "status": "processed",
            "fees": fees, "tax": tax, "utr": utr, "created_at": now,
        });
        let book = &mut self.money.settlements;
        for mut d in due {
            set(
                &mut d.item,
                json!({"settled_at": now, "settlement_id": id, "settlement_utr": utr}),
            );
            debug_assert!(matches!(
                d.kind,
                "payment"
                    | "refund"
                    | "adjustment"
                    | "transfer"
                    | "reversal"
                    | "settlement.ondemand"
            ));
            book.settled.insert(d.entity_id);
            book.lines.push(Line {
                settled_on: ist_date(now),
                item: d.item,
            });
        }
        book.ids.push(id.clone());
        book.by_id.insert(id, settlement.clone());
        vec![Event::new(
            "settlement.processed",
            vec![("settlement", settlement)],
        )]
    }

    /// `GET /v1/settlements/:id`
    pub fn fetch_settlement(&self, id: &str) -> Result<Value, ApiError> {
        self.money
            .settlements
            .by_id
            .get(id)
            .cloned()
            .ok_or_else(ApiError::id_not_found)
    }

    /// `GET /v1/settlements` with `from`, `to`, `count`, `skip`, newest first.
    pub fn list_settlements(&self, query: &Params) -> Result<Value, ApiError> {
        let window = listing::Window::parse(query, &[])?;
        let book = &self.money.settlements;
        let items = book
            .ids
            .iter()
            .rev()
            .filter_map(|id| book.by_id.get(id))
            .filter(|s| window.contains(s["created_at"].as_i64().unwrap_or(0)))
            .cloned();
        Ok(listing::collection(window.page(items)))
    }

    /// `GET /v1/settlements/recon/combined?year=&month=[&day=]`: every transaction settled
    /// that month (or day), in settlement order.
    pub fn settlement_recon(&self, query: &Params) -> Result<Value, ApiError> {
        let window = listing::Window::parse(query, &["year", "month", "day"])?;
        let year = fields::required_integer(query, "year")?;
        let month = fields::required_integer(query, "month")?;
        let day = fields::integer(query, "day")?;
        if !(1..=12).contains(&month) {
            return Err(ApiError::invalid_field(
                "month",
                "The month must be between 1 and 12.",
            ));
        }
        if day.is_some_and(|d| !(1..=31).contains(&d)) {
            return Err(ApiError::invalid_field(
                "day",
                "The day must be between 1 and 31.",
            ));
        }
        let items = self
            .money
            .settlements
            .lines
            .iter()
            .filter(|line| {
                let (y, m, d) = line.settled_on;
                y == year && i64::from(m) == month && day.is_none_or(|day| i64::from(d) == day)
            })
            .map(|line| line.item.clone());
        Ok(listing::collection(window.page(items)))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Map, json};

    use super::*;

    fn settlements(store: &Store) -> Vec<Value> {
        let book = &store.money.settlements;
        book.ids
            .iter()
            .filter_map(|id| book.by_id.get(id).cloned())
            .collect()
    }

    #[test]
    fn a_negative_net_waits_for_later_captures_and_nothing_settles_twice() {
        let mut store = Store::new(true);
        let (first, _) = store.credit_payment("upi", 10_000, "INR", Map::new());
        assert!(store.settle_due().is_empty(), "not before T+2");
        store.clock.advance(SETTLEMENT_DELAY_SECS);
        let events = store.settle_due();
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].name, "settlement.processed");
        let fee = store.fetch_payment(&first).expect("payment")["fee"]
            .as_i64()
            .expect("fee");
        assert_eq!(settlements(&store)[0]["amount"], json!(10_000 - fee));
        assert!(store.settle_due().is_empty(), "settled once");

        let params = json!({"amount": 10_000})
            .as_object()
            .cloned()
            .unwrap_or_default();
        store.refund(&first, &params, None).expect("refund");
        store.clock.advance(SETTLEMENT_DELAY_SECS);
        assert!(
            store.settle_due().is_empty(),
            "a refund alone is carried forward"
        );

        let (second, _) = store.credit_payment("upi", 20_000, "INR", Map::new());
        store.clock.advance(SETTLEMENT_DELAY_SECS);
        assert_eq!(store.settle_due().len(), 1);
        let fee2 = store.fetch_payment(&second).expect("payment")["fee"]
            .as_i64()
            .expect("fee");
        let all = settlements(&store);
        assert_eq!(all.len(), 2);
        assert_eq!(all[1]["amount"], json!(20_000 - fee2 - 10_000));
        assert_eq!(store.money.settlements.lines.len(), 3);
    }

    #[test]
    fn only_inr_is_settled() {
        let mut store = Store::new(true);
        store.credit_payment("card", 10_000, "USD", Map::new());
        store.clock.advance(SETTLEMENT_DELAY_SECS);
        assert!(store.settle_due().is_empty());
    }

    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Op {
        Capture(i64),
        Refund(usize, i64),
        Transfer(usize, i64),
        Reverse(usize, i64),
        Ondemand(i64),
        LoseDispute(usize, i64),
        Advance(i64),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (100_i64..500_000).prop_map(Op::Capture),
            (0_usize..6, 1_i64..300_000).prop_map(|(p, a)| Op::Refund(p, a)),
            (0_usize..6, 100_i64..300_000).prop_map(|(p, a)| Op::Transfer(p, a)),
            (0_usize..6, 1_i64..300_000).prop_map(|(t, a)| Op::Reverse(t, a)),
            (100_i64..300_000).prop_map(Op::Ondemand),
            (0_usize..6, 1_i64..300_000).prop_map(|(p, a)| Op::LoseDispute(p, a)),
            (1_i64..=72).prop_map(|hours| Op::Advance(hours * 3_600)),
        ]
    }

    fn params(value: Value) -> Params {
        value.as_object().cloned().unwrap_or_default()
    }

    proptest! {
        // Each case replays up to 40 operations with their settlements: 100 cases keep it quick.
        #![proptest_config(ProptestConfig::with_cases(100))]

        /// Whatever happens, every transaction is settled at most once, every settlement is
        /// positive and adds up to its recon lines, and what was settled plus what is still
        /// unsettled is exactly the net of every successful operation.
        #[test]
        fn settled_plus_unsettled_is_the_net_of_everything(ops in proptest::collection::vec(op(), 1..40)) {
            let mut store = Store::new(true);
            let (mut payments, mut transfers) = (Vec::<String>::new(), Vec::<String>::new());
            let mut net: i64 = 0;
            for op in &ops {
                match op {
                    Op::Capture(amount) => {
                        let (id, _) = store.credit_payment("upi", *amount, "INR", Map::new());
                        let fee = store.fetch_payment(&id).ok().and_then(|p| p["fee"].as_i64()).unwrap_or(0);
                        net += amount - fee;
                        payments.push(id);
                    }
                    Op::Refund(p, amount) => {
                        if let Some(id) = payments.get(*p)
                            && store.refund(id, &params(json!({"amount": amount})), None).is_ok()
                        {
                            net -= amount;
                        }
                    }
                    Op::Transfer(p, amount) => {
                        if let Some(id) = payments.get(*p) {
                            let body = json!({"transfers": [{"account": "acc_CPRsN1LkFccllA",
                                                             "amount": amount, "currency": "INR"}]});
                            if let Ok((created, _)) = store.transfer_payment(id, &params(body)) {
                                net -= amount;
                                transfers.push(created["items"][0]["id"].as_str().unwrap_or_default().to_string());
                            }
                        }
                    }
                    Op::Reverse(t, amount) => {
                        if let Some(id) = transfers.get(*t)
                            && store.reverse_transfer(id, &params(json!({"amount": amount}))).is_ok()
                        {
                            net += amount;
                        }
                    }
                    Op::Ondemand(amount) => {
                        let balance = store.unsettled_balance().unwrap_or(0);
                        match store.create_ondemand_settlement(&params(json!({"amount": amount}))) {
                            Ok(_) => {
                                prop_assert!(*amount <= balance);
                                net -= amount;
                            }
                            Err(_) => prop_assert!(*amount > balance),
                        }
                    }
                    Op::LoseDispute(p, amount) => {
                        if let Some(id) = payments.get(*p) {
                            let raised = store.raise_dispute(id, &params(json!({"amount": amount})));
                            if let Ok((dispute, _)) = raised {
                                let dispute_id = dispute["id"].as_str().unwrap_or_default().to_string();
                                prop_assert!(store.accept_dispute(&dispute_id).is_ok());
                                net -= amount;
                            }
                        }
                    }
                    Op::Advance(secs) => {
                        store.clock.advance(*secs);
                        store.tick();
                    }
                }
                let book = &store.money.settlements;
                let mut settled: i64 = 0;
                for id in &book.ids {
                    let amount = book.by_id[id]["amount"].as_i64().unwrap_or(0);
                    prop_assert!(amount > 0);
                    let lines: i64 = book.lines.iter()
                        .filter(|l| l.item["settlement_id"] == json!(id))
                        .map(|l| l.item["credit"].as_i64().unwrap_or(0) - l.item["debit"].as_i64().unwrap_or(0))
                        .sum();
                    prop_assert_eq!(lines, amount);
                    settled += amount;
                }
                let mut seen = std::collections::HashSet::new();
                for line in &book.lines {
                    prop_assert!(seen.insert(line.item["entity_id"].to_string()), "settled twice");
                }
                prop_assert_eq!(settled + store.unsettled_balance().unwrap_or(i64::MIN), net);
            }
        }
    }
}
