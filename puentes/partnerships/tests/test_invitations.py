"""Inviting a person into a partnership by e-mail, and their accepting through the link."""

import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import reverse
from django.utils import timezone, translation

from puentes.core.mail import mail_deliver_due
from puentes.core.models import OutboxMessage
from puentes.core.testing.smtp import text_of
from puentes.partnerships.invitations import (
    AlreadyMember,
    InvalidInvitation,
    SideNotAllowed,
    invitation_member,
    invitation_token,
    partnership_invite,
)
from puentes.partnerships.models import PartnershipMember
from puentes.partnerships.views_invitations import INVITATIONS_PER_HOUR
from puentes.people.models import NetworkRole, Person, User
from puentes.people.tests.factories import (
    DEFAULT_PASSWORD,
    MembershipFactory,
    NetworkRoleFactory,
    OrganisationFactory,
    PersonFactory,
)

from .factories import PartnershipFactory

BACKEND = "allauth.account.auth_backends.AuthenticationBackend"
PASSWORD = "Tre-broar-over-Atlanten-24"


def url(name, language="sv", **kwargs):
    with translation.override(language):
        return reverse(f"partnerships:{name}", kwargs=kwargs)


@pytest.fixture
def partnership(db):
    return PartnershipFactory(
        swedish_organisation=OrganisationFactory(country_code="SE", code="0180"),
        latin_organisation=OrganisationFactory(country_code="GT", code="0101"),
    )


@pytest.fixture
def swedish_member(partnership):
    return MembershipFactory(organisation=partnership.swedish_organisation).person.user


def in_swedish(text):
    with translation.override("sv"):
        return str(text)


def invite(client, partnership, **data):
    fields = {
        "name": "Lucía Pérez",
        "email": "lucia@example.gt",
        "side": "latin",
        "role": "politician",
        "language": "es",
        **data,
    }
    return client.post(url("invitation_create", pk=partnership.pk), fields)


def accept_link(smtp_server, address):
    smtp_server.wait_for(1)
    (message,) = smtp_server.messages_to(address)
    return message, re.search(r"https?://\S+/invitations/\S+/", text_of(message)).group(0)


def test_an_invitee_gets_a_mail_in_their_language_sets_a_password_and_sees_the_workspace(
    client, smtp_server, partnership
):
    # given a member of the Latin American municipality
    latin = MembershipFactory(organisation=partnership.latin_organisation).person.user
    client.force_login(latin, backend=BACKEND)

    # when they invite Lucía in Spanish, and the mail goes out
    response = invite(client, partnership)
    assert response.status_code == 302
    mail_deliver_due(now=timezone.now())

    # then a person, an account without a password and an unverified address exist
    person = Person.objects.get(email="lucia@example.gt")
    assert person.role == "politician" and person.preferred_language == "es"
    assert not person.user.has_usable_password()
    assert not EmailAddress.objects.get(user=person.user).verified
    member = PartnershipMember.objects.get(partnership=partnership, person=person)
    assert member.side == "latin" and member.invited_at and member.joined_at is None
    # and the mail is in Spanish with an absolute link to the Spanish accept page
    message, link = accept_link(smtp_server, "lucia@example.gt")
    assert "Hola, Lucía Pérez" in text_of(message)
    assert link.startswith("http://testserver/es/partnerships/invitations/")

    # when the invitee, signed out, opens it and chooses a password
    client.logout()
    page = client.get(link)
    assert page.status_code == 200 and "password1" in page.content.decode()
    response = client.post(link, {"password1": PASSWORD, "password2": PASSWORD})

    # then they are signed in, a member who joined, and see the workspace
    assert response.status_code == 302
    assert response.url == url("partnership_detail", language="es", pk=partnership.pk)
    person.user.refresh_from_db()
    assert person.user.check_password(PASSWORD)
    assert EmailAddress.objects.get(user=person.user).verified
    member.refresh_from_db()
    assert member.joined_at is not None
    workspace = client.get(response.url)
    assert workspace.status_code == 200
    assert "Lucía Pérez" in workspace.content.decode()


