"""Settings shared by every environment; each value that differs per machine comes from
the environment (see docs/configuration.md)."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parents[2]
PACKAGE_DIR = BASE_DIR / "puentes"
# Where the SQLite file, the generated development key and uploads live by default.
DATA_DIR = Path(os.environ.get("PUENTES_DATA_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "puentes.core",
    "puentes.places",
    "puentes.people",
    "puentes.networks",
    "puentes.recruitment",
    "puentes.partnerships",
    "puentes.matching",
    "puentes.plans",
    "puentes.reports",
    "puentes.documents",
    "puentes.meetings",
    "puentes.workshops",
    "puentes.dashboards",
    "puentes.maps",
    "puentes.exports",
    "puentes.api",
    "puentes.operations",
    "puentes.statements",
    "puentes.privacy",
    "puentes.core.admin_app.PuentesAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
]

MIDDLEWARE = [
    "puentes.operations.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "puentes.core.public_cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "puentes.people.session_timeout.SessionTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "puentes.people.middleware.CoordinatorMFAMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "puentes.core.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'puentes.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # One writer at a time: wait for the lock instead of failing at once.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    )
# The shared cache holds rate limits and used TOTP codes: Redis when several app servers run.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Public pages served to visitors without cookies from the cache (puentes.core.public_cache):
# invalidated by every committed change through a version in the database, so the lifetime
# only bounds memory. Pages that change with the clock are kept a minute at most. 0 turns
# the cache off.
PUENTES_PUBLIC_PAGE_CACHE_SECONDS = int(os.environ.get("PUENTES_PUBLIC_PAGE_CACHE_SECONDS", "3600"))
PUENTES_PUBLIC_PAGE_CACHE_CLOCK_SECONDS = 60
PUENTES_PUBLIC_PAGES = frozenset(
    {
        "networks:home",
        "networks:network_detail",
        "networks:call_detail",
        "catalogue:list",
        "partnerships:partnership_list",
        "workshops:workshop_list",
    }
)
PUENTES_PUBLIC_PAGES_ON_THE_CLOCK = frozenset({"workshops:workshop_list"})
# The coordinators' dashboard figures, cached under the same version (dashboards.selectors).
PUENTES_DASHBOARD_CACHE_SECONDS = int(os.environ.get("PUENTES_DASHBOARD_CACHE_SECONDS", "3600"))
# Behind a reverse proxy, the visitor's address is the last one in X-Forwarded-For.
PUENTES_BEHIND_PROXY = env_bool("PUENTES_BEHIND_PROXY")
# allauth reads the same rule where it needs an address outside Puentes' adapter.
ALLAUTH_TRUSTED_PROXY_COUNT = 1 if PUENTES_BEHIND_PROXY else 0

FORM_RENDERER = "puentes.core.forms_rendering.PuentesFormRenderer"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "people.User"
AUTHENTICATION_BACKENDS = [
    "allauth.account.auth_backends.AuthenticationBackend",
    "puentes.people.backends.CoordinatorPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "puentes.people.passwords.OwnPlaceNameValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "people:account_home"

# django-allauth: e-mail is the login; the address must be verified before first sign-in.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Puentes] "
ACCOUNT_ADAPTER = "puentes.people.adapters.AccountAdapter"
ACCOUNT_PRESERVE_USERNAME_CASING = False
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Puentes"
# Coordinators must have TOTP before any coordinator page; production forces this on.
PUENTES_COORDINATOR_MFA_REQUIRED = env_bool("PUENTES_COORDINATOR_MFA_REQUIRED", True)
# The 6th failed sign-in (or TOTP code) within 30 minutes, for one account or from one
# address, is refused even with the right password (see SECURITY.md, "Signing in").
ACCOUNT_RATE_LIMITS = {"login_failed": "5/30m/ip,5/30m/key"}

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("es", _("Spanish")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Stockholm"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
MEDIA_URL = "media/"
# The largest file a partnership may share (puentes.documents), in bytes; see docs/documents.md.
PUENTES_DOCUMENT_MAX_BYTES = int(os.environ.get("PUENTES_DOCUMENT_MAX_BYTES", "10485760"))  # 10 MB
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Puentes <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The mail worker (puentes.core.mail): attempts before giving up, first wait between
# attempts (doubling up to the maximum), and how long a worker holds a message it sends.
PUENTES_MAIL_MAX_ATTEMPTS = int(os.environ.get("PUENTES_MAIL_MAX_ATTEMPTS", "10"))
PUENTES_MAIL_RETRY_BASE_SECONDS = int(os.environ.get("PUENTES_MAIL_RETRY_BASE_SECONDS", "60"))
PUENTES_MAIL_RETRY_MAX_SECONDS = int(os.environ.get("PUENTES_MAIL_RETRY_MAX_SECONDS", "3600"))
PUENTES_MAIL_LEASE_SECONDS = int(os.environ.get("PUENTES_MAIL_LEASE_SECONDS", "300"))
# Progress reports not yet submitted: reminders this many days before and after the due date
# (`puentes report_reminders`, see docs/reports.md).
PUENTES_REPORT_REMINDER_DAYS_BEFORE = (14, 3)
PUENTES_REPORT_REMINDER_DAYS_AFTER = (1, 7)
# Workshops: reminders to the registered this many days before the start
# (`puentes workshop_reminders`, see docs/workshops.md).
PUENTES_WORKSHOP_REMINDER_DAYS = (7, 1)
# Erasures are also written here, outside the database, so that `puentes restore` can apply
# them again to an older backup (see docs/privacy/README.md). Keep it with the backups' host
# data, not inside a backup. How long each kind of data is kept is data: the retention
# policies in the admin (`puentes apply_retention`).
PUENTES_ERASURE_LEDGER = Path(os.environ.get("PUENTES_ERASURE_LEDGER", DATA_DIR / "erasures.jsonl"))
# The site's public address, for links in mail sent by scheduled commands (no request there).
PUENTES_SITE_URL = os.environ.get("PUENTES_SITE_URL", "http://127.0.0.1:8000")
# Where reports from the accessibility statement's form go; empty: the oldest network's
# contact address (see docs/statements.md).
PUENTES_ACCESSIBILITY_FEEDBACK_EMAIL = os.environ.get("PUENTES_ACCESSIBILITY_FEEDBACK_EMAIL", "")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# No inline script or style anywhere: every page's JavaScript and CSS come from our own
# static files (see SECURITY.md). Letters and e-mails keep their <style>: they are not pages.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Sessions end after this many idle minutes (coordinators sooner) and, whatever the
# activity, after SESSION_COOKIE_AGE seconds (puentes.people.session_timeout).
PUENTES_COORDINATOR_IDLE_MINUTES = int(os.environ.get("PUENTES_COORDINATOR_IDLE_MINUTES", "30"))
PUENTES_MEMBER_IDLE_MINUTES = int(os.environ.get("PUENTES_MEMBER_IDLE_MINUTES", "480"))
SESSION_COOKIE_AGE = int(os.environ.get("PUENTES_SESSION_MAX_HOURS", "12")) * 60 * 60
# Activity is written to the session at most this often.
PUENTES_SESSION_TOUCH_SECONDS = 60
# The admin's address; production may move it away from the well-known /admin/.
PUENTES_ADMIN_PATH = os.environ.get("PUENTES_ADMIN_PATH", "admin/").strip("/") + "/"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint and the font library it uses log every step of a PDF at INFO.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # Security events (puentes/people/security_log.py) whatever LOG_LEVEL says.
        "puentes.security": {"level": "INFO"},
    },
}

# The REST API (/api/v1/, see docs/api.md): coordinators' tokens, one error format, pages of
# at most 100 records, and the OpenAPI document with self-hosted interactive documentation.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["puentes.api.authentication.TokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_PAGINATION_CLASS": "puentes.api.pagination.PagePagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "puentes.api.schema.ErrorDocumentingAutoSchema",
    "EXCEPTION_HANDLER": "puentes.api.errors.exception_handler",
    "PAGE_SIZE": 20,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Puentes API",
    "DESCRIPTION": (
        "Public reading of networks, calls, partner-seeking municipalities, partnerships and "
        "workshops; coordinators read and write expressions of interest, registrations and "
        "indicator values with a token. Every error has the same shape."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # Without deep links Swagger UI puts no link inside each operation's button.
    "SWAGGER_UI_SETTINGS": {"deepLinking": False},
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {"LanguageEnum": LANGUAGES},
}
