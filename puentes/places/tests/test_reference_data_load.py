from decimal import Decimal

import pytest

from puentes.places import services
from puentes.places.models import Area, Country, Organisation
from puentes.places.services import DATA_DIR, reference_data_load

from .helpers import fingerprint, replace_in_row

pytestmark = pytest.mark.django_db


def test_first_load_creates_every_country_area_and_organisation(reference_data):
    assert reference_data.created == 3 + (21 + 22 + 33 + 18 + 1) + (290 + 20 + 340 + 1103)
    assert reference_data.updated == 0
    assert reference_data.rows() == [
        ("SE", "county", 21),
        ("SE", "municipality", 290),
        ("SE", "region", 20),
        ("GT", "department", 22),
        ("GT", "municipality", 340),
        ("CO", "department", 32),
        ("CO", "capital_district", 1),
        ("CO", "non_municipal_area", 18),
        ("CO", "island", 1),
        ("CO", "municipality", 1103),
    ]


def test_the_summary_counts_what_the_database_holds(reference_data):
    def areas(country, kind):
        return Area.objects.filter(country__code=country, kind=kind).count()

    def organisations(country, kind):
        return Organisation.objects.filter(country__code=country, kind=kind).count()

    assert areas("SE", "county") == reference_data.count("SE", "county") == 21
    assert areas("GT", "department") == reference_data.count("GT", "department") == 22
    assert areas("CO", "department") + areas("CO", "capital_district") == 33
    assert areas("CO", "non_municipal_area") == reference_data.count("CO", "non_municipal_area")
    assert areas("CO", "island") == reference_data.count("CO", "island") == 1
    assert organisations("SE", "municipality") == reference_data.count("SE", "municipality")
    assert organisations("SE", "region") == reference_data.count("SE", "region") == 20
    assert organisations("GT", "municipality") == reference_data.count("GT", "municipality")
    assert organisations("CO", "municipality") == reference_data.count("CO", "municipality")
    assert reference_data.count("CO", "region") == 0
    assert Organisation.objects.count() == 290 + 20 + 340 + 1103


def test_countries_have_names_in_three_languages_a_time_zone_and_a_world_region(reference_data):
    sweden, guatemala, colombia = (Country.objects.get(code=c) for c in ("SE", "GT", "CO"))

    assert sweden.names == {"sv": "Sverige", "es": "Suecia", "en": "Sweden"}
    assert (sweden.time_zone, sweden.region) == ("Europe/Stockholm", "sweden")
    assert (guatemala.time_zone, guatemala.region) == ("America/Guatemala", "latin_america")
    assert colombia.names == {"sv": "Colombia", "es": "Colombia", "en": "Colombia"}
    assert (colombia.time_zone, colombia.region) == ("America/Bogota", "latin_america")


@pytest.mark.parametrize(
    ("country", "code", "name", "kind", "area"),
    [
        ("SE", "0180", "Stockholm", "municipality", "Stockholms län"),
        ("SE", "1480", "Göteborg", "municipality", "Västra Götalands län"),
        ("SE", "1280", "Malmö", "municipality", "Skåne län"),
        ("SE", "12", "Region Skåne", "region", "Skåne län"),
        ("GT", "0101", "Guatemala", "municipality", "Guatemala"),
        ("CO", "11001", "Bogotá, D.C.", "municipality", "Bogotá, D.C."),
        ("CO", "05001", "Medellín", "municipality", "Antioquia"),
    ],
)
def test_official_codes_keep_their_leading_zeros(reference_data, country, code, name, kind, area):
    organisation = Organisation.objects.get(country__code=country, code=code)

    assert (organisation.name, organisation.kind, organisation.area.name) == (name, kind, area)
    assert organisation.can_join


def test_areas_know_their_kind_and_parent(reference_data):
    def area(country, code):
        return Area.objects.get(country__code=country, code=code)

    assert (area("SE", "12").name, area("SE", "12").kind) == ("Skåne län", "county")
    assert area("CO", "11").kind == "capital_district"
    assert area("CO", "05").name == "Antioquia"
    island = area("CO", "88001")
    assert (island.kind, island.parent) == ("island", area("CO", "88"))
    assert not island.is_first_level
    assert "not a municipality" in island.note
    el_encanto = area("CO", "91263")
    assert (el_encanto.kind, el_encanto.parent.name) == ("non_municipal_area", "Amazonas")
    assert (el_encanto.lat, el_encanto.lon) == (Decimal("-1.748060"), Decimal("-73.207114"))


