//! Partner APIs from `razorpay_core`: the onboarding signature
//! (`generate_onboarding_signature`, as the official `generateOnboardingSignature`) and the
//! OAuth token client (`OAuthTokenClient`, as the official `razorpay/dist/oAuthTokenClient`).
//! Parameters and answers cross as JSON text, as in [`crate::client`]'s generic `request`: the
//! caller serialises its own map, and that text is what is encrypted or sent.
//!
//! Both need a partner's client secret: servers only, never inside a mobile app.

// `ClientError` carries Razorpay's error body by value, as in `crate::client`: every call behind
// it is a network round trip, so its size costs nothing measurable.
#![allow(clippy::result_large_err)]

use razorpay_core::oauth as core_oauth;
use razorpay_core::signature as core;

use crate::client::ClientError;

/// Why an onboarding signature could not be made or opened; never contains the secret.
/// `code()` is on the base type in every language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
#[uniffi::export(Display)]
pub enum OnboardingError {
    /// The secret's first 16 characters are not 16 bytes of UTF-8 (`ONBOARDING_INVALID_SECRET`).
    #[error(
        "ONBOARDING_INVALID_SECRET: the secret's first 16 characters must be 16 bytes of UTF-8"
    )]
    InvalidSecret,
    /// Not hex of nonce, ciphertext and tag (`ONBOARDING_SIGNATURE_MALFORMED`).
    #[error("ONBOARDING_SIGNATURE_MALFORMED: got {len} bytes")]
    Malformed {
        /// Length in bytes of the signature received.
        len: u64,
    },
    /// The tag does not authenticate under this secret (`ONBOARDING_SIGNATURE_MISMATCH`).
    #[error("ONBOARDING_SIGNATURE_MISMATCH: the signature does not authenticate under this secret")]
    Mismatch,
    /// No random nonce was available (`ONBOARDING_RANDOMNESS_UNAVAILABLE`).
    #[error("ONBOARDING_RANDOMNESS_UNAVAILABLE: no random nonce is available")]
    Randomness,
}

#[uniffi::export]
impl OnboardingError {
    /// The stable machine-readable code, the one `razorpay_core`'s `OnboardingError::code` gives.
    pub fn code(&self) -> String {
        match self {
            Self::InvalidSecret => "ONBOARDING_INVALID_SECRET",
            Self::Malformed { .. } => "ONBOARDING_SIGNATURE_MALFORMED",
            Self::Mismatch => "ONBOARDING_SIGNATURE_MISMATCH",
            Self::Randomness => "ONBOARDING_RANDOMNESS_UNAVAILABLE",
        }
        .to_owned()
    }
}

impl From<core::OnboardingError> for OnboardingError {
    fn from(e: core::OnboardingError) -> Self {
        match e {
            core::OnboardingError::InvalidSecret => Self::InvalidSecret,
            core::OnboardingError::Malformed { len } => Self::Malformed { len: len as u64 },
            core::OnboardingError::Mismatch => Self::Mismatch,
            // `Randomness` and any failure added later: nothing was made or opened.
            _ => Self::Randomness,
        }
    }
}

/// The onboarding signature of `params_json` (the JSON text of the onboarding parameters) under
/// the partner's `secret`: hex of a random nonce, the AES-128-GCM ciphertext and its tag.
/// Different on every call; Razorpay (and [`decrypt_onboarding_signature`]) reads it back.
#[uniffi::export]
pub fn generate_onboarding_signature(
    params_json: String,
    secret: String,
) -> Result<String, OnboardingError> {
    Ok(core::generate_onboarding_signature(&params_json, &secret)?)
}

/// The JSON text an onboarding signature carries, once authenticated under `secret`.
#[uniffi::export]
pub fn decrypt_onboarding_signature(
    signature: String,
    secret: String,
) -> Result<String, OnboardingError> {
    Ok(core::decrypt_onboarding_signature(&signature, &secret)?)
}

/// Razorpay's OAuth token client: the authorisation URL, code exchange, refresh and revocation,
/// with the official client's validations (refused parameters are
/// `ClientError.InvalidRequest` with code `OAUTH_INVALID_PARAMS`, before anything is sent).
#[derive(Debug, uniffi::Object)]
pub struct OAuthTokenClient {
    inner: core_oauth::OAuthClient,
}

