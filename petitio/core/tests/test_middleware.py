"""The short way for anonymous visitors of the signing path (AnonymousShortcutMiddleware), and
the Content-Security-Policy header built once (ContentSecurityPolicyMiddleware)."""

import re
from unittest import mock

import pytest
from csp.decorators import csp_update
from csp.exceptions import CSPNonceError
from csp.utils import build_policy
from django.contrib.sessions.middleware import SessionMiddleware
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse

from petitio.core.middleware import ContentSecurityPolicyMiddleware, served_without_session
from petitio.petitions.abuse import issue_form_timestamp
from petitio.petitions.models import Signature


@pytest.fixture
def session_middleware_calls():
    """How many requests went through SessionMiddleware (the long way)."""
    original = SessionMiddleware.process_request
    with mock.patch.object(
        SessionMiddleware, "process_request", autospec=True, side_effect=original
    ) as spy:
        yield spy


def sign(client, page, data, **headers):
    return client.post(
        f"/nl/petitions/{page.pk}/sign/",
        {**data, "issued": issue_form_timestamp()},
        headers=headers,
    )


def test_an_anonymous_signature_goes_the_short_way_with_every_header(
    client, petition_page, valid_form_data, session_middleware_calls
):
    response = sign(client, petition_page, valid_form_data)
    assert response.status_code == 303
    assert session_middleware_calls.call_count == 0
    assert Signature.objects.get().locale == "nl"  # the language came from the URL
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["Cache-Control"].startswith("max-age=0")
    assert not response.cookies


def test_the_short_way_answers_refusals_in_the_visitors_language(
    client, petition_page, valid_form_data, session_middleware_calls
):
    response = sign(client, petition_page, {**valid_form_data, "first_name": ""})
    assert response.status_code == 400
    assert "Vul je voornaam in." in response.content.decode()
    assert session_middleware_calls.call_count == 0
    assert response["X-Frame-Options"] == "DENY"
    assert not Signature.objects.exists()


def test_the_confirmation_page_and_its_button_go_the_short_way(
    client, petition_page, valid_form_data, session_middleware_calls
):
    sign(client, petition_page, valid_form_data)
    link = re.search(r"http://testserver(\S+/confirm/\S+/)", mail.outbox[-1].body)[1]
    page = client.get(link)
    assert page.status_code == 200
    assert "Bevestig je handtekening" in page.content.decode()
    assert page["X-Frame-Options"] == "DENY"
    assert client.post(link).status_code == 303
    assert session_middleware_calls.call_count == 0
    assert Signature.objects.get().status == Signature.Status.CONFIRMED


def test_a_request_with_a_cookie_goes_the_whole_way(
    client, petition_page, valid_form_data, session_middleware_calls
):
    client.cookies["sessionid"] = "whatever-a-browser-kept"
    response = sign(client, petition_page, valid_form_data)
    assert response.status_code == 303
    assert session_middleware_calls.call_count == 1
    assert Signature.objects.count() == 1


def test_other_views_and_unknown_paths_go_the_whole_way(
    client, petition_page, session_middleware_calls
):
    assert client.post("/fr/no-such-page/", {"a": "b"}).status_code == 404
    assert client.post("/admin/login/", {"username": "x", "password": "y"}).status_code == 200
    assert client.get(f"/fr/petitions/{petition_page.pk}/check-your-inbox/").status_code == 200
    assert session_middleware_calls.call_count == 3


def test_only_a_csrf_exempt_view_may_be_served_without_session():
    def view(request):
        return HttpResponse()

    with pytest.raises(ImproperlyConfigured):
        served_without_session(view)


# --- The Content-Security-Policy built once ------------------------------------------------


def policy_of(middleware, request, view):
    middleware.get_response = view
    return middleware(request).headers.get("Content-Security-Policy")


def test_a_plain_policy_is_built_once_and_each_kind_of_response_keeps_its_own(rf, settings):
    def plain(request):
        return HttpResponse("<p>plain</p>")

    def with_nonce(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}">1</script>')

    @csp_update({"img-src": ["data:"]})
    def decorated(request):
        return HttpResponse("<img>")

    middleware = ContentSecurityPolicyMiddleware(plain)
    with mock.patch("petitio.core.middleware.build_policy", wraps=build_policy) as building:
        first = policy_of(middleware, rf.get("/fr/"), plain)
        second = policy_of(middleware, rf.post("/nl/"), plain)
        assert first == second and "frame-ancestors 'none'" in first
        assert building.call_count == 1

        admin = policy_of(middleware, rf.get("/admin/"), plain)
        assert "'unsafe-inline'" in admin and "frame-ancestors 'self'" in admin
        assert policy_of(middleware, rf.get("/admin/pages/"), plain) == admin
        assert building.call_count == 2

    nonced = policy_of(middleware, rf.get("/fr/"), with_nonce)
    assert "'nonce-" in nonced and nonced != first
    assert "img-src data:" in policy_of(middleware, rf.get("/fr/"), decorated)
    assert policy_of(middleware, rf.get("/fr/"), plain) == first

    # A changed setting (as tests change it) gets a header of its own.
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    assert policy_of(middleware, rf.get("/fr/"), plain) == "default-src 'none'"


def test_a_nonce_asked_for_after_the_plain_policy_was_set_is_an_error(rf):
    request = rf.get("/fr/")
    ContentSecurityPolicyMiddleware(lambda request: HttpResponse("<p>plain</p>"))(request)
    with pytest.raises(CSPNonceError):
        str(request.csp_nonce)
