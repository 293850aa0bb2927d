//! [`AccountDocuments`]: the KYC documents uploaded for a partner's sub-merchant account or one
//! of its stakeholders, grouped by proof.

use super::wire::entity;

entity! {
    /// The answer of `accounts.uploadAccountDoc`/`fetchAccountDoc` and
    /// `stakeholders.uploadStakeholderDoc`/`fetchStakeholderDoc`: each proof Razorpay holds,
    /// with its files. Proofs this version does not name stay in `extra`.
    pub struct AccountDocuments {
        /// Business proofs (`business_proof_url`, `gst_certificate`, …).
        pub business_proof_of_identification: Option<Vec<DocumentFile>>,
        /// Other business documents (`form_12_a_url`, `cancelled_cheque`, …).
        pub additional_documents: Option<Vec<DocumentFile>>,
        /// A stakeholder's proof of address (`aadhar_front`, `passport_back`, …).
        pub individual_proof_of_address: Option<Vec<DocumentFile>>,
        /// A stakeholder's proof of identity (`personal_pan`).
        pub individual_proof_of_identification: Option<Vec<DocumentFile>>,
    }
}

entity! {
    /// One uploaded file of a proof.
    pub struct DocumentFile {
        /// The document type, e.g. `business_proof_url`.
        #[serde(rename = "type")]
        pub document_type: Option<String>,
        /// Where Razorpay keeps it.
        pub url: Option<String>,
    }
}
