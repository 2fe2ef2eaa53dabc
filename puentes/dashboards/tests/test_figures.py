"""The dashboard's figures against the hand-built network of fixture.py; every expected number
is counted by hand from the fixture's docstring."""

import pytest
from django.utils import translation

from puentes.dashboards import figures, figures_followup, figures_people, selectors

from .fixture import TODAY, build

pytestmark = pytest.mark.django_db


@pytest.fixture
def net():
    with translation.override("en"):
        yield build()


def values(figure):
    return {row.key: row.value for row in figure.rows}


def counted(figure):
    """The rows that count something (the factories add themes nobody works on)."""
    return {key: value for key, value in values(figure).items() if value != 0}


def test_funnel_counts_submitted_accepted_and_matched_per_call(net):
    rows = {row.call.slug: row for row in figures.funnel(net.network)}
    # matched 2 + accepted + declined + withdrawn after submitting; not the withdrawn draft
    assert (rows["call-c"].submitted, rows["call-c"].accepted, rows["call-c"].matched) == (5, 3, 2)
    assert (rows["call-c2"].submitted, rows["call-c2"].accepted, rows["call-c2"].matched) == (
        1,
        0,
        0,
    )


def test_partnerships_by_theme_country_and_phase_in_one_call(net):
    calls = [net.call]
    assert counted(figures.by_theme(net.network, calls)) == {"t1": 2, "t2": 2, "p": 1}
    countries = figures.by_country(calls)
    assert values(countries) == {"CO": 1, "GT": 2}
    assert countries.total == 3
    phases = figures.by_phase(calls)
    assert values(phases) == {"forming": 1, "inception": 1, "project": 1, "concluded": 0}


def test_attendance_per_workshop_hides_a_workshop_of_two(net):
    rows = {row.workshop.slug: row for row in figures_people.attendance([net.call])}
    w1, w2, w3 = rows["w1"], rows["w2"], rows["w3"]
    assert (w1.places, w1.attended, w1.no_show, w1.registered) == (7, 7, 0, 0)
    # two people: the cell and the total are hidden
    assert (w2.places, w2.attended) == (None, None)
    # the waiting list and the cancellation take no place
    assert (w3.places, w3.attended, w3.registered) == (3, 0, 3)


def test_participation_rule_met_planned_and_missing(net):
    # P1: W1 (Latin America) and W2 (Sweden) attended; P2: W1 attended, W3 (Sweden) planned;
    # P3: only W1.
    assert values(figures_followup.rule_compliance(net.call)) == {
        "met": 1,
        "planned": 1,
        "missing": 1,
    }


def test_reports_submitted_due_and_overdue_per_period(net):
    rows = figures_followup.reports(net.call, TODAY)
    by_year = {row.period.start_date.year: row for row in rows}
    assert (by_year[2024].submitted, by_year[2024].due, by_year[2024].overdue) == (1, 0, 2)
    assert (by_year[2025].submitted, by_year[2025].due, by_year[2025].overdue) == (1, 2, 0)
    assert values(figures_followup.reports_figure(rows)) == {
        "submitted": 2,
        "due": 2,
        "overdue": 2,
    }


def test_indicator_progress_with_the_latest_value_and_people_below_three_hidden(net):
    rows = figures_followup.indicators(net.call)
    assert len(rows) == 4  # the other call's indicator is not counted
    figure = figures_followup.indicators_figure(rows)
    assert values(figure) == {"reached": 1, "moving": 1, "not_moving": 1, "no_value": 1}
    latest = sorted((r.latest, r.latest_hidden) for r in rows if r.latest is not None)
    assert [v for v, _hidden in latest] == [8, 30]
    assert sum(r.latest_hidden for r in rows) == 1  # the people indicator's 2


def test_participants_by_role_are_all_shown_when_no_cell_is_small(net):
    figure = figures_people.participants_by_role([net.call])
    assert values(figure) == {"official": 5, "politician": 3, "other": 0}
    assert figure.total == 8


def test_participants_by_gender_count_only_consented_and_hide_the_small_cell_and_another(net):
    figure = figures_people.participants_by_gender([net.call])
    # women 4, men 3, another 0, not given 1 (E): the 1 is hidden, and the men too, or the
    # total 8 would give it away
    assert values(figure) == {"woman": 4, "man": None, "another": 0, "not_given": None}
    assert figure.total == 8


def test_public_figures_count_every_call_of_the_network(net):
    with translation.override("en"):
        public = selectors.public_figures(net.network)
    assert counted(public["themes"]) == {"t1": 2, "t2": 3, "p": 1}
    assert values(public["countries"]) == {"CO": 2, "GT": 2}
    assert public["phases"].total == 4
    # org1 is in two partnerships and counts once
    assert values(public["municipalities"]) == {"SE": 3, "CO": 2, "GT": 2}
    assert public["workshops_held"] == 2
    assert public["attendees"] == 8
