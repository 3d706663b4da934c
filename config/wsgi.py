"""WSGI entry point for gunicorn."""

import os
import threading

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()


def _warm_up_search():
    # In the background, so the worker accepts requests at once; a request arriving first
    # waits on the same lock instead of building the index a second time.
    from django.db import connections

    try:
        from search.engine import warm_up

        warm_up()
    except Exception:  # noqa: BLE001 - a cold start is slower, never broken
        pass
    finally:
        connections.close_all()


if os.environ.get("WARM_UP_SEARCH", "1") != "0":
    threading.Thread(target=_warm_up_search, name="warm-up-search", daemon=True).start()
