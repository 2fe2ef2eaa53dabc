from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from puentes.dashboards import charts

register = template.Library()


@register.simple_tag
def bar_chart(figure, prefix=""):
    return charts.bar_chart(figure, prefix)


@register.simple_tag
def count(value):
    """A count, or "fewer than 3" in words where it is hidden."""
    if value is None:
        return format_html('<span class="hidden-count">{}</span>', _("fewer than 3"))
    return value
