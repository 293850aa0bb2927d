//! Typed resources: `client.customers().create(&params)` → [`Customer`], for every method of
//! the [API table](super::ENDPOINTS).
//!
//! Each resource below names, per official method, only its Rust name, its arguments (as the
//! table names them) and the model type it returns. The request itself (path, query, body,
//! retries, validation of amounts, notes and receipts, unknown parameters passed through) is
//! the table's: a typed method is [`RazorpayClient::call`](crate::client::RazorpayClient::call)
//! with the official name. A unit test checks every declaration against the table (same
//! arguments in the same order, same `entity`), and that every table method is declared, so
//! the two cannot drift. The same declarations give the generated TypeScript its return types
//! ([`output_type`]).
//!
//! Argument kinds: `id` is a `&str` path segment, `opt_id` an `Option<&str>` one, `params` any
//! [`Serialize`](serde::Serialize) value (a typed request such as
//! [`CreateOrder`](crate::client::CreateOrder), a `serde_json::json!` object, or `&()` for
//! none), `value` any `Serialize` value sent under its name, `flag` a `bool`.
//!
//! ```no_run
//! # async fn demo(client: razorpay_core::RazorpayClient) -> Result<(), razorpay_core::ClientError> {
//! use serde_json::json;
//!
//! let customer = client
//!     .customers()
//!     .create(&json!({"name": "Gaurav Kumar", "email": "gaurav.kumar@example.com", "fail_existing": "0"}))
//!     .await?;
//! let tokens = client.customers().fetch_tokens(&customer.id).await?;
//! for token in tokens {
//!     println!("{} {:?}", token.id, token.method);
//! }
//! # Ok(()) }
//! ```

// Every output type the declarations below name (`Customer`, `Collection<Token>`, …).
use crate::model::*;
use serde_json::Value;

use super::ApiOutput;

/// One declared method: its official name, Rust name, argument names and return type.
pub(crate) struct Declared {
    pub(crate) name: &'static str,
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) rust: &'static str,
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) args: &'static [&'static str],
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) entity: Option<&'static str>,
    pub(crate) type_name: fn() -> String,
}

/// The TypeScript return type of an official method (`"Collection<Token>"`), `None` for a name
/// that is not in the table.
pub fn output_type(name: &str) -> Option<String> {
    DECLARED
        .iter()
        .find(|declared| declared.name == name)
        .map(|declared| (declared.type_name)())
}

/// The Rust type of an argument kind.
#[cfg(feature = "client")]
macro_rules! arg_type {
    (id) => { &str };
    (opt_id) => { Option<&str> };
    (params) => { &(impl serde::Serialize + ?Sized) };
    (value) => { impl serde::Serialize };
    (flag) => { bool };
}

