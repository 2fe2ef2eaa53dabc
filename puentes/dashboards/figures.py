"""The dashboard's figures, aggregated in the database: the number of queries does not grow
with the data. Each function takes a network or a call and returns plain data (Figure, or
rows of a table). Labels are translated in the active language when the function runs.

Counts of people (workshop attendees) go through suppression.suppress; counts of
organisations, partnerships, workshops and reports do not (see docs/dashboards.md).
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from puentes.core.i18n import pick
from puentes.networks.models import Call, Theme
from puentes.partnerships.models import Partnership
from puentes.places.models import Organisation
from puentes.recruitment.models import Interest

from .suppression import suppress

I = Interest.Status  # noqa: E741


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    value: int | None  # None: hidden, fewer than 3 people
    lang: str = ""  # the language of a label that users wrote (a theme's name)


@dataclass(frozen=True)
class Figure:
    """One set of numbers: a chart and the table beside it."""

    key: str
    title: str
    description: str
    rows: tuple[Row, ...]
    total: int | None = None
    has_total: bool = False
    counts_people: bool = False
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def largest(self) -> int:
        return max([r.value or 0 for r in self.rows] + [1])


def people_figure(key, title, description, keys_labels, counts) -> Figure:
    values = [counts.get(k, 0) for k, _label in keys_labels]
    hidden = suppress(values)
    rows = tuple(
        Row(key=k, label=label, value=v)
        for (k, label), v in zip(keys_labels, hidden.cells, strict=True)
    )
    return Figure(
        key=key,
        title=title,
        description=description,
        rows=rows,
        total=hidden.total,
        has_total=True,
        counts_people=True,
    )


# --- Recruitment ---------------------------------------------------------------------------

# Declined, waitlisted and the rest were all submitted once; a withdrawn one only if it was
# submitted before it was withdrawn (a draft can be withdrawn too).
SUBMITTED = Q(
    status__in=[I.SUBMITTED, I.IN_REVIEW, I.ACCEPTED, I.MATCHED, I.WAITLISTED, I.DECLINED]
) | Q(status=I.WITHDRAWN, submitted_at__isnull=False)


@dataclass(frozen=True)
class FunnelRow:
    call: Call
    submitted: int
    accepted: int
    matched: int


def funnel(network) -> list[FunnelRow]:
    """Per call of the network: interests submitted, accepted (matched ones included, as
    they were accepted first) and matched. Two queries."""
    counts = {
        row["call"]: row
        for row in Interest.objects.filter(call__network=network)
        .values("call")
        .annotate(
            submitted=Count("pk", filter=SUBMITTED),
            accepted=Count("pk", filter=Q(status__in=[I.ACCEPTED, I.MATCHED])),
            matched=Count("pk", filter=Q(status=I.MATCHED)),
        )
    }
    empty = {"submitted": 0, "accepted": 0, "matched": 0}
    return [
        FunnelRow(
            call=call,
            submitted=counts.get(call.pk, empty)["submitted"],
            accepted=counts.get(call.pk, empty)["accepted"],
            matched=counts.get(call.pk, empty)["matched"],
        )
        for call in network.calls.order_by("open_date", "pk")
    ]


def funnel_figure(row: FunnelRow) -> Figure:
    return Figure(
        key="funnel",
        title=_("Recruitment: from expression of interest to partnership"),
        description=_(
            "Expressions of interest submitted, accepted and matched with a partner in the "
            "call %(call)s."
        )
        % {"call": pick(row.call.titles)[0]},
        rows=(
            Row("submitted", _("Submitted"), row.submitted),
            Row("accepted", _("Accepted"), row.accepted),
            Row("matched", _("Matched"), row.matched),
        ),
    )


# --- Partnerships ---------------------------------------------------------------------------


def _partnerships(calls):
    return Partnership.objects.filter(call__in=calls)


def by_theme(network, calls) -> Figure:
    """Partnerships per theme and perspective of the network (one query). A partnership works
    on several themes, so the rows add up to more than the partnerships."""
    themes = (
        Theme.objects.filter(network=network)
        .annotate(n=Count("partnerships", filter=Q(partnerships__call__in=calls), distinct=True))
        .order_by("kind", "position", "pk")
    )
    rows = []
    for theme in themes:
        text, lang = pick(theme.names)
        rows.append(Row(key=theme.slug, label=text, value=theme.n, lang=lang))
    return Figure(
        key="themes",
        title=_("Partnerships by theme"),
        description=_(
            "How many partnerships work on each theme; a partnership can work on several."
        ),
        rows=tuple(rows),
    )


def by_country(calls) -> Figure:
    """Partnerships per country of their Latin American municipality (one query)."""
    counts = (
        _partnerships(calls)
        .values("latin_organisation__country__code", "latin_organisation__country__names")
        .annotate(n=Count("pk"))
        .order_by("latin_organisation__country__code")
    )
    rows = tuple(
        Row(
            key=row["latin_organisation__country__code"],
            label=pick(row["latin_organisation__country__names"])[0],
            value=row["n"],
        )
        for row in counts
    )
    return Figure(
        key="countries",
        title=_("Partnerships by country"),
        description=_("How many partnerships have their Latin American partner in each country."),
        rows=rows,
        total=sum(r.value for r in rows),
        has_total=True,
    )


def by_phase(calls) -> Figure:
    """Partnerships per phase, every phase shown (one query)."""
    counts = dict(
        _partnerships(calls).values("phase").annotate(n=Count("pk")).values_list("phase", "n")
    )
    rows = tuple(
        Row(key=value, label=str(label).capitalize(), value=counts.get(value, 0))
        for value, label in Partnership.Phase.choices
    )
    return Figure(
        key="phases",
        title=_("Partnerships by phase"),
        description=_("How many partnerships are in each phase of their work."),
        rows=rows,
        total=sum(r.value for r in rows),
        has_total=True,
    )


def municipalities(calls) -> Figure:
    """Municipalities and regions taking part in a partnership, per country (one query)."""
    partnerships = _partnerships(calls)
    counts = (
        Organisation.objects.filter(
            Q(pk__in=partnerships.values("swedish_organisation"))
            | Q(pk__in=partnerships.values("latin_organisation"))
        )
        .values("country__code", "country__names")
        .annotate(n=Count("pk"))
        .order_by("-country__region", "country__code")
    )
    rows = tuple(
        Row(key=r["country__code"], label=pick(r["country__names"])[0], value=r["n"])
        for r in counts
    )
    return Figure(
        key="municipalities",
        title=_("Municipalities and regions taking part"),
        description=_("How many municipalities and regions of each country are in a partnership."),
        rows=rows,
        total=sum(r.value for r in rows),
        has_total=True,
    )
