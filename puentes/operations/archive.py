"""The backup archive: one .tar.gz file holding

manifest.json        what the archive holds and how to check it (see manifest_build)
database.sqlite3     a SQLite database file, or
database.pgdump      a PostgreSQL dump in pg_dump's custom format
media/...            the uploaded files (MEDIA_ROOT), with their paths below it
"""

import hashlib
import io
import json
import tarfile
from collections import defaultdict
from importlib import metadata
from pathlib import Path

from django.db import connections
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


class ArchiveInvalid(Exception):
    """The file is not a Puentes backup, or its content does not match its manifest."""


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def media_files(root: Path) -> dict[str, str]:
    """{path below root: sha256} of every file under root (empty when root is missing)."""
    if not root.is_dir():
        return {}
    return {
        path.relative_to(root).as_posix(): file_sha256(path)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def latest_migrations(using: str = "default") -> dict[str, str]:
    """The latest applied migration of each app (names start with their number)."""
    latest = defaultdict(str)
    for app, name in MigrationRecorder(connections[using]).applied_migrations():
        latest[app] = max(latest[app], name)
    return dict(sorted(latest.items()))


def manifest_build(*, vendor, created_at, database_file, tables, media, migrations) -> dict:
    return {
        "format": FORMAT,
        "puentes_version": metadata.version("puentes"),
        "created_at": created_at.isoformat(),
        "database": {
            "vendor": vendor,
            "file": database_file.name,
            "sha256": file_sha256(database_file),
        },
        "migrations": migrations,
        "tables": tables,
        "media": media,
    }


def archive_write(path: Path, *, manifest: dict, database_file: Path, media_root: Path) -> None:
    data = json.dumps(manifest, indent=2, sort_keys=True).encode()
    with tarfile.open(path, "w:gz") as archive:
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(data)
        info.mode = 0o600
        archive.addfile(info, io.BytesIO(data))
        archive.add(database_file, arcname=database_file.name)
        for name in manifest["media"]:
            archive.add(media_root / name, arcname=f"{MEDIA_PREFIX}/{name}")


def manifest_read(path: Path) -> dict:
    try:
        with tarfile.open(path, "r:gz") as archive:
            member = archive.extractfile(MANIFEST)
            manifest = json.loads(member.read())
    except (OSError, KeyError, tarfile.TarError, ValueError, AttributeError) as exc:
        raise ArchiveInvalid(f"{path} is not a Puentes backup archive ({exc}).") from exc
    if manifest.get("format") != FORMAT:
        raise ArchiveInvalid(f"{path} has an unknown archive format {manifest.get('format')!r}.")
    return manifest


def archive_extract(path: Path, into: Path, manifest: dict) -> tuple[Path, Path]:
    """Extract into a folder and check every file against the manifest; returns the
    database file and the media folder."""
    with tarfile.open(path, "r:gz") as archive:
        archive.extractall(into, filter="data")
    database_file = into / manifest["database"]["file"]
    if not database_file.is_file() or file_sha256(database_file) != manifest["database"]["sha256"]:
        raise ArchiveInvalid(f"The database file in {path} is missing or damaged.")
    media_root = into / MEDIA_PREFIX
    if media_files(media_root) != manifest["media"]:
        raise ArchiveInvalid(f"The uploaded files in {path} differ from its manifest.")
    return database_file, media_root
