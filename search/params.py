"""The search request shared by the HTML results page and the JSON API.

One parser turns a query string into SearchParams, so both surfaces accept the same
parameters and reject the same bad input (the API answers 400, the page drops the value).
"""

import re
from dataclasses import dataclass, field, replace

from django.utils.translation import gettext as _

FACETS = ("city", "topic", "target_group", "language")
FLAGS = ("free", "accessible", "childcare")
SORTS = ("relevance", "newest", "title", "distance")  # distance: only with `near`
MAX_PAGE_SIZE = 100
MAX_QUERY_LENGTH = 200
# Control characters never belong in a query; PostgreSQL even rejects NUL in text parameters.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


class SearchParamError(ValueError):
    """A parameter the search cannot use; `parameter` names it for the API's error answer."""

    def __init__(self, parameter, code, message):
        super().__init__(message)
        self.parameter = parameter
        self.code = code
        self.message = message


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    city: tuple[str, ...] = ()
    topic: tuple[str, ...] = ()
    target_group: tuple[str, ...] = ()
    language: tuple[str, ...] = ()
    free: bool | None = None
    accessible: bool | None = None
    childcare: bool | None = None
    sort: str = "relevance"
    page: int = 1
    page_size: int = 20
    # search near a place (search/proximity.py): a district postcode or city name, and km
    near: str = ""
    radius: int | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)
    # the lenient parser's dropped values as (parameter, message, raw value), for the page
    problems: tuple = field(default=(), compare=False, hash=False)

    def facet_values(self, facet):
        return getattr(self, facet)

    def without(self, facet, value=None):
        """These params with one facet value (or the whole facet / flag) removed."""
        if facet in FLAGS:
            return replace(self, **{facet: None}, page=1)
        if facet == "q":
            return replace(self, q="", page=1)
        if facet == "near":  # the radius goes with it, and so does sorting by distance
            return replace(self, near="", radius=None, page=1,
                           sort="relevance" if self.sort == "distance" else self.sort)
        values = getattr(self, facet)
        kept = () if value is None else tuple(v for v in values if v != value)
        return replace(self, **{facet: kept}, page=1)

    def with_value(self, facet, value):
        if facet in FLAGS:
            return replace(self, **{facet: value}, page=1)
        values = getattr(self, facet)
        return replace(self, **{facet: tuple(sorted(set(values) | {value}))}, page=1)

    @property
    def has_filters(self):
        return bool(self.near) or any(getattr(self, f) for f in FACETS) or any(
            getattr(self, f) is not None for f in FLAGS
        )

    def effective_sort(self, has_text=None):
        """The order the results come in: "relevance" without a text query means distance
        near a place, else A–Z. `has_text`: whether the query kept any word (default: q)."""
        has_text = bool(self.q) if has_text is None else has_text
        if self.sort == "relevance" and not has_text:
            return "distance" if self.near else "title"
        if self.sort == "distance" and not self.near:
            return "title"
        return self.sort

    def cache_key(self):
        """A stable key for this filter state (page and page size included)."""
        parts = [self.q, self.sort, str(self.page), str(self.page_size)]
        parts += [",".join(sorted(getattr(self, f))) for f in FACETS]
        parts += [str(getattr(self, f)) for f in FLAGS]
        parts += [self.near, str(self.radius)]
        return "|".join(parts)

    def to_query(self, **overrides):
        """The query-string pairs for these params, omitting defaults (for links)."""
        params = replace(self, **overrides) if overrides else self
        pairs = []
        if params.q:
            pairs.append(("q", params.q))
        for facet in FACETS:
            for value in sorted(getattr(params, facet)):
                pairs.append((facet, value))
        for flag in FLAGS:
            value = getattr(params, flag)
            if value is not None:
                pairs.append((flag, "true" if value else "false"))
        if params.near:
            pairs += [("near", params.near), ("radius", str(params.radius))]
        if params.sort != "relevance":
            pairs.append(("sort", params.sort))
        if params.page != 1:
            pairs.append(("page", str(params.page)))
        return pairs


def _parse_bool(name, raw):
    value = raw.strip().lower()
    if value in ("true", "1", "yes", "ja", "on"):
        return True
    if value in ("false", "0", "no", "nein", "off"):
        return False
    if value == "":
        return None
    raise SearchParamError(name, "invalid_boolean", _("„%(name)s“ muss true oder false sein.")
                           % {"name": name})


