#!/usr/bin/env python3
"""The Python prometheus_client peer for `tocsin-bench promtext`.

Usage: bench_python_peer.py PAYLOAD_FILE SERIES
Prints one JSON object: render MB/s for a registry of SERIES series shaped like tocsin-bench's render benchmark,
parse MB/s for the given text 0.0.4 payload, and ns per counter increment.
"""
import json
import sys
import time

from prometheus_client import CollectorRegistry, Counter, Gauge, generate_latest
from prometheus_client.parser import text_string_to_metric_families


def render(series):
    registry = CollectorRegistry()
    methods = ["DELETE", "GET", "POST", "PUT"]
    labels = ["handler", "instance", "method"]
    counter = Counter("http_requests", "Requests served.", labels, registry=registry)
    gauge = Gauge("queue_latency_seconds", "Queue latency.", labels, registry=registry)
    half = series // 2
    for index in range(series):
        resource = index // len(methods)
        values = (f"/api/v1/resource/{resource:06d}", f"host-{resource % 97}.example.net:9100", methods[index % 4])
        if index < half:
            counter.labels(*values).inc(index * 37 % 1000003)
        else:
            gauge.labels(*values).set(index * 0.0017 + 1e-4)
    start = time.perf_counter()
    body = generate_latest(registry)
    seconds = time.perf_counter() - start
    return len(body) / seconds / 1e6


def parse(payload):
    start = time.perf_counter()
    samples = 0
    for family in text_string_to_metric_families(payload):
        samples += len(family.samples)
    seconds = time.perf_counter() - start
    return len(payload.encode()) / seconds / 1e6, samples


def increment():
    counter = Counter("bench_increments", "Increments.", registry=CollectorRegistry())
    iterations = 200_000
    start = time.perf_counter()
    for _ in range(iterations):
        counter.inc()
    return (time.perf_counter() - start) / iterations * 1e9


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        payload = handle.read()
    parse_rate, samples = parse(payload)
    print(json.dumps({
        "render_mb_s": render(int(sys.argv[2])),
        "parse_mb_s": parse_rate,
        "parsed_samples": samples,
        "increment_ns": increment(),
    }))


if __name__ == "__main__":
    main()
