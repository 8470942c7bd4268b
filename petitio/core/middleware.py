"""Request-wide policies: the Content-Security-Policy of each response, the limits on
what public forms accept (checked before anything reads the body), the language."""

from __future__ import annotations

from collections.abc import Callable

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

ACCEPTED_FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
# Paths whose POSTs are not public forms: the admin has its own limits and forms.
EXEMPT_PREFIXES = ("/admin/", "/django-admin/", "/api/")
# Paths of the Wagtail admin, which gets settings.ADMIN_CONTENT_SECURITY_POLICY.
ADMIN_PREFIXES = ("/admin/",)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own policy on admin paths.

    Every response gets settings.CONTENT_SECURITY_POLICY (the strict public policy),
    unless a view chose another with django-csp's decorators. Responses under
    ADMIN_PREFIXES get settings.ADMIN_CONTENT_SECURITY_POLICY instead: Wagtail's
    admin needs inline scripts and styles (see the comment on that setting).

    The public pages Wagtail previews inside the admin are admin responses too.
    Wagtail renders them by running a dummy request for the page's public URL
    through the middleware (request.is_dummy); that inner pass sets no policy, so
    the admin request around it sets the admin's, which lets the editor frame it.
    """

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if getattr(request, "is_dummy", False):
            return response
        return super().process_response(request, response)

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(ADMIN_PREFIXES)
        ):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
        return parts


class PublicFormLimitsMiddleware:
    """Refuse oversized or wrongly typed POST bodies on public pages with a clear page.

    Runs before the CSRF check, which would otherwise read (or fail on) the body
    first. A body over settings.PUBLIC_FORM_MAX_BYTES gets 413, a content type that
    is not a browser form gets 415; both pages say what happened, in the visitor's
    language, and link back to the form. Nothing is stored.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST" and not request.path.startswith(EXEMPT_PREFIXES):
            refusal = self.refusal(request)
            if refusal is not None:
                return refusal
        return self.get_response(request)

    def refusal(self, request: HttpRequest) -> HttpResponse | None:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = settings.PUBLIC_FORM_MAX_BYTES + 1
        if length > settings.PUBLIC_FORM_MAX_BYTES:
            return self.render_refusal(
                request,
                status=413,
                title=_("What you sent is too large"),
                message=_(
                    "This form accepts at most %(size)s. Nothing was saved. "
                    "Please go back, shorten what you typed and send it again."
                )
                % {"size": filesizeformat(settings.PUBLIC_FORM_MAX_BYTES)},
            )
        content_type = request.META.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
        if content_type not in ACCEPTED_FORM_CONTENT_TYPES:
            return self.render_refusal(
                request,
                status=415,
                title=_("This form could not be read"),
                message=_(
                    "Your browser sent the form in a format we do not accept. "
                    "Nothing was saved. Please go back and send the form again."
                ),
            )
        return None

    @staticmethod
    def render_refusal(request: HttpRequest, *, status: int, title: str, message: str):
        return render(
            request,
            "core/request_refused.html",
            {"title": title, "message": message, "back_url": request.path},
            status=status,
        )


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, minus its redirect of 404s to a language prefix
    for paths that never carry one (the API, the admin): an unknown API resource
    must answer 404, not redirect to /fr/api/….
    """

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if request.path.startswith(EXEMPT_PREFIXES):
            return response
        return super().process_response(request, response)
