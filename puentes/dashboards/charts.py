"""Server-rendered, accessible SVG bar charts: no JavaScript, no external assets.

Each chart is an <svg role="img"> named by its <title> and described by its <desc> (which
reads out every number), with each bar's label and value written beside it, so nothing is
said by colour alone. The same numbers stand in a table next to the chart (templates).
"""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from .figures import Figure

WIDTH = 320  # viewBox units; the SVG scales to its container, phone first
ROW = 46  # height of one bar with its label above it
BAR = 18
TOP = 6


def hidden_text() -> str:
    return _("fewer than 3")


def value_text(value) -> str:
    return hidden_text() if value is None else str(value)


def _description(figure: Figure) -> str:
    parts = [f"{row.label}: {value_text(row.value)}" for row in figure.rows]
    text = f"{figure.description} " + "; ".join(parts) + "."
    if figure.has_total:
        text += " " + _("Total: %(total)s.") % {"total": value_text(figure.total)}
    return text


INK = "#1a1a1a"  # text: 16:1 on white
BAR_FILL = "#1d4e89"  # bars: 8:1 on white, the site's dark brand blue


def _bar(index: int, row, largest: int, hatch: str) -> SafeString:
    y = TOP + index * ROW
    label = format_html(
        '<text x="0" y="{}" font-size="13" fill="{}"{}>{}</text>',
        y + 14,
        INK,
        format_html(' lang="{}"', row.lang) if row.lang else "",
        row.label,
    )
    if row.value is None:
        # No length for a hidden count: an outlined, hatched stub and the words.
        bar = format_html(
            '<rect x="0.5" y="{}" width="24" height="{}" fill="url(#{})" stroke="{}"/>'
            '<text x="30" y="{}" font-size="13" font-style="italic" fill="{}">{}</text>',
            y + 20,
            BAR,
            hatch,
            BAR_FILL,
            y + 34,
            INK,
            hidden_text(),
        )
    else:
        length = round((WIDTH - 60) * row.value / largest, 1) if row.value else 0
        bar = format_html(
            '<rect x="0" y="{}" width="{}" height="{}" fill="{}"/>'
            '<text x="{}" y="{}" font-size="13" font-weight="bold" fill="{}">{}</text>',
            y + 20,
            length,
            BAR,
            BAR_FILL,
            length + 6,
            y + 34,
            INK,
            row.value,
        )
    return format_html("<g>{}{}</g>", label, bar)


def bar_chart(figure: Figure, prefix: str = "") -> SafeString:
    """A horizontal bar chart of the figure's rows (a funnel is the same, in its order)."""
    ident = f"{prefix}chart-{figure.key}"
    height = TOP + ROW * max(len(figure.rows), 1)
    bars = format_html_join(
        "",
        "{}",
        ((_bar(i, row, figure.largest, f"{ident}-hatch"),) for i, row in enumerate(figure.rows)),
    )
    return format_html(
        '<svg class="chart" role="img" aria-labelledby="{0}-title {0}-desc" '
        'viewBox="0 0 {1} {2}" width="100%" preserveAspectRatio="xMinYMin meet" '
        'xmlns="http://www.w3.org/2000/svg" data-chart="{3}">'
        '<title id="{0}-title">{4}</title><desc id="{0}-desc">{5}</desc>'
        '<defs><pattern id="{0}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="2" height="6" fill="{7}"/>'
        "</pattern></defs>{6}</svg>",
        ident,
        WIDTH,
        height,
        figure.key,
        figure.title,
        _description(figure),
        bars,
        BAR_FILL,
    )
