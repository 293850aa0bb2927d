//! Partner APIs from `razorpay_core`: the onboarding signature
//! (`generate_onboarding_signature`, as the official `generateOnboardingSignature`) and the
//! OAuth token client (`OAuthTokenClient`, as the official `razorpay/dist/oAuthTokenClient`).
//! Parameters and answers cross as JSON text, as in [`crate::client`]'s generic `request`: the
//! caller serialises its own map, and that text is what is encrypted or sent.
//!
//! Both need a partner's client secret: servers only, never inside a mobile app.

use razorpay_core::oauth as core_oauth;
use razorpay_core::signature as core;

// The errors are razorpay-core's own (its `uniffi` feature), with `code()` on the base type.
pub use razorpay_core::oauth::{FieldError, OAuthCall, OAuthError};
pub use razorpay_core::signature::OnboardingError;

use crate::client::ClientError;

/// The onboarding signature of `params_json` (the JSON text of the onboarding parameters) under
/// the partner's `secret`: hex of a random nonce, the AES-128-GCM ciphertext and its tag.
/// Different on every call; Razorpay (and [`decrypt_onboarding_signature`]) reads it back.
#[uniffi::export]
pub fn generate_onboarding_signature(
    params_json: String,
    secret: String,
) -> Result<String, OnboardingError> {
    core::generate_onboarding_signature(&params_json, &secret)
}

/// The JSON text an onboarding signature carries, once authenticated under `secret`.
#[uniffi::export]
pub fn decrypt_onboarding_signature(
    signature: String,
    secret: String,
) -> Result<String, OnboardingError> {
    core::decrypt_onboarding_signature(&signature, &secret)
}

/// Razorpay's OAuth token client: the authorisation URL, code exchange, refresh and revocation,
/// with the official client's validations (refused parameters are `OAuthError.InvalidParams`,
/// code `OAUTH_INVALID_PARAMS`, before anything is sent; transport and HTTP failures are
/// `OAuthError.Client` around the API client's `ClientError`).
#[derive(Debug, uniffi::Object)]
pub struct OAuthTokenClient {
    inner: core_oauth::OAuthClient,
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
    pub fn generate_auth_url(&self, params_json: String) -> Result<String, OAuthError> {
        self.inner
            .authorize_url(&core_oauth::parse_params(&params_json)?)
    }

    /// `getAccessToken`: exchanges an authorisation code; Razorpay's JSON answer.
    pub async fn get_access_token(&self, params_json: String) -> Result<String, OAuthError> {
        self.token(core_oauth::OAuthCall::AccessToken, &params_json)
            .await
    }

    /// `refreshToken`: new tokens from a refresh token; Razorpay's JSON answer.
    pub async fn refresh_token(&self, params_json: String) -> Result<String, OAuthError> {
        self.token(core_oauth::OAuthCall::RefreshToken, &params_json)
            .await
    }

    /// `revokeToken`: revokes an access or refresh token; Razorpay's JSON answer.
    pub async fn revoke_token(&self, params_json: String) -> Result<String, OAuthError> {
        self.token(core_oauth::OAuthCall::RevokeToken, &params_json)
            .await
    }
}

impl OAuthTokenClient {
    async fn token(
        &self,
        call: core_oauth::OAuthCall,
        params_json: &str,
    ) -> Result<String, OAuthError> {
        let answer = self.inner.call_json(call, params_json).await?;
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
        let refused = client.generate_auth_url("{}".into()).unwrap_err();
        assert_eq!(refused.code(), "OAUTH_INVALID_PARAMS");
        assert_eq!(refused.field_errors()[0].field, "client_id");
        assert!(matches!(
            OAuthTokenClient::new(Some("http://auth.example.com".into())),
            Err(ClientError::InvalidConfig { .. })
        ));
    }
}
