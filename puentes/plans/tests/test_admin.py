"""Plans in the admin: coordinators read every kind of row, change none, and the lists run a
fixed number of queries."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from puentes.people.tests.factories import NetworkRoleFactory
from puentes.plans.models import Outcome

from .factories import (
    ActivityFactory,
    AssumptionFactory,
    IndicatorValueFactory,
    PeopleIndicatorFactory,
)

SIGN_IN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"
MODELS = ("plan", "outcome", "output", "activity", "indicator", "indicatorvalue", "assumption")


@pytest.fixture
def coordinator_client(client, db):
    user = NetworkRoleFactory().person.user
    TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client.force_login(user, backend=SIGN_IN_BACKEND)
    return client


def fill(times):
    for _ in range(times):
        activity = ActivityFactory()
        outcome = activity.output.outcome
        IndicatorValueFactory(
            indicator=PeopleIndicatorFactory(outcome=outcome), women=1, men=0, other=0, value=1
        )
        AssumptionFactory(plan=outcome.plan)


def test_a_coordinator_reads_every_kind_of_plan_row_but_changes_none(coordinator_client):
    fill(1)
    outcome = Outcome.objects.get()

    for model in MODELS:
        changelist = coordinator_client.get(reverse(f"admin:plans_{model}_changelist"))
        add = coordinator_client.get(reverse(f"admin:plans_{model}_add"))
        assert (changelist.status_code, add.status_code) == (200, 403), model
    change = coordinator_client.post(
        reverse("admin:plans_outcome_change", args=[outcome.pk]), {"texts": '{"sv": "Nytt"}'}
    )
    delete = coordinator_client.post(
        reverse("admin:plans_outcome_delete", args=[outcome.pk]), {"post": "yes"}
    )

    assert change.status_code == 403 and delete.status_code == 403
    outcome.refresh_from_db()
    assert outcome.version == 1 and "Nytt" not in outcome.texts.values()


@pytest.mark.parametrize("model", MODELS)
def test_each_list_runs_the_same_queries_for_1_and_6_plans(coordinator_client, model):
    url = reverse(f"admin:plans_{model}_changelist")
    fill(1)
    coordinator_client.get(url)
    with CaptureQueriesContext(connection) as few:
        coordinator_client.get(url)
    fill(5)
    with CaptureQueriesContext(connection) as many:
        response = coordinator_client.get(url)

    assert response.status_code == 200
    assert len(many) == len(few), "\n".join(q["sql"] for q in many.captured_queries)


def test_an_outcome_reads_as_its_text():
    assert str(Outcome(texts={"es": "Más concejalas."}, language="es")) == "Más concejalas."
    assert Outcome(texts={"sv": "x" * 100}, language="sv").title == "x" * 79 + "…"
