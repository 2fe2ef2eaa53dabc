"""Forms that edit a JSON {language: text} map as one plain text field per language.

Declare the maps a ModelForm edits and the form gets fields such as ``names_sv``,
``names_es`` and ``names_en``, filled from the instance and written back into the map
on save. Languages outside settings.LANGUAGES already in the map are kept.
"""

import re
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.models import ModelFormMetaclass
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

# C0 control characters other than tab, line feed and carriage return, and DEL. NUL is left to
# the validator Django puts on every CharField. They cannot be seen or typed on purpose, break
# the XML of spreadsheets and some mail clients, and only arrive pasted from another program.
CONTROL_CHARACTERS = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")


def refuse_control_characters(value: str) -> None:
    """A form field validator: text must not hold invisible control characters."""
    if value and CONTROL_CHARACTERS.search(value):
        raise ValidationError(
            _(
                "This text holds invisible control characters (often pasted from another "
                "program). Remove them, or type the text again."
            ),
            code="control_characters",
        )


@dataclass(frozen=True)
class TranslatedField:
    """One JSON {language: text} model field edited per language."""

    name: str
    label: str
    multiline: bool = False
    # At least one language must have text (e.g. a name); the others may stay empty.
    required: bool = False
    max_length: int | None = None


def language_field_name(map_name: str, language: str) -> str:
    return f"{map_name}_{language}"


def translated_text_fields(spec: TranslatedField) -> dict[str, forms.CharField]:
    """Build one form field per configured language for a JSON text map."""
    fields = {}
    for code, language_name in settings.LANGUAGES:
        attrs = {"lang": code}
        widget = (
            forms.Textarea(attrs={**attrs, "rows": 4})
            if spec.multiline
            else forms.TextInput(attrs={**attrs, "size": 60})
        )
        fields[language_field_name(spec.name, code)] = forms.CharField(
            label=format_lazy("{} ({})", spec.label, language_name),
            required=False,
            max_length=spec.max_length,
            widget=widget,
            validators=[refuse_control_characters],
        )
    return fields


class TranslatedTextFormMetaclass(ModelFormMetaclass):
    """Declares the per-language fields, so admin fieldsets and templates can name them."""

    def __new__(mcs, name, bases, attrs):
        for spec in attrs.get("translated_fields", ()):
            for field_name, field in translated_text_fields(spec).items():
                attrs.setdefault(field_name, field)
        new_class = super().__new__(mcs, name, bases, attrs)
        for spec in getattr(new_class, "translated_fields", ()):
            # The raw JSON field must not be edited next to its per-language fields.
            new_class.base_fields.pop(spec.name, None)
        return new_class


class TranslatedTextModelForm(forms.ModelForm, metaclass=TranslatedTextFormMetaclass):
    """A ModelForm whose ``translated_fields`` JSON maps are edited one language at a time."""

    translated_fields: tuple[TranslatedField, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for spec in self.translated_fields:
            texts = getattr(self.instance, spec.name, None) or {}
            for code, _name in settings.LANGUAGES:
                field_name = language_field_name(spec.name, code)
                if field_name in self.fields and field_name not in self.initial:
                    self.initial[field_name] = texts.get(code, "")

    def clean(self):
        cleaned_data = super().clean()
        for spec in self.translated_fields:
            names = [language_field_name(spec.name, code) for code, _n in settings.LANGUAGES]
            if not any(name in self.fields for name in names):
                continue
            texts = dict(getattr(self.instance, spec.name, None) or {})
            for (code, _n), field_name in zip(settings.LANGUAGES, names, strict=True):
                if field_name not in self.fields:
                    continue
                text = (cleaned_data.get(field_name) or "").strip()
                if text:
                    texts[code] = text
                else:
                    texts.pop(code, None)
            if spec.required and not any(texts.values()):
                self.add_error(names[0], _("Write this in at least one language."))
            # construct_instance skips the JSON field (it is not a form field), so set it here.
            setattr(self.instance, spec.name, texts)
        return cleaned_data
