"""Holiday warnings: a workshop on a public holiday of its host country is flagged to
coordinators, with the holiday's name in the page's language."""

import datetime
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import translation

from puentes.people.tests.factories import reference_country
from puentes.workshops.public_holidays import workshop_holidays

from .factories import WorkshopFactory

STOCKHOLM = ZoneInfo("Europe/Stockholm")
GUATEMALA = ZoneInfo("America/Guatemala")


def test_a_workshop_over_swedish_midsummer_is_flagged_in_swedish(db):
    workshop = WorkshopFactory(
        city="Göteborg",
        country=reference_country("SE"),
        time_zone="Europe/Stockholm",
        start_at=datetime.datetime(2024, 6, 20, 9, tzinfo=STOCKHOLM),
        end_at=datetime.datetime(2024, 6, 22, 12, tzinfo=STOCKHOLM),
    )

    found = workshop_holidays(workshop, "sv")

    assert [h.date for h in found] == [datetime.date(2024, 6, 22)]
    assert found[0].name == "Midsommardagen"


def test_guatemalan_independence_day_is_named_in_spanish(db):
    workshop = WorkshopFactory(
        city="Guatemala",
        country=reference_country("GT"),
        time_zone="America/Guatemala",
        start_at=datetime.datetime(2024, 9, 15, 9, tzinfo=GUATEMALA),
        end_at=datetime.datetime(2024, 9, 15, 17, tzinfo=GUATEMALA),
    )

    (holiday,) = workshop_holidays(workshop, "es")

    assert holiday.date == datetime.date(2024, 9, 15)
    assert "Independencia" in holiday.name


def test_the_local_date_decides_not_the_swedish_one(db):
    # 23:30 in Guatemala on 14 September is already the 15th in Sweden: not a holiday there.
    workshop = WorkshopFactory(
        city="Guatemala",
        country=reference_country("GT"),
        time_zone="America/Guatemala",
        start_at=datetime.datetime(2024, 9, 14, 8, tzinfo=GUATEMALA),
        end_at=datetime.datetime(2024, 9, 14, 23, 30, tzinfo=GUATEMALA),
    )

    assert workshop_holidays(workshop, "es") == []


def test_an_online_workshop_has_no_host_country_and_no_warning(db):
    workshop = WorkshopFactory(
        is_online=True,
        city="",
        country=None,
        start_at=datetime.datetime(2024, 12, 25, 9, tzinfo=STOCKHOLM),
        end_at=datetime.datetime(2024, 12, 25, 11, tzinfo=STOCKHOLM),
    )

    assert workshop_holidays(workshop, "sv") == []


def test_coordinators_see_the_warning_on_their_list_and_the_workshop_page(client, coordinator):
    workshop = WorkshopFactory(
        start_at=datetime.datetime(2024, 3, 25, 9, tzinfo=ZoneInfo("America/Bogota")),
        end_at=datetime.datetime(2024, 3, 26, 17, tzinfo=ZoneInfo("America/Bogota")),
    )
    client.force_login(coordinator)

    with translation.override("es"):
        listing = client.get(reverse("workshops:coordination")).content.decode()
        page = client.get(workshop.get_absolute_url()).content.decode()

    assert "San José" in listing
    assert "San José" in page


def test_the_public_does_not_see_the_holiday_warning(client, db):
    workshop = WorkshopFactory(
        start_at=datetime.datetime(2024, 3, 25, 9, tzinfo=ZoneInfo("America/Bogota")),
        end_at=datetime.datetime(2024, 3, 26, 17, tzinfo=ZoneInfo("America/Bogota")),
    )

    with translation.override("es"):
        page = client.get(workshop.get_absolute_url()).content.decode()

    assert "San José" not in page
