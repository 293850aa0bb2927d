"""Issue 15, attacks 2-4 from Python: a hostile API endpoint cannot make the client read a huge
body (success or error), put a huge description in the exception message, redirect it, or pass
off another entity; a live key refuses plain HTTP."""

import asyncio
import datetime
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import checkout_kit as ck

HUGE = 64 * 1024 * 1024
LIMIT = 1024 * 1024
ORDER = json.dumps({"id": "order_target", "entity": "order", "amount": 100, "currency": "INR", "status": "created", "created_at": 1}).encode()


class Hostile(BaseHTTPRequestHandler):
    target_hits = 0

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = self.path
        try:
            if path.startswith("/v1/payments/pay_streamed"):
                self.send_response(500 if path.endswith("error") else 200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                chunk = b"x" * 65536
                for _ in range(HUGE // len(chunk)):
                    self.wfile.write(chunk)
            elif path == "/v1/payments/pay_long_description":
                body = json.dumps({"error": {"code": "BAD_REQUEST_ERROR", "description": "d" * 512 * 1024}}).encode()
                self.send_response(400)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            elif path == "/v1/payments/pay_redirect":
                self.send_response(302)
                self.send_header("Location", "/v1/orders/order_target")
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif path in ("/v1/orders/order_target", "/v1/payments/pay_is_an_order"):
                if path.startswith("/v1/orders"):
                    Hostile.target_hits += 1
                self.send_response(200)
                self.send_header("Content-Length", str(len(ORDER)))
                self.end_headers()
                self.wfile.write(ORDER)
            else:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client hung up at its limit: what the test wants


@pytest.fixture(scope="module")
def hostile_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def client(url):
    options = ck.ClientOptions(base_url=url, max_retries=0, max_response_bytes=LIMIT, request_timeout=datetime.timedelta(seconds=20))
    return ck.RazorpayClient("rzp_test_hostile000001", "secret", options)


def test_huge_bodies_stop_at_the_limit(hostile_url):
    c = client(hostile_url)
    for payment_id, status in (("pay_streamed", 200), ("pay_streamed_error", 500)):
        with pytest.raises(ck.ClientError.ResponseTooLarge) as info:
            asyncio.run(c.payments().fetch(payment_id))
        assert info.value.code() == "RESPONSE_TOO_LARGE"
        assert (info.value.status, info.value.limit_bytes) == (status, LIMIT)


def test_long_description_under_the_limit_is_kept(hostile_url):
    # uniffi builds Python's exception text from every field, so the text carries the body too;
    # max_response_bytes is what bounds it.
    with pytest.raises(ck.ClientError.BadRequest) as info:
        asyncio.run(client(hostile_url).payments().fetch("pay_long_description"))
    assert info.value.code() == "BAD_REQUEST"
    assert len(info.value.error.description) == 512 * 1024


def test_no_redirects_and_no_other_entity(hostile_url):
    with pytest.raises(ck.ClientError.UnexpectedResponse) as info:
        asyncio.run(client(hostile_url).payments().fetch("pay_redirect"))
    assert info.value.status == 302
    assert Hostile.target_hits == 0
    with pytest.raises(ck.ClientError.UnexpectedResponse) as info:
        asyncio.run(client(hostile_url).payments().fetch("pay_is_an_order"))
    assert '"order"' in info.value.reason


def test_live_keys_refuse_plain_http(hostile_url):
    with pytest.raises(ck.ClientError.InvalidConfig) as info:
        ck.RazorpayClient("rzp_live_hostile000001", "live-secret", ck.ClientOptions(base_url=hostile_url))
    assert "https" in info.value.reason and "live-secret" not in str(info.value)
    assert ck.RazorpayClient("rzp_live_x", "s").mode() == "live"
