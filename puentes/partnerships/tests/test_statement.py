"""Editing the shared challenge statement with optimistic locking: a save based on an old
version is refused with what is saved now, and changes nothing."""

import datetime

import pytest
from django.utils import translation

from puentes.partnerships.services import (
    PartnershipError,
    StaleVersion,
    partnership_update_statement,
)
from puentes.people.tests.factories import UserFactory

from .factories import PartnershipFactory

NOW = datetime.datetime(2024, 6, 1, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def save(partnership, texts, version, by):
    return partnership_update_statement(
        partnership=partnership, texts=texts, expected_version=version, by=by, now=NOW
    )


@pytest.mark.django_db
def test_saving_the_statement_bumps_the_version_and_records_who_saved():
    partnership = PartnershipFactory()
    editor = UserFactory()

    saved = save(
        partnership, {"sv": " Få kvinnor i fullmäktige. ", "es": "Pocas mujeres."}, 1, editor
    )

    assert saved.version == 2
    assert saved.challenge_statements == {"sv": "Få kvinnor i fullmäktige.", "es": "Pocas mujeres."}
    assert saved.challenge_language == "es"  # the original stays the original
    assert saved.statement_updated_by == editor
    assert saved.statement_updated_at == NOW


@pytest.mark.django_db
def test_a_save_based_on_an_old_version_is_refused_and_changes_nothing():
    # Given Ana and Erik opened version 1, and Ana saved first
    partnership = PartnershipFactory()
    ana, erik = UserFactory(), UserFactory()
    save(partnership, {"es": "Texto de Ana."}, 1, ana)

    # When Erik saves on top of version 1
    with pytest.raises(StaleVersion) as refused:
        save(partnership, {"es": "Texto de Erik."}, 1, erik)

    # Then he is told, with Ana's saved text to compare, and Ana's text is kept
    assert refused.value.current.challenge_statements == {"es": "Texto de Ana."}
    assert refused.value.current.version == 2
    partnership.refresh_from_db()
    assert partnership.challenge_statements == {"es": "Texto de Ana."}
    assert partnership.statement_updated_by == ana


@pytest.mark.django_db
def test_an_empty_statement_is_refused():
    partnership = PartnershipFactory()

    with pytest.raises(PartnershipError) as refused:
        save(partnership, {"sv": " ", "es": ""}, 1, UserFactory())

    assert "at least one language" in str(refused.value.message)
    partnership.refresh_from_db()
    assert partnership.version == 1


@pytest.mark.django_db
def test_an_oversized_statement_is_refused_not_cut():
    partnership = PartnershipFactory()

    with pytest.raises(PartnershipError):
        save(partnership, {"sv": "x" * 5001}, 1, UserFactory())

    partnership.refresh_from_db()
    assert partnership.version == 1


@pytest.mark.django_db
def test_removing_the_original_language_makes_the_remaining_one_the_original():
    partnership = PartnershipFactory(challenge_statements={"es": "Original."})

    saved = save(partnership, {"sv": "Översatt."}, 1, UserFactory())

    assert saved.challenge_statements == {"sv": "Översatt."}
    assert saved.challenge_language == "sv"
