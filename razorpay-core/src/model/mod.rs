//! Typed Razorpay objects, exactly as Razorpay writes them (snake_case field names).
//!
//! They are built to survive what Razorpay really sends:
//!
//! - **amounts** are `i64` in the currency's smallest unit (paise), never floats;
//! - **notes** arrive as `[]`, `{}` or `null`: [`Notes`] takes all three;
//! - **text placeholders**: `error_code` may be `null` or `""`, and `error_source` & co.
//!   `"NA"` — [`Payment::failure`] reads them as "no value";
//! - **booleans** sometimes arrive as `"1"`: [`LenientBool`];
//! - **statuses** Razorpay adds later parse as `Unknown(String)` instead of failing;
//! - **new fields** land in each object's [`Extra`] instead of failing or being dropped.
//!
//! Serialising a parsed object gives back the same JSON tree: unknown fields, explicit `null`s,
//! the shape of `notes` and the representation of booleans are all kept. Only the order of keys
//! may differ (JSON objects are unordered, and signatures are always checked on the raw bytes).

mod account;
mod account_documents;
mod addon;
#[cfg(test)]
mod answer_samples;
mod answers;
mod bank_account;
mod bank_transfer;
mod card;
mod card_reference;
mod collection;
mod customer;
mod dispute;
mod document;
mod downtime;
mod eligibility;
mod extra;
mod fulfillment;
mod fund_account;
mod iin;
mod invoice;
mod item;
mod lenient_bool;
mod notes;
mod ondemand_settlement;
mod order;
mod payment;
mod payment_link;
mod payment_methods;
mod payment_step;
mod plan;
mod product;
mod qr_code;
mod refund;
mod rto_review;
#[cfg(test)]
mod samples;
mod settlement;
mod settlement_recon;
mod stakeholder;
mod status;
mod subscription;
mod text;
mod tnc;
mod token;
mod token_data;
mod transfer;
#[cfg(feature = "ts")]
mod ts;
mod unix_time;
mod upi;
mod virtual_account;
mod vpa_validation;
mod webhook;
pub(crate) mod wire;

// The other API resources' objects (one file each, same `entity!` rules).
pub use account::Account;
pub use account_documents::{AccountDocuments, DocumentFile};
pub use addon::Addon;
pub use answers::{Deleted, Success};
pub use bank_account::BankAccount;
pub use bank_transfer::BankTransfer;
pub use card_reference::CardReference;
pub use customer::Customer;
pub use document::Document;
pub use eligibility::{Eligibility, EligibilityInstrument};
pub use fulfillment::{Fulfillment, FulfillmentShipping};
pub use fund_account::{FundAccount, FundAccountValidation};
pub use iin::{Iin, IinList};
pub use item::Item;
pub use ondemand_settlement::{OndemandPayout, OndemandSettlement};
pub use payment_methods::PaymentMethods;
pub use payment_step::PaymentStep;
pub use plan::Plan;
pub use product::Product;
pub use qr_code::QrCode;
pub use rto_review::{RtoReason, RtoReview};
pub use settlement::Settlement;
pub use settlement_recon::SettlementReconItem;
pub use stakeholder::Stakeholder;
pub use tnc::Tnc;
pub use token::Token;
pub use token_data::{CardNumber, TokenCard, TokenTransactionalData};
pub use transfer::{Reversal, Transfer};
pub use virtual_account::VirtualAccount;
pub use vpa_validation::VpaValidation;
pub use webhook::{Webhook, WebhookEvents};

pub use card::Card;
pub use collection::Collection;
pub use dispute::Dispute;
pub use downtime::Downtime;
pub use extra::Extra;
pub use invoice::Invoice;
pub use lenient_bool::LenientBool;
pub use notes::Notes;
pub use order::Order;
pub use payment::{Payment, PaymentFailure};
pub use payment_link::{PaymentLink, PaymentLinkCustomer, PaymentLinkList};
pub use refund::Refund;
pub use status::{
    DisputeStatus, DowntimeStatus, InvoiceStatus, OrderStatus, PaymentLinkStatus, PaymentStatus,
    RefundStatus, SubscriptionStatus,
};
pub use subscription::Subscription;
pub use unix_time::UnixTime;
pub use upi::Upi;
