"""A small thread-safe LRU for whole search results, kept in process."""

import threading
from collections import OrderedDict


class RecentResults:
    """A small in-process LRU of whole results: no pickling on a hit (the Django cache below
    it still shares facet counts between requests that differ only in page or sort)."""

    def __init__(self, size=256):
        self.size = size
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
            while len(self.items) > self.size:
                self.items.popitem(last=False)
