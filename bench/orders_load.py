"""Load helper for bench/saga.sh: sets up shoppers and places orders through the gateway.

  python orders_load.py setup --gateway URL --products URL --users 50 --out DIR
      registers N shoppers (POST /api/auth/register), picks the first product, restocks it to a huge
      stock on the products service's internal port, and writes DIR/tokens (one bearer token a line)
      and DIR/product (its id) and DIR/body (the order body).
  python orders_load.py load --gateway URL --dir DIR --rate R --duration S [--warmup S]
      open loop: issues POST /api/orders at a constant arrival rate R (requests are started on
      schedule whether or not earlier ones finished, so a slow server cannot slow the load down),
      rotating the shoppers' tokens, and prints one JSON line: latency percentiles measured from each
      request's scheduled start (no coordinated omission), status counts, confirmed share, and the
      achieved send rate.
  python orders_load.py sample --gateway URL --dir DIR --count N
      places N orders one after another and prints the share of 201 responses whose body says
      "status": "confirmed" (checks what the wrk run counts).

Needs aiohttp (scripts/python-tools.sh installs it into the tools venv).
"""

import argparse
import asyncio
import json
import math
import sys
import time
import uuid
from pathlib import Path

import aiohttp


class Failure(Exception):
    """A setup step the server refused; printed as one line."""


def percentile(sorted_values, fraction):
    if not sorted_values:
        return float("nan")
    index = max(0, math.ceil(fraction * len(sorted_values)) - 1)
    return sorted_values[index]


async def setup(args):
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        run = uuid.uuid4().hex[:8]
        semaphore = asyncio.Semaphore(2)  # scrypt is deliberately slow; do not time the users service out

        async def register(index):
            body = {"email": f"bench-{run}-{index}@example.com", "password": "bench password 123", "name": f"Bench {index}"}
            async with semaphore:
                path = "register"
                for attempt in range(6):
                    async with session.post(f"{args.gateway}/api/auth/{path}", json=body) as response:
                        text = await response.text()
                        if response.status in (200, 201):
                            return json.loads(text)["accessToken"]
                        if response.status == 409 and attempt > 0:
                            path = "login"  # an earlier attempt timed out at the gateway but did register
                            continue
                        if response.status < 500 or attempt == 5:
                            raise Failure(f"register answered {response.status}: {text[:300]}")
                    await asyncio.sleep(0.5 * (attempt + 1))

        tokens = await asyncio.gather(*(register(index) for index in range(args.users)))
        async with session.get(f"{args.gateway}/api/products?limit=50") as response:
            if response.status != 200:
                raise Failure(f"GET /api/products answered {response.status}")
            items = (await response.json())["items"]
        if not items:
            raise Failure("the catalogue is empty")
        product = items[0]["id"]
        for _ in range(args.restocks):
            async with session.post(f"{args.products}/internal/products/{product}/restock", json={"quantity": 1_000_000}) as response:
                if response.status != 200:
                    raise Failure(f"restock answered {response.status}: {(await response.text())[:300]}")
                stock = (await response.json())["stock"]
    (out / "tokens").write_text("\n".join(tokens) + "\n")
    (out / "product").write_text(product + "\n")
    (out / "body").write_text(json.dumps({"items": [{"productId": product, "quantity": 1}]}, separators=(",", ":")))
    print(json.dumps({"users": len(tokens), "product": product, "stock": stock}))


def order_setup(args):
    directory = Path(args.dir)
    tokens = [line for line in (directory / "tokens").read_text().split() if line]
    body = (directory / "body").read_bytes()
    return tokens, body


