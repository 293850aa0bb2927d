//! Reading Razorpay's optional text fields, where "no value" arrives as `null`, `""` or `"NA"`.

/// The value of an optional text field, or `None` when Razorpay means "nothing": missing,
/// `null`, empty, or the placeholder `"NA"`.
pub(crate) fn meaningful(value: Option<&String>) -> Option<&str> {
    value
        .map(String::as_str)
        .filter(|text| !text.is_empty() && *text != "NA")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_mean_nothing() {
        assert_eq!(meaningful(None), None);
        assert_eq!(meaningful(Some(&String::new())), None);
        assert_eq!(meaningful(Some(&"NA".to_owned())), None);
        assert_eq!(
            meaningful(Some(&"BAD_REQUEST_ERROR".to_owned())),
            Some("BAD_REQUEST_ERROR")
        );
    }
}
