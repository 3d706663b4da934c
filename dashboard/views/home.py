"""The overview ("Mein Bereich"): my organisations, my offers and what needs my attention."""

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from accounts.roles import is_editor, login_required
from offers.results import page_links
from providers.models import Organisation

from .. import overview
from ..forms import OrganisationChoiceForm

# Editors reach every organisation: the list without a chosen one is paged.
ORGANISATIONS_PER_PAGE = 25


@login_required
@require_safe
def home(request):
    user = request.user
    organisations = Organisation.objects.editable_by(user).select_related("city")
    context = {"ki_email": settings.KI_EMAIL, "is_editor": is_editor(user)}
    if context["is_editor"]:
        chosen = request.GET if "traeger" in request.GET else None
        choice = OrganisationChoiceForm(chosen, organisations=organisations)
        context["choice_form"] = choice
        if not choice.is_valid():
            context.update(_organisation_list(request, organisations))
            return render(request, "dashboard/home.html", context)
        organisations = [choice.cleaned_data["traeger"]]
    context["overview"] = overview.build(user, organisations)
    return render(request, "dashboard/home.html", context)


def _organisation_list(request, organisations):
    page = Paginator(overview.organisations_with_counts(organisations),
                     ORGANISATIONS_PER_PAGE).get_page(request.GET.get("page"))

    def page_url(number):
        return "?" + urlencode({"page": number})

    return {"organisation_page": page,
            "pagination": page_links(page.number, page.paginator.num_pages, page_url)}
