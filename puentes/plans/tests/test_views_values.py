"""The page where an indicator's actual values are entered per reporting period, and the
goal's conflict page."""

import pytest

from puentes.plans.models import IndicatorValue, Plan

from .factories import (
    IndicatorFactory,
    IndicatorValueFactory,
    OutcomeFactory,
    PeopleIndicatorFactory,
)
from .pages import main, year_period


@pytest.fixture
def periods(partnership):
    return [year_period(partnership, year) for year in (2024, 2025)]


@pytest.fixture
def people_indicator(partnership):
    return PeopleIndicatorFactory(outcome=OutcomeFactory(plan__partnership=partnership))


def test_a_member_enters_values_split_by_sex_for_each_period(
    client, partnership, people, periods, people_indicator, url
):
    client.force_login(people.latin)
    path = url("indicator_values", "es", pk=partnership.pk, item_pk=people_indicator.pk)
    p2024, p2025 = periods

    form = main(client.get(path))
    response = client.post(
        path,
        {
            f"women_{p2024.pk}": "14",
            f"men_{p2024.pk}": "30",
            f"other_{p2024.pk}": "1",
            f"version_{p2024.pk}": "0",
            f"version_{p2025.pk}": "0",
        },
    )

    assert f'name="women_{p2025.pk}"' in form and "2025" in form
    assert response.status_code == 302
    value = IndicatorValue.objects.get()
    assert (value.period, value.value, value.women, value.men, value.other) == (
        p2024,
        45,
        14,
        30,
        1,
    )


def test_a_period_with_part_of_the_split_is_refused_with_the_input_kept(
    client, partnership, people, periods, people_indicator, url
):
    client.force_login(people.swedish)
    p2024 = periods[0]

    response = client.post(
        url("indicator_values", pk=partnership.pk, item_pk=people_indicator.pk),
        {f"women_{p2024.pk}": "14", f"version_{p2024.pk}": "0"},
    )

    assert response.status_code == 400
    page = main(response)
    assert f'href="#id_men_{p2024.pk}"' in page and f'href="#id_other_{p2024.pk}"' in page
    assert 'value="14"' in page
    assert not IndicatorValue.objects.exists()


def test_a_period_someone_else_saved_meanwhile_shows_both_and_keeps_your_figures(
    client, partnership, people, periods, url
):
    # Given Erik saved 2024's value after Anna opened the page at version 1
    indicator = IndicatorFactory(outcome=OutcomeFactory(plan__partnership=partnership))
    p2024, p2025 = periods
    IndicatorValueFactory(
        indicator=indicator, period=p2024, value=11, version=2, updated_by=people.latin
    )
    client.force_login(people.swedish)
    path = url("indicator_values", "en", pk=partnership.pk, item_pk=indicator.pk)

    # When Anna saves both periods
    response = client.post(
        path,
        {
            f"value_{p2024.pk}": "12",
            f"version_{p2024.pk}": "1",
            f"value_{p2025.pk}": "30",
            f"version_{p2025.pk}": "0",
        },
    )

    # Then the page shows Erik's 2024 next to hers, nothing is saved, and her figures wait
    # in the form at the versions saved now
    assert response.status_code == 409
    page = main(response)
    assert "Someone else saved values" in page
    assert people.latin.email in page
    assert f'name="value_{p2024.pk}" value="12"' in page
    assert f'name="value_{p2025.pk}" value="30"' in page
    assert f'name="version_{p2024.pk}" value="2"' in page
    assert list(IndicatorValue.objects.values_list("value", flat=True)) == [11]

    # And saving again replaces Erik's value
    again = client.post(
        path,
        {
            f"value_{p2024.pk}": "12",
            f"version_{p2024.pk}": "2",
            f"value_{p2025.pk}": "30",
            f"version_{p2025.pk}": "0",
        },
    )
    assert again.status_code == 302
    assert sorted(IndicatorValue.objects.values_list("value", flat=True)) == [12, 30]


def test_without_reporting_periods_there_is_nothing_to_enter(
    client, partnership, people, people_indicator, url
):
    client.force_login(people.swedish)

    page = main(client.get(url("indicator_values", pk=partnership.pk, item_pk=people_indicator.pk)))

    assert "<form" not in page
    assert "reporting periods" in page or "rapportperioder" in page


def test_a_stale_goal_shows_both_versions_and_gives_the_text_back(client, partnership, people, url):
    Plan.objects.create(partnership=partnership, goals={"es": "Meta de María."}, version=1)
    client.force_login(people.swedish)
    path = url("goal_edit", pk=partnership.pk)

    response = client.post(path, {"text_sv": "Annas mål.", "text_es": "", "version": 0})

    assert response.status_code == 409
    page = main(response)
    assert "Meta de María." in page and page.count("Annas mål.") == 2
    assert 'name="version" value="1"' in page
    assert Plan.objects.get().goals == {"es": "Meta de María."}
