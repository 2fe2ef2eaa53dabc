"""Every public page answers in every language, /healthz tells the truth about the database,
and pages run the same number of queries however much data there is."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from puentes.networks.models import Theme
from puentes.networks.tests.factories import CallFactory, NetworkFactory, ThemeFactory
from puentes.people.models import NetworkRole
from puentes.people.tests.factories import MembershipFactory, NetworkRoleFactory

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("sv", "es", "en")

PUBLIC_PAGES = {
    "networks:home": lambda w: {},
    "networks:network_detail": lambda w: {"slug": w["network"].slug},
    "networks:call_detail": lambda w: {
        "network_slug": w["network"].slug,
        "call_slug": w["call"].slug,
    },
    "account_login": lambda w: {},
    "account_signup": lambda w: {},
    "account_reset_password": lambda w: {},
    "account_reset_password_done": lambda w: {},
    "account_email_verification_sent": lambda w: {},
    "account_inactive": lambda w: {},
}


def url(name, language, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def html_lang(response):
    match = re.search(rb"<html[^>]*\slang=\"([^\"]+)\"", response.content)
    return match.group(1).decode() if match else None


@pytest.fixture
def small_world(db):
    network = NetworkFactory(slug="gender-equality")
    ThemeFactory(network=network)
    call = CallFactory(network=network, slug="call-2024")
    coordinator = NetworkRoleFactory(network=network).person.user
    TOTP.activate(coordinator, generate_totp_secret())
    MembershipFactory()
    return {"network": network, "call": call, "coordinator": coordinator}


def grow(world):
    """From 1 network with 1 call to 3 networks with 5 calls each, more themes and people."""
    networks = [world["network"], NetworkFactory(), NetworkFactory()]
    for network in networks:
        for _ in range(5 - network.calls.count()):
            CallFactory(network=network)
        ThemeFactory.create_batch(3, network=network)
        ThemeFactory.create_batch(2, network=network, kind=Theme.Kind.PERSPECTIVE)
        NetworkRoleFactory.create_batch(2, network=network, role=NetworkRole.Role.MENTOR)
        NetworkRoleFactory(network=network)
    MembershipFactory.create_batch(4)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_answers_in_its_language(name, language, client, small_world):
    response = client.get(url(name, language, **PUBLIC_PAGES[name](small_world)))

    assert response.status_code == 200
    assert html_lang(response) == language


@pytest.mark.parametrize(
    ("accept_language", "expected"), [("", "/sv/"), ("es", "/es/"), ("en-GB,en;q=0.8", "/en/")]
)
def test_root_redirects_to_a_language(accept_language, expected, client, db):
    response = client.get("/", headers={"accept-language": accept_language})

    assert response.status_code == 302
    assert response["Location"] == expected


def test_healthz_answers_ok_when_the_database_answers(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()["status"] == "ok"


def test_healthz_answers_503_when_the_database_does_not_answer():
    # A real process with a database nobody listens on: no mocks between the view and the
    # driver's connection error.
    script = (
        "import django; django.setup()\n"
        "from django.test.utils import setup_test_environment; setup_test_environment()\n"
        "from django.test import Client\n"
        "r = Client().get('/healthz')\n"
        "print(r.status_code, r.content.decode())\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
        "PGCONNECT_TIMEOUT": "5",
    }

    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    status, _, body = result.stdout.strip().partition(" ")
    assert status == "503", result.stdout + result.stderr
    assert json.loads(body)["status"] != "ok"


# Each page's URL arguments, and text that appears once per row once the data has grown.
QUERY_COUNTED_PAGES = {
    "networks:home": (lambda w: {}, b'href="/sv/networks/', 3),
    "networks:network_detail": (PUBLIC_PAGES["networks:network_detail"], b"/calls/", 5),
    "networks:call_detail": (PUBLIC_PAGES["networks:call_detail"], b"<li>theme-", 4),
    "networks:coordination_home": (lambda w: {}, b"/calls/", 15),
}


@pytest.mark.parametrize("name", QUERY_COUNTED_PAGES)
def test_page_runs_as_many_queries_for_three_networks_as_for_one(
    name, client, small_world, django_assert_num_queries
):
    if name == "networks:coordination_home":
        client.force_login(small_world["coordinator"])
    kwargs, row_marker, rows_after_growth = QUERY_COUNTED_PAGES[name]
    page = url(name, "sv", **kwargs(small_world))
    client.get(page)  # one-off work (sessions, caches) is not what is measured
    with CaptureQueriesContext(connection) as small:
        assert client.get(page).status_code == 200

    grow(small_world)

    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(page)
    assert response.status_code == 200
    assert response.content.count(row_marker) >= rows_after_growth
