//! Request parameters as the official SDK takes them (snake_case, Razorpay's names), converted
//! into the Rust client's request types. Unknown parameters are refused with a TypeError naming
//! them, rather than silently dropped.

use razorpay_core::client::{
    CapturePayment, CreateOrder, CreateRefund, EditOrder, ListOrders, ListPayments, ListRefunds,
    RefundSpeed,
};
use razorpay_core::model::{Notes, UnixTime};
use serde::{Deserialize, Deserializer};

/// An amount in minor units: an integer, or a string of digits (the official typings allow
/// `number | string`). `1.5` and `"12.50"` are refused.
#[derive(Clone, Copy)]
pub(crate) struct Amount(pub(crate) i64);

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Integer(i64),
            Text(String),
        }
        match Raw::deserialize(deserializer) {
            Ok(Raw::Integer(amount)) => Ok(Amount(amount)),
            Ok(Raw::Text(text)) => text.parse().map(Amount).map_err(|_| {
                serde::de::Error::custom("amount must be an integer number of minor units")
            }),
            Err(_) => Err(serde::de::Error::custom(
                "amount must be an integer number of minor units",
            )),
        }
    }
}

/// A flag: `true`/`false`, or `1`/`0` as the official SDK also sends.
#[derive(Clone, Copy)]
pub(crate) struct Flag(pub(crate) bool);

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Bool(bool),
            Number(u8),
        }
        match Raw::deserialize(deserializer) {
            Ok(Raw::Bool(flag)) => Ok(Flag(flag)),
            Ok(Raw::Number(0)) => Ok(Flag(false)),
            Ok(Raw::Number(1)) => Ok(Flag(true)),
            _ => Err(serde::de::Error::custom("expected true, false, 1 or 0")),
        }
    }
}

/// `orders.create(params)`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CreateOrderParams {
    amount: Amount,
    currency: String,
    #[serde(default)]
    receipt: Option<String>,
    #[serde(default)]
    notes: Notes,
    #[serde(default)]
    partial_payment: Option<Flag>,
    #[serde(default)]
    first_payment_min_amount: Option<Amount>,
    #[serde(default)]
    payment_capture: Option<Flag>,
}

impl From<CreateOrderParams> for CreateOrder {
    fn from(params: CreateOrderParams) -> Self {
        let mut order = CreateOrder::new(params.amount.0, params.currency);
        order.receipt = params.receipt;
        order.notes = params.notes;
        order.partial_payment = params.partial_payment.map(|f| f.0);
        order.first_payment_min_amount = params.first_payment_min_amount.map(|a| a.0);
        order.payment_capture = params.payment_capture.map(|f| f.0);
        order
    }
}

/// `orders.all(params)`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct ListOrdersParams {
    from: Option<i64>,
    to: Option<i64>,
    count: Option<u32>,
    skip: Option<u32>,
    authorized: Option<Flag>,
    receipt: Option<String>,
}

impl From<ListOrdersParams> for ListOrders {
    fn from(params: ListOrdersParams) -> Self {
        let mut out = ListOrders::default();
        out.from = params.from.map(UnixTime::from);
        out.to = params.to.map(UnixTime::from);
        out.count = params.count;
        out.skip = params.skip;
        out.authorized = params.authorized.map(|f| f.0);
        out.receipt = params.receipt;
        out
    }
}

/// `orders.edit(orderId, { notes })`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EditOrderParams {
    notes: Notes,
}

impl From<EditOrderParams> for EditOrder {
    fn from(params: EditOrderParams) -> Self {
        EditOrder::notes(params.notes)
    }
}

/// `payments.all(params)`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct ListPaymentsParams {
    from: Option<i64>,
    to: Option<i64>,
    count: Option<u32>,
    skip: Option<u32>,
}

impl From<ListPaymentsParams> for ListPayments {
    fn from(params: ListPaymentsParams) -> Self {
        let mut out = ListPayments::default();
        out.from = params.from.map(UnixTime::from);
        out.to = params.to.map(UnixTime::from);
        out.count = params.count;
        out.skip = params.skip;
        out
    }
}

/// `payments.capture(paymentId, amount, currency)`.
pub(crate) fn capture(amount: i64, currency: String) -> CapturePayment {
    CapturePayment::new(amount, currency)
}

/// Refund speeds Razorpay accepts on create.
#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum Speed {
    Normal,
    Optimum,
}

/// `payments.refund(paymentId, params)`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct RefundParams {
    amount: Option<Amount>,
    speed: Option<Speed>,
    #[serde(default)]
    notes: Notes,
    receipt: Option<String>,
}

/// Our own options for `payments.refund` (not Razorpay body parameters).
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub(crate) struct RefundOptions {
    idempotency_key: Option<String>,
}

/// Builds the refund request.
pub(crate) fn refund(params: RefundParams, options: RefundOptions) -> CreateRefund {
    let mut refund = match params.amount {
        Some(amount) => CreateRefund::partial(amount.0),
        None => CreateRefund::full(),
    };
    if let Some(speed) = params.speed {
        refund = refund.speed(match speed {
            Speed::Normal => RefundSpeed::Normal,
            Speed::Optimum => RefundSpeed::Optimum,
        });
    }
    refund.notes = params.notes;
    refund.receipt = params.receipt;
    if let Some(key) = options.idempotency_key {
        refund = refund.idempotency_key(key);
    }
    refund
}

/// `refunds.all(params)`: all refunds, or a payment's with `payment_id`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct ListRefundsParams {
    pub(crate) payment_id: Option<String>,
    from: Option<i64>,
    to: Option<i64>,
    count: Option<u32>,
    skip: Option<u32>,
}

impl ListRefundsParams {
    /// The filter part.
    pub(crate) fn filter(&self) -> ListRefunds {
        let mut out = ListRefunds::default();
        out.from = self.from.map(UnixTime::from);
        out.to = self.to.map(UnixTime::from);
        out.count = self.count;
        out.skip = self.skip;
        out
    }
}

/// `refunds.fetch(refundId, { payment_id })`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct FetchRefundParams {
    pub(crate) payment_id: Option<String>,
}
