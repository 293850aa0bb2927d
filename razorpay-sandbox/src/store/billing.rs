//! The billing side of the account kept apart from the payment core: saved-card tokens,
//! subscription add-ons, items, standalone invoices and switches that change how instant
//! refunds behave. One struct so the core `Store` gains a single field.

use std::collections::HashMap;

use super::addon::AddonRec;
use super::invoice::InvoiceRec;
use super::item::ItemRec;
use super::token::TokenRec;

/// Billing entities keyed by id, with creation order for listings.
#[derive(Debug, Default)]
pub struct Billing {
    pub tokens: HashMap<String, TokenRec>,
    pub token_ids: Vec<String>,
    pub addons: HashMap<String, AddonRec>,
    pub addon_ids: Vec<String>,
    pub items: HashMap<String, ItemRec>,
    pub item_ids: Vec<String>,
    /// Standalone invoices (subscription invoices stay rendered in `Store::invoices`; these
    /// are rendered there too after every change, so fetch and list see both kinds).
    pub invoices: HashMap<String, InvoiceRec>,
    /// Whether instant refunds are unavailable: `speed: optimum` refunds then fall back to
    /// normal speed with `refund.speed_changed` (sandbox control).
    pub instant_refunds_unavailable: bool,
}

impl super::Store {
    /// Sandbox control: whether instant refunds are available (default) or every
    /// `speed: optimum` refund falls back to normal speed with `refund.speed_changed`.
    pub fn set_instant_refunds(&mut self, available: bool) {
        self.billing.instant_refunds_unavailable = !available;
    }
}
