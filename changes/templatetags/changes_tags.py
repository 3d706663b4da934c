"""Small helpers of the review and history pages."""

import difflib
import re

from django import template
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def person(user):
    """A user as editors know them: the name, else the e-mail address."""
    if user is None:
        return _("eine gelöschte Person")
    return user.get_full_name() or user.email or user.get_username()


_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")


def _mark(tokens, tag):
    text = escape("".join(tokens))
    return f"<{tag}>{text}</{tag}>" if text.strip() else text


@register.filter
def waited(moment):
    """How long ago, in words with the right case ("vor 3 Tagen"; Django's timesince gives
    the nominative, "3 Tage", which reads wrong after "vor" or "seit")."""
    if moment is None:
        return ""
    seconds = (timezone.now() - moment).total_seconds()
    if seconds < 60:
        return _("gerade eben")
    minutes, hours, days = int(seconds // 60), int(seconds // 3600), int(seconds // 86400)
    if hours < 1:
        return ngettext("vor %(n)d Minute", "vor %(n)d Minuten", minutes) % {"n": minutes}
    if days < 1:
        return ngettext("vor %(n)d Stunde", "vor %(n)d Stunden", hours) % {"n": hours}
    return ngettext("vor %(n)d Tag", "vor %(n)d Tagen", days) % {"n": days}


@register.simple_tag
def word_diff(old, new):
    """Old and new text with only the changed words marked (<del> in the old, <ins> in the
    new), so a one-word fix in a long description is visible at a glance. Texts that share
    little are marked as a whole."""
    old_tokens, new_tokens = _TOKENS.findall(str(old)), _TOKENS.findall(str(new))
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    if matcher.ratio() < 0.4:
        return {"old": _breaks(_mark(old_tokens, "del")), "new": _breaks(_mark(new_tokens, "ins"))}
    old_html, new_html = [], []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            old_html.append(escape("".join(old_tokens[a1:a2])))
            new_html.append(escape("".join(new_tokens[b1:b2])))
            continue
        old_html.append(_mark(old_tokens[a1:a2], "del"))
        new_html.append(_mark(new_tokens[b1:b2], "ins"))
    return {"old": _breaks("".join(old_html)), "new": _breaks("".join(new_html))}


def _breaks(html):
    return mark_safe(html.replace("\n", "<br>"))  # noqa: S308 (every piece is escaped above)
