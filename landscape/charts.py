"""Charts drawn on the server as inline SVG: no chart library, no script, no style attributes.

Why like this: the site must not load anything from elsewhere and its CSP forbids inline styles,
so every colour is an SVG presentation attribute (fill=, stroke=) and the size comes from the
stylesheet (class "chart"). The viewBox is narrow (400 units) so the text stays readable when the
chart is scaled down to a 360 px phone; long axes show only every n-th label (always the last one).

Series differ not only by colour: bars get fill patterns (solid, hatched, dotted, cross-hatched),
lines get dash patterns and marker shapes, and every mark has an outline with at least 3:1
contrast against white. The numbers themselves belong in an HTML table next to the chart
(see the template landscape/_chart.html and table_rows()).

The SVG is always laid out left to right (direction="ltr"); in an Arabic page it is just a
picture inside the mirrored layout, its texts still render right to left by the bidi algorithm.
"""

import math
import uuid

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

WIDTH = 400
FONT = 14  # in viewBox units; about 11 px on a phone, about 21 px at the widest
TEXT = "#1b1b1b"
MUTED = "#555555"
GRID = "#c9d1db"
# Dark enough for ≥ 3:1 against white (all are ≥ 4.5:1), and distinguishable for the usual
# colour-vision deficiencies because each series also has its own pattern / dash / marker.
COLOURS = ["#0b4f8a", "#b3470f", "#13542a", "#6b2c91", "#7a5c00", "#333333"]
DASHES = ["", "7 4", "2 3", "10 3 2 3", "4 2", "1 2"]
MARKERS = ["circle", "square", "triangle", "diamond", "circle", "square"]
PATTERNS = ["solid", "hatch", "dots", "cross", "hatch-back", "grid"]
MAX_LABEL_CHARS = 18  # category labels of horizontal bars are shortened beyond this


def _n(value):
    """A coordinate: short and locale-independent (never a decimal comma)."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _text_width(text, size=FONT):
    # An estimate (no font metrics on the server): average glyph ≈ 0.6 em (generous for Arabic).
    return len(str(text)) * size * 0.6


def _format(value, unit=""):
    if isinstance(value, float) and not value.is_integer():
        text = number_format(value, decimal_pos=1)  # "0,5" in German
    else:
        text = str(int(value))
    return f"{text}\u202f{unit}" if unit else text  # narrow no-break space before the unit


def _shorten(text, limit=MAX_LABEL_CHARS):
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _nice_max(value):
    """The smallest round number (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k) at or above value, so the
    axis has round ticks without leaving half the chart empty."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if value <= step * power:
            return step * power
    return 10 * power  # pragma: no cover


def _round_step(step, integers):
    if step <= 0 or (integers and not float(step).is_integer()):
        return False
    mantissa = step / 10 ** math.floor(math.log10(step))
    return any(math.isclose(mantissa, m) for m in (1, 2, 2.5, 3, 5))


def _ticks(top, integers):
    """Three to six evenly spaced ticks from 0 to top with round steps (10, 25, 300 …)."""
    if integers and 1 <= top < 4:
        return list(range(0, int(top) + 1))
    count = next((n for n in (4, 5, 3, 6) if _round_step(top / n, integers)), 4)
    return [top / count * i for i in range(count + 1)]


def _clean(series):
    """Series with numbers only (None and non-numbers count as 0) and escaped names."""
    cleaned = []
    for name, values in series:
        numbers = []
        for value in values:
            numbers.append(value if isinstance(value, (int, float)) and not isinstance(value, bool) else 0)
        cleaned.append((str(name), numbers))
    return cleaned


def _ids(chart_id, title, labels):
    base = chart_id or "chart-" + uuid.uuid4().hex[:8]
    return escape(base), escape(base + "-title"), escape(base + "-desc")


