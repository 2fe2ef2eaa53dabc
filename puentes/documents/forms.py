"""The upload form. It checks only what a form can (a file was chosen and was not over the
limit, a title); the file's content is judged by the service, whose reasons the view shows
on the file field."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .checks import ACCEPTED_ENDINGS
from .checks.refusals import TooLarge
from .services import DESCRIPTION_MAX, TITLE_MAX, max_upload_bytes


def _file_hint():
    return format_lazy(
        "{} {}",
        _(
            "PDF, PNG or JPEG image, Word (DOCX), Excel (XLSX), PowerPoint (PPTX), OpenDocument "
            "text or spreadsheet (ODT, ODS), or plain text or CSV saved as UTF-8."
        ),
        _("At most %(max)s.") % {"max": filesizeformat(max_upload_bytes())},
    )


class DocumentUploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        error_messages={"required": _("Choose the file to share.")},
        allow_empty_file=True,  # the content checks refuse empty files with their own words
        widget=forms.FileInput(attrs={"accept": ",".join(ACCEPTED_ENDINGS)}),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX,
        help_text=_("What the document is, so both partners find it, e.g. “Notes, May 2024”."),
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    language = forms.ChoiceField(
        label=_("Language of the title and description"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, too_large=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.too_large = too_large
        if too_large:  # the file never arrived (uploads.py): clean_file says why
            self.fields["file"].required = False
        self.fields["file"].help_text = _file_hint()
        self.fields["language"].initial = (get_language() or settings.LANGUAGE_CODE)[:2]

    def clean_file(self):
        if self.too_large:
            raise forms.ValidationError(TooLarge(max_upload_bytes()).message)
        return self.cleaned_data["file"]
