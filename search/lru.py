"""A small thread-safe LRU kept in process: whole search results, radius matches, origins."""

import threading
from collections import OrderedDict


class RecentResults:
    """A small in-process LRU: no pickling on a hit (the Django cache below the search's
    result LRU still shares facet counts between requests that differ only in page or sort).

    `weigh` with `max_weight` bounds the sum of the entries' weights as well as their number,
    for entries whose size varies a lot (a district-wide radius at 100,000 offers is ~20 MB)."""

    def __init__(self, size=256, weigh=None, max_weight=None):
        self.size = size
        self.weigh = weigh
        self.max_weight = max_weight
        self.items = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            result = self.items.get(key)
            if result is not None:
                self.items.move_to_end(key)
            return result

    def put(self, key, result):
        with self.lock:
            self.items[key] = result
            self.items.move_to_end(key)
            while self._too_big():
                self.items.popitem(last=False)

    def get_or_compute(self, key, compute):
        """The value kept for `key` (None included), else compute() kept and returned."""
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        value = compute()  # outside the lock: a slow computation must not block other keys
        self.put(key, value)
        return value

    def _too_big(self):
        if len(self.items) > self.size:
            return True
        return (self.max_weight is not None and len(self.items) > 1
                and sum(self.weigh(value) for value in self.items.values()) > self.max_weight)
