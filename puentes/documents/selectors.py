"""Who may see, share and delete a partnership's documents, and the reads of them.

Documents are for the partnership's members (of either organisation, or member persons) and
coordinators. A mentor sees the partnership but not its documents: the pages answer them 403,
since they know the partnership exists; everyone else gets 404 from partnership_for.
"""

from puentes.partnerships.models import Partnership
from puentes.partnerships.selectors import can_edit_partnership
from puentes.people.access import acts_as_coordinator

from .models import Document


def may_see_documents(user, partnership: Partnership) -> bool:
    """Members of either side and coordinators; the same people who edit the workspace."""
    return can_edit_partnership(user, partnership)


def may_delete_document(user, document: Document, *, sees_documents: bool) -> bool:
    """The uploader, while they still see the partnership's documents, or a coordinator."""
    if not sees_documents:
        return False
    return document.uploaded_by_id == user.pk or acts_as_coordinator(user)


def documents_of(partnership: Partnership):
    """The partnership's documents, newest first, with their uploaders (one query)."""
    return Document.objects.filter(partnership=partnership).listed()


def document_of(partnership: Partnership, pk) -> Document:
    """Document `pk` of this partnership; Document.DoesNotExist for another's, so a document
    id of another partnership is a 404 like any unknown one."""
    return Document.objects.select_related("uploaded_by__person").get(
        partnership=partnership, pk=pk
    )