def test_a_weak_or_mismatched_password_is_refused_and_nothing_changes(
    client, swedish_member, partnership
):
    invitation = partnership_invite(
        partnership=partnership,
        name="Erik Berg",
        email="erik@example.se",
        side="swedish",
        role="official",
        language="sv",
        by=swedish_member,
        now=timezone.now(),
        base_url="http://testserver",
    )

    weak = client.post(invitation.accept_url, {"password1": "123", "password2": "123"})
    mismatch = client.post(
        invitation.accept_url, {"password1": PASSWORD, "password2": "x" + PASSWORD}
    )

    assert weak.status_code == 400 and mismatch.status_code == 400
    assert "error-summary" in weak.content.decode()
    invitation.member.refresh_from_db()
    assert invitation.member.joined_at is None
    assert not invitation.member.person.user.has_usable_password()
    assert "_auth_user_id" not in client.session


def test_an_invitee_with_an_account_signs_in_first_and_then_just_joins(
    client, smtp_server, swedish_member, partnership
):
    # given an existing person with an account and a password
    existing = PersonFactory(user__email="anna@example.se", preferred_language="sv")
    client.force_login(swedish_member, backend=BACKEND)

    # when they are invited (even with another name and language)
    invite(
        client, partnership, name="Anna B.", email="Anna@Example.se", side="swedish", language="es"
    )
    mail_deliver_due(now=timezone.now())

    # then nobody is duplicated, and the mail is in the person's own language
    assert Person.objects.filter(email__iexact="anna@example.se").count() == 1
    assert User.objects.filter(email__iexact="anna@example.se").count() == 1
    message, link = accept_link(smtp_server, "anna@example.se")
    assert "Hej" in text_of(message) and "/sv/" in link

    # when they open the link signed out, they are sent to sign in
    client.logout()
    response = client.get(link)
    assert response.status_code == 302 and "next=" in response.url

    # when signed in, they accept
    client.force_login(existing.user, backend=BACKEND)
    assert "password1" not in client.get(link).content.decode()
    response = client.post(link)

    # then they joined, keeping their password
    assert response.status_code == 302
    member = PartnershipMember.objects.get(partnership=partnership, person=existing)
    assert member.joined_at is not None
    existing.user.refresh_from_db()
    assert existing.user.check_password(DEFAULT_PASSWORD)


