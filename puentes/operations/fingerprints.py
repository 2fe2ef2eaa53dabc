"""Row counts and content checksums per table, the same on SQLite and PostgreSQL.

Each row is read through the ORM (so both databases give Python values of the same types),
normalised to text, and hashed; a table's checksum is the sum of its rows' hashes modulo
2**256, which does not depend on the order the database returns rows in (text primary keys
sort differently under PostgreSQL's collations than in SQLite).
"""

import datetime
import decimal
import hashlib
import json
import uuid

from django.apps import apps
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder

MODULUS = 2**256
CHUNK = 2000


def table_fingerprints(using: str = "default") -> dict[str, dict]:
    """{table: {"rows": count, "checksum": hex}} for every table of an installed model, and
    the migration record's table (django_migrations)."""
    result = {}
    for model in fingerprinted_models():
        fields = [field.attname for field in model._meta.concrete_fields]
        rows = model._base_manager.using(using).values_list(*fields).iterator(chunk_size=CHUNK)
        result[model._meta.db_table] = _fingerprint(rows)
    recorder = MigrationRecorder.Migration.objects.using(using)
    rows = recorder.values_list("app", "name", "applied").iterator(chunk_size=CHUNK)
    result[MigrationRecorder.Migration._meta.db_table] = _fingerprint(rows)
    return dict(sorted(result.items()))


def fingerprinted_models() -> list:
    """Every model that owns a table (auto-created many-to-many tables included)."""
    seen = set()
    models = []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or meta.swapped or meta.db_table in seen:
            continue
        seen.add(meta.db_table)
        models.append(model)
    return models


def database_tables(using: str = "default") -> set[str]:
    with connections[using].cursor() as cursor:
        return set(connections[using].introspection.table_names(cursor))


def _fingerprint(rows) -> dict:
    count = 0
    total = 0
    for row in rows:
        count += 1
        line = "\x1f".join(normalise(value) for value in row).encode()
        total = (total + int.from_bytes(hashlib.sha256(line).digest(), "big")) % MODULUS
    return {"rows": count, "checksum": f"{total:064x}"}


def normalise(value) -> str:
    """A value as text that is the same whichever database returned it."""
    if value is None:
        return "\x00null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(datetime.UTC)
        return value.isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return str(value.total_seconds())
    if isinstance(value, decimal.Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, bytes | memoryview | bytearray):
        return bytes(value).hex()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return str(value)
