//! The currency table: lookups by ISO code.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::data::RAZORPAY_CURRENCIES;
use crate::{CurrencyError, CurrencyInfo};

/// A set of currencies keyed by upper-case ISO code.
///
/// Lookups are case-sensitive: codes are stored upper case (`"INR"`), and `get("inr")` is
/// `None`, the same answer Razorpay gives to a lower-case currency. JSON form: an array of
/// [`CurrencyInfo`] objects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<CurrencyInfo>", into = "Vec<CurrencyInfo>")]
pub struct CurrencyTable {
    /// Sorted by code, no duplicates: lookups are a binary search without hashing.
    currencies: Vec<CurrencyInfo>,
}

impl CurrencyTable {
    /// The built-in table of the currencies Razorpay accepts, built once per process.
    ///
    /// Minimum amounts are one major unit (INR: 100 paise), per Razorpay's documented
    /// "The amount must be at least INR 1.00"; three-decimal currencies have `amount_step` 10.
    pub fn razorpay() -> &'static CurrencyTable {
        static TABLE: OnceLock<CurrencyTable> = OnceLock::new();
        TABLE.get_or_init(|| {
            // `CurrencyInfo::new` applies Razorpay's documented defaults; every built-in row is
            // valid (a unit test checks that none is dropped here).
            let currencies = RAZORPAY_CURRENCIES
                .iter()
                .filter_map(|&(code, exponent, symbol, name, grouping)| {
                    let mut info = CurrencyInfo::new(code, exponent, symbol, name).ok()?;
                    info.grouping = grouping;
                    Some(info)
                })
                .collect();
            CurrencyTable { currencies }
        })
    }

    /// Build a table from definitions; each is validated and codes must be unique.
    pub fn new(currencies: impl IntoIterator<Item = CurrencyInfo>) -> Result<Self, CurrencyError> {
        let mut currencies: Vec<CurrencyInfo> = currencies.into_iter().collect();
        for c in &currencies {
            c.validate()?;
        }
        currencies.sort_by(|a, b| a.code.cmp(&b.code));
        if let Some(pair) = currencies.windows(2).find(|w| w[0].code == w[1].code) {
            return Err(CurrencyError::Duplicate {
                currency: pair[0].code.clone(),
            });
        }
        Ok(Self { currencies })
    }

    /// The currency with this exact (upper-case) code.
    pub fn get(&self, code: &str) -> Option<&CurrencyInfo> {
        self.currencies
            .binary_search_by(|c| c.code.as_str().cmp(code))
            .ok()
            .map(|i| &self.currencies[i])
    }

    /// Add or replace a currency; returns the definition it replaced.
    pub fn insert(&mut self, info: CurrencyInfo) -> Result<Option<CurrencyInfo>, CurrencyError> {
        info.validate()?;
        match self
            .currencies
            .binary_search_by(|c| c.code.as_str().cmp(&info.code))
        {
            Ok(i) => Ok(Some(std::mem::replace(&mut self.currencies[i], info))),
            Err(i) => {
                self.currencies.insert(i, info);
                Ok(None)
            }
        }
    }

    /// Remove a currency; returns its definition if it was present.
    pub fn remove(&mut self, code: &str) -> Option<CurrencyInfo> {
        self.currencies
            .binary_search_by(|c| c.code.as_str().cmp(code))
            .ok()
            .map(|i| self.currencies.remove(i))
    }

    /// Look up `code` and check a payable amount against its minimum and step.
    pub fn check_amount(&self, code: &str, amount: i64) -> Result<&CurrencyInfo, CurrencyError> {
        let info = self.get(code).ok_or_else(|| CurrencyError::Unsupported {
            currency: code.to_owned(),
        })?;
        info.check_amount(amount)?;
        Ok(info)
    }

    /// All currencies, sorted by code.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &CurrencyInfo> {
        self.currencies.iter()
    }

    /// Number of currencies.
    pub fn len(&self) -> usize {
        self.currencies.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.currencies.is_empty()
    }
}

impl Default for CurrencyTable {
    /// The built-in Razorpay table.
    fn default() -> Self {
        Self::razorpay().clone()
    }
}

impl TryFrom<Vec<CurrencyInfo>> for CurrencyTable {
    type Error = CurrencyError;

    fn try_from(currencies: Vec<CurrencyInfo>) -> Result<Self, Self::Error> {
        Self::new(currencies)
    }
}

