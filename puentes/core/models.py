from django.db import models
from django.utils.translation import gettext_lazy as _

from .i18n import pick, translated


class TimeStampedModel(models.Model):
    """Base for every Puentes model: when a row was made and last changed."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class TranslatedText:
    """Accessor for a JSON {language: text} field in the current language."""

    def __init__(self, field_name: str):
        self.field_name = field_name

    def __get__(self, instance, owner):
        if instance is None:
            return self
        return translated(getattr(instance, self.field_name))


def text_in(instance, field_name: str, language: str | None = None) -> tuple[str, str]:
    return pick(getattr(instance, field_name), language)
