"""Reads for the coordinators' review of expressions of interest: the queue of a call, its
counts per status, one interest with its history, and the rows of the exports.

Drafts are the applicant's own: nothing here ever returns one. Every list runs a fixed number
of queries, however many interests a call has.
"""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q

from puentes.networks.models import Call, Theme

from .models import Interest, InterestContact, SeekingProfile, Transition
from .search import fold

# The statuses a coordinator sees, in the order the workflow reaches them.
REVIEW_STATUSES = [status for status in Interest.Status if status != Interest.Status.DRAFT]
# The query value for "Guatemala or Colombia, no preference": the model stores it as "".
EITHER_COUNTRY = "either"


@dataclass(frozen=True)
class QueueFilters:
    """What the coordinator narrows the queue to; empty values mean "all"."""

    status: str = ""
    theme_id: int | None = None
    preferred_country: str = ""  # "GT", "CO", EITHER_COUNTRY or ""
    text: str = ""
    oldest_first: bool = False


def review_call(network_slug: str, call_slug: str) -> Call:
    """The call under review (Call.DoesNotExist if there is none)."""
    return Call.objects.select_related("network").get(network__slug=network_slug, slug=call_slug)


def review_themes(call: Call) -> list[Theme]:
    return list(call.network.themes.order_by("kind", "position", "slug"))


def _reviewable(call: Call):
    return Interest.objects.filter(call=call).exclude(status=Interest.Status.DRAFT)


def _matching_organisations(call: Call, text: str) -> list[int]:
    """Ids of the organisations in the call whose name, other names or code hold every word
    of `text`, accents and case ignored. A call has at most a few hundred Swedish applicants,
    so they are compared here: the same on SQLite and PostgreSQL, in one query."""
    words = fold(text).split()
    rows = _reviewable(call).values_list(
        "organisation_id", "organisation__name", "organisation__other_names", "organisation__code"
    )
    return [
        organisation_id
        for organisation_id, *parts in rows
        if all(word in fold(" ".join(filter(None, parts))) for word in words)
    ]


def _filtered(call: Call, filters: QueueFilters, *, with_status: bool = True):
    interests = _reviewable(call)
    if with_status and filters.status:
        interests = interests.filter(status=filters.status)
    if filters.theme_id:
        interests = interests.filter(themes__id=filters.theme_id)
    if filters.preferred_country == EITHER_COUNTRY:
        interests = interests.filter(preferred_country=Interest.PreferredCountry.EITHER)
    elif filters.preferred_country:
        interests = interests.filter(preferred_country=filters.preferred_country)
    if filters.text.strip():
        matching = _matching_organisations(call, filters.text)
        interests = interests.filter(organisation_id__in=matching)
    return interests


def _ordered(interests, filters: QueueFilters):
    if filters.oldest_first:
        return interests.order_by("submitted_at", "pk")
    return interests.order_by("-submitted_at", "-pk")


def review_queue(call: Call, filters: QueueFilters):
    """The call's interests as the queue lists them: organisation, area, themes and the number
    of contact people, newest submission first unless `oldest_first`."""
    interests = (
        _filtered(call, filters)
        .select_related("organisation__area", "organisation__country")
        .annotate(contact_count=Count("contacts", distinct=True))
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("position", "slug")))
    )
    return _ordered(interests, filters)


def review_status_counts(call: Call, filters: QueueFilters) -> dict[str, int]:
    """How many interests each status holds under every filter but the status (one query)."""
    per_status = {
        status.value: Count("pk", distinct=True, filter=Q(status=status))
        for status in REVIEW_STATUSES
    }
    counted = _filtered(call, filters, with_status=False).aggregate(**per_status)
    return {status.value: counted[status.value] or 0 for status in REVIEW_STATUSES}


def review_export_rows(call: Call, filters: QueueFilters):
    """The queue with everything an export shows: contacts, themes, preferred municipalities."""
    contacts = InterestContact.objects.select_related("person").order_by("position", "pk")
    preferred = SeekingProfile.objects.select_related("organisation").order_by("organisation__name")
    interests = (
        _filtered(call, filters)
        .select_related("organisation__area", "organisation__country")
        .prefetch_related(
            Prefetch("contacts", queryset=contacts),
            Prefetch("themes", queryset=Theme.objects.order_by("position", "slug")),
            Prefetch("preferred_profiles", queryset=preferred),
        )
    )
    return _ordered(interests, filters)


def review_interest(pk: int) -> Interest:
    """One submitted interest with all the applicant gave and its history
    (Interest.DoesNotExist for a draft or an unknown id)."""
    contacts = InterestContact.objects.select_related("person").order_by("position", "pk")
    preferred = SeekingProfile.objects.select_related(
        "organisation__area", "organisation__country"
    ).order_by("organisation__name")
    history = Transition.objects.select_related("by__person").order_by("at", "pk")
    return (
        Interest.objects.exclude(status=Interest.Status.DRAFT)
        .select_related(
            "call__network",
            "organisation__area",
            "organisation__country",
            "consent__notice",
            "consent__person",
            "partnership__latin_organisation",
        )
        .prefetch_related(
            Prefetch("contacts", queryset=contacts),
            Prefetch("themes", queryset=Theme.objects.order_by("kind", "position", "slug")),
            Prefetch("preferred_profiles", queryset=preferred),
            Prefetch("transitions", queryset=history),
        )
        .get(pk=pk)
    )


def review_counts_by_call(call_ids) -> dict[int, dict[str, int]]:
    """{call id: {status: count}} of the non-draft interests of these calls, in one query."""
    counts: dict[int, dict[str, int]] = {
        call_id: {status.value: 0 for status in REVIEW_STATUSES} for call_id in call_ids
    }
    rows = (
        Interest.objects.filter(call_id__in=list(counts))
        .exclude(status=Interest.Status.DRAFT)
        .values_list("call_id", "status")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for call_id, status, count in rows:
        counts[call_id][status] = count
    return counts
