"""The demo plan of Lessebo–Totonicapán: a whole logframe in Swedish and Spanish, with
figures for 2024 and 2025, made once and never overwritten."""

import pytest
from django.urls import reverse
from django.utils import translation

from puentes.networks.demo import demo_load
from puentes.people.models import User
from puentes.places.testing import load_reference_data_for_tests
from puentes.plans.models import Activity, Assumption, Indicator, IndicatorValue, Outcome, Plan


@pytest.fixture
def demo(db):
    load_reference_data_for_tests()
    return demo_load()


def test_lessebo_and_totonicapan_have_a_whole_plan_in_both_languages(demo):
    plan = Plan.objects.select_related("partnership__swedish_organisation").get()
    indicators = list(Indicator.objects.all())

    assert plan.partnership.swedish_organisation.name == "Lessebo"
    assert set(plan.goals) == {"sv", "es"} and plan.goal_language == "es"
    assert plan.outcomes.count() == 2 and Assumption.objects.count() == 2
    assert 2 <= Activity.objects.values("output").distinct().count() <= 3
    assert len(indicators) == 3 and any(indicator.counts_people for indicator in indicators)
    for item in [*Outcome.objects.all(), *Activity.objects.all(), *indicators]:
        assert set(item.texts) == {"sv", "es"} and item.language in item.texts
    years = {a.start_date.year for a in Activity.objects.all()}
    assert years <= {2024, 2025, 2026} and len(years) == 3
    assert {v.period.label for v in IndicatorValue.objects.select_related("period")} == {
        "2024",
        "2025",
    }
    assert IndicatorValue.objects.count() == 6
    assert demo.created["plans"] == 1 and demo.created["indicator values"] == 6


def test_loading_the_demo_again_makes_nothing_and_keeps_what_people_changed(demo):
    outcome = Outcome.objects.order_by("position").first()
    Outcome.objects.filter(pk=outcome.pk).update(texts={"sv": "Ändrad av Anna."}, version=2)
    before = [Model.objects.count() for Model in (Plan, Outcome, Indicator, IndicatorValue)]

    result = demo_load()

    assert [Model.objects.count() for Model in (Plan, Outcome, Indicator, IndicatorValue)] == (
        before
    )
    assert not (result.created["plans"] or result.created["plan items"])
    outcome.refresh_from_db()
    assert outcome.texts == {"sv": "Ändrad av Anna."}


@pytest.mark.parametrize(("email", "language"), [("lessebo", "sv"), ("totonicapan", "es")])
def test_the_demo_members_read_their_plan(client, demo, email, language):
    plan = Plan.objects.get()
    client.force_login(User.objects.get(email=f"{email}@demo.puentes.test"))
    with translation.override(language):
        path = reverse("plans:plan_detail", kwargs={"pk": plan.partnership_id})

    page = client.get(path).content.decode()

    assert plan.goals[language] in page
    first_activity = Activity.objects.order_by("start_date").first()
    assert first_activity.texts[language] in page
