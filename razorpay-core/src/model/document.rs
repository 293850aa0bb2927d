//! [`Document`]: a file uploaded to Razorpay (dispute evidence, KYC).

use super::wire::entity;

entity! {
    /// A document, as returned by the documents API.
    pub struct Document {
        /// Document id, `doc_…`.
        pub id: String,
        /// Always `"document"`.
        pub entity: Option<String>,
        /// Why it was uploaded, e.g. `dispute_evidence`.
        pub purpose: Option<String>,
        /// File name.
        pub name: Option<String>,
        /// MIME type.
        pub mime_type: Option<String>,
        /// Size in bytes.
        pub size: Option<i64>,
        /// Creation time, Unix seconds.
        pub created_at: Option<crate::model::UnixTime>,
    }
}
