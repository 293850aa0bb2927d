//! The API table for JavaScript: `apiEndpoints()` hands `razorpay_core::api::ENDPOINTS` to
//! `index.js`, which builds every resource method from it, so this binding holds no
//! per-endpoint code.

use napi::bindgen_prelude::*;
use napi_derive::napi;
use razorpay_core::api::RequestOptions;
use serde::Deserialize;

use crate::convert;

/// Every method of the official `razorpay` package, as declared once in razorpay-core: `name`
/// (`orders.create`), `method`, `version`, `path`, `routes`, `args` (positional, in the official
/// order: `{ name, kind, required }`), `query`, `body`, `retry`, `entity` and `output` (the
/// model type of the answer, as named in types/razorpay.d.ts).
#[napi(catch_unwind, ts_return_type = "ApiEndpoint[]")]
pub fn api_endpoints(env: &Env) -> Result<Unknown<'_>> {
    convert::to_js(env, &razorpay_core::api::endpoints_value())
}

/// `request`'s third argument.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub(crate) struct CallOptions {
    idempotency_key: Option<String>,
}

impl From<CallOptions> for RequestOptions {
    fn from(options: CallOptions) -> Self {
        let mut out = RequestOptions::default();
        out.idempotency_key = options.idempotency_key;
        out
    }
}
