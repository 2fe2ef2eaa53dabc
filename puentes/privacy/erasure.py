"""Erasure: a person is anonymised everywhere, and stays so after an older backup is restored.

The person's rows stay, so that every figure that counts them (registrations, attendance,
partnership membership, roles, consents) keeps its number; what identifies them goes:

- the person's name becomes "Erased person #<id>", the e-mail address a placeholder under
  the reserved, non-routable `.invalid` domain; phone, title, gender and languages are cleared;
- their account is deactivated with an unusable password and the placeholder address; its
  allauth addresses, MFA authenticators, API tokens, calendar feed and sessions are deleted;
- what they wrote or gave about themself is deleted or blanked (comments, workshop needs,
  positions, passport data, working hours), and so are e-mails addressed to them;
- finally every text and JSON column of every table is searched for their name, addresses
  and phone number, and each occurrence is replaced (audit details, mail to others, free
  texts that mention them). This sweep is what makes "everywhere" true for tables added
  later, at the price of reading each text column once per erasure, which is rare.

Each erasure is appended to a ledger file outside the database (PUENTES_ERASURE_LEDGER) with
the person's id and the time their record was created, nothing else. `puentes restore` calls
`erasures_reapply` so that restoring a backup older than an erasure does not bring the person
back. The line is written inside the erasure's transaction, before it commits: if the file
cannot be written the erasure fails; if the commit then fails the person asked to be erased
anyway, and the next restore erases them, which errs on the side of the person.
"""

import json
import re

from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection, models, transaction
from django.utils.translation import gettext_lazy as _

from puentes.core import audit
from puentes.people.models import Person

from .models import Erasure

PERSON_ERASED = audit.action("privacy.person_erased", _("%(actor)s erased this person's data."))

# Tables the sweep leaves alone: sessions hold encoded data (the person's are deleted), and
# the privacy app's own rows hold no personal data.
_NOT_SWEPT = {Session, Erasure}
_TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


class AlreadyErased(Exception):
    """The person was erased before."""


class MigrateFirst(Exception):
    """The database (restored from an older release) lacks the erasure table: run `puentes
    migrate`, then `puentes reapply_erasures`."""


def placeholder_name(person_pk: int) -> str:
    # Not translated: it is stored, and read by people of every language.
    return f"Erased person #{person_pk}"


def placeholder_email(person_pk: int) -> str:
    return f"erased-{person_pk}@erased.invalid"


@transaction.atomic
def person_erase(*, person: Person, by, now, reason: str, ledger: bool = True) -> Erasure:
    """Anonymise `person` everywhere and record the erasure (see the module's docstring)."""
    person = Person.objects.select_for_update(of=("self",)).select_related("user").get(pk=person.pk)
    if Erasure.objects.filter(person_pk=person.pk).exists():
        raise AlreadyErased(person.pk)
    needles = _needles(person)
    _erase_person_row(person)
    if person.user is not None:
        _erase_account(person.user, person.pk)
    _erase_what_they_gave(person, needles)
    _sweep(needles)
    erasure = Erasure.objects.create(
        person=person,
        person_pk=person.pk,
        person_created_at=person.created_at,
        by=by if by is not None and by.is_authenticated else None,
        reason=reason,
        erased_at=now,
    )
    audit.audit_record(
        actor=by, action=PERSON_ERASED, target=person, data={"reason": reason}, at=now
    )
    if ledger:
        ledger_append(erasure)
    return erasure


def _needles(person: Person) -> dict[str, str]:
    """{text to find: what replaces it}: the person's addresses, name and phone number."""
    needles = {}
    for address in {person.email, getattr(person.user, "email", "")}:
        if address:
            needles[address] = placeholder_email(person.pk)
    # A very short name or number would match inside unrelated words.
    if len(person.name.strip()) >= 4:
        needles[person.name.strip()] = placeholder_name(person.pk)
    if sum(c.isdigit() for c in person.phone) >= 6:
        needles[person.phone.strip()] = ""
    return needles


def _erase_person_row(person: Person) -> None:
    person.name = placeholder_name(person.pk)
    person.email = placeholder_email(person.pk)
    person.phone = person.title = person.gender = ""
    person.gender_consent_at = None
    person.languages = []
    person.save()


def _erase_account(user, person_pk: int) -> None:
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    from puentes.api.models import ApiToken

    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    ApiToken.objects.filter(user=user).delete()
    _delete_sessions_of(user)
    user.email = placeholder_email(person_pk)
    user.is_active = False
    user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.save()


def _delete_sessions_of(user) -> None:
    # Sessions are keyed by a random id, not the user: each one is decoded to find theirs.
    theirs = [
        session.pk
        for session in Session.objects.iterator()
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk)
    ]
    Session.objects.filter(pk__in=theirs).delete()


