"""Who reaches which URL: every URL pattern of the project, requested as every role.

The EXPECTED table below is the access policy written down. The test fails when a URL
pattern has no entry (a new page must state who may see it), when an entry names a pattern
that no longer exists, and when a role gets anything but the expected answer. Admin URLs
are derived by rule from the kind of admin view, so a newly registered model is covered as
soon as its app label is listed in ADMIN_APPS.

Outcomes: an HTTP status (200, 403, 404, 405), or "→<url name>" for a redirect to that page
(e.g. "→account_login" for "sign in first"). Requests are GETs in Swedish (/sv/...); access
does not depend on the language.

Notes for later issues (organisation-scoped records: interests, seeking profiles,
partnerships, reports, registrations):
- a member of organisation B must get 404 (not 403) for organisation A's records, so that
  the existence of another municipality's private record is not revealed;
- a mentor sees only the partnerships they mentor (404 for the others);
- coordinators see every record; anonymous visitors are sent to sign in (→account_login).
"""

import time
import urllib.parse
from dataclasses import dataclass, field

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.contrib import admin
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import Resolver404
from django.utils import translation

from puentes.core.models import OutboxMessage
from puentes.networks.tests.factories import CallFactory, NetworkFactory, ThemeFactory
from puentes.people.models import NetworkRole
from puentes.people.tests.factories import (
    DEFAULT_PASSWORD,
    MembershipFactory,
    NetworkRoleFactory,
    OrganisationFactory,
)
from tests.access import extensions
from tests.access.policy import (
    ACCOUNT_HOME,
    ADMIN_LOGIN,
    COORDINATORS,
    FORBIDDEN,
    LOGIN,
    MANAGES,
    NO_ACCESS,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    PUBLIC,
    READS,
    REAUTHENTICATE,
    ROLES,
    SET_UP_TOTP,
    SIGNED_IN,
    SIGNED_IN_REAUTHENTICATED,
    SIGNED_OUT_ONLY,
    policy,
)

EXPECTED = {
    "healthz": PUBLIC,
    # set_language changes the language on POST; a GET only sends the visitor back.
    "set_language": policy("→/", "→/"),
    "networks:home": PUBLIC,
    "networks:network_detail": PUBLIC,
    "networks:call_detail": PUBLIC,
    "networks:coordination_home": COORDINATORS,
    "people:account_home": SIGNED_IN,
    "core:outbox": COORDINATORS,
    "core:outbox_retry": {**COORDINATORS, "coordinator": NOT_ALLOWED},  # retrying is a POST
    # allauth: accounts
    "account_login": SIGNED_OUT_ONLY,
    "account_signup": SIGNED_OUT_ONLY,
    "account_logout": policy("→/", OK),  # GET asks "sign out?"; signing out is a POST
    "account_inactive": PUBLIC,
    "account_reauthenticate": SIGNED_IN,
    "account_request_reauthentication_code": SIGNED_IN,
    "account_confirm_reauthentication_code": policy(
        LOGIN, "→account_request_reauthentication_code"
    ),
    "account_email": SIGNED_IN,
    "account_email_verification_sent": PUBLIC,
    "account_confirm_email": PUBLIC,  # an unknown key: "this link is invalid or has expired"
    "account_change_password": SIGNED_IN,
    "account_set_password": policy(LOGIN, "→account_change_password"),  # they have one
    "account_reset_password": PUBLIC,
    "account_reset_password_done": PUBLIC,
    "account_reset_password_from_key": PUBLIC,  # an unknown key: "bad token" page
    "account_reset_password_from_key_done": PUBLIC,
    "account_confirm_login_code": policy(LOGIN, ACCOUNT_HOME),  # no code was requested
    # allauth: two-factor authentication. Changing it asks for the password again
    # (allauth's reauthentication), even right after signing in.
    "mfa_index": SIGNED_IN,
    "mfa_authenticate": policy(LOGIN, ACCOUNT_HOME),  # only between password and code
    "mfa_reauthenticate": policy(
        LOGIN, REAUTHENTICATE, coordinator=OK, coordinator_without_totp=REAUTHENTICATE
    ),
    "mfa_activate_totp": SIGNED_IN_REAUTHENTICATED,
    "mfa_deactivate_totp": policy(
        LOGIN, NOT_FOUND, coordinator=REAUTHENTICATE, coordinator_without_totp=NOT_FOUND
    ),
    "mfa_generate_recovery_codes": SIGNED_IN_REAUTHENTICATED,
    "mfa_view_recovery_codes": policy(LOGIN, NOT_FOUND),  # nobody has generated codes
    "mfa_download_recovery_codes": policy(LOGIN, NOT_FOUND),
    # Custom admin views: the derived rules below cover only Django's standard ones.
    "admin:auth_user_password_change": policy(
        ADMIN_LOGIN, ADMIN_LOGIN, coordinator=OK, coordinator_without_totp=SET_UP_TOTP
    ),
}

