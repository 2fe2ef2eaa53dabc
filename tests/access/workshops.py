"""Workshops: the list, each workshop's page and its calendar file are public (drafts only
for coordinators); registering and "my registrations" need an account; a registration is
reached by its person, whoever registered them and coordinators, and is 404 for everyone
else. The check-in, the registrations and the participation rule of every partnership are
the secretariat's; a partnership's workshops page follows the partnership's own access. A
private calendar feed is read by whoever has its secret address. A visa invitation letter
(its page and its PDF, which hold passport data) follows its registration. In the admin,
coordinators plan workshops."""

from tests.access.policy import (
    COORDINATORS,
    LOGIN,
    MANAGES,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    PUBLIC,
    SET_UP_TOTP,
    SIGNED_IN,
    policy,
)

PARTNERS_AND_MENTOR = policy(LOGIN, OK, coordinator=OK, coordinator_without_totp=SET_UP_TOTP)
# member_a's own registration: member_b and the mentor must not learn it exists.
OWN_REGISTRATION = {
    **policy(LOGIN, NOT_FOUND, coordinator=OK, coordinator_without_totp=SET_UP_TOTP),
    "member_a": OK,
}

EXPECTED = {
    "workshops:workshop_list": PUBLIC,
    "workshops:workshop_detail": PUBLIC,
    "workshops:workshop_ics": PUBLIC,
    "workshops:registration_new": SIGNED_IN,
    "workshops:my_registrations": SIGNED_IN,
    "workshops:registration_cancel": OWN_REGISTRATION,
    "workshops:visa_letter": OWN_REGISTRATION,
    "workshops:visa_letter_download": OWN_REGISTRATION,
    "workshops:registration_mark": {**COORDINATORS, "coordinator": NOT_ALLOWED},  # a POST
    "workshops:calendar_feed_renew": policy(LOGIN, NOT_ALLOWED),  # a POST
    "workshops:calendar_feed": PUBLIC,  # whoever has the secret address
    "workshops:coordination": COORDINATORS,
    "workshops:workshop_registrations": COORDINATORS,
    "workshops:workshop_checkin": COORDINATORS,
    "workshops:rule_overview": COORDINATORS,
    "workshops:partnership_workshops": PARTNERS_AND_MENTOR,
}

ADMIN_APPS = {"workshops": MANAGES}

EXAMPLE_KWARGS = {
    "workshops:workshop_detail": lambda w: {"pk": w.workshop.pk},
    "workshops:workshop_ics": lambda w: {"pk": w.workshop.pk},
    "workshops:registration_new": lambda w: {"pk": w.workshop.pk},
    "workshops:registration_cancel": lambda w: {"pk": w.registration.pk},
    "workshops:registration_mark": lambda w: {"pk": w.registration.pk},
    "workshops:visa_letter": lambda w: {"pk": w.visa_registration.pk},
    "workshops:visa_letter_download": lambda w: {"pk": w.visa_registration.pk},
    "workshops:calendar_feed": lambda w: {"token": w.calendar_feed.token},
    "workshops:workshop_registrations": lambda w: {"pk": w.workshop.pk},
    "workshops:workshop_checkin": lambda w: {"pk": w.workshop.pk},
    "workshops:partnership_workshops": lambda w: {"pk": w.partnership.pk},
}


def populate(world):
    import datetime

    from django.utils import timezone

    from puentes.people.tests.factories import reference_country
    from puentes.workshops.models import CalendarFeed, VisaLetter
    from puentes.workshops.tests.factories import RegistrationFactory, WorkshopFactory

    now = timezone.now()
    start = now + datetime.timedelta(days=60)
    world.workshop = WorkshopFactory(
        call=world.call,
        start_at=start,
        end_at=start + datetime.timedelta(days=2),
        registration_opens_at=now - datetime.timedelta(days=1),
        registration_closes_at=now + datetime.timedelta(days=30),
    )
    member_a = world.users["member_a"]
    world.registration = RegistrationFactory(
        workshop=world.workshop,
        person=member_a.person,
        registered_by=member_a,
        partnership=getattr(world, "partnership", None),
    )
    world.calendar_feed = CalendarFeed.objects.create(
        person=member_a.person, token="matrix-example-token"
    )
    # A place at a workshop in Sweden, with the passport data of a visa letter.
    world.visa_registration = RegistrationFactory(
        workshop=WorkshopFactory(
            call=world.call,
            city="Göteborg",
            country=reference_country("SE"),
            time_zone="Europe/Stockholm",
            start_at=start,
            end_at=start + datetime.timedelta(days=2),
            registration_opens_at=now - datetime.timedelta(days=1),
            registration_closes_at=now + datetime.timedelta(days=30),
        ),
        person=member_a.person,
        registered_by=member_a,
    )
    VisaLetter.objects.create(
        registration=world.visa_registration,
        requested_at=now,
        passport_name="Anna Andersson",
        nationality="svensk",
        date_of_birth=datetime.date(1980, 1, 1),
        passport_number="AB1234567",
        passport_expires_on=start.date() + datetime.timedelta(days=3650),
    )
