"""Partner APIs through the Python binding: the onboarding signature (AES-128-GCM, randomised,
as the official ``generateOnboardingSignature``) and the OAuth token client against the
razorpay-sandbox's token endpoints (``/auth/token``, ``/auth/revoke``)."""

import asyncio
import json

import pytest

import checkout_kit as ck

SECRET = "EnLs21M47BllR3X8PSFtjtbd"
CLIENT_ID = "8DXCMTshWSWECc"


def test_onboarding_signature_round_trips_with_a_fresh_nonce():
    payload = json.dumps({"submerchant_id": "acc_M83Uw27KXuC7c8", "timestamp": 1700000000}, separators=(",", ":"))
    first = ck.generate_onboarding_signature(payload, SECRET)
    second = ck.generate_onboarding_signature(payload, SECRET)
    assert first[:24] != second[:24]
    assert ck.decrypt_onboarding_signature(first, SECRET) == payload
    assert len(first) == 2 * (12 + len(payload) + 16)


def test_onboarding_errors_are_typed():
    with pytest.raises(ck.OnboardingError.InvalidSecret):
        ck.generate_onboarding_signature("{}", "short")
    signature = ck.generate_onboarding_signature("{}", SECRET)
    with pytest.raises(ck.OnboardingError.Mismatch) as info:
        ck.decrypt_onboarding_signature(signature, "0123456789abcdef")
    assert info.value.code() == "ONBOARDING_SIGNATURE_MISMATCH"
    with pytest.raises(ck.OnboardingError) as info:
        ck.decrypt_onboarding_signature("not hex", SECRET)
    assert isinstance(info.value, ck.OnboardingError.Malformed) and info.value.len == 7
    assert info.value.code() == "ONBOARDING_SIGNATURE_MALFORMED"


def test_oauth_url_and_validation():
    client = ck.OAuthTokenClient()
    url = client.generate_auth_url(
        json.dumps({"client_id": CLIENT_ID, "response_type": "code", "redirect_uri": "https://e.com/cb", "scope": ["read_only", "read_write"], "state": "s t"})
    )
    assert url == (
        "https://auth.razorpay.com/authorize?client_id=8DXCMTshWSWECc&response_type=code"
        "&redirect_uri=https://e.com/cb&scope[]=read_only&scope[]=read_write&state=s%20t"
    )
    with pytest.raises(ck.OAuthError.InvalidParams) as refused:
        client.generate_auth_url("{}")
    assert refused.value.code() == "OAUTH_INVALID_PARAMS"
    # razorpay-core's own error: which call, and each refused field with the official message.
    assert refused.value.call == ck.OAuthCall.AUTHORIZE_URL
    assert (refused.value.errors[0].field, refused.value.errors[0].message) == ("client_id", "client_id is empty")


def test_oauth_flow_against_the_sandbox(sandbox):
    client = ck.OAuthTokenClient(sandbox.url + "/auth")
    base = {"client_id": CLIENT_ID, "client_secret": "partner_secret"}

    async def flow():
        tokens = json.loads(
            await client.get_access_token(
                json.dumps({**base, "grant_type": "authorization_code", "redirect_uri": "https://e.com/cb", "code": "py_code", "mode": "test"})
            )
        )
        assert tokens["token_type"] == "Bearer"
        with pytest.raises(ck.OAuthError.Client) as info:
            await client.get_access_token(
                json.dumps({**base, "grant_type": "authorization_code", "redirect_uri": "https://e.com/cb", "code": "py_code"})
            )
        # Razorpay's refusal is the API client's error inside, with its own code.
        assert isinstance(info.value[0], ck.ClientError.BadRequest)
        assert info.value.code() == info.value[0].code() == "BAD_REQUEST"
        refreshed = json.loads(
            await client.refresh_token(json.dumps({**base, "grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]}))
        )
        assert refreshed["razorpay_account_id"] == tokens["razorpay_account_id"]
        revoked = json.loads(
            await client.revoke_token(json.dumps({**base, "token_type_hint": "access_token", "token": refreshed["access_token"]}))
        )
        assert revoked == {"message": "Token Revoked"}

    asyncio.run(flow())
