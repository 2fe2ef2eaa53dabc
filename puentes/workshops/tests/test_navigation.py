"""Everyone finds the workshops from the main menu; coordinators find their workshop pages
from the coordination home, and signed-in people their registrations from their account."""

import pytest
from django.urls import reverse
from django.utils import translation

from .test_admin import SIGN_IN_BACKEND


def url(name, language="en"):
    with translation.override(language):
        return reverse(name)


def links_of(response) -> str:
    return response.content.decode()


@pytest.mark.parametrize("language", ["sv", "es", "en"])
def test_the_main_menu_links_to_the_workshops_for_everyone(client, db, language):
    response = client.get(url("networks:home", language))

    menu = links_of(response).split('class="nav-list"')[1].split("</ul>")[0]
    assert f'href="{url("workshops:workshop_list", language)}"' in menu


def test_the_coordination_home_links_to_the_workshop_pages(client, coordinator):
    client.force_login(coordinator, backend=SIGN_IN_BACKEND)

    response = client.get(url("networks:coordination_home"))

    assert response.status_code == 200
    page = links_of(response)
    assert f'href="{url("workshops:coordination")}"' in page
    assert f'href="{url("workshops:rule_overview")}"' in page


def test_the_account_home_links_to_my_workshop_registrations(client, swedish_member):
    client.force_login(swedish_member.user, backend=SIGN_IN_BACKEND)

    response = client.get(url("people:account_home"))

    assert response.status_code == 200
    assert f'href="{url("workshops:my_registrations")}"' in links_of(response)
