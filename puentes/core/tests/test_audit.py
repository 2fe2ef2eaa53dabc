import datetime

import pytest
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from puentes.core import audit
from puentes.core.models import AuditEntry
from puentes.networks.tests.factories import CallFactory
from puentes.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

AT = datetime.datetime(2026, 3, 1, 9, 0, tzinfo=datetime.UTC)
TESTED = audit.action("tests.renamed", _("%(actor)s renamed %(old)s to %(new)s."))


def test_an_entry_is_described_in_the_active_language_with_its_actor_and_data():
    person = PersonFactory(name="Ana López")
    call = CallFactory()
    audit.audit_record(
        actor=person.user, action=TESTED, target=call, data={"old": "A", "new": "B"}, at=AT
    )

    [entry] = audit.entries_for(call)
    with translation.override("en"):
        item = audit.describe(entry)

    assert item.sentence == "Ana López renamed A to B."
    assert item.at == AT


def test_entries_are_listed_for_their_scope_only_newest_first():
    call, other = CallFactory(), CallFactory()
    for hour in (9, 11, 10):
        audit.audit_record(
            actor=None,
            action=TESTED,
            target=call,
            data={"old": hour, "new": hour},
            at=AT.replace(hour=hour),
        )
    audit.audit_record(actor=None, action=TESTED, target=other, data={}, at=AT)

    hours = [entry.at.hour for entry in audit.entries_for(call)]

    assert hours == [11, 10, 9]


def test_an_entry_missing_data_for_its_sentence_still_describes_itself():
    call = CallFactory()
    entry = audit.audit_record(actor=None, action=TESTED, target=call, data={}, at=AT)

    with translation.override("en"):
        item = audit.describe(entry)

    assert item.sentence == "Puentes: tests.renamed"


def test_an_undeclared_action_is_refused_and_nothing_is_recorded():
    call = CallFactory()

    with pytest.raises(ValueError):
        audit.audit_record(actor=None, action="tests.never_declared", target=call, at=AT)

    assert not AuditEntry.objects.exists()
