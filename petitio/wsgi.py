"""The WSGI application the web server loads (granian in production, see bin/serve)."""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "petitio.settings.production")

application = get_wsgi_application()

if settings.WARM_UP_ON_START:
    from petitio.core.warm_up import warm_up

    warm_up(application)
