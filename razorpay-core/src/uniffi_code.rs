//! `code()` for Kotlin, Swift and Python on the errors that cross uniffi (the `uniffi` feature).

/// Exports `code()` on the foreign base type of `$error`, whose Rust `code()` returns a
/// `&'static str`: uniffi cannot return a borrowed string, so the foreign method (named `code`)
/// is an owned copy of it. Expands to nothing without the `uniffi` feature.
macro_rules! export_error_code {
    // `ident`, not `ty`: uniffi's attribute reads the type's name from plain tokens.
    ($error:ident) => {
        #[cfg(feature = "uniffi")]
        #[uniffi::export]
        impl $error {
            #[uniffi::method(name = "code")]
            fn code_for_ffi(&self) -> String {
                self.code().to_owned()
            }
        }
    };
}

pub(crate) use export_error_code;
