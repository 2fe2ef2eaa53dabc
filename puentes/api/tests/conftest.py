import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.test import Client
from django.utils import timezone

from puentes.api.services import token_create
from puentes.networks.tests.factories import CallFactory, NetworkFactory
from puentes.people.tests.factories import MembershipFactory, NetworkRoleFactory

from .helpers import ApiClient


@pytest.fixture
def network(db):
    return NetworkFactory()


@pytest.fixture
def call(network):
    return CallFactory(network=network)


@pytest.fixture
def coordinator(network):
    user = NetworkRoleFactory(network=network).person.user
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def coordinator_secret(coordinator):
    _token, secret = token_create(user=coordinator, name="Board reports", now=timezone.now())
    return secret


@pytest.fixture
def api(db):
    """Anonymous calls to the API."""
    return ApiClient(Client())


@pytest.fixture
def coordinator_api(coordinator_secret):
    return ApiClient(Client(), coordinator_secret)


@pytest.fixture
def member(db):
    return MembershipFactory().person.user
