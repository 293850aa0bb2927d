"""Every vector of ../shared/fixtures/signature_vectors.json through the Python binding."""

import pytest

import checkout_kit as ck

KINDS = {"webhook", "payment(order)", "subscription", "payment_link", "raw_hmac"}


def message_bytes(vector, fixtures_dir) -> bytes:
    if "message_file" in vector:
        return (fixtures_dir / vector["message_file"]).read_bytes()
    return vector["message"].encode("utf-8")


def verify(vector, body: bytes):
    """Calls the binding's verifier for the vector's kind; raises SignatureError on rejection."""
    kind, sig, secret = vector["kind"], vector["expected_signature_hex"], vector["secret"]
    parts = body.decode("utf-8").split("|")
    if kind == "webhook":
        ck.verify_webhook_signature(body, sig, secret)
        ck.WebhookVerifier([secret]).verify(body, sig)
    elif kind == "payment(order)":
        order_id, payment_id = parts
        ck.verify_payment_signature(order_id, payment_id, sig, secret)
    elif kind == "subscription":
        payment_id, subscription_id = parts  # Razorpay signs payment_id|subscription_id
        ck.verify_subscription_signature(subscription_id, payment_id, sig, secret)
    elif kind == "payment_link":
        plink_id, reference_id, status, payment_id = parts
        ck.verify_payment_link_signature(plink_id, reference_id, status, payment_id, sig, secret)
    elif kind == "raw_hmac":
        if ck.hmac_sha256_hex(secret, body) != sig:
            raise ck.SignatureError.Mismatch()
    else:
        raise AssertionError(f"unknown vector kind {kind}")


def test_the_fixture_has_every_kind(signature_vectors):
    assert len(signature_vectors) >= 17
    assert {v["kind"] for v in signature_vectors} == KINDS


def test_every_vector(signature_vectors, fixtures_dir):
    checked = 0
    for i, vector in enumerate(signature_vectors):
        body = message_bytes(vector, fixtures_dir)
        if vector["valid"]:
            verify(vector, body)
            # The signers produce exactly the expected signature.
            assert ck.hmac_sha256_hex(vector["secret"], body) == vector["expected_signature_hex"], i
        else:
            with pytest.raises(ck.SignatureError) as info:
                verify(vector, body)
            assert info.value.code() in {"SIGNATURE_MALFORMED", "SIGNATURE_MISMATCH"}, i
        checked += 1
    assert checked == len(signature_vectors)


def test_signers_match_the_vectors(signature_vectors):
    order = next(v for v in signature_vectors if v["kind"] == "payment(order)" and v["valid"])
    order_id, payment_id = order["message"].split("|")
    assert ck.sign_payment(order_id, payment_id, order["secret"]) == order["expected_signature_hex"]
    sub = next(v for v in signature_vectors if v["kind"] == "subscription")
    payment_id, subscription_id = sub["message"].split("|")
    assert ck.sign_subscription(subscription_id, payment_id, sub["secret"]) == sub["expected_signature_hex"]
    link = next(v for v in signature_vectors if v["kind"] == "payment_link")
    assert ck.sign_payment_link(*link["message"].split("|"), link["secret"]) == link["expected_signature_hex"]
    hook = next(v for v in signature_vectors if v["kind"] == "webhook" and "message" in v and v["valid"])
    assert ck.sign_webhook(hook["message"].encode(), hook["secret"]) == hook["expected_signature_hex"]


def test_error_variants_carry_codes_and_details():
    with pytest.raises(ck.SignatureError.MissingInput) as info:
        ck.verify_payment_signature("", "pay_1", "0" * 64, "secret")
    assert (info.value.code(), info.value.field) == ("SIGNATURE_MISSING_INPUT", "order_id")
    with pytest.raises(ck.SignatureError.Malformed) as info:
        ck.verify_payment_signature("order_1", "pay_1", "xyz", "secret")
    assert (info.value.code(), info.value.len) == ("SIGNATURE_MALFORMED", 3)
    sig = ck.sign_payment("order_1", "pay_1", "secret")
    ck.verify_payment_signature("order_1", "pay_1", sig.upper(), "secret")  # upper-case hex is fine
    with pytest.raises(ck.SignatureError.Mismatch) as info:
        ck.verify_payment_signature("order_2", "pay_1", sig, "secret")
    assert info.value.code() == "SIGNATURE_MISMATCH"


def test_invoice_signature_round_trip():
    sig = ck.sign_invoice("inv_1", "rcpt_1", "paid", "pay_1", "secret")
    ck.verify_invoice_signature("inv_1", "rcpt_1", "paid", "pay_1", sig, "secret")
    with pytest.raises(ck.SignatureError.Mismatch):
        ck.verify_invoice_signature("inv_1", "rcpt_1", "issued", "pay_1", sig, "secret")


def test_webhook_verifier_rotation_and_raw_bytes():
    body = '{"entity":"event","note":"₹ café"}'.encode("utf-8")
    verifier = ck.WebhookVerifier(["new_secret", "old_secret"])
    assert verifier.secret_count() == 2
    verifier.verify(body, ck.sign_webhook(body, "old_secret"))
    with pytest.raises(ck.WebhookError.Signature) as info:
        verifier.verify(body + b"\n", ck.sign_webhook(body, "old_secret"))
    assert info.value.code() == "SIGNATURE_MISMATCH"
    with pytest.raises(ck.WebhookError.NoSecret) as info:
        ck.WebhookVerifier([])
    assert info.value.code() == "WEBHOOK_NO_SECRET"
    with pytest.raises(ck.WebhookError.NoSecret):
        ck.WebhookVerifier(["ok", ""])


def test_wrong_argument_types_raise_not_crash():
    with pytest.raises(TypeError):
        ck.verify_payment_signature(None, "pay_1", "sig", "secret")
    with pytest.raises(TypeError):
        ck.verify_webhook_signature(None, "sig", "secret")
    with pytest.raises(TypeError):
        ck.WebhookVerifier(["secret"]).verify(12345, "sig")


def test_a_str_body_is_its_utf8_bytes():
    """Like the official package, a body may be the decoded text: it is hashed as its UTF-8
    bytes, so it verifies exactly when those bytes would (and a string that has no UTF-8 form
    is an error, never a guess)."""
    text = '{"entity":"event","note":"₹ café"}'
    sig = ck.sign_webhook(text.encode("utf-8"), "secret")
    assert ck.sign_webhook(text, "secret") == sig
    assert ck.hmac_sha256_hex("secret", text) == ck.hmac_sha256_hex("secret", text.encode("utf-8"))
    ck.verify_webhook_signature(text, sig, "secret")
    ck.WebhookVerifier(["secret"]).verify(text, sig)
    with pytest.raises(ck.WebhookError.Signature):
        ck.WebhookVerifier(["secret"]).verify(text + " ", sig)
    with pytest.raises(UnicodeEncodeError):
        ck.verify_webhook_signature("\ud800", sig, "secret")
