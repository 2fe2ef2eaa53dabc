"""Online meetings of a partnership: the planner is for those who edit the workspace (members
of both organisations and coordinators); a mentor, who reads the partnership, gets 403;
anyone else 404. Sending is a POST, so the send page without a chosen slot sends members
back to the planner. In the admin, coordinators read meetings (they are sent from the
planner, with their mail)."""

from tests.access.policy import FORBIDDEN, LOGIN, OK, READS, SET_UP_TOTP, policy

PARTNERS_ONLY = {
    **policy(LOGIN, OK, coordinator=OK, coordinator_without_totp=SET_UP_TOTP),
    "mentor": FORBIDDEN,
}
BACK_TO_PLANNER = {
    **policy(
        LOGIN, "→meetings:plan", coordinator="→meetings:plan", coordinator_without_totp=SET_UP_TOTP
    ),
    "mentor": FORBIDDEN,
}

EXPECTED = {
    "meetings:meeting_list": PARTNERS_ONLY,
    "meetings:plan": PARTNERS_ONLY,
    "meetings:meeting_create": BACK_TO_PLANNER,
    "meetings:working_hours": PARTNERS_ONLY,
    "meetings:meeting_detail": PARTNERS_ONLY,
}

ADMIN_APPS = {"meetings": READS}


def _meeting(world):
    """The example meeting, made on first use: world.partnership is made by the partnerships
    area, whose populate() runs after this module's (areas run in name order)."""
    if getattr(world, "meeting", None) is None:
        from datetime import UTC, datetime

        from puentes.meetings.models import Meeting, MeetingInvitee

        world.meeting = Meeting.objects.create(
            partnership=world.partnership,
            title="Uppföljning / Seguimiento",
            start_at=datetime(2026, 1, 13, 14, 0, tzinfo=UTC),
            end_at=datetime(2026, 1, 13, 15, 0, tzinfo=UTC),
            uid="matrix@puentes",
            sent_by=world.users["member_a"],
            sent_at=datetime(2026, 1, 12, 9, 0, tzinfo=UTC),
        )
        MeetingInvitee.objects.create(
            meeting=world.meeting,
            person=world.users["member_b"].person,
            time_zone="America/Guatemala",
            language="es",
        )
    return world.meeting


def populate(world):
    """A meeting for the admin's pages, in a partnership of its own call (world.partnership
    does not exist yet when this runs)."""
    from datetime import UTC, datetime

    from puentes.meetings.models import Meeting
    from puentes.networks.tests.factories import CallFactory
    from puentes.partnerships.tests.factories import PartnershipFactory
    from puentes.people.tests.factories import OrganisationFactory

    partnership = PartnershipFactory(
        call=CallFactory(network=world.network, slug="meetings-call"),
        latin_organisation=OrganisationFactory(country_code="CO", code="11001"),
    )
    world.admin_meeting = Meeting.objects.create(
        partnership=partnership,
        title="Bogotá",
        start_at=datetime(2026, 2, 3, 14, 0, tzinfo=UTC),
        end_at=datetime(2026, 2, 3, 15, 0, tzinfo=UTC),
        uid="matrix-admin@puentes",
        sent_at=datetime(2026, 2, 2, 9, 0, tzinfo=UTC),
    )


def _partnership(world):
    return {"pk": world.partnership.pk}


EXAMPLE_KWARGS = {
    "meetings:meeting_list": _partnership,
    "meetings:plan": _partnership,
    "meetings:meeting_create": _partnership,
    "meetings:working_hours": _partnership,
    "meetings:meeting_detail": lambda w: {"pk": w.partnership.pk, "meeting_pk": _meeting(w).pk},
}
