"""Load: 200 concurrent connections for 30 seconds against search and offer pages under the
production server (gunicorn, DEBUG off): no connection error, no timeout, no 5xx.
The figures go to var/test-artifacts/load-<vendor>.json; `make bench-load` writes them to
bench/RESULTS.md. LOAD_TEST_SECONDS shortens the run for local experiments."""

import json
import os
from pathlib import Path

from operations import prodserver

ARTIFACTS = Path(__file__).resolve().parents[2] / "var" / "test-artifacts"
PORT = 8302


def test_200_connections_for_30_seconds_get_no_error_and_no_5xx(prod_site):
    paths = prodserver.mixed_paths(prod_site)
    assert len(paths) > 200
    server = prodserver.Server(prod_site, PORT).start()
    try:
        result = prodserver.load(PORT, paths, connections=200,
                                 duration=float(os.environ.get("LOAD_TEST_SECONDS", 30)))
    finally:
        server.stop()
    result["vendor"] = prod_site.vendor
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"load-{prod_site.vendor}.json").write_text(json.dumps(result, indent=2))

    assert result["errors"] == {"connect": 0, "timeout": 0, "read": 0}, result
    assert result["status_5xx"] == 0, result
    assert result["non_2xx"] == 0, result  # every path is a published offer or a search page
    assert result["requests"] >= 1000, result
