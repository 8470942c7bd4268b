"""Settings shared by every environment. dev.py, test.py and production.py build on it.

Only values that are the same everywhere, or that come from the environment with a
safe local default, live here.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import dj_database_url
import dj_email_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from .env import BASE_DIR, env_bool, env_int, env_list, env_str, load_dotenv

load_dotenv()

VAR_DIR = BASE_DIR / "var"

SECRET_KEY = env_str("SECRET_KEY", "insecure-local-only-key-change-me-0123456789abcdef")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [SITE_URL])

# Key for the keyed hash (HMAC) of normalised email addresses: deduplication
# without keeping a searchable address. Changing it breaks deduplication of
# earlier signatures, so it is set once per installation.
EMAIL_HASH_KEY = env_str("EMAIL_HASH_KEY", "insecure-local-only-hash-key-change-me")

# Key of the personal data the server itself must read back: all of it in standard
# mode, and school-group coordinators' contacts in both modes (see
# petitio.privacy.personal_data). Sealed data needs the organisation's private key,
# which the server never holds. Losing this key makes that data unreadable.
PERSONAL_DATA_KEY = env_str("PERSONAL_DATA_KEY", "insecure-local-only-personal-data-key")

INSTALLED_APPS = [
    "petitio.core",
    "petitio.content",
    "petitio.actions",
    "petitio.petitions",
    "petitio.groups",
    "petitio.privacy",
    "petitio.api",
    # Serves the API's interactive docs from our own static files (without it in
    # INSTALLED_APPS, django-ninja loads Swagger UI from a CDN).
    "ninja",
    # wagtail_2fa itself is not listed: its wagtail_hooks module fails on Wagtail 8;
    # petitio.core.two_factor wires its middleware, views and URLs instead.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: a cached public page skips every other middleware, and what it stores
    # already carries the headers all of them add (security headers, CSP).
    "petitio.core.page_cache.PublicPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "petitio.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "petitio.core.middleware.PublicFormLimitsMiddleware",
    # Language from the URL prefix or the browser (never from the session, since Django 4).
    "petitio.core.middleware.LocaleMiddleware",
    # A cookie-less request on the signing path (signing, confirming) goes from here
    # straight to its view, past the session, CSRF, login and admin middleware below.
    "petitio.core.middleware.AnonymousShortcutMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Staff who can reach the admin must pass their second factor (see WAGTAIL_2FA_REQUIRED).
    "wagtail_2fa.middleware.VerifyUserMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "petitio.urls"
WSGI_APPLICATION = "petitio.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "petitio" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Storage -------------------------------------------------------------------------
# SQLite in WAL mode under var/ by default; PostgreSQL (or any dj-database-url URL)
# when DATABASE_URL says so.
DEFAULT_SQLITE_PATH = VAR_DIR / "petitio.sqlite3"
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    # secure_delete: deleted or overwritten rows (an erased address) are zeroed in
    # the file, not left in free pages; the privacy sweep truncates the WAL, where
    # older versions of rows linger until a checkpoint.
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
        " PRAGMA secure_delete=ON;"
    ),
}


def database_from_env(default_sqlite_path=DEFAULT_SQLITE_PATH) -> dict[str, Any]:
    """The default database from DATABASE_URL, or a WAL-mode SQLite file."""
    url = env_str("DATABASE_URL")
    config: dict[str, Any]
    if url:
        config = dict(dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True))
    else:
        default_sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        config = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(default_sqlite_path)}
    if config["ENGINE"] == "django.db.backends.postgresql" and env_bool(
        "DATABASE_ASYNCHRONOUS_COMMIT", False
    ):
        # Task workers only (bin/serve sets it for them): a commit does not wait for
        # the WAL to reach the disk, which capped emails at one fsync each. Losing
        # the last fraction of a second of task bookkeeping to a PostgreSQL crash
        # means at worst an email sent again, which a worker crash between sending
        # and recording can cause anyway. Web processes keep synchronous commits:
        # a signature is acknowledged only once it is on disk.
        options = config.setdefault("OPTIONS", {})
        options["options"] = f"{options.get('options', '')} -c synchronous_commit=off".strip()
    if config["ENGINE"] == "django.db.backends.postgresql":
        # Django's backend, without a health check for a connection that just
        # answered (see petitio/core/postgresql/base.py).
        config["ENGINE"] = "petitio.core.postgresql"
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # Django's backend, with the threads of a process taking turns to write.
        config["ENGINE"] = "petitio.core.sqlite"
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
        # Keep each thread's connection: opening the file and setting the pragmas
        # again for every request and every task cost more than most queries.
        config["CONN_MAX_AGE"] = None
    return config


DATABASES = {"default": database_from_env()}
# PostgreSQL: the surge's statements are prepared once per connection (see
# petitio/core/postgresql/base.py). Off for a pooler that cannot keep them.
DATABASE_PREPARED_STATEMENTS = env_bool("DATABASE_PREPARED_STATEMENTS", True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "petitio",
        }
    }
else:
    # Room for a surge's hourly rate counters (two per network) beside the cached
    # pages: at Django's default of 300 entries, counters pushed pages out.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 200_000},
        }
    }

# --- Background work -----------------------------------------------------------------
# The database backend writes a task row inside the caller's transaction: the
# outbox that guarantees an acknowledged signature has its email queued.
TASKS = {"default": {"BACKEND": "petitio.core.tasks_backend.DatabaseBackend"}}
# A task running longer than this is taken for one whose worker died, and handed
# back to the queue (requeue_stalled_tasks, run by the scheduler). Every task of
# Petitio's takes seconds at most; an email's SMTP timeout is 30 s.
TASK_STALLED_AFTER_SECONDS = env_int("TASK_STALLED_AFTER_SECONDS", 15 * 60)

# --- Email -----------------------------------------------------------------------------
# Locally every message lands in var/outbox/ (one .eml file each), listed for staff
# in the admin. EMAIL_URL=smtp://user:password@host:port sends through SMTP instead.
EMAIL_OUTBOX_DIR = VAR_DIR / "outbox"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Petitio <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
_email_url = env_str("EMAIL_URL")
if _email_url:
    _email = dj_email_url.parse(_email_url)
    EMAIL_BACKEND = _email["EMAIL_BACKEND"]
    if EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend":
        # The same, keeping each worker thread's connection open between messages.
        EMAIL_BACKEND = "petitio.core.smtp.KeptOpenEmailBackend"
    EMAIL_HOST = _email["EMAIL_HOST"]
    EMAIL_PORT = _email["EMAIL_PORT"]
    EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
    EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
    EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
    EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
    EMAIL_TIMEOUT = _email.get("EMAIL_TIMEOUT") or 30
else:
    EMAIL_BACKEND = "petitio.core.mail.OutboxEmailBackend"

# --- Languages -----------------------------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("nl", "Nederlands"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["petitio.formats"]
TIME_ZONE = "Europe/Brussels"

# --- Static and media ----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "petitio" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Wagtail ---------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Petitio"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "txt", "odt", "docx"]
WAGTAIL_ENABLE_UPDATE_CHECK = False

# --- Security --------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
CSRF_FAILURE_VIEW = "petitio.core.views.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# No script of ours (petitio/static/js) nor of the admin reads the CSRF cookie: forms
# carry the token in a hidden field and Wagtail's scripts take it from the page.
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
# Share links are plain links: other sites need not learn which page was read.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp 4). Public pages load everything from this
# origin and run no inline code: scripts and styles are files under petitio/static/.
# A template that cannot avoid an inline <script> or <style> gives it
# nonce="{{ request.csp_nonce }}"; the nonce only appears in the header of responses
# that use one, so other pages stay cacheable.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# The Wagtail admin (/admin/) gets this looser policy instead, from
# petitio.core.middleware.ContentSecurityPolicyMiddleware. Wagtail 8 still writes
# inline <script> blocks (date pickers, inline panels, choosers, workflow dialogs)
# and inline styles, none with a nonce, so scripts and styles need 'unsafe-inline'
# there; the admin is reached only by signed-in staff, with two-step verification.
# No nonce in this policy: browsers ignore 'unsafe-inline' when a nonce is present.
# No 'unsafe-eval': the page editor, StreamField, uploads, listings and preview work
# without it (checked in Chromium; only axe-core, run by Wagtail's userbar, which
# our templates leave out, would want it). Images may be data: or blob: URLs (upload
# previews). The page editor shows its preview in a frame of the admin itself,
# hence frame-ancestors 'self'. Still nothing from another origin.
ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "object-src": [NONE],
    "base-uri": [NONE],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}

# --- Staff accounts ---------------------------------------------------------------------
# Everyone who can reach the admin signs in with a password and a code from an
# authenticator app (TOTP, wagtail-2fa). A new staff member is led to set theirs up
# at their first login; the QR code is drawn by this server.
WAGTAIL_2FA_REQUIRED = True
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# Wagtail would show staff avatars from gravatar.com: no third party, even in the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Lock-out after repeated failed logins (django-axes). By username only: the address
# of whoever tries is never stored (it would be personal data kept in clear), so
# petitio.core.staff_login.no_client_ip gives axes a fixed placeholder instead.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("STAFF_LOCKOUT_ATTEMPTS", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("STAFF_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_CLIENT_IP_CALLABLE = "petitio.core.staff_login.no_client_ip"
AXES_LOCKOUT_CALLABLE = "petitio.core.staff_login.locked_out"
AXES_RESET_ON_SUCCESS = True
# No log of successful logins (who, when, from which browser): not needed to lock out.
AXES_DISABLE_ACCESS_LOG = True
# axes warns when the lock-out ignores the client's address. That is deliberate
# (see above): failures are counted per username across every browser and address,
# so changing either does not earn more attempts at one account.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

# Public forms (signing, confirmation) accept at most this many bytes of body.
# The admin keeps Django's larger default so long pages can be edited.
PUBLIC_FORM_MAX_BYTES = 64 * 1024

# --- Petitions -------------------------------------------------------------------------
# How long links in signature emails stay valid.
SIGNATURE_LINK_MAX_AGE_SECONDS = 7 * 24 * 3600
# How long the public count may lag the rows (seconds of caching).
SIGNATURE_COUNT_CACHE_SECONDS = 2
# How long anonymous visitors may be served a stored copy of a public page instead
# of a new render (see petitio.core.page_cache; 0 turns it off). A campaign page
# renders in tens of milliseconds; its script fetches the live count on load.
PUBLIC_PAGE_CACHE_SECONDS = env_int("PUBLIC_PAGE_CACHE_SECONDS", 30)
# Whether a web process loading petitio.wsgi first sends the pages a surge is made
# of through itself (petitio.core.warm_up), so that its first visitors do not
# wait for its templates to compile. On in production.
WARM_UP_ON_START = env_bool("WARM_UP_ON_START", False)
# How long a web process may sign against a petition's state (open or closed,
# deadline, limits) as it read it, instead of reading it for every signature.
PETITION_STATE_CACHE_SECONDS = 1
# Abuse control (petitio.petitions.abuse): a signing form sent sooner than this
# after it was shown, or from a page older than this, is flagged (not counted).
SIGNING_FORM_MIN_SECONDS = 3
SIGNING_FORM_MAX_AGE_SECONDS = 24 * 3600
# How many reverse proxies in front of the web server append to X-Forwarded-For;
# 0 (no proxy) trusts only the socket's address.
TRUSTED_PROXY_COUNT = int(env_str("TRUSTED_PROXY_COUNT", "0"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "console_warnings": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "level": "WARNING",
        },
    },
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        # The worker logs two lines per task at INFO (a surge sends hundreds of emails
        # a second) and sets that level itself: the handler keeps warnings and errors.
        "django_tasks": {"handlers": ["console_warnings"], "propagate": False},
    },
}
