"""The public JSON API, version 1: published petitions and their live counts."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language_from_request
from ninja import NinjaAPI, Query, Schema, Swagger
from ninja.errors import HttpError

from .schemas import PetitionOut
from .selectors import published_petitions

api = NinjaAPI(
    title="Petitio API",
    version="1",
    urls_namespace="api-v1",
    description=(
        "Published petitions and their counts: `signature_count` is confirmed online "
        "signatures plus approved paper ones; `paper_signature_count` is the paper part."
    ),
    # The interactive docs come from our static files ("ninja" in INSTALLED_APPS);
    # without this, Swagger UI would ask validator.swagger.io about our schema.
    docs=Swagger(settings={"validatorUrl": None}),
)


class LanguageQuery(Schema):
    lang: str | None = None


def allow_caching(response: HttpResponse) -> None:
    """Counts may be kept (by browsers, proxies and core.page_cache) as long as the
    listing behind them is: settings.SIGNATURE_COUNT_CACHE_SECONDS."""
    patch_cache_control(response, public=True, max_age=settings.SIGNATURE_COUNT_CACHE_SECONDS)


def requested_language(request: HttpRequest, response: HttpResponse, lang: str | None) -> str:
    """The language asked for with ?lang=, else the browser's (the answer then varies)."""
    languages = dict(settings.LANGUAGES)
    if lang:
        if lang not in languages:
            raise HttpError(400, f"Unknown language {lang!r}; use one of {', '.join(languages)}.")
        return lang
    patch_vary_headers(response, ["Accept-Language"])
    return get_language_from_request(request) or settings.LANGUAGE_CODE


@api.get("/petitions", response=list[PetitionOut], summary="List published petitions")
def list_petitions(request: HttpRequest, response: HttpResponse, query: Query[LanguageQuery]):
    allow_caching(response)
    return published_petitions(requested_language(request, response, query.lang))


@api.get("/petitions/{slug}", response=PetitionOut, summary="One published petition")
def get_petition(
    request: HttpRequest, response: HttpResponse, slug: str, query: Query[LanguageQuery]
):
    allow_caching(response)
    for petition in published_petitions(requested_language(request, response, query.lang)):
        if petition["slug"] == slug:
            return petition
    raise HttpError(404, "No published petition has this slug.")
