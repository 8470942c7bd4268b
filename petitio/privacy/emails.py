"""The privacy app's email, in the requester's language."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from petitio.core.emails import email_digest

from .tokens import MY_DATA_LINK_MAX_AGE, make_my_data_token


def send_my_data_link(*, locale: str, to: str) -> None:
    language = locale if locale in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "my_data_url": settings.SITE_URL
            + reverse("privacy:my_data", args=[make_my_data_token(email_digest(to))]),
            "hours": int(MY_DATA_LINK_MAX_AGE.total_seconds() // 3600),
        }
        subject = " ".join(render_to_string("privacy/emails/my_data_subject.txt", context).split())
        text = render_to_string("privacy/emails/my_data.txt", context)
    message = EmailMultiAlternatives(
        subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[to]
    )
    message.send()
