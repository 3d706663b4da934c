"""Every URL of the site with every role and the status it must answer.

A new URL fails test_every_url_is_decided until it is listed here: as public (anyone may
open it) or in MATRIX with the expected status per role. Roles: an anonymous visitor; a
provider member of organisation A (the owner of every object below); a member of another
organisation B ("stranger"); a KI editor. Objects of another organisation answer 404.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from changes import services
from changes.snapshot import offer_snapshot

ROLES = ("anonymous", "provider", "stranger", "editor")

# Anyone may open these (GET); the test checks they answer without a login and without 5xx.
PUBLIC = {
    "offers:search", "offers:detail", "providers:list", "providers:detail", "providers:contacts",
    "pages:home", "pages:impressum", "pages:datenschutz", "pages:barrierefreiheit", "pages:kontakt",
    "pages:leichte_sprache",
    "feeds:atom", "feeds:calendar", "feeds:offer_calendar",
    "reports:create", "accounts:login", "accounts:access_request", "accounts:password_reset",
    "accounts:password_reset_done", "accounts:password_reset_confirm",
    "accounts:password_reset_complete", "accounts:invitation_accept", "freshness:confirm",
    "api:index", "api:offers", "api:offer", "api:organisation", "api:taxonomy", "api:openapi",
    "api:unknown", "api_openapi",
    "hsds:index", "hsds:profile", "hsds:openapi", "hsds:services", "hsds:service",
    "hsds:service_at_locations", "hsds:service_at_location", "hsds:organizations", "hsds:organization",
    "hsds:taxonomies", "hsds:taxonomy", "hsds:taxonomy_terms", "hsds:taxonomy_term", "hsds:unknown",
    "opendata:index", "opendata_files:datapackage", "opendata_files:archive", "opendata_files:file",
    "sharing:embed", "sharing:embed_offer", "sharing:embed_help", "sharing:list",
    "landscape:matrix", "landscape:export_csv", "landscape:trends", "landscape:trends_csv",
    "landscape:report",
    "maps:map", "maps:places",
}
# Django's admin checks staff itself; covered by test_admin_is_for_editors_only.
EXEMPT_NAMESPACES = {"admin"}

LOGIN, FORBIDDEN, MISSING, OK, DONE = "login", 403, 404, 200, 302

# name: (method, object the URL needs, {role: expected}) — "login" = redirect to the login page
EDITORS_ONLY = {"anonymous": LOGIN, "provider": FORBIDDEN, "stranger": FORBIDDEN, "editor": OK}
EDITORS_ONLY_POST = {**EDITORS_ONLY, "editor": DONE}
ANY_MEMBER = {"anonymous": LOGIN, "provider": OK, "stranger": OK, "editor": OK}
OWNER = {"anonymous": LOGIN, "provider": OK, "stranger": MISSING, "editor": OK}
OWNER_POST = {"anonymous": LOGIN, "provider": DONE, "stranger": MISSING, "editor": DONE}

MATRIX = {
    "accounts:after_login": ("get", None, {"anonymous": LOGIN, "provider": DONE, "stranger": DONE,
                                           "editor": DONE}),
    "accounts:logout": ("post", None, dict.fromkeys(ROLES, DONE)),
    "accounts:password_change": ("get", None, ANY_MEMBER),
    "accounts:password_change_done": ("get", None, ANY_MEMBER),
    "accounts:invite": ("get", None, EDITORS_ONLY),
    "accounts:invitation_revoke": ("post", "invitation", EDITORS_ONLY_POST),
    "accounts:requests": ("get", None, EDITORS_ONLY),
    "accounts:request_detail": ("get", "access_request", EDITORS_ONLY),
    "dashboard:home": ("get", None, ANY_MEMBER),
    "dashboard:offer_create": ("get", None, ANY_MEMBER),
    "dashboard:offer_edit": ("get", "offer", OWNER),
    "dashboard:change_withdraw": ("post", "offer", OWNER_POST),
    "dashboard:offer_duplicate": ("post", "offer", OWNER_POST),
    "dashboard:offer_archive": ("get", "offer", OWNER),
    "dashboard:offer_confirm": ("post", "offer", OWNER_POST),
    "dashboard:organisation_edit": ("get", "organisation", OWNER),
    "dashboard:organisation_confirm_all": ("get", "organisation", OWNER),
    "dashboard:contacts": ("get", "organisation", OWNER),
    "dashboard:contact_create": ("get", "organisation", OWNER),
    "dashboard:contact_edit": ("get", "contact", OWNER),
    "dashboard:contact_delete": ("get", "contact", OWNER),
    "changes:queue": ("get", None, EDITORS_ONLY),
    "changes:review": ("get", "change", EDITORS_ONLY),
    "changes:restore": ("get", "revision", EDITORS_ONLY),
    "changes:history": ("get", "history", OWNER),
    "changes:organisations": ("get", None, EDITORS_ONLY),
    "changes:organisation_trust": ("post", "organisation_pk", EDITORS_ONLY_POST),
    "freshness:overdue": ("get", None, EDITORS_ONLY),
    "freshness:confirm_on_behalf": ("post", "offer", EDITORS_ONLY_POST),
    "reports:staff_list": ("get", None, EDITORS_ONLY),
    "reports:resolve": ("post", "report", EDITORS_ONLY_POST),
    "reports:reopen": ("post", "report", EDITORS_ONLY_POST),
    "opendata:search_export": ("get", None, EDITORS_ONLY),
    "landscape:staff": ("get", None, EDITORS_ONLY),
    "landscape:staff_csv": ("get", None, EDITORS_ONLY),
    "landscape:freshness": ("get", None, EDITORS_ONLY),
    "landscape:freshness_csv": ("get", None, EDITORS_ONLY),
    "exchange:start": ("get", None, EDITORS_ONLY),
    "exchange:template_csv": ("get", None, EDITORS_ONLY),
    "exchange:template_xlsx": ("get", None, EDITORS_ONLY),
    "exchange:job": ("get", "import_job", EDITORS_ONLY),
    "exchange:job_status": ("get", "import_job", EDITORS_ONLY),
    "exchange:job_confirm": ("post", "import_job", EDITORS_ONLY_POST),
    "exchange:job_restart": ("post", "import_job", EDITORS_ONLY_POST),
    "exchange:job_discard": ("post", "import_job", EDITORS_ONLY_POST),
}


def _named_urls(patterns=None, namespace=()):
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = (*namespace, pattern.namespace) if pattern.namespace else namespace
            yield from _named_urls(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            yield ":".join((*namespace, pattern.name or "<unnamed>"))


def test_every_url_is_decided():
    undecided = sorted(
        name for name in set(_named_urls())
        if name.split(":")[0] not in EXEMPT_NAMESPACES and name not in PUBLIC and name not in MATRIX
    )
    assert undecided == [], "add these URLs to PUBLIC or MATRIX with a decision per role"
    assert not PUBLIC & set(MATRIX)


@pytest.fixture
def world(make_organisation, make_offer, make_contact, make_user, editor):
    """Organisation A with a published offer that has a pending change, a contact, a report,
    an invitation and a join request; organisation B with its own member."""
    from accounts.models import AccessRequest, Invitation
    from changes.models import Revision
    from exchange.models import ImportJob
    from reports.models import Report

    org_a = make_organisation("Träger A", email="a@example.org")
    org_b = make_organisation("Träger B")
    provider = make_user("provider@a.example.org", organisations=[org_a])
    stranger = make_user("member@b.example.org", organisations=[org_b])
    contact = make_contact(organisation=org_a)
    offer = make_offer(title="Sprachcafé A", organisation=org_a, contacts=[contact])
    data = {**offer_snapshot(offer), "title": "Sprachcafé A (neu)"}
    change = services.save_offer(offer, data, user=provider).change_request
    invitation = Invitation(email="neu@a.example.org", organisation=org_a, invited_by=editor)
    invitation.issue_token()
    invitation.save()
    objects = {
        "offer": {"pk": offer.pk},
        "organisation": {"slug": org_a.slug},
        "organisation_pk": {"pk": org_a.pk},
        "contact": {"pk": contact.pk},
        "change": {"pk": change.pk},
        "revision": {"revision_pk": Revision.objects.for_object(offer).first().pk},
        "history": {"kind": "offer", "pk": offer.pk},
        "report": {"pk": Report.objects.create(offer=offer, message="Telefon falsch").pk},
        "invitation": {"pk": invitation.pk},
        "access_request": {"pk": AccessRequest.objects.create(
            organisation_name="Neuer Verein", contact_name="Ada", email="ada@example.org").pk},
        # a finished import: confirming or restarting it only redirects with a message
        "import_job": {"pk": ImportJob.objects.create(filename="angebote.csv", actor="Redaktion",
                                                      status="done", phase="import").pk},
    }
    users = {"anonymous": None, "provider": provider, "stranger": stranger, "editor": editor}
    return objects, users


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_matrix(client, world, name, role):
    objects, users = world
    method, needs, expected = MATRIX[name]
    url = reverse(name, kwargs=objects[needs] if needs else None)
    if users[role] is not None:
        client.force_login(users[role])
    response = getattr(client, method)(url)
    want = expected[role]
    if want == LOGIN:
        assert response.status_code == 302, (name, role, response.status_code)
        assert response["Location"].startswith(reverse("accounts:login")), (name, role)
    else:
        assert response.status_code == want, (name, role, response.status_code)


@pytest.mark.parametrize("name", sorted(n for n in PUBLIC if not n.startswith("api:")))
def test_public_pages_need_no_login(client, world, name):
    objects, _users = world
    kwargs = {
        "offers:detail": objects["offer"], "reports:create": objects["offer"],
        "feeds:offer_calendar": objects["offer"],  # an offer without dates: 404 is fine here
        "sharing:embed_offer": objects["offer"],
        "providers:detail": objects["organisation"],
        "accounts:password_reset_confirm": {"uidb64": "MQ", "token": "falsch"},
        "accounts:invitation_accept": {"token": "falsch"},
        "freshness:confirm": {"pk": objects["offer"]["pk"], "token": "falsch"},
        # HSDS details of an unknown id and unknown paths: a JSON 404 is fine here
        **dict.fromkeys(("hsds:service", "hsds:service_at_location", "hsds:organization",
                         "hsds:taxonomy", "hsds:taxonomy_term"), {"id": "unbekannt"}),
        "hsds:unknown": {"path": "unbekannt"},
        "opendata_files:file": {"filename": "offers.csv"},
    }.get(name)
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code < 500
    assert not response.get("Location", "").startswith(reverse("accounts:login"))
    assert not response.cookies, name  # anonymous visitors receive no cookie


@pytest.mark.parametrize(("role", "status"), [("anonymous", 302), ("provider", 302), ("editor", 200)])
def test_admin_is_for_editors_only(client, world, role, status):
    _objects, users = world
    if users[role] is not None:
        client.force_login(users[role])
    assert client.get(reverse("admin:index")).status_code == status
