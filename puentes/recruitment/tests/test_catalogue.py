"""The public catalogue of municipalities seeking a partner: list, filters, search, profile."""

# The shared fixtures are imported from catalogue_support, and tests name them as arguments.
# ruff: noqa: F811

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from puentes.networks.tests.factories import CallFactory
from puentes.people.tests.factories import MembershipFactory, NetworkRoleFactory
from puentes.places.models import Organisation
from puentes.recruitment.models import SeekingProfile
from puentes.recruitment.search import search_text_for
from puentes.recruitment.views_catalogue import PAGE_SIZE

from .catalogue_support import (  # noqa: F401 (fixtures)
    SIGN_IN_BACKEND,
    catalogue_url,
    contact_person,
    coordinator_client,
    detail_url,
    municipality,
    open_call,
    publish,
    reference,
    themes,
)
from .factories import SeekingProfileFactory

pytestmark = pytest.mark.usefixtures("reference")


def names_listed(response) -> list[str]:
    return [profile.organisation.name for profile in response.context["page"].object_list]


# --- The list ---------------------------------------------------------------------------


def test_catalogue_lists_only_the_published_profiles_of_the_call(
    client, publish, network, open_call
):
    # given
    publish("0801")  # Totonicapán
    publish("1601", status=SeekingProfile.Status.SUBMITTED)  # Cobán, awaiting approval
    publish("05001", status=SeekingProfile.Status.REJECTED)  # Medellín
    publish("0101", call=CallFactory(network=network))  # Guatemala, in another call

    # when
    response = client.get(catalogue_url(open_call))

    # then
    assert response.status_code == 200
    assert names_listed(response) == ["Totonicapán"]
    assert "1 municipality" in response.content.decode()


@pytest.mark.parametrize("text", ["totonicapan", "TOTONICAPÁN", "  Totonicapan  "])
def test_search_ignores_accents_and_case(text, client, publish, open_call):
    # given
    publish("0801")
    publish("05001")

    # when
    response = client.get(catalogue_url(open_call, q=text))

    # then
    assert names_listed(response) == ["Totonicapán"]


def test_search_finds_words_of_a_translation_and_of_the_department(client, publish, open_call):
    # given
    publish("1601", challenges={"es": "Pocas concejalas.", "sv": "Få kvinnliga ledamöter."})
    publish("05001")

    # when
    by_translation = client.get(catalogue_url(open_call, q="kvinnliga"))
    by_department = client.get(catalogue_url(open_call, q="alta verapaz"))

    # then
    assert names_listed(by_translation) == ["Cobán"]
    assert names_listed(by_department) == ["Cobán"]


def test_filters_by_country_department_and_theme(client, publish, open_call, themes):
    # given
    publish("0801", themes=[themes["violence"]])  # Totonicapán, Guatemala
    publish("1601", themes=[themes["representation"]])  # Cobán, Alta Verapaz, Guatemala
    publish("05001", themes=[themes["violence"], themes["indigenous"]])  # Medellín, Colombia
    alta_verapaz = municipality("1601").area

    # when
    in_colombia = client.get(catalogue_url(open_call, country="CO"))
    in_alta_verapaz = client.get(catalogue_url(open_call, area=alta_verapaz.pk))
    on_violence = client.get(catalogue_url(open_call, theme=themes["violence"].pk))
    violence_in_guatemala = client.get(
        catalogue_url(open_call, theme=themes["violence"].pk, country="GT")
    )

    # then
    assert names_listed(in_colombia) == ["Medellín"]
    assert names_listed(in_alta_verapaz) == ["Cobán"]
    assert names_listed(on_violence) == ["Medellín", "Totonicapán"]
    assert names_listed(violence_in_guatemala) == ["Totonicapán"]


def test_the_department_filter_offers_only_departments_with_a_published_profile(
    client, publish, open_call
):
    # given
    publish("0801")
    publish("1601", status=SeekingProfile.Status.SUBMITTED)

    # when
    response = client.get(catalogue_url(open_call))

    # then
    choices = dict(response.context["form"].fields["area"].choices)
    assert "Totonicapán" in str(choices)
    assert "Alta Verapaz" not in str(choices)


def test_a_filter_value_that_does_not_exist_is_refused_next_to_its_field(
    client, publish, open_call
):
    # given
    publish("0801")

    # when
    response = client.get(catalogue_url(open_call, country="SE", area="nothing"))

    # then: every profile, and the form says which filters it could not use
    page = response.content.decode()
    assert response.status_code == 200
    assert names_listed(response) == ["Totonicapán"]
    assert 'class="error-summary"' in page
    assert 'href="#id_country"' in page


