"""A partnership's documents: its members (member_a and member_b act for its two
municipalities) and coordinators list, share and download them; the mentor knows the
partnership but gets 403 here; anyone else 404. A document is deleted by its uploader
(member_a in this world) or a coordinator, so member_b gets 403 there. In the admin,
coordinators read documents and change nothing."""

from tests.access.policy import FORBIDDEN, LOGIN, OK, READS, SET_UP_TOTP, policy

MEMBERS_AND_COORDINATORS = {
    **policy(LOGIN, OK, coordinator=OK, coordinator_without_totp=SET_UP_TOTP),
    "mentor": FORBIDDEN,
}

EXPECTED = {
    "documents:document_list": MEMBERS_AND_COORDINATORS,
    "documents:document_upload": MEMBERS_AND_COORDINATORS,
    "documents:document_download": MEMBERS_AND_COORDINATORS,
    "documents:document_delete": {**MEMBERS_AND_COORDINATORS, "member_b": FORBIDDEN},
}

ADMIN_APPS = {"documents": READS}

EXAMPLE_KWARGS = {
    "documents:document_list": lambda w: {"pk": w.partnership.pk},
    "documents:document_upload": lambda w: {"pk": w.partnership.pk},
    "documents:document_download": lambda w: {
        "pk": w.partnership.pk,
        "document_pk": example_document(w).pk,
    },
    "documents:document_delete": lambda w: {
        "pk": w.partnership.pk,
        "document_pk": example_document(w).pk,
    },
}


def populate(world):
    """Areas populate in the order of their module names, so world.partnership
    (tests/access/partnerships.py) does not exist yet when this runs: the document the URLs
    ask for is shared the first time one does (example_document). The admin's example, the
    first document, is shared here, by a coordinator in a partnership of its own call."""
    from puentes.networks.tests.factories import CallFactory
    from puentes.partnerships.tests.factories import PartnershipFactory

    partnership = PartnershipFactory(call=CallFactory(network=world.network))
    _share(partnership, world.users["coordinator"], "Acta de la reunión.txt")


def example_document(world):
    """member_a's report in world.partnership, shared through the service, once per world."""
    if getattr(world, "document", None) is None:
        world.document = _share(world.partnership, world.users["member_a"], "Informe 2024.txt")
    return world.document


def _share(partnership, by, name):
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from puentes.documents.services import document_upload

    return document_upload(
        partnership=partnership,
        uploaded_file=ContentFile(f"{name}\n".encode(), name=name),
        title=name.removesuffix(".txt"),
        description="",
        language="es",
        by=by,
        now=timezone.now(),
    )