macro_rules! typed_api {
    ($(
        $(#[doc = $doc:literal])*
        $kind:ident $resource:literal => $accessor:ident, $handle:ident {
            $( $method:ident = $official:literal ( $($arg:ident : $arg_kind:ident),* ) -> $out:ty; )*
        }
    )*) => {
        pub(crate) static DECLARED: &[Declared] = &[$($(Declared {
            name: concat!($resource, ".", $official),
            rust: stringify!($method),
            args: &[$(stringify!($arg)),*],
            entity: <$out as ApiOutput>::ENTITY,
            type_name: <$out as ApiOutput>::type_name,
        },)*)*];

        $(
            typed_api!(@handle $kind $resource $accessor $handle [$(#[doc = $doc])*]);
            typed_api!(@methods $kind $handle {
                $( $method = concat!($resource, ".", $official) => ($($arg : $arg_kind),*) -> $out; )*
            });
        )*
    };

    // A resource without hand-written methods: its handle and `client.<accessor>()`.
    (@handle new $resource:literal $accessor:ident $handle:ident [$(#[doc = $doc:literal])*]) => {
        #[cfg(feature = "client")]
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $handle<'a> {
            client: &'a crate::client::RazorpayClient,
        }

        #[cfg(feature = "client")]
        impl crate::client::RazorpayClient {
            #[doc = concat!("The `", $resource, "` resource (typed; see [`", stringify!($handle), "`]).")]
            pub fn $accessor(&self) -> $handle<'_> {
                $handle { client: self }
            }
        }
    };
    // Orders, payments, refunds: the hand-written handle gains the methods it lacks.
    (@handle existing $($rest:tt)*) => {};
    // Methods the hand-written handles already have (same request, their own argument types):
    // declared for the coverage check and the TypeScript, no second Rust method.
    (@handle hand $($rest:tt)*) => {};
    (@methods hand $($rest:tt)*) => {};

    (@methods $kind:ident $handle:ident {
        $( $method:ident = $official:expr => ( $($arg:ident : $arg_kind:ident),* ) -> $out:ty; )*
    }) => {
        #[cfg(feature = "client")]
        impl $handle<'_> {
            $(
                #[doc = concat!("`", $official, "`: see the [API table](crate::api::ENDPOINTS) for its request.")]
                ///
                /// # Errors
                /// [`ClientError`](crate::client::ClientError): invalid arguments before
                /// sending, or Razorpay's error.
                pub async fn $method(
                    &self,
                    $($arg: arg_type!($arg_kind)),*
                ) -> Result<$out, crate::client::ClientError> {
                    #[allow(unused_mut)]
                    let mut args = serde_json::Map::new();
                    $( crate::api::resources::put(&mut args, stringify!($arg), &$arg)?; )*
                    self.client
                        .call::<$out>($official, &Value::Object(args), &crate::api::RequestOptions::default())
                        .await
                }
            )*
        }
    };
}

/// Adds one named argument (a `None` id or `()` params is left out, as if not given).
#[cfg(feature = "client")]
pub(crate) fn put<T: serde::Serialize + ?Sized>(
    args: &mut serde_json::Map<String, Value>,
    name: &'static str,
    value: &T,
) -> Result<(), crate::client::ValidationError> {
    let value = serde_json::to_value(value).map_err(|err| {
        crate::client::ValidationError::InvalidArgument {
            field: name.into(),
            reason: format!("cannot be written as JSON: {err}"),
        }
    })?;
    if !value.is_null() {
        args.insert(name.to_owned(), value);
    }
    Ok(())
}

#[cfg(feature = "client")]
use crate::client::{Orders, Payments, Refunds};

typed_api! {
    /// `client.accounts()`: partner sub-merchant accounts (v2).
    new "accounts" => accounts, Accounts {
        create = "create" (params: params) -> Account;
        edit = "edit" (account_id: id, params: params) -> Account;
        fetch = "fetch" (account_id: id) -> Account;
        delete = "delete" (account_id: id) -> Account;
        upload_account_doc = "uploadAccountDoc" (account_id: id, params: params) -> AccountDocuments;
        fetch_account_doc = "fetchAccountDoc" (account_id: id) -> AccountDocuments;
    }
    /// `client.stakeholders()`: the people behind an account (v2).
    new "stakeholders" => stakeholders, Stakeholders {
        create = "create" (account_id: id, params: params) -> Stakeholder;
        edit = "edit" (account_id: id, stakeholder_id: id, params: params) -> Stakeholder;
        fetch = "fetch" (account_id: id, stakeholder_id: id) -> Stakeholder;
        all = "all" (account_id: id) -> Collection<Stakeholder>;
        upload_stakeholder_doc = "uploadStakeholderDoc" (account_id: id, stakeholder_id: id, params: params) -> AccountDocuments;
        fetch_stakeholder_doc = "fetchStakeholderDoc" (account_id: id, stakeholder_id: id) -> AccountDocuments;
    }
    existing "payments" => payments, Payments {
        all = "all" (params: params) -> Collection<Payment>;
        create_payment_json = "createPaymentJson" (params: params) -> PaymentStep;
        create_recurring_payment = "createRecurringPayment" (params: params) -> PaymentStep;
        edit = "edit" (payment_id: id, params: params) -> Payment;
        fetch_multiple_refund = "fetchMultipleRefund" (payment_id: id, params: params) -> Collection<Refund>;
        fetch_refund = "fetchRefund" (payment_id: id, refund_id: id) -> Refund;
        fetch_transfer = "fetchTransfer" (payment_id: id) -> Collection<Transfer>;
        transfer = "transfer" (payment_id: id, params: params) -> Collection<Transfer>;
        bank_transfer = "bankTransfer" (payment_id: id) -> BankTransfer;
        fetch_card_details = "fetchCardDetails" (payment_id: id) -> Card;
        fetch_payment_downtime = "fetchPaymentDowntime" () -> Collection<Downtime>;
        fetch_payment_downtime_by_id = "fetchPaymentDowntimeById" (downtime_id: id) -> Downtime;
        otp_generate = "otpGenerate" (payment_id: id) -> PaymentStep;
        otp_submit = "otpSubmit" (payment_id: id, params: params) -> PaymentStep;
        otp_resend = "otpResend" (payment_id: id) -> PaymentStep;
        create_upi = "createUpi" (params: params) -> PaymentStep;
        validate_vpa = "validateVpa" (params: params) -> VpaValidation;
        fetch_payment_methods = "fetchPaymentMethods" () -> PaymentMethods;
    }
    hand "payments" => payments, Payments {
        fetch = "fetch" (payment_id: id, params: params) -> Payment;
        capture = "capture" (payment_id: id, amount: value, currency: value) -> Payment;
        refund = "refund" (payment_id: id, params: params) -> Refund;
    }
    existing "refunds" => refunds, Refunds {
        all = "all" (params: params) -> Collection<Refund>;
        edit = "edit" (refund_id: id, params: params) -> Refund;
    }
    hand "refunds" => refunds, Refunds {
        fetch = "fetch" (refund_id: id, params: params) -> Refund;
    }
    existing "orders" => orders, Orders {
        all = "all" (params: params) -> Collection<Order>;
        fetch_payments = "fetchPayments" (order_id: id) -> Collection<Payment>;
        fetch_transfer_order = "fetchTransferOrder" (order_id: id) -> Order;
        view_rto_review = "viewRtoReview" (order_id: id) -> RtoReview;
        edit_fulfillment = "editFulfillment" (order_id: id, params: params) -> Fulfillment;
    }
    hand "orders" => orders, Orders {
        fetch = "fetch" (order_id: id) -> Order;
        create = "create" (params: params) -> Order;
        edit = "edit" (order_id: id, params: params) -> Order;
    }
    /// `client.customers()`: saved customers, their tokens and bank accounts.
    new "customers" => customers, Customers {
        create = "create" (params: params) -> Customer;
        edit = "edit" (customer_id: id, params: params) -> Customer;
        fetch = "fetch" (customer_id: id) -> Customer;
        all = "all" (params: params) -> Collection<Customer>;
        fetch_tokens = "fetchTokens" (customer_id: id) -> Collection<Token>;
        fetch_token = "fetchToken" (customer_id: id, token_id: id) -> Token;
        delete_token = "deleteToken" (customer_id: id, token_id: id) -> Deleted;
        add_bank_account = "addBankAccount" (customer_id: id, params: params) -> BankAccount;
        delete_bank_account = "deleteBankAccount" (customer_id: id, bank_id: id) -> BankAccount;
        request_eligibility_check = "requestEligibilityCheck" (params: params) -> Eligibility;
        fetch_eligibility = "fetchEligibility" (eligibility_id: id) -> Eligibility;
    }
    /// `client.transfers()`: Route transfers to linked accounts.
    new "transfers" => transfers, Transfers {
        all = "all" (params: params) -> Collection<Transfer>;
        fetch = "fetch" (transfer_id: id, params: params) -> Transfer;
        create = "create" (params: params) -> Transfer;
        edit = "edit" (transfer_id: id, params: params) -> Transfer;
        reverse = "reverse" (transfer_id: id, params: params) -> Reversal;
        fetch_settlements = "fetchSettlements" () -> Collection<Transfer>;
    }
    /// `client.tokens()`: tokens by value (card-on-file tokenisation).
    new "tokens" => tokens, Tokens {
        create = "create" (params: params) -> Token;
        fetch = "fetch" (params: params) -> Token;
        // Answers `[]`: nothing to type, and a type would refuse the day it carries something.
        delete = "delete" (params: params) -> Value;
        process_payment_on_alternate_pa_or_pg = "processPaymentOnAlternatePAorPG" (params: params) -> TokenTransactionalData;
    }
    /// `client.virtual_accounts()`: Smart Collect virtual accounts.
    new "virtualAccounts" => virtual_accounts, VirtualAccounts {
        all = "all" (params: params) -> Collection<VirtualAccount>;
        fetch = "fetch" (virtual_account_id: id) -> VirtualAccount;
        create = "create" (params: params) -> VirtualAccount;
        close = "close" (virtual_account_id: id) -> VirtualAccount;
        fetch_payments = "fetchPayments" (virtual_account_id: id) -> Collection<Payment>;
        add_receiver = "addReceiver" (virtual_account_id: id, params: params) -> VirtualAccount;
        allowed_payer = "allowedPayer" (virtual_account_id: id, params: params) -> VirtualAccount;
        // Answers `null` (no body): nothing to type.
        delete_allowed_payer = "deleteAllowedPayer" (virtual_account_id: id, allowed_payer_id: id) -> Value;
    }
    /// `client.invoices()`: invoices.
    new "invoices" => invoices, Invoices {
        create = "create" (params: params) -> Invoice;
        edit = "edit" (invoice_id: id, params: params) -> Invoice;
        issue = "issue" (invoice_id: id) -> Invoice;
        // Answers `[]`: nothing to type, and a type would refuse the day it carries something.
        delete = "delete" (invoice_id: id) -> Value;
        cancel = "cancel" (invoice_id: id) -> Invoice;
        fetch = "fetch" (invoice_id: id) -> Invoice;
        all = "all" (params: params) -> Collection<Invoice>;
        notify_by = "notifyBy" (invoice_id: id, medium: id) -> Success;
    }
    /// `client.iins()`: card IIN (BIN) lookups.
    new "iins" => iins, Iins {
        fetch = "fetch" (token_iin: id) -> Iin;
        all = "all" (params: params) -> IinList;
    }
    /// `client.payment_link()`: payment links (the list answer is `{"payment_links": [...]}`).
    new "paymentLink" => payment_link, PaymentLinks {
        create = "create" (params: params) -> PaymentLink;
        cancel = "cancel" (payment_link_id: id) -> PaymentLink;
        fetch = "fetch" (payment_link_id: id) -> PaymentLink;
        all = "all" (params: params) -> PaymentLinkList;
        edit = "edit" (payment_link_id: id, params: params) -> PaymentLink;
        notify_by = "notifyBy" (payment_link_id: id, medium: id) -> Success;
    }
    /// `client.plans()`: subscription plans.
    new "plans" => plans, Plans {
        create = "create" (params: params) -> Plan;
        fetch = "fetch" (plan_id: id) -> Plan;
        all = "all" (params: params) -> Collection<Plan>;
    }
    /// `client.products()`: product configurations of an account (v2).
    new "products" => products, Products {
        request_product_configuration = "requestProductConfiguration" (account_id: id, params: params) -> Product;
        edit = "edit" (account_id: id, product_id: id, params: params) -> Product;
        fetch = "fetch" (account_id: id, product_id: id) -> Product;
        fetch_tnc = "fetchTnc" (product_name: id) -> Tnc;
    }
    /// `client.subscriptions()`: subscriptions, their add-ons and registration links.
    new "subscriptions" => subscriptions, Subscriptions {
        create = "create" (params: params) -> Subscription;
        fetch = "fetch" (subscription_id: id) -> Subscription;
        update = "update" (subscription_id: id, params: params) -> Subscription;
        pending_update = "pendingUpdate" (subscription_id: id) -> Subscription;
        cancel_scheduled_changes = "cancelScheduledChanges" (subscription_id: id) -> Subscription;
        pause = "pause" (subscription_id: id, params: params) -> Subscription;
        resume = "resume" (subscription_id: id, params: params) -> Subscription;
        delete_offer = "deleteOffer" (subscription_id: id, offer_id: id) -> Subscription;
        all = "all" (params: params) -> Collection<Subscription>;
        cancel = "cancel" (subscription_id: id, cancel_at_cycle_end: flag) -> Subscription;
        create_addon = "createAddon" (subscription_id: id, params: params) -> Addon;
        create_registration_link = "createRegistrationLink" (params: params) -> Invoice;
    }
    /// `client.addons()`: subscription add-ons.
    new "addons" => addons, Addons {
        fetch = "fetch" (addon_id: id) -> Addon;
        // Answers `[]`: nothing to type, and a type would refuse the day it carries something.
        delete = "delete" (addon_id: id) -> Value;
        all = "all" (params: params) -> Collection<Addon>;
    }
    /// `client.settlements()`: settlements and on-demand settlements.
    new "settlements" => settlements, Settlements {
        create_ondemand_settlement = "createOndemandSettlement" (params: params) -> OndemandSettlement;
        all = "all" (params: params) -> Collection<Settlement>;
        fetch = "fetch" (settlement_id: id) -> Settlement;
        fetch_ondemand_settlement_by_id = "fetchOndemandSettlementById" (settlement_id: id, params: params) -> OndemandSettlement;
        fetch_all_ondemand_settlement = "fetchAllOndemandSettlement" (params: params) -> Collection<OndemandSettlement>;
        reports = "reports" (params: params) -> Collection<SettlementReconItem>;
    }
    /// `client.qr_code()`: UPI QR codes.
    new "qrCode" => qr_code, QrCodes {
        create = "create" (params: params) -> QrCode;
        all = "all" (params: params) -> Collection<QrCode>;
        fetch_all_payments = "fetchAllPayments" (qr_code_id: id, params: params) -> Collection<Payment>;
        fetch = "fetch" (qr_code_id: id) -> QrCode;
        close = "close" (qr_code_id: id) -> QrCode;
    }
    /// `client.fund_account()`: customers' fund accounts.
    new "fundAccount" => fund_account, FundAccounts {
        create = "create" (params: params) -> FundAccount;
        fetch = "fetch" (customer_id: id) -> Collection<FundAccount>;
    }
    /// `client.items()`: items for invoices.
    new "items" => items, Items {
        all = "all" (params: params) -> Collection<Item>;
        fetch = "fetch" (item_id: id) -> Item;
        create = "create" (params: params) -> Item;
        edit = "edit" (item_id: id, params: params) -> Item;
        // Answers `[]`: nothing to type, and a type would refuse the day it carries something.
        delete = "delete" (item_id: id) -> Value;
    }
    /// `client.cards()`: saved cards and card references.
    new "cards" => cards, Cards {
        fetch = "fetch" (card_id: id) -> Card;
        request_card_reference = "requestCardReference" (params: params) -> CardReference;
    }
    /// `client.webhooks()`: webhook configurations (of the merchant, or of a partner's account).
    new "webhooks" => webhooks, Webhooks {
        create = "create" (params: params, account_id: opt_id) -> Webhook;
        edit = "edit" (params: params, webhook_id: id, account_id: opt_id) -> Webhook;
        all = "all" (params: params, account_id: opt_id) -> Collection<Webhook>;
        fetch = "fetch" (webhook_id: id, account_id: id) -> Webhook;
        // Answers `[]`: nothing to type, and a type would refuse the day it carries something.
        delete = "delete" (webhook_id: id, account_id: id) -> Value;
    }
    /// `client.documents()`: uploaded files.
    new "documents" => documents, Documents {
        create = "create" (params: params) -> Document;
        fetch = "fetch" (document_id: id) -> Document;
    }
    /// `client.disputes()`: disputes and chargebacks.
    new "disputes" => disputes, Disputes {
        fetch = "fetch" (dispute_id: id) -> Dispute;
        all = "all" (params: params) -> Collection<Dispute>;
        accept = "accept" (dispute_id: id) -> Dispute;
        contest = "contest" (dispute_id: id, params: params) -> Dispute;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ENDPOINTS;

    #[test]
    fn every_table_method_is_declared_once_with_its_arguments_and_entity() {
        assert_eq!(DECLARED.len(), ENDPOINTS.len());
        for endpoint in &ENDPOINTS {
            let found: Vec<&Declared> = DECLARED
                .iter()
                .filter(|d| d.name == endpoint.name)
                .collect();
            assert_eq!(found.len(), 1, "{}", endpoint.name);
            let declared = found[0];
            let names: Vec<&str> = endpoint.args.iter().map(|arg| arg.name).collect();
            assert_eq!(declared.args, names.as_slice(), "{}", endpoint.name);
            // Where the table checks an entity, the typed answer is that entity (or untyped).
            if let Some(entity) = endpoint.entity {
                assert!(
                    declared.entity.is_none() || declared.entity == Some(entity),
                    "{}: table {entity:?}, declared {:?}",
                    endpoint.name,
                    declared.entity
                );
            }
            // The Rust name is the official one in snake_case.
            let snake: String = endpoint
                .method_name()
                .chars()
                .flat_map(|c| {
                    let lower = c.to_ascii_lowercase();
                    (c.is_ascii_uppercase())
                        .then_some('_')
                        .into_iter()
                        .chain([lower])
                })
                .collect();
            let snake = snake.replace("_p_aor_p_g", "_pa_or_pg"); // processPaymentOnAlternatePAorPG
            assert_eq!(declared.rust, snake, "{}", endpoint.name);
        }
    }

    #[test]
    fn output_types_name_the_model() {
        assert_eq!(output_type("customers.create").as_deref(), Some("Customer"));
        assert_eq!(
            output_type("customers.fetchTokens").as_deref(),
            Some("Collection<Token>")
        );
        assert_eq!(
            output_type("transfers.reverse").as_deref(),
            Some("Reversal")
        );
        assert_eq!(
            output_type("payments.otpGenerate").as_deref(),
            Some("PaymentStep")
        );
        assert_eq!(
            output_type("settlements.reports").as_deref(),
            Some("Collection<SettlementReconItem>")
        );
        assert_eq!(output_type("items.delete").as_deref(), Some("any"));
        assert_eq!(output_type("no.such"), None);
    }
}
