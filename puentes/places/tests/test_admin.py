import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from puentes.places.models import Area, Country, Organisation
from puentes.places.testing import load_reference_data_for_tests

pytestmark = pytest.mark.django_db


def list_page(client, model, **params):
    """(number of queries, names of the rows shown) for an admin list."""
    url = reverse(f"admin:places_{model}_changelist")
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured.captured_queries), [str(row) for row in response.context["cl"].result_list]


def one_organisation() -> Organisation:
    sweden = Country.objects.create(code="SE", names={"sv": "Sverige"}, region="sweden")
    county = Area.objects.create(country=sweden, kind="county", code="01", name="Stockholms län")
    return Organisation.objects.create(
        country=sweden, area=county, kind="municipality", code="0180", name="Stockholm"
    )


@pytest.mark.parametrize("model", ["organisation", "area", "country"])
def test_admin_lists_take_the_same_queries_for_one_row_and_for_all_rows(superuser_client, model):
    one_organisation()
    with_one_row, rows = list_page(superuser_client, model)
    assert len(rows) == 1

    load_reference_data_for_tests()
    with_all_rows, rows = list_page(superuser_client, model)

    assert len(rows) > 1
    assert with_all_rows == with_one_row


@pytest.mark.parametrize(
    ("model", "search", "expected"),
    [
        ("organisation", "Region Gotland", ["Gotland"]),
        ("organisation", "05001", ["Medellín"]),
        ("organisation", "Chichicastenango", ["Santo Tomás Chichicastenango"]),
        ("area", "Skåne", ["Skåne län"]),
        ("country", "Suecia", ["Sverige"]),
    ],
)
def test_admin_search_finds_names_other_names_and_codes(superuser_client, model, search, expected):
    load_reference_data_for_tests()

    _queries, rows = list_page(superuser_client, model, q=search)

    assert rows == expected


def test_coordinators_change_who_can_join_but_not_the_official_data(superuser_client):
    stockholm = one_organisation()
    url = reverse("admin:places_organisation_change", args=[stockholm.pk])

    response = superuser_client.post(
        url, {"name": "Renamed", "code": "9999", "website": "https://start.stockholm"}
    )

    assert response.status_code == 302
    stockholm.refresh_from_db()
    assert (stockholm.name, stockholm.code) == ("Stockholm", "0180")
    assert (stockholm.can_join, stockholm.website) == (False, "https://start.stockholm")


def test_reference_data_is_not_added_or_deleted_in_the_admin(superuser_client):
    stockholm = one_organisation()

    add = superuser_client.get(reverse("admin:places_organisation_add"))
    delete = superuser_client.get(reverse("admin:places_organisation_delete", args=[stockholm.pk]))
    change_area = superuser_client.post(
        reverse("admin:places_area_change", args=[stockholm.area_id]), {"name": "X"}
    )

    assert (add.status_code, delete.status_code, change_area.status_code) == (403, 403, 403)
    assert Area.objects.get(pk=stockholm.area_id).name == "Stockholms län"
