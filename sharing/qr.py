"""The QR code of a Merkliste's share link, as inline SVG for the list page and its printout.

segno writes a bare <svg> with a viewBox and one <path> (presentation attributes only, no
style attribute, so the strict CSP allows it); the size comes from site.css.
"""

import segno
from django.utils.html import escape
from django.utils.safestring import mark_safe


def qr_svg(url, label):
    """An accessible inline SVG (role="img", aria-label) encoding `url`."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=4, omitsize=True, svgclass="qr", lineclass=None)
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1))
