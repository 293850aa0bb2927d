#!/usr/bin/env python3
"""Builds the `checkout_kit` wheel from the generated Python module and the built library.

    python3 build_wheel.py --module generated/python/checkout_kit.py \
        --library target/release/libcheckout_kit.so --out-dir dist

The wheel holds one package, `checkout_kit/`, with the generated module as `__init__.py` and
the native library beside it (the generated code loads the library from its own folder).
The library is a plain C ABI loaded with ctypes, so one wheel serves every CPython 3 version
of a platform: the tag is `py3-none-<platform>`. Standard library only, so it runs on a fresh
machine without build tools; see README "Python" for publishing (manylinux tags via auditwheel).
"""

import argparse
import base64
import hashlib
import os
import re
import sysconfig
import zipfile

NAME = "checkout_kit"
SUMMARY = "Razorpay signatures, webhooks, API client, cart rules and reconciliation (Rust core)"


def platform_tag(explicit):
    if explicit:
        return explicit
    return re.sub(r"[^a-zA-Z0-9]", "_", sysconfig.get_platform())


def version_from_cargo(cargo_toml):
    with open(cargo_toml, encoding="utf-8") as f:
        m = re.search(r'^version\s*=\s*"([^"]+)"', f.read(), re.M)
    if not m:
        raise SystemExit(f"no version in {cargo_toml}")
    return m.group(1)


def record_line(path, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{path},sha256={digest},{len(data)}"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--module", required=True, help="generated checkout_kit.py")
    p.add_argument("--library", required=True, help="built libcheckout_kit.{so,dylib} / checkout_kit.dll")
    p.add_argument("--out-dir", required=True)
    p.add_argument("--version", help="defaults to the workspace version")
    p.add_argument("--plat-name", help="wheel platform tag, defaults to this machine's")
    args = p.parse_args()

    version = args.version or version_from_cargo(os.path.join(here, "..", "..", "Cargo.toml"))
    tag = f"py3-none-{platform_tag(args.plat_name)}"
    dist_info = f"{NAME}-{version}.dist-info"
    with open(args.module, "rb") as f:
        module = f.read()
    with open(args.library, "rb") as f:
        library = f.read()

    metadata = (
        "Metadata-Version: 2.1\n"
        f"Name: {NAME}\n"
        f"Version: {version}\n"
        f"Summary: {SUMMARY}\n"
        "License: MIT OR Apache-2.0\n"
        "Requires-Python: >=3.8\n"
    ).encode()
    wheel = (
        "Wheel-Version: 1.0\n"
        "Generator: checkout-kit build_wheel.py\n"
        "Root-Is-Purelib: false\n"
        f"Tag: {tag}\n"
    ).encode()
    files = [
        (f"{NAME}/__init__.py", module),
        (f"{NAME}/{os.path.basename(args.library)}", library),
        (f"{dist_info}/METADATA", metadata),
        (f"{dist_info}/WHEEL", wheel),
    ]
    record = "\n".join([record_line(p, d) for p, d in files] + [f"{dist_info}/RECORD,,", ""])
    files.append((f"{dist_info}/RECORD", record.encode()))

    os.makedirs(args.out_dir, exist_ok=True)
    out = os.path.join(args.out_dir, f"{NAME}-{version}-{tag}.whl")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for path, data in files:
            info = zipfile.ZipInfo(path, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = (0o755 if path.endswith((".so", ".dylib", ".dll")) else 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    print(out)


if __name__ == "__main__":
    main()
