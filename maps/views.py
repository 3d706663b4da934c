"""The map of a search: an SVG district map with the number of offers per city (always), and
an interactive map of the places when the operator has configured a tile server."""

from dataclasses import replace

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from offers import results
from search.engine import known_slugs
from search.params import parse_search_params
from sharing.merkliste import EMPTY as EMPTY_MERKLISTE
from sharing.merkliste import Merkliste

from . import figures, places
from .links import list_url, map_links


def _params(request):
    params = parse_search_params(
        request.GET, known_slugs(), default_page_size=settings.SEARCH_PAGE_SIZE, strict=False
    )
    # the map shows the whole search: there are no pages
    return replace(params, page=1, page_size=settings.SEARCH_PAGE_SIZE)


@require_safe
def map_page(request):
    """The search as a map of the district, with the same figures as a table."""
    params = _params(request)
    merk = Merkliste.from_request(request)
    # As the results page: a page with a Merkliste belongs to one visitor and is not cached.
    if settings.DEBUG or merk:
        return _render_map(request, params, merk)
    # the tile setting changes the page, so it is part of the key
    key_prefix = f"maps:page:{bool(settings.MAP_TILE_URL)}:"
    return results.cached_page(key_prefix, params, lambda: _render_map(request, params))


def _render_map(request, params, merk=EMPTY_MERKLISTE):
    params, result = results.run_search(params)
    links = map_links(merk)
    context = results.page_context(params, result, links, listing=False)
    context.update({
        "merk": merk,
        "map": figures.build(params, result, links),
        "list_url": list_url(params, merk),
        "map_url": links.search(params),
        "print_path": links.search(params),
        "tiles": bool(settings.MAP_TILE_URL),
    })
    if settings.MAP_TILE_URL:
        context.update({
            "tile_url": settings.MAP_TILE_URL,
            "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
            # the same search, without the Merkliste: the places do not depend on it
            "places_url": replace(map_links(), search_path=reverse("maps:places")).search(params),
        })
    return render(request, "maps/map.html", context)


@require_safe
def places_json(request):
    """The places of the search's offers with coordinates, for static/js/map.js."""
    params = _params(request)
    rows, truncated = places.places(params, map_links(Merkliste.from_request(request)))
    return JsonResponse({"count": len(rows), "truncated": truncated, "places": rows},
                        json_dumps_params={"ensure_ascii": False})
