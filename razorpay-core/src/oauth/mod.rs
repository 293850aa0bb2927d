//! The OAuth token client of the official `razorpay` package (`OAuthTokenClient`, in
//! `dist/oAuthTokenClient.js`): the authorisation URL a partner sends a merchant to, the
//! exchange of the returned code for tokens, refresh and revocation, with the official
//! client's validations.
//!
//! | Official method | Builds (pure) | Sends |
//! |---|---|---|
//! | `generateAuthUrl(params)` | [`authorize_url`] | nothing: a URL on `https://auth.razorpay.com/authorize` |
//! | `getAccessToken(params)` | [`token_request`] with [`OAuthCall::AccessToken`] | `POST /token` |
//! | `refreshToken(params)` | [`token_request`] with [`OAuthCall::RefreshToken`] | `POST /token` |
//! | `revokeToken(params)` | [`token_request`] with [`OAuthCall::RevokeToken`] | `POST /revoke` |
//!
//! The builders have no I/O; [`OAuthClient`] (feature `client`) sends their requests. The
//! parameters are passed through: fields the validator does not know (`mode`, and whatever
//! Razorpay adds) are sent unchanged.

#[cfg(feature = "client")]
mod client;
mod error;
mod js;
mod request;
mod validate;

#[cfg(feature = "client")]
pub use client::{OAuthClient, OAuthConfig};
pub use error::OAuthError;
pub use request::{
    DEFAULT_AUTH_BASE_URL, MAX_PARAMS_BYTES, TokenRequest, authorize_url, parse_params,
    token_request, token_request_from_map,
};
pub use validate::{FieldError, OAuthCall, validate};
