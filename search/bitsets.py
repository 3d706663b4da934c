"""Filter values as bitsets in memory: facet counts in microseconds on any result size.

Per data version each process loads, once, one Python int per filter value (bit n set = offer
n has it), the set of all published offers, and the offer ids in A–Z and newest order. A
request then needs at most one index query (the text match); filters are ANDs/ORs of ints and
each facet count is `(matching & value).bit_count()`, done in C.
"""

import threading

from django.db import connection

MAX_ID = 20_000_000  # beyond this the engine falls back to counting in SQL

_lock = threading.Lock()
_cached = (None, None)


def to_bits(ids):
    """A bitset (int) with the bits of these non-negative ids set."""
    ids = list(ids)
    if not ids:
        return 0
    buf = bytearray((max(ids) >> 3) + 1)
    for i in ids:
        buf[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(buf, "little")


_BYTE_BITS = [tuple(b for b in range(8) if n >> b & 1) for n in range(256)]


def iter_ids(bits, descending=False):
    """The set bits of `bits` as ids, ascending (or descending)."""
    if not bits:
        return
    data = bits.to_bytes((bits.bit_length() + 7) >> 3, "little")
    positions = range(len(data) - 1, -1, -1) if descending else range(len(data))
    for pos in positions:
        byte = data[pos]
        if byte:
            base = pos << 3
            offsets = reversed(_BYTE_BITS[byte]) if descending else _BYTE_BITS[byte]
            for offset in offsets:
                yield base + offset


def select_ordered(order, bits, everything, offset, limit):
    """The ids of `order` (a list) that are in `bits`, from `offset`, at most `limit`."""
    if bits == everything:
        return order[offset:offset + limit]
    data = bits.to_bytes((bits.bit_length() + 7) >> 3, "little")
    size = len(data)
    out = []
    skipped = 0
    for i in order:
        pos = i >> 3
        if pos < size and data[pos] >> (i & 7) & 1:
            if skipped < offset:
                skipped += 1
                continue
            out.append(i)
            if len(out) >= limit:
                break
    return out


class FilterIndex:
    def __init__(self, everything, by_code, title_order):
        self.everything = everything
        self.by_code = by_code
        self.title_order = title_order
        self._newest = None

    def newest_order(self):
        if self._newest is None:
            with connection.cursor() as cursor:
                cursor.execute("SELECT offer_id FROM search_searchdocument "
                               "ORDER BY created_at DESC, offer_id DESC")
                self._newest = [r[0] for r in cursor.fetchall()]
        return self._newest


def _load():
    with connection.cursor() as cursor:
        cursor.execute("SELECT MAX(offer_id) FROM search_searchdocument")
        top = cursor.fetchone()[0] or 0
        if top > MAX_ID:
            return None
        size = (top >> 3) + 1
        cursor.execute("SELECT offer_id FROM search_searchdocument ORDER BY sort_title, offer_id")
        title_order = [r[0] for r in cursor.fetchall()]
        # streamed row by row into one byte buffer per code: no big intermediate lists
        buffers = {}
        cursor.execute("SELECT code, offer_id FROM search_searchfacet")
        while True:
            rows = cursor.fetchmany(5000)
            if not rows:
                break
            for code, offer_id in rows:
                buf = buffers.get(code)
                if buf is None:
                    buf = buffers[code] = bytearray(size)
                buf[offer_id >> 3] |= 1 << (offer_id & 7)
    by_code = {code: int.from_bytes(buf, "little") for code, buf in buffers.items()}
    return FilterIndex(to_bits(title_order), by_code, title_order)


def get_index(token):
    """The filter index for this data version (None if ids are too large for bitsets)."""
    global _cached
    cached_token, index = _cached
    if cached_token == token:
        return index
    with _lock:
        cached_token, index = _cached
        if cached_token != token:
            index = _load()
            _cached = (token, index)
    return index
