//! The table: every resource method of the official `razorpay` npm package (2.9.8,
//! `dist/resources/*.js`), in its order, declared once. Argument names follow the official
//! parameter names; the notes say where the official package does something unusual that we
//! reproduce on purpose, because a drop-in must send the same request.

use super::endpoint::HttpMethod::{Delete, Get, Patch, Post, Put};
use super::endpoint::{
    ApiVersion, Body, Endpoint, LIST, PARAMS, QuerySpec, REQUIRED_PARAMS, Retry, Route, SPREAD,
    Window, flag, id, opt_id, opt_value, pick, value,
};

/// `{currency: currency || 'INR', ...rest}`.
const CURRENCY_INR: Body = Body::Object {
    defaults: &[("currency", "INR")],
    front: &["currency"],
    required: &[],
};

/// The ondemand-settlement and payment `expand[]` forms, sent as the official package does.
const EXPAND_ONLY: QuerySpec = QuerySpec {
    pick: Some(&["expand"]),
    window: Window::Raw,
    expand: true,
};

/// Every endpoint, in the official package's resource and method order.
pub static ENDPOINTS: [Endpoint; 142] = [
    // accounts (partner API, v2)
    Endpoint::new("accounts.create", Post, "accounts", Some("account"))
        .v2()
        .args(&[PARAMS])
        .body(Body::Params),
    Endpoint::new(
        "accounts.edit",
        Patch,
        "accounts/{account_id}",
        Some("account"),
    )
    .v2()
    .args(&[id("account_id"), PARAMS])
    .body(Body::Params),
    Endpoint::new(
        "accounts.fetch",
        Get,
        "accounts/{account_id}",
        Some("account"),
    )
    .v2()
    .args(&[id("account_id")]),
    Endpoint::new(
        "accounts.delete",
        Delete,
        "accounts/{account_id}",
        Some("account"),
    )
    .v2()
    .args(&[id("account_id")]),
    Endpoint::new(
        "accounts.uploadAccountDoc",
        Post,
        "accounts/{account_id}/documents",
        None,
    )
    .v2()
    .args(&[id("account_id"), REQUIRED_PARAMS])
    .body(Body::Multipart),
    Endpoint::new(
        "accounts.fetchAccountDoc",
        Get,
        "accounts/{account_id}/documents",
        None,
    )
    .v2()
    .args(&[id("account_id")]),
    // stakeholders (v2)
    Endpoint::new(
        "stakeholders.create",
        Post,
        "accounts/{account_id}/stakeholders",
        Some("stakeholder"),
    )
    .v2()
    .args(&[id("account_id"), PARAMS])
    .body(Body::Params),
    Endpoint::new(
        "stakeholders.edit",
        Patch,
        "accounts/{account_id}/stakeholders/{stakeholder_id}",
        Some("stakeholder"),
    )
    .v2()
    .args(&[id("account_id"), id("stakeholder_id"), PARAMS])
    .body(Body::Params),
    Endpoint::new(
        "stakeholders.fetch",
        Get,
        "accounts/{account_id}/stakeholders/{stakeholder_id}",
        Some("stakeholder"),
    )
    .v2()
    .args(&[id("account_id"), id("stakeholder_id")]),
    Endpoint::new(
        "stakeholders.all",
        Get,
        "accounts/{account_id}/stakeholders",
        Some("collection"),
    )
    .v2()
    .args(&[id("account_id")]),
    Endpoint::new(
        "stakeholders.uploadStakeholderDoc",
        Post,
        "accounts/{account_id}/stakeholders/{stakeholder_id}/documents",
        None,
    )
    .v2()
    .args(&[id("account_id"), id("stakeholder_id"), REQUIRED_PARAMS])
    .body(Body::Multipart),
    Endpoint::new(
        "stakeholders.fetchStakeholderDoc",
        Get,
        "accounts/{account_id}/stakeholders/{stakeholder_id}/documents",
        None,
    )
    .v2()
    .args(&[id("account_id"), id("stakeholder_id")]),
    // payments
    Endpoint::new("payments.all", Get, "payments", Some("collection"))
        .args(&[PARAMS])
        .query(QuerySpec {
            pick: Some(&["from", "to", "count", "skip", "expand"]),
            window: Window::Normalized,
            expand: true,
        }),
    Endpoint::new(
        "payments.fetch",
        Get,
        "payments/{payment_id}",
        Some("payment"),
    )
    .args(&[id("payment_id"), PARAMS])
    .query(EXPAND_ONLY),
    Endpoint::new(
        "payments.capture",
        Post,
        "payments/{payment_id}/capture",
        Some("payment"),
    )
    .args(&[id("payment_id"), value("amount"), opt_value("currency")])
    .body(Body::Args),
    Endpoint::new(
        "payments.createPaymentJson",
        Post,
        "payments/create/json",
        None,
    )
    .args(&[REQUIRED_PARAMS])
    .body(Body::Params),
    Endpoint::new(
        "payments.createRecurringPayment",
        Post,
        "payments/create/recurring",
        None,
    )
    .args(&[PARAMS])
    .body(Body::Params),
    Endpoint::new(
        "payments.edit",
        Patch,
        "payments/{payment_id}",
        Some("payment"),
    )
    .args(&[id("payment_id"), PARAMS])
    .body(Body::ParamsOrEmpty),
    // With an idempotency key Razorpay refunds at most once per key.
    Endpoint::new(
        "payments.refund",
        Post,
        "payments/{payment_id}/refund",
        Some("refund"),
    )
    .args(&[id("payment_id"), PARAMS])
    .body(Body::ParamsOrEmpty)
    .retry(Retry::SafeWithKey),
    Endpoint::new(
        "payments.fetchMultipleRefund",
        Get,
        "payments/{payment_id}/refunds",
        Some("collection"),
    )
    .args(&[id("payment_id"), PARAMS])
    .query(SPREAD),
    Endpoint::new(
        "payments.fetchRefund",
        Get,
        "payments/{payment_id}/refunds/{refund_id}",
        Some("refund"),
    )
    .args(&[id("payment_id"), id("refund_id")]),
    Endpoint::new(
        "payments.fetchTransfer",
        Get,
        "payments/{payment_id}/transfers",
        Some("collection"),
    )
    .args(&[id("payment_id")]),
    Endpoint::new(
        "payments.transfer",
        Post,
        "payments/{payment_id}/transfers",
        Some("collection"),
    )
    .args(&[id("payment_id"), PARAMS])
    .body(Body::ParamsOrEmpty),
    Endpoint::new(
        "payments.bankTransfer",
        Get,
        "payments/{payment_id}/bank_transfer",
        Some("bank_transfer"),
    )
    .args(&[id("payment_id")]),
    Endpoint::new(
        "payments.fetchCardDetails",
        Get,
        "payments/{payment_id}/card",
        Some("card"),
    )
    .args(&[id("payment_id")]),
    Endpoint::new(
        "payments.fetchPaymentDowntime",
        Get,
        "payments/downtimes",
        Some("collection"),
    ),
    Endpoint::new(
        "payments.fetchPaymentDowntimeById",
        Get,
        "payments/downtimes/{downtime_id}",
        Some("payment.downtime"),
    )
    .args(&[id("downtime_id")]),
    Endpoint::new(
        "payments.otpGenerate",
        Post,
        "payments/{payment_id}/otp_generate",
        None,
    )
    .args(&[id("payment_id")]),
    Endpoint::new(
        "payments.otpSubmit",
        Post,
        "payments/{payment_id}/otp/submit",
        None,
    )
    .args(&[id("payment_id"), PARAMS])
    .body(Body::ParamsOrEmpty),
    Endpoint::new(
        "payments.otpResend",
        Post,
        "payments/{payment_id}/otp/resend",
        None,
    )
    .args(&[id("payment_id")]),
    Endpoint::new("payments.createUpi", Post, "payments/create/upi", None)
        .args(&[PARAMS])
        .body(Body::ParamsOrEmpty),
    // Validating a VPA changes nothing.
    Endpoint::new("payments.validateVpa", Post, "payments/validate/vpa", None)
        .args(&[PARAMS])
        .body(Body::ParamsOrEmpty)
        .retry(Retry::Safe),
    Endpoint::new(
        "payments.fetchPaymentMethods",
        Get,
        "methods",
        Some("methods"),
    ),
    // refunds
    Endpoint::new("refunds.all", Get, "refunds", Some("collection"))
        .routes(&[Route {
            when: &["payment_id"],
            method: Get,
            version: ApiVersion::V1,
            path: "payments/{payment_id}/refunds",
        }])
        .args(&[PARAMS])
        .query(pick(&["from", "to", "count", "skip"])),
    Endpoint::new("refunds.edit", Patch, "refunds/{refund_id}", Some("refund"))
        .args(&[id("refund_id"), PARAMS])
        .body(Body::Params),
    Endpoint::new("refunds.fetch", Get, "refunds/{refund_id}", Some("refund"))
        .routes(&[Route {
            when: &["payment_id"],
            method: Get,
            version: ApiVersion::V1,
            path: "payments/{payment_id}/refunds/{refund_id}",
        }])
        .args(&[id("refund_id"), PARAMS]),
    // orders
    Endpoint::new("orders.all", Get, "orders", Some("collection"))
        .args(&[PARAMS])
        .query(QuerySpec {
            pick: Some(&[
                "from",
                "to",
                "count",
                "skip",
                "authorized",
                "receipt",
                "expand",
            ]),
            window: Window::Normalized,
            expand: true,
        }),
    Endpoint::new("orders.fetch", Get, "orders/{order_id}", Some("order")).args(&[id("order_id")]),
    Endpoint::new("orders.create", Post, "orders", Some("order"))
        .args(&[PARAMS])
        .body(CURRENCY_INR),
    Endpoint::new("orders.edit", Patch, "orders/{order_id}", Some("order"))
        .args(&[id("order_id"), PARAMS])
        .body(Body::ParamsOrEmpty),
    Endpoint::new(
        "orders.fetchPayments",
        Get,
        "orders/{order_id}/payments",
        Some("collection"),
    )
    .args(&[id("order_id")]),
    // The official URL, trailing slash and bare `status` included.
    Endpoint::new(
        "orders.fetchTransferOrder",
        Get,
        "orders/{order_id}/?expand[]=transfers&status",
        Some("order"),
    )
    .args(&[id("order_id")]),
    Endpoint::new(
        "orders.viewRtoReview",
        Post,
        "orders/{order_id}/rto_review",
        None,
    )
    .args(&[id("order_id")])
    .retry(Retry::Safe),
    Endpoint::new(
        "orders.editFulfillment",
        Post,
        "orders/{order_id}/fulfillment",
        None,
    )
    .args(&[id("order_id"), PARAMS])
    .body(Body::ParamsOrEmpty),
    // customers
    Endpoint::new("customers.create", Post, "customers", Some("customer"))
        .args(&[PARAMS])
        .body(Body::Params),
    Endpoint::new(
        "customers.edit",
        Put,
        "customers/{customer_id}",
        Some("customer"),
    )
    .args(&[id("customer_id"), PARAMS])
    .body(Body::Params),
    Endpoint::new(
        "customers.fetch",
        Get,
        "customers/{customer_id}",
        Some("customer"),
    )
    .args(&[id("customer_id")]),
    Endpoint::new("customers.all", Get, "customers", Some("collection"))
        .args(&[PARAMS])
        .query(pick(&["count", "skip"])),
    Endpoint::new(
        "customers.fetchTokens",
        Get,
        "customers/{customer_id}/tokens",
        Some("collection"),
    )
    .args(&[id("customer_id")]),
    Endpoint::new(
        "customers.fetchToken",
        Get,
        "customers/{customer_id}/tokens/{token_id}",
        Some("token"),
    )
    .args(&[id("customer_id"), id("token_id")]),
    Endpoint::new(
        "customers.deleteToken",
        Delete,
        "customers/{customer_id}/tokens/{token_id}",
        None,
    )
    .args(&[id("customer_id"), id("token_id")]),
    Endpoint::new(
        "customers.addBankAccount",
        Post,
        "customers/{customer_id}/bank_account",
        None,
    )
    .args(&[id("customer_id"), PARAMS])
    .body(Body::Params),
    Endpoint::new(
        "customers.deleteBankAccount",
        Delete,
        "customers/{customer_id}/bank_account/{bank_id}",
        None,
    )
    .args(&[id("customer_id"), id("bank_id")]),
    Endpoint::new(
        "customers.requestEligibilityCheck",
        Post,
        "customers/eligibility",
        None,
    )
    .args(&[PARAMS])
    .body(Body::Params),
    Endpoint::new(
        "customers.fetchEligibility",
        Get,
        "customers/eligibility/{eligibility_id}",
        None,
    )
    .args(&[id("eligibility_id")]),
    // transfers
    Endpoint::new("transfers.all", Get, "transfers", Some("collection"))
        .routes(&[Route {
            when: &["payment_id"],
            method: Get,
            version: ApiVersion::V1,
            path: "payments/{payment_id}/transfers",
        }])
        .args(&[PARAMS])
        .query(pick(&[
            "from",
            "to",
            "count",
            "skip",
            "recipient_settlement_id",
        ])),
    // The official method accepts `{ payment_id }` but does not use it.
    Endpoint::new(
        "transfers.fetch",
        Get,
        "transfers/{transfer_id}",
        Some("transfer"),
    )
    .args(&[id("transfer_id"), PARAMS]),
    Endpoint::new("transfers.create", Post, "transfers", Some("transfer"))
        .args(&[PARAMS])
        .body(Body::Params),
    Endpoint::new(
        "transfers.edit",
        Patch,
        "transfers/{transfer_id}",
        Some("transfer"),
    )
    .args(&[id("transfer_id"), PARAMS])
    .body(Body::Params),
    Endpoint::new(
        "transfers.reverse",
        Post,
        "transfers/{transfer_id}/reversals",
        Some("reversal"),
    )
    .args(&[id("transfer_id"), PARAMS])
    .body(Body::Params),
    Endpoint::new(
        "transfers.fetchSettlements",
        Get,
        "transfers?expand[]=recipient_settlement",
        Some("collection"),
    ),
    // tokens: fetch and delete are POSTs; fetch only reads.
    Endpoint::new("tokens.create", Post, "tokens", Some("token"))
        .args(&[PARAMS])
        .body(Body::Params),
    Endpoint::new("tokens.fetch", Post, "tokens/fetch", Some("token"))
        .args(&[PARAMS])
        .body(Body::Params)
        .retry(Retry::Safe),
    Endpoint::new("tokens.delete", Post, "tokens/delete", None)
        .args(&[PARAMS])
        .body(Body::Params)
        .retry(Retry::Safe),
    Endpoint::new(
        "tokens.processPaymentOnAlternatePAorPG",
        Post,
        "tokens/service_provider_tokens/token_transactional_data",
        None,
    )
    .args(&[PARAMS])
    .body(Body::Params),
    // virtualAccounts
    Endpoint::new(
        "virtualAccounts.all",
        Get,
        "virtual_accounts",
        Some("collection"),
    )
    .args(&[PARAMS])
    .query(QuerySpec {
        pick: None,
        window: Window::NormalizedFirst,
        expand: false,
    }),
    Endpoint::new(
        "virtualAccounts.fetch",
        Get,
        "virtual_accounts/{virtual_account_id}",
        Some("virtual_account"),
    )
    .args(&[id("virtual_account_id")]),
    Endpoint::new(
        "virtualAccounts.create",
        Post,
        "virtual_accounts",
        Some("virtual_account"),
    )
    .args(&[PARAMS])
    .body(Body::ParamsOrEmpty),
    Endpoint::new(
        "virtualAccounts.close",
        Post,
        "virtual_accounts/{virtual_account_id}/close",
        Some("virtual_account"),
    )
    .args(&[id("virtual_account_id")])
    .retry(Retry::Safe),
    Endpoint::new(
        "virtualAccounts.fetchPayments",
        Get,
        "virtual_accounts/{virtual_account_id}/payments",
        Some("collection"),
    )
    .args(&[id("virtual_account_id")]),
    Endpoint::new(
        "virtualAccounts.addReceiver",
        Post,
        "virtual_accounts/{virtual_account_id}/receivers",
        Some("virtual_account"),
    )
    .args(&[id("virtual_account_id"), PARAMS])
    .body(Body::ParamsOrEmpty),
    Endpoint::new(
        "virtualAccounts.allowedPayer",
        Post,
        "virtual_accounts/{virtual_account_id}/allowed_payers",
        Some("virtual_account"),
    )
    .args(&[id("virtual_account_id"), PARAMS])
    .body(Body::ParamsOrEmpty),
    Endpoint::new(
        "virtualAccounts.deleteAllowedPayer",
        Delete,
        "virtual_accounts/{virtual_account_id}/allowed_payers/{allowed_payer_id}",
        None,
    )
    .args(&[id("virtual_account_id"), id("allowed_payer_id")]),
    // invoices
    Endpoint::new("invoices.create", Post, "invoices", Some("invoice"))
        .args(&[PARAMS])
        .body(Body::ParamsOrEmpty),
    Endpoint::new(
        "invoices.edit",
        Patch,
        "invoices/{invoice_id}",
        Some("invoice"),
    )
    .args(&[id("invoice_id"), PARAMS])
    .body(Body::ParamsOrEmpty),
    Endpoint::new(
        "invoices.issue",
        Post,
        "invoices/{invoice_id}/issue",
        Some("invoice"),
    )
    .args(&[id("invoice_id")]),
    Endpoint::new("invoices.delete", Delete, "invoices/{invoice_id}", None)
        .args(&[id("invoice_id")]),
    Endpoint::new(
        "invoices.cancel",
        Post,
        "invoices/{invoice_id}/cancel",
        Some("invoice"),
    )
    .args(&[id("invoice_id")])
    .retry(Retry::Safe),
    Endpoint::new(
        "invoices.fetch",
        Get,
        "invoices/{invoice_id}",
        Some("invoice"),
    )
    .args(&[id("invoice_id")]),
    Endpoint::new("invoices.all", Get, "invoices", Some("collection"))
        .args(&[PARAMS])
        .query(LIST),
    Endpoint::new(
        "invoices.notifyBy",
        Post,
        "invoices/{invoice_id}/notify_by/{medium}",
        None,
    )
    .args(&[id("invoice_id"), id("medium")]),
    // iins
    Endpoint::new("iins.fetch", Get, "iins/{token_iin}", Some("iin")).args(&[id("token_iin")]),
    Endpoint::new("iins.all", Get, "iins/list", None)
        .args(&[PARAMS])
        .query(SPREAD),
    // paymentLink
    Endpoint::new("paymentLink.create", Post, "payment_links", None)
        .args(&[PARAMS])
        .body(Body::Params),
    Endpoint::new(
        "paymentLink.cancel",
        Post,
        "payment_links/{payment_link_id}/cancel",
        None,
    )
    .args(&[id("payment_link_id")])
    .retry(Retry::Safe),
    Endpoint::new(
        "paymentLink.fetch",
        Get,
        "payment_links/{payment_link_id}",
        None,
    )
    .args(&[id("payment_link_id")]),
    Endpoint::new("paymentLink.all", Get, "payment_links", None)
        .args(&[PARAMS])
        .query(LIST),
    Endpoint::new(
        "paymentLink.edit",
        Patch,
        "payment_links/{payment_link_id}",
        None,
    )
    .args(&[id("payment_link_id"), PARAMS])
    .body(Body::Params),
    Endpoint::new(
        "paymentLink.notifyBy",
        Post,
        "payment_links/{payment_link_id}/notify_by/{medium}",
        None,
    )
    .args(&[id("payment_link_id"), id("medium")]),
    // plans
    Endpoint::new("plans.create", Post, "plans", Some("plan"))
        .args(&[PARAMS])
        .body(Body::ParamsOrEmpty),
    Endpoint::new("plans.fetch", Get, "plans/{plan_id}", Some("plan")).args(&[id("plan_id")]),
    Endpoint::new("plans.all", Get, "plans", Some("collection"))
        .args(&[PARAMS])
        .query(LIST),
    // products (v2)
    Endpoint::new(
        "products.requestProductConfiguration",
        Post,
        "accounts/{account_id}/products",
        Some("product"),
    )
    .v2()
    .args(&[id("account_id"), PARAMS])
    .body(Body::Params),
    Endpoint::new(
        "products.edit",
        Patch,
        "accounts/{account_id}/products/{product_id}",
        Some("product"),
    )
    .v2()
    .args(&[id("account_id"), id("product_id"), PARAMS])
    .body(Body::Params),
    Endpoint::new(
        "products.fetch",
        Get,
        "accounts/{account_id}/products/{product_id}",
        Some("product"),
    )
    .v2()
    .args(&[id("account_id"), id("product_id")]),
    Endpoint::new(
        "products.fetchTnc",
        Get,
        "products/{product_name}/tnc",
        Some("tnc_map"),
    )
    .v2()
    .args(&[id("product_name")]),
    // subscriptions
    Endpoint::new(
        "subscriptions.create",
        Post,
        "subscriptions",
        Some("subscription"),
    )
    .args(&[PARAMS])
    .body(Body::ParamsOrEmpty),
    Endpoint::new(
        "subscriptions.fetch",
        Get,
        "subscriptions/{subscription_id}",
        Some("subscription"),
    )
    .args(&[id("subscription_id")]),
    Endpoint::new(
        "subscriptions.update",
        Patch,
        "subscriptions/{subscription_id}",
        Some("subscription"),
    )
    .args(&[id("subscription_id"), PARAMS])
    .body(Body::Params),
    Endpoint::new(
        "subscriptions.pendingUpdate",
        Get,
        "subscriptions/{subscription_id}/retrieve_scheduled_changes",
        Some("subscription"),
    )
    .args(&[id("subscription_id")]),
    Endpoint::new(
        "subscriptions.cancelScheduledChanges",
        Post,
        "subscriptions/{subscription_id}/cancel_scheduled_changes",
        Some("subscription"),
    )
    .args(&[id("subscription_id")])
    .retry(Retry::Safe),
    Endpoint::new(
        "subscriptions.pause",
        Post,
        "subscriptions/{subscription_id}/pause",
        Some("subscription"),
    )
    .args(&[id("subscription_id"), PARAMS])
    .body(Body::ParamsOrEmpty),
    Endpoint::new(
        "subscriptions.resume",
        Post,
        "subscriptions/{subscription_id}/resume",
        Some("subscription"),
    )
    .args(&[id("subscription_id"), PARAMS])
    .body(Body::ParamsOrEmpty),
    Endpoint::new(
        "subscriptions.deleteOffer",
        Delete,
        "subscriptions/{subscription_id}/{offer_id}",
        Some("subscription"),
    )
    .args(&[id("subscription_id"), id("offer_id")]),
    Endpoint::new(
        "subscriptions.all",
        Get,
        "subscriptions",
        Some("collection"),
    )
    .args(&[PARAMS])
    .query(LIST),
    Endpoint::new(
        "subscriptions.cancel",
        Post,
        "subscriptions/{subscription_id}/cancel",
        Some("subscription"),
    )
    .args(&[id("subscription_id"), flag("cancel_at_cycle_end")])
    .body(Body::Args),
    Endpoint::new(
        "subscriptions.createAddon",
        Post,
        "subscriptions/{subscription_id}/addons",
        Some("addon"),
    )
    .args(&[id("subscription_id"), PARAMS])
    .body(Body::ParamsOrEmpty),
    Endpoint::new(
        "subscriptions.createRegistrationLink",
        Post,
        "subscription_registration/auth_links",
        Some("invoice"),
    )
    .args(&[PARAMS])
    .body(Body::ParamsOrEmpty),
    // addons
    Endpoint::new("addons.fetch", Get, "addons/{addon_id}", Some("addon")).args(&[id("addon_id")]),
    Endpoint::new("addons.delete", Delete, "addons/{addon_id}", None).args(&[id("addon_id")]),
    Endpoint::new("addons.all", Get, "addons", Some("collection"))
        .args(&[PARAMS])
        .query(LIST),
    // settlements
    Endpoint::new(
        "settlements.createOndemandSettlement",
        Post,
        "settlements/ondemand",
        Some("settlement.ondemand"),
    )
    .args(&[PARAMS])
    .body(Body::ParamsOrEmpty),
    Endpoint::new("settlements.all", Get, "settlements", Some("collection"))
        .args(&[PARAMS])
        .query(SPREAD),
    Endpoint::new(
        "settlements.fetch",
        Get,
        "settlements/{settlement_id}",
        Some("settlement"),
    )
    .args(&[id("settlement_id")]),
    Endpoint::new(
        "settlements.fetchOndemandSettlementById",
        Get,
        "settlements/ondemand/{settlement_id}",
        Some("settlement.ondemand"),
    )
    .args(&[id("settlement_id"), PARAMS])
    .query(EXPAND_ONLY),
    Endpoint::new(
        "settlements.fetchAllOndemandSettlement",
        Get,
        "settlements/ondemand",
        Some("collection"),
    )
    .args(&[PARAMS])
    .query(QuerySpec {
        pick: None,
        window: Window::Raw,
        expand: true,
    }),
    Endpoint::new(
        "settlements.reports",
        Get,
        "settlements/recon/combined",
        Some("collection"),
    )
    .args(&[PARAMS])
    .query(SPREAD),
    // qrCode
    Endpoint::new("qrCode.create", Post, "payments/qr_codes", Some("qr_code"))
        .args(&[PARAMS])
        .body(Body::ParamsOrEmpty),
    Endpoint::new("qrCode.all", Get, "payments/qr_codes", Some("collection"))
        .args(&[PARAMS])
        .query(SPREAD),
    Endpoint::new(
        "qrCode.fetchAllPayments",
        Get,
        "payments/qr_codes/{qr_code_id}/payments",
        Some("collection"),
    )
    .args(&[id("qr_code_id"), PARAMS])
    .query(SPREAD),
    Endpoint::new(
        "qrCode.fetch",
        Get,
        "payments/qr_codes/{qr_code_id}",
        Some("qr_code"),
    )
    .args(&[id("qr_code_id")]),
    Endpoint::new(
        "qrCode.close",
        Post,
        "payments/qr_codes/{qr_code_id}/close",
        Some("qr_code"),
    )
    .args(&[id("qr_code_id")])
    .retry(Retry::Safe),
    // fundAccount: the customer id travels in a literal query, as the official URL has it.
    Endpoint::new(
        "fundAccount.create",
        Post,
        "fund_accounts",
        Some("fund_account"),
    )
    .args(&[PARAMS])
    .body(Body::ParamsOrEmpty),
    Endpoint::new(
        "fundAccount.fetch",
        Get,
        "fund_accounts?customer_id={customer_id}",
        Some("collection"),
    )
    .args(&[id("customer_id")]),
    // items
    Endpoint::new("items.all", Get, "items", Some("collection"))
        .args(&[PARAMS])
        .query(pick(&[
            "from",
            "to",
            "count",
            "skip",
            "authorized",
            "receipt",
        ])),
    Endpoint::new("items.fetch", Get, "items/{item_id}", Some("item")).args(&[id("item_id")]),
    Endpoint::new("items.create", Post, "items", Some("item"))
        .args(&[PARAMS])
        .body(Body::Object {
            defaults: &[("currency", "INR")],
            front: &["currency", "amount"],
            required: &["amount"],
        }),
    Endpoint::new("items.edit", Patch, "items/{item_id}", Some("item"))
        .args(&[id("item_id"), PARAMS])
        .body(Body::ParamsOrEmpty),
    Endpoint::new("items.delete", Delete, "items/{item_id}", None).args(&[id("item_id")]),
    // cards
    Endpoint::new("cards.fetch", Get, "cards/{card_id}", Some("card")).args(&[id("card_id")]),
    Endpoint::new(
        "cards.requestCardReference",
        Post,
        "cards/fingerprints",
        None,
    )
    .args(&[PARAMS])
    .body(Body::Params)
    .retry(Retry::Safe),
    // webhooks: with an account id the partner (v2) routes, else the v1 ones.
    Endpoint::new("webhooks.create", Post, "webhooks", Some("webhook"))
        .routes(&[Route {
            when: &["account_id"],
            method: Post,
            version: ApiVersion::V2,
            path: "accounts/{account_id}/webhooks",
        }])
        .args(&[PARAMS, opt_id("account_id")])
        .body(Body::Params),
    Endpoint::new(
        "webhooks.edit",
        Put,
        "webhooks/{webhook_id}",
        Some("webhook"),
    )
    .routes(&[Route {
        when: &["account_id", "webhook_id"],
        method: Patch,
        version: ApiVersion::V2,
        path: "accounts/{account_id}/webhooks/{webhook_id}",
    }])
    .args(&[PARAMS, id("webhook_id"), opt_id("account_id")])
    .body(Body::Params),
    Endpoint::new("webhooks.all", Get, "webhooks", Some("collection"))
        .routes(&[Route {
            when: &["account_id"],
            method: Get,
            version: ApiVersion::V2,
            path: "accounts/{account_id}/webhooks/",
        }])
        .args(&[PARAMS, opt_id("account_id")])
        .query(LIST),
    Endpoint::new(
        "webhooks.fetch",
        Get,
        "accounts/{account_id}/webhooks/{webhook_id}",
        Some("webhook"),
    )
    .v2()
    .args(&[id("webhook_id"), id("account_id")]),
    Endpoint::new(
        "webhooks.delete",
        Delete,
        "accounts/{account_id}/webhooks/{webhook_id}",
        None,
    )
    .v2()
    .args(&[id("webhook_id"), id("account_id")]),
    // documents
    Endpoint::new("documents.create", Post, "documents", Some("document"))
        .args(&[REQUIRED_PARAMS])
        .body(Body::Multipart),
    Endpoint::new(
        "documents.fetch",
        Get,
        "documents/{document_id}",
        Some("document"),
    )
    .args(&[id("document_id")]),
    // disputes
    Endpoint::new(
        "disputes.fetch",
        Get,
        "disputes/{dispute_id}",
        Some("dispute"),
    )
    .args(&[id("dispute_id")]),
    Endpoint::new("disputes.all", Get, "disputes", Some("collection"))
        .args(&[PARAMS])
        .query(pick(&["count", "skip"])),
    Endpoint::new(
        "disputes.accept",
        Post,
        "disputes/{dispute_id}/accept",
        Some("dispute"),
    )
    .args(&[id("dispute_id")]),
    Endpoint::new(
        "disputes.contest",
        Patch,
        "disputes/{dispute_id}/contest",
        Some("dispute"),
    )
    .args(&[id("dispute_id"), PARAMS])
    .body(Body::Params),
];
