"""Deleting parts of the plan (asking first, refusing a stale delete) and the plan page's
query count."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from puentes.plans.models import Assumption, Indicator, Outcome

from .factories import (
    ActivityFactory,
    AssumptionFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    OutcomeFactory,
    OutputFactory,
    PeopleIndicatorFactory,
)
from .pages import main

# --- Deleting -------------------------------------------------------------------------


def test_deleting_an_outcome_says_what_goes_with_it_then_deletes_it(client, plan, people, url):
    outcome = Outcome.objects.get()
    client.force_login(people.swedish)
    path = url("outcome_delete", "en", pk=plan.partnership.pk, item_pk=outcome.pk)

    page = main(client.get(path))
    response = client.post(path, {"version": 1})

    assert "Más mujeres en los COCODE." in page
    assert "1 output" in page and "1 activity" in page
    assert "2 indicators" in page and "1 recorded actual value" in page
    assert response.status_code == 302
    assert not Outcome.objects.exists() and not Indicator.objects.exists()
    assert Assumption.objects.exists()


def test_a_stale_delete_shows_what_is_saved_now_and_deletes_only_when_confirmed(
    client, plan, people, url
):
    assumption = Assumption.objects.get()
    Assumption.objects.filter(pk=assumption.pk).update(texts={"es": "Cambiado."}, version=3)
    client.force_login(people.swedish)
    path = url("assumption_delete", pk=plan.partnership.pk, item_pk=assumption.pk)

    stale = client.post(path, {"version": 1})

    assert stale.status_code == 409
    assert "Cambiado." in main(stale) and 'name="version" value="3"' in main(stale)
    assert Assumption.objects.exists()
    assert client.post(path, {"version": 3}).status_code == 302
    assert not Assumption.objects.exists()


def test_deleting_what_someone_already_deleted_just_returns_to_the_plan(client, plan, people, url):
    assumption = Assumption.objects.get()
    client.force_login(people.swedish)
    Assumption.objects.all().delete()

    response = client.post(
        url("assumption_delete", pk=plan.partnership.pk, item_pk=assumption.pk), {"version": 1}
    )

    assert response.status_code == 302
    assert response.url == url("plan_detail", pk=plan.partnership.pk)


# --- Query counts ---------------------------------------------------------------------


def grow(plan, outcomes):
    for _ in range(outcomes):
        outcome = OutcomeFactory(plan=plan)
        PeopleIndicatorFactory(outcome=outcome)
        for _ in range(3):
            output = OutputFactory(outcome=outcome)
            ActivityFactory(output=output)
            ActivityFactory(output=output)
            indicator = IndicatorFactory(output=output, outcome=None)
            for value_period in plan.partnership.call.reporting_periods.all():
                IndicatorValueFactory(indicator=indicator, period=value_period)
        AssumptionFactory(plan=plan)


def test_the_plan_page_runs_the_same_queries_for_a_small_and_a_large_plan(
    client, plan, people, url
):
    client.force_login(people.swedish)
    path = url("plan_detail", pk=plan.partnership.pk)
    client.get(path)  # warm what is not the plan's (session, language)
    with CaptureQueriesContext(connection) as small:
        client.get(path)
    grow(plan, 6)
    with CaptureQueriesContext(connection) as large:
        page = main(client.get(path))

    assert page.count('class="plan-outcome"') == 7
    assert page.count('class="plan-indicator"') == 1 + 1 + 6 * (1 + 3)
    assert len(large) == len(small), "\n".join(q["sql"] for q in large.captured_queries)
