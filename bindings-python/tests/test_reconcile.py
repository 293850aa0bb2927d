"""Reconciliation over its JSON state: the rules (duplicates, order independence, no going
backwards, refunds counted once, anomalies), and an end-to-end run where the sandbox delivers
signed webhooks (duplicated and shuffled) to a Python receiver."""

import asyncio
import datetime
import http.server
import itertools
import json
import threading

import pytest

import checkout_kit as ck
from conftest import start_sandbox, stop_sandbox

ORDER = "order_DESlLckIVRkHWj"


def event(name, payment_id="pay_A", amount=50000, status=None, order=ORDER, refund=None):
    payment = {
        "id": payment_id,
        "entity": "payment",
        "amount": amount,
        "currency": "INR",
        "status": status or name.split(".")[1],
        "order_id": order,
        "captured": name == "payment.captured",
        "notes": [],
    }
    body = {"entity": "event", "account_id": "acc_1", "event": name, "contains": ["payment"], "payload": {"payment": {"entity": payment}}, "created_at": 1700000000}
    if refund:
        rid, ramount, rstatus = refund
        body["contains"] = ["refund", "payment"]
        body["payload"]["refund"] = {"entity": {"id": rid, "entity": "refund", "amount": ramount, "currency": "INR", "payment_id": payment_id, "status": rstatus}}
    return json.dumps(body).encode()


KEY_SECRET = "key_secret"
VERIFIER = ck.WebhookVerifier(["whsec"])


def webhook(event_id, body):
    """An input: the body verified by construct_event, then applied (the only way in)."""
    verified = VERIFIER.construct_event(body, ck.sign_webhook(body, "whsec"))
    return lambda state: ck.apply_webhook(state, event_id, verified)


def callback(payment_id="pay_A"):
    signature = ck.sign_payment(ORDER, payment_id, KEY_SECRET)
    return lambda state: ck.apply_callback(state, ORDER, payment_id, signature, KEY_SECRET)


def run(inputs, state=None):
    state = state or ck.create_payment_state(ORDER, 50000, "INR")
    effects = []
    outcome = None
    for i in inputs:
        outcome = i(state)
        state = outcome.state_json
        effects.extend(outcome.effects)
    return outcome, effects


def test_new_state_is_awaiting_payment():
    state = json.loads(ck.create_payment_state(ORDER, 50000, "INR"))
    assert (state["razorpayOrderId"], state["amount"], state["currency"], state["status"]) == (ORDER, 50000, "INR", "AWAITING_PAYMENT")
    options = ck.PaymentStateOptions(capture_mode=ck.CaptureMode.MANUAL, partial_payment=True)
    custom = json.loads(ck.create_payment_state(ORDER, 50000, "INR", options))
    assert (custom["captureMode"], custom["partialPayment"]) == ("manual", True)
    with pytest.raises(ck.ReconcileError.InvalidState) as info:
        ck.create_payment_state(ORDER, 0, "INR")
    assert info.value.code == "RECONCILE_INVALID_STATE"


def test_callback_then_webhooks_with_duplicates():
    outcome, effects = run([callback()])
    assert outcome.status == ck.PaymentOrderStatus.AUTHORIZED and effects == []
    captured = webhook("evt_cap", event("payment.captured"))
    outcome, effects = run([captured], outcome.state_json)
    assert (outcome.status, outcome.amount_paid) == (ck.PaymentOrderStatus.PAID, 50000)
    assert effects == [
        ck.Effect.MARK_ORDER_PAID(razorpay_order_id=ORDER, amount=50000, currency="INR"),
        ck.Effect.NOTIFY_CUSTOMER(notification=ck.Notification.PAYMENT_RECEIVED()),
    ]
    again = captured(outcome.state_json)
    assert again.duplicate and not again.changed and again.effects == []
    assert again.state_json == outcome.state_json


