"""Fixtures for people tests: accounts with roles, and a clean cache per test."""

import pytest
from django.core.cache import cache

# Until the root conftest.py loads puentes.core.testing.smtp as a plugin.
from puentes.core.testing.smtp import smtp_server  # noqa: F401

from .factories import MembershipFactory, NetworkRoleFactory


@pytest.fixture(autouse=True)
def _empty_cache():
    # allauth keeps rate limits and used TOTP codes in the cache, keyed by user id; ids are
    # reused after a rolled-back test, so a code used in one test would be refused in the next.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def sign_in_as(client):
    """Sign the test client in as `user` without the sign-in pages (no MFA stage)."""

    def sign_in(user):
        # The first configured backend only grants permissions and cannot load a user, so
        # force_login must be told which backend signs people in.
        client.force_login(user, backend="allauth.account.auth_backends.AuthenticationBackend")

    return sign_in


@pytest.fixture
def coordinator(db):
    """An account whose person coordinates a network (no TOTP yet)."""
    return NetworkRoleFactory(person__name="Carmen Coordinadora").person.user


@pytest.fixture
def member(db):
    """An account whose person acts for a Swedish municipality, with no network role."""
    return MembershipFactory(person__name="Maja Medlem").person.user
