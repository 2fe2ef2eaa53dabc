"""The person's own privacy pages: their consents, their data (page and JSON), and the public
privacy notice's earlier versions. Every role in the matrix has a person, so each signed-in
role sees its own pages; a consent is withdrawn only by the person who gave it (member A's
answers 404 to everybody else, so its existence is not revealed)."""

from puentes.people.models import Consent, Person
from puentes.recruitment.tests.factories import PrivacyNoticeFactory
from tests.access.policy import LOGIN, NOT_ALLOWED, NOT_FOUND, OK, PUBLIC, SIGNED_IN, policy

_ONLY_MEMBER_A = {**policy(LOGIN, NOT_FOUND), "member_a": OK}

EXPECTED = {
    "privacy:overview": SIGNED_IN,
    "privacy:consent_new": policy(LOGIN, NOT_ALLOWED),  # a POST from the overview
    "privacy:consent_withdraw": _ONLY_MEMBER_A,
    "privacy:data": SIGNED_IN,
    "privacy:data_json": SIGNED_IN,
    "interests:privacy_notice_version": PUBLIC,
}

EXAMPLE_KWARGS = {
    "privacy:consent_withdraw": lambda w: {"pk": w.consent_a.pk},
    "interests:privacy_notice_version": lambda w: {"version": w.privacy_notice.version},
}


def populate(world):
    world.privacy_notice = PrivacyNoticeFactory(version="access-1")
    world.consent_a = Consent.objects.create(
        person=Person.objects.get(user=world.users["member_a"]),
        notice=world.privacy_notice,
        language="sv",
        given_at=world.privacy_notice.published_at,
    )
