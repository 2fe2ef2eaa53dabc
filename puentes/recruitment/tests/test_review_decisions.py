"""An interest's review page: everything the applicant gave, its history, and the coordinator's
steps (start the review, accept, waitlist, decline) through the services, with their mail."""

import datetime

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import reverse
from django.utils import timezone

from puentes.core.mail import mail_deliver_due
from puentes.core.models import OutboxMessage
from puentes.core.testing.smtp import text_of
from puentes.people.tests.factories import OrganisationFactory
from puentes.recruitment.models import LONG_TEXT_MAX, Interest, Transition
from puentes.recruitment.services import (
    ContactInput,
    interest_create,
    interest_submit,
)

from .factories import InterestFactory, SeekingProfileFactory

I = Interest.Status  # noqa: E741
SIGN_IN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"
DAY = datetime.datetime(2024, 2, 1, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def coordinator_client(client, coordinator):
    TOTP.activate(coordinator, generate_totp_secret())
    client.force_login(coordinator, backend=SIGN_IN_BACKEND)
    return client


@pytest.fixture
def submitted(call, member, organisation, interest_input, now):
    """Stockholm's interest, written and submitted through the services by its member, with
    a preferred Guatemalan municipality; the submission mail is left in the outbox."""
    profile = SeekingProfileFactory(
        call=call, organisation=OrganisationFactory(country_code="GT", code="1601")
    )
    data = interest_input(
        preferred_profile_ids=[profile.pk],
        contacts=[
            ContactInput(
                name="Åsa Öberg",
                email="asa@stockholm.example.org",
                role="official",
                title="Jämställdhetsstrateg",
            ),
            ContactInput(
                name="Íñigo Muñoz",
                email="inigo@stockholm.example.org",
                role="politician",
                title="Kommunalråd",
                language="es",
            ),
        ],
    )
    interest = interest_create(call=call, organisation=organisation, data=data, by=member, now=now)
    return interest_submit(interest=interest, by=member, now=now)


def in_status(call, status, code="1480"):
    return InterestFactory(
        call=call,
        organisation=OrganisationFactory(country_code="SE", code=code),
        status=status,
        submitted_at=DAY,
    )


def detail(interest):
    return reverse("review:interest_detail", args=[interest.pk])


def decide(client, interest, decision, reason=""):
    url = reverse("review:decide", args=[interest.pk])
    return client.post(url, {"decision": decision, "reason": reason})


def start_review(client, interest):
    return client.post(reverse("review:start_review", args=[interest.pk]))


def message_texts(response):
    return [(m.level_tag, str(m)) for m in response.context["messages"]]


def test_the_page_shows_everything_the_applicant_gave_and_the_history(
    coordinator_client, submitted, theme
):
    # when
    response = coordinator_client.get(detail(submitted))

    # then
    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Stockholm" in page
    for text in [
        "Åsa Öberg",
        "Jämställdhetsstrateg",
        'href="mailto:asa@stockholm.example.org"',
        "Íñigo Muñoz",
        "Elected politician",
        "Cobán",
        "Alta Verapaz",
        theme.name,
    ]:
        assert text in page, text
    assert '<div class="user-text" lang="sv"><p>Vi vill stärka' in page
    assert "Written in Swedish." in page
    consent = submitted.consent
    assert f"<dd>{consent.notice.version}</dd>" in page
    assert f'<time datetime="{timezone.localtime(consent.given_at).isoformat()}' in page
    history = response.context["history"]
    assert [(step["from_label"], step["to_label"]) for step in history] == [
        ("", "draft"),
        ("draft", "submitted"),
    ]
    assert history[1]["by"] == "Maja Medlem"
    assert 'action="{}"'.format(reverse("review:start_review", args=[submitted.pk])) in page
    assert response.context["decision_form"] is None


def test_a_draft_is_the_applicants_own_and_not_found_here(coordinator_client, call):
    draft = in_status(call, I.DRAFT)

    response = coordinator_client.get(detail(draft))

    assert response.status_code == 404


def test_starting_the_review_moves_a_submitted_interest_into_review_and_records_who(
    coordinator_client, submitted, coordinator
):
    # when
    response = start_review(coordinator_client, submitted)

    # then
    assert response.status_code == 302
    assert response.url == detail(submitted)
    submitted.refresh_from_db()
    assert submitted.status == I.IN_REVIEW
    step = Transition.objects.filter(interest=submitted).last()
    assert (step.from_status, step.to_status, step.by) == (I.SUBMITTED, I.IN_REVIEW, coordinator)
    page = coordinator_client.get(response.url)
    assert message_texts(page) == [("success", "Stockholm is now in review.")]
    assert [step["by"] for step in page.context["history"]][-1] == "Carmen Coordinadora"
    offered = page.context["decision_form"].fields["decision"].choices
    assert [value for value, _label in offered] == [I.ACCEPTED, I.WAITLISTED, I.DECLINED]


def test_accepting_tells_each_contact_by_mail_in_their_own_language(
    coordinator_client, submitted, smtp_server
):
    # given
    start_review(coordinator_client, submitted)
    mail_deliver_due(now=timezone.now())  # the submission's confirmations go first
    before = len(smtp_server.wait_for(3))

    # when
    response = decide(coordinator_client, submitted, I.ACCEPTED, "Stark förankring i nämnden.")
    report = mail_deliver_due(now=timezone.now())

    # then
    submitted.refresh_from_db()
    assert submitted.status == I.ACCEPTED
    assert submitted.decision_reason == "Stark förankring i nämnden."
    assert report.sent == 2
    arrived = smtp_server.wait_for(before + 2)[before:]
    [to_asa] = [m for m in arrived if "asa@stockholm.example.org" in m["To"]]
    [to_inigo] = [m for m in arrived if "inigo@stockholm.example.org" in m["To"]]
    assert "Stark förankring i nämnden." in text_of(to_asa)
    assert "Hej Åsa Öberg" in text_of(to_asa)
    assert "Hola, Íñigo Muñoz" in text_of(to_inigo)
    followed = coordinator_client.get(response.url)
    assert message_texts(followed)[-1] == (
        "success",
        "Stockholm is accepted. The contact people are told by e-mail.",
    )
    assert followed.context["decision_form"] is None


def test_declining_without_a_reason_is_refused_next_to_the_reason_and_changes_nothing(
    coordinator_client, call
):
    # given
    interest = in_status(call, I.IN_REVIEW)
    outbox = OutboxMessage.objects.count()

    # when
    response = decide(coordinator_client, interest, I.DECLINED, "   ")

    # then
    page = response.content.decode()
    assert response.status_code == 200
    assert response.context["decision_form"].errors == {"reason": ["Give a reason for declining."]}
    assert '<p class="error" id="id_reason_error">Give a reason for declining.</p>' in page
    assert '<a href="#id_reason">Reason: Give a reason for declining.</a>' in page
    assert "<title>Error:" in page
    assert 'value="declined" id="id_decision_2" required checked' in page
    interest.refresh_from_db()
    assert interest.status == I.IN_REVIEW
    assert not Transition.objects.filter(interest=interest).exists()
    assert OutboxMessage.objects.count() == outbox


def test_declining_with_a_reason_records_it_in_the_history_and_the_mail(
    coordinator_client, call, coordinator, smtp_server
):
    # given
    interest = in_status(call, I.IN_REVIEW)

    # when
    decide(coordinator_client, interest, I.DECLINED, "Inga fler platser i år.")
    mail_deliver_due(now=timezone.now())

    # then
    interest.refresh_from_db()
    assert interest.status == I.DECLINED
    step = Transition.objects.get(interest=interest)
    assert (step.to_status, step.by) == (I.DECLINED, coordinator)
    assert step.reason == "Inga fler platser i år."
    [received] = smtp_server.wait_for(1)
    assert "Inga fler platser i år." in text_of(received)
    page = coordinator_client.get(detail(interest)).content.decode()
    assert "Inga fler platser i år." in page


def test_a_waitlisted_interest_is_offered_accept_or_decline_and_can_then_be_accepted(
    coordinator_client, call, smtp_server
):
    # given
    interest = in_status(call, I.IN_REVIEW)
    decide(coordinator_client, interest, I.WAITLISTED)

    # when
    offered = coordinator_client.get(detail(interest)).context["decision_form"]
    decide(coordinator_client, interest, I.ACCEPTED)

    # then
    assert [value for value, _label in offered.fields["decision"].choices] == [
        I.ACCEPTED,
        I.DECLINED,
    ]
    interest.refresh_from_db()
    assert interest.status == I.ACCEPTED
    assert [t.to_status for t in Transition.objects.filter(interest=interest)] == [
        I.WAITLISTED,
        I.ACCEPTED,
    ]


@pytest.mark.parametrize(
    "status, step",
    [
        (I.SUBMITTED, "accept"),  # not in review yet
        (I.ACCEPTED, "decline"),  # already decided
        (I.DECLINED, "accept"),
        (I.WITHDRAWN, "waitlist"),
        (I.IN_REVIEW, "start"),
        (I.ACCEPTED, "start"),
    ],
)
def test_a_step_the_workflow_does_not_allow_shows_the_services_message_and_changes_nothing(
    coordinator_client, call, status, step
):
    # given
    interest = in_status(call, status)
    outbox = OutboxMessage.objects.count()

    # when
    if step == "start":
        response = start_review(coordinator_client, interest)
    else:
        decision = {"accept": I.ACCEPTED, "decline": I.DECLINED, "waitlist": I.WAITLISTED}[step]
        response = decide(coordinator_client, interest, decision, "Ett skäl.")

    # then
    assert response.status_code == 302
    followed = coordinator_client.get(response.url)
    assert message_texts(followed) == [
        ("error", "That step is not possible from the current status.")
    ]
    interest.refresh_from_db()
    assert interest.status == status
    assert not Transition.objects.filter(interest=interest).exists()
    assert OutboxMessage.objects.count() == outbox


def test_a_decision_that_is_not_offered_or_missing_is_refused_by_the_form(coordinator_client, call):
    interest = in_status(call, I.IN_REVIEW)

    withdrawn = decide(coordinator_client, interest, I.WITHDRAWN)
    missing = coordinator_client.post(reverse("review:decide", args=[interest.pk]), {})

    assert withdrawn.context["decision_form"].errors.keys() == {"decision"}
    assert missing.context["decision_form"].errors == {
        "decision": ["Choose accept, waitlist or decline."]
    }
    interest.refresh_from_db()
    assert interest.status == I.IN_REVIEW


def test_an_oversized_reason_is_refused_and_the_text_kept(coordinator_client, call):
    interest = in_status(call, I.IN_REVIEW)
    reason = "å" * (LONG_TEXT_MAX + 1)

    response = decide(coordinator_client, interest, I.DECLINED, reason)

    assert response.context["decision_form"].errors.keys() == {"reason"}
    assert reason in response.content.decode()
    interest.refresh_from_db()
    assert interest.status == I.IN_REVIEW


def test_the_decision_endpoints_answer_only_posts(coordinator_client, call):
    interest = in_status(call, I.IN_REVIEW)

    for name in ("review:start_review", "review:decide"):
        assert coordinator_client.get(reverse(name, args=[interest.pk])).status_code == 405


def test_deciding_on_a_draft_is_not_found(coordinator_client, call):
    draft = in_status(call, I.DRAFT)

    assert decide(coordinator_client, draft, I.ACCEPTED).status_code == 404
    assert start_review(coordinator_client, draft).status_code == 404
