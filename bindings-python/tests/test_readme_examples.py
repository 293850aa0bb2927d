"""The Python examples of bindings-uniffi/README.md run unchanged, in a fresh interpreter,
against the installed wheel."""

import os
import re
import subprocess
import sys

from conftest import REPO_ROOT

README = REPO_ROOT / "bindings-uniffi" / "README.md"
ROOT_README = REPO_ROOT / "README.md"


def example(name, readme=README):
    text = readme.read_text(encoding="utf-8")
    m = re.search(r"<!-- example: " + re.escape(name) + r" -->\s*```python\n(.*?)```", text, re.S)
    assert m, f"README has no `{name}` example"
    return m.group(1)


def run(code, tmp_path, env=None):
    script = tmp_path / "example.py"
    script.write_text(code, encoding="utf-8")
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("RAZORPAY_")}
    full_env.update(env or {})
    done = subprocess.run([sys.executable, str(script)], cwd=tmp_path, env=full_env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_python_example(tmp_path):
    check_python_example(run(example("python"), tmp_path))


def test_root_readme_python_quick_start(tmp_path):
    check_python_example(run(example("python", ROOT_README), tmp_path))


def check_python_example(out):
    assert "PRICE_INCREASED: The price changed from ₹250.00 to ₹275.00" in out
    assert "INSUFFICIENT_STOCK: Only 3 left in stock" in out
    assert "CART_NOT_READY - 2 fixes suggested" in out
    assert "Charge ₹1,747.00" in out
    assert '"order_id":"order_IEIaMR65cu6nz3"' in out
    assert "callback rejected: SIGNATURE_MISMATCH" in out
    assert "payment.captured pay_IH4NVgf4Dreq1l ₹1,747.00" in out
    assert "PAID" in out and "MARK_ORDER_PAID" in out


def test_python_server_example(tmp_path, sandbox):
    out = run(
        example("python-server"),
        tmp_path,
        {"RAZORPAY_KEY_ID": sandbox.key_id, "RAZORPAY_KEY_SECRET": sandbox.key_secret, "RAZORPAY_BASE_URL": sandbox.url},
    )
    first, second = out.strip().splitlines()
    order_id, status, amount = first.split(" ", 2)
    assert order_id.startswith("order_") and status == "created" and amount == "₹500.00"
    assert second == "NOT_FOUND 400 BAD_REQUEST_ERROR"
