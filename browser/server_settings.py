"""Settings of the server the browser suite starts: the project's settings with the static files
collected into the suite's own scratch folder (BROWSER_STATIC_ROOT), so a run never touches the
checkout's staticfiles/ (and parallel runs do not collide)."""

import os
from pathlib import Path

from config.settings import *  # noqa: F403

STATIC_ROOT = Path(os.environ["BROWSER_STATIC_ROOT"])
