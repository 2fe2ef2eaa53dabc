"""The drill itself: it catches a service that keeps part of its work, passes one that does not."""

import pytest
from django.db import transaction

from puentes.core.models import AuditEntry
from puentes.core.testing.faults import (
    InjectedWriteFailure,
    assert_all_or_nothing,
    fail_at_write,
    writes_of,
)
from puentes.people.models import Person
from puentes.people.tests.factories import PersonFactory


def rename_twice(pk):
    """Two writes with no transaction around them: the first survives a refused second."""
    person = Person.objects
    person.filter(pk=pk).update(name="First")
    person.filter(pk=pk).update(name="Second")


def test_the_drill_counts_each_write(db):
    # given
    someone = PersonFactory()

    # when / then
    assert len(writes_of(lambda: rename_twice(someone.pk))) == 2


def test_the_nth_write_is_refused_by_the_connection_and_the_earlier_ones_ran(transactional_db):
    # given
    someone = PersonFactory(name="Before")

    # when the second write is refused
    with pytest.raises(InjectedWriteFailure), fail_at_write(2):
        rename_twice(someone.pk)

    # then the first one really happened
    someone.refresh_from_db()
    assert someone.name == "First"


def test_the_drill_fails_for_a_service_that_keeps_part_of_its_work(transactional_db):
    someone = PersonFactory()

    with pytest.raises(AssertionError, match="write 2 of 2 refused"):
        assert_all_or_nothing(lambda: rename_twice(someone.pk))


def test_inside_a_test_transaction_the_drill_names_a_write_outside_the_service_transaction(db):
    someone = PersonFactory()

    with pytest.raises(AssertionError, match="outside the service's transaction"):
        assert_all_or_nothing(lambda: rename_twice(someone.pk))


def test_the_drill_passes_the_same_work_in_one_transaction(db):
    someone = PersonFactory()

    def in_one_transaction():
        with transaction.atomic():
            rename_twice(someone.pk)

    assert len(assert_all_or_nothing(in_one_transaction)) == 2


def test_the_drill_fails_for_work_that_writes_nothing(db):
    assert AuditEntry.objects.count() == 0
    with pytest.raises(AssertionError, match="at least 2 writes"):
        assert_all_or_nothing(lambda: AuditEntry.objects.count())