def _open(kind, base, title_id, desc_id, height, title, desc):
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart chart--{kind}" id="{base}" '
        f'viewBox="0 0 {WIDTH} {_n(height)}" role="img" aria-labelledby="{title_id}" '
        f'aria-describedby="{desc_id}" direction="ltr" font-size="{FONT}" fill="{TEXT}" '
        'preserveAspectRatio="xMidYMid meet">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(desc)}</desc>',
    ]


def _empty(kind, base, title_id, desc_id, title):
    message = _("Keine Daten vorhanden.")
    parts = _open(kind, base, title_id, desc_id, 80, title, message)
    parts.append(f'<text x="{WIDTH / 2:g}" y="45" text-anchor="middle" fill="{MUTED}">'
                 f'{escape(message)}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))


def _summary(series, labels, unit):
    """The <desc>: for each series its highest value and where; the full numbers are in the table."""
    texts = []
    for name, values in series:
        if not values:
            continue
        top = max(values)
        where = labels[values.index(top)] if values.index(top) < len(labels) else ""
        texts.append(_("%(series)s: höchster Wert %(value)s (%(label)s)")
                     % {"series": name, "value": _format(top, unit), "label": where})
    texts.append(_("Die Zahlen stehen auch in der Tabelle zum Diagramm."))
    return "; ".join(texts[:-1]) + ". " + texts[-1] if len(texts) > 1 else texts[-1]


def _patterns(base, count):
    """<defs> with one fill pattern per bar series; pattern i is drawn in colour i."""
    defs = ["<defs>"]
    for i in range(count):
        colour, kind = COLOURS[i % len(COLOURS)], PATTERNS[i % len(PATTERNS)]
        pid = f"{base}-p{i}"
        if kind == "solid":
            continue
        defs.append(f'<pattern id="{pid}" patternUnits="userSpaceOnUse" width="6" height="6">'
                    '<rect width="6" height="6" fill="#ffffff"/>')
        if kind == "hatch":
            defs.append(f'<path d="M0 6L6 0M-1 1L1 -1M5 7L7 5" stroke="{colour}" stroke-width="2"/>')
        elif kind == "hatch-back":
            defs.append(f'<path d="M0 0L6 6M-1 5L1 7M5 -1L7 1" stroke="{colour}" stroke-width="2"/>')
        elif kind == "dots":
            defs.append(f'<circle cx="3" cy="3" r="1.7" fill="{colour}"/>')
        elif kind == "cross":
            defs.append(f'<path d="M0 6L6 0M0 0L6 6" stroke="{colour}" stroke-width="1.4"/>')
        else:  # grid
            defs.append(f'<path d="M0 3H6M3 0V6" stroke="{colour}" stroke-width="1.4"/>')
        defs.append("</pattern>")
    defs.append("</defs>")
    return "".join(defs)


def _fill(base, index):
    colour = COLOURS[index % len(COLOURS)]
    if PATTERNS[index % len(PATTERNS)] == "solid":
        return colour
    return f"url(#{base}-p{index})"


def _marker(kind, x, y, colour, size=4.0):
    if kind == "square":
        return (f'<rect x="{_n(x - size)}" y="{_n(y - size)}" width="{_n(2 * size)}" height="{_n(2 * size)}" '
                f'fill="{colour}"/>')
    if kind == "triangle":
        points = (f"{_n(x)},{_n(y - size - 1)} {_n(x - size - 1)},{_n(y + size)} "
                  f"{_n(x + size + 1)},{_n(y + size)}")
        return f'<polygon points="{points}" fill="{colour}"/>'
    if kind == "diamond":
        s = size + 1
        points = f"{_n(x)},{_n(y - s)} {_n(x + s)},{_n(y)} {_n(x)},{_n(y + s)} {_n(x - s)},{_n(y)}"
        return f'<polygon points="{points}" fill="{colour}"/>'
    return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(size)}" fill="{colour}"/>'


