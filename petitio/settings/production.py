"""Production settings: everything from the environment, secure by default.

SECRET_KEY, EMAIL_HASH_KEY and PERSONAL_DATA_KEY must be set; the process refuses to
start otherwise.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool

for _required in ("SECRET_KEY", "EMAIL_HASH_KEY", "PERSONAL_DATA_KEY"):
    if not os.environ.get(_required):
        raise ImproperlyConfigured(f"{_required} must be set in production.")

DEBUG = False
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
WARM_UP_ON_START = env_bool("WARM_UP_ON_START", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
