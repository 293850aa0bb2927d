//! Razorpay's OAuth token endpoints (`https://auth.razorpay.com/token` and `/revoke`), served
//! under `/auth` so one sandbox stands in for both hosts: an OAuth client pointed at
//! `{sandbox}/auth` exchanges codes, refreshes and revokes as against Razorpay.
//!
//! There is no consent screen: any non-blank authorisation code is accepted, once. What is
//! checked is what a client can get wrong: the required fields, `grant_type`, `mode`,
//! single-use codes, refresh tokens that exist, belong to the client and were not revoked or
//! rotated away, and revocation of tokens the sandbox issued. State is per sandbox instance
//! and bounded ([`MAX_REMEMBERED`] tokens and codes, oldest forgotten first).

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};
use serde_json::{Map, Value, json};

use crate::api_error::ApiError;
use crate::ids::{new_id, random_base62};

/// How many issued tokens and used codes one sandbox remembers.
pub const MAX_REMEMBERED: usize = 4096;
/// Razorpay's access-token lifetime in seconds (91 days), as its token answers carry.
const EXPIRES_IN: u64 = 7_862_400;

/// The token endpoints, with their own state; nested at `/auth` by the router.
pub fn routes<S>() -> Router<S> {
    Router::new()
        .route("/token", post(token))
        .route("/revoke", post(revoke))
        .with_state(Arc::new(OAuthState::default()))
}

#[derive(Clone)]
struct Grant {
    client_id: String,
    account_id: String,
    mode: String,
    refresh: bool,
}

#[derive(Default)]
struct Tokens {
    grants: HashMap<String, Grant>,
    used_codes: HashSet<String>,
    /// Insertion order of `grants` and `used_codes` keys, for bounded forgetting.
    order: VecDeque<String>,
}

impl Tokens {
    fn remember(&mut self, key: String) {
        self.order.push_back(key);
        while self.order.len() > MAX_REMEMBERED {
            if let Some(old) = self.order.pop_front() {
                self.grants.remove(&old);
                self.used_codes.remove(&old);
            }
        }
    }

    /// Issues an access and a refresh token for `client_id` on `account_id`.
    fn issue(&mut self, client_id: &str, account_id: String, mode: String) -> Value {
        let prefix = if mode == "live" {
            "rzp_live"
        } else {
            "rzp_test"
        };
        let access = format!("{prefix}_oauth_at_{}", random_base62(40));
        let refresh = format!("{prefix}_oauth_rt_{}", random_base62(40));
        let grant = |refresh| Grant {
            client_id: client_id.to_owned(),
            account_id: account_id.clone(),
            mode: mode.clone(),
            refresh,
        };
        self.grants.insert(access.clone(), grant(false));
        self.grants.insert(refresh.clone(), grant(true));
        self.remember(access.clone());
        self.remember(refresh.clone());
        json!({
            "public_token": format!("{prefix}_oauth_{}", random_base62(14)),
            "token_type": "Bearer",
            "expires_in": EXPIRES_IN,
            "access_token": access,
            "refresh_token": refresh,
            "razorpay_account_id": account_id,
        })
    }
}

#[derive(Default)]
struct OAuthState {
    tokens: Mutex<Tokens>,
}

impl OAuthState {
    fn tokens(&self) -> std::sync::MutexGuard<'_, Tokens> {
        // A panic while holding the lock cannot leave `Tokens` half-updated in a way that
        // matters for a test double: keep serving.
        self.tokens.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The JSON object body (the official client and ours send JSON).
fn object(body: &Bytes) -> Result<Map<String, Value>, ApiError> {
    match serde_json::from_slice(body) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(ApiError::bad_request(
            "The request body must be a JSON object",
        )),
    }
}

/// A required, non-blank string field.
fn required<'a>(params: &'a Map<String, Value>, field: &str) -> Result<&'a str, ApiError> {
    match params.get(field).and_then(Value::as_str).map(str::trim) {
        Some(value) if !value.is_empty() => Ok(value),
        _ => Err(ApiError::invalid_field(
            field,
            format!("The {field} field is required."),
        )),
    }
}

/// The client's credentials: both present (any client is registered in the sandbox).
fn client(params: &Map<String, Value>) -> Result<String, ApiError> {
    let client_id = required(params, "client_id")?;
    required(params, "client_secret")?;
    Ok(client_id.to_owned())
}

