"""Keep API answers cacheable across browser languages.

LocaleMiddleware adds `Vary: Accept-Language` (and Content-Language) to every answer outside
the /de/, /ar/, … URLs, so a shared cache would keep one copy per Accept-Language header. API
answers do not depend on it: api_view speaks German and the `lang` parameter (part of the URL)
picks the texts. This middleware sits outside LocaleMiddleware and removes both again from
the answers api/http.py marks.
"""

from django.utils.cache import cc_delim_re


class LanguageNeutralApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(response, "api_language_neutral", False):
            vary = [value for value in cc_delim_re.split(response.headers.get("Vary", ""))
                    if value and value.lower() != "accept-language"]
            if vary:
                response.headers["Vary"] = ", ".join(vary)
            else:
                response.headers.pop("Vary", None)
            response.headers.pop("Content-Language", None)
        return response
