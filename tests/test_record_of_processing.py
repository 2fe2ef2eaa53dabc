"""The record of processing (docs/privacy/) lists every field of every model Puentes stores.

docs/privacy/fields.toml is the register: each model field, whether it is personal data and,
if so, its category, purpose, legal basis, retention, recipients and whether it goes to
Guatemala or Colombia. These tests keep it true as models change: a new field that nobody
classified fails here with the field's name and what to do, and so does a field that is gone,
a personal field without its purpose, and a record whose tables were not regenerated.

The checks are plain functions over field names and the register, so the tests at the end
can show each of them failing on a made-up register or a throwaway model.
"""

import importlib.util
import re
from pathlib import Path

from django.apps import apps
from django.db import models
from django.test.utils import isolate_apps

PRIVACY_DOCS = Path(__file__).resolve().parent.parent / "docs" / "privacy"
REGISTER_NAME = "docs/privacy/fields.toml"
RENDER_COMMAND = ".venv/bin/python docs/privacy/render.py"

# Each personal entry needs these; the value names a key of the table given here.
VOCABULARY_OF = {
    "category": "categories",
    "purpose": "purposes",
    "legal_basis": "legal_bases",
    "retention": "retention",
    "recipients": "recipients",
}
LISTS = {"purpose", "recipients"}

# A field whose name or type looks like personal data must be marked personal or say why not,
# so a new `notes` or `ip_address` cannot slip in as `personal = false` by habit.
LOOKS_PERSONAL_NAME = re.compile(
    r"(?:^|_)(name|email|phone|passport|birth|gender|address|ip|comment|body|needs|note)"
)
LOOKS_PERSONAL_TYPE = {"EmailField", "GenericIPAddressField"}


