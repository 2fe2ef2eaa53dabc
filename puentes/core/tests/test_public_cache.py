"""The public page cache: anonymous visitors get a stored page, and any committed change shows
at once (puentes.core.public_cache). Transactional tests: the version moves on commit."""

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation

from puentes.core import public_cache
from puentes.networks.models import Network
from puentes.networks.tests.factories import NetworkFactory
from puentes.people.tests.factories import MembershipFactory

SIGN_IN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PUENTES_PUBLIC_PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def home(language="en"):
    with translation.override(language):
        return reverse("networks:home")


def test_given_a_visited_home_page_when_it_is_asked_again_then_only_the_version_is_read(
    django_assert_num_queries,
):
    NetworkFactory(slug="bridges")
    first = Client().get(home())
    with django_assert_num_queries(1):
        again = Client().get(home())
    assert again.status_code == 200
    assert again.content == first.content
    assert "Cookie" in again["Vary"]


def test_given_a_cached_home_page_when_a_network_is_renamed_then_the_next_visit_shows_it():
    network = NetworkFactory(slug="bridges")
    assert b"Network bridges" in Client().get(home()).content
    network.names = {**network.names, "en": "Renamed bridges"}
    network.save()
    assert b"Renamed bridges" in Client().get(home()).content


def test_given_a_cached_home_page_when_a_queryset_update_hides_a_network_then_it_is_gone():
    NetworkFactory(slug="bridges")
    assert b"Network bridges" in Client().get(home()).content
    Network.objects.filter(slug="bridges").update(is_published=False)
    assert b"Network bridges" not in Client().get(home()).content


def test_given_a_change_rolled_back_when_the_page_is_asked_then_the_version_stayed():
    network = NetworkFactory(slug="bridges")
    Client().get(home())
    before = public_cache.page_version()
    with pytest.raises(RuntimeError), transaction.atomic():
        Network.objects.filter(pk=network.pk).update(is_published=False)
        raise RuntimeError("rolled back")
    assert public_cache.page_version() == before
    assert b"Network bridges" in Client().get(home()).content


def test_given_a_write_to_a_session_only_when_the_page_is_asked_then_the_version_stayed():
    client = Client()
    client.force_login(MembershipFactory().person.user, backend=SIGN_IN_BACKEND)
    before = public_cache.page_version()
    session = client.session
    session["something"] = "else"
    session.save()
    assert public_cache.page_version() == before


def test_given_a_cached_page_when_a_signed_in_member_asks_then_they_get_their_own_page():
    NetworkFactory(slug="bridges")
    anonymous = Client().get(home())
    assert b"My account" not in anonymous.content
    client = Client()
    client.force_login(MembershipFactory().person.user, backend=SIGN_IN_BACKEND)
    assert b"My account" in client.get(home()).content


def test_given_a_cached_swedish_page_when_english_is_asked_then_the_english_page_comes():
    NetworkFactory(slug="bridges")
    assert "Nätverk bridges" in Client().get(home("sv")).content.decode()
    english = Client().get(home("en")).content.decode()
    assert "Network bridges" in english
    assert "Nätverk bridges" not in english


def test_given_the_cache_off_when_the_page_is_asked_twice_then_it_is_rendered_twice(
    settings, django_assert_max_num_queries
):
    settings.PUENTES_PUBLIC_PAGE_CACHE_SECONDS = 0
    NetworkFactory(slug="bridges")
    Client().get(home())
    with django_assert_max_num_queries(10) as captured:
        Client().get(home())
    assert len(captured) > 1


def test_given_a_page_outside_the_list_when_it_is_asked_then_it_is_not_stored():
    Client().get(reverse("statements:accessibility"))
    assert not [key for key in cache._cache if "puentes:page:" in key]


def test_given_writes_and_reads_when_sql_is_classified_then_only_writes_name_a_table():
    assert public_cache._table_written('UPDATE "networks_network" SET x = 1') == "networks_network"
    assert public_cache._table_written(' INSERT INTO "a_b" ("id") VALUES (1)') == "a_b"
    assert public_cache._table_written('DELETE FROM "django_session"') == "django_session"
    assert public_cache._table_written('SELECT "id" FROM "networks_network"') is None
