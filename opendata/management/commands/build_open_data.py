"""python manage.py build_open_data [--force]: generate the open-data package now.

Requests generate it on demand; running this from cron after imports (or nightly) spares the
first visitor the wait. Prints the fingerprint, the time it took and every file's size.
"""

import time

from django.core.management.base import BaseCommand

from opendata import store


class Command(BaseCommand):
    help = "Generates the open-data package for the current data (if not generated already)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true",
                            help="generate again even if the current data already has a package")

    def handle(self, *args, force=False, **options):
        started = time.monotonic()
        if force:
            store.discard_current()
        before = store.generated
        generation = store.current()
        seconds = time.monotonic() - started
        manifest = generation.manifest
        action = "generated" if store.generated > before else "up to date"
        self.stdout.write(
            f"{action}: {generation.directory} ({manifest['offers']} offers, "
            f"generation {manifest['seconds']:.2f} s, this run {seconds:.2f} s)")
        for entry in manifest["files"]:
            self.stdout.write(f"  {entry['name']:<28} {entry['bytes']:>12,} bytes")
