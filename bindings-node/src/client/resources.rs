//! The resource namespaces `client.orders`, `client.payments`, `client.refunds`.

use napi::bindgen_prelude::*;
use napi_derive::napi;
use razorpay_core::client::RazorpayClient as CoreClient;

use super::call::{Pending, run};
use super::params::{
    self, CreateOrderParams, EditOrderParams, FetchRefundParams, ListOrdersParams,
    ListPaymentsParams, ListRefundsParams, RefundOptions, RefundParams,
};
use crate::convert;
use crate::error::{self, Kind};

/// The error for `new Orders()` & co: the namespaces only exist on a client.
fn illegal_constructor(env: &Env, accessor: &str) -> Error {
    error::coded(
        env,
        Kind::Type,
        "ERR_ILLEGAL_CONSTRUCTOR",
        format!("Illegal constructor: use client.{accessor} of a RazorpayClient"),
    )
}

/// `client.orders`.
#[napi]
pub struct Orders {
    client: CoreClient,
}

impl Orders {
    pub(crate) fn for_client(client: CoreClient) -> Self {
        Self { client }
    }
}

#[napi]
impl Orders {
    /// Not constructible: use `client.orders`.
    #[napi(constructor, skip_typescript)]
    pub fn new(env: Env) -> Result<Self> {
        Err(illegal_constructor(&env, "orders"))
    }

    /// Creates an order: `{ amount, currency, receipt?, notes?, partial_payment?,
    /// first_payment_min_amount?, payment_capture? }`, validated before sending (amount at least
    /// the currency minimum, receipt ≤ 40 chars, ≤ 15 notes). Never retried in a way that could
    /// create a second order.
    #[napi(
        catch_unwind,
        ts_args_type = "params: CreateOrderParams",
        ts_return_type = "Promise<RazorpayOrder>"
    )]
    pub fn create<'env>(&self, env: &'env Env, params: Unknown) -> Result<Pending<'env>> {
        let args = convert::json::<CreateOrderParams>(env, params, "params");
        let client = self.client.clone();
        run(env, args, move |params| async move {
            client.orders().create(&params.into()).await
        })
    }

    /// Fetches an order by id.
    #[napi(
        catch_unwind,
        ts_args_type = "orderId: string",
        ts_return_type = "Promise<RazorpayOrder>"
    )]
    pub fn fetch<'env>(&self, env: &'env Env, order_id: Unknown) -> Result<Pending<'env>> {
        let args = convert::string(env, order_id, "orderId");
        let client = self.client.clone();
        run(env, args, move |id| async move {
            client.orders().fetch(&id).await
        })
    }

    /// Lists orders, newest first: `{ from?, to?, count?, skip?, authorized?, receipt? }`.
    #[napi(
        catch_unwind,
        ts_args_type = "params?: ListOrdersParams | null",
        ts_return_type = "Promise<RazorpayCollection<RazorpayOrder>>"
    )]
    pub fn all<'env>(&self, env: &'env Env, params: Unknown) -> Result<Pending<'env>> {
        let args = convert::json_opt::<ListOrdersParams>(env, params, "params");
        let client = self.client.clone();
        run(env, args, move |params| async move {
            let filter = params.unwrap_or_default().into();
            client.orders().list(&filter).await
        })
    }

    /// Replaces an order's notes: `{ notes }`.
    #[napi(
        catch_unwind,
        ts_args_type = "orderId: string, params: EditOrderParams",
        ts_return_type = "Promise<RazorpayOrder>"
    )]
    pub fn edit<'env>(
        &self,
        env: &'env Env,
        order_id: Unknown,
        params: Unknown,
    ) -> Result<Pending<'env>> {
        let args = convert::string(env, order_id, "orderId").and_then(|id| {
            convert::json::<EditOrderParams>(env, params, "params").map(|params| (id, params))
        });
        let client = self.client.clone();
        run(env, args, move |(id, params)| async move {
            client.orders().edit(&id, &params.into()).await
        })
    }

    /// The payments made against an order.
    #[napi(
        catch_unwind,
        ts_args_type = "orderId: string",
        ts_return_type = "Promise<RazorpayCollection<RazorpayPayment>>"
    )]
    pub fn fetch_payments<'env>(&self, env: &'env Env, order_id: Unknown) -> Result<Pending<'env>> {
        let args = convert::string(env, order_id, "orderId");
        let client = self.client.clone();
        run(env, args, move |id| async move {
            client.orders().payments(&id).await
        })
    }
}

/// `client.payments`.
#[napi]
pub struct Payments {
    client: CoreClient,
}

impl Payments {
    pub(crate) fn for_client(client: CoreClient) -> Self {
        Self { client }
    }
}

#[napi]
impl Payments {
    /// Not constructible: use `client.payments`.
    #[napi(constructor, skip_typescript)]
    pub fn new(env: Env) -> Result<Self> {
        Err(illegal_constructor(&env, "payments"))
    }

