"""Shared pytest fixtures: the public fixtures folder and the generated `checkout_kit` module.

The module is imported from the installed wheel (scripts/ci/python.sh builds it with maturin and installs it into a fresh venv),
so these tests exercise exactly what a Python user gets.
"""

import json
import os
import pathlib

import pytest

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = pathlib.Path(os.environ.get("CHECKOUT_KIT_FIXTURES", REPO_ROOT / "fixtures"))


@pytest.fixture(scope="session")
def fixtures_dir() -> pathlib.Path:
    assert FIXTURES.is_dir(), f"public fixtures not found at {FIXTURES}"
    return FIXTURES


@pytest.fixture(scope="session")
def signature_vectors(fixtures_dir):
    with open(fixtures_dir / "signature_vectors.json", encoding="utf-8") as f:
        return json.load(f)["vectors"]


KEY_ID = "rzp_test_uniffi0000000"
KEY_SECRET = "uniffi_key_secret_0123"
WEBHOOK_SECRET = "uniffi_webhook_secret"


class Sandbox:
    """A running razorpay-sandbox binary (127.0.0.1, a free port)."""

    def __init__(self, url):
        self.url = url
        self.key_id = KEY_ID
        self.key_secret = KEY_SECRET
        self.webhook_secret = WEBHOOK_SECRET

    def checkout(self, **body):
        """POST /sandbox/checkout: pays (or fails) an order like Razorpay Checkout; returns the
        HTTP status and the exact JSON text Checkout hands the browser."""
        import urllib.error
        import urllib.request

        req = urllib.request.Request(
            self.url + "/sandbox/checkout",
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(req, timeout=10) as resp:
                return resp.status, resp.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()


    def control(self, path, body=None, method="POST"):
        """Calls one of the sandbox's /sandbox control endpoints; returns the JSON answer."""
        import urllib.request

        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(
            self.url + "/sandbox" + path, data=data, headers={"Content-Type": "application/json"}, method=method
        )
        with urllib.request.urlopen(req, timeout=70) as resp:
            return json.loads(resp.read() or b"null")


def start_sandbox(*extra_args):
    """Starts the razorpay-sandbox binary on a free port; returns (process, Sandbox)."""
    import os
    import subprocess

    binary = os.environ.get("CHECKOUT_KIT_SANDBOX_BIN") or str(REPO_ROOT / "target" / "debug" / "razorpay-sandbox")
    assert os.path.exists(binary), f"razorpay-sandbox binary not found at {binary} (cargo build -p razorpay-sandbox)"
    proc = subprocess.Popen(
        [binary, "--port", "0", "--key-id", KEY_ID, "--key-secret", KEY_SECRET, "--webhook-secret", WEBHOOK_SECRET, *extra_args],
        stdout=subprocess.PIPE,
        text=True,
    )
    first = proc.stdout.readline().strip()
    prefix = "razorpay-sandbox listening on "
    if not first.startswith(prefix):
        stop_sandbox(proc)
        raise AssertionError(f"unexpected sandbox banner {first!r}")
    return proc, Sandbox(first[len(prefix):])


def stop_sandbox(proc):
    import subprocess

    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="session")
def sandbox():
    proc, running = start_sandbox()
    try:
        yield running
    finally:
        stop_sandbox(proc)