def _legend(base, series, kind, y):
    """Legend rows at the top (only with more than one series); returns (svg parts, height)."""
    if len(series) < 2:
        return [], 0
    parts, x, row = ['<g class="chart__legend">'], 8.0, 0
    line_height = FONT + 8
    for i, (name, _values) in enumerate(series):
        label = _shorten(name, 28)
        item = 26 + _text_width(label) + 18
        if x + item > WIDTH and x > 8:
            x, row = 8.0, row + 1
        cy = y + row * line_height + line_height / 2
        colour = COLOURS[i % len(COLOURS)]
        if kind == "line":
            dash = f' stroke-dasharray="{DASHES[i % len(DASHES)]}"' if DASHES[i % len(DASHES)] else ""
            parts.append(f'<line x1="{_n(x)}" y1="{_n(cy)}" x2="{_n(x + 20)}" y2="{_n(cy)}" '
                         f'stroke="{colour}" stroke-width="2.5"{dash}/>')
            parts.append(_marker(MARKERS[i % len(MARKERS)], x + 10, cy, colour, 3.5))
        else:
            parts.append(f'<rect x="{_n(x)}" y="{_n(cy - 7)}" width="20" height="14" fill="{_fill(base, i)}" '
                         f'stroke="{colour}" stroke-width="1.5"/>')
        parts.append(f'<text x="{_n(x + 26)}" y="{_n(cy + FONT * 0.35)}">{escape(label)}</text>')
        x += item
    parts.append("</g>")
    return parts, (row + 1) * line_height + 4


def _label_step(labels, slot):
    """Show every n-th x-axis label so that they do not overlap."""
    widest = max((_text_width(label) for label in labels), default=0)
    return max(1, math.ceil((widest + 6) / slot)) if slot > 0 else 1


def _value_axis(top, integers, unit, left, right, plot_top, plot_bottom):
    """Horizontal grid lines with their tick labels (for vertical charts)."""
    parts = []
    for tick in _ticks(top, integers):
        y = plot_bottom - (tick / top) * (plot_bottom - plot_top)
        parts.append(f'<line x1="{_n(left)}" y1="{_n(y)}" x2="{_n(right)}" y2="{_n(y)}" stroke="{GRID}" '
                     'stroke-width="1"/>')
        parts.append(f'<text x="{_n(left - 5)}" y="{_n(y + FONT * 0.35)}" text-anchor="end" fill="{MUTED}">'
                     f'{escape(_format(tick, unit))}</text>')
    return parts


def _x_labels(labels, centre, baseline):
    parts = []
    slot = (centre(1) - centre(0)) if len(labels) > 1 else WIDTH
    step = _label_step(labels, slot)
    last = len(labels) - 1
    for i, label in enumerate(labels):
        if (last - i) % step:
            continue
        # kept inside the picture: the first and last label would otherwise be cut in half
        half = _text_width(label) / 2 + 2
        x = min(max(centre(i), half), WIDTH - half)
        parts.append(f'<text x="{_n(x)}" y="{_n(baseline + FONT + 4)}" text-anchor="middle">'
                     f'{escape(label)}</text>')
    return parts


def _prepare(title, labels, series, chart_id):
    labels = [str(label) for label in labels]
    series = [(name, (values + [0] * len(labels))[: len(labels)]) for name, values in _clean(series)]
    base, title_id, desc_id = _ids(chart_id, title, labels)
    return labels, series, base, title_id, desc_id


def _scale(series, max_value):
    values = [v for _name, vs in series for v in vs]
    integers = (all(float(v).is_integer() for v in values)
                and (max_value is None or float(max_value).is_integer()))
    top = max_value if max_value else _nice_max(max(values, default=0))
    return top, integers


