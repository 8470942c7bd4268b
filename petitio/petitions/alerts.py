"""Alert staff when a petition draws more flagged signatures than its threshold.

Checked every few minutes by the scheduler (`manage.py send_abuse_alerts`): for
each petition that accepts signatures, the flagged signatures of the last hour
are counted; past the petition's alert threshold, everyone who may change
petitions gets one email, at most once an hour per petition.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .models import Petition, Signature

ALERT_EVERY = timedelta(hours=1)


def staff_to_alert() -> list[str]:
    """Addresses of active staff who may change petitions."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    allowed = users.filter(
        Q(is_superuser=True)
        | Q(user_permissions__codename="change_petition")
        | Q(groups__permissions__codename="change_petition")
    ).distinct()
    return sorted(allowed.values_list("email", flat=True))


def send_abuse_alerts(*, now=None) -> int:
    """Email staff about each petition past its threshold; return how many alerts."""
    now = now or timezone.now()
    recipients = staff_to_alert()
    sent = 0
    for petition in Petition.objects.filter(status=Petition.Status.OPEN):
        flagged = (
            Signature.objects.filter(petition=petition, created_at__gte=now - ALERT_EVERY)
            .exclude(flags="")
            .count()
        )
        if flagged <= petition.alert_threshold or not recipients:
            continue
        # cache.add is atomic: one alert per petition per hour, even with several schedulers.
        if not cache.add(f"petitio:abuse-alert:{petition.pk}", 1, ALERT_EVERY.total_seconds()):
            continue
        with translation.override(settings.LANGUAGE_CODE):
            context = {
                "petition": petition,
                "flagged": flagged,
                "threshold": petition.alert_threshold,
                "url": settings.WAGTAILADMIN_BASE_URL
                + reverse("petitions_abuse_control", args=[petition.pk]),
            }
            subject = " ".join(
                render_to_string("petitions/emails/abuse_alert_subject.txt", context).split()
            )
            body = render_to_string("petitions/emails/abuse_alert.txt", context)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
        sent += 1
    return sent
