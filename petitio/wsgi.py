"""The WSGI application the web server loads (granian in production, see bin/serve)."""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "petitio.settings.production")

django_application = get_wsgi_application()

from petitio.core.page_cache import StoredPageFront  # noqa: E402 - after Django's setup

# A repeated anonymous GET of a stored public page is answered before Django builds
# a request for it (see StoredPageFront).
application = StoredPageFront(django_application)

if settings.WARM_UP_ON_START:
    from petitio.core.warm_up import warm_up

    warm_up(application)
