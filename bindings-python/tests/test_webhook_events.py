"""WebhookVerifier.construct_event over every webhook sample of ../shared/fixtures/webhooks."""

import datetime
import json

import pytest

import checkout_kit as ck

SECRET = "whsec_test_secret"


def samples(fixtures_dir):
    files = sorted((fixtures_dir / "webhooks").glob("*.json"))
    assert len(files) >= 60
    return files


def test_every_sample_verifies_and_parses(fixtures_dir):
    verifier = ck.WebhookVerifier([SECRET])
    for path in samples(fixtures_dir):
        body = path.read_bytes()
        raw = json.loads(body)
        event = verifier.construct_event(body, ck.sign_webhook(body, SECRET))
        assert event.event == raw["event"], path.name
        assert event.contains == raw.get("contains", []), path.name
        assert event.json.encode("utf-8") == body, path.name
        payload = raw.get("payload", {})
        for name, record in (("payment", event.payment), ("order", event.order), ("refund", event.refund)):
            if name in payload:
                entity = payload[name]["entity"]
                assert record is not None, (path.name, name)
                assert (record.id, record.amount, record.currency) == (entity["id"], entity["amount"], entity["currency"])
                # Nothing is lost: every field is a typed attribute or kept in `extra` (JSON text).
                known = {k for k, v in vars(record).items() if v is not None} | set(json.loads(record.extra))
                assert set(k for k, v in entity.items() if v is not None) <= known, (path.name, name)
            else:
                assert record is None, (path.name, name)


def test_payment_captured_fields(fixtures_dir):
    body = (fixtures_dir / "webhooks" / "payment.captured.json").read_bytes()
    event = ck.parse_unverified_webhook_event(body)
    raw = json.loads(body)["payload"]["payment"]["entity"]
    p = event.payment
    assert (p.status, p.order_id, p.method, p.captured) == (ck.PaymentStatus.CAPTURED(), raw["order_id"], raw["method"], True)


def test_statuses_print_compare_and_hash_as_razorpay_writes_them(fixtures_dir):
    body = (fixtures_dir / "webhooks" / "payment.captured.json").read_bytes()
    status = ck.parse_unverified_webhook_event(body).payment.status
    assert str(status) == "captured" and f"{status}" == "captured"
    assert status == ck.PaymentStatus.CAPTURED() and status != ck.PaymentStatus.FAILED()
    assert {status, ck.PaymentStatus.CAPTURED(), ck.PaymentStatus.FAILED()} == {ck.PaymentStatus.CAPTURED(), ck.PaymentStatus.FAILED()}
    newer = ck.PaymentStatus.UNKNOWN("on_hold")
    assert str(newer) == "on_hold" and newer == ck.PaymentStatus.UNKNOWN("on_hold")
    assert hash(newer) == hash(ck.PaymentStatus.UNKNOWN("on_hold"))


def test_created_at_is_a_utc_datetime(fixtures_dir):
    body = (fixtures_dir / "webhooks" / "payment.captured.json").read_bytes()
    raw = json.loads(body)
    event = ck.parse_unverified_webhook_event(body)
    assert isinstance(event.created_at, datetime.datetime)
    assert event.created_at == datetime.datetime.fromtimestamp(raw["created_at"], tz=datetime.timezone.utc)
    assert event.created_at.timestamp() == raw["created_at"]
    entity = raw["payload"]["payment"]["entity"]
    assert event.payment.created_at.timestamp() == entity["created_at"]


def test_forged_bodies_are_never_parsed():
    verifier = ck.WebhookVerifier([SECRET])
    with pytest.raises(ck.WebhookError.Signature) as info:
        verifier.construct_event(b"{not even json", "0" * 64)
    assert info.value.code() == "SIGNATURE_MISMATCH"
    body = b"[1, 2, 3]"
    with pytest.raises(ck.WebhookError.InvalidPayload) as info:
        verifier.construct_event(body, ck.sign_webhook(body, SECRET))
    assert info.value.code() == "WEBHOOK_INVALID_PAYLOAD"
