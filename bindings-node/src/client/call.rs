//! Runs a Rust client call on napi's tokio runtime and settles a JS Promise with the result.
//!
//! The future runs off the JS thread (the event loop never blocks); the conversion of its result
//! runs back on the JS thread, where a success becomes a plain JS object (via `JSON.parse`) and a
//! failure becomes an `Error` with `code`, `statusCode` and Razorpay's error body. A bad argument
//! also settles the Promise (rejects) instead of throwing synchronously, so `.catch()` chains see
//! every failure.

use std::future::Future;

use napi::bindgen_prelude::*;
use razorpay_core::client::ClientError;
use serde::Serialize;

use super::error::client_error;
use crate::convert;

/// A Promise of a converted Razorpay response.
pub(crate) type Pending<'env> = PromiseRaw<'env, Unknown<'env>>;

/// Starts `call(args)` when the arguments converted, or rejects with their error.
pub(crate) fn run<'env, A, T, F, Fut>(
    env: &'env Env,
    args: Result<A>,
    call: F,
) -> Result<Pending<'env>>
where
    F: FnOnce(A) -> Fut,
    Fut: Future<Output = std::result::Result<T, ClientError>> + Send + 'static,
    T: Serialize + Send + 'static,
{
    match args {
        Ok(args) => {
            let future = call(args);
            env.spawn_future_with_callback(async move { Ok(future.await) }, settle)
        }
        Err(error) => env.spawn_future_with_callback(
            async move { Err::<std::result::Result<T, ClientError>, Error>(error) },
            settle,
        ),
    }
}

/// On the JS thread: the response as a JS object, or the client error as a coded JS Error.
fn settle<'env, T: Serialize>(
    env: &'env Env,
    result: std::result::Result<T, ClientError>,
) -> Result<Unknown<'env>> {
    match result {
        Ok(value) => convert::to_js(env, &value),
        Err(error) => Err(client_error(env, &error)),
    }
}
