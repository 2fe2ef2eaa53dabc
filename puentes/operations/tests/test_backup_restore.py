"""`puentes backup` then `puentes restore` gives back every row and every uploaded byte, on
whichever database the suite runs with (SQLite by default, PostgreSQL with DATABASE_URL)."""

import hashlib
import io
import json
import shutil
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from puentes.documents.models import Document
from puentes.documents.storage import document_storage
from puentes.operations.fingerprints import table_fingerprints
from puentes.people.models import User

from .conftest import UPLOADED, media_contents, rewrite_manifest


def backup(tmp_path) -> tuple[Path, str]:
    out = io.StringIO()
    archive = tmp_path / "backups" / "puentes.tar.gz"
    archive.parent.mkdir()
    call_command("backup", str(archive), stdout=out)
    return archive, out.getvalue()


def wipe() -> None:
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(settings.MEDIA_ROOT)


def restore(archive, *args) -> str:
    out = io.StringIO()
    call_command("restore", str(archive), *args, stdout=out)
    return out.getvalue()


def test_a_restore_gives_back_every_row_of_every_table_and_every_uploaded_byte(
    demo_world, tmp_path
):
    tables_before = table_fingerprints()
    files_before = media_contents()
    archive, printed = backup(tmp_path)
    wipe()
    assert not User.objects.exists()
    assert media_contents() == {}

    printed_restore = restore(archive)

    assert table_fingerprints() == tables_before
    assert media_contents() == files_before
    document = Document.objects.get(pk=demo_world.pk)
    with document_storage().open(document.file.name) as stored:
        assert stored.read() == UPLOADED
    assert len(files_before) == 3
    assert tables_before["people_user"]["rows"] > 3
    assert tables_before["documents_document"]["rows"] == 3
    assert f"{connection.vendor} database" in printed
    assert "3 uploaded files" in printed and "3 uploaded files" in printed_restore


def test_the_archive_holds_a_manifest_the_database_and_the_uploaded_files(demo_world, tmp_path):
    archive, _ = backup(tmp_path)

    with tarfile.open(archive, "r:gz") as opened:
        names = opened.getnames()
        manifest = json.loads(opened.extractfile("manifest.json").read())

    database_file = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
    assert names[0] == "manifest.json"
    assert database_file[connection.vendor] in names
    assert sorted(name for name in names if name.startswith("media/")) == sorted(
        f"media/{name}" for name in media_contents()
    )
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["migrations"]["documents"].startswith("000")
    assert manifest["tables"] == table_fingerprints()
    assert manifest["puentes_version"] and manifest["created_at"]


def test_a_backup_into_a_folder_gets_a_dated_name(small_world, tmp_path):
    call_command("backup", str(tmp_path), stdout=io.StringIO())

    (archive,) = tmp_path.glob("puentes-backup-*.tar.gz")
    assert tarfile.is_tarfile(archive)
    assert archive.stat().st_mode & 0o777 == 0o600  # it holds personal data


def test_a_database_that_is_not_empty_is_replaced_only_with_force(small_world, tmp_path):
    archive, _ = backup(tmp_path)
    first = small_world[0]
    User.objects.filter(pk=first.pk).update(email="changed@example.org")

    with pytest.raises(CommandError, match="database is not empty"):
        restore(archive)
    assert User.objects.filter(email="changed@example.org").exists()

    restore(archive, "--force")
    assert not User.objects.filter(email="changed@example.org").exists()
    assert User.objects.filter(email=first.email).exists()


def test_an_empty_database_with_uploaded_files_left_is_not_restored_without_force(
    small_world, tmp_path
):
    archive, _ = backup(tmp_path)
    call_command("flush", interactive=False, verbosity=0)

    with pytest.raises(CommandError, match="media folder .* holds files"):
        restore(archive)
    assert not User.objects.exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda m: m["database"].update(vendor="mysql"),
            "holds a mysql database and this site uses",
        ),
        (
            lambda m: m["migrations"].update(documents="0999_from_the_future"),
            r"newer version of Puentes \(migrations unknown here: documents.0999_from_the_future",
        ),
        (lambda m: m["media"].popitem(), "uploaded files .* differ from its manifest"),
        (lambda m: m["database"].update(sha256="0" * 64), "database file .* damaged"),
    ],
    ids=["other-vendor", "newer-migrations", "media-changed", "database-damaged"],
)
def test_an_archive_that_cannot_be_restored_faithfully_is_refused_and_nothing_changes(
    small_world, tmp_path, change, message
):
    archive, _ = backup(tmp_path)
    rewrite_manifest(archive, change)
    wipe()

    with pytest.raises(CommandError, match=f"Nothing was restored: .*{message}"):
        restore(archive)

    assert not User.objects.exists()
    assert media_contents() == {}


def test_rows_that_differ_from_the_manifest_fail_the_restore_loudly(small_world, tmp_path):
    archive, _ = backup(tmp_path)
    rewrite_manifest(archive, lambda m: m["tables"]["people_user"].update(rows=1))
    wipe()

    with pytest.raises(CommandError, match="differs from the archive's manifest: people_user"):
        restore(archive)

    if connection.vendor == "sqlite":
        # SQLite checks the copy before the live database is touched.
        assert not User.objects.exists()


def test_a_database_file_the_database_cannot_read_is_rolled_back_and_nothing_changes(
    small_world, tmp_path
):
    archive, _ = backup(tmp_path)
    garbage = b"this is not a database dump " * 100
    database_file = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
    name = database_file[connection.vendor]
    rewrite_manifest(
        archive,
        lambda m: m["database"].update(sha256=hashlib.sha256(garbage).hexdigest()),
        replace={name: garbage},
    )
    tables_before = table_fingerprints()
    files_before = media_contents()

    with pytest.raises(CommandError, match="The restore failed and was rolled back"):
        restore(archive, "--force")

    assert table_fingerprints() == tables_before
    assert media_contents() == files_before


def test_something_that_is_not_an_archive_is_refused(transactional_db, tmp_path):
    bogus = tmp_path / "bogus.tar.gz"
    bogus.write_bytes(b"not a backup")

    with pytest.raises(CommandError, match="not a Puentes backup archive"):
        restore(bogus)


def test_after_a_restore_the_public_page_version_is_above_any_it_had_before(small_world, tmp_path):
    # given a backup made at a low version, then many changes cached under higher ones
    from puentes.core import public_cache

    archive, _ = backup(tmp_path)
    for _ in range(5):
        public_cache.bump_version()
    before = public_cache.page_version()
    wipe()

    restore(archive)

    # then no later version can meet a page cached before the restore
    assert public_cache.page_version() > before
