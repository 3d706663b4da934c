# The results page's fixtures: the embed is cached, and /ar/ pages switch the language, alike.
from offers.testing import empty_cache, german_after_each_test  # noqa: F401  (autouse)
