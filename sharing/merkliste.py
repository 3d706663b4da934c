"""The Merkliste: offers a visitor collects while browsing, held only in the URL.

No cookie and no server-side state: the list is the query parameter `merk=12.45.9` (offer ids
in the order they were added). Every link on the results page, the offer page and the list page
carries it, so the list survives browsing and can be shared or bookmarked as one link.
Anything that is not a plain id is ignored, so a mangled or hostile link never fails.
"""

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.urls import reverse

PARAM = "merk"
# Enough for what a counsellor hands a client; keeps the URL (and its QR code) short.
MAX_ITEMS = 50
# Longest value worth reading: 50 ids of up to 10 digits with separators. Longer input is cut
# before it is split, so a huge parameter costs nothing.
MAX_RAW_LENGTH = MAX_ITEMS * 11
MAX_ID = 2**31 - 1  # the largest primary key every database here can hold
SEPARATORS = re.compile(r"[.,;\s]+")


def parse(raw):
    """The ids in `raw` ("12.45.9"): positive integers, first occurrence kept, at most MAX_ITEMS."""
    ids = []
    for part in SEPARATORS.split((raw or "")[:MAX_RAW_LENGTH]):
        if not part.isascii() or not part.isdigit():
            continue
        pk = int(part)
        if 0 < pk <= MAX_ID and pk not in ids:
            ids.append(pk)
            if len(ids) == MAX_ITEMS:
                break
    return tuple(ids)


class Merkliste:
    """An immutable list of offer ids with the links that change it."""

    __slots__ = ("ids",)

    def __init__(self, ids=()):
        self.ids = tuple(ids)[:MAX_ITEMS]

    @classmethod
    def from_request(cls, request):
        return cls(parse(request.GET.get(PARAM, "")))

    def __bool__(self):
        return bool(self.ids)

    def __len__(self):
        return len(self.ids)

    def __contains__(self, pk):
        return pk in self.ids

    def __eq__(self, other):
        return isinstance(other, Merkliste) and other.ids == self.ids

    def __hash__(self):
        return hash(self.ids)

    def __repr__(self):
        return f"Merkliste({self.value!r})"

    @property
    def value(self):
        """The parameter's value, e.g. "12.45.9" ("" for an empty list)."""
        return ".".join(str(pk) for pk in self.ids)

    @property
    def is_full(self):
        return len(self.ids) >= MAX_ITEMS

    def query_pairs(self):
        """[("merk", "12.45.9")] to append to a link's query, or [] for an empty list."""
        return [(PARAM, self.value)] if self.ids else []

    def added(self, pk):
        if pk in self.ids or self.is_full:
            return self
        return Merkliste((*self.ids, pk))

    def removed(self, pk):
        return Merkliste(pk_ for pk_ in self.ids if pk_ != pk)

    def toggled(self, pk):
        return self.removed(pk) if pk in self.ids else self.added(pk)

    def apply_to(self, url):
        """`url` with its merk parameter replaced by this list (dropped when empty)."""
        parts = urlsplit(url)
        pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != PARAM]
        pairs += self.query_pairs()
        return urlunsplit(parts._replace(query=urlencode(pairs)))

    def list_url(self):
        """The Merkliste page showing this list."""
        return self.apply_to(reverse("sharing:list"))


EMPTY = Merkliste()
