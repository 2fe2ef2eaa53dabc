import datetime

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce

from puentes.people.models import Membership
from puentes.recruitment.models import Interest, SeekingProfile

from .models import Call, Network, Theme

# Interests the secretariat has received: not drafts, not withdrawn.
RECEIVED_INTEREST_STATUSES = [
    status
    for status in Interest.Status.values
    if status not in (Interest.Status.DRAFT, Interest.Status.WITHDRAWN)
]


def _count_per_call(queryset):
    """How many rows of `queryset` belong to the outer call, as a subquery (0 if none)."""
    counted = (
        queryset.filter(call=OuterRef("pk"))
        .order_by()
        .values("call")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def calls_with_counts():
    """Calls with their live public counts: published partner-seeking municipalities and
    expressions of interest received, in the same query as the calls."""
    return Call.objects.annotate(
        published_profile_count=_count_per_call(SeekingProfile.objects.published()),
        received_interest_count=_count_per_call(
            Interest.objects.filter(status__in=RECEIVED_INTEREST_STATUSES)
        ),
    )


def _with_themes_and_calls(queryset):
    return queryset.prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("kind", "position", "slug")),
        Prefetch("calls", queryset=calls_with_counts().order_by("-open_date")),
    )


def published_networks():
    """Networks for the public front page, each with its themes and calls (three queries)."""
    return list(_with_themes_and_calls(Network.objects.published()))


def network_for_public(slug: str):
    return _with_themes_and_calls(Network.objects.published()).get(slug=slug)


def call_for_public(network_slug: str, call_slug: str):
    return (
        calls_with_counts()
        .select_related("network")
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


def published_call(network_slug: str, call_slug: str) -> Call:
    """A call of a published network, whatever its dates; raises Call.DoesNotExist."""
    return Call.objects.select_related("network").get(
        network__slug=network_slug, network__is_published=True, slug=call_slug
    )


def themes_in_order(network) -> list[Theme]:
    """The network's themes, then its perspectives, each in their set order (one query)."""
    return list(network.themes.order_by("kind", "position", "slug"))
