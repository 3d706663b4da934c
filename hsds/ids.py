"""Stable HSDS ids (UUIDs, as the HSDS 3.0 schemas ask: `"format": "uuid"`).

Two kinds, both deterministic, so an id never changes between requests, dumps or
installations:

- `entity_id(kind, pk)` for objects that are one database row (service = offer,
  organization = organisation, location = place, …): a UUID whose first 80 bits are the
  UUIDv5 of the kind in the project namespace (version nibble set to 8, "custom", RFC 9562)
  and whose last 48 bits (the last 12 hex digits) are the row's primary key. Mapping back is
  therefore trivial: `int(id[-12:], 16)` is the offer id of /api/v1/offers/{id}.
- `derived_id(*parts)` for objects without a row of their own (a taxonomy term by its slug,
  an attribute linking a service to a term, a service's language): UUIDv5 of the parts.
"""

import functools
import uuid

# uuid5(NAMESPACE_URL, "urn:integrationsangebote-kreis-re:hsds"); fixed for good: every id
# below is derived from it.
NAMESPACE = uuid.UUID("9e7fa5e8-5975-5c57-9282-8fc9f54bbd90")

_PK_BITS = 48
PK_MASK = (1 << _PK_BITS) - 1

# Entity kinds; each gives its ids a distinct prefix, so an organization id is never a valid
# service id.
SERVICE = "service"
ORGANIZATION = "organization"
LOCATION = "location"  # one per place
VIRTUAL_LOCATION = "location:virtual"  # one per online offer
ORGANIZATION_LOCATION = "location:organization"  # the organisation's own address
SERVICE_AT_LOCATION = "service_at_location"  # one per place
VIRTUAL_SERVICE_AT_LOCATION = "service_at_location:virtual"  # one per online offer
ADDRESS = "address"
ORGANIZATION_ADDRESS = "address:organization"
ACCESSIBILITY = "accessibility"
CONTACT = "contact"
CONTACT_PHONE = "phone:contact"
ORGANIZATION_PHONE = "phone:organization"
SCHEDULE = "schedule"  # one per regular weekly time
OFFER_SCHEDULE = "schedule:offer"  # the dates / note of an offer without weekly times
COST_OPTION = "cost_option"
ORGANIZATION_IDENTIFIER = "organization_identifier"


@functools.cache
def _prefix(kind):
    value = uuid.uuid5(NAMESPACE, kind).int & ~PK_MASK
    value = (value & ~(0xF << 76)) | (8 << 76)  # version 8 (custom)
    return (value & ~(0x3 << 62)) | (0x2 << 62)  # RFC 4122/9562 variant


@functools.cache
def _prefix_text(kind):
    return str(uuid.UUID(int=_prefix(kind)))[:-12]


def entity_id(kind, pk):
    """The HSDS id of database row `pk` as an object of `kind`."""
    if not 0 < pk <= PK_MASK:
        raise ValueError(f"primary key out of range: {pk}")
    # the same as str(uuid.UUID(int=_prefix(kind) | pk)), without building a UUID per id
    return f"{_prefix_text(kind)}{pk:012x}"


def parse_uuid(value):
    """The canonical (lower-case, hyphenated) form of a UUID string, or None."""
    if not isinstance(value, str) or len(value) != 36:
        return None
    try:
        parsed = uuid.UUID(value)
    except ValueError:
        return None
    canonical = str(parsed)
    return canonical if canonical == value.lower() else None


def pk_from_id(kind, value):
    """The primary key behind an `entity_id` of `kind`, or None for anything else."""
    canonical = parse_uuid(value)
    if canonical is None:
        return None
    number = uuid.UUID(canonical).int
    if number & ~PK_MASK != _prefix(kind):
        return None
    return (number & PK_MASK) or None


def derived_id(*parts):
    """A UUIDv5 over the parts, for objects without a row of their own."""
    return str(uuid.uuid5(NAMESPACE, ":".join(str(part) for part in parts)))