def bar_chart(*, title: str, labels: list[str], series: list[tuple[str, list[int | float]]],
              unit: str = "", max_value: float | None = None, horizontal: bool = False,
              chart_id: str = "") -> SafeString:
    """A grouped bar chart (one group per label, one bar per series) as an inline <svg>."""
    labels, series, base, title_id, desc_id = _prepare(title, labels, series, chart_id)
    kind = "hbar" if horizontal else "bar"
    if not labels or not series:
        return _empty(kind, base, title_id, desc_id, title)
    top, integers = _scale(series, max_value)
    legend, legend_height = _legend(base, series, "bar", 4)
    if horizontal:
        return _horizontal(base, title_id, desc_id, title, labels, series, unit, top, integers,
                           legend, legend_height)
    height = 240 + legend_height
    left = 12 + max(_text_width(_format(t, unit)) for t in _ticks(top, integers))
    right, plot_top, plot_bottom = WIDTH - 8, legend_height + 12, height - 28
    group = (right - left) / len(labels)
    bar = min(28.0, group * 0.8 / len(series))
    parts = _open(kind, base, title_id, desc_id, height, title, _summary(series, labels, unit))
    parts.append(_patterns(base, len(series)))
    parts += legend
    parts += _value_axis(top, integers, unit, left, right, plot_top, plot_bottom)
    show_values = len(labels) * len(series) <= 12
    for s, (name, values) in enumerate(series):
        colour = COLOURS[s % len(COLOURS)]
        parts.append('<g class="chart__series">')
        for i, value in enumerate(values):
            x = left + group * i + (group - bar * len(series)) / 2 + bar * s
            h = min(value, top) / top * (plot_bottom - plot_top) if value > 0 else 0
            label = f"{labels[i]}, {name}: {_format(value, unit)}"
            parts.append(f'<rect x="{_n(x)}" y="{_n(plot_bottom - h)}" width="{_n(bar)}" height="{_n(h)}" '
                         f'fill="{_fill(base, s)}" stroke="{colour}" stroke-width="1.5">'
                         f'<title>{escape(label)}</title></rect>')
            if show_values:
                parts.append(f'<text x="{_n(x + bar / 2)}" y="{_n(plot_bottom - h - 4)}" '
                             f'text-anchor="middle" font-size="{FONT - 2}">'
                             f'{escape(_format(value, unit))}</text>')
        parts.append("</g>")
    parts.append(f'<line x1="{_n(left)}" y1="{_n(plot_bottom)}" x2="{_n(right)}" y2="{_n(plot_bottom)}" '
                 f'stroke="{TEXT}" stroke-width="1.5"/>')
    parts += _x_labels(labels, lambda i: left + group * i + group / 2, plot_bottom)
    parts.append("</svg>")
    return mark_safe("".join(parts))


