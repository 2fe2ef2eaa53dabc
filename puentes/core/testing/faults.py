"""Make the database refuse the N-th write of a service, to show the service leaves no part behind.

A service that writes several rows must write all of them or none. To test that for real, the
database connection itself refuses one statement: `fail_at_write(n)` installs a
`connection.execute_wrapper` that raises `InjectedWriteFailure` (an `OperationalError`, as a
lost connection or a full disk would) instead of running the n-th INSERT, UPDATE or DELETE.
Nothing in the service is replaced; everything before the refused statement really ran.

`assert_all_or_nothing(run)` does the whole drill for one service call:

1. runs `run()` once inside a transaction that is rolled back, counting its writes (N) and the
   tables they touch;
2. for each n in 1..N, snapshots those tables (every row) and the row count of every table,
   runs `run()` with the n-th write refused, and asserts nothing changed: no partial rows, no
   queued mail, no audit entry;
3. runs `run()` once more without a fault and asserts it did change something, so the drill
   cannot pass for a service that writes nothing.

`run` must fetch the objects it works on afresh each time (a failed attempt may have changed
the Python objects it was given, even though the database rolled back).
"""

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.apps import apps
from django.db import connection, transaction
from django.db.utils import OperationalError

WRITE = re.compile(r"^\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+\"?([\w]+)\"?", re.IGNORECASE)


class InjectedWriteFailure(OperationalError):
    """The database connection refused a write on purpose (see `fail_at_write`)."""


class _Rollback(Exception):
    """Leaves the counting run's transaction without keeping anything."""


@dataclass
class WriteLog:
    """The writes one piece of code sent to the database, in order."""

    statements: list[str] = field(default_factory=list)

    @property
    def tables(self) -> set[str]:
        return {WRITE.match(sql).group(2) for sql in self.statements}

    def __len__(self) -> int:
        return len(self.statements)


def is_write(sql: str) -> bool:
    return WRITE.match(sql) is not None


@contextmanager
def count_writes() -> Iterator[WriteLog]:
    """Record every INSERT, UPDATE and DELETE sent on the default connection in the block."""
    log = WriteLog()

    def wrapper(execute, sql, params, many, context):
        if is_write(sql):
            log.statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield log


@contextmanager
def fail_at_write(n: int) -> Iterator[WriteLog]:
    """Refuse the n-th write (1-based) in the block with `InjectedWriteFailure`."""
    if n < 1:
        raise ValueError("Writes are counted from 1")
    log = WriteLog()

    def wrapper(execute, sql, params, many, context):
        if is_write(sql):
            log.statements.append(sql)
            if len(log.statements) == n:
                raise InjectedWriteFailure(f"write {n} refused on purpose: {sql[:200]}")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield log


def caused_by_fault(exc: BaseException | None) -> bool:
    """Whether `exc` is the injected refusal, or was raised while handling it."""
    while exc is not None:
        if isinstance(exc, InjectedWriteFailure):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def writes_of(run: Callable[[], object]) -> WriteLog:
    """The writes `run()` makes, counted in a transaction that is then rolled back."""
    try:
        with transaction.atomic(), count_writes() as log:
            run()
            raise _Rollback
    except _Rollback:
        pass
    return log


def row_counts() -> dict[str, int]:
    """{table: number of rows} for every table of every installed model."""
    tables = sorted({model._meta.db_table for model in apps.get_models(include_auto_created=True)})
    existing = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        counts = {}
        for table in tables:
            if table in existing:
                # Table names come from the installed models, not from input.
                sql = f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}"  # noqa: S608
                cursor.execute(sql)
                counts[table] = cursor.fetchone()[0]
    return counts


def rows_of(tables) -> dict[str, list[tuple]]:
    """Every row of each table, sorted, so two snapshots compare equal when nothing changed."""
    snapshot = {}
    with connection.cursor() as cursor:
        for table in sorted(tables):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            snapshot[table] = sorted(tuple(map(repr, row)) for row in cursor.fetchall())
    return snapshot


@dataclass(frozen=True)
class Snapshot:
    counts: dict[str, int]
    rows: dict[str, list[tuple]]

    @classmethod
    def take(cls, tables) -> "Snapshot":
        return cls(counts=row_counts(), rows=rows_of(tables))

    def changes_since(self, before: "Snapshot") -> list[str]:
        changed = [
            f"{table}: {before.counts.get(table)} -> {count} rows"
            for table, count in self.counts.items()
            if before.counts.get(table) != count
        ]
        changed += [
            f"{table}: rows changed"
            for table, rows in self.rows.items()
            if before.rows.get(table) != rows and f"{table}:" not in " ".join(changed)
        ]
        return changed


def assert_all_or_nothing(
    run: Callable[[], object],
    *,
    min_writes: int = 2,
    outside: Callable[[], object] | None = None,
) -> WriteLog:
    """Refuse each write of `run()` in turn and assert each time that nothing was kept.

    Returns the writes of the successful run. Fails if `run()` writes fewer than `min_writes`
    rows (then it is not a multi-step service, or the scenario does not reach its writes).
    `outside` returns state kept outside the database (stored files, say), which a refused
    write must leave unchanged too.
    """
    outside = outside or (lambda: None)
    log = writes_of(run)
    assert len(log) >= min_writes, f"expected at least {min_writes} writes, got {log.statements}"
    for n in range(1, len(log) + 1):
        before, before_outside = Snapshot.take(log.tables), outside()
        try:
            with fail_at_write(n):
                run()
        except Exception as exc:  # noqa: BLE001 - the refusal may come back wrapped
            if not caused_by_fault(exc):
                raise
        else:
            raise AssertionError(f"write {n} of {len(log)} was refused but the service went on")
        # Inside a test's transaction, a refusal outside any atomic block of the service marks
        # the test's own transaction for rollback: in production the earlier writes would stay.
        assert not connection.needs_rollback, (
            f"write {n} of {len(log)} was refused outside the service's transaction: "
            "the writes before it would be kept"
        )
        changes = Snapshot.take(log.tables).changes_since(before)
        assert not changes, (
            f"write {n} of {len(log)} refused ({log.statements[n - 1][:120]}), yet kept: {changes}"
        )
        assert outside() == before_outside, f"write {n} of {len(log)} refused, yet kept files"
    before = Snapshot.take(log.tables)
    with count_writes() as done:
        run()
    assert Snapshot.take(log.tables).changes_since(before), "the service changed nothing"
    return done
