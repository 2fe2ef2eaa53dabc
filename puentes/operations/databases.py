"""What backup and restore do differently on SQLite and PostgreSQL.

SQLite: the database is copied with SQLite's online backup API (a consistent copy even while
the site runs), and restored by copying a checked temporary file back with the same API, in
one transaction on the live database. PostgreSQL: pg_dump in its custom format from the same
snapshot the manifest's counts are read in, and pg_restore in a single transaction.
"""

import contextlib
import os
import sqlite3
import subprocess
from pathlib import Path

from django.db import connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.utils import load_backend

from .fingerprints import table_fingerprints

TEMP_ALIAS = "puentes_operations_copy"


class ToolFailed(Exception):
    """pg_dump or pg_restore ended with an error; the message is its error output."""


def sqlite_copy_to(path: Path, using: str = "default") -> None:
    """A consistent copy of the live SQLite database at `path`."""
    wrapper = connections[using]
    wrapper.ensure_connection()
    target = sqlite3.connect(path)
    try:
        wrapper.connection.backup(target)
    except sqlite3.Error as exc:
        raise ToolFailed(f"SQLite backup: {exc}") from exc
    finally:
        target.close()


def sqlite_copy_from(path: Path, using: str = "default") -> None:
    """Replace the live SQLite database's whole content by the file at `path`, in one step:
    a failure leaves the live database as it was. (Copying rather than renaming the file also
    reaches app servers that hold the old file open, and in-memory test databases.)"""
    wrapper = connections[using]
    wrapper.ensure_connection()
    source = sqlite3.connect(path)
    try:
        source.backup(wrapper.connection)
    except sqlite3.Error as exc:
        raise ToolFailed(f"SQLite restore: {exc}") from exc
    finally:
        source.close()


def sqlite_check(path: Path) -> None:
    source = sqlite3.connect(path)
    try:
        (result,) = source.execute("PRAGMA integrity_check").fetchone()
    except sqlite3.Error as exc:
        raise ToolFailed(f"SQLite integrity check: {exc}") from exc
    finally:
        source.close()
    if result != "ok":
        raise ToolFailed(f"SQLite integrity check: {result}")


@contextlib.contextmanager
def sqlite_file_alias(path: Path, using: str = "default"):
    """A database alias for a SQLite file, so the ORM can read the copy before it is used."""
    settings_dict = {**connections[using].settings_dict, "NAME": str(path)}
    wrapper: BaseDatabaseWrapper = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(
        settings_dict, TEMP_ALIAS
    )
    connections[TEMP_ALIAS] = wrapper
    try:
        yield TEMP_ALIAS
    finally:
        wrapper.close()
        del connections[TEMP_ALIAS]


def postgres_dump(path: Path, using: str = "default") -> dict:
    """pg_dump (custom format) of the database into `path`; returns the table fingerprints
    read in the very snapshot the dump was taken from."""
    wrapper = connections[using]
    with transaction.atomic(using=using):
        with wrapper.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            (snapshot,) = cursor.fetchone()
        _run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges"]
            + [f"--snapshot={snapshot}", f"--file={path}"]
            + _connection_arguments(wrapper),
            wrapper,
        )
        return table_fingerprints(using)


def postgres_restore(path: Path, using: str = "default") -> None:
    """pg_restore of a custom-format dump in one transaction: all of it or nothing."""
    wrapper = connections[using]
    wrapper.close()
    _run(
        ["pg_restore", "--single-transaction", "--clean", "--if-exists", "--no-owner"]
        + ["--no-privileges", "--exit-on-error"]
        + _connection_arguments(wrapper)
        + [str(path)],
        wrapper,
    )


def _connection_arguments(wrapper) -> list[str]:
    settings_dict = wrapper.settings_dict
    arguments = [f"--dbname={settings_dict['NAME']}"]
    if settings_dict.get("HOST"):
        arguments.append(f"--host={settings_dict['HOST']}")
    if settings_dict.get("PORT"):
        arguments.append(f"--port={settings_dict['PORT']}")
    if settings_dict.get("USER"):
        arguments.append(f"--username={settings_dict['USER']}")
    return arguments


def _run(command: list[str], wrapper) -> None:
    # The password goes through the environment, never the command line (visible in ps).
    env = {**os.environ, "PGCONNECT_TIMEOUT": "10"}
    if wrapper.settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = wrapper.settings_dict["PASSWORD"]
    sslmode = wrapper.settings_dict.get("OPTIONS", {}).get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = sslmode
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise ToolFailed(f"{command[0]}: {result.stderr.strip() or result.returncode}")
