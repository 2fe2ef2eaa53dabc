"""The accessibility and cookie statements, and the feedback form that mails the secretariat."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from puentes.core.models import OutboxMessage
from puentes.networks.tests.factories import NetworkFactory
from puentes.statements.cookies import cookie_names
from puentes.statements.feedback import DESCRIPTION_MAX, feedback_recipient
from puentes.statements.views import FEEDBACK_LIMIT_PER_ADDRESS

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_counts_left_over():
    cache.clear()  # the throttle counts live in the cache


def report(client, language="es", **fields):
    data = {"description": "El menú no se puede usar con el teclado.", **fields}
    return client.post(f"/{language}/accessibility/", data)


@pytest.mark.parametrize("language", ["sv", "es", "en"])
def test_accessibility_statement_is_served_in_each_language(client, language):
    response = client.get(f"/{language}/accessibility/")

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert "digg.se" in html
    assert 'name="description"' in html and "csrfmiddlewaretoken" in html


def test_accessibility_statement_names_what_does_not_conform_and_the_authority(client):
    html = client.get("/en/accessibility/").content.decode()

    assert "WCAG" in html and "2.1" in html
    assert "PDF/UA" in html
    assert "needs JavaScript" in html
    assert "Myndigheten för digital förvaltning" in html
    assert "November 28, 2026" in html or "Nov. 28, 2026" in html


@pytest.mark.parametrize("language", ["sv", "es", "en"])
def test_cookie_statement_lists_every_cookie_by_its_configured_name(client, language):
    response = client.get(f"/{language}/cookies/")

    assert response.status_code == 200
    html = response.content.decode()
    for name in ("sessionid", "csrftoken", "django_language", "messages"):
        assert f'data-cookie="{name}"' in html


@override_settings(SESSION_COOKIE_NAME="__Host-puentes-session")
def test_a_renamed_session_cookie_is_listed_under_its_new_name(client):
    html = client.get("/en/cookies/").content.decode()

    assert 'data-cookie="__Host-puentes-session"' in html
    assert 'data-cookie="sessionid"' not in html
    assert "__Host-puentes-session" in cookie_names()


def test_every_page_links_both_statements_from_its_footer(client):
    html = client.get("/es/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]

    assert 'href="/es/accessibility/"' in footer
    assert 'href="/es/cookies/"' in footer


@override_settings(PUENTES_ACCESSIBILITY_FEEDBACK_EMAIL="")
def test_feedback_is_queued_in_swedish_to_the_secretariat_with_the_text(client):
    NetworkFactory(contact_email="sekretariat@example.se")

    response = report(
        client,
        name="Ana López",
        email="ana@example.gt",
        page="https://puentes.example/es/workshops/",
    )

    assert response.status_code == 302
    assert response["Location"] == "/es/accessibility/thanks/"
    message = OutboxMessage.objects.get()
    assert message.to_address == "sekretariat@example.se"
    assert message.language == "sv"
    assert message.kind == "accessibility_feedback"
    assert message.reply_to == "ana@example.gt"
    assert "El menú no se puede usar con el teclado." in message.body_text
    assert "https://puentes.example/es/workshops/" in message.body_text
    assert "Ana López" in message.body_text
    assert message.body_text.count(" es\n") == 1  # the page's language, for the answer
    assert "El menú no se puede usar con el teclado." in message.body_html


@override_settings(PUENTES_ACCESSIBILITY_FEEDBACK_EMAIL="tillganglighet@example.se")
def test_feedback_goes_to_the_configured_address_and_may_be_anonymous(client):
    NetworkFactory(contact_email="sekretariat@example.se")

    response = report(client, language="sv")

    assert response.status_code == 302
    message = OutboxMessage.objects.get()
    assert message.to_address == "tillganglighet@example.se"
    assert message.reply_to == ""


@override_settings(PUENTES_ACCESSIBILITY_FEEDBACK_EMAIL="", DEFAULT_FROM_EMAIL="P <p@example.se>")
def test_without_a_network_feedback_goes_to_the_sending_address():
    assert feedback_recipient() == "p@example.se"


def test_the_thank_you_page_thanks_the_sender(client):
    response = client.get("/en/accessibility/thanks/")

    assert response.status_code == 200
    assert "Thank you for your report" in response.content.decode()


@pytest.mark.parametrize(
    ("fields", "field_id"),
    [
        ({"description": "   "}, "id_description"),
        ({"description": "x" * (DESCRIPTION_MAX + 1)}, "id_description"),
        ({"email": "not an address"}, "id_email"),
        ({"name": "n" * 201}, "id_name"),
        ({"page": "p" * 501}, "id_page"),
    ],
)
def test_bad_input_is_refused_with_a_message_linked_to_the_field(client, fields, field_id):
    response = report(client, language="en", **fields)

    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="error-summary"' in html
    assert f'href="#{field_id}"' in html
    assert not OutboxMessage.objects.exists()


def test_errors_are_in_the_visitors_language(client):
    html = report(client, language="es", email="no es una dirección").content.decode()

    assert "Introduzca una dirección de correo electrónico válida." in html


def test_a_robot_filling_the_hidden_field_is_thanked_and_nothing_is_sent(client):
    response = report(client, website="http://spam.example")

    assert response.status_code == 302
    assert not OutboxMessage.objects.exists()


def test_too_many_reports_from_one_address_are_refused_and_the_text_kept(client):
    limit, _window = FEEDBACK_LIMIT_PER_ADDRESS
    NetworkFactory(contact_email="sekretariat@example.se")
    for _ in range(limit):
        assert report(client).status_code == 302

    response = report(client, language="en", description="One more report.")

    assert response.status_code == 429
    html = response.content.decode()
    assert "wait an hour" in html
    assert "One more report." in html
    assert OutboxMessage.objects.count() == limit


def test_the_form_refuses_a_post_without_the_csrf_token():
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/en/accessibility/", {"description": "Hello"})

    assert response.status_code == 403
    assert not OutboxMessage.objects.exists()