def _load_render():
    spec = importlib.util.spec_from_file_location("privacy_render", PRIVACY_DOCS / "render.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


render = _load_render()


# --- collecting fields ----------------------------------------------------------------------


def fields_of(model_classes) -> dict[str, str]:
    """`app_label.Model.field` → field type, for every concrete field (many-to-many included)."""
    return {
        f"{model._meta.label}.{field.name}": field.get_internal_type()
        for model in model_classes
        for field in model._meta.get_fields()
        if getattr(field, "concrete", False)
    }


def registered_models(register: dict) -> list:
    """Every installed model, except those of apps the register excludes as holding none."""
    excluded = set(register.get("excluded_apps", {}))
    return [m for m in apps.get_models() if m._meta.app_label not in excluded]


def register_entries(register: dict) -> dict[str, dict]:
    return {
        f"{model}.{field}": entry
        for model, fields in register["fields"].items()
        for field, entry in fields.items()
    }


# --- the checks: each returns a list of problems, one sentence each ------------------------


def missing_from_register(fields: dict[str, str], register: dict) -> list[str]:
    listed = register_entries(register)
    problems = []
    for name in sorted(set(fields) - set(listed)):
        model, field = name.rsplit(".", 1)
        problems.append(
            f"{name} is a model field that {REGISTER_NAME} does not list. Add it under "
            f'[fields."{model}"]: `{field} = {{ personal = false }}`, or, if it can hold '
            "personal data, `personal = true` with category, purpose, legal_basis, retention, "
            f"recipients and transfer; then run {RENDER_COMMAND}."
        )
    return problems


def stale_in_register(fields: dict[str, str], register: dict) -> list[str]:
    gone = sorted(set(register_entries(register)) - set(fields))
    return [
        f"{name} is listed in {REGISTER_NAME} but no model has that field any more. Remove "
        f"it (or rename it to the field's new name), then run {RENDER_COMMAND}."
        for name in gone
    ]


def incomplete_entries(register: dict) -> list[str]:
    problems = []
    for name, entry in register_entries(register).items():
        if not isinstance(entry.get("personal"), bool):
            problems.append(f"{name} needs `personal = true` or `personal = false`.")
        elif entry["personal"]:
            problems += _personal_entry_problems(name, entry, register)
    return problems


def _personal_entry_problems(name: str, entry: dict, register: dict) -> list[str]:
    problems = []
    if not isinstance(entry.get("transfer"), bool):
        problems.append(
            f"{name} is personal: say `transfer = true` or `false` (Guatemala/Colombia)."
        )
    for key, table in VOCABULARY_OF.items():
        value = entry.get(key)
        values = value if key in LISTS and isinstance(value, list) else [value]
        if not value:
            problems.append(
                f"{name} is personal but has no {key}: add one of {sorted(register[table])}."
            )
        for one in values if value else []:
            if one not in register[table]:
                problems.append(
                    f"{name}: {key} {one!r} is not a key of [{table}] in {REGISTER_NAME}."
                )
    return problems


def unexplained_lookalikes(fields: dict[str, str], register: dict) -> list[str]:
    problems = []
    for name, entry in register_entries(register).items():
        field = name.rsplit(".", 1)[1]
        looks = LOOKS_PERSONAL_NAME.search(field) or fields.get(name) in LOOKS_PERSONAL_TYPE
        if looks and not entry.get("personal") and not entry.get("reason_not_personal"):
            problems.append(
                f"{name} looks like personal data but is marked `personal = false` without a "
                "`reason_not_personal`. Mark it personal, or say why it is not."
            )
    return problems


def record_out_of_date(record_text: str, register: dict) -> list[str]:
    if render.generated_part(record_text) == render.render(register):
        return []
    return [f"record-of-processing.md differs from {REGISTER_NAME}: run {RENDER_COMMAND}."]


def _report(problems: list[str]) -> str:
    return "\n".join(problems)


# --- the project as it is -------------------------------------------------------------------


def test_every_field_of_every_model_is_in_the_register():
    register = render.load()

    problems = missing_from_register(fields_of(registered_models(register)), register)

    assert not problems, _report(problems)


def test_the_register_lists_no_field_that_no_longer_exists():
    register = render.load()

    problems = stale_in_register(fields_of(registered_models(register)), register)

    assert not problems, _report(problems)


def test_every_personal_field_says_purpose_legal_basis_retention_recipients_and_transfer():
    problems = incomplete_entries(render.load())

    assert not problems, _report(problems)


def test_fields_that_look_personal_are_marked_personal_or_say_why_not():
    register = render.load()

    problems = unexplained_lookalikes(fields_of(registered_models(register)), register)

    assert not problems, _report(problems)


def test_the_record_shows_the_register_as_it_is():
    record = (PRIVACY_DOCS / "record-of-processing.md").read_text(encoding="utf-8")

    problems = record_out_of_date(record, render.load())

    assert not problems, _report(problems)


def test_apps_left_out_of_the_register_are_installed_and_say_why():
    register = render.load()
    installed = {config.label for config in apps.get_app_configs()}

    for label, reason in register["excluded_apps"].items():
        assert label in installed, f"[excluded_apps] names {label!r}, which is not installed"
        assert reason.strip(), f"[excluded_apps] {label} needs a reason"


def test_the_fields_issue_7_names_are_personal():
    entries = register_entries(render.load())
    named = [
        "people.Person.gender",
        "people.Person.gender_consent_at",
        "partnerships.Comment.body",
        "meetings.WorkingHours.person",
        "meetings.WorkingHours.time_zone",
        "meetings.WorkingHours.day_start",
        "meetings.WorkingHours.day_end",
        "workshops.VisaLetter.passport_name",
        "workshops.VisaLetter.passport_number",
        "workshops.VisaLetter.passport_expires_on",
        "workshops.VisaLetter.date_of_birth",
        "workshops.VisaLetter.nationality",
        "core.OutboxMessage.to_address",
        "core.OutboxMessage.subject",
        "core.OutboxMessage.body_text",
        "core.OutboxMessage.body_html",
        "core.AuditEntry.data",
        "admin.LogEntry.change_message",
    ]

    not_personal = [name for name in named if not entries.get(name, {}).get("personal")]

    assert not not_personal, f"must be listed as personal data: {not_personal}"


def test_every_comment_body_and_every_stored_ip_address_is_personal():
    register = render.load()
    fields = fields_of(registered_models(register))
    entries = register_entries(register)
    comment_bodies = [n for n in fields if "Comment." in n and n.rsplit(".", 1)[1] == "body"]
    addresses = [n for n, kind in fields.items() if kind == "GenericIPAddressField"]

    assert comment_bodies, "expected at least partnerships.Comment.body"
    for name in comment_bodies + addresses:
        assert entries[name]["personal"], f"{name} must be personal data"


def test_the_visa_data_is_kept_30_days_and_never_transferred():
    fields = render.load()["fields"]["workshops.VisaLetter"]

    passport = {k: v for k, v in fields.items() if k.startswith("passport") or k == "date_of_birth"}

    assert {v["retention"] for v in passport.values()} == {"visa_30d"}
    assert not any(v["transfer"] for v in passport.values())


# --- the checks fail when they should -------------------------------------------------------

NAME_ENTRY = {
    "personal": True,
    "category": "identity",
    "purpose": ["network_admin"],
    "legal_basis": "public_task",
    "retention": "network",
    "recipients": ["coordinators"],
    "transfer": False,
}


def small_register(**person_fields) -> dict:
    return {
        "categories": {"identity": "Name"},
        "purposes": {"network_admin": "Knowing who takes part"},
        "legal_bases": {"public_task": "Art. 6(1)(e)"},
        "retention": {"network": "While the network runs"},
        "recipients": {"coordinators": "The secretariat"},
        "fields": {"people.Person": {"id": {"personal": False}, **person_fields}},
    }


def test_a_field_the_register_lacks_is_named_with_what_to_do():
    fields = {"people.Person.id": "BigAutoField", "people.Person.nickname": "CharField"}

    problems = missing_from_register(fields, small_register())

    assert len(problems) == 1
    assert problems[0].startswith("people.Person.nickname is a model field")
    assert 'under [fields."people.Person"]: `nickname = { personal = false }`' in problems[0]
    assert RENDER_COMMAND in problems[0]


def test_a_throwaway_model_with_a_passport_field_fails_against_the_real_register():
    with isolate_apps("puentes.people"):

        class Throwaway(models.Model):
            passport_number = models.CharField(max_length=20)

            class Meta:
                app_label = "people"

            def __str__(self):
                return self.passport_number

        problems = missing_from_register(fields_of([Throwaway]), render.load())

    assert [p.split(" ", 1)[0] for p in problems] == [
        "people.Throwaway.id",
        "people.Throwaway.passport_number",
    ]


def test_a_listed_field_that_no_model_has_is_named():
    register = small_register(name=NAME_ENTRY)

    problems = stale_in_register({"people.Person.id": "BigAutoField"}, register)

    assert len(problems) == 1
    assert problems[0].startswith("people.Person.name is listed in docs/privacy/fields.toml")


def test_a_personal_field_without_retention_is_named():
    entry = {k: v for k, v in NAME_ENTRY.items() if k != "retention"}

    problems = incomplete_entries(small_register(name=entry))

    assert problems == [
        "people.Person.name is personal but has no retention: add one of ['network']."
    ]


def test_a_personal_field_with_an_unknown_legal_basis_or_no_transfer_answer_is_named():
    entry = {k: v for k, v in NAME_ENTRY.items() if k != "transfer"} | {"legal_basis": "whim"}

    problems = incomplete_entries(small_register(name=entry))

    assert sorted(problems) == [
        "people.Person.name is personal: say `transfer = true` or `false` (Guatemala/Colombia).",
        "people.Person.name: legal_basis 'whim' is not a key of [legal_bases] in "
        "docs/privacy/fields.toml.",
    ]


def test_a_personal_looking_name_marked_not_personal_needs_a_reason():
    fields = {"people.Person.id": "BigAutoField", "people.Person.notes": "TextField"}
    silent = small_register(notes={"personal": False})
    explained = small_register(notes={"personal": False, "reason_not_personal": "Always empty."})

    assert len(unexplained_lookalikes(fields, silent)) == 1
    assert unexplained_lookalikes(fields, explained) == []
    assert unexplained_lookalikes(fields, small_register(notes=NAME_ENTRY)) == []


def test_an_email_or_ip_field_with_an_innocent_name_still_needs_a_classification():
    fields = {
        "people.Person.id": "BigAutoField",
        "people.Person.seen_from": "GenericIPAddressField",
    }

    problems = unexplained_lookalikes(fields, small_register(seen_from={"personal": False}))

    assert [p.split(" ", 1)[0] for p in problems] == ["people.Person.seen_from"]


def test_a_register_changed_without_rendering_leaves_the_record_out_of_date():
    record = (PRIVACY_DOCS / "record-of-processing.md").read_text(encoding="utf-8")
    register = render.load()
    register["fields"]["people.Person"]["phone"]["retention"] = "mail_90d"

    problems = record_out_of_date(record, register)

    assert problems == [
        "record-of-processing.md differs from docs/privacy/fields.toml: run "
        ".venv/bin/python docs/privacy/render.py."
    ]
