//! Writes the TypeScript declarations of every Rust type that crosses to Node, from the Rust
//! types themselves (ts-rs reads their serde attributes), so `index.d.ts` cannot drift from the
//! JSON the binding really exchanges.
//!
//! `cargo run -p bindings-node --features gen-types --bin gen-types -- <out-dir>`
//! (scripts/gen-types.sh). The Node stage regenerates the files and fails when the committed
//! copies differ.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use ts_rs::{Config, TS};

/// One generated file: its name and the declarations it holds.
struct Module {
    file: &'static str,
    title: &'static str,
    decls: Vec<String>,
}

/// `export type X = …` with the type's doc comment, for a type that derives `TS`.
fn decl<T: TS + 'static>(cfg: &Config) -> String {
    let mut out = String::new();
    if let Some(docs) = T::docs() {
        out.push_str(&docs);
    }
    let _ = write!(out, "export {}", T::decl(cfg));
    out
}

fn rules(cfg: &Config) -> Module {
    use checkout_rules::currency::{CurrencyInfo, Grouping};
    use checkout_rules::*;
    Module {
        file: "checkout-rules.d.ts",
        title: "checkout-rules: carts, catalogs, policies, reports and plans",
        decls: vec![
            decl::<Cart>(cfg),
            decl::<CartLine>(cfg),
            decl::<Catalog>(cfg),
            decl::<CatalogItem>(cfg),
            decl::<PriceTolerance>(cfg),
            decl::<AmountLimits>(cfg),
            decl::<DuplicateLines>(cfg),
            decl::<Policy>(cfg),
            decl::<ProblemCode>(cfg),
            decl::<Severity>(cfg),
            decl::<Fix>(cfg),
            decl::<InvalidItem>(cfg),
            decl::<CartProblem>(cfg),
            decl::<Totals>(cfg),
            decl::<CartReport>(cfg),
            decl::<PlannedLine>(cfg),
            decl::<StockDecrement>(cfg),
            decl::<CheckoutPlan>(cfg),
            decl::<Grouping>(cfg),
            decl::<CurrencyInfo>(cfg),
        ],
    }
}

fn razorpay(cfg: &Config) -> Module {
    use razorpay_core::model::*;
    use razorpay_core::webhook::{EntityWrapper, EventName, WebhookEvent, WebhookPayload};
    Module {
        file: "razorpay.d.ts",
        title: "razorpay-core: Razorpay's objects and webhook events",
        decls: vec![
            decl::<serde_json::Value>(cfg),
            decl::<Notes>(cfg),
            decl::<LenientBool>(cfg),
            decl::<Collection<ts_rs::Dummy>>(cfg),
            decl::<PaymentStatus>(cfg),
            decl::<OrderStatus>(cfg),
            decl::<RefundStatus>(cfg),
            decl::<DisputeStatus>(cfg),
            decl::<DowntimeStatus>(cfg),
            decl::<PaymentLinkStatus>(cfg),
            decl::<SubscriptionStatus>(cfg),
            decl::<InvoiceStatus>(cfg),
            decl::<Order>(cfg),
            decl::<Payment>(cfg),
            decl::<Card>(cfg),
            decl::<Upi>(cfg),
            decl::<Refund>(cfg),
            decl::<Dispute>(cfg),
            decl::<Downtime>(cfg),
            decl::<PaymentLink>(cfg),
            decl::<PaymentLinkCustomer>(cfg),
            decl::<Subscription>(cfg),
            decl::<Invoice>(cfg),
            decl::<Customer>(cfg),
            decl::<Token>(cfg),
            decl::<Item>(cfg),
            decl::<Plan>(cfg),
            decl::<Addon>(cfg),
            decl::<Settlement>(cfg),
            decl::<QrCode>(cfg),
            decl::<VirtualAccount>(cfg),
            decl::<Transfer>(cfg),
            decl::<Reversal>(cfg),
            decl::<FundAccount>(cfg),
            decl::<FundAccountValidation>(cfg),
            decl::<Document>(cfg),
            decl::<Account>(cfg),
            decl::<Stakeholder>(cfg),
            decl::<Product>(cfg),
            decl::<PaymentLinkList>(cfg),
            decl::<PaymentStep>(cfg),
            decl::<VpaValidation>(cfg),
            decl::<PaymentMethods>(cfg),
            decl::<Iin>(cfg),
            decl::<IinList>(cfg),
            decl::<BankAccount>(cfg),
            decl::<BankTransfer>(cfg),
            decl::<AccountDocuments>(cfg),
            decl::<DocumentFile>(cfg),
            decl::<RtoReview>(cfg),
            decl::<RtoReason>(cfg),
            decl::<Fulfillment>(cfg),
            decl::<FulfillmentShipping>(cfg),
            decl::<Eligibility>(cfg),
            decl::<EligibilityInstrument>(cfg),
            decl::<Deleted>(cfg),
            decl::<Success>(cfg),
            decl::<Tnc>(cfg),
            decl::<CardReference>(cfg),
            decl::<CardNumber>(cfg),
            decl::<TokenCard>(cfg),
            decl::<TokenTransactionalData>(cfg),
            decl::<OndemandSettlement>(cfg),
            decl::<OndemandPayout>(cfg),
            decl::<SettlementReconItem>(cfg),
            decl::<WebhookEvents>(cfg),
            decl::<Webhook>(cfg),
            decl::<EventName>(cfg),
            decl::<EntityWrapper<ts_rs::Dummy>>(cfg),
            decl::<WebhookPayload>(cfg),
            decl::<WebhookEvent>(cfg),
        ],
    }
}

fn render(module: &Module) -> String {
    let mut out = format!(
        "/* {} — generated from the Rust types by scripts/gen-types.sh (ts-rs); do not edit. */\n",
        module.title
    );
    for d in &module.decls {
        out.push('\n');
        out.push_str(d);
        out.push('\n');
    }
    out
}

fn write(dir: &Path, module: &Module) -> std::io::Result<()> {
    std::fs::write(dir.join(module.file), render(module))
}

fn main() -> std::io::Result<()> {
    let dir: PathBuf = std::env::args_os()
        .nth(1)
        .map_or_else(|| PathBuf::from("bindings-node/types"), PathBuf::from);
    std::fs::create_dir_all(&dir)?;
    // JavaScript numbers: every amount is an `i64` of minor units, which the binding sends as a
    // JS number (exact up to 2^53, far beyond any payable amount); `bigint` would be wrong.
    let cfg = Config::new().with_large_int("number");
    write(&dir, &rules(&cfg))?;
    write(&dir, &razorpay(&cfg))?;
    Ok(())
}