    /// Fetches a payment by id.
    #[napi(
        catch_unwind,
        ts_args_type = "paymentId: string",
        ts_return_type = "Promise<RazorpayPayment>"
    )]
    pub fn fetch<'env>(&self, env: &'env Env, payment_id: Unknown) -> Result<Pending<'env>> {
        let args = convert::string(env, payment_id, "paymentId");
        let client = self.client.clone();
        run(env, args, move |id| async move {
            client.payments().fetch(&id).await
        })
    }

    /// Lists payments, newest first: `{ from?, to?, count?, skip? }`.
    #[napi(
        catch_unwind,
        ts_args_type = "params?: ListPaymentsParams | null",
        ts_return_type = "Promise<RazorpayCollection<RazorpayPayment>>"
    )]
    pub fn all<'env>(&self, env: &'env Env, params: Unknown) -> Result<Pending<'env>> {
        let args = convert::json_opt::<ListPaymentsParams>(env, params, "params");
        let client = self.client.clone();
        run(env, args, move |params| async move {
            let filter = params.unwrap_or_default().into();
            client.payments().list(&filter).await
        })
    }

    /// Captures an authorized payment (`amount` in minor units, as the official SDK's
    /// `capture(paymentId, amount, currency)`). Not retried once it may have reached Razorpay.
    #[napi(
        catch_unwind,
        ts_args_type = "paymentId: string, amount: number | bigint, currency: string",
        ts_return_type = "Promise<RazorpayPayment>"
    )]
    pub fn capture<'env>(
        &self,
        env: &'env Env,
        payment_id: Unknown,
        amount: Unknown,
        currency: Unknown,
    ) -> Result<Pending<'env>> {
        let args = convert::string(env, payment_id, "paymentId").and_then(|id| {
            let amount = convert::minor_units(env, amount, "amount")?;
            let currency = convert::string(env, currency, "currency")?;
            Ok((id, params::capture(amount, currency)))
        });
        let client = self.client.clone();
        run(env, args, move |(id, capture)| async move {
            client.payments().capture(&id, &capture).await
        })
    }

    /// Refunds a captured payment, fully (no `amount`) or partly: `{ amount?, speed?, notes?,
    /// receipt? }`. With `{ idempotencyKey }` as third argument Razorpay refunds at most once per
    /// key (sent as `X-Refund-Idempotency`), and the client may then retry after a timeout.
    #[napi(
        catch_unwind,
        ts_args_type = "paymentId: string, params?: RefundParams | null, options?: RefundOptions | null",
        ts_return_type = "Promise<RazorpayRefund>"
    )]
    pub fn refund<'env>(
        &self,
        env: &'env Env,
        payment_id: Unknown,
        params: Unknown,
        options: Unknown,
    ) -> Result<Pending<'env>> {
        let args = convert::string(env, payment_id, "paymentId").and_then(|id| {
            let params = convert::json_opt::<RefundParams>(env, params, "params")?;
            let options = convert::json_opt::<RefundOptions>(env, options, "options")?;
            Ok((
                id,
                params::refund(params.unwrap_or_default(), options.unwrap_or_default()),
            ))
        });
        let client = self.client.clone();
        run(env, args, move |(id, refund)| async move {
            client.payments().refund(&id, &refund).await
        })
    }

    /// The refunds of a payment: `{ from?, to?, count?, skip? }`.
    #[napi(
        catch_unwind,
        ts_args_type = "paymentId: string, params?: ListPaymentsParams | null",
        ts_return_type = "Promise<RazorpayCollection<RazorpayRefund>>"
    )]
    pub fn fetch_refunds<'env>(
        &self,
        env: &'env Env,
        payment_id: Unknown,
        params: Unknown,
    ) -> Result<Pending<'env>> {
        let args = convert::string(env, payment_id, "paymentId").and_then(|id| {
            let params = convert::json_opt::<ListRefundsParams>(env, params, "params")?;
            Ok((id, params.unwrap_or_default().filter()))
        });
        let client = self.client.clone();
        run(env, args, move |(id, filter)| async move {
            client.payments().refunds(&id, &filter).await
        })
    }
}

/// `client.refunds`.
#[napi]
pub struct Refunds {
    client: CoreClient,
}

impl Refunds {
    pub(crate) fn for_client(client: CoreClient) -> Self {
        Self { client }
    }
}

#[napi]
impl Refunds {
    /// Not constructible: use `client.refunds`.
    #[napi(constructor, skip_typescript)]
    pub fn new(env: Env) -> Result<Self> {
        Err(illegal_constructor(&env, "refunds"))
    }

    /// Fetches a refund by id (`{ payment_id }` to fetch it through its payment, as the official
    /// SDK does).
    #[napi(
        catch_unwind,
        ts_args_type = "refundId: string, params?: { payment_id?: string } | null",
        ts_return_type = "Promise<RazorpayRefund>"
    )]
    pub fn fetch<'env>(
        &self,
        env: &'env Env,
        refund_id: Unknown,
        params: Unknown,
    ) -> Result<Pending<'env>> {
        let args = convert::string(env, refund_id, "refundId").and_then(|id| {
            let params = convert::json_opt::<FetchRefundParams>(env, params, "params")?;
            Ok((id, params.unwrap_or_default().payment_id))
        });
        let client = self.client.clone();
        run(env, args, move |(id, payment_id)| async move {
            match payment_id {
                Some(payment_id) => client.refunds().fetch_for_payment(&payment_id, &id).await,
                None => client.refunds().fetch(&id).await,
            }
        })
    }

    /// Lists refunds, newest first — all of them, or a payment's with `payment_id`.
    #[napi(
        catch_unwind,
        ts_args_type = "params?: ListRefundsParams | null",
        ts_return_type = "Promise<RazorpayCollection<RazorpayRefund>>"
    )]
    pub fn all<'env>(&self, env: &'env Env, params: Unknown) -> Result<Pending<'env>> {
        let args = convert::json_opt::<ListRefundsParams>(env, params, "params");
        let client = self.client.clone();
        run(env, args, move |params| async move {
            let params = params.unwrap_or_default();
            let filter = params.filter();
            match params.payment_id {
                Some(payment_id) => {
                    client
                        .refunds()
                        .list_for_payment(&payment_id, &filter)
                        .await
                }
                None => client.refunds().list(&filter).await,
            }
        })
    }
}
