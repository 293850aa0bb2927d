//! [`EventName`]: the `event` field of a webhook.

use crate::model::wire::string_enum;

string_enum! {
    /// The `event` of a webhook, e.g. `payment.captured`.
    ///
    /// Events this version does not know parse as `Unknown(String)`: subscribe to a new event
    /// in the Dashboard and your handler still receives it.
    ///
    /// ```
    /// use razorpay_core::webhook::EventName;
    ///
    /// assert_eq!(EventName::from("payment.captured"), EventName::PaymentCaptured);
    /// assert_eq!(EventName::OrderPaid.as_str(), "order.paid");
    /// assert_eq!(EventName::from("payout.processed"), EventName::Unknown("payout.processed".into()));
    /// ```
    pub enum EventName {
        /// A payment was authorised by the bank.
        PaymentAuthorized = "payment.authorized",
        /// A payment was captured.
        PaymentCaptured = "payment.captured",
        /// A payment failed (it may still be authorised later).
        PaymentFailed = "payment.failed",
        /// A payment is pending (e.g. awaiting the customer on UPI).
        PaymentPending = "payment.pending",
        /// An order was fully paid.
        OrderPaid = "order.paid",
        /// A refund was created.
        RefundCreated = "refund.created",
        /// A refund was processed.
        RefundProcessed = "refund.processed",
        /// A refund failed.
        RefundFailed = "refund.failed",
        /// A refund's speed changed (an instant refund fell back to normal).
        RefundSpeedChanged = "refund.speed_changed",
        /// A dispute was opened.
        PaymentDisputeCreated = "payment.dispute.created",
        /// A dispute was decided for the merchant.
        PaymentDisputeWon = "payment.dispute.won",
        /// A dispute was decided for the customer.
        PaymentDisputeLost = "payment.dispute.lost",
        /// A dispute was closed.
        PaymentDisputeClosed = "payment.dispute.closed",
        /// A dispute is under review.
        PaymentDisputeUnderReview = "payment.dispute.under_review",
        /// A dispute needs the merchant's response.
        PaymentDisputeActionRequired = "payment.dispute.action_required",
        /// A payment method went down.
        PaymentDowntimeStarted = "payment.downtime.started",
        /// A downtime changed.
        PaymentDowntimeUpdated = "payment.downtime.updated",
        /// A downtime ended.
        PaymentDowntimeResolved = "payment.downtime.resolved",
        /// A payment link was paid in full.
        PaymentLinkPaid = "payment_link.paid",
        /// A payment link was partly paid.
        PaymentLinkPartiallyPaid = "payment_link.partially_paid",
        /// A payment link expired.
        PaymentLinkExpired = "payment_link.expired",
        /// A payment link was cancelled.
        PaymentLinkCancelled = "payment_link.cancelled",
        /// The customer authorised a subscription's mandate.
        SubscriptionAuthenticated = "subscription.authenticated",
        /// A subscription became active.
        SubscriptionActivated = "subscription.activated",
        /// A subscription was charged.
        SubscriptionCharged = "subscription.charged",
        /// A subscription charged its last cycle.
        SubscriptionCompleted = "subscription.completed",
        /// A subscription's plan or quantity changed.
        SubscriptionUpdated = "subscription.updated",
        /// A subscription charge failed and is being retried.
        SubscriptionPending = "subscription.pending",
        /// A subscription stopped after its retries failed.
        SubscriptionHalted = "subscription.halted",
        /// A subscription was paused.
        SubscriptionPaused = "subscription.paused",
        /// A subscription was resumed.
        SubscriptionResumed = "subscription.resumed",
        /// A subscription was cancelled.
        SubscriptionCancelled = "subscription.cancelled",
        /// An invoice was paid in full.
        InvoicePaid = "invoice.paid",
        /// An invoice was partly paid.
        InvoicePartiallyPaid = "invoice.partially_paid",
        /// An invoice expired.
        InvoiceExpired = "invoice.expired",
        /// A settlement reached the merchant's bank account.
        SettlementProcessed = "settlement.processed",
        /// A virtual account was created.
        VirtualAccountCreated = "virtual_account.created",
        /// A virtual account received a payment.
        VirtualAccountCredited = "virtual_account.credited",
        /// A virtual account was closed.
        VirtualAccountClosed = "virtual_account.closed",
        /// A QR code was created.
        QrCodeCreated = "qr_code.created",
        /// A QR code received a payment.
        QrCodeCredited = "qr_code.credited",
        /// A QR code was closed.
        QrCodeClosed = "qr_code.closed",
        /// A Route transfer was processed.
        TransferProcessed = "transfer.processed",
        /// A Route transfer failed.
        TransferFailed = "transfer.failed",
        /// A recurring token (mandate) was confirmed by the bank.
        TokenConfirmed = "token.confirmed",
        /// A recurring token was rejected.
        TokenRejected = "token.rejected",
        /// A recurring token was paused.
        TokenPaused = "token.paused",
        /// A recurring token was cancelled.
        TokenCancelled = "token.cancelled",
        /// A fund account validation completed.
        FundAccountValidationCompleted = "fund_account.validation.completed",
        /// A fund account validation failed.
        FundAccountValidationFailed = "fund_account.validation.failed",
        /// A linked / sub-merchant account is under review.
        AccountUnderReview = "account.under_review",
        /// A linked / sub-merchant account needs clarification.
        AccountNeedsClarification = "account.needs_clarification",
        /// A linked / sub-merchant account was activated.
        AccountActivated = "account.activated",
        /// A linked / sub-merchant account was rejected.
        AccountRejected = "account.rejected",
        /// A linked / sub-merchant account was updated.
        AccountUpdated = "account.updated",
        /// An order notification (Magic Checkout) was delivered.
        OrderNotificationDelivered = "order.notification.delivered",
        /// An order notification (Magic Checkout) failed.
        OrderNotificationFailed = "order.notification.failed",
    }
}

impl EventName {
    /// Whether this event is about a payment's own lifecycle (`payment.authorized`,
    /// `payment.captured`, `payment.failed`, `payment.pending`).
    pub fn is_payment_lifecycle(&self) -> bool {
        matches!(
            self,
            Self::PaymentAuthorized
                | Self::PaymentCaptured
                | Self::PaymentFailed
                | Self::PaymentPending
        )
    }
}
