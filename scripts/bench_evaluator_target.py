#!/usr/bin/env python3
"""A synthetic scrape target for scripts/bench-evaluator.sh: N series in text format 0.0.4 on 127.0.0.1.

Per pod: 4 request counters (by code), a 9-bucket latency histogram (_bucket, _sum, _count) and 5 queue gauges,
20 series in all; pods = N / 20, spread over 50 services. Values move every 5 s slot (counters grow, gauges
wander). Each slot's body is rendered once, plain and gzipped, and served from cache, so the target costs the
scrapers nothing but the transfer.

    scripts/bench_evaluator_target.py SERIES PORT
"""
import gzip
import http.server
import sys
import threading
import time

SLOT_SECONDS = 5
CODES = ["200", "404", "500", "503"]
BOUNDS = ["0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0", "+Inf"]
QUEUES = ["a", "b", "c", "d", "e"]


def series_prefixes(pods):
    """The fixed part of every line, with each series' per-slot increment or gauge seed."""
    counters, buckets, sums, counts, gauges = [], [], [], [], []
    for pod in range(pods):
        where = f'service="svc-{pod % 50}",pod="pod-{pod}"'
        errors_high = pod % 20 == 0
        for index, code in enumerate(CODES):
            rate = [100, 5, 40 if errors_high else 1, 20 if errors_high else 1][index] + pod % 7
            counters.append((f'bench_http_requests_total{{{where},code="{code}"}} ', rate))
        slow = pod % 10 == 0
        per_bucket = [30, 20, 15, 10, 10, 8, 4, 2, 1] if slow else [60, 25, 8, 4, 2, 1, 0, 0, 0]
        cumulative = 0
        for bound, count in zip(BOUNDS, per_bucket):
            cumulative += count
            buckets.append((f'bench_request_duration_seconds_bucket{{{where},le="{bound}"}} ', cumulative))
        sums.append((f'bench_request_duration_seconds_sum{{{where}}} ', 0.31 if slow else 0.07))
        counts.append((f'bench_request_duration_seconds_count{{{where}}} ', cumulative))
        for index, queue in enumerate(QUEUES):
            gauges.append((f'bench_queue_depth{{{where},queue="{queue}"}} ', pod * 7 + index * 13))
    return counters, buckets, sums, counts, gauges


class Exposition:
    """The body of the current slot, rendered once per slot."""

    def __init__(self, series):
        self.parts = series_prefixes(max(1, series // 20))
        self.lock = threading.Lock()
        self.slot = None
        self.first_slot = int(time.time() // SLOT_SECONDS) - 1
        self.plain = b""
        self.gzipped = b""

    def body(self, gzipped):
        slot = int(time.time() // SLOT_SECONDS)
        with self.lock:
            if slot != self.slot:
                self.render(slot)
            return self.gzipped if gzipped else self.plain

    def render(self, slot):
        counters, buckets, sums, counts, gauges = self.parts
        age = slot - self.first_slot
        lines = ["# TYPE bench_http_requests_total counter"]
        lines += [f"{prefix}{rate * age}" for prefix, rate in counters]
        lines.append("# TYPE bench_request_duration_seconds histogram")
        lines += [f"{prefix}{count * age}" for prefix, count in buckets]
        lines += [f"{prefix}{round(per * age, 3)}" for prefix, per in sums]
        lines += [f"{prefix}{count * age}" for prefix, count in counts]
        lines.append("# TYPE bench_queue_depth gauge")
        lines += [f"{prefix}{(seed + slot * 3) % 100}" for prefix, seed in gauges]
        self.plain = ("\n".join(lines) + "\n").encode()
        self.gzipped = gzip.compress(self.plain, compresslevel=1)
        self.slot = slot


def main():
    series, port = int(sys.argv[1]), int(sys.argv[2])
    exposition = Exposition(series)
    exposition.body(False)

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            gzipped = "gzip" in self.headers.get("Accept-Encoding", "")
            body = exposition.body(gzipped)
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
            if gzipped:
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *arguments):
            pass

    http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


if __name__ == "__main__":
    main()
