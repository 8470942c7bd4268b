"""The short way for anonymous public form POSTs (AnonymousFormPostMiddleware)."""

from unittest import mock

import pytest
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse

from petitio.core.middleware import served_without_session
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


def test_a_request_with_a_cookie_goes_the_whole_way(
    client, petition_page, valid_form_data, session_middleware_calls
):
    client.cookies["sessionid"] = "whatever-a-browser-kept"
    response = sign(client, petition_page, valid_form_data)
    assert response.status_code == 303
    assert session_middleware_calls.call_count == 1
    assert Signature.objects.count() == 1


def test_other_posts_and_unknown_paths_go_the_whole_way(client, db, session_middleware_calls):
    assert client.post("/fr/no-such-page/", {"a": "b"}).status_code == 404
    assert client.post("/admin/login/", {"username": "x", "password": "y"}).status_code == 200
    assert session_middleware_calls.call_count == 2


def test_only_a_csrf_exempt_view_may_be_served_without_session():
    def view(request):
        return HttpResponse()

    with pytest.raises(ImproperlyConfigured):
        served_without_session(view)