/// An OAuth failure before sending, as the client's typed `InvalidRequest`.
fn refused(e: core_oauth::OAuthError) -> ClientError {
    match e {
        core_oauth::OAuthError::Client(error) => error.into(),
        other => ClientError::InvalidRequest {
            kind: other.code().to_owned(),
            field: other
                .field_errors()
                .first()
                .map_or("params", |f| f.field)
                .to_owned(),
            reason: other.to_string(),
        },
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl OAuthTokenClient {
    /// A client for `base_url` (default `https://auth.razorpay.com`; plain http only to
    /// localhost, e.g. a razorpay-sandbox URL followed by `/auth`).
    #[uniffi::constructor(default(base_url = None))]
    pub fn new(base_url: Option<String>) -> Result<Self, ClientError> {
        let mut config = core_oauth::OAuthConfig::default();
        if let Some(url) = base_url {
            config = config.base_url(url);
        }
        Ok(Self {
            inner: core_oauth::OAuthClient::new(config)?,
        })
    }

    /// `generateAuthUrl`: the URL a merchant is sent to for consent.
    pub fn generate_auth_url(&self, params_json: String) -> Result<String, ClientError> {
        core_oauth::parse_params(&params_json)
            .and_then(|params| self.inner.authorize_url(&params))
            .map_err(refused)
    }

    /// `getAccessToken`: exchanges an authorisation code; Razorpay's JSON answer.
    pub async fn get_access_token(&self, params_json: String) -> Result<String, ClientError> {
        self.token(core_oauth::OAuthCall::AccessToken, &params_json)
            .await
    }

    /// `refreshToken`: new tokens from a refresh token; Razorpay's JSON answer.
    pub async fn refresh_token(&self, params_json: String) -> Result<String, ClientError> {
        self.token(core_oauth::OAuthCall::RefreshToken, &params_json)
            .await
    }

    /// `revokeToken`: revokes an access or refresh token; Razorpay's JSON answer.
    pub async fn revoke_token(&self, params_json: String) -> Result<String, ClientError> {
        self.token(core_oauth::OAuthCall::RevokeToken, &params_json)
            .await
    }
}

impl OAuthTokenClient {
    async fn token(
        &self,
        call: core_oauth::OAuthCall,
        params_json: &str,
    ) -> Result<String, ClientError> {
        let request = core_oauth::token_request(call, params_json).map_err(refused)?;
        let answer = self.inner.send(request).await?;
        Ok(answer.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn onboarding_round_trips_and_errors_are_typed() {
        let secret = "EnLs21M47BllR3X8PSFtjtbd".to_owned();
        let payload = r#"{"submerchant_id":"acc_1"}"#.to_owned();
        let signature = generate_onboarding_signature(payload.clone(), secret.clone()).unwrap();
        assert_eq!(
            decrypt_onboarding_signature(signature.clone(), secret).unwrap(),
            payload
        );
        assert!(matches!(
            generate_onboarding_signature("{}".into(), "short".into()),
            Err(OnboardingError::InvalidSecret)
        ));
        assert!(matches!(
            decrypt_onboarding_signature(signature, "0123456789abcdef".into()),
            Err(OnboardingError::Mismatch)
        ));
        for e in [
            core::OnboardingError::InvalidSecret,
            core::OnboardingError::Malformed { len: 2 },
            core::OnboardingError::Mismatch,
            core::OnboardingError::Randomness,
        ] {
            let code = e.code();
            assert_eq!(OnboardingError::from(e).code(), code);
        }
    }

    #[test]
    fn oauth_url_and_refusals() {
        let client = OAuthTokenClient::new(None).unwrap();
        let url = client
            .generate_auth_url(
                r#"{"client_id":"8DXCMTshWSWECc","response_type":"code","redirect_uri":"https://e.com/cb","scope":"read_write","state":"s t"}"#.into(),
            )
            .unwrap();
        assert_eq!(
            url,
            "https://auth.razorpay.com/authorize?client_id=8DXCMTshWSWECc&response_type=code&redirect_uri=https://e.com/cb&scope=read_write&state=s%20t"
        );
        assert!(matches!(
            client.generate_auth_url("{}".into()),
            Err(ClientError::InvalidRequest { kind, field, .. }) if kind == "OAUTH_INVALID_PARAMS" && field == "client_id"
        ));
        assert!(matches!(
            OAuthTokenClient::new(Some("http://auth.example.com".into())),
            Err(ClientError::InvalidConfig { .. })
        ));
    }
}
