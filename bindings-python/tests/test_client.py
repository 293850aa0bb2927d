"""The async RazorpayClient against the razorpay-sandbox binary: create an order, pay it through
the simulated checkout, verify the callback signature, capture state, refund; and the error
classes with Razorpay's error body kept."""

import asyncio
import datetime
import json
import socket

import pytest

import checkout_kit as ck


def client_for(sandbox, **options):
    return ck.RazorpayClient(sandbox.key_id, sandbox.key_secret, ck.ClientOptions(base_url=sandbox.url, **options))


def test_full_checkout_then_refunds(sandbox):
    client = client_for(sandbox)
    assert client.mode() == "test"

    async def flow():
        order = await client.orders().create(ck.CreateOrder(amount=50000, currency="INR", receipt="cart_42", notes={"user": "u_7"}))
        assert order.id.startswith("order_") and order.status == ck.OrderStatus.CREATED()
        assert (order.amount, order.currency, order.receipt, order.notes) == (50000, "INR", "cart_42", {"user": "u_7"})

        # The app's side: options for Checkout, then what Checkout hands back.
        options = json.loads(
            ck.checkout_options_json(
                ck.CheckoutOptions(key_id=client.key_id(), order_id=order.id, amount=order.amount, currency=order.currency, name="Acme")
            )
        )
        assert options["order_id"] == order.id
        status, payload = sandbox.checkout(order_id=order.id, key_id=options["key"], method="upi")
        assert status == 200
        result = ck.parse_checkout_result(payload)
        assert result.is_success()
        paid = result.payment

        # The server's side: verify the callback with the key secret, then look it up.
        ck.verify_payment_signature(paid.order_id, paid.payment_id, paid.signature, sandbox.key_secret)
        with pytest.raises(ck.SignatureError.Mismatch):
            ck.verify_payment_signature(paid.order_id, paid.payment_id, paid.signature, "another_secret")
        payment = await client.payments().fetch(paid.payment_id)
        assert (payment.status, payment.amount, payment.order_id, payment.method, payment.captured) == (
            ck.PaymentStatus.CAPTURED(),
            50000,
            order.id,
            "upi",
            True,
        )
        order = await client.orders().fetch(order.id)
        assert (order.status, order.amount_paid, order.amount_due) == (ck.OrderStatus.PAID(), 50000, 0)
        assert [p.id for p in await client.orders().payments(order.id)] == [payment.id]

        # The browser never called back and no webhook came: resolve by fetching.
        state = ck.create_payment_state(order.id, order.amount, order.currency)
        fetched = ck.apply_fetched_payment(state, payment)
        assert fetched.status == ck.PaymentOrderStatus.PAID
        assert fetched.effects[0] == ck.Effect.MARK_ORDER_PAID(razorpay_order_id=order.id, amount=50000, currency="INR")
        both = ck.apply_fetched_order(fetched.state_json, order)
        assert both.status == ck.PaymentOrderStatus.PAID and both.effects == []

        partial = await client.payments().refund(payment.id, ck.CreateRefund(amount=10000, idempotency_key="refund-cart-42-a"))
        assert (partial.amount, partial.payment_id) == (10000, payment.id)
        again = await client.payments().refund(payment.id, ck.CreateRefund(amount=10000, idempotency_key="refund-cart-42-a"))
        assert again.id == partial.id, "the idempotency key makes a repeat the same refund"
        rest = await client.refunds().create(payment.id, ck.CreateRefund(speed=ck.RefundSpeed.NORMAL))
        assert rest.amount == 40000
        assert (await client.refunds().fetch(partial.id)).id == partial.id
        assert {r.id for r in await client.payments().refunds(payment.id)} == {partial.id, rest.id}
        payment = await client.payments().fetch(payment.id)
        assert (payment.status, payment.amount_refunded) == (ck.PaymentStatus.REFUNDED(), 50000)

        # Listing and editing.
        edited = await client.orders().edit(order.id, {"user": "u_7", "stage": "refunded"})
        assert edited.notes == {"user": "u_7", "stage": "refunded"}
        listed = await client.orders().list(ck.ListOrders(receipt="cart_42"))
        assert order.id in [o.id for o in listed]
        assert payment.id in [p.id for p in await client.payments().list(ck.ListPayments(count=100))]
        # `created_at` and the list window are `datetime`s.
        soon = order.created_at + datetime.timedelta(seconds=5)
        assert order.id in [o.id for o in await client.orders().list(ck.ListOrders(since=order.created_at, until=soon))]
        yesterday = order.created_at - datetime.timedelta(days=1)
        assert await client.orders().list(ck.ListOrders(until=yesterday)) == []

    asyncio.run(flow())


def test_failed_checkout_payload_keeps_razorpay_error(sandbox):
    client = client_for(sandbox)

    async def flow():
        order = await client.orders().create(ck.CreateOrder(amount=25000, currency="INR"))
        status, payload = sandbox.checkout(
            order_id=order.id, outcome="failure", error={"code": "BAD_REQUEST_ERROR", "reason": "payment_cancelled"}
        )
        assert status == 400
        result = ck.parse_checkout_result(payload)
        assert result.is_failure()
        assert (result.error.code, result.error.reason, result.error.order_id) == ("BAD_REQUEST_ERROR", "payment_cancelled", order.id)
        assert result.error.payment_id.startswith("pay_")
        failed = await client.payments().fetch(result.error.payment_id)
        assert (failed.status, failed.error_reason) == (ck.PaymentStatus.FAILED(), "payment_cancelled")
        assert (await client.orders().fetch(order.id)).status == ck.OrderStatus.ATTEMPTED()

    asyncio.run(flow())


