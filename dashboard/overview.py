"""What the overview page shows: the organisations, each offer's state in words, what waits
for review, recent rejections and open reports, in a handful of queries."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from changes.models import ChangeRequest
from changes.snapshot import kind_of
from freshness import rules
from offers.models import Offer
from reports.models import Report

# A rejection stays on the overview this long (unless a newer change replaced it).
REJECTIONS_SHOWN_FOR = datetime.timedelta(days=90)


def history_url(obj):
    """The object's history (providers see their own objects' history there too)."""
    return reverse("changes:history", args=[kind_of(obj), obj.pk])


@dataclass
class OfferRow:
    offer: Offer
    status: str
    status_class: str
    comment: str = ""
    due_for_review: bool = False
    hidden: bool = False

    @property
    def history_url(self):
        return history_url(self.offer)

    @property
    def is_published(self):
        return self.offer.status == Offer.Status.PUBLISHED


@dataclass
class OrganisationBlock:
    organisation: object
    rows: list = field(default_factory=list)
    archived: list = field(default_factory=list)

    @property
    def has_published(self):
        return any(row.is_published for row in self.rows)


def is_recent_rejection(change, now=None):
    return (change is not None and change.status == ChangeRequest.Status.REJECTED
            and change.reviewed_at is not None
            and change.reviewed_at >= (now or timezone.now()) - REJECTIONS_SHOWN_FOR)


def shown_rejection(offer, latest):
    """The offer's latest change if it was rejected and still concerns the provider: a new
    offer left as a draft by it, or a recent rejection."""
    if latest is None or latest.status != ChangeRequest.Status.REJECTED:
        return None
    if offer.status == Offer.Status.DRAFT or is_recent_rejection(latest):
        return latest
    return None


def offer_status(offer, latest):
    """(words, badge modifier, editor's comment) for an offer and its latest change."""
    if offer.status == Offer.Status.ARCHIVED:
        return _("archiviert"), "archived", ""
    if latest is not None and latest.is_pending:
        if latest.kind == ChangeRequest.Kind.UPDATE:
            return _("Änderung wartet auf Prüfung"), "pending", ""
        return _("neu, wartet auf Prüfung"), "pending", ""
    if offer.status == Offer.Status.PENDING:
        return _("neu, wartet auf Prüfung"), "pending", ""
    if rejection := shown_rejection(offer, latest):
        words = _("abgelehnt") if offer.status == Offer.Status.DRAFT else \
            _("veröffentlicht, Änderung abgelehnt")
        return words, "rejected", rejection.review_comment
    if offer.status == Offer.Status.DRAFT:
        return _("Entwurf"), "draft", ""
    return _("veröffentlicht"), "published", ""


def latest_changes(offers):
    """{offer id: its most recent ChangeRequest} for the given offers (one query, however
    long their history)."""
    newest = (ChangeRequest.objects.filter(offer=OuterRef("offer"))
              .order_by("-created_at", "-pk").values("pk")[:1])
    changes = (ChangeRequest.objects.filter(offer__in=offers, pk=Subquery(newest))
               .select_related("offer", "created_by"))
    return {change.offer_id: change for change in changes}


@dataclass
class Overview:
    blocks: list
    pending: list
    rejections: list
    reports: list


def build(user, organisations):
    """The overview of these organisations (already limited to what `user` may edit)."""
    organisations = list(organisations)
    offers = list(Offer.objects.editable_by(user).filter(organisation__in=organisations)
                  .order_by("title", "pk"))
    latest = latest_changes(offers)
    today = rules.today()
    now = timezone.now()
    blocks = {org.pk: OrganisationBlock(org) for org in organisations}
    for offer in offers:
        change = latest.get(offer.pk)
        words, modifier, comment = offer_status(offer, change)
        row = OfferRow(offer, words, modifier, comment)
        if offer.status == Offer.Status.PUBLISHED:
            row.hidden = rules.is_hidden(offer, today)
            row.due_for_review = not row.hidden and rules.is_due_for_review(offer, today)
        block = blocks[offer.organisation_id]
        (block.archived if offer.status == Offer.Status.ARCHIVED else block.rows).append(row)
    changes = sorted(latest.values(), key=lambda c: c.created_at, reverse=True)
    return Overview(
        blocks=list(blocks.values()),
        pending=[c for c in changes if c.is_pending],
        rejections=[c for c in changes if is_recent_rejection(c, now)
                    and c.offer.status != Offer.Status.ARCHIVED],
        reports=list(Report.objects.visible_to(user).open()
                     .filter(offer__organisation__in=organisations)
                     .select_related("offer").order_by("-created_at")),
    )


def organisations_with_counts(organisations):
    """For the editors' paged list: each organisation with its number of live offers."""
    return organisations.annotate(
        offer_count=Count("offers", filter=~Q(offers__status=Offer.Status.ARCHIVED)),
    ).select_related("city").order_by("name", "pk")