# Every app with models in the admin, and what a coordinator may do there. A new app in the
# admin must be added here (the test fails until it is).
ADMIN_APPS = {
    "account": MANAGES,  # allauth's e-mail addresses
    "mfa": MANAGES,  # allauth's authenticators (remove a lost TOTP device)
    "people": MANAGES,
    "networks": MANAGES,
    "places": READS,  # reference data comes from the official lists, not from hand edits
    "core": READS,  # the outbox: retries are made on the coordinators' outbox page
    "auth": NO_ACCESS,  # Django's groups: Puentes gives rights by network role instead
}
ADMIN_KINDS_ALLOWED = {
    MANAGES: {"changelist", "add", "change", "delete", "history"},
    READS: {"changelist", "change", "history"},
    NO_ACCESS: set(),
}

# What a coordinator gets from the admin site's own views.
ADMIN_SITE_VIEWS = {
    "index": OK,
    "app_list": OK,  # per app label, see expected_outcomes
    "password_change": OK,
    "password_change_done": OK,
    "autocomplete": FORBIDDEN,  # without the field it completes
    "jsi18n": OK,
    "view_on_site": "→networks:network_detail",  # the example object is a network
    "catch_all": NOT_FOUND,
}
ADMIN_MODEL_VIEW_KINDS = ("changelist", "add", "change", "delete", "history", "object_redirect")


@dataclass
class World:
    network: object
    call: object
    users: dict = field(default_factory=dict)
    totp_secret: str = ""
    organisation_a: object = None  # Swedish; member_a acts for it
    organisation_b: object = None  # Guatemalan; member_b acts for it


@pytest.fixture
def world(db):
    # Rate limits and used TOTP codes live in the cache: start every test with none.
    cache.clear()
    network = NetworkFactory(slug="gender-equality")
    ThemeFactory(network=network)
    call = CallFactory(network=network, slug="call-2024")
    Group.objects.create(name="Example group")
    OutboxMessage.objects.create(
        to_address="someone@example.org",
        language="sv",
        subject="Tack för din intresseanmälan",
        body_text="Text",
        body_html="<p>Text</p>",
        message_id="<1.failed@puentes.test>",
        status=OutboxMessage.Status.FAILED,
        attempts=10,
        last_error="SMTPDataError: 451 try later",
    )
    world = World(network=network, call=call)
    world.organisation_a = OrganisationFactory(country_code="SE")
    world.organisation_b = OrganisationFactory(country_code="GT")
    world.users["member_a"] = MembershipFactory(organisation=world.organisation_a).person.user
    world.users["member_b"] = MembershipFactory(organisation=world.organisation_b).person.user
    world.users["mentor"] = NetworkRoleFactory(
        network=network, role=NetworkRole.Role.MENTOR
    ).person.user
    world.users["coordinator"] = NetworkRoleFactory(network=network).person.user
    world.users["coordinator_without_totp"] = NetworkRoleFactory(network=network).person.user
    world.totp_secret = generate_totp_secret()
    TOTP.activate(world.users["coordinator"], world.totp_secret)
    for area in extensions():
        if hasattr(area, "populate"):
            area.populate(world)
    return world


def _merge_area_tables():
    for area in extensions():
        for table, additions in (
            (EXPECTED, getattr(area, "EXPECTED", {})),
            (EXAMPLE_KWARGS, getattr(area, "EXAMPLE_KWARGS", {})),
            (ADMIN_APPS, getattr(area, "ADMIN_APPS", {})),
        ):
            clash = set(table) & set(additions)
            assert not clash, f"{area.__name__} states again: {sorted(clash)}"
            table.update(additions)


def sv_reverse(name, kwargs=None):
    with translation.override("sv"):
        return reverse(name, kwargs=kwargs)


