//! Status enums of Razorpay objects. Each has an `Unknown(String)` fallback that keeps a status
//! this version does not know, so a new status never fails a parse.

use super::wire::string_enum;

string_enum! {
    /// A payment's `status`: `created → authorized → captured → refunded`, or `failed`.
    pub enum PaymentStatus {
        /// Created; the customer has not completed it yet.
        Created = "created",
        /// Authorised by the bank; the money is held until it is captured (or auto-refunded).
        Authorized = "authorized",
        /// Captured: the money will be settled to the merchant.
        Captured = "captured",
        /// Fully refunded.
        Refunded = "refunded",
        /// Failed. Razorpay documents that a failed payment can still be authorised later.
        Failed = "failed",
    }
}

string_enum! {
    /// An order's `status`: `created → attempted → paid`.
    pub enum OrderStatus {
        /// No payment has been attempted yet.
        Created = "created",
        /// At least one payment was attempted; none captured yet.
        Attempted = "attempted",
        /// A payment for the order was captured.
        Paid = "paid",
    }
}

string_enum! {
    /// A refund's `status`.
    pub enum RefundStatus {
        /// Created, not yet processed by the bank.
        Pending = "pending",
        /// Processed: the money is on its way back to the customer.
        Processed = "processed",
        /// Failed; the amount returns to the merchant balance.
        Failed = "failed",
    }
}

string_enum! {
    /// A dispute's `status`.
    pub enum DisputeStatus {
        /// Open: the merchant must respond by `respond_by`.
        Open = "open",
        /// Evidence submitted; the bank is reviewing it.
        UnderReview = "under_review",
        /// Decided in the merchant's favour.
        Won = "won",
        /// Decided in the customer's favour.
        Lost = "lost",
        /// Closed without a decision (e.g. accepted by the merchant).
        Closed = "closed",
    }
}

string_enum! {
    /// A payment downtime's `status`.
    pub enum DowntimeStatus {
        /// Announced for the future.
        Scheduled = "scheduled",
        /// In progress.
        Started = "started",
        /// In progress, with changed details (what `payment.downtime.updated` reports).
        Updated = "updated",
        /// Over.
        Resolved = "resolved",
    }
}

string_enum! {
    /// A payment link's `status`.
    pub enum PaymentLinkStatus {
        /// Created and not yet paid.
        Created = "created",
        /// Partly paid (links that accept partial payments).
        PartiallyPaid = "partially_paid",
        /// Paid in full.
        Paid = "paid",
        /// Cancelled by the merchant.
        Cancelled = "cancelled",
        /// Expired before being paid.
        Expired = "expired",
    }
}

string_enum! {
    /// A subscription's `status`.
    pub enum SubscriptionStatus {
        /// Created; the customer has not authorised the mandate yet.
        Created = "created",
        /// The customer authorised the mandate; no charge yet.
        Authenticated = "authenticated",
        /// Charging normally.
        Active = "active",
        /// A charge failed; Razorpay is retrying.
        Pending = "pending",
        /// All retries failed; charging has stopped.
        Halted = "halted",
        /// Cancelled.
        Cancelled = "cancelled",
        /// All billing cycles were charged.
        Completed = "completed",
        /// Expired before the customer authorised it.
        Expired = "expired",
        /// Paused by the merchant.
        Paused = "paused",
    }
}

string_enum! {
    /// An invoice's `status`.
    pub enum InvoiceStatus {
        /// A draft, not yet sent.
        Draft = "draft",
        /// Issued to the customer.
        Issued = "issued",
        /// Partly paid.
        PartiallyPaid = "partially_paid",
        /// Paid in full.
        Paid = "paid",
        /// Cancelled.
        Cancelled = "cancelled",
        /// Expired.
        Expired = "expired",
        /// Deleted.
        Deleted = "deleted",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values_parse_and_print() {
        let status: PaymentStatus = serde_json::from_str(r#""authorized""#).unwrap();
        assert_eq!(status, PaymentStatus::Authorized);
        assert_eq!(status.as_str(), "authorized");
        assert_eq!(status.to_string(), "authorized");
        assert_eq!(
            serde_json::to_string(&DisputeStatus::UnderReview).unwrap(),
            r#""under_review""#
        );
        assert_eq!(
            "partially_paid".parse::<InvoiceStatus>(),
            Ok(InvoiceStatus::PartiallyPaid)
        );
    }

    #[test]
    fn unknown_values_are_kept() {
        let status: OrderStatus = serde_json::from_str(r#""on_hold""#).unwrap();
        assert_eq!(status, OrderStatus::Unknown("on_hold".into()));
        assert_eq!(serde_json::to_string(&status).unwrap(), r#""on_hold""#);
        // Matching is exact: Razorpay's values are lower-case.
        assert_eq!(
            RefundStatus::from("Processed"),
            RefundStatus::Unknown("Processed".into())
        );
    }

    #[test]
    fn non_strings_are_rejected() {
        assert!(serde_json::from_str::<PaymentStatus>("1").is_err());
        assert!(serde_json::from_str::<PaymentStatus>("null").is_err());
    }
}
