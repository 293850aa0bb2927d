//! [`Fulfillment`]: how an order was shipped, as the merchant reported it (Magic Checkout).

use super::wire::entity;

entity! {
    /// The answer of `orders.editFulfillment`.
    pub struct Fulfillment {
        /// Always `"order.fulfillment"`.
        pub entity: Option<String>,
        /// The order.
        pub order_id: Option<String>,
        /// `cod`, `upi`, `card`, …
        pub payment_method: Option<String>,
        /// The shipment.
        pub shipping: Option<FulfillmentShipping>,
    }
}

entity! {
    /// The shipment of a [`Fulfillment`].
    pub struct FulfillmentShipping {
        /// Courier's waybill number.
        pub waybill: Option<String>,
        /// `rto`, `delivered`, `cancelled`, …
        pub status: Option<String>,
        /// Courier, e.g. `Bluedart`.
        pub provider: Option<String>,
    }
}