def _horizontal(base, title_id, desc_id, title, labels, series, unit, top, integers, legend, legend_height):
    """One row per label (good for long names such as organisations), values written at the bars."""
    bar = 14.0 if len(series) > 1 else 18.0
    row = bar * len(series) + 10
    label_width = min(max(_text_width(_shorten(label)) * 1.05 for label in labels), WIDTH * 0.45)
    left = 14 + label_width + 6  # generous: capitals and symbols are wider than the estimate
    value_room = _text_width(_format(top, unit)) + 8
    right = WIDTH - 8 - value_room
    plot_top = legend_height + 8
    height = plot_top + row * len(labels) + 8
    parts = _open("hbar", base, title_id, desc_id, height, title, _summary(series, labels, unit))
    parts.append(_patterns(base, len(series)))
    parts += legend
    for i, label in enumerate(labels):
        y0 = plot_top + row * i + 5
        short = _shorten(label)
        full = f"<title>{escape(label)}</title>" if short != label else ""
        parts.append(f'<text x="{_n(left - 6)}" y="{_n(y0 + row / 2 - 5 + FONT * 0.35)}" text-anchor="end">'
                     f'{full}{escape(short)}</text>')
        for s, (name, values) in enumerate(series):
            value = values[i]
            colour = COLOURS[s % len(COLOURS)]
            w = min(value, top) / top * (right - left) if value > 0 else 0
            y = y0 + bar * s
            parts.append(f'<rect x="{_n(left)}" y="{_n(y)}" width="{_n(w)}" height="{_n(bar - 2)}" '
                         f'fill="{_fill(base, s)}" stroke="{colour}" stroke-width="1.5">'
                         f'<title>{escape(f"{label}, {name}: {_format(value, unit)}")}</title></rect>')
            parts.append(f'<text x="{_n(left + w + 4)}" y="{_n(y + bar / 2 - 1 + (FONT - 2) * 0.35)}" '
                         f'font-size="{FONT - 2}">{escape(_format(value, unit))}</text>')
    parts.append(f'<line x1="{_n(left)}" y1="{_n(plot_top)}" x2="{_n(left)}" y2="{_n(height - 8)}" '
                 f'stroke="{TEXT}" stroke-width="1.5"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))


def line_chart(*, title: str, labels: list[str], series: list[tuple[str, list[int | float]]],
               unit: str = "", chart_id: str = "") -> SafeString:
    """A line chart (one line per series over the labels, e.g. months) as an inline <svg>."""
    labels, series, base, title_id, desc_id = _prepare(title, labels, series, chart_id)
    if not labels or not series:
        return _empty("line", base, title_id, desc_id, title)
    top, integers = _scale(series, None)
    legend, legend_height = _legend(base, series, "line", 4)
    height = 240 + legend_height
    left = 12 + max(_text_width(_format(t, unit)) for t in _ticks(top, integers))
    # the last point sits on the right edge: room for half its label there
    right = WIDTH - max(12.0, _text_width(labels[-1]) / 2 + 4)
    plot_top, plot_bottom = legend_height + 12, height - 28
    step = (right - left) / (len(labels) - 1) if len(labels) > 1 else 0

    def x_of(i):
        return left + step * i if len(labels) > 1 else (left + right) / 2

    parts = _open("line", base, title_id, desc_id, height, title, _summary(series, labels, unit))
    parts += legend
    parts += _value_axis(top, integers, unit, left, right, plot_top, plot_bottom)
    parts.append(f'<line x1="{_n(left)}" y1="{_n(plot_bottom)}" x2="{_n(right)}" y2="{_n(plot_bottom)}" '
                 f'stroke="{TEXT}" stroke-width="1.5"/>')
    for s, (name, values) in enumerate(series):
        colour, dash = COLOURS[s % len(COLOURS)], DASHES[s % len(DASHES)]
        points = [(x_of(i), plot_bottom - min(v, top) / top * (plot_bottom - plot_top))
                  for i, v in enumerate(values)]
        parts.append('<g class="chart__series">')
        if len(points) > 1:
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            path = " ".join(f"{_n(x)},{_n(y)}" for x, y in points)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5" '
                         f'stroke-linejoin="round"{dash_attr}/>')
        size = 3.5 if len(points) <= 24 else 2.5
        for i, (x, y) in enumerate(points):
            parts.append(f'<g>{_marker(MARKERS[s % len(MARKERS)], x, y, colour, size)}'
                         f'<title>{escape(f"{labels[i]}, {name}: {_format(values[i], unit)}")}</title></g>')
        parts.append("</g>")
    parts += _x_labels(labels, x_of if len(labels) > 1 else (lambda i: (left + right) / 2), plot_bottom)
    parts.append("</svg>")
    return mark_safe("".join(parts))


def table_rows(labels, series):
    """The chart's numbers transposed for an HTML table: [(label, [value per series])]."""
    return [(str(label), [values[i] if i < len(values) else 0 for _name, values in series])
            for i, label in enumerate(labels)]


def chart_block(*, svg, title, label_heading, labels, series, unit=""):
    """The context for the template landscape/_chart.html: the SVG plus its numbers as a table."""
    return {"svg": svg, "title": title, "label_heading": label_heading, "unit": unit,
            "series_names": [name for name, _values in series], "rows": table_rows(labels, series)}
