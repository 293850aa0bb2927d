//! Which objects each event carries: the payload keys Razorpay documents per event, so a
//! handler (and the generated TypeScript) knows what `payload` holds.

use super::EventName;

impl EventName {
    /// The payload keys Razorpay documents for this event (`["payment", "order"]` for
    /// `order.paid`); empty for an event this version does not know.
    ///
    /// ```
    /// use razorpay_core::webhook::EventName;
    ///
    /// assert_eq!(EventName::QrCodeCredited.payload_keys(), ["payment", "qr_code"]);
    /// assert_eq!(EventName::FundAccountValidationFailed.payload_keys(), ["fund_account.validation"]);
    /// ```
    pub fn payload_keys(&self) -> &'static [&'static str] {
        use EventName::*;
        match self {
            PaymentAuthorized | PaymentCaptured | PaymentFailed | PaymentPending => &["payment"],
            OrderPaid => &["payment", "order"],
            RefundCreated | RefundProcessed | RefundFailed | RefundSpeedChanged => {
                &["refund", "payment"]
            }
            PaymentDisputeCreated
            | PaymentDisputeWon
            | PaymentDisputeLost
            | PaymentDisputeClosed
            | PaymentDisputeUnderReview
            | PaymentDisputeActionRequired => &["payment", "dispute"],
            PaymentDowntimeStarted | PaymentDowntimeUpdated | PaymentDowntimeResolved => {
                &["payment.downtime"]
            }
            PaymentLinkPaid | PaymentLinkPartiallyPaid => &["payment_link", "order", "payment"],
            PaymentLinkExpired | PaymentLinkCancelled => &["payment_link"],
            SubscriptionCharged => &["subscription", "payment"],
            SubscriptionAuthenticated
            | SubscriptionActivated
            | SubscriptionCompleted
            | SubscriptionUpdated
            | SubscriptionPending
            | SubscriptionHalted
            | SubscriptionPaused
            | SubscriptionResumed
            | SubscriptionCancelled => &["subscription"],
            InvoicePaid | InvoicePartiallyPaid => &["payment", "order", "invoice"],
            InvoiceExpired => &["invoice"],
            SettlementProcessed => &["settlement"],
            VirtualAccountCredited => &["payment", "virtual_account"],
            VirtualAccountCreated | VirtualAccountClosed => &["virtual_account"],
            QrCodeCredited => &["payment", "qr_code"],
            QrCodeCreated | QrCodeClosed => &["qr_code"],
            TransferProcessed | TransferFailed => &["transfer"],
            TokenConfirmed | TokenRejected | TokenPaused | TokenCancelled => &["token"],
            FundAccountValidationCompleted | FundAccountValidationFailed => {
                &["fund_account.validation"]
            }
            AccountUnderReview
            | AccountNeedsClarification
            | AccountActivated
            | AccountRejected
            | AccountUpdated => &["account"],
            OrderNotificationDelivered | OrderNotificationFailed => &["order"],
            Unknown(_) => &[],
        }
    }
}
