"""Whole-page cache for anonymous visitors of the public pages.

Why: rendering even a small public page costs several milliseconds of Python (middleware,
queries, templates), most of it identical for every visitor without a session. The rendered
page is kept in Django's cache (Redis when REDIS_URL is set, else each process's memory) and
served before the session, CSRF, authentication and view code run.

Never stale after a change: the key holds a version number stored in the database
(PublicPageVersion), read on every cacheable request with one small query. Every committed
INSERT, UPDATE or DELETE on a table other than the bookkeeping ones below bumps it (a
database execute wrapper, so queryset.update(), bulk_create and the admin count too), so
every worker and app server misses its cache at once, whatever the cache backend. The key
also holds the language, the day (pages show open calls by date), host, scheme, path and
query string. Only requests without session, CSRF or messages cookies are served from or
stored in the cache, and only answers 200 that set no cookie and are not private.

Pages that change with the clock rather than the data (the workshops list splits coming
from past workshops by the minute) are kept at most PUENTES_PUBLIC_PAGE_CACHE_CLOCK_SECONDS.
"""

import hashlib
import random
import time

from django.conf import settings
from django.core.cache import cache
from django.db import (
    DEFAULT_DB_ALIAS,
    DatabaseError,
    OperationalError,
    connection,
    connections,
    transaction,
)
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers

# Tables whose writes say nothing about public pages: writing them must not empty the cache
# (a page view may write a session; every change writes an audit entry next to the data).
QUIET_TABLES = frozenset(
    {
        "django_session",
        "core_auditentry",
        "core_outboxmessage",
        "core_outboxattachment",
        "core_publicpageversion",
        "django_admin_log",
    }
)
WRITES = ("INSERT", "UPDATE", "DELETE")
VERSION_TABLE = "core_publicpageversion"
LOCKED_ATTEMPTS = 500
_BUMP_SQL = (
    f'INSERT INTO "{VERSION_TABLE}" ("id", "value") VALUES (1, 1) '  # noqa: S608 (a constant)
    'ON CONFLICT ("id") DO UPDATE SET "value" = "' + VERSION_TABLE + '"."value" + 1'
)
_READ_SQL = f'SELECT "value" FROM "{VERSION_TABLE}" WHERE "id" = 1'  # noqa: S608 (a constant)


def page_version() -> int:
    with connection.cursor() as cursor:
        cursor.execute(_READ_SQL)
        row = cursor.fetchone()
    return row[0] if row else 0


def bump_version(using: str = DEFAULT_DB_ALIAS) -> None:
    """Raise the version by one. It runs after the change has committed, so it must not fail
    on a lock other writers hold for a moment: SQLite's in-memory test database answers
    "table is locked" at once instead of waiting (the file database waits 20 s, PostgreSQL
    waits for the row lock), so that case is tried again for up to about two seconds."""
    for _ in range(LOCKED_ATTEMPTS):
        try:
            return _bump_once(using)
        except OperationalError as exc:
            if "locked" not in str(exc):
                raise
            time.sleep(random.uniform(0.001, 0.005))  # noqa: S311 (not for security)
    return _bump_once(using)


def _bump_once(using: str) -> None:
    db = connections[using]
    try:
        if db.get_autocommit():
            with db.cursor() as cursor:
                cursor.execute(_BUMP_SQL)
        else:
            # A savepoint of its own: a failure must not spoil the transaction it runs in.
            with transaction.atomic(using=using), db.cursor() as cursor:
                cursor.execute(_BUMP_SQL)
    except DatabaseError:
        # Only while migrating, before the table exists: nothing can be cached yet then.
        # Once it exists, reading the version (page_version) fails loudly instead.
        if VERSION_TABLE in db.introspection.table_names():
            raise


def version_advance_past(value: int, using: str = DEFAULT_DB_ALIAS) -> None:
    """Set the version above `value`. A restore brings back the backup's (lower) version;
    without this, later bumps would reach numbers that pages were cached under before the
    restore, and those pages (of data the restore undid) could be served again."""
    with connections[using].cursor() as cursor:
        cursor.execute(
            f'UPDATE "{VERSION_TABLE}" SET "value" = %s WHERE "id" = 1 AND "value" <= %s',  # noqa: S608
            [value + 1, value],
        )
    bump_version(using)


def _bump_on_commit(using: str):
    return lambda: bump_version(using)


def _table_written(sql: str) -> str | None:
    """The table an INSERT/UPDATE/DELETE statement writes, or None for anything else."""
    head = sql.lstrip()[:6].upper()
    if head not in WRITES:
        return None
    start = sql.find('"')
    end = sql.find('"', start + 1)
    return sql[start + 1 : end] if start != -1 and end != -1 else ""


def watch_writes(execute, sql, params, many, context):
    """Execute wrapper: after a write to a table public pages may show, bump the version when
    the transaction commits (at once in autocommit). One bump per transaction; a rollback
    drops it together with the data."""
    result = execute(sql, params, many, context)
    table = _table_written(sql) if isinstance(sql, str) else None
    if table is not None and table not in QUIET_TABLES:
        db = context["connection"]
        if not db.in_atomic_block and not db.get_autocommit():
            bump_version(db.alias)  # managed by hand: committed together with the write
        elif not any(getattr(entry[1], "puentes_bump", False) for entry in db.run_on_commit):
            bump = _bump_on_commit(db.alias)
            bump.puentes_bump = True
            transaction.on_commit(bump, using=db.alias)
    return result


def install(sender, connection, **kwargs):
    """connection_created receiver: first in the list, so that the execute_wrapper() context
    managers of tests, which pop the last wrapper, leave this one alone."""
    if watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, watch_writes)


def _anonymous(request) -> bool:
    cookies = request.COOKIES
    return not (
        settings.SESSION_COOKIE_NAME in cookies
        or settings.CSRF_COOKIE_NAME in cookies
        or "messages" in cookies
        or "HTTP_AUTHORIZATION" in request.META
    )


def _page_name(request) -> tuple[str, str] | None:
    """(language, URL name) of a cacheable public page, else None. The language comes from
    the path: this runs before LocaleMiddleware."""
    language = translation.get_language_from_path(request.path_info)
    if language is None:
        return None
    try:
        with translation.override(language):
            match = resolve(request.path_info)
    except Resolver404:
        return None
    name = match.view_name
    if name not in settings.PUENTES_PUBLIC_PAGES:
        return None
    return language, name


def _key(request, language: str, version: int) -> str:
    where = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(where.encode()).hexdigest()
    return f"puentes:page:{version}:{language}:{timezone.localdate().isoformat()}:{digest}"


def _storable(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


class PublicPageCacheMiddleware:
    """Placed after WhiteNoise and before SessionMiddleware (config/settings/base.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PUENTES_PUBLIC_PAGE_CACHE_SECONDS
        if not seconds or request.method not in ("GET", "HEAD") or not _anonymous(request):
            return self.get_response(request)
        found = _page_name(request)
        if found is None:
            return self.get_response(request)
        language, name = found
        key = _key(request, language, page_version())
        response = cache.get(key)
        if response is not None:
            return response
        response = self.get_response(request)
        if request.method == "GET" and _storable(response):
            # The page depends on the absence of cookies: say so to any cache on the way.
            patch_vary_headers(response, ("Cookie",))
            if name in settings.PUENTES_PUBLIC_PAGES_ON_THE_CLOCK:
                seconds = min(seconds, settings.PUENTES_PUBLIC_PAGE_CACHE_CLOCK_SECONDS)
            cache.set(key, response, seconds)
        return response
