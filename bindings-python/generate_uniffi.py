#!/usr/bin/env python3
"""Writes uniffi's Python for the whole API into python/checkout_kit/, from a built library.

    python3 bindings-python/generate_uniffi.py --bindgen target/debug/uniffi-bindgen \
        --library target/debug/libcheckout_kit.so

The library holds one uniffi component per crate, and uniffi writes one module per component:
`checkout_kit` (bindings-uniffi; written as `_uniffi.py`) and the core crates' `checkout_rules`,
`checkout_currency` and `razorpay_core` (written under their own names, which `_uniffi.py`
imports relatively: `from . import checkout_rules`). `__init__.py` re-exports them all.

The library is bindings-uniffi's cdylib (libcheckout_kit) or this crate's (lib_native, which links
bindings-uniffi): both carry the same uniffi metadata, so either gives the same module. One change is made to
uniffi's output: the generated module loads that library by file name (`lib<name>.so` beside it);
here it is the PyO3 extension `checkout_kit/_native.*`, already imported, so each module's loader
opens `_native.__file__` instead. The script fails if uniffi's loader line ever changes shape, or
if the modules are not the ones `MODULES` names (a component added must be added there, to the
maturin include list and to `__init__.py`).
"""

import argparse
import os
import pathlib
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE / "python" / "checkout_kit"
# uniffi's module name -> the file written into the package.
MODULES = {
    "checkout_kit.py": "_uniffi.py",
    "checkout_currency.py": "checkout_currency.py",
    "checkout_rules.py": "checkout_rules.py",
    "razorpay_core.py": "razorpay_core.py",
}
LOADER = "_UniffiLib = _uniffi_load_indirect()"
REPLACEMENT = (
    "# checkout_kit: one library serves both doors; the PyO3 extension carries the uniffi\n"
    "# scaffolding, so open the file Python already imported (bindings-python/generate_uniffi.py).\n"
    "from . import _native as _checkout_kit_native\n"
    "_UniffiLib = ctypes.CDLL(_checkout_kit_native.__file__)"
)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--bindgen", required=True, help="the uniffi-bindgen binary (bindings-uniffi)")
    p.add_argument("--library", required=True, help="the built bindings-uniffi (or bindings-python) cdylib")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        # Run inside the workspace so `cargo metadata` finds bindings-uniffi/uniffi.toml.
        subprocess.run(
            [os.path.abspath(args.bindgen), "generate", "--no-format", "--library", os.path.abspath(args.library),
             "--language", "python", "--out-dir", tmp],
            cwd=HERE.parent / "bindings-uniffi",
            check=True,
        )
        written = sorted(path.name for path in pathlib.Path(tmp).glob("*.py"))
        if written != sorted(MODULES):
            print(f"generate_uniffi.py: uniffi wrote {written}, expected {sorted(MODULES)}", file=sys.stderr)
            return 1
        sources = {name: (pathlib.Path(tmp) / name).read_text(encoding="utf-8") for name in written}
    for name, source in sources.items():
        if source.count(LOADER) != 1:
            print(f"generate_uniffi.py: expected one `{LOADER}` in uniffi's {name}", file=sys.stderr)
            return 1
        out = OUT / MODULES[name]
        out.write_text(source.replace(LOADER, REPLACEMENT), encoding="utf-8")
        print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
