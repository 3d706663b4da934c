"""Reminders for offers due for review (the send_reminders command).

Per verification cycle (the offer's reference date) each step happens once per offer:

1. the organisation's addresses get an e-mail listing its due offers, each with a signed
   one-click link "Angebot ist noch aktuell" and a link to edit it;
2. three weeks after the first, if still not confirmed, a second reminder;
3. three weeks after the second, the KI gets one e-mail listing the offers and their
   organisations. Organisations without any address skip steps 1 and 2 and go straight to
   the KI's notice.

A confirmation moves the reference date, which starts a new cycle. Ended offers get no
reminders: they have left the search anyway, and "still current" would not be true.
"""

import dataclasses
import datetime
from collections import defaultdict

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from notifications.mail import absolute_url, organisation_recipients, send
from offers.models import Offer

from . import rules, services
from .models import Reminder

Step = Reminder.Step


@dataclasses.dataclass
class Item:
    offer: Offer
    cycle: datetime.date
    sent: dict  # {step: sent_at} of this cycle
    no_address: bool = False

    @property
    def first_sent(self):
        return self.sent.get(Step.FIRST)

    @property
    def second_sent(self):
        return self.sent.get(Step.SECOND)


@dataclasses.dataclass
class Plan:
    """What a run sends: per step 1 and 2 {organisation: (addresses, [Item])}, and the
    items for the KI's notice."""

    today: datetime.date
    first: dict = dataclasses.field(default_factory=dict)
    second: dict = dataclasses.field(default_factory=dict)
    ki: list = dataclasses.field(default_factory=list)

    def by_step(self):
        return ((Step.FIRST, self.first), (Step.SECOND, self.second))


def _day(moment):
    return timezone.localdate(moment)


def make_plan(today):
    """Decide what is due on `today`, from the offers and the reminders already sent."""
    due = (Offer.objects.due_for_review(today).filter(rules.not_ended(today))
           .select_related("organisation").order_by("organisation__name", "organisation_id",
                                                    "title", "pk"))
    sent = defaultdict(dict)
    for offer_id, step, cycle, sent_at in Reminder.objects.filter(offer__in=due).values_list(
            "offer_id", "step", "cycle", "sent_at"):
        sent[offer_id, cycle][step] = sent_at
    plan = Plan(today=today)
    addresses = {}
    for offer in due:
        organisation = offer.organisation
        if organisation.pk not in addresses:
            addresses[organisation.pk] = organisation_recipients(organisation)
        to = addresses[organisation.pk]
        cycle = rules.reference_date(offer)
        item = Item(offer, cycle, sent.get((offer.pk, cycle), {}))
        if Step.KI_NOTICE in item.sent:
            continue
        if Step.FIRST not in item.sent:
            step = Step.FIRST
        elif Step.SECOND not in item.sent:
            if _day(item.first_sent) + rules.REMINDER_GAP > today:
                continue
            step = Step.SECOND
        else:
            if _day(item.second_sent) + rules.REMINDER_GAP <= today:
                plan.ki.append(item)
            continue
        if not to:
            item.no_address = True
            plan.ki.append(item)
            continue
        target = plan.first if step == Step.FIRST else plan.second
        target.setdefault(organisation, (to, []))[1].append(item)
    return plan


def _moment(today):
    """The time a reminder is recorded as sent: now, on the run's day (--today moves it, so
    the three-week gaps follow the day the run acted for)."""
    now = timezone.localtime()
    return timezone.make_aware(datetime.datetime.combine(today, now.time()))


def _offer_context(item, recipient, today):
    offer = item.offer
    hidden_from = rules.last_day_not_older(item.cycle, settings.HIDE_AFTER_MONTHS) + rules.ONE_DAY
    return {
        "title": offer.title,
        "reference": item.cycle,
        "confirm_url": services.confirm_link(offer, recipient, item.cycle),
        "edit_url": absolute_url(services.edit_path(offer)),
        "offer_url": absolute_url(services.offer_path(offer)),
        "hidden": hidden_from <= today,
        "hidden_from": hidden_from,
    }


def _send_reminder(step, organisation, to, items, today):
    """Record and send one step for one organisation: one message per address (each link
    names its recipient). Returns the number of messages, 0 if another run was faster."""
    rows = [Reminder(offer=item.offer, step=step, cycle=item.cycle, sent_at=_moment(today),
                     recipients="\n".join(to)) for item in items]
    login = services.login_path()
    messages = 0
    try:
        # Rows first: the unique constraint stops a concurrent run, and a failed send rolls
        # them back so the next run tries again.
        with transaction.atomic():
            Reminder.objects.bulk_create(rows)
            for recipient in to:
                messages += send(recipient, "reminder", {
                    "step": int(step), "organisation": organisation, "recipient": recipient,
                    "offers": [_offer_context(item, recipient, today) for item in items],
                    "link_days": settings.CONFIRM_LINK_MAX_AGE_DAYS,
                    "login_url": absolute_url(login) if login else "",
                    "hide_months": settings.HIDE_AFTER_MONTHS,
                })
    except IntegrityError:
        return 0
    return messages


def _ki_context(items, today):
    groups = {}
    for item in items:
        organisation = item.offer.organisation
        group = groups.setdefault(organisation.pk, {"organisation": organisation, "items": []})
        group["items"].append({
            "title": item.offer.title, "offer_url": absolute_url(services.offer_path(item.offer)),
            "reference": item.cycle, "first_sent": item.first_sent,
            "second_sent": item.second_sent, "no_address": item.no_address,
            "hidden": rules.is_hidden(item.offer, today),
        })
    overdue = services.site_path("freshness:overdue")
    return {"groups": list(groups.values()), "count": len(items),
            "overdue_url": absolute_url(overdue)}


def _send_ki_notice(items, today):
    rows = [Reminder(offer=item.offer, step=Step.KI_NOTICE, cycle=item.cycle,
                     sent_at=_moment(today), recipients=settings.KI_EMAIL) for item in items]
    try:
        with transaction.atomic():
            Reminder.objects.bulk_create(rows)
            return send(settings.KI_EMAIL, "overdue", _ki_context(items, today))
    except IntegrityError:
        return 0


@dataclasses.dataclass
class Counts:
    offers: dict = dataclasses.field(default_factory=lambda: dict.fromkeys(Step.values, 0))
    messages: dict = dataclasses.field(default_factory=lambda: dict.fromkeys(Step.values, 0))


def execute(plan):
    """Send what the plan says; returns Counts per step."""
    counts = Counts()
    for step, by_organisation in plan.by_step():
        for organisation, (to, items) in by_organisation.items():
            sent = _send_reminder(step, organisation, to, items, plan.today)
            if sent:
                counts.offers[step] += len(items)
                counts.messages[step] += sent
    if plan.ki:
        sent = _send_ki_notice(plan.ki, plan.today)
        if sent:
            counts.offers[Step.KI_NOTICE] += len(plan.ki)
            counts.messages[Step.KI_NOTICE] += sent
    return counts
