"""Fixtures of the provider-area tests, and a reader that sends a page's form the way a
browser would (so the tests also prove that the page carries everything a save needs)."""

import datetime
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation

from offers.models import OfferTime, Place
from taxonomy.models import City

TEXT_INPUTS = {"text", "hidden", "email", "url", "number", "date", "time", "tel", "search", "password"}


class _FormParser(HTMLParser):
    """The controls of every <form method="post"> of a page, as a browser would send them
    (without any submit button: the test names the one it presses)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._form = None
        self._select = None
        self._textarea = None

    def _add(self, name, value):
        self._form["fields"].setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "").lower() == "post":
            self._form = {"action": attrs.get("action"), "fields": {}, "buttons": []}
            self.forms.append(self._form)
        if self._form is None:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in TEXT_INPUTS:
                self._add(name, attrs.get("value", ""))
            elif kind in ("checkbox", "radio") and "checked" in attrs:
                self._add(name, attrs.get("value", "on"))
        elif tag == "button" and name:
            self._form["buttons"].append(name)
        elif tag == "select" and name:
            self._select = {"name": name, "options": [], "selected": []}
        elif tag == "option" and self._select is not None:
            self._select["options"].append(attrs.get("value", ""))
            if "selected" in attrs:
                self._select["selected"].append(attrs.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = {"name": name, "text": ""}

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea["text"] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select is not None:
            chosen = self._select["selected"] or self._select["options"][:1]
            for value in chosen:
                self._add(self._select["name"], value)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            # browsers drop the one newline that follows <textarea>
            self._add(self._textarea["name"], self._textarea["text"].removeprefix("\n"))
            self._textarea = None


def form_data(response, field="title"):
    """What the browser would send with the page's post form that has a control `field`."""
    parser = _FormParser()
    parser.feed(response.content.decode())
    for form in parser.forms:
        if field in form["fields"] or field in form["buttons"]:
            return {name: values if len(values) > 1 else values[0]
                    for name, values in form["fields"].items()}
    raise AssertionError(f"no post form with a control named {field!r}")


@pytest.fixture
def fill():
    """fill(response, title="…", **changes) → the form's data with some fields changed;
    a value of None unticks a checkbox (removes the field)."""

    def fill(response, field="title", **changes):
        data = form_data(response, field)
        for name, value in changes.items():
            if value is None:
                data.pop(name, None)
            else:
                data[name] = value
        return data

    return fill


@pytest.fixture
def city():
    return lambda slug: City.objects.get(slug=slug)


@pytest.fixture
def offer(make_offer, provider_org):
    """A published offer of provider_org with one place and one weekly time."""
    offer = make_offer(title="Sprachcafé", organisation=provider_org, summary="Deutsch üben")
    Place.objects.create(offer=offer, name="Stadtteilzentrum", street="Hauptstraße 1",
                         postcode="45768", city=City.objects.get(slug="marl"))
    OfferTime.objects.create(offer=offer, weekday=0, opens_at=datetime.time(10),
                             closes_at=datetime.time(12))
    return offer


@pytest.fixture
def other_provider(make_user, make_organisation):
    """A provider member of another organisation: provider_org's things are not theirs."""
    return make_user("andere@example.org", organisations=[make_organisation("Anderer Verein")])


@pytest.fixture
def edit_url():
    return lambda offer: reverse("dashboard:offer_edit", args=[offer.pk])


@pytest.fixture(autouse=True)
def german_after_each_test():
    """A request to /ar/… leaves Arabic active in this thread (LocaleMiddleware activates a
    language and nothing resets it in tests); later tests expect reverse() to give /de/."""
    yield
    translation.deactivate()
