"""The checksums restore relies on see every change and ignore the order of rows."""

import datetime
import decimal
import uuid

import pytest

from puentes.operations.fingerprints import normalise, table_fingerprints
from puentes.people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_changing_one_value_changes_that_tables_checksum_and_no_other():
    UserFactory.create_batch(3)
    before = table_fingerprints()
    user = UserFactory._meta.model.objects.order_by("pk").last()

    user.email = "other@example.org"
    user.save(update_fields=["email"])

    after = table_fingerprints()
    assert after["people_user"]["rows"] == before["people_user"]["rows"] == 3
    assert after["people_user"]["checksum"] != before["people_user"]["checksum"]
    assert {k: v for k, v in after.items() if k != "people_user"} == {
        k: v for k, v in before.items() if k != "people_user"
    }


def test_every_table_is_there_even_when_empty():
    fingerprints = table_fingerprints()

    assert fingerprints["documents_document"] == {"rows": 0, "checksum": "0" * 64}
    assert fingerprints["django_migrations"]["rows"] > 10
    assert "people_user_groups" in fingerprints  # auto-created many-to-many table


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, "\x00null"),
        (True, "true"),
        (
            datetime.datetime(
                2025, 3, 1, 13, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=1))
            ),
            "2025-03-01T12:00:00+00:00",
        ),
        (decimal.Decimal("12.500"), "12.5"),
        (decimal.Decimal("100"), "100"),
        (b"\x00\xff", "00ff"),
        (memoryview(b"\x00\xff"), "00ff"),
        ({"b": 1, "a": [2]}, '{"a": [2], "b": 1}'),
        (uuid.UUID(int=1), "00000000-0000-0000-0000-000000000001"),
    ],
)
def test_values_are_normalised_the_same_whichever_database_returned_them(value, text):
    assert normalise(value) == text
