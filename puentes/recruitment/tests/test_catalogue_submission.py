"""Submitting a partner-seeking profile (the Spanish form) and the coordinators' review."""

# The shared fixtures are imported from catalogue_support, and tests name them as arguments.
# ruff: noqa: F811

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from puentes.networks.tests.factories import CallFactory
from puentes.people.tests.factories import MembershipFactory, NetworkRoleFactory, UserFactory
from puentes.recruitment.models import SeekingProfile, Transition
from puentes.recruitment.services import LONG_TEXT_MAX

from .catalogue_support import (  # noqa: F401 (fixtures)
    SIGN_IN_BACKEND,
    catalogue_url,
    coordinator_client,
    detail_url,
    member_of,
    municipality,
    open_call,
    publish,
    reference,
    themes,
)

pytestmark = pytest.mark.usefixtures("reference")


def new_url(call):
    return reverse("catalogue:new", args=[call.network.slug, call.slug])


@pytest.fixture
def form_data(themes):
    def build(**changes):
        data = {
            "challenge_language": "es",
            "challenge": "Pocas mujeres participan en el Concejo Municipal y en los COCODE.",
            "translation_sv": "",
            "translation_es": "",
            "translation_en": "Few women take part in the municipal council.",
            "themes": [themes["representation"].pk],
            "perspectives": [themes["indigenous"].pk],
            "local_context": "Municipio mayoritariamente maya k'iche'.",
            "contact_name": "Rosa Caal",
            "contact_role": "official",
            "contact_title": "Directora Municipal de la Mujer",
            "contact_email": "rosa.caal@totonicapan.example.gt",
            "contact_phone": "+502 7766 0000",
            "contact_language": "es",
        }
        data.update(changes)
        return data

    return build


@pytest.fixture
def member_client(client, member_of):
    user = member_of("0801", name="Rosa Caal", email="rosa.caal@totonicapan.example.gt")
    client.force_login(user, backend=SIGN_IN_BACKEND)
    client.user = user
    return client


# --- Submission by a member -------------------------------------------------------------


def test_member_sees_their_municipality_and_their_own_details_already_filled_in(
    member_client, open_call
):
    response = member_client.get(new_url(open_call))

    page = response.content.decode()
    assert response.status_code == 200
    assert f'<option value="{municipality("0801").pk}">Totonicapán — Totonicapán' in page
    assert 'value="Rosa Caal"' in page
    assert '<option value="es" selected>' in page  # Spanish by default


def test_member_submits_a_profile_that_awaits_approval(member_client, open_call, form_data):
    # when
    response = member_client.post(
        new_url(open_call), form_data(organisation=municipality("0801").pk)
    )

    # then
    profile = SeekingProfile.objects.get()
    assert response.status_code == 302
    assert response["Location"] == detail_url(profile)
    assert profile.status == SeekingProfile.Status.SUBMITTED
    assert profile.organisation.code == "0801"
    assert profile.challenge_language == "es"
    assert profile.challenges == {
        "es": "Pocas mujeres participan en el Concejo Municipal y en los COCODE.",
        "en": "Few women take part in the municipal council.",
    }
    assert profile.local_contexts == {"es": "Municipio mayoritariamente maya k'iche'."}
    assert {t.slug for t in profile.themes.all()} == {"representation", "indigenous"}
    assert profile.contact.user == member_client.user  # they named themselves
    assert profile.submitted_by == member_client.user
    assert Transition.objects.get(seeking_profile=profile).to_status == "submitted"


def test_after_submitting_the_member_sees_the_awaiting_approval_page_but_the_public_does_not(
    member_client, client, open_call, form_data
):
    # given
    member_client.post(new_url(open_call), form_data(organisation=municipality("0801").pk))
    profile = SeekingProfile.objects.get()

    # when
    own = member_client.get(detail_url(profile))
    member_client.logout()
    public = client.get(detail_url(profile))
    catalogue = client.get(catalogue_url(open_call))

    # then
    assert own.status_code == 200
    assert "Awaiting approval" in own.content.decode()
    assert public.status_code == 404
    assert "Totonicapán</a>" not in catalogue.content.decode()


def test_a_second_profile_for_the_same_municipality_is_refused_with_a_link_to_the_first(
    member_client, open_call, form_data
):
    # given
    data = form_data(organisation=municipality("0801").pk)
    member_client.post(new_url(open_call), data)
    first = SeekingProfile.objects.get()

    # when
    response = member_client.post(new_url(open_call), {**data, "challenge": "Otra vez."})

    # then
    page = response.content.decode()
    assert response.status_code == 200
    assert "already has a partner-seeking profile in this call" in page
    assert f'href="{detail_url(first)}"' in page
    assert SeekingProfile.objects.count() == 1


def test_member_cannot_submit_for_a_municipality_they_are_not_a_member_of(
    member_client, open_call, form_data
):
    response = member_client.post(
        new_url(open_call), form_data(organisation=municipality("1601").pk)
    )

    assert response.status_code == 200
    assert 'href="#id_organisation"' in response.content.decode()
    assert not SeekingProfile.objects.exists()


