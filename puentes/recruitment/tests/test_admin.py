"""Recruitment in the admin: lists without a query per row, and workflow actions that go
through the services (recorded, mailed, refused where the workflow says so)."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from puentes.core.models import OutboxMessage
from puentes.people.tests.factories import OrganisationFactory, UserFactory
from puentes.recruitment.models import Interest, SeekingProfile, Transition

from .factories import InterestFactory, SeekingProfileFactory

I, P = Interest.Status, SeekingProfile.Status  # noqa: E741
SIGN_IN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"
SE_CODES = ["0180", "1480", "1280", "0380"]
LATIN_CODES = [("GT", "0101"), ("GT", "1601"), ("CO", "05001"), ("CO", "11001")]


@pytest.fixture
def admin_user(db):
    # A superuser: coordinators reach recruitment in the admin once their permission backend
    # lists the app (puentes/people/backends.py). The admin asks for two-factor sign-in.
    user = UserFactory(is_superuser=True)
    TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    return user


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user, backend=SIGN_IN_BACKEND)
    return client


def changelist(model):
    return reverse(f"admin:recruitment_{model._meta.model_name}_changelist")


def run_action(client, model, action, objects, reason=""):
    return client.post(
        changelist(model),
        {
            "action": action,
            ACTION_CHECKBOX_NAME: [obj.pk for obj in objects],
            "reason": reason,
            "index": 0,
        },
        follow=True,
    )


@pytest.mark.parametrize(
    ("model", "make"),
    [
        (Interest, lambda call, n: InterestFactory(call=call, organisation=swedish(n))),
        (SeekingProfile, lambda call, n: SeekingProfileFactory(call=call, organisation=latin(n))),
        (
            Transition,
            lambda call, n: Transition.objects.create(
                interest=InterestFactory(call=call, organisation=swedish(n)),
                to_status=I.DRAFT,
                at="2024-02-01T10:00Z",
            ),
        ),
    ],
)
def test_the_lists_cost_the_same_queries_with_one_row_or_four(
    admin_client, call, django_assert_num_queries, model, make
):
    make(call, 0)
    with CaptureQueriesContext(connection) as one_row:
        assert admin_client.get(changelist(model)).status_code == 200
    for n in range(1, 4):
        make(call, n)

    with django_assert_num_queries(len(one_row)):
        assert admin_client.get(changelist(model)).status_code == 200


def swedish(n):
    return OrganisationFactory(country_code="SE", code=SE_CODES[n])


def latin(n):
    country, code = LATIN_CODES[n]
    return OrganisationFactory(country_code=country, code=code)


def test_an_interest_shows_its_contacts_and_history_read_only(admin_client, call):
    interest = InterestFactory(call=call, status=I.SUBMITTED)
    url = reverse("admin:recruitment_interest_change", args=[interest.pk])

    response = admin_client.get(url)

    assert response.status_code == 200
    assert interest.contacts.get().person.email in response.content.decode()
    assert admin_client.post(url, {"motivation": "Ändrad"}).status_code == 403


def test_the_admin_adds_and_deletes_nothing(admin_client, call):
    interest = InterestFactory(call=call)

    assert admin_client.get(reverse("admin:recruitment_interest_add")).status_code == 403
    assert admin_client.get(reverse("admin:recruitment_seekingprofile_add")).status_code == 403
    delete = reverse("admin:recruitment_interest_delete", args=[interest.pk])
    assert admin_client.get(delete).status_code == 403


def test_starting_the_review_by_action_records_the_step_by_the_coordinator(
    admin_client, admin_user, call
):
    interests = [
        InterestFactory(call=call, organisation=swedish(n), status=I.SUBMITTED) for n in range(2)
    ]

    run_action(admin_client, Interest, "start_review", interests)

    for interest in interests:
        interest.refresh_from_db()
        assert interest.status == I.IN_REVIEW
        assert interest.transitions.get().by == admin_user


def test_declining_by_action_takes_the_reason_and_mails_the_contacts(admin_client, call):
    interest = InterestFactory(call=call, status=I.IN_REVIEW)

    run_action(admin_client, Interest, "decline", [interest], reason="Fler anmälningar än platser.")

    interest.refresh_from_db()
    assert interest.status == I.DECLINED
    assert interest.decision_reason == "Fler anmälningar än platser."
    assert OutboxMessage.objects.get().kind == "interest_decided"


def test_an_action_the_workflow_refuses_is_reported_and_the_others_go_on(admin_client, call):
    refused = InterestFactory(call=call, organisation=swedish(0), status=I.IN_REVIEW)
    allowed = InterestFactory(call=call, organisation=swedish(1), status=I.IN_REVIEW)
    InterestFactory._meta.model.objects.filter(pk=refused.pk).update(status=I.DECLINED)

    response = run_action(admin_client, Interest, "accept", [refused, allowed])

    refused.refresh_from_db()
    allowed.refresh_from_db()
    assert (refused.status, allowed.status) == (I.DECLINED, I.ACCEPTED)
    texts = [str(message) for message in response.context["messages"]]
    assert any(str(refused) in text for text in texts)


def test_declining_without_a_reason_by_action_is_refused(admin_client, call):
    interest = InterestFactory(call=call, status=I.IN_REVIEW)

    run_action(admin_client, Interest, "decline", [interest])

    interest.refresh_from_db()
    assert interest.status == I.IN_REVIEW
    assert not Transition.objects.exists()


def test_approving_profiles_by_action_publishes_them(admin_client, admin_user, call):
    profile = SeekingProfileFactory(call=call, status=P.SUBMITTED)

    run_action(admin_client, SeekingProfile, "approve", [profile])

    profile.refresh_from_db()
    assert profile.status == P.APPROVED
    assert profile.decided_by == admin_user


def test_a_coordinator_corrects_a_challenge_and_the_search_follows(admin_client, call, theme):
    profile = SeekingProfileFactory(call=call, themes=[theme])
    url = reverse("admin:recruitment_seekingprofile_change", args=[profile.pk])

    response = admin_client.post(
        url,
        {
            "challenge_language": "es",
            "challenges_es": "Participación de mujeres jóvenes.",
            "challenges_sv": "Unga kvinnors deltagande.",
            "challenges_en": "",
            "local_contexts_sv": "",
            "local_contexts_es": "",
            "local_contexts_en": "",
            "themes": [theme.pk],
            "transitions-TOTAL_FORMS": 0,
            "transitions-INITIAL_FORMS": 0,
        },
    )

    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.challenges == {
        "es": "Participación de mujeres jóvenes.",
        "sv": "Unga kvinnors deltagande.",
    }
    assert profile.status == P.APPROVED
    assert list(SeekingProfile.objects.search("jovenes")) == [profile]


def test_a_challenge_cannot_lose_the_text_in_its_own_language(admin_client, call, theme):
    profile = SeekingProfileFactory(call=call, themes=[theme])
    url = reverse("admin:recruitment_seekingprofile_change", args=[profile.pk])

    response = admin_client.post(
        url,
        {
            "challenge_language": "es",
            "challenges_en": "Only English now.",
            "themes": [theme.pk],
            "transitions-TOTAL_FORMS": 0,
            "transitions-INITIAL_FORMS": 0,
        },
    )

    assert response.status_code == 200
    profile.refresh_from_db()
    assert set(profile.challenges) == {"es"}
