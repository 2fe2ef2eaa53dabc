"""Figures about workshops and the people who attend them: every count of people is
suppressed below 3 (suppression.py). Aggregated in the database, a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Case, CharField, Count, F, Q, Value, When
from django.utils.translation import gettext as _

from puentes.core.i18n import pick
from puentes.people.models import Person
from puentes.workshops.models import Registration, Workshop

from .figures import Figure, Row, people_figure
from .suppression import suppress

S = Registration.Status
NOT_GIVEN = "not_given"


@dataclass(frozen=True)
class WorkshopRow:
    """A workshop with its places taken and what became of them; None where hidden."""

    workshop: Workshop
    title: str
    places: int | None
    attended: int | None
    no_show: int | None
    registered: int | None


def _of_year(queryset, year, prefix=""):
    return queryset if year is None else queryset.filter(**{f"{prefix}start_at__year": year})


def attendance(calls, year=None) -> list[WorkshopRow]:
    """Every workshop of the calls (not cancelled; of `year` if given), soonest first, with its
    places taken split into attended, did not attend and not yet marked; each row suppressed
    on its own. One query."""
    workshops = (
        _of_year(Workshop.objects.filter(call__in=calls), year)
        .exclude(state__in=[Workshop.State.CANCELLED, Workshop.State.DRAFT])
        .annotate(
            n_attended=Count("registrations", filter=Q(registrations__status=S.ATTENDED)),
            n_no_show=Count("registrations", filter=Q(registrations__status=S.NO_SHOW)),
            n_registered=Count("registrations", filter=Q(registrations__status=S.REGISTERED)),
        )
        .order_by("start_at", "pk")
    )
    rows = []
    for w in workshops:
        hidden = suppress([w.n_attended, w.n_no_show, w.n_registered])
        attended, no_show, registered = hidden.cells
        rows.append(
            WorkshopRow(
                workshop=w,
                title=pick(w.titles)[0],
                places=hidden.total,
                attended=attended,
                no_show=no_show,
                registered=registered,
            )
        )
    return rows


def attendance_figure(rows: list[WorkshopRow]) -> Figure:
    return Figure(
        key="attendance",
        title=_("Workshop attendance"),
        description=_("How many people attended each workshop."),
        rows=tuple(Row(key=str(r.workshop.pk), label=r.title, value=r.attended) for r in rows),
        counts_people=True,
    )


def attendees(calls, year=None):
    """Attended registrations for the calls' workshops (of `year` if given)."""
    registrations = Registration.objects.filter(workshop__call__in=calls, status=S.ATTENDED)
    return _of_year(registrations, year, "workshop__")


def participants_by_role(calls, year=None) -> Figure:
    """People who attended at least one workshop, by their role (one query)."""
    counts = dict(
        attendees(calls, year)
        .values("person__role")
        .annotate(n=Count("person", distinct=True))
        .values_list("person__role", "n")
    )
    labels = [(value, str(label).capitalize()) for value, label in Person.Role.choices]
    return people_figure(
        "roles",
        _("Participants by role"),
        _("People who attended at least one workshop, by their role."),
        labels,
        counts,
    )


def participants_by_gender(calls, year=None) -> Figure:
    """People who attended at least one workshop, by the gender they gave with consent; the
    others are counted as not given (one query)."""
    consented = Case(
        When(
            Q(person__gender_consent_at__isnull=False) & ~Q(person__gender=""),
            then=F("person__gender"),
        ),
        default=Value(NOT_GIVEN),
        output_field=CharField(),
    )
    counts = dict(
        attendees(calls, year)
        .annotate(given=consented)
        .values("given")
        .annotate(n=Count("person", distinct=True))
        .values_list("given", "n")
    )
    labels = [(value, str(label).capitalize()) for value, label in Person.Gender.choices]
    labels.append((NOT_GIVEN, _("Not given")))
    return people_figure(
        "genders",
        _("Participants by gender"),
        _("People who attended at least one workshop, by the gender they gave with their consent."),
        labels,
        counts,
    )
