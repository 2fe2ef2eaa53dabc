"""The cookies Puentes sets, read from the settings so that the cookie page names them as
the running site does (a renamed session cookie shows under its new name)."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


@dataclass(frozen=True)
class Cookie:
    name: str
    purpose: Promise
    lifetime: Promise | str
    set_when: Promise


def _duration(seconds) -> Promise | str:
    if seconds is None:
        return _("Until the browser is closed.")
    days = round(seconds / 86400)
    if days >= 1:
        return ngettext("%(days)d day.", "%(days)d days.", days) % {"days": days}
    minutes = round(seconds / 60)
    return ngettext("%(minutes)d minute.", "%(minutes)d minutes.", minutes) % {"minutes": minutes}


def _session_lifetime():
    if getattr(settings, "SESSION_EXPIRE_AT_BROWSER_CLOSE", False):
        return _duration(None)
    return _("At most %(duration)s") % {"duration": _duration(settings.SESSION_COOKIE_AGE)}


def cookies_in_use() -> list[Cookie]:
    """Every cookie the service sets; no other cookie, and none from anyone else."""
    return [
        Cookie(
            name=settings.SESSION_COOKIE_NAME,
            purpose=_("Keeps you signed in, and remembers where you are while you sign in."),
            lifetime=_session_lifetime(),
            set_when=_("When you start to sign in."),
        ),
        Cookie(
            name=settings.CSRF_COOKIE_NAME,
            purpose=_(
                "Protects the forms against forged requests from other sites (cross-site "
                "request forgery)."
            ),
            lifetime=_duration(settings.CSRF_COOKIE_AGE),
            set_when=_("When a page with a form is shown."),
        ),
        Cookie(
            name=settings.LANGUAGE_COOKIE_NAME,
            purpose=_("Remembers the language you chose, if you choose it with the language form."),
            lifetime=_duration(settings.LANGUAGE_COOKIE_AGE),
            set_when=_(
                "Only when you change the language through that form; the language links in "
                "the header use the page address instead and set no cookie."
            ),
        ),
        Cookie(
            name=CookieStorage.cookie_name,
            purpose=_(
                "Carries a short confirmation (for example “Saved”) to the next page you see."
            ),
            lifetime=_duration(None),
            set_when=_("After you save something; removed when the message has been shown."),
        ),
    ]


def cookie_names() -> set[str]:
    return {cookie.name for cookie in cookies_in_use()}
