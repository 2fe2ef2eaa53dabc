"""Links to a call's catalogue of municipalities seeking a partner, with their number, for
the network and call pages."""

from django import template

from ..selectors_catalogue import published_counts

register = template.Library()


@register.inclusion_tag("recruitment/catalogue/_link.html", takes_context=True)
def seeking_link(context, call):
    """The link with the number of published profiles: the call's own annotation when the
    page has one, else the counts of every call of the network, read once per page."""
    count = getattr(call, "published_profile_count", None)
    if count is None:
        cache = context.render_context.setdefault("seeking_counts", {})
        if call.network_id not in cache:
            cache[call.network_id] = published_counts(call.network_id)
        count = cache[call.network_id].get(call.pk, 0)
    return {"call": call, "count": count}
