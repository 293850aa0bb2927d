"""Issue 18, item 3: the async client works from Python threads and event loops, and a program
that used it that way exits cleanly.

One `RazorpayClient` is shared by every thread and loop here, as a server shares one: its calls
are Rust futures that uniffi drives from whichever asyncio loop awaits them, so each loop must
get its own answers, whichever thread runs it and however it was started. The native fast paths
(which let go of the GIL while the cart rules run) are called from threads beside them.
"""

import asyncio
import concurrent.futures
import subprocess
import sys
import textwrap
import threading

import checkout_kit as ck

THREADS = 6
CALLS = 4


def client_for(sandbox):
    return ck.RazorpayClient(sandbox.key_id, sandbox.key_secret, ck.ClientOptions(base_url=sandbox.url))


async def create_and_fetch(client, receipt, amount):
    """Creates an order and fetches it back; returns (id, amount, receipt) as fetched."""
    order = await client.orders().create(ck.CreateOrder(amount=amount, currency="INR", receipt=receipt))
    fetched = await client.orders().fetch(order.id)
    assert fetched.id == order.id
    return fetched.id, fetched.amount, fetched.receipt


def test_one_client_from_many_threads_each_running_its_own_loop(sandbox):
    client = client_for(sandbox)
    start = threading.Barrier(THREADS)

    def worker(n):
        start.wait(timeout=30)  # all loops run at once

        async def calls():
            return await asyncio.gather(
                *(create_and_fetch(client, f"thr_{n}_{i}", 10_000 + 100 * n + i) for i in range(CALLS))
            )

        return asyncio.run(calls())

    with concurrent.futures.ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(worker, range(THREADS), timeout=120))

    for n, orders in enumerate(results):
        # Each thread got its own orders back, not another loop's.
        assert [(amount, receipt) for _, amount, receipt in orders] == [
            (10_000 + 100 * n + i, f"thr_{n}_{i}") for i in range(CALLS)
        ]
    assert len({order_id for orders in results for order_id, _, _ in orders}) == THREADS * CALLS


def test_one_client_across_loops_started_every_way(sandbox):
    client = client_for(sandbox)

    # asyncio.run twice: the client outlives a closed loop.
    first = asyncio.run(create_and_fetch(client, "loop_run_1", 20_001))
    second = asyncio.run(create_and_fetch(client, "loop_run_2", 20_002))
    assert (first[1], second[1]) == (20_001, 20_002)

    # A loop the caller manages (new_event_loop + run_until_complete), as older frameworks do.
    loop = asyncio.new_event_loop()
    try:
        managed = loop.run_until_complete(create_and_fetch(client, "loop_managed", 20_003))
    finally:
        loop.close()
    assert managed[1:] == (20_003, "loop_managed")

    # A long-lived loop in a background thread, fed from this (synchronous) thread with
    # run_coroutine_threadsafe: the shape of a sync web framework calling into an async client.
    background = asyncio.new_event_loop()
    runner = threading.Thread(target=background.run_forever, daemon=True)
    runner.start()
    try:
        futures = [
            asyncio.run_coroutine_threadsafe(create_and_fetch(client, f"loop_bg_{i}", 20_010 + i), background)
            for i in range(CALLS)
        ]
        fed = [f.result(timeout=60) for f in futures]
    finally:
        background.call_soon_threadsafe(background.stop)
        runner.join(timeout=30)
        background.close()
    assert [row[1:] for row in fed] == [(20_010 + i, f"loop_bg_{i}") for i in range(CALLS)]

    # A loop that hands blocking work to threads which start loops of their own.
    async def nested():
        here = asyncio.get_running_loop()
        return await asyncio.gather(
            *(
                here.run_in_executor(None, asyncio.run, create_and_fetch(client, f"loop_exec_{i}", 20_020 + i))
                for i in range(CALLS)
            )
        )

    executed = asyncio.run(nested())
    assert [row[1:] for row in executed] == [(20_020 + i, f"loop_exec_{i}") for i in range(CALLS)]


def test_fast_paths_from_threads_beside_the_client(sandbox):
    """The native calls (some release the GIL) give the same answers from many threads at once."""
    client = client_for(sandbox)
    secret = "thread_webhook_secret"
    verifier = ck.WebhookVerifier([secret])
    catalog = ck.Catalog(items=[ck.CatalogItem(product_id=f"p{i}", unit_price=100 + i, currency="INR", stock_on_hand=5) for i in range(1000)])
    cart = ck.Cart(currency="INR", lines=[ck.CartLine(line_id="l1", product_id="p7", quantity=2, unit_price=107)])
    expected = ck.validate_cart(cart, catalog)
    assert expected.is_valid

    def worker(n):
        body = f'{{"entity":"event","n":{n}}}'.encode()
        for _ in range(200):
            verifier.verify(body, ck.sign_webhook(body, secret))
            assert ck.validate_cart(cart, catalog) == expected
        return asyncio.run(create_and_fetch(client, f"fast_{n}", 30_000 + n))[1]

    with concurrent.futures.ThreadPoolExecutor(THREADS) as pool:
        assert list(pool.map(worker, range(THREADS), timeout=120)) == [30_000 + n for n in range(THREADS)]


EXIT_PROGRAM = textwrap.dedent(
    """
    import asyncio, sys, threading
    import checkout_kit as ck

    url, key_id, key_secret = sys.argv[1], sys.argv[2], sys.argv[3]
    client = ck.RazorpayClient(key_id, key_secret, ck.ClientOptions(base_url=url))
    done = []

    def worker(n):
        async def calls():
            for i in range(3):
                await client.orders().create(ck.CreateOrder(amount=40000 + i, currency="INR", receipt=f"exit_ok_{n}_{i}"))
        asyncio.run(calls())
        done.append(n)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # And one call still pending on a loop whose task is cancelled before the program ends.
    async def abandoned():
        task = asyncio.ensure_future(client.orders().create(ck.CreateOrder(amount=40100, currency="INR")))
        await asyncio.sleep(0)
        task.cancel()
    asyncio.run(abandoned())
    print("done", sorted(done), flush=True)
    """
)


def test_a_program_that_used_threads_and_loops_exits_cleanly(sandbox, tmp_path):
    script = tmp_path / "threads_then_exit.py"
    script.write_text(EXIT_PROGRAM, encoding="utf-8")
    for _ in range(3):
        run = subprocess.run(
            [sys.executable, str(script), sandbox.url, sandbox.key_id, sandbox.key_secret],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert run.returncode == 0, run.stderr
        assert run.stdout.strip() == "done [0, 1, 2, 3]"
        assert "FATAL" not in run.stderr and "Traceback" not in run.stderr, run.stderr