def _erase_what_they_gave(person: Person, needles: dict[str, str]) -> None:
    from puentes.core.models import OutboxMessage
    from puentes.meetings.models import WorkingHours
    from puentes.partnerships.models import Comment
    from puentes.workshops.models import CalendarFeed, Registration, VisaLetter

    person.memberships.update(position="")
    if person.user_id is not None:
        # A comment cannot be empty (a constraint), and one without its text says nothing.
        Comment.objects.filter(author_id=person.user_id).delete()
    Registration.objects.filter(person=person).update(dietary_needs="", accessibility_needs="")
    VisaLetter.objects.filter(registration__person=person).update(
        passport_name="",
        nationality="",
        date_of_birth=None,
        passport_number="",
        passport_expires_on=None,
    )
    WorkingHours.objects.filter(person=person).delete()
    CalendarFeed.objects.filter(person=person).delete()
    addresses = [text for text in needles if "@" in text]
    if addresses:
        query = models.Q()
        for address in addresses:
            query |= models.Q(to_address__iexact=address)
        OutboxMessage.objects.filter(query).delete()


def _sweep(needles: dict[str, str]) -> None:
    """Replace every occurrence of the needles in every text and JSON column of every table."""
    if not needles:
        return
    pattern = re.compile(
        "|".join(re.escape(n) for n in sorted(needles, key=len, reverse=True)), re.I
    )
    lowered = {n.lower(): r for n, r in needles.items()}

    def replace(text: str) -> str:
        return pattern.sub(lambda m: lowered[m.group(0).lower()], text)

    for model in apps.get_models():
        if model in _NOT_SWEPT or not model._meta.managed or model._meta.proxy:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, _TEXT_FIELDS):
                _sweep_column(model, field, needles, replace)
            elif isinstance(field, models.BinaryField):
                _sweep_bytes(model, field, needles)


def _sweep_column(model, field, needles, replace) -> None:
    query = models.Q()
    for needle in needles:
        query |= models.Q(**{f"{field.attname}__icontains": needle})
        if isinstance(field, models.JSONField):
            # JSON text may hold the needle escaped (ensure_ascii on SQLite, say).
            escaped = json.dumps(needle)[1:-1]
            if escaped != needle:
                query |= models.Q(**{f"{field.attname}__icontains": escaped})
    rows = model._base_manager.filter(query).values_list("pk", field.attname)
    for pk, value in rows:
        if isinstance(field, models.JSONField):
            new = _replace_in_json(value, replace)
        else:
            new = replace(value)
            if field.max_length:
                new = new[: field.max_length]
        if new != value:
            model._base_manager.filter(pk=pk).update(**{field.attname: new})


def _sweep_bytes(model, field, needles) -> None:
    # Binary columns (mail attachments such as calendar invitations, which list attendees'
    # addresses) cannot be searched by the database: each row is read and searched here.
    patterns = [
        (re.compile(re.escape(needle.encode()), re.I), replacement.encode())
        for needle, replacement in needles.items()
    ]
    rows = model._base_manager.values_list("pk", field.attname).iterator()
    for pk, value in rows:
        new = bytes(value or b"")
        for pattern, replacement in patterns:
            new = pattern.sub(replacement, new)
        if new != bytes(value or b""):
            model._base_manager.filter(pk=pk).update(**{field.attname: new})


def _replace_in_json(value, replace):
    if isinstance(value, str):
        return replace(value)
    if isinstance(value, list):
        return [_replace_in_json(item, replace) for item in value]
    if isinstance(value, dict):
        return {replace(key): _replace_in_json(item, replace) for key, item in value.items()}
    return value


# The ledger: one JSON line per erasure, outside the database.


def ledger_append(erasure: Erasure) -> None:
    path = settings.PUENTES_ERASURE_LEDGER
    path.parent.mkdir(parents=True, exist_ok=True)
    line = {
        "person": erasure.person_pk,
        "person_created_at": erasure.person_created_at.isoformat(),
        "erased_at": erasure.erased_at.isoformat(),
    }
    with open(path, "a", encoding="utf-8") as ledger:
        ledger.write(json.dumps(line) + "\n")
        ledger.flush()


def ledger_read() -> list[dict]:
    path = settings.PUENTES_ERASURE_LEDGER
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as ledger:
        return [json.loads(line) for line in ledger if line.strip()]


def erasures_reapply(*, now) -> list[int]:
    """Erase again every person in the ledger whom the database does not show as erased (after
    restoring an older backup); returns their ids. A person is matched by id and creation
    time, so that an id given again to someone new after a restore is not taken for theirs."""
    if Erasure._meta.db_table not in connection.introspection.table_names():
        raise MigrateFirst
    done = set(Erasure.objects.values_list("person_pk", flat=True))
    erased = []
    for line in ledger_read():
        if line["person"] in done:
            continue
        person = Person.objects.filter(pk=line["person"]).first()
        if person is None or person.created_at.isoformat() != line["person_created_at"]:
            continue
        person_erase(person=person, by=None, now=now, reason=Erasure.Reason.RESTORED, ledger=False)
        done.add(person.pk)
        erased.append(person.pk)
    return erased
