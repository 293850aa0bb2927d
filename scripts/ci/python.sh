#!/usr/bin/env bash
# Python stage: the `checkout_kit` package (bindings-python) as a user gets it.
#  1. write the uniffi-generated module (generate_uniffi.py) from bindings-uniffi's library;
#  2. `maturin build`: a manylinux wheel; `maturin sdist`: the source package, which must build;
#  3. install the wheel into a fresh venv and run the Python tests from the installed package,
#     with no Rust toolchain on PATH (the user's view: pip install, no cargo).
# Installs maturin and pytest from PyPI into a venv under .tools/ (gitignored).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
TOOLS="$ROOT/.tools/python"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$ROOT/$TARGET_DIR" ;; esac
DIST="$TARGET_DIR/python-dist"
MATURIN_SPEC="maturin>=1.9,<2"

case "$(uname -s)" in
  Darwin) LIB_FILE="libcheckout_kit.dylib" ;;
  *) LIB_FILE="libcheckout_kit.so" ;;
esac

echo "--- tools: $MATURIN_SPEC and pytest in $TOOLS/build-venv"
BUILD_VENV="$TOOLS/build-venv"
[ -x "$BUILD_VENV/bin/python" ] || python3 -m venv "$BUILD_VENV"
"$BUILD_VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$MATURIN_SPEC" "pytest>=7"

echo "--- build: bindings-uniffi (cdylib + uniffi-bindgen) and the razorpay-sandbox binary"
# The same build as the uniffi stage (so it is already done there). The generated Python is
# written from bindings-uniffi's own library: it carries the same uniffi metadata (same crate,
# same source) as the `_native` module maturin builds, which links that crate; the tests then
# call every generated function through `_native`'s file.
cargo build --locked -p bindings-uniffi -p razorpay-sandbox --lib --bins
export CHECKOUT_KIT_SANDBOX_BIN="$TARGET_DIR/debug/razorpay-sandbox"

echo "--- generate: uniffi's modules into bindings-python/python/checkout_kit/"
python3 bindings-python/generate_uniffi.py --bindgen "$TARGET_DIR/debug/uniffi-bindgen" \
  --library "$TARGET_DIR/debug/$LIB_FILE"

echo "--- maturin: wheel and sdist"
rm -rf "$DIST"
# The debug profile keeps the stage quick; a release wheel is `maturin build --release`.
"$BUILD_VENV/bin/maturin" build --locked --profile dev -m bindings-python/Cargo.toml --out "$DIST/wheel"
"$BUILD_VENV/bin/maturin" sdist -m bindings-python/Cargo.toml --out "$DIST/sdist"
WHEEL="$(ls "$DIST"/wheel/checkout_kit-*.whl)"
SDIST="$(ls "$DIST"/sdist/checkout_kit-*.tar.gz)"
case "$(basename "$WHEEL")" in
  *-abi3-manylinux*|*-abi3-macosx*|*-abi3-win*) echo "wheel: $(basename "$WHEEL") ($(du -h "$WHEEL" | cut -f1))" ;;
  *) echo "wheel has no manylinux/abi3 tag: $WHEEL" >&2; exit 1 ;;
esac
# The listing is read whole first: `grep -q` stopping early would SIGPIPE tar under pipefail.
SDIST_LISTING="$(tar -tzf "$SDIST")"
for member in checkout_kit/__init__.py checkout_kit/_uniffi.py checkout_kit/checkout_rules.py \
  checkout_kit/checkout_currency.py checkout_kit/razorpay_core.py; do
  grep -q "/python/$member\$" <<<"$SDIST_LISTING" || { echo "sdist lacks $member" >&2; exit 1; }
done

echo "--- sdist: builds a wheel from the source package alone"
# pip builds it in isolation (maturin from PyPI); the shared target dir keeps crates compiled
# and the dev profile keeps it quick (a user's `pip install` of the sdist builds release).
CARGO_TARGET_DIR="$TARGET_DIR" MATURIN_PEP517_ARGS="--profile dev" \
  "$BUILD_VENV/bin/python" -m pip wheel --quiet --disable-pip-version-check \
  --no-deps --wheel-dir "$DIST/from-sdist" "$SDIST"
ls "$DIST"/from-sdist/checkout_kit-*.whl >/dev/null

echo "--- install: the wheel into a fresh venv, no Rust toolchain on PATH"
TEST_VENV="$TOOLS/test-venv"
rm -rf "$TEST_VENV"
python3 -m venv "$TEST_VENV"
"$TEST_VENV/bin/python" -m pip install --quiet --disable-pip-version-check "pytest>=7"
# PATH without cargo/rustc: only the venv and the system directories that do not hold them.
BARE_PATH="$TEST_VENV/bin"
for d in /usr/local/bin /usr/bin /bin; do
  if [ -d "$d" ] && [ ! -x "$d/cargo" ] && [ ! -x "$d/rustc" ]; then BARE_PATH="$BARE_PATH:$d"; fi
done
env PATH="$BARE_PATH" sh -c '! command -v cargo && ! command -v rustc' >/dev/null \
  || { echo "cargo is still on the bare PATH" >&2; exit 1; }
env PATH="$BARE_PATH" "$TEST_VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps "$WHEEL"

echo "--- pytest: bindings-python/tests against the installed package"
set +e
# Bounded: a hung sandbox or socket must fail the stage, not stall CI.
(cd "$ROOT/bindings-python/tests" && env PATH="$BARE_PATH" timeout 900 "$TEST_VENV/bin/python" -m pytest -q -p no:cacheprovider .)
rc=$?
set -e
if [ "$rc" -eq 5 ]; then
  echo "python: pytest collected no tests" >&2
  exit 1
elif [ "$rc" -ne 0 ]; then
  exit "$rc"
fi