def test_missing_theme_and_oversized_challenge_are_refused_and_the_input_kept(
    member_client, open_call, form_data
):
    response = member_client.post(
        new_url(open_call),
        form_data(
            organisation=municipality("0801").pk,
            themes=[],
            challenge="á" * (LONG_TEXT_MAX + 1),
            contact_name="Ana Tzul",
        ),
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_themes_0"' in page
    assert 'href="#id_challenge"' in page
    assert 'value="Ana Tzul"' in page
    assert not SeekingProfile.objects.exists()


def test_a_translation_in_the_language_of_the_original_is_refused(
    member_client, open_call, form_data
):
    response = member_client.post(
        new_url(open_call),
        form_data(organisation=municipality("0801").pk, translation_es="Lo mismo."),
    )

    assert 'href="#id_translation_es"' in response.content.decode()
    assert not SeekingProfile.objects.exists()


def test_the_original_may_be_written_in_english_with_a_spanish_translation(
    member_client, open_call, form_data
):
    member_client.post(
        new_url(open_call),
        form_data(
            organisation=municipality("0801").pk,
            challenge_language="en",
            challenge="Few women councillors.",
            translation_en="",
            translation_es="Pocas concejalas.",
        ),
    )

    profile = SeekingProfile.objects.get()
    assert profile.challenge_language == "en"
    assert profile.challenges == {"en": "Few women councillors.", "es": "Pocas concejalas."}


def test_a_closed_call_says_so_and_accepts_nothing(member_client, network, form_data):
    closed = CallFactory(network=network)  # January to March 2024

    page = member_client.get(new_url(closed))
    response = member_client.post(new_url(closed), form_data(organisation=municipality("0801").pk))

    assert "It accepts no profiles now." in page.content.decode()
    assert response.status_code == 200
    assert not SeekingProfile.objects.exists()


def test_a_swedish_member_is_told_who_can_publish_a_profile(client, open_call):
    swede = MembershipFactory().person.user  # a member of a Swedish municipality
    client.force_login(swede, backend=SIGN_IN_BACKEND)

    response = client.get(new_url(open_call))

    assert response.status_code == 403
    assert "Only members of a municipality in Guatemala or Colombia" in response.content.decode()


def test_an_anonymous_visitor_is_asked_to_sign_in(client, open_call):
    response = client.get(new_url(open_call))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


# --- Submission by a coordinator ------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "totonicapan",
        "0801",
        "Totonicapán — Totonicapán (0801)",  # as the suggestions list it
        "Totonicapán — Totonicapán, Guatemala (0801)",  # as they listed it before
    ],
)
def test_coordinator_names_any_municipality_by_name_or_code(
    typed, coordinator_client, open_call, form_data
):
    response = coordinator_client.post(new_url(open_call), form_data(organisation=typed))

    assert response.status_code == 302
    assert SeekingProfile.objects.get().organisation == municipality("0801")


def test_coordinator_is_offered_every_municipality_as_a_suggestion(coordinator_client, open_call):
    response = coordinator_client.get(new_url(open_call))

    page = response.content.decode()
    assert 'list="municipalities"' in page
    assert '<option value="Cobán — Alta Verapaz (1601)">' in page
    assert "(05001)" in page
    assert "Stockholm" not in page


def test_coordinator_is_asked_for_the_code_when_the_name_is_ambiguous(
    coordinator_client, open_call, form_data
):
    response = coordinator_client.post(new_url(open_call), form_data(organisation="San José"))

    page = response.content.decode()
    assert "Several municipalities have this name" in page
    assert "(17665)" in page
    assert not SeekingProfile.objects.exists()


def test_coordinator_cannot_name_a_swedish_municipality(coordinator_client, open_call, form_data):
    response = coordinator_client.post(new_url(open_call), form_data(organisation="Stockholm"))

    assert "No municipality in Guatemala or Colombia has this name or code." in (
        response.content.decode()
    )
    assert not SeekingProfile.objects.exists()


def test_coordinator_without_second_factor_is_sent_to_set_it_up(client, network, open_call):
    user = NetworkRoleFactory(network=network).person.user
    client.force_login(user, backend=SIGN_IN_BACKEND)

    response = client.get(new_url(open_call))

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


# --- Review ---------------------------------------------------------------------------


def review_url(call, **query):
    url = reverse("catalogue:review", args=[call.network.slug, call.slug])
    return url + (f"?status={query['status']}" if query else "")


def review_profile_url(profile):
    return reverse(
        "catalogue:review_profile",
        args=[profile.call.network.slug, profile.call.slug, profile.pk],
    )


def decide_url(profile):
    return reverse(
        "catalogue:decide", args=[profile.call.network.slug, profile.call.slug, profile.pk]
    )


