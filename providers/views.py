"""Public provider pages: the directory, one provider, and the contact-person directory."""

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, render
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from freshness import rules
from offers.models import Offer
from offers.results import cards, page_links
from taxonomy.models import City

from .models import Contact, Organisation

PROVIDERS_PER_PAGE = 50
CONTACTS_PER_PAGE = 30


def _page(request, queryset, per_page):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def _pagination(page, state):
    """Page links that keep the directory's search state."""

    def url(number):
        query = [(k, v) for k, v in state if v] + ([("page", number)] if number > 1 else [])
        return "?" + urlencode(query) if query else "?"

    return page_links(page.number, page.paginator.num_pages, url)


@require_safe
def provider_list(request):
    """All providers, searchable by name, with their number of visible offers (the same
    offers the search shows)."""
    q = " ".join(request.GET.get("q", "").split())[:200]
    providers = Organisation.objects.select_related("city").annotate(
        offer_count=Count("offers", filter=rules.visible_q(prefix="offers__"))
    )
    if q:
        providers = providers.filter(name__icontains=q)
    page = _page(request, providers.order_by("name"), PROVIDERS_PER_PAGE)
    return render(request, "providers/list.html", {
        "q": q, "page": page, "pagination": _pagination(page, [("q", q)]),
    })


@require_safe
def detail(request, slug):
    """A provider with its visible offers and its consented contact persons."""
    organisation = get_object_or_404(
        Organisation.objects.select_related("city").prefetch_related(
            Prefetch(
                "offers",
                queryset=Offer.objects.visible().select_related("organisation")
                .prefetch_related("cities", "topics", "languages").order_by("title"),
                to_attr="published_offers",  # the name the template knows; visible ones only
            ),
            Prefetch("contacts", queryset=Contact.objects.public().order_by("name"),
                     to_attr="public_contacts"),
        ),
        slug=slug,
    )
    return render(request, "providers/detail.html", {
        "organisation": organisation, "cards": cards(organisation.published_offers),
    })


@require_safe
def contacts(request):
    """Consented contact persons, searchable by name, role and provider, filterable by city."""
    q = " ".join(request.GET.get("q", "").split())[:200]
    cities = list(City.objects.order_by("position", "name"))
    city = request.GET.get("city", "")
    if city not in {c.slug for c in cities}:
        city = ""
    people = Contact.objects.public().select_related("organisation", "organisation__city")
    if q:
        for word in q.split():
            people = people.filter(
                Q(name__icontains=word) | Q(role__icontains=word)
                | Q(organisation__name__icontains=word)
            )
    if city:
        people = people.filter(organisation__city__slug=city)
    page = _page(request, people.order_by("name", "pk"), CONTACTS_PER_PAGE)
    return render(request, "providers/contacts.html", {
        "q": q, "city": city, "cities": cities, "page": page,
        "pagination": _pagination(page, [("q", q), ("city", city)]),
    })
