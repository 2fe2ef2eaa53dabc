"""A partnership of Stockholm and Guatemala City with the people around it: a member of each
municipality, a member person, the mentor, a coordinator (with TOTP), and an outsider."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.core.files.base import ContentFile
from django.utils import timezone

from puentes.documents.services import document_upload
from puentes.partnerships.models import Partnership
from puentes.partnerships.tests.factories import PartnershipFactory, PartnershipMemberFactory
from puentes.people.models import NetworkRole
from puentes.people.tests.factories import (
    MembershipFactory,
    NetworkRoleFactory,
    OrganisationFactory,
    PersonFactory,
)

from .samples import tiny_pdf

SIGN_IN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


@pytest.fixture
def partnership(db):
    return PartnershipFactory(
        swedish_organisation=OrganisationFactory(country_code="SE", code="0180"),
        latin_organisation=OrganisationFactory(country_code="GT", code="0101"),
    )


@pytest.fixture
def other_partnership(db):
    return PartnershipFactory(
        swedish_organisation=OrganisationFactory(country_code="SE", code="1480"),
        latin_organisation=OrganisationFactory(country_code="CO", code="05001"),
    )


@pytest.fixture
def swedish_member(partnership):
    return MembershipFactory(organisation=partnership.swedish_organisation).person.user


@pytest.fixture
def latin_member(partnership):
    person = PersonFactory(name="María José Caal", preferred_language="es", languages=["es"])
    MembershipFactory(organisation=partnership.latin_organisation, person=person)
    return person.user


@pytest.fixture
def member_person(partnership):
    """In the partnership as a person, without acting for either municipality."""
    return PartnershipMemberFactory(partnership=partnership).person.user


@pytest.fixture
def mentor(partnership):
    person = NetworkRoleFactory(
        network=partnership.call.network, role=NetworkRole.Role.MENTOR
    ).person
    Partnership.objects.filter(pk=partnership.pk).update(mentor=person)
    return person.user


@pytest.fixture
def coordinator(partnership):
    user = NetworkRoleFactory(network=partnership.call.network).person.user
    TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    return user


@pytest.fixture
def outsider(other_partnership):
    return MembershipFactory(organisation=other_partnership.swedish_organisation).person.user


@pytest.fixture
def sign_in(client):
    def sign_in_as(user):
        client.force_login(user, backend=SIGN_IN_BACKEND)
        return client

    return sign_in_as


@pytest.fixture
def share():
    """share(partnership, by, name=..., content=..., title=...): a document through the
    service, as the upload page makes one."""

    def share_file(partnership, by, name="Informe año 2025.pdf", content=None, title="Informe"):
        content = content if content is not None else tiny_pdf(title, [title])
        return document_upload(
            partnership=partnership,
            uploaded_file=ContentFile(content, name=name),
            title=title,
            description="",
            language="es",
            by=by,
            now=timezone.now(),
        )

    return share_file
