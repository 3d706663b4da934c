"""An organisation's profile, confirming all its offers at once, and its contact persons.
Every change goes through changes.services (recorded in the history, conflicts refused)."""

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_safe

from accounts.roles import is_editor, login_required
from changes import services
from changes.snapshot import contact_snapshot, organisation_snapshot
from freshness import services as freshness
from offers.models import Offer
from providers.models import Contact, Organisation

from ..forms import ContactForm, OrganisationForm
from ..overview import history_url
from .common import BASE_FIELD, BASE_LOST, home_url, posted_base


def _editable_organisation(request, slug):
    return get_object_or_404(Organisation.objects.editable_by(request.user), slug=slug)


def _editable_contact(request, pk):
    return get_object_or_404(Contact.objects.editable_by(request.user)
                             .select_related("organisation"), pk=pk)


def _save_with_base(request, obj, form, current):
    """Save a valid form through save_fields with the posted base. Returns None when saved,
    else the context to show the form again (lost base or a conflict; input kept)."""
    token, base = posted_base(request)
    if base is None:
        form.add_error(None, BASE_LOST)
        return {"base": services.sign_base(current)}
    try:
        services.save_fields(obj, form.snapshot(), user=request.user, base=base)
    except services.EditConflict as conflict:
        return {"base": services.sign_base(conflict.current), "conflict": conflict.changes}
    return None


# --- the organisation ----------------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def organisation_edit(request, slug):
    organisation = _editable_organisation(request, slug)
    editor = is_editor(request.user)
    context = {"organisation": organisation, "base_field": BASE_FIELD,
               "history_url": history_url(organisation),
               "back_url": home_url(request.user, organisation)}
    if request.method == "POST":
        form = OrganisationForm(request.POST, organisation=organisation, may_set_trusted=editor)
        context["base"] = posted_base(request)[0]
        if form.is_valid():
            again = _save_with_base(request, organisation, form, organisation_snapshot(organisation))
            if again is None:
                messages.success(request, _("Das Profil von „%(name)s“ ist gespeichert.")
                                 % {"name": form.cleaned_data["name"]})
                return redirect(home_url(request.user, organisation))
            context.update(again)
    else:
        form = OrganisationForm(organisation=organisation, may_set_trusted=editor)
        context["base"] = services.sign_base(organisation_snapshot(organisation))
    return render(request, "dashboard/organisation_form.html", {**context, "form": form})


def _published_offers(request, organisation):
    return (Offer.objects.editable_by(request.user).published()
            .filter(organisation=organisation).order_by("title", "pk"))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def organisation_confirm_all(request, slug):
    """GET lists the published offers, POST confirms them all as still current."""
    organisation = _editable_organisation(request, slug)
    offers = list(_published_offers(request, organisation))
    if request.method == "POST":
        freshness.confirm_many(offers, user=request.user, via="dashboard")
        messages.success(request, ngettext(
            "Danke! %(count)s Angebot von „%(name)s“ ist als aktuell bestätigt.",
            "Danke! %(count)s Angebote von „%(name)s“ sind als aktuell bestätigt.", len(offers),
        ) % {"count": len(offers), "name": organisation.name})
        return redirect(home_url(request.user, organisation))
    return render(request, "dashboard/organisation_confirm_all.html", {
        "organisation": organisation, "offers": offers,
        "back_url": home_url(request.user, organisation),
    })


# --- contact persons -------------------------------------------------------------------------

@login_required
@require_safe
def contacts(request, slug):
    organisation = _editable_organisation(request, slug)
    people = organisation.contacts.order_by("name", "pk").prefetch_related(
        Prefetch("offers", queryset=Offer.objects.exclude(status=Offer.Status.ARCHIVED)
                 .order_by("title")))
    return render(request, "dashboard/contacts.html", {
        "organisation": organisation, "contacts": people,
        "back_url": home_url(request.user, organisation),
    })


def _contact_form_page(request, organisation, form, contact=None, **context):
    return render(request, "dashboard/contact_form.html", {
        "organisation": organisation, "contact": contact, "form": form, "base_field": BASE_FIELD,
        "history_url": history_url(contact) if contact else "", **context,
    })


def _back_to_contacts(organisation):
    return redirect("dashboard:contacts", slug=organisation.slug)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def contact_create(request, slug):
    organisation = _editable_organisation(request, slug)
    form = ContactForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        contact = services.save_fields(Contact(organisation=organisation), form.snapshot(),
                                       user=request.user)
        messages.success(request, _("%(name)s ist als Ansprechperson angelegt.")
                         % {"name": contact.name})
        return _back_to_contacts(organisation)
    return _contact_form_page(request, organisation, form)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def contact_edit(request, pk):
    contact = _editable_contact(request, pk)
    organisation = contact.organisation
    if request.method == "POST":
        form = ContactForm(request.POST, organisation=organisation)
        context = {"base": posted_base(request)[0]}
        if form.is_valid():
            again = _save_with_base(request, contact, form, contact_snapshot(contact))
            if again is None:
                messages.success(request, _("Die Angaben zu %(name)s sind gespeichert.")
                                 % {"name": form.cleaned_data["name"]})
                return _back_to_contacts(organisation)
            context.update(again)
    else:
        current = contact_snapshot(contact)
        form = ContactForm(initial=current, organisation=organisation)
        context = {"base": services.sign_base(current)}
    return _contact_form_page(request, organisation, form, contact, **context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def contact_delete(request, pk):
    """GET asks (naming the offers the person is attached to), POST deletes."""
    contact = _editable_contact(request, pk)
    organisation = contact.organisation
    if request.method == "POST":
        name = contact.name
        services.delete_contact(contact, user=request.user)
        messages.success(request, _("%(name)s ist gelöscht.") % {"name": name})
        return _back_to_contacts(organisation)
    return render(request, "dashboard/contact_delete.html", {
        "contact": contact, "organisation": organisation,
        "offers": contact.offers.exclude(status=Offer.Status.ARCHIVED).order_by("title"),
    })
