"""`code()` is on the base type of every error: an `except` on the base class reads it without
knowing the variant, and no variant field shadows it."""

import inspect

import pytest

import checkout_kit as ck

# Every error enum the package raises.
ERRORS = [
    ck.SignatureError,
    ck.WebhookError,
    ck.OnboardingError,
    ck.ClientError,
    ck.ValidationError,
    ck.OAuthError,
    ck.CartError,
    ck.ReconcileError,
    ck.CurrencyError,
    ck.CheckoutOptionsError,
]


def variants(base):
    return [v for v in vars(base).values() if isinstance(v, type) and issubclass(v, base)]


@pytest.mark.parametrize("base", ERRORS, ids=lambda b: b.__name__)
def test_every_variant_has_code_and_no_field_shadows_it(base):
    assert variants(base), base
    for variant in variants(base):
        assert callable(variant.code), variant
        assert "code" not in inspect.signature(variant.__init__).parameters, variant


def test_code_through_the_base_class():
    cases = [
        (lambda: ck.verify_payment_signature("", "pay_1", "0" * 64, "s"), ck.SignatureError, "SIGNATURE_MISSING_INPUT"),
        (lambda: ck.WebhookVerifier([]), ck.WebhookError, "WEBHOOK_NO_SECRET"),
        (lambda: ck.WebhookVerifier(["s"]).verify(b"{}", "0" * 64), ck.WebhookError, "SIGNATURE_MISMATCH"),
        (lambda: ck.generate_onboarding_signature("{}", "short"), ck.OnboardingError, "ONBOARDING_INVALID_SECRET"),
        (lambda: ck.RazorpayClient("", "secret"), ck.ClientError, "INVALID_CONFIG"),
        (lambda: ck.OAuthTokenClient().generate_auth_url("[]"), ck.OAuthError, "OAUTH_INVALID_ARGUMENT"),
        (lambda: ck.validate_cart_json("{", "{}"), ck.CartError, "CART_JSON_INVALID"),
        (lambda: ck.apply_payment_event_json("{", "{}"), ck.ReconcileError, "RECONCILE_INVALID_JSON"),
        (lambda: ck.check_amount("XYZ", 100), ck.CurrencyError, "CURRENCY_UNSUPPORTED"),
        (lambda: ck.parse_checkout_result("{}"), ck.CheckoutOptionsError, "CHECKOUT_PAYLOAD_INVALID"),
    ]
    for call, base, code in cases:
        with pytest.raises(base) as info:
            call()
        assert info.value.code() == code, (base, info.value)
