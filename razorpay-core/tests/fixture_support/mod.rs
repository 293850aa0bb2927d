//! Locating and reading the public fixtures (the repository's `fixtures/`, a verbatim copy of
//! `../shared/fixtures`, or `$CHECKOUT_KIT_FIXTURES`).

#![allow(dead_code)] // each test binary uses a different part of this module

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The fixtures directory.
pub fn fixtures_dir() -> PathBuf {
    let dir = std::env::var_os("CHECKOUT_KIT_FIXTURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures")));
    assert!(
        dir.join("signature_vectors.json").is_file(),
        "fixtures not found at {} (set CHECKOUT_KIT_FIXTURES)",
        dir.display()
    );
    dir
}

/// The exact bytes of a fixture file.
pub fn read_bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|err| panic!("reading {}: {err}", path.display()))
}

/// A fixture file parsed as a JSON tree.
pub fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&read_bytes(path))
        .unwrap_or_else(|err| panic!("{} is not JSON: {err}", path.display()))
}

/// The `.json` files of a fixture sub-directory, sorted.
pub fn json_files(sub_dir: &str) -> Vec<PathBuf> {
    let dir = fixtures_dir().join(sub_dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("listing {}: {err}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

/// Parses `json` as `T`, serialises it again and asserts the JSON tree is unchanged (every
/// field, every explicit null, every value; key order is not significant).
pub fn assert_round_trip<T>(json: &Value, what: &str) -> T
where
    T: serde::de::DeserializeOwned + serde::Serialize,
{
    let parsed: T = serde_json::from_value(json.clone()).unwrap_or_else(|err| {
        panic!(
            "{what} does not parse as {}: {err}",
            std::any::type_name::<T>()
        )
    });
    let again = serde_json::to_value(&parsed).expect("serialising a parsed value");
    if &again != json {
        panic!(
            "{what}: re-serialised tree differs\n{}",
            describe_difference(json, &again, "$")
        );
    }
    parsed
}

/// The first place where two JSON trees differ, as a path and both values.
fn describe_difference(expected: &Value, actual: &Value, path: &str) -> String {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (key, value) in e {
                match a.get(key) {
                    None => return format!("{path}.{key} missing (was {value})"),
                    Some(other) if other != value => {
                        return describe_difference(value, other, &format!("{path}.{key}"));
                    }
                    Some(_) => {}
                }
            }
            match a.keys().find(|key| !e.contains_key(*key)) {
                Some(key) => format!("{path}.{key} added: {}", a[key]),
                None => format!("{path}: objects differ"),
            }
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => e
            .iter()
            .zip(a)
            .enumerate()
            .find(|(_, (x, y))| x != y)
            .map(|(i, (x, y))| describe_difference(x, y, &format!("{path}[{i}]")))
            .unwrap_or_else(|| format!("{path}: arrays differ")),
        _ => format!("{path}: expected {expected}, got {actual}"),
    }
}
