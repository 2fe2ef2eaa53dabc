"""The privacy pages. Erasure: a signed-in person erases their own data (every role has a
person here); the page after it is public, because the person has just been signed out.
Coordinators erase someone on a custom admin page; erasure records are only read in the
admin, and retention policies are edited there but never added or deleted."""

from django.utils import timezone

from puentes.people.tests.factories import PersonFactory
from puentes.privacy.models import Erasure, RetentionPolicy
from tests.access.policy import ADMIN_LOGIN, OK, PUBLIC, READS, SET_UP_TOTP, SIGNED_IN, policy

EXPECTED = {
    "privacy:erasure": SIGNED_IN,
    "privacy:erasure_done": PUBLIC,
    "admin:privacy_erasure_erase": policy(
        ADMIN_LOGIN, ADMIN_LOGIN, coordinator=OK, coordinator_without_totp=SET_UP_TOTP
    ),
}

ADMIN_APPS = {"privacy": READS}


def populate(world):
    person = PersonFactory()
    Erasure.objects.create(
        person=person,
        person_pk=person.pk,
        person_created_at=person.created_at,
        reason=Erasure.Reason.COORDINATOR,
        erased_at=timezone.now(),
    )
    RetentionPolicy.objects.get_or_create(kind="sent_mail", defaults={"period_days": 90})