impl From<CurrencyTable> for Vec<CurrencyInfo> {
    fn from(table: CurrencyTable) -> Self {
        table.currencies
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rows_are_sorted_unique_and_valid() {
        let codes: Vec<&str> = RAZORPAY_CURRENCIES.iter().map(|r| r.0).collect();
        assert!(
            codes.windows(2).all(|w| w[0] < w[1]),
            "data.rs must stay sorted"
        );
        let table = CurrencyTable::razorpay();
        assert!(
            table.len() >= 128,
            "Razorpay supports at least 128 currencies"
        );
        for c in table.iter() {
            c.validate().unwrap();
            assert!(!c.symbol.is_empty() && !c.name.is_empty(), "{}", c.code);
        }
        // Round-trips through the validating constructor unchanged.
        assert_eq!(&CurrencyTable::new(table.iter().cloned()).unwrap(), table);
    }

    #[test]
    fn exponents_match_razorpay() {
        let t = CurrencyTable::razorpay();
        for code in [
            "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND",
            "VUV", "XAF", "XOF", "XPF",
        ] {
            assert_eq!(t.get(code).unwrap().exponent, 0, "{code}");
        }
        for code in ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"] {
            let c = t.get(code).unwrap();
            assert_eq!(
                (c.exponent, c.amount_step, c.min_amount),
                (3, 10, 1000),
                "{code}"
            );
        }
        for code in [
            "INR", "USD", "EUR", "GBP", "SGD", "AED", "MYR", "HUF", "IDR",
        ] {
            assert_eq!(t.get(code).unwrap().exponent, 2, "{code}");
        }
        let zero = t.iter().filter(|c| c.exponent == 0).count();
        let three = t.iter().filter(|c| c.exponent == 3).count();
        assert_eq!((zero, three), (16, 7));
    }

    #[test]
    fn inr_minimum_is_100_paise() {
        let inr = CurrencyTable::razorpay().get("INR").unwrap();
        assert_eq!(
            (inr.exponent, inr.min_amount, inr.symbol.as_str()),
            (2, 100, "₹")
        );
        assert_eq!(CurrencyTable::razorpay().get("JPY").unwrap().min_amount, 1);
    }

    #[test]
    fn lookup_is_case_sensitive() {
        assert!(CurrencyTable::razorpay().get("inr").is_none());
        assert!(CurrencyTable::razorpay().get("Inr").is_none());
        assert!(CurrencyTable::razorpay().get("").is_none());
    }

    #[test]
    fn caller_can_replace_entries() {
        let mut t = CurrencyTable::razorpay().clone();
        let mut inr = t.get("INR").unwrap().clone();
        inr.min_amount = 5000;
        let old = t.insert(inr).unwrap().unwrap();
        assert_eq!(old.min_amount, 100);
        assert_eq!(t.get("INR").unwrap().min_amount, 5000);
        assert!(t.remove("JPY").is_some());
        assert!(t.get("JPY").is_none());
        let xts = CurrencyInfo::new("XTS", 2, "T", "Test").unwrap();
        assert!(t.insert(xts).unwrap().is_none());
        assert_eq!(t.get("XTS").unwrap().symbol, "T");
        assert!(t.iter().map(|c| &c.code).is_sorted());
    }

    #[test]
    fn new_rejects_duplicates_and_invalid_rows() {
        let a = CurrencyInfo::new("USD", 2, "$", "Dollar").unwrap();
        let err = CurrencyTable::new([a.clone(), a.clone()]).unwrap_err();
        assert_eq!(err.code(), "CURRENCY_DUPLICATE");
        let mut bad = a;
        bad.code = "usd".into();
        assert_eq!(
            CurrencyTable::new([bad]).unwrap_err().code(),
            "CURRENCY_CODE_INVALID"
        );
    }

    #[test]
    fn check_amount_through_table() {
        let t = CurrencyTable::razorpay();
        assert_eq!(t.check_amount("INR", 100).unwrap().code, "INR");
        assert_eq!(
            t.check_amount("INR", 99).unwrap_err().code(),
            "AMOUNT_BELOW_MINIMUM"
        );
        assert_eq!(
            t.check_amount("XYZ", 100).unwrap_err().code(),
            "CURRENCY_UNSUPPORTED"
        );
        assert_eq!(
            t.check_amount("OMR", 1005).unwrap_err().code(),
            "AMOUNT_NOT_IN_STEP"
        );
    }

    #[test]
    fn json_round_trip_validates() {
        let t = CurrencyTable::new([CurrencyInfo::new("USD", 2, "$", "Dollar").unwrap()]).unwrap();
        let json = serde_json::to_string(&t).unwrap();
        assert!(json.starts_with("[{\"code\":\"USD\""));
        let back: CurrencyTable = serde_json::from_str(&json).unwrap();
        assert_eq!(back, t);
        let bad = r#"[{"code":"usd","exponent":2,"symbol":"$","name":"x","minAmount":1}]"#;
        assert!(serde_json::from_str::<CurrencyTable>(bad).is_err());
    }
}
