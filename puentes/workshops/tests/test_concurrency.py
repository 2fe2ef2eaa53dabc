"""Many people register at the same moment: the places are never exceeded and nobody is lost.

Each attempt runs in its own thread with its own database connection, all released together.
On PostgreSQL the workshop's row lock makes them take turns; SQLite runs one writing
transaction at a time. pytest-django's SQLite test database lives in memory with a shared
cache, where a transaction that finds the lock taken fails at once ("table is locked")
instead of waiting as it does on the file database (the 20-second busy timeout in settings):
there, and only there, an attempt that found the lock taken is made again, as that wait would.
"""

import random
import threading
import time

import pytest
from django.db import OperationalError, connection

from puentes.people.tests.factories import PersonFactory
from puentes.workshops.models import Registration
from puentes.workshops.services import registration_create

from .factories import OPEN_NOW, WorkshopFactory

ATTEMPTS = 50
PLACES = 20


def _patiently(register):
    for _ in range(1000):
        try:
            return register()
        except OperationalError as exc:
            if connection.vendor != "sqlite" or "locked" not in str(exc):
                raise
            time.sleep(random.uniform(0.001, 0.01))
    raise AssertionError("SQLite stayed locked")


def register_all_at_once(workshop, people):
    start = threading.Barrier(len(people))
    errors = []

    def attempt(person):
        try:
            start.wait()
            _patiently(
                lambda: registration_create(
                    workshop=workshop,
                    person=person,
                    details={},
                    by=person.user,
                    now=OPEN_NOW,
                    base_url="https://puentes.example",
                )
            )
        except Exception as exc:  # noqa: BLE001 - every failure is a lost registration
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.mark.django_db(transaction=True)
def test_fifty_simultaneous_registrations_for_twenty_places_fill_them_and_waitlist_the_rest():
    workshop = WorkshopFactory(capacity=PLACES)
    people = PersonFactory.create_batch(ATTEMPTS)

    errors = register_all_at_once(workshop, people)

    assert errors == []
    statuses = list(workshop.registrations.values_list("status", flat=True))
    assert len(statuses) == ATTEMPTS
    assert statuses.count(Registration.Status.REGISTERED) == PLACES
    assert statuses.count(Registration.Status.WAITLISTED) == ATTEMPTS - PLACES
    assert set(workshop.registrations.values_list("person_id", flat=True)) == {p.pk for p in people}


@pytest.mark.django_db(transaction=True)
def test_the_same_person_registering_twice_at_once_gets_one_registration():
    workshop = WorkshopFactory(capacity=PLACES)
    person = PersonFactory()

    errors = register_all_at_once(workshop, [person] * 5)

    assert Registration.objects.filter(workshop=workshop, person=person).count() == 1
    assert len(errors) == 4
    assert all(type(e).__name__ == "AlreadyRegistered" for e in errors)
