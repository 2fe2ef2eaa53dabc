"""Public reading: the published records only, their public facts only, no token needed."""

import pytest

from puentes.networks.tests.factories import NetworkFactory, ThemeFactory
from puentes.partnerships.tests.factories import PartnershipFactory
from puentes.recruitment.models import SeekingProfile
from puentes.recruitment.tests.factories import SeekingProfileFactory
from puentes.workshops.models import Workshop
from puentes.workshops.tests.factories import WorkshopFactory

from .helpers import error_of


def test_networks_list_the_published_ones_with_their_themes(api, network):
    ThemeFactory(network=network, slug="violence")
    NetworkFactory(is_published=False)

    body = api.get("/api/v1/networks/").json()

    assert body["count"] == 1
    assert body["results"][0]["slug"] == network.slug
    assert [theme["slug"] for theme in body["results"][0]["themes"]] == ["violence"]


def test_an_unpublished_network_is_not_found(api):
    hidden = NetworkFactory(is_published=False)

    response = api.get(f"/api/v1/networks/{hidden.slug}/")

    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


def test_seeking_profiles_show_only_approved_ones_and_no_contact_person(api, call):
    published = SeekingProfileFactory(call=call)
    waiting = SeekingProfileFactory(call=call, status=SeekingProfile.Status.SUBMITTED)

    body = api.get("/api/v1/seeking-profiles/", {"call": call.pk}).json()

    assert [row["id"] for row in body["results"]] == [published.pk]
    assert "contact" not in body["results"][0]
    assert published.contact.email not in str(body) and published.contact.name not in str(body)
    assert api.get(f"/api/v1/seeking-profiles/{waiting.pk}/").status_code == 404


def test_partnerships_show_the_public_facts_and_not_the_shared_challenge(api, call):
    partnership = PartnershipFactory(call=call)

    row = api.get(f"/api/v1/partnerships/{partnership.pk}/").json()

    assert set(row) == {
        "id",
        "call",
        "swedish_organisation",
        "latin_organisation",
        "areas_of_cooperation",
        "themes",
        "is_demo",
    }
    assert row["latin_organisation"]["country"] == "GT"


def test_partnerships_filter_by_either_partners_country(api, call):
    guatemalan = PartnershipFactory(call=call)
    colombian = PartnershipFactory(call=call, latin_organisation__country_code="CO")

    found = api.get("/api/v1/partnerships/", {"country": "CO"}).json()["results"]
    swedish = api.get("/api/v1/partnerships/", {"country": "SE"}).json()["count"]

    assert [row["id"] for row in found] == [colombian.pk]
    assert swedish == 2 and guatemalan.pk != colombian.pk


def test_draft_workshops_are_not_public(api, call):
    WorkshopFactory(call=call)
    draft = WorkshopFactory(call=call, state=Workshop.State.DRAFT)

    body = api.get("/api/v1/workshops/").json()

    assert body["count"] == 1
    assert api.get(f"/api/v1/workshops/{draft.pk}/").status_code == 404


def test_a_filter_with_a_wrong_value_answers_400_naming_the_parameter(api):
    response = api.get("/api/v1/workshops/", {"state": "draft", "call": "x"})

    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == "invalid" and set(error["fields"]) == {"state", "call"}


def test_pages_have_the_size_asked_for(api, call):
    WorkshopFactory.create_batch(3, call=call)

    page = api.get("/api/v1/workshops/", {"page_size": 2}).json()
    last = api.get("/api/v1/workshops/", {"page_size": 2, "page": 2}).json()
    capped = api.get("/api/v1/workshops/", {"page_size": 1000})

    assert page["count"] == 3 and len(page["results"]) == 2 and page["next"]
    assert len(last["results"]) == 1 and last["next"] is None
    assert capped.status_code == 200 and len(capped.json()["results"]) == 3


def test_a_page_past_the_end_is_not_found_in_the_error_format(api, call):
    response = api.get("/api/v1/workshops/", {"page": 9})

    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


@pytest.mark.parametrize("huge", [2**63, 10**30])
def test_an_id_too_large_for_the_database_is_simply_not_found(api, huge):
    assert api.get(f"/api/v1/workshops/{huge}/").status_code == 404
    assert api.get("/api/v1/workshops/", {"call": huge}).status_code == 400
