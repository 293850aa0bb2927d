//! Razorpay-shaped identifiers: a prefix and 14 base62 characters (`order_DBJOWzybf0sJbb`).

/// Length of the random part of every Razorpay id.
pub const ID_BODY_LEN: usize = 14;

/// A new id such as `pay_FHfqtpXmDGOrKy` (`prefix` without the underscore).
///
/// Ids only need to be unique inside one sandbox, not unguessable, so a fast PRNG is enough.
pub fn new_id(prefix: &str) -> String {
    let mut id = String::with_capacity(prefix.len() + 1 + ID_BODY_LEN);
    id.push_str(prefix);
    id.push('_');
    id.push_str(&random_base62(ID_BODY_LEN));
    id
}

/// `len` random characters from `[0-9A-Za-z]`.
pub fn random_base62(len: usize) -> String {
    (0..len).map(|_| fastrand::alphanumeric()).collect()
}

/// `len` random decimal digits, as bank references (`rrn`, `auth_code`) are.
pub fn random_digits(len: usize) -> String {
    (0..len).map(|_| fastrand::digit(10)).collect()
}

/// Whether `id` is `prefix_` followed by exactly 14 base62 characters.
pub fn is_razorpay_id(id: &str, prefix: &str) -> bool {
    id.strip_prefix(prefix)
        .and_then(|rest| rest.strip_prefix('_'))
        .is_some_and(|body| {
            body.len() == ID_BODY_LEN && body.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_have_prefix_and_fourteen_base62_chars() {
        for prefix in ["order", "pay", "rfnd", "acc"] {
            let id = new_id(prefix);
            assert!(is_razorpay_id(&id, prefix), "{id}");
        }
        assert!(!is_razorpay_id("order_short", "order"));
        assert!(!is_razorpay_id("order_DBJOWzybf0sJb!", "order"));
        assert!(!is_razorpay_id("pay_DBJOWzybf0sJbb", "order"));
    }

    #[test]
    fn ids_do_not_repeat() {
        let ids: std::collections::HashSet<_> = (0..10_000).map(|_| new_id("pay")).collect();
        assert_eq!(ids.len(), 10_000);
    }
}
