"""Confirming a proposed pair on the board: a partnership with the engine's score and reasons,
mail to both sides, and a board out of date that changes nothing."""

# The shared fixtures are imported from board_support, and tests name them as arguments.
# ruff: noqa: F811

from django.utils import timezone

from puentes.core.mail import mail_deliver_due
from puentes.core.models import OutboxMessage
from puentes.matching.models import MatchConstraint
from puentes.partnerships.models import Partnership
from puentes.recruitment.models import Interest, SeekingProfile

from .board_support import (  # noqa: F401 (fixtures)
    accepted_interest,
    action_url,
    board_url,
    call,
    coordinator,
    coordinator_client,
    network,
    organisation,
    published_profile,
    reference_data,
    themes,
)


def _pair(call, themes):
    interest = accepted_interest(
        call,
        organisation("SE", "1490"),
        themes=[themes["violence"]],
        preferred_country="CO",
        languages=("sv", "es"),
    )
    profile = published_profile(call, organisation("CO", "19001"), themes=[themes["violence"]])
    return interest, profile


def _confirm(client, call, interest, profile):
    return client.post(
        action_url("confirm", call), {"interest": interest.pk, "profile": profile.pk}
    )


def test_confirming_a_pair_makes_a_partnership_with_its_score_and_reasons_and_tells_both_sides(
    coordinator_client, call, themes, coordinator, smtp_server
):
    interest, profile = _pair(call, themes)

    response = _confirm(coordinator_client, call, interest, profile)

    assert response.status_code == 302
    partnership = Partnership.objects.get()
    assert (partnership.interest, partnership.seeking_profile) == (interest, profile)
    assert partnership.confirmed_by == coordinator
    assert partnership.match_score > 0
    codes = [part["code"] for part in partnership.match_reasons]
    assert {"shared_themes", "preferred_country", "spanish_speakers"} <= set(codes)
    profile.refresh_from_db()
    assert profile.status == SeekingProfile.Status.MATCHED
    mail_deliver_due(now=timezone.now())
    smtp_server.wait_for(2)
    recipients = {message["To"] for message in smtp_server.messages}
    assert interest.contacts.get().person.email in recipients
    assert profile.contact.email in recipients


def test_a_confirmed_pair_leaves_the_board(coordinator_client, call, themes, smtp_server):
    interest, profile = _pair(call, themes)
    _confirm(coordinator_client, call, interest, profile)

    board = coordinator_client.get(board_url(call))

    assert board.context["pairs"] == []
    assert board.context["interest_count"] == 0
    assert "are now partners" in board.content.decode()


def test_confirming_a_pair_that_is_no_longer_available_changes_nothing(
    coordinator_client, call, themes
):
    interest, profile = _pair(call, themes)
    Interest.objects.filter(pk=interest.pk).update(status=Interest.Status.WITHDRAWN)

    response = _confirm(coordinator_client, call, interest, profile)

    assert response.status_code == 302
    assert not Partnership.objects.exists()
    assert not OutboxMessage.objects.exists()
    board = coordinator_client.get(response.url)
    assert "This pair can no longer be confirmed" in board.content.decode()


def test_confirming_the_same_pair_twice_makes_one_partnership(
    coordinator_client, call, themes, smtp_server
):
    interest, profile = _pair(call, themes)
    _confirm(coordinator_client, call, interest, profile)
    messages_before = OutboxMessage.objects.count()

    response = _confirm(coordinator_client, call, interest, profile)

    assert Partnership.objects.count() == 1
    assert OutboxMessage.objects.count() == messages_before
    assert (
        "This pair can no longer be confirmed"
        in coordinator_client.get(response.url).content.decode()
    )


def test_a_pair_ruled_out_cannot_be_confirmed(coordinator_client, call, themes):
    interest, profile = _pair(call, themes)
    MatchConstraint.objects.create(
        call=call, interest=interest, seeking_profile=profile, kind=MatchConstraint.Kind.NEVER
    )

    _confirm(coordinator_client, call, interest, profile)

    assert not Partnership.objects.exists()


def test_a_pair_of_another_call_is_not_confirmed(coordinator_client, call, themes):
    from puentes.networks.tests.factories import CallFactory

    other = CallFactory(network=call.network, slug="call-2025")
    interest, profile = _pair(other, themes)

    _confirm(coordinator_client, call, interest, profile)

    assert not Partnership.objects.exists()
