# The /ar/ pages switch the language, and the map page is cached per data version.
from offers.testing import empty_cache, german_after_each_test  # noqa: F401  (autouse)
