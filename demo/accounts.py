"""Demo log-ins for local use: an editor of the KI and a provider (Akteur)."""

from django.contrib.auth import get_user_model

DEMO_ACCOUNTS = [
    # (e-mail = user name, password, description, staff)
    ("redaktion@example.org", "demo-redaktion", "Redaktion (KI, Admin)", True),
    ("anbieter@example.org", "demo-anbieter", "Anbieter (Träger)", False),
]


def ensure_demo_accounts():
    """Create the demo users if missing; never reset a password someone changed."""
    User = get_user_model()
    created = 0
    for email, password, _label, staff in DEMO_ACCOUNTS:
        user, is_new = User.objects.get_or_create(
            username=email, defaults={"email": email, "is_staff": staff, "is_superuser": staff}
        )
        if is_new:
            user.set_password(password)
            user.save(update_fields=["password"])
            created += 1
        elif (user.is_staff, user.is_superuser) != (staff, staff):
            user.is_staff = user.is_superuser = staff
            user.save(update_fields=["is_staff", "is_superuser"])
    return created