def test_card_shows_place_themes_and_the_start_of_the_challenge_marked_with_its_language(
    client, publish, open_call
):
    # given
    publish(
        "0801",
        challenges={"es": "Las lideresas k'iche' de los cantones casi no llegan al Concejo."},
    )

    # when
    response = client.get(catalogue_url(open_call).replace("/en/", "/sv/"))

    # then
    page = response.content.decode()
    assert "Totonicapán, Guatemala" in page
    assert '<p lang="es">Las lideresas k&#x27;iche&#x27; de los cantones' in page
    assert "Politisk representation" in page


def test_card_shows_the_translation_into_the_page_language_when_there_is_one(
    client, publish, open_call
):
    # given
    publish("1601", challenges={"es": "Pocas concejalas.", "en": "Few women councillors."})

    # when
    response = client.get(catalogue_url(open_call))

    # then
    assert '<p lang="en">Few women councillors.</p>' in response.content.decode()


def test_empty_catalogue_says_that_no_municipality_seeks_a_partner_yet(client, open_call):
    response = client.get(catalogue_url(open_call))

    page = response.content.decode()
    assert response.status_code == 200
    assert "0 municipalities" in page
    assert "No municipality seeks a partner in this call yet." in page


def test_a_search_without_results_offers_the_whole_catalogue(client, publish, open_call):
    # given
    publish("0801")

    # when
    response = client.get(catalogue_url(open_call, q="estocolmo"))

    # then
    page = response.content.decode()
    assert "No municipality matches these filters." in page
    assert f'href="{catalogue_url(open_call)}">Show every municipality' in page


def test_catalogue_is_paginated_and_page_links_keep_the_filters(client, open_call, themes):
    # given: 30 Colombian municipalities
    organisations = municipality("05001").area.organisations.order_by("name")[:30]
    for organisation in organisations:
        SeekingProfileFactory(call=open_call, organisation=organisation, themes=[])

    # when
    first = client.get(catalogue_url(open_call, country="CO"))
    second = client.get(catalogue_url(open_call, country="CO", page=2))

    # then
    assert len(names_listed(first)) == PAGE_SIZE
    assert len(names_listed(second)) == 30 - PAGE_SIZE
    assert "30 municipalities" in first.content.decode()
    assert 'href="?country=CO&amp;page=2"' in first.content.decode()


def test_unknown_call_answers_404(client, network):
    response = client.get(reverse("catalogue:list", args=[network.slug, "no-such-call"]))

    assert response.status_code == 404


def _bulk_publish(call, count, theme):
    """`count` published profiles of real municipalities, written in two queries."""
    organisations = list(
        Organisation.objects.filter(country__code__in=["GT", "CO"], can_join=True)
        .select_related("area", "country")
        .order_by("code")[:count]
    )
    assert len(organisations) == count
    profiles = []
    for organisation in organisations:
        profile = SeekingProfile(
            call=call,
            organisation=organisation,
            status=SeekingProfile.Status.APPROVED,
            challenges={"es": f"Desafío de {organisation.name}."},
            challenge_language="es",
            contact=SeekingProfile.objects.first().contact,
        )
        profile.search_text = search_text_for(profile)
        profiles.append(profile)
    SeekingProfile.objects.filter(call=call).delete()
    created = SeekingProfile.objects.bulk_create(profiles)
    SeekingProfile.themes.through.objects.bulk_create(
        SeekingProfile.themes.through(seekingprofile_id=p.pk, theme_id=theme.pk) for p in created
    )


@pytest.mark.parametrize("query", [{}, {"q": "desafio", "country": "GT"}])
def test_catalogue_runs_as_many_queries_for_1000_profiles_as_for_10(
    query, client, publish, open_call, themes, django_assert_num_queries
):
    # given
    publish("0801")  # gives the bulk-made profiles a contact person
    _bulk_publish(open_call, 10, themes["representation"])
    url = catalogue_url(open_call, **query)
    client.get(url)
    with CaptureQueriesContext(connection) as ten:
        response = client.get(url)
    assert names_listed(response)

    # when
    _bulk_publish(open_call, 1000, themes["representation"])

    # then
    with django_assert_num_queries(len(ten.captured_queries)):
        response = client.get(url)
    assert len(names_listed(response)) == PAGE_SIZE
    assert response.context["page"].paginator.count > 100


