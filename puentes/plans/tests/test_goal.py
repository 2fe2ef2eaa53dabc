"""The plan's overall goal, saved under optimistic locking; the plan itself is made the
first time anything is saved in it."""

import datetime

import pytest
from django.utils import translation

from puentes.core.audit import entries_for
from puentes.partnerships.tests.factories import PartnershipFactory
from puentes.people.tests.factories import PersonFactory, UserFactory
from puentes.plans import activity
from puentes.plans.kinds import OUTCOME
from puentes.plans.locking import StaleVersion
from puentes.plans.models import Plan
from puentes.plans.rules import PlanError
from puentes.plans.services import item_create, plan_save_goal

NOW = datetime.datetime(2024, 6, 1, 12, 0, tzinfo=datetime.UTC)
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def editor():
    return PersonFactory(preferred_language="es").user


def add(kind, partnership, data, by, parent=None):
    return item_create(kind=kind, partnership=partnership, parent=parent, data=data, by=by, now=NOW)


def test_the_first_save_of_the_goal_makes_the_plan_with_the_authors_language_as_original(editor):
    partnership = PartnershipFactory()

    plan = plan_save_goal(
        partnership=partnership,
        texts={"sv": "Fler kvinnor i byråden.", "es": " Más mujeres en los COCODE. "},
        expected_version=0,
        by=editor,
        now=NOW,
    )

    assert plan.partnership == partnership
    assert plan.goals == {"sv": "Fler kvinnor i byråden.", "es": "Más mujeres en los COCODE."}
    assert plan.goal_language == "es"
    assert (plan.version, plan.updated_by, plan.updated_at) == (1, editor, NOW)
    assert [entry.action for entry in entries_for(partnership)] == [activity.GOAL_SAVED]


def test_a_goal_saved_on_an_old_version_is_refused_and_the_saved_goal_kept(editor):
    partnership = PartnershipFactory()
    ana, erik = editor, UserFactory()
    plan_save_goal(
        partnership=partnership, texts={"es": "Meta de Ana."}, expected_version=0, by=ana, now=NOW
    )

    with pytest.raises(StaleVersion) as refused:
        plan_save_goal(
            partnership=partnership,
            texts={"sv": "Eriks mål."},
            expected_version=0,
            by=erik,
            now=NOW,
        )

    assert refused.value.current.goals == {"es": "Meta de Ana."}
    plan = Plan.objects.get()
    assert (plan.goals, plan.version, plan.updated_by) == ({"es": "Meta de Ana."}, 1, ana)
    assert len(entries_for(partnership)) == 1


def test_adding_an_outcome_before_any_goal_does_not_make_an_open_goal_form_stale(editor):
    partnership = PartnershipFactory()
    add(OUTCOME, partnership, {"texts": {"es": "Más concejalas."}}, editor)

    plan = plan_save_goal(
        partnership=partnership, texts={"es": "Meta."}, expected_version=0, by=editor, now=NOW
    )

    assert plan.version == 1
    assert Plan.objects.count() == 1


def test_an_empty_goal_is_refused(editor):
    partnership = PartnershipFactory()

    with pytest.raises(PlanError):
        plan_save_goal(
            partnership=partnership, texts={"sv": " "}, expected_version=0, by=editor, now=NOW
        )

    assert not Plan.objects.exists()