def sign_in(client, user, totp_secret=""):
    """Sign in through allauth's forms, as a person would (password, then TOTP code)."""
    response = client.post(
        sv_reverse("account_login"), {"login": user.email, "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302, response.content[:2000]
    if totp_secret:
        assert response.url == sv_reverse("mfa_authenticate")
        code = format_hotp_value(hotp_value(totp_secret, int(time.time()) // 30))
        response = client.post(sv_reverse("mfa_authenticate"), {"code": code})
        assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(user.pk)


# --- Walking the URL patterns ----------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    key: str  # the URL name with its namespace, or the route of an unnamed pattern
    name: str | None  # what reverse() takes
    route: str
    app_name: str | None


def walk(resolver=None, namespace=None, route="", app_name=None):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from walk(entry, inner, route + str(entry.pattern), entry.app_name or app_name)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            full_route = route + str(entry.pattern)
            yield Pattern(key=name or full_route, name=name, route=full_route, app_name=app_name)


def admin_model_urls():
    """(key, kind, model) for each standard admin URL of each registered model."""
    for model in admin.site._registry:
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        for kind in ADMIN_MODEL_VIEW_KINDS:
            yield f"{prefix}_{kind}", kind, model


def admin_key(pattern):
    """The key of an admin URL pattern in the derived table (unnamed ones get a kind)."""
    if pattern.name:
        return pattern.name
    for model in admin.site._registry:
        base = f"admin/{model._meta.app_label}/{model._meta.model_name}/"
        if pattern.route == f"{base}<path:object_id>/":
            return f"admin:{model._meta.app_label}_{model._meta.model_name}_object_redirect"
    if pattern.route.endswith("(?P<url>.*)$"):
        return "admin:catch_all"
    return pattern.route


def derived_admin_expectations():
    """Admin URLs by kind: the site's own views, then each registered model's views."""
    not_coordinator = policy(ADMIN_LOGIN, ADMIN_LOGIN, coordinator_without_totp=SET_UP_TOTP)
    table = {
        f"admin:{view}": {**not_coordinator, "coordinator": answer}
        for view, answer in ADMIN_SITE_VIEWS.items()
    }
    # The admin's login sends everybody to allauth's, so the two-factor step is never skipped;
    # its logout (a POST) sends GETs to the index.
    table["admin:login"] = policy(LOGIN, LOGIN, coordinator_without_totp=SET_UP_TOTP)
    table["admin:logout"] = {
        **policy("→admin:index", "→admin:index", coordinator_without_totp=SET_UP_TOTP),
        "coordinator": NOT_ALLOWED,
    }
    for key, kind, model in admin_model_urls():
        allowed = ADMIN_KINDS_ALLOWED.get(ADMIN_APPS.get(model._meta.app_label), set())
        if kind == "object_redirect":
            answer = f"→{key.removesuffix('_object_redirect')}_change"
        else:
            answer = OK if kind in allowed else FORBIDDEN
        table[key] = {**not_coordinator, "coordinator": answer}
    return table


def all_patterns():
    patterns = {}
    for pattern in walk():
        key = admin_key(pattern) if pattern.app_name == "admin" else pattern.key
        patterns[key] = pattern
    return patterns


# --- Example arguments -----------------------------------------------------------------


def example_object(model):
    obj = model._default_manager.order_by("pk").first()
    assert obj is not None, f"add an object of {model._meta.label} to the world fixture"
    return obj


def admin_example_kwargs(pattern):
    """An existing object for admin URLs of one object (also custom ones, e.g. a password)."""
    for model in admin.site._registry:
        base = f"admin/{model._meta.app_label}/{model._meta.model_name}/"
        if pattern.route.startswith(base):
            names = pattern.route.removeprefix(base).split("/")[0]
            for argument in ("object_id", "id", "pk"):
                if argument in names:
                    return {argument: example_object(model).pk}
    return None


EXAMPLE_KWARGS = {
    "networks:network_detail": lambda w: {"slug": w.network.slug},
    "networks:call_detail": lambda w: {"network_slug": w.network.slug, "call_slug": w.call.slug},
    "core:outbox_retry": lambda w: {"pk": OutboxMessage.objects.get().pk},
    "account_confirm_email": lambda w: {"key": "no-such-key"},
    "account_reset_password_from_key": lambda w: {"uidb36": "zz", "key": "no-such-key"},
    "admin:view_on_site": lambda w: {
        "content_type_id": ContentType.objects.get_for_model(w.network).pk,
        "object_id": w.network.pk,
    },
}

_merge_area_tables()


def example_path(key, pattern, world):
    if key == "admin:catch_all":
        return "/admin/no-such-page/"
    kwargs = admin_example_kwargs(pattern) if pattern.app_name == "admin" else None
    if kwargs is None and key in EXAMPLE_KWARGS:
        kwargs = EXAMPLE_KWARGS[key](world)
    if key.endswith("_object_redirect"):
        change = sv_reverse(key.removesuffix("_object_redirect") + "_change", kwargs)
        return change.removesuffix("change/")
    try:
        return sv_reverse(pattern.name, kwargs)
    except NoReverseMatch as exc:
        raise AssertionError(f"{key}: add example arguments to EXAMPLE_KWARGS") from exc


# --- Requesting ------------------------------------------------------------------------


def outcome(response):
    if response.status_code not in (301, 302, 303, 307, 308):
        return response.status_code
    path = urllib.parse.urlsplit(response["Location"]).path
    try:
        return f"→{resolve(path).view_name}"
    except Resolver404:
        return f"→{path}"


def area_headers(role, world) -> dict:
    """Headers the areas add to every request of a role (e.g. the API's token)."""
    headers = {}
    for area in extensions():
        if hasattr(area, "request_headers"):
            headers.update(area.request_headers(role, world))
    return headers


def observed_outcomes(role, world):
    client = Client()
    if role != "anonymous":
        secret = world.totp_secret if role == "coordinator" else ""
        sign_in(client, world.users[role], secret)
    headers = area_headers(role, world)
    results = {}
    for key, pattern in all_patterns().items():
        if key == "admin:app_list":
            for app_label in ADMIN_APPS:
                response = client.get(f"/admin/{app_label}/", headers=headers)
                results[f"admin:app_list[{app_label}]"] = outcome(response)
            continue
        results[key] = outcome(client.get(example_path(key, pattern, world), headers=headers))
    return results


def expected_outcomes(role):
    table = {**EXPECTED, **derived_admin_expectations()}
    results = {key: row[role] for key, row in table.items() if key != "admin:app_list"}
    for app_label, access in ADMIN_APPS.items():
        row = table["admin:app_list"]
        if role == "coordinator":
            results[f"admin:app_list[{app_label}]"] = OK if access != NO_ACCESS else NOT_FOUND
        else:
            results[f"admin:app_list[{app_label}]"] = row[role]
    return results


# --- Tests -----------------------------------------------------------------------------


def test_every_url_pattern_has_an_expected_access_policy():
    table = {**EXPECTED, **derived_admin_expectations()}
    missing = sorted(key for key in all_patterns() if key not in table)
    assert not missing, (
        "URL patterns without an access policy; add them to EXPECTED in "
        f"tests/test_access_matrix.py: {missing}"
    )


def test_every_expected_access_policy_names_an_existing_url_pattern():
    stale = sorted(key for key in EXPECTED if key not in all_patterns())
    assert not stale, f"EXPECTED names URL patterns that no longer exist: {stale}"


def test_every_example_argument_names_an_existing_url_pattern():
    stale = sorted(key for key in EXAMPLE_KWARGS if key not in all_patterns())
    assert not stale, f"EXAMPLE_KWARGS names URL patterns that no longer exist: {stale}"


def test_every_admin_app_is_known_and_every_known_admin_app_is_in_the_admin():
    registered = {model._meta.app_label for model in admin.site._registry}
    assert registered == set(ADMIN_APPS), (
        "ADMIN_APPS must list exactly the app labels in the admin "
        f"(missing: {sorted(registered - set(ADMIN_APPS))}, "
        f"stale: {sorted(set(ADMIN_APPS) - registered)})"
    )


def test_every_role_in_every_policy_is_stated():
    incomplete = sorted(key for key, row in EXPECTED.items() if set(row) != set(ROLES))
    assert not incomplete, f"policies that do not state every role: {incomplete}"


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_exactly_the_expected_answer_from_every_url(role, world):
    observed = observed_outcomes(role, world)
    expected = expected_outcomes(role)
    wrong = {
        key: f"expected {expected.get(key)!r}, got {answer!r}"
        for key, answer in observed.items()
        if expected.get(key) != answer
    }
    assert not wrong, f"{role}:\n" + "\n".join(f"  {k}: {v}" for k, v in sorted(wrong.items()))
