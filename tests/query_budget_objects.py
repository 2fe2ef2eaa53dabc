"""The generated objects the query budgets (tests/test_query_budgets.py) measure pages on,
and the few records bench.generate does not make (a document, a comment, a meeting, a visa
letter, accounts for a partnership's members), made alike at every size."""

from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils import timezone

from bench.gen_recruitment import COORDINATOR_EMAIL, MEMBER_EMAIL, SLUG_PREFIX


@dataclass
class Bench:
    """The generated objects the pages are measured on: the same shape at every size (the
    first network's open call and first closed call, its first partnership, an open workshop
    in Sweden), and a few records bench.generate does not make, made here alike."""

    network: object
    open_call: object
    closed_call: object
    partnership: object
    period: object  # an ended period with a signed-off report
    current_period: object  # the period of the draft report
    plan: dict
    workshop: object
    registration: object  # the Swedish partner's, with a visa letter
    feed_token: str
    document: object
    comment: object
    meeting: object
    interest: object  # a draft in the open call, of the interest owner's organisation
    review_interest: object  # submitted, in the open call
    profile: object  # published in the open call
    value: object
    users: dict  # role → user
    api_token: str
    notice: object  # a privacy notice the Swedish partner consented to
    consent: object


def _user_for(person, email):
    from allauth.account.models import EmailAddress

    from puentes.people.models import User

    user = User.objects.create(email=email)
    person.user = user
    person.save(update_fields=["user"])
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def bench_objects() -> Bench:
    from puentes.api.models import ApiToken, token_digest
    from puentes.documents.services import document_upload
    from puentes.meetings.models import Meeting, MeetingInvitee
    from puentes.networks.models import Network
    from puentes.partnerships.models import Comment, PartnershipMember
    from puentes.people.models import Consent, User
    from puentes.recruitment.models import Interest, SeekingProfile
    from puentes.recruitment.tests.factories import PrivacyNoticeFactory
    from puentes.workshops.models import CalendarFeed, Registration, VisaLetter, Workshop

    now, today = timezone.now(), timezone.localdate()
    network = Network.objects.filter(slug__startswith=SLUG_PREFIX).order_by("slug").first()
    calls = network.calls.order_by("open_date", "pk")
    open_call = calls.filter(close_date__gte=today).first()
    closed_call = calls.filter(close_date__lt=today).first()
    partnership = closed_call.partnerships.order_by("pk").first()
    members = PartnershipMember.objects.filter(partnership=partnership).order_by("pk")
    swedish = members.filter(side="swedish").first().person
    latin = members.filter(side="latin").first().person
    reports = partnership.progress_reports.order_by("period__start_date")
    plan = partnership.plan
    outcome = plan.outcomes.order_by("position", "pk").first()
    output = outcome.outputs.order_by("position", "pk").first()
    indicator = outcome.indicators.order_by("pk").first()
    users = {
        "coordinator": User.objects.get(email=COORDINATOR_EMAIL),
        "member": User.objects.get(email=MEMBER_EMAIL),
        "swedish_partner": _user_for(swedish, "swedish-partner@bench.puentes.test"),
        "latin_partner": _user_for(latin, "latin-partner@bench.puentes.test"),
    }
    interest = Interest.objects.filter(call=open_call, status="draft").order_by("pk").first()
    owner = interest.organisation.memberships.order_by("pk").first().person
    users["interest_owner"] = _user_for(owner, "interest-owner@bench.puentes.test")
    workshop = (
        Workshop.objects.filter(call=open_call, state="open", country__code="SE")
        .order_by("start_at", "pk")
        .first()
    )
    registration, _ = Registration.objects.get_or_create(
        workshop=workshop,
        person=swedish,
        defaults={
            "partnership": partnership,
            "organisation_id": partnership.swedish_organisation_id,
            "status": "registered",
            "registered_at": now,
            "status_changed_at": now,
            "registered_by": users["swedish_partner"],
        },
    )
    VisaLetter.objects.create(
        registration=registration,
        requested_at=now,
        passport_name="Bench Partner",
        nationality="svensk",
        date_of_birth=datetime.date(1980, 1, 1),
        passport_number="AB1234567",
        passport_expires_on=today + datetime.timedelta(days=3650),
    )
    feed = CalendarFeed.objects.create(person=swedish, token=secrets.token_urlsafe(24))
    document = document_upload(
        partnership=partnership,
        uploaded_file=ContentFile(b"Informe\n", name="Informe.txt"),
        title="Informe",
        language="es",
        by=users["swedish_partner"],
        now=now,
    )
    comment = Comment.objects.create(
        partnership=partnership,
        author=users["swedish_partner"],
        author_role=Comment.AuthorRole.SWEDISH,
        body="Vi har bokat resan.",
        language="sv",
        created_at=now,
    )
    meeting = Meeting.objects.create(
        partnership=partnership,
        title="Uppföljning / Seguimiento",
        start_at=now + datetime.timedelta(days=7),
        end_at=now + datetime.timedelta(days=7, hours=1),
        uid=f"budgets-{secrets.token_hex(8)}@puentes",
        sent_by=users["swedish_partner"],
        sent_at=now,
    )
    MeetingInvitee.objects.create(
        meeting=meeting, person=latin, time_zone="America/Guatemala", language="es"
    )
    notice = PrivacyNoticeFactory(version="budgets-1")
    consent = Consent.objects.create(
        person=swedish, notice=notice, language="sv", given_at=notice.published_at
    )
    token = secrets.token_urlsafe(32)
    ApiToken.objects.create(
        user=users["coordinator"], name="budgets", prefix=token[:8], digest=token_digest(token)
    )
    return Bench(
        network=network,
        open_call=open_call,
        closed_call=closed_call,
        partnership=partnership,
        period=reports.filter(status="submitted").first().period,
        current_period=reports.filter(status="draft").first().period,
        plan={
            "outcome": outcome,
            "output": output,
            "activity": output.activities.order_by("position", "pk").first(),
            "indicator": indicator,
            "assumption": plan.assumptions.order_by("position", "pk").first(),
        },
        workshop=workshop,
        registration=registration,
        feed_token=feed.token,
        document=document,
        comment=comment,
        meeting=meeting,
        interest=interest,
        review_interest=Interest.objects.filter(call=open_call, status="submitted")
        .order_by("pk")
        .first(),
        profile=SeekingProfile.objects.filter(call=open_call, status="approved")
        .order_by("pk")
        .first(),
        value=indicator.values.order_by("period__start_date").first(),
        users=users,
        api_token=token,
        notice=notice,
        consent=consent,
    )
