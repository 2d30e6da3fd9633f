#!/usr/bin/env python3
"""Sends exactly N requests through the engine and reports the observed v1/v2 split.

    split_check.py --mesh 127.0.0.1:15001 --admin 127.0.0.1:15000 [--requests 10000]
                   [--host backend] [--service backend] [--expect 90] [--tolerance 1]

One HTTP/1.1 keep-alive connection (http.client), sequential requests with `Host: <host>`. The
split is counted twice: from the response bodies (the benchmark backend answers "v1" or "v2") and
from the engine's admin /stats/prometheus `istio_requests_total` counters, read before and after
(delta per destination_version, for series whose destination_service_name is --service). The
check passes when the v1 share by the engine's counters (or by bodies when the counters are
unavailable) is within expect ± tolerance percent and every request got a 200.
Exit code: 0 pass, 1 split or errors out of bounds, 2 bad usage or the engine unreachable.
"""

import argparse
import http.client
import re
import sys
import time
from collections import Counter

SERIES = re.compile(r"^istio_requests_total\{(?P<labels>[^}]*)\}\s+(?P<value>\S+)")
LABEL = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')


def split_addr(text):
    host, _, port = text.rpartition(":")
    return host.strip("[]"), int(port)


def scrape(admin, service):
    """Sums istio_requests_total by destination_version for one service; None when unreadable."""
    try:
        conn = http.client.HTTPConnection(*split_addr(admin), timeout=10)
        conn.request("GET", "/stats/prometheus")
        response = conn.getresponse()
        body = response.read().decode("utf-8", "replace")
        conn.close()
    except OSError as error:
        print(f"split: cannot read http://{admin}/stats/prometheus: {error}", file=sys.stderr)
        return None
    if response.status != 200:
        print(f"split: http://{admin}/stats/prometheus answered {response.status}", file=sys.stderr)
        return None
    totals = Counter()
    for line in body.splitlines():
        match = SERIES.match(line)
        if not match:
            continue
        labels = dict(LABEL.findall(match.group("labels")))
        name = labels.get("destination_service_name") or labels.get("destination_service", "").split(".")[0]
        if name != service:
            continue
        version = labels.get("destination_version", "") or "unknown"
        code = labels.get("response_code", "")
        totals[(version, code)] += int(float(match.group("value")))
    return totals


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mesh", required=True, help="engine mesh listener ADDR:PORT")
    parser.add_argument("--admin", required=True, help="engine admin ADDR:PORT")
    parser.add_argument("--requests", type=int, default=10000)
    parser.add_argument("--host", default="backend", help="Host header of the requests")
    parser.add_argument("--service", default="backend", help="destination_service_name to count")
    parser.add_argument("--expect", type=float, default=90.0, help="expected v1 share, percent")
    parser.add_argument("--tolerance", type=float, default=1.0, help="allowed deviation, percentage points")
    args = parser.parse_args()

    before = scrape(args.admin, args.service)
    bodies = Counter()
    statuses = Counter()
    errors = 0
    reconnects = 0
    conn = http.client.HTTPConnection(*split_addr(args.mesh), timeout=10)
    started = time.monotonic()
    for _ in range(args.requests):
        try:
            conn.request("GET", "/", headers={"Host": args.host})
            response = conn.getresponse()
            body = response.read().decode("utf-8", "replace").strip()
            statuses[response.status] += 1
            bodies[body if response.status == 200 else f"<{response.status}>"] += 1
            if response.will_close:
                reconnects += 1
        except (OSError, http.client.HTTPException) as error:
            errors += 1
            statuses["error"] += 1
            if errors <= 3:
                print(f"split: request failed: {error!r}", file=sys.stderr)
            conn.close()
            conn = http.client.HTTPConnection(*split_addr(args.mesh), timeout=10)
    elapsed = time.monotonic() - started
    conn.close()
    time.sleep(0.2)  # let the engine record the last request before reading its counters
    after = scrape(args.admin, args.service)

    n = args.requests
    ok = statuses.get(200, 0)
    print(f"split: {n} requests over one keep-alive connection in {elapsed:.1f}s "
          f"({n / elapsed:.0f} req/s); 200s: {ok}, other: {n - ok}, reconnects: {reconnects}")
    v1_body, v2_body = bodies.get("v1", 0), bodies.get("v2", 0)
    print(f"split: by response body:   v1 {v1_body} ({100.0 * v1_body / n:.2f} %), "
          f"v2 {v2_body} ({100.0 * v2_body / n:.2f} %)"
          + (f", other {dict((k, v) for k, v in bodies.items() if k not in ('v1', 'v2'))}" if n - v1_body - v2_body else ""))

    share = 100.0 * v1_body / n
    source = "response bodies"
    if before is not None and after is not None:
        delta = Counter({key: after[key] - before.get(key, 0) for key in after})
        by_version = Counter()
        for (version, _code), count in delta.items():
            by_version[version] += count
        counted = sum(by_version.values())
        v1, v2 = by_version.get("v1", 0), by_version.get("v2", 0)
        codes = Counter()
        for (_version, code), count in delta.items():
            if count:
                codes[code] += count
        if counted:
            print(f"split: by istio_requests_total: v1 {v1} ({100.0 * v1 / counted:.2f} %), "
                  f"v2 {v2} ({100.0 * v2 / counted:.2f} %), counted {counted} of {n}; "
                  f"response_code {dict(codes)}")
            share = 100.0 * v1 / counted
            source = "istio_requests_total"
            if counted != n:
                print(f"split: WARNING: the engine counted {counted} requests, {n} were sent")
        else:
            print("split: WARNING: istio_requests_total did not move for service "
                  f"'{args.service}'; judging by response bodies")
    passed = abs(share - args.expect) <= args.tolerance and ok == n
    verdict = "PASS" if passed else "FAIL"
    print(f"split: v1 share {share:.2f} % by {source}; target {args.expect:g} ± {args.tolerance:g} %, "
          f"all 200: {'yes' if ok == n else 'no'} -> {verdict}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
