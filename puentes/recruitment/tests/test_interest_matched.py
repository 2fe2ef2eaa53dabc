"""An accepted interest becomes matched when its partnership is confirmed: its owner sees
it so, with a link to the partnership; the review queue counts and filters it, the exports
name it, the call page still counts it as received, and matching no longer offers it."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from puentes.matching.selectors import call_candidates
from puentes.networks.selectors import call_for_public
from puentes.networks.tests.factories import CallFactory
from puentes.partnerships.services import partnership_create
from puentes.partnerships.tests.factories import PartnershipFactory
from puentes.people.tests.factories import OrganisationFactory
from puentes.recruitment.models import Interest, SeekingProfile

from .conftest import OPEN_DAY
from .factories import ContactPersonFactory, InterestFactory, SeekingProfileFactory

I = Interest.Status  # noqa: E741
SIGN_IN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.fixture
def matched(call, theme, organisation, member, coordinator):
    """Stockholm's accepted interest, confirmed with Cobán's published profile."""
    interest = InterestFactory(
        call=call,
        organisation=organisation,
        status=I.ACCEPTED,
        created_by=member,
        themes=[theme],
        contacts=[ContactPersonFactory()],
    )
    profile = SeekingProfileFactory(
        call=call,
        organisation=OrganisationFactory(country_code="GT", code="1601"),
        status=SeekingProfile.Status.APPROVED,
        themes=[theme],
    )
    TOTP.activate(coordinator, generate_totp_secret())
    partnership = partnership_create(
        call=call, interest=interest, profile=profile, by=coordinator, now=OPEN_DAY
    )
    interest.refresh_from_db()
    return interest, partnership


def test_the_owner_sees_the_interest_matched_with_a_link_to_the_partnership(
    client, matched, member
):
    interest, partnership = matched
    client.force_login(member)
    workspace = url("partnerships:partnership_detail", partnership.pk)

    listed = client.get(url("interests:my_interests")).content.decode()
    detail = client.get(url("interests:interest_detail", interest.pk)).content.decode()

    assert 'badge-status-matched">Matched</span>' in listed
    assert f'<a href="{workspace}">Partnership with Cobán</a>' in listed
    assert "Stockholm has been matched with Cobán." in detail
    assert f'href="{workspace}"' in detail
    assert "accepted → matched" in detail.lower()
    assert client.get(workspace).status_code == 200


def test_a_matched_interest_can_no_longer_be_withdrawn(client, matched, member):
    interest, _partnership = matched
    client.force_login(member)

    detail = client.get(url("interests:interest_detail", interest.pk)).content.decode()
    client.post(url("interests:interest_withdraw", interest.pk), {"reason": "Vi ångrar oss."})

    assert url("interests:interest_withdraw", interest.pk) not in detail
    interest.refresh_from_db()
    assert interest.status == I.MATCHED


def test_my_interests_runs_as_many_queries_with_2_as_with_6_matched_interests(
    client, member, organisation, network
):
    client.force_login(member)
    calls = CallFactory.create_batch(6, network=network)
    latin = [OrganisationFactory(country_code=c, code=code) for c, code in GT_AND_CO]

    def match(call, n):
        interest = InterestFactory(call=call, organisation=organisation, status=I.MATCHED)
        PartnershipFactory(
            call=call,
            interest=interest,
            swedish_organisation=organisation,
            latin_organisation=latin[n % len(latin)],
        )

    for n, call in enumerate(calls[:2]):
        match(call, n)
    client.get(url("interests:my_interests"))
    with CaptureQueriesContext(connection) as few:
        client.get(url("interests:my_interests"))
    for n, call in enumerate(calls[2:]):
        match(call, n)
    with CaptureQueriesContext(connection) as many:
        page = client.get(url("interests:my_interests")).content.decode()

    assert page.count("Partnership with") == 6
    assert len(many) == len(few)


GT_AND_CO = [("GT", "0101"), ("GT", "1601"), ("CO", "05001"), ("CO", "11001")]


def test_the_review_queue_counts_filters_and_exports_matched_interests(
    client, matched, call, coordinator
):
    client.force_login(coordinator, backend=SIGN_IN_BACKEND)
    InterestFactory(call=call, organisation=OrganisationFactory(code="1480"), status=I.ACCEPTED)
    queue = url("review:queue", call.network.slug, call.slug)

    everything = client.get(queue)
    only_matched = client.get(queue, {"status": "matched"})
    export = client.get(
        url("review:export_csv", call.network.slug, call.slug), {"status": "matched"}
    )

    counts = {entry["value"]: entry["count"] for entry in everything.context["statuses"]}
    assert (counts["accepted"], counts["matched"]) == (1, 1)
    assert '<span data-status-count="matched">1</span>' in everything.content.decode()
    assert [i.organisation.name for i in only_matched.context["page"].object_list] == ["Stockholm"]
    detail = client.get(url("review:interest_detail", matched[0].pk)).content.decode()
    workspace = url("partnerships:partnership_detail", matched[1].pk)
    assert f'<a href="{workspace}">Partnership with Cobán</a>' in detail
    rows = export.content.decode("utf-8-sig").splitlines()
    assert len(rows) == 2 and ";matched;" in rows[1]


def test_the_call_page_still_counts_a_matched_interest_as_received(matched, call):
    public = call_for_public(call.network.slug, call.slug)

    assert public.received_interest_count == 1


def test_matching_no_longer_offers_a_matched_interest(matched, call):
    interest, _partnership = matched

    candidates = call_candidates(call)

    assert interest.pk not in candidates.interests
    assert interest.status == I.MATCHED
