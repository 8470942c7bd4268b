"""Request-wide policies: the Content-Security-Policy of each response, the limits on
what public forms accept (checked before anything reads the body), the language, and
the short way through the middleware for anonymous visitors of the signing path."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict

from csp.constants import HEADER
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from csp.utils import build_policy
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

ACCEPTED_FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
# Paths whose POSTs are not public forms: the admin has its own limits and forms.
EXEMPT_PREFIXES = ("/admin/", "/django-admin/", "/api/")
# Paths of the Wagtail admin, which gets settings.ADMIN_CONTENT_SECURITY_POLICY.
ADMIN_PREFIXES = ("/admin/",)
# What django-csp's decorators (@csp, @csp_update, @csp_replace, @csp_exempt) set.
PER_VIEW_POLICY_ATTRIBUTES = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_exempt",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
    "_csp_exempt_ro",
)


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

    A response that uses no nonce and no per-view policy gets a header built once
    and kept (django-csp builds it anew for each response, about a twentieth of
    the CPU time of a signature); any other goes through django-csp as it is.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        super().__init__(get_response)
        # (admin path?, the policy setting it was built from) -> the header.
        self.built_headers: dict[tuple[bool, int], tuple[object, str]] = {}

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if getattr(request, "is_dummy", False):
            return response
        if self.uses_the_plain_policy(request, response):
            admin = request.path_info.startswith(ADMIN_PREFIXES)
            response.headers.setdefault(HEADER, self.plain_policy(request, response, admin=admin))
            # As django-csp does: a nonce asked for after this point is an error.
            request.csp_nonce = CheckableLazyObject(  # type: ignore[attr-defined]  # django-csp adds it
                self._csp_nonce_post_response
            )
            return response
        return super().process_response(request, response)

    @staticmethod
    def uses_the_plain_policy(request: HttpRequest, response: HttpResponseBase) -> bool:
        """No nonce, no decorator's policy, no exemption, no report-only policy."""
        return (
            getattr(request, "_csp_nonce", None) is None
            and not any(hasattr(response, name) for name in PER_VIEW_POLICY_ATTRIBUTES)
            and not getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
            and not settings.CONTENT_SECURITY_POLICY.get("EXCLUDE_URL_PREFIXES")
        )

    def plain_policy(self, request: HttpRequest, response: HttpResponseBase, *, admin: bool) -> str:
        setting = (
            settings.ADMIN_CONTENT_SECURITY_POLICY if admin else settings.CONTENT_SECURITY_POLICY
        )
        # The setting object is kept with its header: settings changed by tests get
        # a header of their own, never one built from an older object at the same id.
        key = (admin, id(setting))
        kept = self.built_headers.get(key)
        if kept is None or kept[0] is not setting:
            parts = self.get_policy_parts(request=request, response=response)
            kept = (setting, build_policy(**asdict(parts)))
            self.built_headers[key] = kept
        return kept[1]

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


ViewFunction = Callable[..., HttpResponseBase]


def served_without_session(view: ViewFunction) -> ViewFunction:
    """Mark a public view that cookie-less requests reach by the short way
    (AnonymousShortcutMiddleware): a view that reads no session, no message, no
    user but an anonymous one, sets no cookie and is exempt from CSRF (decorate it
    with @csrf_exempt first: the short way skips the CSRF check)."""
    if not getattr(view, "csrf_exempt", False):
        raise ImproperlyConfigured(f"{view.__name__} must be @csrf_exempt to skip the session")
    view.served_without_session = True  # type: ignore[attr-defined]  # a marker attribute
    return view


class AnonymousShortcutMiddleware:
    """Send a cookie-less request for a view marked @served_without_session (the
    signing form's POST, the confirmation page and its button) straight to the
    view, past the session, CSRF, authentication, two-factor, messages, redirects
    and login-lockout middleware that follow this one.

    Those do nothing for such a request: it carries no session or login (no
    cookie), the view is CSRF-exempt and never redirects to a login, and a request
    that reaches a view is no 404 for the redirects to look up. Skipping them was
    about a tenth of the CPU time of a signature, the busiest request of a surge.
    The middleware before this one (security headers, Content-Security-Policy,
    form limits, language) has run as for any request; the view's response gets
    the X-Frame-Options header as all others do, and request.user is the
    anonymous user that authentication would have found. Any other request goes
    the whole way. (Requests are not atomic here, ATOMIC_REQUESTS is off: the
    services open their own transactions.)

    Must come right after LocaleMiddleware: URLs under a language prefix resolve
    only once the request's language is active.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.frame_options = XFrameOptionsMiddleware(get_response)

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.META.get("HTTP_COOKIE"):
            return self.get_response(request)
        # Other cookie-less requests that get this far (pages not in the page cache)
        # are resolved again by Django's handler: some 30 µs beside their render.
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return self.get_response(request)
        if not getattr(match.func, "served_without_session", False):
            return self.get_response(request)
        request.resolver_match = match
        request.user = AnonymousUser()
        response = match.func(request, *match.args, **match.kwargs)
        if callable(getattr(response, "render", None)):
            # A TemplateResponse (a page shown again with its form's errors), rendered
            # here as Django's handler would after the middleware.
            response = response.render()
        return self.frame_options.process_response(request, response)
