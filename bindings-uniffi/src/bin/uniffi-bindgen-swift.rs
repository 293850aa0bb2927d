//! The workspace's `uniffi-bindgen-swift`: the Swift sources and C headers of every uniffi
//! component in the library, and ONE modulemap (`CheckoutKitFFI`) covering all the headers, so
//! that all of it builds as the one Swift module `CheckoutKit`.

fn main() {
    uniffi::uniffi_bindgen_swift();
}
