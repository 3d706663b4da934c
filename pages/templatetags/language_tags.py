"""The language switcher: every language named in itself, linking to the same page (with
the same search) in that language. Links, not a form: no cookie is needed or set."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

register = template.Library()


@register.inclusion_tag("partials/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context["request"]
    current = get_language()
    path = request.get_full_path()
    languages = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        languages.append({
            "code": code, "name": info["name_local"], "bidi": info["bidi"],
            "url": translate_url(path, code), "current": code == current,
        })
    return {"languages": languages}