def test_error_classes_keep_status_and_body(sandbox):
    client = client_for(sandbox)

    async def flow():
        # Checked before sending.
        with pytest.raises(ck.ClientError.InvalidRequest) as info:
            await client.orders().create(ck.CreateOrder(amount=50, currency="INR"))
        assert (info.value.code(), info.value.field()) == ("AMOUNT_BELOW_MINIMUM", "amount")
        # The variant holds razorpay-core's ValidationError itself.
        assert isinstance(info.value[0], ck.ValidationError.AmountBelowMinimum) and info.value[0].min_amount == 100
        with pytest.raises(ck.ClientError.InvalidRequest) as info:
            await client.orders().create(ck.CreateOrder(amount=5000, currency="INR", receipt="r" * 41))
        assert info.value.field() == "receipt" and info.value[0].length == 41

        # Razorpay's answers, body kept.
        with pytest.raises(ck.ClientError.NotFound) as info:
            await client.orders().fetch("order_DoesNotExist00")
        assert info.value.code() == "NOT_FOUND"
        assert info.value.error.code == "BAD_REQUEST_ERROR"
        assert info.value.error.description.startswith("The id provided does not exist")

        order = await client.orders().create(ck.CreateOrder(amount=10000, currency="INR"))
        _, payload = sandbox.checkout(order_id=order.id)
        payment_id = ck.parse_checkout_result(payload).payment.payment_id
        with pytest.raises(ck.ClientError.BadRequest) as info:
            await client.payments().refund(payment_id, ck.CreateRefund(amount=20000))
        assert (info.value.code(), info.value.status) == ("BAD_REQUEST", 400)
        assert info.value.error.code == "BAD_REQUEST_ERROR" and info.value.error.description
        # The base type reads the same body and status whatever the variant.
        assert info.value.razorpay_error() == info.value.error and info.value.http_status() == 400
        assert isinstance(json.loads(info.value.error.extra), dict)

        wrong = ck.RazorpayClient(sandbox.key_id, "not_the_secret", ck.ClientOptions(base_url=sandbox.url))
        with pytest.raises(ck.ClientError.Authentication) as info:
            await wrong.orders().fetch(order.id)
        assert (info.value.code(), info.value.status) == ("AUTHENTICATION_FAILED", 401)
        assert info.value.error is not None and info.value.error.code == "BAD_REQUEST_ERROR"
        assert "not_the_secret" not in str(info.value) + repr(info.value)

    asyncio.run(flow())


def test_connection_failure_and_bad_config():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again when the block ends: nothing listens there
    client = ck.RazorpayClient(
        "rzp_test_x", "secret", ck.ClientOptions(base_url=f"http://127.0.0.1:{port}", connect_timeout=datetime.timedelta(milliseconds=500), request_timeout=datetime.timedelta(seconds=1), max_retries=0)
    )
    with pytest.raises(ck.ClientError.Connection) as info:
        asyncio.run(client.orders().fetch("order_abc"))
    assert info.value.code() == "CONNECTION_FAILED" and info.value.request_sent is False
    with pytest.raises(ck.ClientError.InvalidConfig) as info:
        ck.RazorpayClient("", "secret")
    assert info.value.code() == "INVALID_CONFIG"


def test_concurrent_calls_share_one_client(sandbox):
    client = client_for(sandbox)

    async def flow():
        orders = await asyncio.gather(
            *(client.orders().create(ck.CreateOrder(amount=10000 + i, currency="INR", receipt=f"c{i}")) for i in range(16))
        )
        assert len({o.id for o in orders}) == 16
        assert sorted(o.amount for o in orders) == [10000 + i for i in range(16)]

    asyncio.run(flow())


def test_generic_request_covers_the_whole_table(sandbox):
    """Every official method is reachable through one generic call, named as in the table."""
    table = json.loads(ck.api_endpoints_json())
    names = {entry["name"] for entry in table}
    assert len(table) == 142 and {"orders.create", "payments.fetchMultipleRefund", "refunds.edit"} <= names
    client = client_for(sandbox)

    async def flow():
        # The official package's call shapes: currency defaults to INR, amount may be a string.
        order = json.loads(await client.request("orders.create", json.dumps({"params": {"amount": 50000, "receipt": "py_1"}})))
        assert (order["entity"], order["amount"], order["currency"]) == ("order", 50000, "INR")
        fetched = json.loads(await client.request("orders.fetch", json.dumps({"order_id": order["id"]})))
        assert fetched["id"] == order["id"]
        with pytest.raises(ck.ClientError.InvalidRequest) as bad:
            await client.request("orders.fetch", json.dumps({"order_id": "../x"}))
        assert bad.value.code() == "ID_INVALID"
        with pytest.raises(ck.ClientError.InvalidRequest) as unknown:
            await client.request("orders.teleport", "{}")
        assert unknown.value.code() == "METHOD_UNKNOWN"

    asyncio.run(flow())
