//! [`Tnc`]: the terms a partner's sub-merchant accepts for a product (v2 API).

use serde_json::{Map, Value};

use super::wire::entity;

entity! {
    /// The answer of `products.fetchTnc`.
    pub struct Tnc {
        /// Id, `tnc_map_…`.
        pub id: String,
        /// Always `"tnc_map"`.
        pub entity: Option<String>,
        /// The product family, e.g. `payments`.
        pub product_name: Option<String>,
        /// Document URLs by name (`terms`, `privacy`, `agreement`).
        pub tnc: Option<Map<String, Value>>,
        /// When they were last published, Unix seconds.
        pub last_published_at: Option<i64>,
    }
}
