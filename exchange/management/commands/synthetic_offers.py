"""python manage.py synthetic_offers FILE [--rows N] [--seed S]: a synthetic import file."""

from django.core.management.base import BaseCommand

from exchange.synthetic import write_synthetic_csv


class Command(BaseCommand):
    help = "Writes a CSV file with N synthetic offers in the import format (for benchmarks)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--rows", type=int, default=100_000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, file, rows, seed, **options):
        write_synthetic_csv(file, rows, seed)
        self.stdout.write(f"{rows} synthetic offers written to {file}")
