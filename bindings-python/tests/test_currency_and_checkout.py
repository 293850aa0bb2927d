"""Currency table and formatting, and the app-side checkout options / result helpers."""

import json

import pytest

import checkout_kit as ck


def test_formatting_minor_units():
    assert ck.format_minor_units(123450, "INR") == "₹1,234.50"
    assert ck.format_minor_units(1235, "JPY") == "¥1,235"
    assert ck.format_minor_units(1235, "KWD") == "KD 1.235"
    assert ck.format_minor_units(123456789, "INR") == "₹12,34,567.89"
    assert ck.format_minor_units(-500, "INR") == "-₹5.00"
    # Every i64 formats, without a crash.
    assert ck.format_minor_units(-(2**63), "INR").startswith("-₹")


def test_currency_table():
    table = ck.list_currencies()
    codes = {c.code for c in table}
    assert {"INR", "USD", "JPY", "KWD"} <= codes
    inr = ck.get_currency("INR")
    assert (inr.exponent, inr.min_amount, inr.amount_step, inr.grouping) == (2, 100, 1, ck.Grouping.INDIAN)
    kwd = ck.get_currency("KWD")
    assert (kwd.exponent, kwd.amount_step) == (3, 10)
    assert ck.get_currency("XYZ") is None


def test_check_amount():
    ck.check_amount("INR", 100)
    with pytest.raises(ck.CurrencyError.BelowMinimum) as info:
        ck.check_amount("INR", 99)
    assert (info.value.code(), info.value.min_amount) == ("AMOUNT_BELOW_MINIMUM", 100)
    with pytest.raises(ck.CurrencyError.NotInStep) as info:
        ck.check_amount("KWD", 1005)
    assert (info.value.code(), info.value.amount_step) == ("AMOUNT_NOT_IN_STEP", 10)
    with pytest.raises(ck.CurrencyError.Unsupported) as info:
        ck.check_amount("XYZ", 100)
    assert (info.value.code(), info.value.currency) == ("CURRENCY_UNSUPPORTED", "XYZ")
    with pytest.raises(ValueError):  # out of i64 range: refused before Rust
        ck.check_amount("INR", 2**63)


def options(**overrides):
    base = dict(
        key_id="rzp_test_1DP5mmOlF5G5ag",
        order_id="order_9A33XWu170gUtm",
        amount=50000,
        currency="INR",
        name="Acme Shop",
        description="Order #1001",
        prefill=ck.CheckoutPrefill(email="gaurav.kumar@example.com", contact="+919000090000"),
        notes={"shop_order": "1001"},
        theme_color="#3399CC",
    )
    base.update(overrides)
    return ck.CheckoutOptions(**base)


def test_checkout_options_json():
    data = json.loads(ck.checkout_options_json(options()))
    assert data == {
        "key": "rzp_test_1DP5mmOlF5G5ag",
        "amount": 50000,
        "currency": "INR",
        "name": "Acme Shop",
        "description": "Order #1001",
        "order_id": "order_9A33XWu170gUtm",
        "prefill": {"email": "gaurav.kumar@example.com", "contact": "+919000090000"},
        "notes": {"shop_order": "1001"},
        "theme": {"color": "#3399CC"},
    }
    # Defaults: only the required fields.
    minimal = ck.CheckoutOptions(key_id="rzp_live_abc", order_id="order_abc", amount=100, currency="INR", name="S")
    assert set(json.loads(ck.checkout_options_json(minimal))) == {"key", "amount", "currency", "name", "order_id"}


@pytest.mark.parametrize(
    "overrides,field",
    [
        ({"key_id": "my_key_secret"}, "key"),
        ({"order_id": "pay_abc"}, "order_id"),
        ({"amount": 0}, "amount"),
        ({"amount": 99}, "amount"),
        ({"currency": "ABC"}, "currency"),
        ({"name": ""}, "name"),
        ({"theme_color": "red"}, "theme.color"),
        ({"notes": {f"k{i}": "v" for i in range(16)}}, "notes"),
    ],
)
def test_checkout_options_rejections(overrides, field):
    with pytest.raises(ck.CheckoutOptionsError.InvalidOption) as info:
        ck.checkout_options_json(options(**overrides))
    assert (info.value.code(), info.value.field) == ("CHECKOUT_OPTION_INVALID", field)


def test_checkout_result_success_and_callback_body():
    sig = ck.sign_payment("order_9A33XWu170gUtm", "pay_29QQoUBi66xm2f", "key_secret")
    payload = json.dumps(
        {"razorpay_payment_id": "pay_29QQoUBi66xm2f", "razorpay_order_id": "order_9A33XWu170gUtm", "razorpay_signature": sig}
    )
    result = ck.parse_checkout_result(payload)
    assert result.is_success()
    payment = result.payment
    assert (payment.payment_id, payment.order_id, payment.signature) == ("pay_29QQoUBi66xm2f", "order_9A33XWu170gUtm", sig)
    # The backend verifies what the app posts.
    body = json.loads(ck.checkout_callback_json(payment))
    ck.verify_payment_signature(body["razorpay_order_id"], body["razorpay_payment_id"], body["razorpay_signature"], "key_secret")


def test_checkout_result_failure_keeps_razorpay_error_body():
    payload = json.dumps(
        {
            "error": {
                "code": "BAD_REQUEST_ERROR",
                "description": "Authentication failed due to incorrect otp",
                "field": None,
                "source": "customer",
                "step": "payment_authentication",
                "reason": "invalid_otp",
                "metadata": {"payment_id": "pay_EDNBKIP31Y4jl8", "order_id": "order_DBJKIP31Y4jl8"},
            }
        }
    )
    result = ck.parse_checkout_result(payload)
    assert result.is_failure()
    e = result.error
    assert (e.code, e.source, e.step, e.reason, e.field) == (
        "BAD_REQUEST_ERROR",
        "customer",
        "payment_authentication",
        "invalid_otp",
        None,
    )
    assert (e.payment_id, e.order_id) == ("pay_EDNBKIP31Y4jl8", "order_DBJKIP31Y4jl8")
    assert e.metadata == {"payment_id": "pay_EDNBKIP31Y4jl8", "order_id": "order_DBJKIP31Y4jl8"}


@pytest.mark.parametrize("payload", ["", "Payment Cancelled", "[]", "{}", '{"razorpay_payment_id":"pay_1"}'])
def test_checkout_result_rejects_garbage(payload):
    with pytest.raises(ck.CheckoutOptionsError.InvalidPayload) as info:
        ck.parse_checkout_result(payload)
    assert info.value.code() == "CHECKOUT_PAYLOAD_INVALID"
