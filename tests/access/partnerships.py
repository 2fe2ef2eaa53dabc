"""Partnerships: the public list is public, the account's list needs a signed-in person; a
partnership's workspace is seen by the members of both organisations, its member persons,
its mentor and coordinators, and is 404 for everyone else. Mentors read only, so the
statement's edit page refuses them (they know the partnership exists), but they comment and
read the activity like everyone who sees the partnership. A comment is deleted by its author
(here member_a) or a coordinator; the phase is changed by coordinators only. In the admin,
coordinators read partnerships and set mentor, phase and members; partnerships are created
only by confirming a match, so adding and deleting are refused."""

from tests.access.policy import (
    FORBIDDEN,
    LOGIN,
    OK,
    PUBLIC,
    READS,
    SET_UP_TOTP,
    SIGNED_IN,
    policy,
)

# World's partnership joins A and B, so member_a and member_b are both in it.
PARTNERS_AND_MENTOR = policy(LOGIN, OK, coordinator=OK, coordinator_without_totp=SET_UP_TOTP)
PARTNERS_ONLY = {**PARTNERS_AND_MENTOR, "mentor": FORBIDDEN}
AUTHOR_AND_COORDINATORS = {**PARTNERS_AND_MENTOR, "member_b": FORBIDDEN, "mentor": FORBIDDEN}
COORDINATORS_OF_IT = {**PARTNERS_AND_MENTOR, "member_a": FORBIDDEN, "member_b": FORBIDDEN}
COORDINATORS_OF_IT["mentor"] = FORBIDDEN

EXPECTED = {
    "partnerships:partnership_list": PUBLIC,
    "partnerships:my_partnerships": SIGNED_IN,
    "partnerships:partnership_detail": PARTNERS_AND_MENTOR,
    "partnerships:statement_edit": PARTNERS_ONLY,
    "partnerships:comment_create": PARTNERS_AND_MENTOR,
    "partnerships:comment_delete": AUTHOR_AND_COORDINATORS,
    "partnerships:phase_change": COORDINATORS_OF_IT,
    "partnerships:partnership_activity": PARTNERS_AND_MENTOR,
}

ADMIN_APPS = {"partnerships": READS}

EXAMPLE_KWARGS = {
    "partnerships:partnership_detail": lambda w: {"pk": w.partnership.pk},
    "partnerships:statement_edit": lambda w: {"pk": w.partnership.pk},
    "partnerships:comment_create": lambda w: {"pk": w.partnership.pk},
    "partnerships:comment_delete": lambda w: {
        "pk": w.partnership.pk,
        "comment_pk": w.partnership_comment.pk,
    },
    "partnerships:phase_change": lambda w: {"pk": w.partnership.pk},
    "partnerships:partnership_activity": lambda w: {"pk": w.partnership.pk},
}


def populate(world):
    from django.utils import timezone

    from puentes.core.audit import audit_record
    from puentes.networks.tests.factories import CallFactory, ReportingPeriodFactory
    from puentes.partnerships import activity
    from puentes.partnerships.models import Comment, PartnershipMember
    from puentes.partnerships.tests.factories import PartnershipFactory, PartnershipMemberFactory
    from puentes.people.tests.factories import OrganisationFactory

    world.partnership = PartnershipFactory(
        call=world.call,
        swedish_organisation=world.organisation_a,
        latin_organisation=world.organisation_b,
        mentor=world.users["mentor"].person,
    )
    PartnershipMemberFactory(partnership=world.partnership, person=world.users["member_a"].person)
    PartnershipMemberFactory(
        partnership=world.partnership,
        person=world.users["member_b"].person,
        side=PartnershipMember.Side.LATIN,
    )
    world.reporting_period = ReportingPeriodFactory(call=world.call)
    world.partnership_comment = Comment.objects.create(
        partnership=world.partnership,
        author=world.users["member_a"],
        author_role=Comment.AuthorRole.SWEDISH,
        body="Vi har bokat resan till workshopen.",
        language="sv",
        created_at=timezone.now(),
    )
    audit_record(
        actor=world.users["coordinator"],
        action=activity.CREATED,
        target=world.partnership,
        data={"swedish": "A", "latin": "B"},
        at=timezone.now(),
    )
    # Another pair of organisations in another call: none of the matrix's members is in it.
    world.other_partnership = PartnershipFactory(
        call=CallFactory(network=world.network, slug="partnerships-other-call"),
        swedish_organisation=OrganisationFactory(
            country_code="SE", code=_other_code("SE", world.organisation_a)
        ),
        latin_organisation=OrganisationFactory(country_code="CO", code="05001"),
    )


def _other_code(country_code, organisation):
    from puentes.people.tests.factories import REAL_ORGANISATIONS

    return next(e.code for e in REAL_ORGANISATIONS[country_code] if e.code != organisation.code)
