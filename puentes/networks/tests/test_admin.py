import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django import forms
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from puentes.networks.admin import NetworkForm
from puentes.networks.models import Call, Network, Theme
from puentes.networks.tests.factories import CallFactory, NetworkFactory, ThemeFactory
from puentes.people.tests.factories import MembershipFactory, NetworkRoleFactory

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
# The first backend only grants permissions and cannot load a user.
SIGN_IN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


@pytest.fixture
def coordinator_client(client, db):
    user = NetworkRoleFactory(person__name="Carmen Coordinadora").person.user
    TOTP.activate(user, SECRET)
    client.force_login(user, backend=SIGN_IN_BACKEND)
    return client


@pytest.fixture
def network(db):
    return NetworkFactory(
        slug="gender-equality",
        names={"sv": "Jämställdhetsnätverket", "es": "Red de igualdad", "en": "Equality network"},
        descriptions={"sv": "Om nätverket.", "es": "Sobre la red."},
    )


def admin_url(model, view, *args):
    return reverse(f"admin:networks_{model._meta.model_name}_{view}", args=args)


def form_data(response):
    """What a browser would post back from an admin add/change page, unchanged."""
    forms_on_page = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms_on_page += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms_on_page:
        for name, field in form.fields.items():
            value = form[name].value()
            if value is None or (isinstance(field, forms.BooleanField) and not value):
                continue
            data[form.add_prefix(name)] = "on" if isinstance(field, forms.BooleanField) else value
    return data


@pytest.mark.parametrize(
    ("model", "make"),
    [(Network, NetworkFactory), (Theme, ThemeFactory), (Call, CallFactory)],
)
def test_coordinator_lists_networks_themes_and_calls_without_a_query_per_row(
    coordinator_client, django_assert_num_queries, model, make
):
    make()
    with CaptureQueriesContext(connection) as one_row:
        response = coordinator_client.get(admin_url(model, "changelist"))
    assert response.status_code == 200
    make.create_batch(5)

    with django_assert_num_queries(len(one_row.captured_queries)):
        response = coordinator_client.get(admin_url(model, "changelist"))

    assert response.status_code == 200
    # The coordinator's own network is listed too.
    assert len(response.context["cl"].result_list) == model.objects.count() >= 6


def test_network_list_shows_the_name_in_the_page_language(coordinator_client, network):
    response = coordinator_client.get(admin_url(Network, "changelist"), HTTP_ACCEPT_LANGUAGE="es")

    assert "Red de igualdad" in response.content.decode()


def test_network_search_finds_words_with_swedish_letters_in_the_names(coordinator_client, network):
    NetworkFactory(slug="other", names={"sv": "Annat nätverk"})

    response = coordinator_client.get(admin_url(Network, "changelist"), {"q": "jämställdhet"})

    assert list(response.context["cl"].result_list) == [network]


def test_network_change_page_edits_the_name_one_language_per_field(coordinator_client, network):
    ThemeFactory(network=network)
    CallFactory(network=network)

    response = coordinator_client.get(admin_url(Network, "change", network.pk))

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form["names_es"].value() == "Red de igualdad"
    assert form["descriptions_en"].value() == ""
    assert "names" not in form.fields
    assert 'lang="es"' in response.content.decode()


def test_coordinator_saves_a_translated_network_name_and_keeps_the_others(
    coordinator_client, network
):
    ThemeFactory(network=network, names={"sv": "Våld", "es": "Violencia", "en": "Violence"})
    CallFactory(network=network)
    url = admin_url(Network, "change", network.pk)
    data = form_data(coordinator_client.get(url))
    data["names_es"] = "Red de igualdad de género"
    data["descriptions_en"] = "About the network."
    data["themes-0-names_en"] = "Gender-based violence"

    response = coordinator_client.post(url, data)

    assert response.status_code == 302
    network.refresh_from_db()
    assert network.names == {
        "sv": "Jämställdhetsnätverket",
        "es": "Red de igualdad de género",
        "en": "Equality network",
    }
    assert network.descriptions["en"] == "About the network."
    assert network.themes.get().names["en"] == "Gender-based violence"


def test_coordinator_saves_a_theme_name_in_one_language(coordinator_client, network):
    theme = ThemeFactory(network=network, names={"sv": "Våld", "es": "Violencia"})
    url = admin_url(Theme, "change", theme.pk)
    data = form_data(coordinator_client.get(url))
    data["names_en"] = "Gender-based violence"

    response = coordinator_client.post(url, data)

    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.names == {"sv": "Våld", "es": "Violencia", "en": "Gender-based violence"}


def test_coordinator_saves_a_call_title_and_clears_a_description(coordinator_client, network):
    call = CallFactory(network=network, descriptions={"sv": "Text", "en": "Text"})
    url = admin_url(Call, "change", call.pk)
    data = form_data(coordinator_client.get(url))
    data["titles_sv"] = "Utlysning 2024"
    data["descriptions_en"] = ""

    response = coordinator_client.post(url, data)

    assert response.status_code == 302
    call.refresh_from_db()
    assert call.titles["sv"] == "Utlysning 2024"
    assert call.descriptions == {"sv": "Text"}


def test_a_name_left_empty_in_every_language_is_refused(coordinator_client, network):
    url = admin_url(Network, "change", network.pk)
    data = form_data(coordinator_client.get(url))
    data.update(names_sv="", names_es="  ", names_en="")

    response = coordinator_client.post(url, data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["names_sv"]
    network.refresh_from_db()
    assert network.names["sv"] == "Jämställdhetsnätverket"


def test_a_language_the_site_does_not_offer_is_kept_when_saving(network):
    network.names = {**network.names, "de": "Gleichstellungsnetzwerk"}
    form = NetworkForm(instance=network)
    data = {name: form[name].value() for name in form.fields}
    data = {key: value for key, value in data.items() if value is not None}
    data["names_en"] = "Gender equality network"

    form = NetworkForm(data, instance=network)

    assert form.is_valid(), form.errors
    assert form.save().names == {
        "sv": "Jämställdhetsnätverket",
        "es": "Red de igualdad",
        "en": "Gender equality network",
        "de": "Gleichstellungsnetzwerk",
    }


def test_a_member_who_is_not_a_coordinator_cannot_open_the_admin(client, network):
    client.force_login(MembershipFactory().person.user, backend=SIGN_IN_BACKEND)

    response = client.get(admin_url(Network, "changelist"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
