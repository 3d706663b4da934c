from freshness.testing import travel_to  # noqa: F401  (patches "today" for time-based tests)
from offers.testing import empty_cache, german_after_each_test  # noqa: F401  (autouse)
