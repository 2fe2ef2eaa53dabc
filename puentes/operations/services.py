"""`backup_create` and `backup_restore`: the database and the uploaded files, together.

Restore refuses what it cannot restore faithfully (another database vendor, migrations this
code does not have, a database or media folder that is not empty without `force`), checks
every file of the archive before changing anything, and checks every table's row count and
checksum after restoring (on SQLite before the live database is touched as well).
"""

import datetime
import logging
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connections
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from puentes.core import public_cache

from . import databases
from .archive import (
    DATABASE_FILES,
    archive_extract,
    archive_write,
    latest_migrations,
    manifest_build,
    manifest_read,
    media_files,
)
from .fingerprints import database_tables, fingerprinted_models, table_fingerprints

logger = logging.getLogger(__name__)

# Tables `migrate` fills by itself: rows there do not make a database "not empty".
FILLED_BY_MIGRATE = {"django_migrations", "django_content_type", "auth_permission"}


class RestoreRefused(Exception):
    """The archive cannot be restored here; nothing was changed."""


class RestoreMismatch(Exception):
    """After restoring, a table's row count or checksum differs from the manifest."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: dict


def backup_create(*, destination: Path, now: datetime.datetime, using="default") -> BackupResult:
    """Write one archive with the database and MEDIA_ROOT. A folder as destination gets a
    dated file name inside it. The archive appears only when it is complete."""
    if destination.is_dir():
        destination = destination / f"puentes-backup-{now:%Y%m%d-%H%M%S}.tar.gz"
    vendor = _supported_vendor(using)
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(dir=destination.parent) as work:
        database_file = Path(work) / DATABASE_FILES[vendor]
        if vendor == "sqlite":
            databases.sqlite_copy_to(database_file, using)
            with databases.sqlite_file_alias(database_file, using) as alias:
                tables = table_fingerprints(alias)
                migrations = latest_migrations(alias)
        else:
            tables = databases.postgres_dump(database_file, using)
            migrations = latest_migrations(using)
        manifest = manifest_build(
            vendor=vendor,
            created_at=now,
            database_file=database_file,
            tables=tables,
            media=media_files(media_root),
            migrations=migrations,
        )
        partial = Path(work) / "archive.partial"
        archive_write(
            partial, manifest=manifest, database_file=database_file, media_root=media_root
        )
        # The archive holds personal data: readable by its owner only.
        partial.chmod(0o600)
        partial.replace(destination)
    logger.info("Backup written to %s", destination)
    return BackupResult(path=destination, manifest=manifest)


def backup_restore(*, archive: Path, force: bool = False, using="default") -> dict:
    """Restore the archive's database and uploaded files; returns its manifest."""
    manifest = manifest_read(archive)
    _refuse_if_not_restorable(manifest, force=force, using=using)
    version_before = _page_version_or_zero()
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=media_root.parent, prefix=".restore-") as work:
        database_file, media_copy = archive_extract(archive, Path(work), manifest)
        if manifest["database"]["vendor"] == "sqlite":
            _restore_sqlite(database_file, manifest, using)
        else:
            databases.postgres_restore(database_file, using)
            ContentType.objects.clear_cache()
            _verify(table_fingerprints(using), manifest, when="after restoring")
        _swap_media(media_copy, media_root)
    # Pages cached before the restore must never be served again (see public_cache). A
    # backup from before the version table existed has none until `puentes migrate`.
    try:
        public_cache.version_advance_past(version_before, using=using)
    except DatabaseError:
        logger.warning("No page version table yet: run puentes migrate, then clear the cache")
    logger.info("Restored %s (made %s)", archive, manifest["created_at"])
    # An older backup may hold people erased since it was made: the ledger outside the
    # database erases them again, after the checks above (which compare with the archive).
    # A backup from a release before the ledger's table is migrated first (the command says so).
    from puentes.privacy.erasure import MigrateFirst, erasures_reapply

    try:
        manifest["erasures_reapplied"] = erasures_reapply(now=timezone.now())
    except MigrateFirst:
        manifest["erasures_reapplied"] = None
    return manifest


def _page_version_or_zero() -> int:
    try:
        return public_cache.page_version()
    except DatabaseError:  # a database restored before the version table existed
        return 0


def _restore_sqlite(database_file: Path, manifest: dict, using: str) -> None:
    databases.sqlite_check(database_file)
    with databases.sqlite_file_alias(database_file, using) as alias:
        _verify(table_fingerprints(alias), manifest, when="before restoring")
    databases.sqlite_copy_from(database_file, using)
    ContentType.objects.clear_cache()
    _verify(table_fingerprints(using), manifest, when="after restoring")


def _swap_media(media_copy: Path, media_root: Path) -> None:
    media_copy.mkdir(exist_ok=True)
    previous = media_root.with_name(f".{media_root.name}-before-restore")
    if previous.exists():
        shutil.rmtree(previous)
    if media_root.exists():
        media_root.rename(previous)
    media_copy.rename(media_root)
    if previous.exists():
        shutil.rmtree(previous)


def _verify(found: dict, manifest: dict, *, when: str) -> None:
    expected = manifest["tables"]
    differences = [
        f"{table}: {expected.get(table)} in the archive, {found.get(table)} {when}"
        for table in sorted(set(expected) | set(found))
        if expected.get(table) != found.get(table)
    ]
    if differences:
        raise RestoreMismatch("; ".join(differences))


def _refuse_if_not_restorable(manifest: dict, *, force: bool, using: str) -> None:
    vendor = _supported_vendor(using)
    if manifest["database"]["vendor"] != vendor:
        raise RestoreRefused(
            f"The archive holds a {manifest['database']['vendor']} database and this site "
            f"uses {vendor}: restore it on a site with the same database."
        )
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    unknown = [f"{app}.{name}" for app, name in manifest["migrations"].items()]
    unknown = [label for label in unknown if tuple(label.split(".", 1)) not in known]
    if unknown:
        raise RestoreRefused(
            "The archive was made by a newer version of Puentes (migrations unknown here: "
            f"{', '.join(unknown)}). Upgrade Puentes first, then restore."
        )
    if force:
        return
    if filled := _tables_with_rows(using):
        raise RestoreRefused(
            f"The database is not empty (rows in {', '.join(filled[:5])}"
            f"{' and more' if len(filled) > 5 else ''}). Use --force to replace it."
        )
    if media_files(Path(settings.MEDIA_ROOT)):
        raise RestoreRefused(
            f"The media folder {settings.MEDIA_ROOT} holds files. Use --force to replace it."
        )


def _tables_with_rows(using: str) -> list[str]:
    present = database_tables(using)
    return [
        model._meta.db_table
        for model in fingerprinted_models()
        if model._meta.db_table in present - FILLED_BY_MIGRATE
        and model._base_manager.using(using).exists()
    ]


def _supported_vendor(using: str) -> str:
    vendor = connections[using].vendor
    if vendor not in DATABASE_FILES:
        raise RestoreRefused(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor
