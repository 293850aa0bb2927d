//! [`ApiOutput`]: what a typed call returns, named once per model type so that the Rust client,
//! the `entity` check and the generated TypeScript (`Promise<Customer>`) all agree.

use serde::de::DeserializeOwned;

use crate::model::{
    Account, Addon, Card, Collection, Customer, Dispute, Document, Downtime, FundAccount, Invoice,
    Item, Order, Payment, PaymentLink, Plan, Product, QrCode, Refund, Reversal, Settlement,
    Stakeholder, Subscription, Token, Transfer, VirtualAccount, Webhook,
};

/// A type an API method returns: a model object, a [`Collection`] of them, or untyped JSON
/// ([`serde_json::Value`]) where the answer is not modelled.
pub trait ApiOutput: DeserializeOwned {
    /// The top-level `entity` Razorpay sends for it, checked before decoding (`None`: unchecked).
    const ENTITY: Option<&'static str>;

    /// Its name in the generated TypeScript (`Customer`, `Collection<Token>`, `any`).
    fn type_name() -> String;
}

macro_rules! objects {
    ($($ty:ident = $entity:literal),* $(,)?) => {
        $(impl ApiOutput for $ty {
            const ENTITY: Option<&'static str> = Some($entity);

            fn type_name() -> String {
                stringify!($ty).to_owned()
            }
        })*
    };
}

objects! {
    Account = "account",
    Addon = "addon",
    Card = "card",
    Customer = "customer",
    Dispute = "dispute",
    Document = "document",
    Downtime = "payment.downtime",
    FundAccount = "fund_account",
    Invoice = "invoice",
    Item = "item",
    Order = "order",
    Payment = "payment",
    PaymentLink = "payment_link",
    Plan = "plan",
    Product = "product",
    QrCode = "qr_code",
    Refund = "refund",
    Reversal = "reversal",
    Settlement = "settlement",
    Stakeholder = "stakeholder",
    Subscription = "subscription",
    Token = "token",
    Transfer = "transfer",
    VirtualAccount = "virtual_account",
    Webhook = "webhook",
}

impl<T: ApiOutput> ApiOutput for Collection<T> {
    const ENTITY: Option<&'static str> = Some("collection");

    fn type_name() -> String {
        format!("Collection<{}>", T::type_name())
    }
}

/// An answer this version does not model (OTP steps, eligibility checks, deletions, …).
impl ApiOutput for serde_json::Value {
    const ENTITY: Option<&'static str> = None;

    fn type_name() -> String {
        "any".to_owned()
    }
}
