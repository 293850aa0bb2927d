//! The demo shop's data: a small catalog and a user's cart that went stale while they browsed.

use checkout_rules::{Cart, Catalog, Policy};
use serde_json::json;

/// Today's catalog, as the shop's database would return it for the cart's products.
pub fn catalog() -> Result<Catalog, serde_json::Error> {
    serde_json::from_value(json!({ "items": [
        // The price rose from ₹450.00 to ₹520.00 (+15.6 %) since the user added it.
        { "productId": "darjeeling-first-flush", "unitPrice": 52000, "currency": "INR", "stockOnHand": 25 },
        // Only 2 left; the user wants 4.
        { "productId": "brass-tea-kettle", "unitPrice": 189900, "currency": "INR", "stockOnHand": 2 },
        { "productId": "clay-kulhad-set", "unitPrice": 34900, "currency": "INR", "stockOnHand": 120,
          "maxQuantity": 10 }
    ]}))
}

/// What the browser sent when the user clicked "Proceed to checkout": the prices they saw.
pub fn cart() -> Result<Cart, serde_json::Error> {
    serde_json::from_value(json!({
        "cartId": "cart_user_42",
        "currency": "INR",
        "lines": [
            { "lineId": "l1", "productId": "darjeeling-first-flush", "quantity": 2, "unitPrice": 45000 },
            { "lineId": "l2", "productId": "brass-tea-kettle", "quantity": 4, "unitPrice": 189900 },
            { "lineId": "l3", "productId": "clay-kulhad-set", "quantity": 1, "unitPrice": 34900 }
        ]
    }))
}

/// The shop's rules: price rises up to 5 % go through with a warning, larger ones need the
/// user's consent; Razorpay's INR minimum (₹1.00) applies.
pub fn policy() -> Result<Policy, serde_json::Error> {
    serde_json::from_value(json!({ "priceIncreaseTolerance": { "basisPoints": 500 } }))
}
