import datetime

from django.db.models import Count, Prefetch, Q

from puentes.people.models import Membership

from .models import Call, Network, Theme


def _with_themes_and_calls(queryset):
    return queryset.prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("kind", "position", "slug")),
        Prefetch("calls", queryset=Call.objects.order_by("-open_date")),
    )


def published_networks():
    """Networks for the public front page, each with its themes and calls (three queries)."""
    return list(_with_themes_and_calls(Network.objects.published()))


def network_for_public(slug: str):
    return _with_themes_and_calls(Network.objects.published()).get(slug=slug)


def call_for_public(network_slug: str, call_slug: str):
    return (
        Call.objects.select_related("network")
        .prefetch_related(
            Prefetch(
                "network__themes",
                queryset=Theme.objects.order_by("kind", "position", "slug"),
            )
        )
        .get(network__slug=network_slug, network__is_published=True, slug=call_slug)
    )


def coordination_overview(today: datetime.date):
    """Every network with its calls and how many people hold roles, for coordinators."""
    networks = list(
        _with_themes_and_calls(Network.objects.all()).annotate(
            coordinator_count=Count("roles", filter=Q(roles__role="coordinator"), distinct=True),
            mentor_count=Count("roles", filter=Q(roles__role="mentor"), distinct=True),
        )
    )
    membership_count = Membership.objects.count()
    return {"networks": networks, "membership_count": membership_count, "today": today}