def test_non_municipal_areas_and_the_island_are_not_organisations(reference_data):
    kept_as_areas = Area.objects.filter(kind__in=["non_municipal_area", "island"])

    codes = list(kept_as_areas.values_list("code", flat=True))

    assert len(codes) == 19
    assert not Organisation.objects.filter(country__code="CO", code__in=codes).exists()


def test_organisations_carry_the_coordinates_of_the_files(reference_data):
    medellin = Organisation.objects.get(country__code="CO", code="05001")
    guatemala = Organisation.objects.get(country__code="GT", code="0101")

    assert (medellin.lat, medellin.lon) == (Decimal("6.246631"), Decimal("-75.581775"))
    assert (guatemala.lat, guatemala.lon) == (Decimal("14.635430"), Decimal("-90.479420"))


def test_gotland_is_one_organisation_found_by_either_name(reference_data):
    found_as_region = list(Organisation.objects.search("Region Gotland"))
    found_as_municipality = list(Organisation.objects.search("Gotland"))

    assert [(o.code, o.name) for o in found_as_region] == [("0980", "Gotland")]
    assert found_as_municipality == found_as_region
    assert not Organisation.objects.filter(country__code="SE", code="09").exists()
    assert Area.objects.get(country__code="SE", code="09").name == "Gotlands län"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("MEDELLÍN", "05001"),  # DANE's official upper-case form
        ("medellín", "05001"),
        ("Chichicastenango", "1406"),  # MINFIN's short form
        ("05001", "05001"),
        ("0180", "0180"),
    ],
)
def test_search_finds_official_and_alternative_names(reference_data, text, code):
    assert code in Organisation.objects.search(text).values_list("code", flat=True)


def test_loading_the_same_files_again_changes_nothing_in_a_few_queries(
    reference_data, django_assert_max_num_queries
):
    before = fingerprint()

    with django_assert_max_num_queries(8):
        summary = reference_data_load(data_dir=DATA_DIR)

    assert (summary.created, summary.updated) == (0, 0)
    assert summary.rows() == reference_data.rows()
    assert fingerprint() == before


def test_a_name_changed_in_the_files_updates_only_that_row(reference_data, data_copy):
    replace_in_row(data_copy / "se_municipalities.csv", "0180", "Stockholm,", "Stockholms stad,")
    replace_in_row(data_copy / "co_departments.csv", "05", "Antioquia,", "Antioquía,")
    stockholm = Organisation.objects.get(country__code="SE", code="0180")
    Organisation.objects.filter(pk=stockholm.pk).update(can_join=False, website="https://x.se")

    summary = reference_data_load(data_dir=data_copy)

    assert (summary.created, summary.updated) == (0, 2)
    renamed = Organisation.objects.get(pk=stockholm.pk)
    assert renamed.name == "Stockholms stad"
    assert renamed.updated_at > stockholm.updated_at
    assert (renamed.can_join, renamed.website) == (False, "https://x.se")  # coordinators' fields
    assert Area.objects.get(country__code="CO", code="05").name == "Antioquía"


def test_a_database_failure_midway_leaves_the_database_as_before(
    reference_data, data_copy, monkeypatch
):
    replace_in_row(data_copy / "se_regions.csv", "12", "Skåne län,", "Skånes län,")
    real_sync = services._sync

    def sync_failing_on_organisations(model, *args, **kwargs):
        if model is Organisation:
            raise RuntimeError("database went away")
        return real_sync(model, *args, **kwargs)

    monkeypatch.setattr(services, "_sync", sync_failing_on_organisations)
    before = fingerprint()

    with pytest.raises(RuntimeError):
        reference_data_load(data_dir=data_copy)

    assert fingerprint() == before
    assert Area.objects.get(country__code="SE", code="12").name == "Skåne län"
