"""Coordinators' API tokens: stored only as a hash, shown once, revoked at once, and useless
to anyone who is not (or no longer) a coordinator."""

import hashlib
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from puentes.api.models import ApiToken
from puentes.api.services import TokenRefused, token_create, token_revoke
from puentes.core.models import AuditEntry
from puentes.people.models import NetworkRole

from .helpers import ApiClient, error_of

INTERESTS = "/api/v1/interests/"


def test_a_token_is_stored_only_as_its_hash(coordinator):
    token, secret = token_create(user=coordinator, name="Board", now=timezone.now())

    stored = ApiToken.objects.values().get(pk=token.pk)
    assert stored["digest"] == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in str(stored.values())
    assert stored["prefix"] == secret[:8] and len(secret) > 40
    assert AuditEntry.objects.filter(action="api.token_created", actor=coordinator).exists()


def test_a_coordinators_token_reads_and_notes_its_last_use(coordinator_api):
    response = coordinator_api.get(INTERESTS)

    assert response.status_code == 200
    assert ApiToken.objects.get().last_used_at is not None


def test_an_unknown_token_is_refused_with_401_in_the_error_format(db):
    response = ApiClient(Client(), "pnt_not-a-token").get(INTERESTS)

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert error_of(response)["code"] == "authentication_failed"


def test_without_a_token_coordinators_endpoints_answer_401(api):
    response = api.get(INTERESTS)

    assert response.status_code == 401
    assert error_of(response)["code"] == "not_authenticated"


def test_only_coordinators_get_tokens(member):
    with pytest.raises(TokenRefused):
        token_create(user=member, name="Mine", now=timezone.now())
    assert not ApiToken.objects.exists()


def test_a_token_stops_working_when_its_user_is_no_longer_a_coordinator(
    coordinator, coordinator_api
):
    assert coordinator_api.get(INTERESTS).status_code == 200

    NetworkRole.objects.filter(person__user=coordinator).delete()

    response = coordinator_api.get(INTERESTS)
    assert response.status_code == 403
    assert error_of(response)["code"] == "permission_denied"


def test_a_revoked_token_stops_working_and_the_revocation_is_recorded(coordinator, coordinator_api):
    token_revoke(token=ApiToken.objects.get(), by=coordinator, now=timezone.now())

    assert coordinator_api.get(INTERESTS).status_code == 401
    entry = AuditEntry.objects.get(action="api.token_revoked")
    assert entry.actor == coordinator and entry.data == {"name": "Board reports"}


def test_the_admin_shows_a_new_token_once_and_then_only_its_beginning(coordinator):
    client = Client()
    client.force_login(coordinator)

    response = client.post(reverse("admin:api_apitoken_add"), {"name": "Data warehouse"})

    assert response.status_code == 200
    secret = re.search(r'value="(pnt_[^"]+)" data-api-token', response.content.decode())[1]
    assert ApiClient(Client(), secret).get(INTERESTS).status_code == 200
    token = ApiToken.objects.get()
    assert token.user == coordinator and token.name == "Data warehouse"
    listing = client.get(reverse("admin:api_apitoken_changelist")).content.decode()
    change = client.get(reverse("admin:api_apitoken_change", args=[token.pk])).content.decode()
    assert token.prefix in listing and secret not in listing and secret not in change


def test_deleting_a_token_in_the_admin_revokes_it_through_the_service(coordinator, coordinator_api):
    client = Client()
    client.force_login(coordinator)
    token = ApiToken.objects.get()

    response = client.post(reverse("admin:api_apitoken_delete", args=[token.pk]), {"post": "yes"})

    assert response.status_code == 302
    assert not ApiToken.objects.exists()
    assert AuditEntry.objects.filter(action="api.token_revoked").count() == 1
    assert coordinator_api.get(INTERESTS).status_code == 401
