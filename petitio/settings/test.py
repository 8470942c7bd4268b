"""Settings for the test suite: fast hashing, tasks run at once, mail kept in memory.

DATABASE_URL / REDIS_URL still apply, so the same suite runs on PostgreSQL + Redis.
"""

from .base import *  # noqa: F403
from .base import REDIS_URL

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SECRET_KEY = "test-secret-key-not-for-production-0123456789abcdefghijklmnop"  # noqa: S105
EMAIL_HASH_KEY = "test-email-hash-key"
SITE_URL = "http://testserver"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
if not REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WAGTAILADMIN_BASE_URL = SITE_URL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"handlers": [], "level": "WARNING"},
}

# Admin tests sign staff in with force_login; the two-step verification tests turn
# this on with pytest-django's `settings` fixture.
WAGTAIL_2FA_REQUIRED = False

# Journeys and tests fill forms faster than a person: abuse tests set their own.
SIGNING_FORM_MIN_SECONDS = 0
# Tests see each change at once; the page cache has tests of its own.
PUBLIC_PAGE_CACHE_SECONDS = 0
PETITION_STATE_CACHE_SECONDS = 0
