import time

from django.core.management.base import BaseCommand

from search.indexing import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the search index (documents and vocabulary) for all published offers."

    def handle(self, *args, **options):
        started = time.monotonic()
        written = rebuild_index()
        seconds = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(
            f"Search index rebuilt: {written} offers in {seconds:.1f} s."
        ))
