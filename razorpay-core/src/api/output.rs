//! [`ApiOutput`]: what a typed call returns, named once per model type so that the Rust client,
//! the `entity` check and the generated TypeScript (`Promise<Customer>`) all agree.

use serde::de::DeserializeOwned;

use crate::model::{
    Account, AccountDocuments, Addon, BankAccount, BankTransfer, Card, CardReference, Collection,
    Customer, Deleted, Dispute, Document, Downtime, Eligibility, Fulfillment, FundAccount, Iin,
    IinList, Invoice, Item, OndemandSettlement, Order, Payment, PaymentLink, PaymentLinkList,
    PaymentMethods, PaymentStep, Plan, Product, QrCode, Refund, Reversal, RtoReview, Settlement,
    SettlementReconItem, Stakeholder, Subscription, Success, Tnc, Token, TokenTransactionalData,
    Transfer, VirtualAccount, VpaValidation, Webhook,
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

/// Answers without an `entity` member: decoded as they come.
macro_rules! answers {
    ($($ty:ident),* $(,)?) => {
        $(impl ApiOutput for $ty {
            const ENTITY: Option<&'static str> = None;

            fn type_name() -> String {
                stringify!($ty).to_owned()
            }
        })*
    };
}

objects! {
    BankTransfer = "bank_transfer",
    Fulfillment = "order.fulfillment",
    Iin = "iin",
    OndemandSettlement = "settlement.ondemand",
    PaymentMethods = "methods",
    Tnc = "tnc_map",
}

// A bank account's `entity` is left out of some answers (a deleted account), and the SDK's
// documented `addBankAccount` sample is a customer, so none is checked.
answers! {
    AccountDocuments,
    BankAccount,
    CardReference,
    Deleted,
    Eligibility,
    IinList,
    PaymentLinkList,
    PaymentStep,
    RtoReview,
    SettlementReconItem,
    Success,
    TokenTransactionalData,
    VpaValidation,
}

impl<T: ApiOutput> ApiOutput for Collection<T> {
    const ENTITY: Option<&'static str> = Some("collection");

    fn type_name() -> String {
        format!("Collection<{}>", T::type_name())
    }
}

/// An answer with nothing to type: the `[]` of a deletion, or `null`.
impl ApiOutput for serde_json::Value {
    const ENTITY: Option<&'static str> = None;

    fn type_name() -> String {
        "any".to_owned()
    }
}
