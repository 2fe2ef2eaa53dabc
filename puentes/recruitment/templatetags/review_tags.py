"""The review queue's counts per status, for the coordination home page."""

from django import template

from ..selectors_review import REVIEW_STATUSES, review_counts_by_call

register = template.Library()


@register.simple_tag
def review_counts(networks):
    """{call id: {status: count}} for every call of these networks, in one query."""
    return review_counts_by_call(call.pk for network in networks for call in network.calls.all())


@register.inclusion_tag("recruitment/review/_status_links.html")
def review_status_links(call, counts):
    """Links to the call's review queue: all of it, and each status that has interests."""
    by_status = counts.get(call.pk, {})
    return {
        "call": call,
        "total": sum(by_status.values()),
        "statuses": [
            {"value": status.value, "label": status.label, "count": by_status[status.value]}
            for status in REVIEW_STATUSES
            if by_status.get(status.value)
        ],
    }