async def sample(args):
    tokens, body = order_setup(args)
    created = confirmed = 0
    statuses = {}
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session:
        for index in range(args.count):
            headers = {"Authorization": f"Bearer {tokens[index % len(tokens)]}", "Content-Type": "application/json"}
            async with session.post(f"{args.gateway}/api/orders", data=body, headers=headers) as response:
                text = await response.text()
                statuses[response.status] = statuses.get(response.status, 0) + 1
                if response.status == 201:
                    created += 1
                    if json.loads(text).get("status") == "confirmed":
                        confirmed += 1
    print(json.dumps({"count": args.count, "statuses": statuses, "confirmed_share_of_201": confirmed / created if created else 0.0}))


async def load(args):
    tokens, body = order_setup(args)
    headers = [{"Authorization": f"Bearer {token}", "Content-Type": "application/json"} for token in tokens]
    url = f"{args.gateway}/api/orders"
    connector = aiohttp.TCPConnector(limit=args.connections, force_close=False)
    timeout = aiohttp.ClientTimeout(total=args.timeout)
    latencies = []
    statuses = {}
    confirmed = 0
    errors = 0
    lag = []

    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:

        async def one(index, scheduled, record):
            nonlocal confirmed, errors
            try:
                async with session.post(url, data=body, headers=headers[index % len(headers)]) as response:
                    text = await response.read()
                    status = response.status
            except Exception:  # timeouts, resets: counted, not measured
                if record:
                    errors += 1
                return
            if not record:
                return
            latencies.append((time.perf_counter() - scheduled) * 1000.0)
            statuses[status] = statuses.get(status, 0) + 1
            if status == 201 and b'"status":"confirmed"' in text:
                confirmed += 1

        async def phase(seconds, record, first_index):
            count = int(seconds * args.rate)
            interval = 1.0 / args.rate
            start = time.perf_counter()
            tasks = []
            for i in range(count):
                scheduled = start + i * interval
                delay = scheduled - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
                elif record:
                    lag.append(-delay * 1000.0)
                tasks.append(asyncio.create_task(one(first_index + i, scheduled, record)))
            sent_seconds = time.perf_counter() - start
            await asyncio.gather(*tasks)
            return count, sent_seconds

        if args.warmup > 0:
            await phase(args.warmup, False, 0)
        count, sent_seconds = await phase(args.duration, True, 1_000_000)

    latencies.sort()
    lag.sort()
    print(json.dumps({
        "rate": args.rate,
        "requests": count,
        "achieved_rate": round(count / sent_seconds, 1) if sent_seconds else 0.0,
        "p50_ms": round(percentile(latencies, 0.50), 2),
        "p90_ms": round(percentile(latencies, 0.90), 2),
        "p99_ms": round(percentile(latencies, 0.99), 2),
        "max_ms": round(latencies[-1], 2) if latencies else None,
        "statuses": {str(key): value for key, value in sorted(statuses.items())},
        "confirmed": confirmed,
        "errors": errors,
        "generator_lag_p99_ms": round(percentile(lag, 0.99), 2) if lag else 0.0,
    }))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("setup")
    p.add_argument("--gateway", required=True)
    p.add_argument("--products", required=True, help="the products service's own base URL (internal routes)")
    p.add_argument("--users", type=int, default=50)
    p.add_argument("--restocks", type=int, default=1, help="restocks of 1,000,000 units each")
    p.add_argument("--out", required=True)
    p = commands.add_parser("load")
    p.add_argument("--gateway", required=True)
    p.add_argument("--dir", required=True)
    p.add_argument("--rate", type=float, required=True, help="requests per second")
    p.add_argument("--duration", type=float, default=15.0)
    p.add_argument("--warmup", type=float, default=3.0)
    p.add_argument("--connections", type=int, default=512)
    p.add_argument("--timeout", type=float, default=30.0)
    p = commands.add_parser("sample")
    p.add_argument("--gateway", required=True)
    p.add_argument("--dir", required=True)
    p.add_argument("--count", type=int, default=20)
    args = parser.parse_args()
    runner = {"setup": setup, "load": load, "sample": sample}[args.command]
    try:
        asyncio.run(runner(args))
    except Failure as failure:
        print(f"orders_load.py: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