/// `POST /token`: `authorization_code` or `refresh_token` grants.
async fn token(State(state): State<Arc<OAuthState>>, body: Bytes) -> Result<Json<Value>, ApiError> {
    let params = object(&body)?;
    let client_id = client(&params)?;
    let mode = match params.get("mode").and_then(Value::as_str) {
        None => "test",
        Some(mode @ ("test" | "live")) => mode,
        Some(_) => {
            return Err(ApiError::invalid_field(
                "mode",
                "The selected mode is invalid.",
            ));
        }
    };
    let mut tokens = state.tokens();
    match required(&params, "grant_type")? {
        "authorization_code" => {
            required(&params, "redirect_uri")?;
            let code = required(&params, "code")?;
            if tokens.used_codes.contains(code) {
                return Err(ApiError::bad_request(
                    "Authorization code has expired or been used",
                ));
            }
            tokens.used_codes.insert(code.to_owned());
            tokens.remember(code.to_owned());
            Ok(Json(tokens.issue(
                &client_id,
                new_id("acc"),
                mode.to_owned(),
            )))
        }
        "refresh_token" => {
            let refresh = required(&params, "refresh_token")?;
            let grant = match tokens.grants.get(refresh) {
                Some(grant) if grant.refresh && grant.client_id == client_id => grant.clone(),
                _ => {
                    return Err(ApiError::bad_request(
                        "The refresh token is invalid or revoked",
                    ));
                }
            };
            // Refresh tokens rotate: the old one is spent, and so is its access token's pair.
            tokens.grants.remove(refresh);
            Ok(Json(tokens.issue(&client_id, grant.account_id, grant.mode)))
        }
        _ => Err(ApiError::invalid_field(
            "grant_type",
            "The selected grant type is invalid.",
        )),
    }
}

/// `POST /revoke`: forgets an access or refresh token the sandbox issued to this client.
async fn revoke(
    State(state): State<Arc<OAuthState>>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let params = object(&body)?;
    let client_id = client(&params)?;
    let refresh = match required(&params, "token_type_hint")? {
        "access_token" => false,
        "refresh_token" => true,
        _ => {
            return Err(ApiError::invalid_field(
                "token_type_hint",
                "The selected token type hint is invalid.",
            ));
        }
    };
    let token = required(&params, "token")?;
    let mut tokens = state.tokens();
    match tokens.grants.get(token) {
        Some(grant) if grant.refresh == refresh && grant.client_id == client_id => {
            tokens.grants.remove(token);
            Ok(Json(json!({ "message": "Token Revoked" })))
        }
        _ => Err(ApiError::bad_request(
            "The token is invalid or already revoked",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(value: Value) -> Bytes {
        Bytes::from(value.to_string())
    }

    async fn call_token(state: &Arc<OAuthState>, value: Value) -> Result<Value, ApiError> {
        token(State(Arc::clone(state)), params(value))
            .await
            .map(|Json(v)| v)
    }

    #[tokio::test]
    async fn codes_are_single_use_refresh_rotates_and_revoke_forgets() {
        let state = Arc::new(OAuthState::default());
        let exchange = json!({"client_id": "8DXCMTshWSWECc", "client_secret": "s",
            "grant_type": "authorization_code", "redirect_uri": "https://e.com/cb", "code": "c1", "mode": "test"});
        let first = call_token(&state, exchange.clone()).await.unwrap();
        assert_eq!(first["token_type"], "Bearer");
        assert!(
            first["razorpay_account_id"]
                .as_str()
                .unwrap()
                .starts_with("acc_")
        );
        assert_eq!(
            call_token(&state, exchange)
                .await
                .unwrap_err()
                .description(),
            "Authorization code has expired or been used"
        );

        let refresh = json!({"client_id": "8DXCMTshWSWECc", "client_secret": "s",
            "grant_type": "refresh_token", "refresh_token": first["refresh_token"]});
        let second = call_token(&state, refresh.clone()).await.unwrap();
        assert_eq!(second["razorpay_account_id"], first["razorpay_account_id"]);
        assert!(
            call_token(&state, refresh).await.is_err(),
            "a spent refresh token"
        );

        let revoke_access = json!({"client_id": "8DXCMTshWSWECc", "client_secret": "s",
            "token_type_hint": "access_token", "token": second["access_token"]});
        let answer = revoke(State(Arc::clone(&state)), params(revoke_access.clone())).await;
        assert_eq!(answer.unwrap().0, json!({"message": "Token Revoked"}));
        assert!(
            revoke(State(Arc::clone(&state)), params(revoke_access))
                .await
                .is_err()
        );
    }

    #[tokio::test]
    async fn required_fields_and_values_are_checked() {
        let state = Arc::new(OAuthState::default());
        let err = call_token(&state, json!({"client_id": "a"}))
            .await
            .unwrap_err();
        assert_eq!(err.body["error"]["field"], "client_secret");
        let err = call_token(
            &state,
            json!({"client_id": "a", "client_secret": "s", "grant_type": "password"}),
        )
        .await
        .unwrap_err();
        assert_eq!(err.body["error"]["field"], "grant_type");
        let err = call_token(
            &state,
            json!({"client_id": "a", "client_secret": "s", "grant_type": "authorization_code",
            "redirect_uri": "https://e.com", "code": "c", "mode": "prod"}),
        )
        .await
        .unwrap_err();
        assert_eq!(err.body["error"]["field"], "mode");
    }

    #[test]
    fn memory_is_bounded() {
        let mut tokens = Tokens::default();
        for _ in 0..MAX_REMEMBERED {
            tokens.issue("a", "acc_1".into(), "test".into());
        }
        assert_eq!(tokens.order.len(), MAX_REMEMBERED);
        assert!(tokens.grants.len() <= MAX_REMEMBERED);
    }
}