def test_coordinator_sees_the_profiles_of_a_call_with_counts_per_status(
    coordinator_client, publish
):
    # given
    publish("0801", status=SeekingProfile.Status.SUBMITTED)
    publish("1601", status=SeekingProfile.Status.SUBMITTED)
    publish("05001")
    call = SeekingProfile.objects.first().call

    # when
    everything = coordinator_client.get(review_url(call))
    submitted = coordinator_client.get(review_url(call, status="submitted"))

    # then
    page = everything.content.decode()
    assert '<span data-status-count="submitted">2</span>' in page
    assert '<span data-status-count="approved">1</span>' in page
    assert "All (3)" in page
    names = [p.organisation.name for p in submitted.context["page"].object_list]
    assert sorted(names) == ["Cobán", "Totonicapán"]


def test_review_list_runs_as_many_queries_for_many_profiles_as_for_few(
    coordinator_client, publish, open_call, django_assert_num_queries
):
    # given
    publish("0801", status=SeekingProfile.Status.SUBMITTED)
    url = review_url(open_call)
    coordinator_client.get(url)
    with CaptureQueriesContext(connection) as few:
        coordinator_client.get(url)

    # when
    for organisation in municipality("05001").area.organisations.all()[:60]:
        publish(organisation.code, status=SeekingProfile.Status.SUBMITTED)

    # then
    with django_assert_num_queries(len(few.captured_queries)):
        response = coordinator_client.get(url)
    assert len(response.context["page"].object_list) == 50


def test_coordinator_approves_a_profile_which_then_appears_in_the_catalogue(
    coordinator_client, client, publish, open_call
):
    # given
    profile = publish("0801", status=SeekingProfile.Status.SUBMITTED)

    # when
    response = coordinator_client.post(decide_url(profile), {"decision": "approve", "reason": ""})

    # then
    profile.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == review_profile_url(profile)
    assert profile.status == SeekingProfile.Status.APPROVED
    assert profile.decided_by == coordinator_client.user
    step = Transition.objects.get(seeking_profile=profile)
    assert (step.from_status, step.to_status, step.by) == (
        "submitted",
        "approved",
        coordinator_client.user,
    )
    assert "Totonicapán</a>" in client.get(catalogue_url(open_call)).content.decode()


def test_rejecting_without_a_reason_is_refused_next_to_the_reason(coordinator_client, publish):
    # given
    profile = publish("0801", status=SeekingProfile.Status.SUBMITTED)

    # when
    response = coordinator_client.post(decide_url(profile), {"decision": "reject", "reason": " "})

    # then
    page = response.content.decode()
    profile.refresh_from_db()
    assert response.status_code == 200
    assert 'href="#id_reason"' in page
    assert profile.status == SeekingProfile.Status.SUBMITTED
    assert not Transition.objects.exists()


def test_a_rejection_and_its_reason_are_in_the_history(coordinator_client, publish):
    # given
    profile = publish("0801", status=SeekingProfile.Status.SUBMITTED)

    # when
    coordinator_client.post(
        decide_url(profile), {"decision": "reject", "reason": "Falta el desafío concreto."}
    )
    response = coordinator_client.get(review_profile_url(profile))

    # then
    page = response.content.decode()
    profile.refresh_from_db()
    assert profile.status == SeekingProfile.Status.REJECTED
    assert "Awaiting approval → Not approved" in page
    assert "Falta el desafío concreto." in page
    assert "Carmen Coordinadora" in page
    assert 'name="decision"' not in page  # decided: nothing more to decide


def test_a_profile_decided_twice_gets_a_clear_message(coordinator_client, publish):
    profile = publish("0801")  # already approved

    response = coordinator_client.post(decide_url(profile), {"decision": "approve", "reason": ""})

    assert response.status_code == 200
    assert "That step is not possible from the current status." in response.content.decode()


def test_review_pages_never_show_the_contacts_e_mail_address(coordinator_client, publish):
    profile = publish("0801", status=SeekingProfile.Status.SUBMITTED)

    response = coordinator_client.get(review_profile_url(profile))

    assert profile.contact.email not in response.content.decode()


def test_members_cannot_reach_the_review(client, publish):
    profile = publish("0801", status=SeekingProfile.Status.SUBMITTED)
    member = MembershipFactory(organisation=profile.organisation).person.user
    client.force_login(member, backend=SIGN_IN_BACKEND)

    assert client.get(review_profile_url(profile)).status_code == 403
    assert client.post(decide_url(profile), {"decision": "approve"}).status_code == 403
    profile.refresh_from_db()
    assert profile.status == SeekingProfile.Status.SUBMITTED


def test_a_signed_in_person_without_any_membership_cannot_submit(client, open_call):
    client.force_login(UserFactory(), backend=SIGN_IN_BACKEND)

    assert client.get(new_url(open_call)).status_code == 403


def test_profile_is_submitted_on_the_day_the_call_closes(member_client, network, form_data):
    today = timezone.localdate()
    call = CallFactory(
        network=network, open_date=today - datetime.timedelta(days=30), close_date=today
    )

    response = member_client.post(new_url(call), form_data(organisation=municipality("0801").pk))

    assert response.status_code == 302
    assert SeekingProfile.objects.get().call == call