def test_call_and_network_pages_link_to_the_catalogue_with_its_count(client, publish, open_call):
    # given
    publish("0801")
    publish("1601")
    publish("05001", status=SeekingProfile.Status.SUBMITTED)
    link = f'<a href="{catalogue_url(open_call)}">Municipalities seeking a partner (2)</a>'

    # when
    call_page = client.get(open_call.get_absolute_url())
    network_page = client.get(open_call.network.get_absolute_url())

    # then
    assert link in call_page.content.decode()
    assert link in network_page.content.decode()


# --- One profile ------------------------------------------------------------------------


@pytest.fixture
def totonicapan(publish, themes, contact_person):
    return publish(
        "0801",
        challenges={
            "es": "Las lideresas k'iche' casi no llegan al Concejo Municipal.",
            "en": "K'iche' women leaders rarely reach the municipal council.",
        },
        challenge_language="es",
        local_contexts={"es": "Organización comunitaria en 48 cantones."},
        themes=[themes["representation"], themes["indigenous"]],
        contact=contact_person,
    )


def test_profile_shows_the_original_challenge_says_its_language_and_its_translations(
    client, totonicapan
):
    # when
    response = client.get(detail_url(totonicapan))

    # then
    page = response.content.decode()
    assert response.status_code == 200
    assert "Written in Spanish" in page
    assert '<div lang="es" class="catalogue-text"><p>Las lideresas' in page
    assert "Translation into English" in page
    assert '<div lang="en" class="catalogue-text"><p>K&#x27;iche&#x27; women' in page
    assert page.index("Written in Spanish") < page.index("Translation into English")


def test_profile_shows_context_themes_perspectives_and_the_municipalitys_facts(client, totonicapan):
    response = client.get(detail_url(totonicapan))

    page = response.content.decode()
    assert "Organización comunitaria en 48 cantones." in page
    assert "<li>Political representation</li>" in page
    assert "<li>Indigenous peoples&#x27; inclusion</li>" in page
    assert "<dd>Totonicapán</dd>" in page  # the department
    assert "<dd>Guatemala</dd>" in page
    assert "<dd>0801</dd>" in page
    assert "Rosa Caal, Directora Municipal de la Mujer" in page


def test_profile_never_shows_the_contact_persons_e_mail_address(client, totonicapan):
    response = client.get(detail_url(totonicapan))

    page = response.content.decode()
    assert "rosa.caal" not in page
    assert "totonicapan.example.gt" not in page
    assert 'id="contact"' in page  # the way to write to them instead


def test_profile_of_another_call_answers_404(client, totonicapan, network):
    other = CallFactory(network=network)

    response = client.get(
        reverse("catalogue:detail", args=[network.slug, other.slug, totonicapan.pk])
    )

    assert response.status_code == 404


@pytest.mark.parametrize(
    "status",
    [
        SeekingProfile.Status.SUBMITTED,
        SeekingProfile.Status.REJECTED,
        SeekingProfile.Status.WITHDRAWN,
    ],
)
def test_unpublished_profile_answers_404_to_the_public_and_to_other_municipalities(
    status, client, publish, network
):
    # given
    profile = publish("0801", status=status)
    other_member = MembershipFactory(organisation=municipality("1601")).person.user
    coordinator_without_totp = NetworkRoleFactory(network=network).person.user

    # when
    anonymous = client.get(detail_url(profile))
    client.force_login(other_member, backend=SIGN_IN_BACKEND)
    other = client.get(detail_url(profile))
    client.force_login(coordinator_without_totp, backend=SIGN_IN_BACKEND)
    without_second_factor = client.get(detail_url(profile))

    # then
    assert anonymous.status_code == 404
    assert other.status_code == 404
    assert without_second_factor.status_code == 404


def test_unpublished_profile_is_shown_to_its_municipalitys_members_and_coordinators(
    client, coordinator_client, publish
):
    # given
    profile = publish("0801", status=SeekingProfile.Status.SUBMITTED)
    member = MembershipFactory(organisation=profile.organisation).person.user

    # when
    as_coordinator = coordinator_client.get(detail_url(profile))
    client.force_login(member, backend=SIGN_IN_BACKEND)
    as_member = client.get(detail_url(profile))

    # then
    for response in (as_coordinator, as_member):
        page = response.content.decode()
        assert response.status_code == 200
        assert "Awaiting approval" in page
        assert 'id="contact"' not in page  # nobody can write to it yet
