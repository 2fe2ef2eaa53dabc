"""What a conflict page shows: the editor's version next to the saved one, field by field,
written out as a reader sees them (choices by their label, dates and numbers in the page's
language)."""

from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.template.defaultfilters import floatformat
from django.utils import formats
from django.utils.translation import gettext


@dataclass(frozen=True)
class Row:
    label: str
    lang: str  # the language of user-written text, "" otherwise
    yours: str | None  # None: nothing to compare (a delete, say)
    saved: str | None  # None: the item is gone

    @property
    def differs(self) -> bool:
        return self.yours is not None and self.saved is not None and self.yours != self.saved


def shown(field: forms.Field, value) -> str:
    """A form value as the page shows it; empty as ""."""
    if value is None or value == "":
        return ""
    if isinstance(field, forms.BooleanField):
        return gettext("Yes") if value else gettext("No")
    if isinstance(field, forms.ChoiceField):
        return str(dict(field.choices).get(value, value))
    if isinstance(field, forms.DateField):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(value, Decimal | int | float):
        return floatformat(value, "-2")
    return str(value).strip()


def compare(form: forms.Form, yours: dict | None, saved: dict | None) -> list[Row]:
    """One row per visible field of `form` that either side fills in."""
    rows = []
    for name, field in form.fields.items():
        if field.widget.is_hidden:
            continue
        mine = shown(field, yours.get(name)) if yours is not None else None
        theirs = shown(field, saved.get(name)) if saved is not None else None
        if not (mine or theirs):
            continue
        rows.append(
            Row(
                label=str(field.label),
                lang=field.widget.attrs.get("lang", ""),
                yours=mine,
                saved=theirs,
            )
        )
    return rows
