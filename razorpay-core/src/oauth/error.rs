//! [`OAuthError`]: why an OAuth call was refused or failed.

use super::validate::{FieldError, OAuthCall};

/// Why an OAuth call failed. Messages name fields, never their values (a client secret, a
/// code or a token).
///
/// Crosses to Kotlin, Swift and Python as it is when both the `uniffi` and `client` features are
/// on (its `Client` variant needs the client): `code()` on the base type, the message as
/// `toString()`/`description`/`str()`.
#[cfg_attr(all(feature = "uniffi", feature = "client"), derive(uniffi::Error))]
#[cfg_attr(all(feature = "uniffi", feature = "client"), uniffi::export(Display))]
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum OAuthError {
    /// The official client's validation refused the parameters; nothing was sent.
    #[error("{}: {}", call.method_name(), errors.iter().map(|e| e.message.as_str()).collect::<Vec<_>>().join(", "))]
    InvalidParams {
        /// The call that was refused.
        call: OAuthCall,
        /// Each refused field with the official message, in the official order.
        errors: Vec<FieldError>,
    },
    /// The parameters are not a JSON object.
    #[error("the OAuth parameters must be an object")]
    NotAnObject,
    /// The parameters document is larger than [`MAX_PARAMS_BYTES`](super::MAX_PARAMS_BYTES).
    #[error("the OAuth parameters are larger than {limit} bytes")]
    ParamsTooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// `generateAuthUrl` builds a URL, it sends no token request.
    #[error("generateAuthUrl builds a URL; it is not a token request")]
    NotATokenCall,
    /// Sending or answering failed: the API client's error (HTTP status, Razorpay's error body).
    #[cfg(feature = "client")]
    #[error(transparent)]
    Client(#[from] crate::client::ClientError),
}

impl OAuthError {
    /// A stable, machine-readable code: `OAUTH_INVALID_PARAMS`, `OAUTH_INVALID_ARGUMENT`,
    /// `OAUTH_PARAMS_TOO_LARGE`, or the client error's own code (`BAD_REQUEST`, `TIMEOUT`, …).
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidParams { .. } => "OAUTH_INVALID_PARAMS",
            Self::NotAnObject | Self::NotATokenCall => "OAUTH_INVALID_ARGUMENT",
            Self::ParamsTooLarge { .. } => "OAUTH_PARAMS_TOO_LARGE",
            #[cfg(feature = "client")]
            Self::Client(error) => error.code(),
        }
    }

    /// The refused fields of [`OAuthError::InvalidParams`] (empty for other errors): what the
    /// official client returns or rejects with, as `{ field: message }`.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            Self::InvalidParams { errors, .. } => errors,
            _ => &[],
        }
    }
}

// uniffi cannot return `&'static str`: the foreign `code()` is an owned copy of the Rust one.
#[cfg(all(feature = "uniffi", feature = "client"))]
#[uniffi::export]
impl OAuthError {
    /// The stable machine-readable code, on the base type in every language.
    #[uniffi::method(name = "code")]
    fn code_for_ffi(&self) -> String {
        self.code().to_owned()
    }
}
