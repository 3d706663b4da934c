"""All organisations for the KI editors: what they publish, who belongs to them, and whether
their changes publish at once (trusted)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts.models import Membership
from accounts.roles import editor_required
from config.redirects import back_to_list
from offers.models import Offer
from offers.results import page_links
from providers.models import Organisation

from .. import services
from ..forms import OrganisationSearchForm, TrustForm
from ..models import ChangeRequest

ORGANISATIONS_PER_PAGE = 50


def _count(queryset, link):
    """The number of rows of `queryset` per organisation, as a subquery: separate counts
    joined together would multiply each other."""
    counted = (queryset.filter(**{link: OuterRef("pk")}).order_by().values(link)
               .annotate(n=Count("pk")).values("n"))
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


@editor_required
@require_safe
def organisations(request):
    form = OrganisationSearchForm(request.GET or None)
    q = form.query
    found = Organisation.objects.annotate(
        published_count=_count(Offer.objects.published(), "organisation"),
        pending_count=_count(ChangeRequest.objects.pending(), "offer__organisation"),
        member_count=_count(Membership.objects.all(), "organisation"),
    ).order_by("name")
    if q:
        found = found.filter(name__icontains=q)
    page = Paginator(found, ORGANISATIONS_PER_PAGE).get_page(request.GET.get("page"))

    def page_url(number):
        query = ([("q", q)] if q else []) + ([("page", number)] if number > 1 else [])
        return "?" + urlencode(query)

    return render(request, "changes/organisations.html", {
        "form": form, "q": q, "page": page,
        "pagination": page_links(page.number, page.paginator.num_pages, page_url),
    })


@editor_required
@require_POST
def organisation_trust(request, pk):
    """Trust an organisation (its changes publish at once) or take it back; recorded."""
    organisation = get_object_or_404(Organisation.objects.editable_by(request.user), pk=pk)
    form = TrustForm(request.POST)
    form.is_valid()  # a single optional checkbox: always valid, absent means "not trusted"
    trusted = form.cleaned_data["is_trusted"]
    services.save_fields(organisation, {"is_trusted": trusted}, user=request.user)
    if trusted:
        text = _("„%(name)s“ ist jetzt vertrauenswürdig: Änderungen erscheinen sofort.")
    else:
        text = _("„%(name)s“ ist nicht mehr vertrauenswürdig: Änderungen werden wieder geprüft.")
    messages.success(request, text % {"name": organisation.name})
    return redirect(back_to_list(request, reverse("changes:organisations")))
