"""Documents in the admin, read only, for coordinators to look things up: what was shared
where, by whom, how large. The stored file is not shown, nor any link to it: files are served
only by the download view, to those who may see them. Sharing and deleting go through the
workspace's pages (services.document_upload / document_delete)."""

from django.contrib import admin
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from puentes.core.admin_readonly import ReadOnlyAdminMixin

from .models import Document


@admin.register(Document)
class DocumentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = [
        "__str__",
        "partnership",
        "content_type",
        "file_size",
        "uploaded_by",
        "uploaded_at",
    ]
    list_filter = ["content_type"]
    list_select_related = [
        "partnership__swedish_organisation",
        "partnership__latin_organisation",
        "uploaded_by",
    ]
    search_fields = ["original_name", "sha256", "partnership__swedish_organisation__name"]
    date_hierarchy = "uploaded_at"
    fields = [
        "partnership",
        "titles",
        "descriptions",
        "original_name",
        "content_type",
        "file_size",
        "sha256",
        "uploaded_by",
        "uploaded_at",
    ]
    readonly_fields = fields

    @admin.display(description=_("size"), ordering="size")
    def file_size(self, document):
        return filesizeformat(document.size)