def test_any_order_any_repetition_gives_the_same_state_and_effects_once():
    inputs = [
        webhook("evt_fail", event("payment.failed", payment_id="pay_F", status="failed")),
        webhook("evt_auth", event("payment.authorized")),
        webhook("evt_cap", event("payment.captured")),
        webhook("evt_r1", event("refund.processed", status="captured", refund=("rfnd_1", 10000, "processed"))),
        callback(),
    ]
    results = set()
    for perm in itertools.permutations(inputs):
        outcome, effects = run(list(perm) + [perm[0], perm[2]])  # with redeliveries
        kinds = sorted(type(e).__name__ for e in effects)
        results.add((outcome.state_json, outcome.status, tuple(kinds)))
    assert len(results) == 1, "the final state depends only on the set of inputs"
    (state_json, status, kinds), = results
    assert status == ck.PaymentOrderStatus.PARTIALLY_REFUNDED
    assert json.loads(state_json)["amountRefunded"] == 10000
    assert kinds.count("Effect.MARK_ORDER_PAID") == 1
    assert kinds.count("Effect.NOTIFY_CUSTOMER") == 2  # payment received, refund processed


def test_captured_never_goes_backwards_and_refunds_count_once():
    outcome, _ = run([webhook("evt_cap", event("payment.captured")), webhook("evt_late_fail", event("payment.failed", status="failed"))])
    assert outcome.status == ck.PaymentOrderStatus.PAID
    refund = event("refund.processed", status="captured", refund=("rfnd_1", 50000, "processed"))
    outcome, effects = run([webhook("evt_r", refund), webhook("evt_r_again_other_id", refund)], outcome.state_json)
    assert (outcome.status, outcome.amount_refunded) == (ck.PaymentOrderStatus.REFUNDED, 50000)
    assert [e.notification.refund_id for e in effects if e.is_notify_customer()] == ["rfnd_1"]


def test_anomalies_are_flagged_not_silent():
    outcome, effects = run([webhook("evt_x", event("payment.captured", amount=40000))])
    assert outcome.status != ck.PaymentOrderStatus.PAID
    flags = [e for e in effects if e.is_flag_for_review()]
    assert [f.anomaly for f in flags] == [ck.Anomaly.PAYMENT_AMOUNT_MISMATCH(payment_id="pay_A", amount=40000)]
    outcome, effects = run([webhook("evt_y", event("payment.captured", order="order_Other00000000"))])
    assert [type(e.anomaly).__name__ for e in effects if e.is_flag_for_review()] == ["Anomaly.PAYMENT_FOR_OTHER_ORDER"]


def test_abandoned_releases_stock_once_and_manual_capture():
    at = datetime.datetime.fromtimestamp(1700000000, tz=datetime.timezone.utc)
    outcome, effects = run([lambda state: ck.apply_abandoned(state, at)] * 2)
    assert effects == [ck.Effect.RELEASE_RESERVED_STOCK(razorpay_order_id=ORDER)]
    manual = ck.create_payment_state(ORDER, 50000, "INR", ck.PaymentStateOptions(capture_mode=ck.CaptureMode.MANUAL))
    outcome, effects = run([webhook("evt_auth", event("payment.authorized"))], manual)
    assert effects == [ck.Effect.CAPTURE_PAYMENT(payment_id="pay_A", amount=50000, currency="INR")]


def test_json_door_and_errors():
    state = ck.create_payment_state(ORDER, 50000, "INR")
    out = json.loads(ck.apply_payment_event_json(state, json.dumps({"type": "callback", "razorpayOrderId": ORDER, "razorpayPaymentId": "pay_A"})))
    assert out["state"]["status"] == "AUTHORIZED" and out["changed"] is True
    with pytest.raises(ck.ReconcileError.InvalidJson) as info:
        ck.apply_payment_event_json(state, "{")
    assert info.value.code == "RECONCILE_INVALID_JSON"
    with pytest.raises(ck.ReconcileError.InvalidInput) as info:
        webhook("", event("payment.captured"))(state)
    assert info.value.code == "RECONCILE_INVALID_INPUT"
    with pytest.raises(ck.ReconcileError.InvalidJson):
        ck.apply_fetched_payment("not json", ck.parse_unverified_webhook_event(event("payment.captured")).payment)
    with pytest.raises(ck.ReconcileError.Unverified) as info:
        ck.apply_callback(state, ORDER, "pay_A", "0" * 64, KEY_SECRET)
    assert info.value.code == "SIGNATURE_MISMATCH"


