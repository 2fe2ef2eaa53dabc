"""The participation rule as a pure function: no database, plain data in and out."""

import ast
from pathlib import Path

from puentes.workshops.rule import Kind, Participation, Region, Rule, rule_status

RULE_2024 = Rule(year=2024, min_latin_america=1, min_sweden=1)


def part(workshop_id, region, year=2024, kind=Kind.ATTENDED):
    return Participation(workshop_id=workshop_id, region=Region(region), year=year, kind=kind)


def test_one_attended_workshop_in_each_place_meets_the_rule():
    status = rule_status(RULE_2024, [part(1, "latin_america"), part(2, "sweden")])

    assert status.met
    assert (status.latin_america.attended, status.sweden.attended) == (1, 1)
    assert (status.latin_america.missing, status.sweden.missing) == (0, 0)


def test_nothing_attended_misses_both_places():
    status = rule_status(RULE_2024, [])

    assert not status.met and not status.met_if_planned_held
    assert (status.latin_america.missing, status.sweden.missing) == (1, 1)


def test_a_workshop_in_another_year_does_not_count():
    status = rule_status(
        RULE_2024, [part(1, "latin_america", year=2023), part(2, "sweden", year=2025)]
    )

    assert (status.latin_america.attended, status.sweden.attended) == (0, 0)
    assert not status.met


def test_online_workshops_count_for_neither_place():
    status = rule_status(RULE_2024, [part(1, "online"), part(2, "online")])

    assert (status.latin_america.attended, status.sweden.attended) == (0, 0)


def test_two_people_at_one_workshop_count_it_once():
    status = rule_status(
        Rule(year=2024, min_latin_america=2, min_sweden=0),
        [part(1, "latin_america"), part(1, "latin_america")],
    )

    assert status.latin_america.attended == 1
    assert status.latin_america.missing == 1
    assert status.sweden.met


def test_a_registration_for_a_coming_workshop_is_planned_not_met():
    status = rule_status(
        RULE_2024, [part(1, "latin_america"), part(2, "sweden", kind=Kind.PLANNED)]
    )

    assert not status.met
    assert status.met_if_planned_held
    assert status.sweden.planned == 1 and status.sweden.missing == 1


def test_a_workshop_attended_by_one_and_planned_by_another_counts_as_attended_only():
    status = rule_status(RULE_2024, [part(2, "sweden"), part(2, "sweden", kind=Kind.PLANNED)])

    assert status.sweden.attended == 1 and status.sweden.planned == 0


def test_a_rule_asking_more_counts_what_is_still_missing():
    rule = Rule(year=2024, min_latin_america=2, min_sweden=3)
    status = rule_status(
        rule, [part(1, "latin_america"), part(2, "sweden"), part(3, "sweden", kind=Kind.PLANNED)]
    )

    assert (status.latin_america.missing, status.sweden.missing) == (1, 2)
    assert not status.met_if_planned_held


def test_a_rule_asking_nothing_in_sweden_is_met_there_without_attendance():
    status = rule_status(
        Rule(year=2024, min_latin_america=1, min_sweden=0), [part(1, "latin_america")]
    )

    assert status.met


def test_the_rule_module_imports_nothing_from_django():
    source = Path(__file__).resolve().parents[1] / "rule.py"
    tree = ast.parse(source.read_text())
    modules = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}

    assert not {m for m in modules if m and (m.startswith("django") or m.startswith("puentes"))}
