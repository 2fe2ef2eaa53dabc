"""Recruitment in the admin: coordinators read profiles, interests and their history there;
decisions are taken through the services (admin actions and the review pages), never by
editing rows, so adding and deleting are refused."""

from tests.access.policy import READS

ADMIN_APPS = {"recruitment": READS}


def populate(world):
    from puentes.recruitment.models import Transition
    from puentes.recruitment.tests.factories import InterestFactory, SeekingProfileFactory

    world.admin_profile = SeekingProfileFactory(call=world.call, organisation=world.organisation_b)
    world.admin_interest = InterestFactory(call=world.call, organisation=world.organisation_a)
    Transition.objects.create(
        interest=world.admin_interest,
        to_status=world.admin_interest.status,
        by=world.users["member_a"],
        at=world.admin_interest.created_at,
    )
