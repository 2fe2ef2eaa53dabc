"""A partner-seeking municipality hears the secretariat's decision on its profile, in its
contact person's language, through the outbox."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from puentes.core.mail import mail_deliver_due
from puentes.core.models import OutboxMessage
from puentes.core.testing.smtp import text_of
from puentes.recruitment.models import SeekingProfile
from puentes.recruitment.services import RecruitmentError, profile_decide

from .factories import ContactPersonFactory, SeekingProfileFactory

PUBLISHED_SUBJECT = "%(municipality)s is now published as seeking a partner"
NOT_PUBLISHED_SUBJECT = "The profile of %(municipality)s was not published"


def subject_in(language, msgid, municipality):
    with translation.override(language):
        return gettext(msgid) % {"municipality": municipality}


def test_publishing_a_profile_tells_its_contact_in_spanish(smtp_server, call, coordinator, now):
    contact = ContactPersonFactory(email="rosa@coban.example.org", preferred_language="es")
    profile = SeekingProfileFactory(
        call=call, contact=contact, status=SeekingProfile.Status.SUBMITTED
    )

    profile_decide(profile=profile, approve=True, reason="", by=coordinator, now=now)
    mail_deliver_due(now=now)

    [mail] = smtp_server.wait_for(1)
    assert mail["To"] == "rosa@coban.example.org"
    expected = subject_in("es", PUBLISHED_SUBJECT, profile.organisation.name)
    assert str(mail["Subject"]).strip() == expected
    assert expected != PUBLISHED_SUBJECT % {"municipality": profile.organisation.name}


def test_a_refusal_tells_the_contact_why(smtp_server, call, coordinator, now):
    contact = ContactPersonFactory(email="rosa@coban.example.org", preferred_language="en")
    profile = SeekingProfileFactory(
        call=call, contact=contact, status=SeekingProfile.Status.SUBMITTED
    )

    profile_decide(
        profile=profile,
        approve=False,
        reason="The challenge text is empty.",
        by=coordinator,
        now=now,
    )
    mail_deliver_due(now=now)

    [mail] = smtp_server.wait_for(1)
    assert str(mail["Subject"]).strip() == NOT_PUBLISHED_SUBJECT % {
        "municipality": profile.organisation.name
    }
    assert "The challenge text is empty." in text_of(mail)


def test_a_refused_decision_queues_no_mail(call, coordinator, now):
    profile = SeekingProfileFactory(call=call, status=SeekingProfile.Status.SUBMITTED)

    with pytest.raises(RecruitmentError):
        profile_decide(profile=profile, approve=False, reason="  ", by=coordinator, now=now)

    assert not OutboxMessage.objects.exists()
