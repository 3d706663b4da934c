# The /ar/ pages switch the language; switch back after each test.
from offers.testing import empty_cache, german_after_each_test  # noqa: F401  (autouse)
