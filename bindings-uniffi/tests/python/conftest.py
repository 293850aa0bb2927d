"""Shared pytest fixtures: the public fixtures folder and the generated `checkout_kit` module.

The module is imported from the installed wheel (scripts/ci/uniffi.sh builds and installs it),
so these tests exercise exactly what a Python user gets.
"""

import json
import pathlib

import pytest

REPO_ROOT = pathlib.Path(__file__).resolve().parents[3]
FIXTURES = REPO_ROOT.parent / "shared" / "fixtures"


@pytest.fixture(scope="session")
def fixtures_dir() -> pathlib.Path:
    assert FIXTURES.is_dir(), f"public fixtures not found at {FIXTURES}"
    return FIXTURES


@pytest.fixture(scope="session")
def signature_vectors(fixtures_dir):
    with open(fixtures_dir / "signature_vectors.json", encoding="utf-8") as f:
        return json.load(f)["vectors"]