class Receiver(http.server.ThreadingHTTPServer):
    """A shop's webhook endpoint: verify the raw body, then apply it to the stored state."""

    def __init__(self, verifier):
        super().__init__(("127.0.0.1", 0), Handler)
        self.verifier = verifier
        self.lock = threading.Lock()
        self.states = {}  # razorpay order id -> state JSON
        self.effects = []
        self.rejected = 0


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        try:
            event = self.server.verifier.construct_event(body, self.headers.get("X-Razorpay-Signature", ""))
        except ck.WebhookError:
            self.server.rejected += 1
            self.send_response(400)
            self.end_headers()
            return
        order_id = (event.payment.order_id if event.payment else None) or (event.order.id if event.order else None)
        with self.server.lock:
            state = self.server.states.get(order_id)
            if state is not None:
                outcome = ck.apply_webhook(state, self.headers["X-Razorpay-Event-Id"], event)
                self.server.states[order_id] = outcome.state_json
                self.server.effects.extend(outcome.effects)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_end_to_end_webhooks_from_the_sandbox():
    proc, sandbox = start_sandbox()
    receiver = Receiver(ck.WebhookVerifier([sandbox.webhook_secret]))
    thread = threading.Thread(target=receiver.serve_forever, daemon=True)
    thread.start()
    try:
        sandbox.control("/webhooks", {"url": f"http://127.0.0.1:{receiver.server_address[1]}/webhooks/razorpay"})
        sandbox.control("/webhooks/faults", {"duplicate_rate": 1.0, "shuffle_window_ms": 200})
        client = ck.RazorpayClient(sandbox.key_id, sandbox.key_secret, ck.ClientOptions(base_url=sandbox.url))

        async def flow():
            order = await client.orders().create(ck.CreateOrder(amount=50000, currency="INR"))
            with receiver.lock:
                receiver.states[order.id] = ck.create_payment_state(order.id, order.amount, order.currency)
            # A failed attempt, then a successful one, then a partial and a full refund.
            status, _ = sandbox.checkout(order_id=order.id, outcome="failure")
            assert status == 400
            _, payload = sandbox.checkout(order_id=order.id)
            payment_id = ck.parse_checkout_result(payload).payment.payment_id
            await client.payments().refund(payment_id, ck.CreateRefund(amount=20000))
            await client.payments().refund(payment_id, ck.CreateRefund())
            return order, payment_id

        order, payment_id = asyncio.run(flow())
        assert sandbox.control(f"/webhooks/idle?timeout_ms=30000", method="GET")["idle"] is True
        with receiver.lock:
            state = json.loads(receiver.states[order.id])
            effects = list(receiver.effects)
        assert receiver.rejected == 0
        # Built from the (duplicated, shuffled) webhooks alone, it matches what the API says.
        api_payment = asyncio.run(client.payments().fetch(payment_id))
        assert (api_payment.status, api_payment.amount_refunded) == (ck.PaymentStatus.REFUNDED(), 50000)
        assert (state["status"], state["amountPaid"], state["amountRefunded"]) == ("REFUNDED", 50000, 50000)
        assert sum(1 for e in effects if e.is_mark_order_paid()) == 1
        assert sum(1 for e in effects if e.is_notify_customer() and e.notification.is_refund_processed()) == 2
    finally:
        receiver.shutdown()
        stop_sandbox(proc)
