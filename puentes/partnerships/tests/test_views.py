"""The workspace, the statement's edit with its conflict page, and the two lists."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from puentes.networks.tests.factories import CallFactory, ThemeFactory
from puentes.partnerships.models import Partnership, PartnershipMember
from puentes.people.models import NetworkRole
from puentes.people.tests.factories import (
    MembershipFactory,
    NetworkRoleFactory,
    OrganisationFactory,
    PersonFactory,
)

from .factories import PartnershipFactory, PartnershipMemberFactory


def url(name, *args, language="sv"):
    with translation.override(language):
        return reverse(f"partnerships:{name}", args=args)


@pytest.fixture
def partnership(db):
    theme = ThemeFactory(names={"sv": "Könsbaserat våld", "es": "Violencia de género"})
    partnership = PartnershipFactory(
        swedish_organisation=OrganisationFactory(country_code="SE", code="0180"),
        latin_organisation=OrganisationFactory(country_code="GT", code="0101"),
        challenge_statements={"es": "Pocas mujeres participan en el Concejo."},
        challenge_language="es",
        themes=[theme],
    )
    PartnershipMemberFactory(
        partnership=partnership, person=PersonFactory(name="Ana Lopez"), side="latin"
    )
    return partnership


@pytest.fixture
def swedish_member(partnership):
    return MembershipFactory(organisation=partnership.swedish_organisation).person.user


def test_a_member_sees_both_sides_and_the_statement_marking_the_original(
    client, partnership, swedish_member
):
    client.force_login(swedish_member)

    page = client.get(url("partnership_detail", partnership.pk)).content.decode()

    assert "Stockholm" in page and "Guatemala" in page
    assert "Ana Lopez" in page
    assert '<div class="user-text" lang="es"><p>Pocas mujeres participan' in page
    assert "original" in page
    assert "Ännu inte översatt" in page or "Not yet translated" in page
    assert "Könsbaserat våld" in page
    assert url("statement_edit", partnership.pk) in page


def test_a_member_of_another_organisation_gets_404(client, partnership):
    other = MembershipFactory(organisation=OrganisationFactory(country_code="SE", code="1480"))
    client.force_login(other.person.user)

    assert client.get(url("partnership_detail", partnership.pk)).status_code == 404
    assert client.get(url("statement_edit", partnership.pk)).status_code == 404


def test_the_mentor_reads_but_may_not_edit(client, partnership):
    mentor = NetworkRoleFactory(
        network=partnership.call.network, role=NetworkRole.Role.MENTOR
    ).person
    Partnership.objects.filter(pk=partnership.pk).update(mentor=mentor)
    client.force_login(mentor.user)

    page = client.get(url("partnership_detail", partnership.pk))
    assert page.status_code == 200
    assert url("statement_edit", partnership.pk) not in page.content.decode()
    response = client.post(url("statement_edit", partnership.pk), {"sv": "x", "version": 1})
    assert response.status_code == 403
    partnership.refresh_from_db()
    assert partnership.version == 1


def test_the_workspace_offers_meetings_and_documents_to_members_but_not_to_the_mentor(
    client, partnership, swedish_member
):
    mentor = NetworkRoleFactory(
        network=partnership.call.network, role=NetworkRole.Role.MENTOR
    ).person
    Partnership.objects.filter(pk=partnership.pk).update(mentor=mentor)
    members_only = [
        reverse_sv("meetings:meeting_list", partnership.pk),
        reverse_sv("documents:document_list", partnership.pk),
    ]

    client.force_login(swedish_member)
    member_page = client.get(url("partnership_detail", partnership.pk)).content.decode()
    client.force_login(mentor.user)
    mentor_page = client.get(url("partnership_detail", partnership.pk)).content.decode()

    assert all(link in member_page for link in members_only)
    assert not any(link in mentor_page for link in members_only)
    assert reverse_sv("plans:plan_detail", partnership.pk) in mentor_page


def reverse_sv(name, *args):
    with translation.override("sv"):
        return reverse(name, args=args)


def test_a_member_saves_the_statement_in_both_languages(client, partnership, swedish_member):
    client.force_login(swedish_member)

    response = client.post(
        url("statement_edit", partnership.pk),
        {"sv": "Få kvinnor i fullmäktige.", "es": "Pocas mujeres.", "version": 1},
    )

    assert response.status_code == 302
    partnership.refresh_from_db()
    assert partnership.challenge_statements == {
        "sv": "Få kvinnor i fullmäktige.",
        "es": "Pocas mujeres.",
    }
    assert partnership.version == 2
    assert partnership.statement_updated_by == swedish_member


def test_a_stale_save_shows_both_versions_and_gives_the_text_back(
    client, partnership, swedish_member
):
    # Given someone saved version 2 after our member opened version 1
    Partnership.objects.filter(pk=partnership.pk).update(
        version=2, challenge_statements={"es": "Texto guardado por Ana."}
    )
    client.force_login(swedish_member)

    # When the member saves on top of version 1
    response = client.post(
        url("statement_edit", partnership.pk),
        {"sv": "Min svenska text.", "es": "Mi texto.", "version": 1},
    )

    # Then the conflict page shows the saved version and theirs, with their text in the form
    assert response.status_code == 409
    page = response.content.decode()
    assert "Texto guardado por Ana." in page
    assert page.count("Min svenska text.") == 2  # in the comparison and in the form
    assert 'name="version" value="2"' in page
    partnership.refresh_from_db()
    assert partnership.challenge_statements == {"es": "Texto guardado por Ana."}

    # And saving again from the conflict page is a deliberate overwrite that succeeds
    again = client.post(
        url("statement_edit", partnership.pk),
        {"sv": "Min svenska text.", "es": "Mi texto.", "version": 2},
    )
    assert again.status_code == 302
    partnership.refresh_from_db()
    assert partnership.challenge_statements["es"] == "Mi texto."


def test_an_empty_or_oversized_statement_is_refused_with_the_input_kept(
    client, partnership, swedish_member
):
    client.force_login(swedish_member)

    empty = client.post(url("statement_edit", partnership.pk), {"sv": " ", "version": 1})
    oversized = client.post(
        url("statement_edit", partnership.pk), {"sv": "ö" * 5001, "es": "Mi texto.", "version": 1}
    )

    assert empty.status_code == 400
    assert 'class="error-summary"' in empty.content.decode()
    assert oversized.status_code == 400
    assert "Mi texto." in oversized.content.decode()
    partnership.refresh_from_db()
    assert partnership.version == 1


def test_my_partnerships_lists_those_of_my_organisation(client, partnership, swedish_member):
    PartnershipFactory(
        swedish_organisation=OrganisationFactory(country_code="SE", code="1480"),
        latin_organisation=OrganisationFactory(country_code="CO", code="05001"),
    )
    client.force_login(swedish_member)

    page = client.get(url("my_partnerships")).content.decode()

    assert url("partnership_detail", partnership.pk) in page
    assert "Göteborg" not in page


def test_the_public_list_names_municipalities_and_themes_but_no_people(client, partnership):
    page = client.get(url("partnership_list", language="es")).content.decode()

    assert "Stockholm" in page and "Guatemala" in page
    assert "Participación política de las mujeres" in page
    assert "Violencia de género" in page
    assert "Ana Lopez" not in page and "@" not in page.split("<main", 1)[1].split("</main>")[0]


def make_partnerships(n, member=None):
    for _ in range(n):
        partnership = PartnershipFactory(
            call=CallFactory(), themes=[ThemeFactory(), ThemeFactory()]
        )
        if member:
            PartnershipMember.objects.create(partnership=partnership, person=member, side="swedish")


@pytest.mark.django_db
def test_the_public_list_runs_the_same_queries_for_2_and_60_partnerships(client):
    make_partnerships(2)
    path = url("partnership_list")
    client.get(path)  # warm caches that are not the list's (language, session)
    with CaptureQueriesContext(connection) as few:
        client.get(path)
    make_partnerships(58)
    with CaptureQueriesContext(connection) as many:
        page = client.get(path)
    with CaptureQueriesContext(connection) as last:
        last_page = client.get(path, {"page": 3})

    assert page.content.decode().count('class="card"') == 25
    assert last_page.content.decode().count('class="card"') == 10
    assert len(many) == len(few) == len(last)


def test_the_public_list_shows_25_a_page_with_links_between_pages(client, partnership):
    make_partnerships(25)

    first = client.get(url("partnership_list", language="en")).content.decode()
    second = client.get(url("partnership_list", language="en"), {"page": 2}).content.decode()

    assert 'href="?page=2" rel="next"' in first and "Page 1 of 2" in first
    assert second.count('class="card"') == 1 and 'rel="prev"' in second
    assert client.get(url("partnership_list"), {"page": "x"}).status_code == 200


@pytest.mark.django_db
def test_my_partnerships_runs_the_same_queries_for_2_and_20_partnerships(client):
    person = PersonFactory()
    client.force_login(person.user)
    make_partnerships(2, person)
    path = url("my_partnerships")
    client.get(path)
    with CaptureQueriesContext(connection) as few:
        client.get(path)
    make_partnerships(18, person)
    with CaptureQueriesContext(connection) as many:
        page = client.get(path)

    assert page.content.decode().count('class="card"') == 20
    assert len(many) == len(few)


def test_the_matching_reasons_are_shown_as_sentences_in_the_readers_language(
    client, partnership, swedish_member
):
    theme = partnership.themes.get()
    Partnership.objects.filter(pk=partnership.pk).update(
        match_score=3.5,
        match_reasons=[
            {"code": "shared_themes", "points": 2.0, "data": {"count": 1, "themes": [theme.slug]}},
            {"code": "preferred_country", "points": 1.5, "data": {"country": "GT"}},
        ],
    )
    client.force_login(swedish_member)

    page = client.get(url("partnership_detail", partnership.pk, language="en")).content.decode()

    assert "shares 1 theme:" in page
    assert "Stockholm asked for Guatemala" in page
