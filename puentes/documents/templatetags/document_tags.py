"""Whether the workspace's navigation shows "Documents" to the person reading the page."""

from django import template

from puentes.documents.selectors import may_see_documents

register = template.Library()


@register.simple_tag(takes_context=True)
def documents_visible(context, partnership) -> bool:
    """True for the partnership's members and coordinators. A page that already knows says so
    with `documents_visible` in its context; otherwise it is asked once per request."""
    known = context.get("documents_visible")
    if known is not None:
        return known
    request = context.get("request")
    if request is None or partnership is None:
        return False
    answers = request.__dict__.setdefault("_documents_visible", {})
    if partnership.pk not in answers:
        answers[partnership.pk] = may_see_documents(request.user, partnership)
    return answers[partnership.pk]
