//! Razorpay entities: razorpay-core's own `Payment`, `Order` and `Refund` (its `uniffi`
//! feature), every modelled field typed (statuses are enums with an `Unknown(value)` fallback),
//! the notes as a string map and the fields this version does not model as the JSON text
//! `extra`, so nothing Razorpay adds is lost.

pub use razorpay_core::model::{
    Card, LenientBool, Notes, Order, OrderStatus, Payment, PaymentStatus, Refund, RefundStatus,
    UnixTime, Upi,
};
