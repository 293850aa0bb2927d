"""Issue 15, item 1: a program that exits while async client calls are in flight exits cleanly.

Each run is a separate interpreter: daemon threads each loop `asyncio.run(client.orders()…)`
against a sandbox that answers half the requests slowly, and the main thread leaves at a random
moment, so answers arrive before, during and after interpreter shutdown. Without the exit guard
this aborted (`FATAL: exception not rethrown`, exit code 134) in 15 of 16 runs.
"""

import subprocess
import sys
import textwrap

import pytest

from conftest import start_sandbox, stop_sandbox

RUNS = 16

PROGRAM = textwrap.dedent(
    """
    import asyncio, random, sys, threading, time
    import checkout_kit as ck

    url, key_id, key_secret, seed = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    client = ck.RazorpayClient(key_id, key_secret, ck.ClientOptions(base_url=url))
    started = threading.Semaphore(0)

    def worker(n):
        async def loop():
            started.release()
            while True:
                await client.orders().create(ck.CreateOrder(amount=50000, currency="INR", receipt=f"exit_{n}"))
        asyncio.run(loop())

    for n in range(6):
        threading.Thread(target=worker, args=(n,), daemon=True).start()
    for _ in range(6):
        started.acquire()
    # Leave while calls are in flight: some answered, some slow, some just completing.
    time.sleep(random.Random(seed).uniform(0.05, 0.5))
    print("leaving", flush=True)
    """
)


@pytest.fixture(scope="module")
def slow_sandbox():
    proc, running = start_sandbox()
    try:
        running.control("/faults", {"rates": {"slow": 0.5, "slow_delay_ms": 150}})
        yield running
    finally:
        stop_sandbox(proc)


def test_exit_with_async_calls_in_flight_is_clean(slow_sandbox, tmp_path):
    script = tmp_path / "exit_in_flight.py"
    script.write_text(PROGRAM, encoding="utf-8")
    codes = []
    for seed in range(RUNS):
        done = subprocess.run(
            [sys.executable, str(script), slow_sandbox.url, slow_sandbox.key_id, slow_sandbox.key_secret, str(seed)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert "leaving" in done.stdout, done.stderr
        assert "FATAL" not in done.stderr, done.stderr
        codes.append(done.returncode)
    assert codes == [0] * RUNS, codes


def test_the_guard_is_installed_and_open_until_exit():
    import checkout_kit as ck

    assert not ck._native.exit_guard.is_closed()
    assert ck._uniffi._uniffi_continuation_callback is not ck._unguarded_continuation
