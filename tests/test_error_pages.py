"""Error pages speak the visitor's language and keep the site's layout and landmarks."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "heading"),
    [("sv", "Sidan hittades inte"), ("es", "Página no encontrada"), ("en", "Page not found")],
)
def test_an_unknown_page_answers_404_in_the_visitors_language(language, heading):
    response = Client().get(f"/{language}/networks/no-such-network/")

    html = response.content.decode()
    assert response.status_code == 404
    assert f'<html lang="{language}">' in html
    assert heading in html
    assert 'class="skip-link"' in html


def test_a_member_on_a_coordinator_page_gets_the_no_access_page(client):
    from puentes.people.tests.factories import MembershipFactory

    member = MembershipFactory().person.user
    client.force_login(member)

    response = client.get("/en/coordination/")

    assert response.status_code == 403
    assert "No access" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("sv", "Formuläret kunde inte skickas"),
        ("es", "No se pudo enviar el formulario"),
        ("en", "The form could not be sent"),
    ],
)
def test_a_form_sent_without_its_csrf_token_gets_our_page_in_the_visitors_language(
    language, heading
):
    client = Client(enforce_csrf_checks=True)

    response = client.post(f"/{language}/accessibility/", {"message": "Hello"})

    html = response.content.decode()
    assert response.status_code == 403
    assert f'<html lang="{language}">' in html
    assert heading in html
    assert 'data-status="csrf-failure"' in html
    assert "<style" not in html and "DEBUG" not in html