def test_an_expired_invitation_is_refused_and_nothing_changes(client, swedish_member, partnership):
    now = timezone.now()
    invitation = partnership_invite(
        partnership=partnership,
        name="Erik Berg",
        email="erik@example.se",
        side="swedish",
        role="official",
        language="sv",
        by=swedish_member,
        now=now - timedelta(days=15),
        base_url="http://testserver",
    )
    token = invitation_token(invitation.member, now=now - timedelta(days=15))

    with pytest.raises(InvalidInvitation):
        invitation_member(token, now=now)
    assert invitation_member(token, now=now - timedelta(days=2)) == invitation.member

    response = client.post(invitation.accept_url, {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 404
    assert in_swedish(InvalidInvitation.message) in response.content.decode()
    invitation.member.refresh_from_db()
    assert invitation.member.joined_at is None
    assert not invitation.member.person.user.has_usable_password()


def test_a_tampered_invitation_is_refused(client, swedish_member, partnership):
    invitation = partnership_invite(
        partnership=partnership,
        name="Erik Berg",
        email="erik@example.se",
        side="swedish",
        role="official",
        language="sv",
        by=swedish_member,
        now=timezone.now(),
        base_url="http://testserver",
    )
    token = invitation.accept_url.rstrip("/").rsplit("/", 1)[1]
    other = str(invitation.member.pk + 1) + token[len(str(invitation.member.pk)) :]

    response = client.post(
        url("invitation_accept", token=other), {"password1": PASSWORD, "password2": PASSWORD}
    )

    assert response.status_code == 404
    assert not invitation.member.person.user.has_usable_password()


def test_inviting_someone_who_already_joined_is_refused_without_a_duplicate(
    client, swedish_member, partnership
):
    client.force_login(swedish_member, backend=BACKEND)
    colleague = PersonFactory(user__email="karin@example.se")
    PartnershipMember.objects.create(
        partnership=partnership, person=colleague, side="swedish", joined_at=timezone.now()
    )

    response = invite(client, partnership, email="karin@example.se", side="swedish")

    assert response.status_code == 400
    assert in_swedish(AlreadyMember.message) in response.content.decode()
    assert PartnershipMember.objects.filter(person=colleague).count() == 1
    assert not OutboxMessage.objects.exists()


def test_a_member_invites_only_to_their_own_side(client, swedish_member, partnership):
    client.force_login(swedish_member, backend=BACKEND)

    response = invite(client, partnership, side="latin")

    assert response.status_code == 400
    assert not Person.objects.filter(email="lucia@example.gt").exists()
    with pytest.raises(SideNotAllowed):
        partnership_invite(
            partnership=partnership,
            name="X",
            email="x@example.gt",
            side="latin",
            role="official",
            language="es",
            by=swedish_member,
            now=timezone.now(),
            base_url="http://testserver",
        )
    assert not Person.objects.filter(email="x@example.gt").exists()


def test_a_coordinator_invites_to_either_side(client, partnership):
    coordinator = NetworkRoleFactory(network=partnership.call.network).person.user
    TOTP.activate(coordinator, generate_totp_secret())
    client.force_login(coordinator, backend=BACKEND)

    response = invite(client, partnership, side="latin")

    assert response.status_code == 302
    assert PartnershipMember.objects.filter(person__email="lucia@example.gt", side="latin").exists()


def test_a_mentor_may_not_invite_and_a_stranger_does_not_see_the_page(client, partnership):
    mentor = NetworkRoleFactory(
        network=partnership.call.network, role=NetworkRole.Role.MENTOR
    ).person
    partnership.mentor = mentor
    partnership.save()
    stranger = MembershipFactory(organisation=OrganisationFactory(country_code="CO", code="05001"))

    client.force_login(mentor.user, backend=BACKEND)
    assert client.get(url("invitation_create", pk=partnership.pk)).status_code == 403
    assert invite(client, partnership).status_code == 403
    client.force_login(stranger.person.user, backend=BACKEND)
    assert client.get(url("invitation_create", pk=partnership.pk)).status_code == 404
    assert invite(client, partnership).status_code == 404
    assert not Person.objects.filter(email="lucia@example.gt").exists()


def test_the_workspace_links_to_the_invitation_for_those_who_may_edit(
    client, swedish_member, partnership
):
    client.force_login(swedish_member, backend=BACKEND)

    page = client.get(url("partnership_detail", pk=partnership.pk)).content.decode()

    assert url("invitation_create", pk=partnership.pk) in page


def test_inviting_again_before_joining_resends_without_a_duplicate(
    client, smtp_server, swedish_member, partnership
):
    client.force_login(swedish_member, backend=BACKEND)
    invite(client, partnership, email="erik@example.se", side="swedish", language="sv")
    first = PartnershipMember.objects.get(person__email="erik@example.se").invited_at

    response = invite(client, partnership, email="erik@example.se", side="swedish", language="sv")
    mail_deliver_due(now=timezone.now())

    assert response.status_code == 302
    assert Person.objects.filter(email="erik@example.se").count() == 1
    member = PartnershipMember.objects.get(person__email="erik@example.se")
    assert member.invited_at > first
    assert len(smtp_server.wait_for(2)) == 2


def test_an_invitation_opened_by_another_signed_in_account_changes_nothing(
    client, swedish_member, partnership
):
    existing = PersonFactory(user__email="anna@example.se")
    invitation = partnership_invite(
        partnership=partnership,
        name="Anna",
        email="anna@example.se",
        side="swedish",
        role="official",
        language="sv",
        by=swedish_member,
        now=timezone.now(),
        base_url="http://testserver",
    )
    client.force_login(swedish_member, backend=BACKEND)

    response = client.post(invitation.accept_url)

    assert response.status_code == 403
    assert not PartnershipMember.objects.get(person=existing).joined_at


def test_one_account_cannot_send_endless_invitations(client, swedish_member, partnership, settings):
    from django.core.cache import cache

    cache.clear()
    client.force_login(swedish_member, backend=BACKEND)
    for number in range(INVITATIONS_PER_HOUR):
        invite(client, partnership, email=f"p{number}@example.se", side="swedish")

    response = invite(client, partnership, email="one-too-many@example.se", side="swedish")

    assert response.status_code == 429
    assert not Person.objects.filter(email="one-too-many@example.se").exists()
