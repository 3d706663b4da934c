"""Links between the results list and the map: both carry the whole search and the Merkliste."""

from django.urls import reverse

from offers.results import Links
from sharing.merkliste import EMPTY as EMPTY_MERKLISTE


def map_links(merk=EMPTY_MERKLISTE):
    """Links of the map page: the search (filters, chips, city links) stays on the map, offer
    links go to the offer pages under the results page."""
    return Links(reverse("maps:map"), reverse("offers:search"), merk)


def map_url(params, merk=EMPTY_MERKLISTE):
    """The map of this search (from the results page: its page number does not apply)."""
    return map_links(merk).search(params, page=1)


def list_url(params, merk=EMPTY_MERKLISTE):
    """The results list of this search (from the map page)."""
    return Links.site(merk).search(params, page=1)
