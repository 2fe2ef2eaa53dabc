"""The locking mechanism on its own: the write itself checks the version, so two saves of
one version cannot both succeed even where the database has no row locks (SQLite)."""

import datetime

import pytest

from puentes.people.tests.factories import UserFactory
from puentes.plans.locking import StaleVersion, delete_versioned, update_versioned
from puentes.plans.models import Assumption, IndicatorValue

from .factories import AssumptionFactory, IndicatorValueFactory

NOW = datetime.datetime(2024, 6, 1, 12, 0, tzinfo=datetime.UTC)
pytestmark = pytest.mark.django_db


def test_of_two_writes_read_at_the_same_version_only_the_first_succeeds():
    # Given two editors who both read version 1 of an assumption
    assumption = AssumptionFactory(texts={"es": "Original."})
    first, second = (Assumption.objects.get(pk=assumption.pk) for _ in range(2))

    # When both write on top of version 1
    update_versioned(first, 1, {"texts": {"es": "Primera."}}, by=UserFactory(), now=NOW)
    with pytest.raises(StaleVersion) as refused:
        update_versioned(second, 1, {"texts": {"es": "Segunda."}}, by=UserFactory(), now=NOW)

    # Then the second is refused with the first's row
    assert refused.value.current.texts == {"es": "Primera."}
    assumption.refresh_from_db()
    assert (assumption.texts, assumption.version, assumption.updated_at) == (
        {"es": "Primera."},
        2,
        NOW,
    )


def test_a_delete_read_at_an_old_version_deletes_nothing():
    value = IndicatorValueFactory()
    stale = IndicatorValue.objects.get(pk=value.pk)
    IndicatorValue.objects.filter(pk=value.pk).update(version=2)

    with pytest.raises(StaleVersion) as refused:
        delete_versioned(stale, 1)

    assert refused.value.current.version == 2
    assert IndicatorValue.objects.filter(pk=value.pk).exists()


def test_the_system_saves_without_a_user():
    assumption = AssumptionFactory(updated_by=UserFactory())

    saved = update_versioned(assumption, 1, {"position": 4}, by=None, now=NOW)

    assert (saved.position, saved.updated_by) == (4, None)
