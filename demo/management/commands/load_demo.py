"""Load the fictional demo data set (offers, providers, contacts) and the demo log-ins."""

import time

from django.core.management.base import BaseCommand

from offers.models import Offer
from providers.models import Contact, Organisation

from ... import loader
from ...accounts import ensure_demo_accounts
from ...history import ensure_demo_history
from ...workflow import ensure_demo_workflow


class Command(BaseCommand):
    help = ("Lädt die fiktiven Demodaten (Angebote, Träger, Ansprechpersonen) und die "
            "Demo-Zugänge. Mehrfaches Laden aktualisiert, statt zu verdoppeln.")

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true",
                            help="Nur laden, wenn es noch keine Angebote und keine Träger gibt.")
        parser.add_argument("--clear", action="store_true",
                            help="Vorher alle Demo-Angebote und Demo-Träger löschen.")

    def handle(self, *args, if_empty=False, clear=False, **options):
        started = time.monotonic()
        if if_empty and (Offer.objects.exists() or Organisation.objects.exists()):
            if loader.demo_offers().exists():
                ensure_demo_accounts()
                ensure_demo_workflow()
                ensure_demo_history()
            self.stdout.write(
                f"Database not empty ({Offer.objects.count()} offers, "
                f"{Organisation.objects.count()} organisations): demo data not loaded."
            )
            return
        if clear:
            offers, orgs = loader.clear()
            self.stdout.write(f"Removed {offers} demo objects and {orgs} objects of demo organisations.")
        ids = loader.load()
        accounts = ensure_demo_accounts()
        for step in ensure_demo_workflow():
            self.stdout.write(f"  demo workflow: {step}")
        # after the workflow: it moves two offers' last_verified, the history follows them
        if written := ensure_demo_history():
            self.stdout.write(f"  demo history: {written} backdated confirmations and revisions")
        offers = Offer.objects.filter(pk__in=ids)
        orgs = Organisation.objects.filter(name__in=loader.demo_organisation_names())
        self.stdout.write(self.style.SUCCESS(
            f"Demo data loaded: {len(ids)} offers ({offers.published().count()} published), "
            f"{orgs.count()} organisations, {Contact.objects.filter(organisation__in=orgs).count()} "
            f"contacts, {accounts} new demo accounts in {time.monotonic() - started:.1f} s."
        ))
