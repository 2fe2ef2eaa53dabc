"""Restoring a backup made before an erasure erases the person again (the ledger outside the
database), on whichever database the suite runs with (SQLite by default, PostgreSQL with
DATABASE_URL)."""

import io

import pytest
from django.core.management import call_command
from django.utils import translation

from puentes.people.models import Person
from puentes.people.tests.factories import PersonFactory
from puentes.privacy.erasure import erasures_reapply, ledger_read, person_erase
from puentes.privacy.models import Erasure

from .test_erasure import EMAIL, LATER, NAME, PHONE, occurrences, person_everywhere


@pytest.fixture(autouse=True)
def ledger(settings, tmp_path):
    settings.PUENTES_ERASURE_LEDGER = tmp_path / "var" / "erasures.jsonl"


def backup_then_restore(tmp_path, between) -> str:
    """Back up, run `between`, then restore the backup."""
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    between()
    out = io.StringIO()
    with translation.override("en"):
        call_command("restore", str(archive), "--force", stdout=out)
    return out.getvalue()


def test_restoring_a_backup_older_than_an_erasure_erases_the_person_again(
    transactional_db, tmp_path
):
    # Given a backup made while the person was still there
    person = person_everywhere()

    # When they are erased, and then the older backup is restored
    printed = backup_then_restore(
        tmp_path,
        lambda: person_erase(person=person, by=None, now=LATER, reason=Erasure.Reason.OWN_REQUEST),
    )

    # Then they are erased again: nothing names them, and the erasure is recorded once more
    assert "Erased again, as the erasure ledger says: 1 person(s)." in printed
    assert occurrences(NAME, EMAIL, PHONE) == []
    person.refresh_from_db()
    assert person.name == f"Erased person #{person.pk}"
    assert Erasure.objects.get().reason == Erasure.Reason.RESTORED
    # The ledger is not written twice for the same person
    assert len(ledger_read()) == 1


def test_someone_new_who_got_an_erased_persons_id_is_not_erased_again(db):
    # Given a person erased and then gone, as after restoring a backup made before they came
    erased = PersonFactory(name="Bo Gunnarsson")
    person_erase(person=erased, by=None, now=LATER, reason=Erasure.Reason.OWN_REQUEST)
    Erasure.objects.all().delete()
    Person.objects.filter(pk=erased.pk).delete()
    # ... and a newcomer who was given the same id
    newcomer = PersonFactory(pk=erased.pk, name="Carmen Ixcot")

    # When the ledger is applied again
    reapplied = erasures_reapply(now=LATER)

    # Then the newcomer is left alone: the ledger's person was created at another time
    assert reapplied == []
    newcomer.refresh_from_db()
    assert newcomer.name == "Carmen Ixcot" and not Erasure.objects.exists()


def test_the_reapply_command_erases_again_whom_the_ledger_lists_and_the_database_does_not(db):
    # Given a person erased, then back in the database as they were (an older release's
    # backup restored and migrated)
    person = PersonFactory(name="Dagny Holm")
    person_erase(person=person, by=None, now=LATER, reason=Erasure.Reason.OWN_REQUEST)
    Erasure.objects.all().delete()
    Person.objects.filter(pk=person.pk).update(name="Dagny Holm")

    # When the command runs
    out = io.StringIO()
    call_command("reapply_erasures", stdout=out)

    # Then the person is erased again, and the output names only their id
    assert out.getvalue() == f"1 person(s) erased again: [{person.pk}]\n"
    person.refresh_from_db()
    assert person.name == f"Erased person #{person.pk}"
