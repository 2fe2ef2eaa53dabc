"""Reads for the privacy pages: the person's consents, the notice versions, and everything
the platform holds about the person (collected from the sources in export.py)."""

import datetime
import decimal
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext_lazy as _

from puentes.core.i18n import pick
from puentes.core.models import AuditEntry
from puentes.people.models import Consent, Person, PrivacyNotice

from .export import PERSON, SOURCES, Source


def consents_of(person) -> list[Consent]:
    return list(person.consents.select_related("notice").order_by("-given_at"))


def published_notices(now) -> list[PrivacyNotice]:
    """Every published version, newest first."""
    return list(PrivacyNotice.objects.filter(published_at__lte=now).order_by("-published_at"))


def notice_to_consent_to(person, now) -> PrivacyNotice | None:
    """The latest notice, if the person has no standing consent to it but gave one before.

    Only someone who consented to an earlier version is asked again: consent is given with
    what it is for (an expression of interest), not collected for its own sake.
    """
    latest = PrivacyNotice.objects.filter(published_at__lte=now).order_by("-published_at").first()
    if latest is None:
        return None
    consents = person.consents.all()
    if not consents.exists() or consents.filter(notice=latest, withdrawn_at__isnull=True).exists():
        return None
    return latest


# --- The person's data -------------------------------------------------------------------


def _plain(value):
    """A JSON-ready value: dates as ISO 8601, files by name, objects by their name."""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or None
    if value is None or isinstance(value, bool | int | float | str | dict | list):
        return value
    return str(value)


def _value(obj, path: str):
    for attribute in path.split("."):
        if obj is None:
            return None
        obj = getattr(obj, attribute)
    return _plain(obj)


def _select_related(source: Source) -> list[str]:
    return sorted({"__".join(path.split(".")[:-1]) for path in source.fields if "." in path})


def _owner_filter(source: Source, person, user) -> Q | None:
    query = Q()
    for lookup, owner in source.via:
        target = person if owner == PERSON else user
        if target is not None:
            query |= Q(**{lookup: target.pk})
    return query or None


def _rows(source: Source, person, user) -> list[dict]:
    where = _owner_filter(source, person, user)
    if where is None:
        return []
    model = apps.get_model(source.model)
    records = model._default_manager.filter(where).select_related(*_select_related(source))
    return [
        {path: _value(record, path) for path in source.fields} for record in records.order_by("pk")
    ]


def _audit_about(person) -> list[dict]:
    """What others (and the system) recorded about the person's own data."""
    person_type = ContentType.objects.get_for_model(Person)
    entries = AuditEntry.objects.filter(
        Q(scope_type=person_type, scope_id=str(person.pk))
        | Q(target_type=person_type, target_id=str(person.pk))
    ).order_by("at", "pk")
    return [{"action": e.action, "at": e.at.isoformat(), "data": e.data} for e in entries]


def person_data(person) -> dict:
    """Everything Puentes holds about the person, section by section, ready for JSON.

    One query per section, whatever the number of records.
    """
    user = person.user
    data = {source.key: _rows(source, person, user) for source in SOURCES}
    data["audit_about_you"] = _audit_about(person)
    return data


# --- The readable page -------------------------------------------------------------------


@dataclass
class Section:
    key: str
    title: str
    headings: list[str]
    rows: list[list[str]]


# A related record's name is headed by what it is ("organisation"), not by "name".
NAMING_FIELDS = {"name", "names", "title", "titles", "version"}


def _heading(model, path: str) -> str:
    *relations, last = path.split(".")
    relation = None
    for name in relations:
        relation = model._meta.get_field(name)
        model = relation.related_model
    if relation is not None and last in NAMING_FIELDS:
        return str(relation.verbose_name)
    if last == "id":
        return str(model._meta.verbose_name)
    return str(model._meta.get_field(last).verbose_name)


def _readable(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, dict):
        text, _code = pick(value)
        return text or ", ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def readable_sections(data: dict) -> list[Section]:
    """The download as tables with translated headings, in the order of export.SOURCES."""
    sections = []
    for source in SOURCES:
        model = apps.get_model(source.model)
        headings = [_heading(model, path) for path in source.fields]
        rows = [[_readable(row[path]) for path in source.fields] for row in data[source.key]]
        sections.append(Section(source.key, source.title, headings, rows))
    about = [[e["action"], e["at"], _readable(e["data"])] for e in data["audit_about_you"]]
    headings = [str(_("action")), str(_("at")), str(_("details"))]
    sections.append(Section("audit_about_you", _("What was recorded about you"), headings, about))
    return sections
