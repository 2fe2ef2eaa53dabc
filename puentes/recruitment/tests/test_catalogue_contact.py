"""The contact relay: a visitor writes to a partner-seeking municipality without ever seeing
its contact person's address; the message goes through the outbox, rate limited."""

# The shared fixtures are imported from catalogue_support, and tests name them as arguments.
# ruff: noqa: F811

import pytest
from django.urls import reverse
from django.utils import timezone

from puentes.core.mail import mail_deliver_due
from puentes.core.models import OutboxMessage
from puentes.core.testing.smtp import text_of
from puentes.recruitment.contact import (
    CONTACT_MESSAGE_MAX,
    ProfileNotPublished,
    contact_message_send,
)
from puentes.recruitment.models import SeekingProfile
from puentes.recruitment.services import profile_withdraw
from puentes.recruitment.views_catalogue import (
    CONTACT_LIMIT_PER_ADDRESS,
    CONTACT_LIMIT_PER_PROFILE,
)

from .catalogue_support import (  # noqa: F401 (fixtures)
    contact_person,
    detail_url,
    open_call,
    publish,
    reference,
    themes,
)

pytestmark = pytest.mark.usefixtures("reference")

MESSAGE = {
    "sender_name": "Maja Medlem",
    "sender_email": "maja@boras.example.se",
    "organisation": "Borås stad",
    "message": "Hola, Borås trabaja en la participación política de mujeres jóvenes.",
    "website": "",
}


@pytest.fixture
def profile(publish, contact_person):
    return publish("0801", contact=contact_person)


def sent_url(profile):
    return reverse(
        "catalogue:contact_sent", args=[profile.call.network.slug, profile.call.slug, profile.pk]
    )


def test_a_message_is_relayed_to_the_contact_in_their_language_with_reply_to_the_sender(
    client, profile, smtp_server
):
    # when
    response = client.post(detail_url(profile), MESSAGE)
    report = mail_deliver_due(now=timezone.now())

    # then: the visitor is sent on (Post/Redirect/Get) and one message goes out
    assert response.status_code == 302
    assert response["Location"] == sent_url(profile)
    assert report.sent == 1
    [mail] = smtp_server.wait_for(1)
    assert mail["To"] == "rosa.caal@totonicapan.example.gt"
    assert mail["Reply-To"] == "maja@boras.example.se"
    assert mail["Cc"] == "secretariat@example.org"
    assert "Borås trabaja en la participación política" in text_of(mail)
    assert "Maja Medlem, Borås stad" in text_of(mail)
    html = mail.get_body(preferencelist=("html",)).get_content()
    assert '<html lang="es">' in html
    assert OutboxMessage.objects.get().language == "es"


def test_the_message_goes_in_swedish_to_a_contact_who_prefers_swedish(
    client, profile, contact_person, smtp_server
):
    # given
    contact_person.preferred_language = "sv"
    contact_person.save()

    # when
    client.post(detail_url(profile), MESSAGE)
    mail_deliver_due(now=timezone.now())

    # then
    [mail] = smtp_server.wait_for(1)
    html = mail.get_body(preferencelist=("html",)).get_content()
    assert '<html lang="sv">' in html


def test_no_page_of_the_relay_shows_the_contacts_address(client, profile):
    # when
    form_page = client.get(detail_url(profile))
    error_page = client.post(detail_url(profile), {**MESSAGE, "message": ""})
    sent_page = client.post(detail_url(profile), MESSAGE, follow=True)

    # then
    for response in (form_page, error_page, sent_page):
        assert response.status_code == 200
        assert "rosa.caal" not in response.content.decode()
    assert "Message sent" in sent_page.content.decode()


def test_the_form_has_a_honeypot_people_never_reach(client, profile):
    response = client.get(detail_url(profile))

    page = response.content.decode()
    assert '<div class="honeypot" aria-hidden="true">' in page
    assert 'name="website"' in page
    assert 'tabindex="-1"' in page
    assert 'autocomplete="off"' in page


def test_a_filled_honeypot_looks_like_success_but_sends_nothing(client, profile):
    # when
    response = client.post(detail_url(profile), {**MESSAGE, "website": "https://spam.example"})

    # then
    assert response.status_code == 302
    assert response["Location"] == sent_url(profile)
    assert not OutboxMessage.objects.exists()


def test_missing_and_oversized_fields_are_refused_next_to_the_field_and_input_kept(client, profile):
    # when
    response = client.post(
        detail_url(profile),
        {**MESSAGE, "sender_email": "not an address", "message": "x" * (CONTACT_MESSAGE_MAX + 1)},
    )

    # then
    page = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_sender_email"' in page  # the error summary links to the field
    assert 'id="id_message_error"' in page
    assert "Maja Medlem" in page  # kept
    assert not OutboxMessage.objects.exists()


def test_sixth_message_from_one_address_within_the_hour_is_refused_with_429(client, profile):
    # given
    limit, _window = CONTACT_LIMIT_PER_ADDRESS
    for _ in range(limit):
        assert client.post(detail_url(profile), MESSAGE).status_code == 302

    # when
    response = client.post(detail_url(profile), {**MESSAGE, "message": "One more message."})

    # then
    page = response.content.decode()
    assert response.status_code == 429
    assert "You have sent several messages in a short time" in page
    assert "One more message." in page  # the input is kept
    assert OutboxMessage.objects.count() == limit


def test_a_profile_receives_at_most_a_days_worth_of_messages_from_all_addresses(client, profile):
    # given: many visitors, each under their own limit
    limit, _window = CONTACT_LIMIT_PER_PROFILE
    for n in range(limit):
        response = client.post(detail_url(profile), MESSAGE, REMOTE_ADDR=f"192.0.2.{n + 1}")
        assert response.status_code == 302

    # when
    response = client.post(detail_url(profile), MESSAGE, REMOTE_ADDR="198.51.100.7")

    # then
    assert response.status_code == 429
    assert OutboxMessage.objects.count() == limit


def test_an_unpublished_profile_cannot_be_written_to(client, publish):
    profile = publish("1601", status=SeekingProfile.Status.SUBMITTED)

    response = client.post(detail_url(profile), MESSAGE)

    assert response.status_code == 404
    assert not OutboxMessage.objects.exists()


def test_the_sent_page_exists_only_for_published_profiles(client, publish):
    profile = publish("1601", status=SeekingProfile.Status.SUBMITTED)

    assert client.get(sent_url(profile)).status_code == 404


def test_relay_refuses_a_profile_withdrawn_meanwhile_and_queues_nothing(profile, contact_person):
    # given: the visitor opened the page; then the municipality withdrew
    profile_withdraw(profile=profile, by=None, now=timezone.now())

    # when / then
    with pytest.raises(ProfileNotPublished):
        contact_message_send(
            profile=profile,
            sender_name="Maja",
            sender_email="maja@boras.example.se",
            organisation="",
            message="Hola",
            now=timezone.now(),
        )
    assert not OutboxMessage.objects.exists()


def test_relay_records_which_profile_the_message_is_about(profile):
    message = contact_message_send(
        profile=profile,
        sender_name="Maja",
        sender_email="maja@boras.example.se",
        organisation="",
        message="Hola",
        now=timezone.now(),
    )

    assert message.kind == "seeking_profile_contact"
    assert message.object_id == str(profile.pk)
    assert message.reply_to == "maja@boras.example.se"
    assert message.cc == ["secretariat@example.org"]
