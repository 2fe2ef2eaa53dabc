"""Counting attempts per key in a time window, in the shared cache (Redis in production),
so that every app server sees the same counts."""

from django.core.cache import cache


def rate_limit_hit(*, scope: str, key: str, limit: int, window_seconds: int) -> bool:
    """Count one attempt; False when `key` has used up `limit` attempts in this window."""
    cache_key = f"ratelimit:{scope}:{key}"
    if cache.add(cache_key, 1, timeout=window_seconds):
        return True
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, timeout=window_seconds)
        return True
    return count <= limit


def client_address(request) -> str:
    """The visitor's address; behind a proxy, the one it reports (set PUENTES_BEHIND_PROXY)."""
    from django.conf import settings

    if getattr(settings, "PUENTES_BEHIND_PROXY", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")
