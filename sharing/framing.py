"""Which pages other sites may show in a frame.

Every page of the site answers X-Frame-Options: DENY and CSP frame-ancestors 'none'
(config/settings.py). Only the embed pages are exempt: they may be framed by the sites listed
in settings.EMBED_FRAME_ANCESTORS, and by this site itself (the live preview on /einbinden/).
"""

from functools import wraps

from django.conf import settings
from django.views.decorators.clickjacking import xframe_options_exempt


def frame_ancestors():
    """The CSP frame-ancestors sources of an embed page, read from the settings per request."""
    sources = ["'self'"]
    for source in settings.EMBED_FRAME_ANCESTORS:
        # 'none' next to 'self' would be meaningless; the operator's sites are what counts.
        if source not in sources and source != "'none'":
            sources.append(source)
    return sources


def embeddable(view):
    """Let the listed sites frame this view (and nobody else)."""

    @xframe_options_exempt
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        # django-csp reads this when the response passes its middleware (csp_replace does the
        # same, but fixes the value when the module is imported; tests change the setting).
        response._csp_replace = {"frame-ancestors": frame_ancestors()}
        return response

    return wrapped
