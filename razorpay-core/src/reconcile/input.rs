//! [`ReconcileInput`]: everything that can tell us about an order's payments.

use serde::{Deserialize, Serialize};

use super::fact::{Fact, Observation, PaymentFact};
use super::{PaymentProgress, ReconcileError, adapt};
use crate::model::{Order, Payment};
use crate::webhook::WebhookEvent;

/// One verified piece of news about an order's payments.
///
/// JSON (as the bindings take it) is tagged by `type`, fields camelCase:
/// `{"type":"callback","razorpayOrderId":"order_…","razorpayPaymentId":"pay_…"}`,
/// `{"type":"webhook","eventId":"…","event":{…the webhook body…}}`,
/// `{"type":"fetchedPayment","payment":{…Razorpay payment…}}`,
/// `{"type":"fetchedOrder","order":{…Razorpay order…}}`,
/// `{"type":"abandoned","at":1700000000}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[non_exhaustive]
pub enum ReconcileInput {
    /// The checkout callback, *after* its `razorpay_signature` verified
    /// ([`verify_payment_signature`](crate::verify_payment_signature)). It proves an authorized
    /// payment of this order exists, but not its amount or whether it is captured yet.
    Callback {
        /// `razorpay_order_id` from the callback.
        razorpay_order_id: String,
        /// `razorpay_payment_id` from the callback.
        razorpay_payment_id: String,
    },
    /// A webhook event whose `X-Razorpay-Signature` verified
    /// ([`WebhookVerifier::construct_event`](crate::webhook::WebhookVerifier)), with its
    /// `x-razorpay-event-id` header. An event id already applied changes nothing.
    Webhook {
        /// The `x-razorpay-event-id` header: the same for every retry of one event.
        event_id: String,
        /// The parsed event (boxed: events are large, the other inputs small).
        event: Box<WebhookEvent>,
    },
    /// A payment fetched from the API (`GET /v1/payments/:id`, or one item of
    /// `GET /v1/orders/:id/payments`), to resolve doubt, e.g. right after a callback.
    FetchedPayment {
        /// The payment as Razorpay returned it.
        payment: Box<Payment>,
    },
    /// An order fetched from the API (`GET /v1/orders/:id`). Its `amount_paid` counts as paid.
    FetchedOrder {
        /// The order as Razorpay returned it.
        order: Box<Order>,
    },
    /// The application gives up on the order (checkout expired, customer cancelled): release
    /// its stock. Time comes in as input; `at` is Unix seconds. A failed payment alone never
    /// releases stock, because Razorpay may still authorize it late or the customer may retry.
    Abandoned {
        /// When the application gave up (Unix seconds).
        at: i64,
    },
}

impl ReconcileInput {
    /// Verifies the checkout callback's `razorpay_signature` (HMAC-SHA256 of
    /// `order_id|payment_id` with the API key secret, compared in constant time) and returns
    /// the callback input.
    ///
    /// ```
    /// use razorpay_core::reconcile::ReconcileInput;
    /// use razorpay_core::sign_payment;
    ///
    /// let signature = sign_payment("order_DESlLckIVRkHWj", "pay_DESlfW9H8K9uqM", "key_secret");
    /// let input = ReconcileInput::verified_callback(
    ///     "order_DESlLckIVRkHWj", "pay_DESlfW9H8K9uqM", &signature, "key_secret",
    /// )?;
    /// assert_eq!(input, ReconcileInput::callback("order_DESlLckIVRkHWj", "pay_DESlfW9H8K9uqM"));
    /// let forged = ReconcileInput::verified_callback(
    ///     "order_DESlLckIVRkHWj", "pay_OtherPayment01", &signature, "key_secret",
    /// );
    /// assert_eq!(forged.unwrap_err().code(), "SIGNATURE_MISMATCH");
    /// # Ok::<(), razorpay_core::SignatureError>(())
    /// ```
    pub fn verified_callback(
        razorpay_order_id: &str,
        razorpay_payment_id: &str,
        razorpay_signature: &str,
        key_secret: &str,
    ) -> Result<Self, crate::SignatureError> {
        crate::verify_payment_signature(
            razorpay_order_id,
            razorpay_payment_id,
            razorpay_signature,
            key_secret,
        )?;
        Ok(Self::callback(razorpay_order_id, razorpay_payment_id))
    }

    /// A checkout callback whose signature the caller already verified (see
    /// [`verified_callback`](Self::verified_callback)).
    pub fn callback(
        razorpay_order_id: impl Into<String>,
        razorpay_payment_id: impl Into<String>,
    ) -> Self {
        Self::Callback {
            razorpay_order_id: razorpay_order_id.into(),
            razorpay_payment_id: razorpay_payment_id.into(),
        }
    }

    /// A webhook event whose signature verified, with its `x-razorpay-event-id` header.
    pub fn webhook(event_id: impl Into<String>, event: WebhookEvent) -> Self {
        Self::Webhook {
            event_id: event_id.into(),
            event: Box::new(event),
        }
    }

    /// A payment fetched from the API.
    pub fn fetched_payment(payment: Payment) -> Self {
        Self::FetchedPayment {
            payment: Box::new(payment),
        }
    }

    /// An order fetched from the API.
    pub fn fetched_order(order: Order) -> Self {
        Self::FetchedOrder {
            order: Box::new(order),
        }
    }

    /// Parses an input from JSON.
    pub fn from_json(json: &str) -> Result<Self, ReconcileError> {
        Ok(serde_json::from_str(json)?)
    }

    /// What this input says, as normalized facts.
    pub(crate) fn observe(&self) -> Result<Observation, ReconcileError> {
        match self {
            Self::Callback {
                razorpay_order_id,
                razorpay_payment_id,
            } => {
                if razorpay_order_id.trim().is_empty() {
                    return Err(ReconcileError::input("razorpayOrderId", "is empty"));
                }
                Ok(Observation {
                    event_id: None,
                    facts: vec![Fact::Payment(PaymentFact {
                        payment_id: razorpay_payment_id.clone(),
                        order_id: Some(razorpay_order_id.clone()),
                        progress: PaymentProgress::Authorized,
                        amount: None,
                        currency: None,
                        captured: false,
                        amount_refunded: None,
                        error_code: None,
                        via_callback: true,
                    })],
                })
            }
            Self::Webhook { event_id, event } => {
                if event_id.trim().is_empty() {
                    return Err(ReconcileError::input("eventId", "is empty"));
                }
                Ok(Observation {
                    event_id: Some(event_id.clone()),
                    facts: adapt::webhook(event_id, event)?,
                })
            }
            Self::FetchedPayment { payment } => Ok(Observation {
                event_id: None,
                facts: vec![Fact::Payment(adapt::payment(payment))],
            }),
            Self::FetchedOrder { order } => Ok(Observation {
                event_id: None,
                facts: vec![Fact::Order(adapt::order(order))],
            }),
            Self::Abandoned { at } => Ok(Observation {
                event_id: None,
                facts: vec![Fact::Abandoned { at: *at }],
            }),
        }
    }
}
