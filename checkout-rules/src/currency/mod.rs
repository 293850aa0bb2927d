//! Currencies: ISO code, exponent (decimal places of the minor unit), display symbol and the
//! payable minimum, plus display formatting of minor-unit amounts.
//!
//! [`CurrencyTable::razorpay()`] is the built-in table of the currencies Razorpay accepts
//! (see the `data` module docs for sources). Callers with different limits build their own table
//! with [`CurrencyTable::new`] or clone and edit the built-in one.
//!
//! ```
//! use checkout_rules::currency::{CurrencyTable, format_minor_units};
//!
//! let inr = CurrencyTable::razorpay().get("INR").expect("INR is supported");
//! assert_eq!((inr.exponent, inr.min_amount), (2, 100));
//! assert_eq!(format_minor_units(123450, "INR"), "₹1,234.50");
//! assert_eq!(format_minor_units(1235, "JPY"), "¥1,235");
//! assert_eq!(format_minor_units(1235, "KWD"), "KD 1.235");
//! ```

mod data;
mod error;
mod format;
mod info;
mod table;

pub use error::CurrencyError;
pub use format::{format_minor_units, format_minor_units_in};
pub use info::{CurrencyInfo, Grouping};
pub use table::CurrencyTable;
