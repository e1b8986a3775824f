"""Redis faults under load, as an operator measured them: `make cluster-test`'s last part.

16 connections through nginx, half of them staff with a session cookie of their own (their
pages are never served from the page cache), half anonymous visitors, for the phases below:
after 3 s of warming up and 3 s with Redis up, Redis killed, restarted, then frozen (SIGSTOP)
and thawed. The figures per phase are printed (p50, p90, p99, max, requests over 2 s), and
the check fails when the slowest decile (p90) of a phase with Redis down passes
`OUTAGE_P90_LIMIT_MS`, or when any request fails.
"""

import threading
import time

from tests.cluster.cluster_client import Browser, percentile

CONNECTIONS = 16  # half staff, half anonymous
PHASES = [  # (name, seconds, what happens to Redis at its start)
    ("Warming up", 3, None),  # workers' first requests, database connections: not a reference
    ("Redis up", 3, None),
    ("Redis killed", 12, "kill"),
    ("Redis restarted", 4, "start"),
    ("Redis frozen", 12, "stop"),
    ("Redis thawed", 4, "cont"),
]
OUTAGES = ("Redis killed", "Redis frozen")
OUTAGE_P90_LIMIT_MS = 500
SLOW_MS = 2000


def _worker(client, phase, results, lock, stop):
    kind, browser, targets, index = client
    while not stop.is_set():
        url = targets[index % len(targets)]
        index += 1
        started_in = phase["name"]
        started = time.perf_counter()
        try:
            status = browser.get(url, raw=True)[0]
        except OSError:
            status = 0  # a failed connection
        elapsed = (time.perf_counter() - started) * 1000
        with lock:
            results.append((started_in, kind, status, elapsed))


def clients(urls, staff, admin_url):
    """(kind, browser, targets, first target) per connection: the signed-in `staff` browsers
    (CONNECTIONS / 2 of them) read the pages and the admin's `admin_url`; the rest are
    anonymous visitors reading the pages."""
    anonymous = [("anonymous", Browser(), urls, n) for n in range(CONNECTIONS - len(staff))]
    signed_in = [("staff", browser, [*urls, admin_url], n) for n, browser in enumerate(staff)]
    return [client for pair in zip(anonymous, signed_in, strict=True) for client in pair]


def hammer(connections, redis_action, phases=PHASES):
    """Load from one thread per connection (`clients()`) through `phases`.
    Returns [(phase at the request's start, kind, status, milliseconds)]."""
    results, lock, stop = [], threading.Lock(), threading.Event()
    phase = {"name": phases[0][0]}
    threads = [
        threading.Thread(target=_worker, args=(c, phase, results, lock, stop), daemon=True)
        for c in connections
    ]
    for thread in threads:
        thread.start()
    for name, seconds, action in phases:
        if action:
            redis_action(action)
        phase["name"] = name
        time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    return results


def summary(times):
    """(p50, p90, p99, max, count over 2 s) of a list of milliseconds."""
    times = sorted(times)
    if not times:
        return 0, 0, 0, 0, 0
    slow = sum(1 for t in times if t > SLOW_MS)
    return (percentile(times, 50), percentile(times, 90), percentile(times, 99), times[-1], slow)


def report(results, log, phases=PHASES):
    """Print the table; return the failed checks' messages."""
    log("\nphase              who        requests  fail   p50   p90   p99    max  >2 s  (ms)")
    failures = []
    normal = summary(r[3] for r in results if r[0] == "Redis up")[1]
    for name, _seconds, _action in phases:
        for who in ("all", "anonymous", "staff"):
            rows = [r for r in results if r[0] == name and who in ("all", r[1])]
            errors = sum(1 for r in rows if r[2] >= 500 or r[2] == 0)
            p50, p90, p99, top, slow = summary(r[3] for r in rows)
            log(
                f"{name if who == 'all' else '':<18} {who:<10} {len(rows):>8} {errors:>5} "
                f"{p50:>5.0f} {p90:>5.0f} {p99:>5.0f} {top:>6.0f} {slow:>5}"
            )
            if who == "all" and errors:
                failures.append(f"{errors} of {len(rows)} requests failed (5xx or no answer)")
            if who == "all" and name in OUTAGES and p90 > OUTAGE_P90_LIMIT_MS:
                failures.append(
                    f"p90 {p90:.0f} ms with {name.lower()} is over {OUTAGE_P90_LIMIT_MS} ms "
                    f"(with Redis up: {normal:.0f} ms"
                    + (", so the machine is too busy to tell)" if normal > p90 else ")")
                )
    return failures
