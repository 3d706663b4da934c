"""Print the demo log-ins and where to use them."""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from ...accounts import DEMO_ACCOUNTS


class Command(BaseCommand):
    help = "Zeigt die Demo-Zugänge und die Adressen der Website an."

    def handle(self, *args, **options):
        base = f"http://127.0.0.1:{os.environ.get('PORT') or '8000'}"
        existing = set(get_user_model().objects.filter(
            username__in=[a[0] for a in DEMO_ACCOUNTS]).values_list("username", flat=True))
        lines = ["", "Demo-Zugänge (nur für die lokale Entwicklung):",
                 f"  Website:  {base}/de/", f"  Admin:    {base}/admin/"]
        for email, password, label, _staff in DEMO_ACCOUNTS:
            missing = "" if email in existing else "  (fehlt – manage.py load_demo legt es an)"
            lines.append(f"  {label:<22} {email} / {password}{missing}")
        lines += [
            "  Anbieter:  Mein Bereich      " + base + "/de/mein-bereich/",
            "  Redaktion: Prüfen, Meldungen " + base + "/de/redaktion/",
        ]
        self.stdout.write("\n".join(lines) + "\n")
