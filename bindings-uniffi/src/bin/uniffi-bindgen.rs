//! The workspace's `uniffi-bindgen`: generates Kotlin, Swift and Python from the built library.
//!
//! Built from the same uniffi version as the library, so the generated code always matches the
//! scaffolding (a globally installed `uniffi-bindgen` of another version would not).

fn main() {
    uniffi::uniffi_bindgen_main();
}
