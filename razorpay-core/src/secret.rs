//! [`Secret`]: a key secret or webhook secret that never prints itself.

use std::fmt;

/// A secret string (a Razorpay key secret or a webhook secret).
///
/// `Debug` and `Display` print `Secret(<redacted>)`, so a secret that ends up in a log line, an
/// error message or a panic stays hidden. The value is only reachable through
/// [`Secret::expose_secret`], which makes every use of it easy to find in a review.
///
/// `Secret` deliberately does not implement `PartialEq`: comparing secrets with `==` would not be
/// constant-time.
///
/// ```
/// use razorpay_core::Secret;
///
/// let secret = Secret::new("whsec_live_abc");
/// assert_eq!(format!("{secret:?}"), "Secret(<redacted>)");
/// assert_eq!(secret.to_string(), "Secret(<redacted>)");
/// assert_eq!(secret.expose_secret(), "whsec_live_abc");
/// ```
#[derive(Clone, Default)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret value itself. Only call this where the secret is actually used (keying an
    /// HMAC, an `Authorization` header); never to log or display it.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }

    /// Whether the secret is the empty string (never a usable key).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

impl From<&String> for Secret {
    fn from(value: &String) -> Self {
        Self(value.clone())
    }
}

impl From<&Secret> for Secret {
    fn from(value: &Secret) -> Self {
        value.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_prints_the_value() {
        let secret = Secret::new("s3cr3t-value");
        for printed in [
            format!("{secret:?}"),
            format!("{secret:#?}"),
            format!("{secret}"),
            format!("{:?}", Some(secret.clone())),
        ] {
            assert!(!printed.contains("s3cr3t"), "{printed}");
            assert!(printed.contains("<redacted>"), "{printed}");
        }
    }

    #[test]
    fn exposes_the_value_on_request() {
        assert_eq!(Secret::from("abc").expose_secret(), "abc");
        assert_eq!(Secret::from(String::from("abc")).expose_secret(), "abc");
        assert_eq!(Secret::from(&String::from("abc")).expose_secret(), "abc");
        assert!(Secret::default().is_empty());
        assert!(!Secret::new("x").is_empty());
    }
}