def _parse_int(name, raw, minimum, maximum):
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise SearchParamError(
            name, "invalid_integer", _("„%(name)s“ muss eine ganze Zahl sein.") % {"name": name}
        ) from None
    if not minimum <= value <= maximum:
        raise SearchParamError(
            name, "out_of_range",
            _("„%(name)s“ muss zwischen %(min)s und %(max)s liegen.")
            % {"name": name, "min": minimum, "max": maximum},
        )
    return value


def parse_search_params(querydict, known_slugs, default_page_size=20, strict=True):
    """Build SearchParams from a QueryDict.

    `known_slugs` maps each facet to the set of valid slugs. With strict=True (the API) any bad
    value raises SearchParamError; with strict=False (the HTML page) bad values are dropped.
    """
    errors = []

    def fail(exc):
        if strict:
            raise exc
        errors.append(exc)

    # cut, then strip again: a cut after a space must not leave one (the same search would get
    # a second cache key, and its links would not give back the same q)
    q = " ".join(CONTROL_CHARACTERS.sub(" ", querydict.get("q", "")).split())[:MAX_QUERY_LENGTH].rstrip()
    values = {}
    for facet in FACETS:
        chosen = []
        for raw in querydict.getlist(facet):
            for slug in raw.split(","):
                slug = CONTROL_CHARACTERS.sub("", slug).strip().lower()
                if not slug:
                    continue
                if slug not in known_slugs[facet]:
                    fail(SearchParamError(
                        facet, "unknown_value",
                        _("„%(value)s“ ist kein bekannter Wert für „%(name)s“.")
                        % {"value": slug[:50], "name": facet},
                    ))
                    continue
                if slug not in chosen:
                    chosen.append(slug)
        values[facet] = tuple(sorted(chosen))
    for flag in FLAGS:
        values[flag] = None
        if flag in querydict:
            try:
                values[flag] = _parse_bool(flag, querydict.get(flag, ""))
            except SearchParamError as exc:
                fail(exc)
    near, radius = _parse_proximity(querydict, strict, fail)
    sort = querydict.get("sort", "") or "relevance"
    if sort not in SORTS:
        fail(SearchParamError("sort", "invalid_choice",
                              _("„sort“ muss relevance, newest, title oder distance sein.")))
        sort = "relevance"
    elif sort == "distance" and not near:
        fail(SearchParamError("sort", "invalid_choice",
                              _("„sort“: distance braucht einen Ort in „near“.")))
        sort = "relevance"
    page, page_size = 1, default_page_size
    if "page" in querydict:
        try:
            page = _parse_int("page", querydict.get("page"), 1, 100_000)
        except SearchParamError as exc:
            fail(exc)
    if "page_size" in querydict:
        try:
            page_size = _parse_int("page_size", querydict.get("page_size"), 1, MAX_PAGE_SIZE)
        except SearchParamError as exc:
            fail(exc)
    problems = tuple((e.parameter, e.message, querydict.get(e.parameter, "")) for e in errors)
    return SearchParams(q=q, sort=sort, page=page, page_size=page_size, near=near, radius=radius,
                        problems=problems, **values)


def _parse_proximity(querydict, strict, fail):
    """(near, radius) from the query string: a district postcode or city and whole km.

    `radius` alone is an error for the API; the page's form always sends both fields, so
    there an empty `near` simply means no proximity search, and only a link with a radius
    but no `near` at all gets the message.
    """
    from . import proximity

    near = ""
    raw_near = CONTROL_CHARACTERS.sub("", querydict.get("near", "")).strip()
    if raw_near:
        try:
            near = proximity.canonical_near(raw_near)
        except proximity.NearError as exc:
            fail(SearchParamError("near", exc.code, _named("near", str(exc), strict)))
    raw_radius = querydict.get("radius", "").strip()
    if not raw_radius:
        return near, proximity.DEFAULT_RADIUS if near else None
    if not raw_near and (strict or "near" not in querydict):
        fail(SearchParamError("radius", "requires_near", _named(
            "radius", _("Für einen Umkreis bitte eine Postleitzahl oder einen Ort angeben."), strict)))
        return near, None
    try:
        radius = _parse_int("radius", raw_radius, proximity.MIN_RADIUS, proximity.MAX_RADIUS)
    except SearchParamError as exc:
        fail(exc)
        radius = proximity.DEFAULT_RADIUS
    return near, radius if near else None


def _named(name, message, strict):
    """The API's messages name their parameter; the page shows them next to the field."""
    return _("„%(name)s“: %(message)s") % {"name": name, "message": message} if strict else message
