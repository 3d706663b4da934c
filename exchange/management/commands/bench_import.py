"""python manage.py bench_import [--rows N]: import N synthetic offers and report the rate.

Meant for a throw-away database (e.g. SQLITE_PATH=var/bench.sqlite3): the offers stay.
"""

import tempfile
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from exchange.importer import run_import
from exchange.synthetic import write_synthetic_csv


class Command(BaseCommand):
    help = "Imports N synthetic offers (twice: create, then unchanged) and reports rows/s."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--once", action="store_true", help="skip the second (unchanged) run")

    def handle(self, *args, rows, seed, once, **options):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "synthetic.csv"
            write_synthetic_csv(path, rows, seed)
            for label in ("create", "unchanged")[: 1 if once else 2]:
                cpu = time.process_time()
                result = run_import(path)
                cpu = time.process_time() - cpu
                if not result.committed:
                    raise CommandError("; ".join(result.messages()[:5]))
                stats = result.stats
                self.stdout.write(
                    f"{label}: {result.rows_read} rows in {result.seconds:.1f} s = {result.rate:.0f} rows/s "
                    f"(search indexing {result.index_seconds:.1f} s, CPU {cpu:.1f} s; "
                    f"created {stats.created}, updated {stats.updated}, unchanged {stats.unchanged})")
