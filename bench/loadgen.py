"""Fallback load generator (used only when wrk is missing): threads + http.client.

Same contract as loadgen.lua: rotate through a file of paths ("cycle") or request each at most
once ("once"), for at most `duration` seconds, and print one line "BENCHJSON {...}".
It competes with the server for the CPU, so its figures are a lower bound; wrk is preferred.

    python bench/loadgen.py http://127.0.0.1:8061 PATHS --mode cycle --connections 8 --duration 10
"""

import argparse
import http.client
import json
import threading
import time
from urllib.parse import urlsplit


def percentile(sorted_values, p):
    if not sorted_values:
        return 0.0
    k = min(len(sorted_values) - 1, max(0, round(p / 100 * len(sorted_values) + 0.5) - 1))
    return sorted_values[k]


def run(base, paths, mode="cycle", connections=1, duration=10.0, timeout=30.0):
    parts = urlsplit(base)
    host, port = parts.hostname, parts.port or 80
    lock = threading.Lock()
    state = {"next": 0, "sent": 0}
    latencies, errors = [], {"connect": 0, "read": 0, "write": 0, "status": 0, "timeout": 0}
    nbytes = [0]
    deadline = time.monotonic() + duration
    headers = {"Accept-Encoding": "gzip", "Accept": "text/html,application/json"}

    def next_path():
        with lock:
            if mode == "once" and state["next"] >= len(paths):
                return None
            path = paths[state["next"] % len(paths)]
            state["next"] += 1
            state["sent"] += 1
            return path

    def worker():
        conn = None
        max_requests = 1_000_000
        for _ in range(max_requests):
            if time.monotonic() >= deadline:
                break
            path = next_path()
            if path is None:
                break
            started = time.perf_counter()
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(host, port, timeout=timeout)
                conn.request("GET", path, headers=headers)
                resp = conn.getresponse()
                body = resp.read()
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed * 1000)
                    nbytes[0] += len(body)
                    if resp.status >= 400:
                        errors["status"] += 1
                if resp.getheader("Connection", "").lower() == "close" or resp.will_close:
                    conn.close()
                    conn = None
            except TimeoutError:
                with lock:
                    errors["timeout"] += 1
                conn = None
            except OSError:
                with lock:
                    errors["read"] += 1
                conn = None
        if conn is not None:
            conn.close()

    started = time.monotonic()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(duration + timeout + 5)
    took = time.monotonic() - started
    lat = sorted(latencies)
    return {
        "requests": len(lat), "duration_s": round(took, 4), "bytes": nbytes[0], "paths": len(paths),
        "sent": state["sent"], "responses": len(lat), "non200": errors["status"], "extra": 0,
        "errors": errors,
        "latency_ms": {
            "p50": percentile(lat, 50), "p90": percentile(lat, 90), "p95": percentile(lat, 95),
            "p99": percentile(lat, 99), "mean": sum(lat) / len(lat) if lat else 0.0,
            "max": lat[-1] if lat else 0.0, "min": lat[0] if lat else 0.0,
        },
    }


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("paths")
    ap.add_argument("--mode", choices=["cycle", "once"], default="cycle")
    ap.add_argument("--connections", type=int, default=1)
    ap.add_argument("--duration", type=float, default=10.0)
    args = ap.parse_args(argv)
    with open(args.paths, encoding="utf-8") as fh:
        paths = [line.strip() for line in fh if line.strip()]
    result = run(args.base, paths, args.mode, args.connections, args.duration)
    print("BENCHJSON " + json.dumps(result))


if __name__ == "__main__":
    main()
