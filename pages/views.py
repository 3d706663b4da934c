"""The start page and the static pages (Impressum, Datenschutz, Barrierefreiheit, Kontakt,
Leichte Sprache)."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from offers.results import search_url
from search.engine import search_offers
from search.params import SearchParams
from taxonomy.models import City, TargetGroup, Topic
from taxonomy.names import translated

KI_EMAIL = "integration@kreis-re.example.org"
KI_PHONE = "02361 00000-0"  # a placeholder, like the address on the contact page


@require_safe
def home(request):
    everything = SearchParams()
    result = search_offers(everything)
    topic_counts = result.facets.get("topic", {})
    city_counts = result.facets.get("city", {})
    topics = [
        {"name": translated(t.name), "slug": t.slug, "covers": translated(t.covers),
         "count": topic_counts.get(t.slug, 0), "url": search_url(everything, topic=(t.slug,))}
        for t in Topic.objects.order_by("position", "name")
    ]
    cities = [
        {"name": c.name, "count": city_counts.get(c.slug, 0),
         "url": search_url(everything, city=(c.slug,))}
        for c in City.objects.order_by("position", "name")
    ]
    seeds = [
        {"name": translated(g.name), "url": search_url(everything, target_group=(g.slug,))}
        for g in TargetGroup.objects.filter(is_seed_filter=True).order_by("position", "name")
    ]
    return render(request, "pages/home.html", {
        "total": result.count, "topics": topics, "cities": cities, "seeds": seeds,
    })


@require_safe
def impressum(request):
    return render(request, "pages/impressum.html", {"ki_email": KI_EMAIL, "ki_phone": KI_PHONE})


@require_safe
def datenschutz(request):
    return render(request, "pages/datenschutz.html", {"ki_email": KI_EMAIL})


@require_safe
def barrierefreiheit(request):
    return render(request, "pages/barrierefreiheit.html", {"ki_email": KI_EMAIL, "ki_phone": KI_PHONE})


@require_safe
def kontakt(request):
    # "Fehler melden" on an offer page links here with the offer's title and number.
    offer_title = " ".join(request.GET.get("angebot", "").split())[:200]
    offer_number = request.GET.get("nr", "")
    offer_number = offer_number if offer_number.isdigit() else ""
    subject = ""
    if offer_title and offer_number:
        subject = _("Fehler im Angebot: %(title)s (Nr. %(number)s)") % {
            "title": offer_title, "number": offer_number}
    elif offer_title:
        subject = _("Fehler im Angebot: %(title)s") % {"title": offer_title}
    return render(request, "pages/kontakt.html", {
        "ki_email": KI_EMAIL, "ki_phone": KI_PHONE, "offer_title": offer_title,
        "offer_number": offer_number, "mail_subject": subject,
    })


@require_safe
def leichte_sprache(request):
    """The site, the search and the accessibility statement in German easy language (German
    under every language prefix: easy language is a German standard)."""
    return render(request, "pages/leichte_sprache.html", {"ki_email": KI_EMAIL, "ki_phone": KI_PHONE})
