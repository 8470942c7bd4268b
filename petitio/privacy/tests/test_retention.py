"""Retention rules, tested with time-machine: what the sweep erases, and when."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from petitio.core.emails import email_digest
from petitio.petitions import services
from petitio.petitions.models import Petition, Signature
from petitio.petitions.services import AbuseSignals, SignatureDetails
from petitio.privacy.models import HashSalt
from petitio.privacy.retention import run_privacy_sweep


def sign(petition, email, *, country="BE", confirm=True, ip_hash="abc123"):
    services.sign_petition(
        petition=petition,
        details=SignatureDetails(first_name="Ana", last_name="B", email=email, country=country),
        locale="fr",
        signals=AbuseSignals(ip_hash=ip_hash),
    )
    signature = Signature.objects.get(email_digest=email_digest(email))
    if confirm:
        services.confirm_signature(public_id=signature.public_id)
    return signature


def test_unconfirmed_signatures_are_deleted_after_seven_days(petition):
    with time_machine.travel(timezone.now() - timedelta(days=8)):
        old = sign(petition, "old@example.org", confirm=False)
    recent = sign(petition, "recent@example.org", confirm=False)
    confirmed_long_ago = None
    with time_machine.travel(timezone.now() - timedelta(days=30)):
        confirmed_long_ago = sign(petition, "kept@example.org")
    report = run_privacy_sweep()
    assert report.unconfirmed_signatures_deleted == 1
    assert not Signature.objects.filter(pk=old.pk).exists()
    assert Signature.objects.filter(pk__in=[recent.pk, confirmed_long_ago.pk]).count() == 2


def test_ip_hashes_are_cleared_after_a_day_and_old_salts_deleted(petition):
    yesterday = timezone.now() - timedelta(hours=25)
    with time_machine.travel(yesterday):
        HashSalt.objects.create(day=yesterday.date(), salt=b"x" * 32)
        old = sign(petition, "old@example.org")
    fresh = sign(petition, "fresh@example.org")
    HashSalt.objects.create(day=timezone.now().date(), salt=b"y" * 32)
    run_privacy_sweep()
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert (old.ip_hash, fresh.ip_hash) == ("", "abc123")
    assert list(HashSalt.objects.values_list("day", flat=True)) == [timezone.now().date()]


def test_personal_data_of_a_closed_petition_is_erased_after_its_retention_period(
    admin_client, petition
):
    sign(petition, "a@example.org", country="BE")
    sign(petition, "b@example.org", country="FR")
    petition.retention_months = 2
    petition.save()
    url = f"/admin/snippets/petitions/petition/edit/{petition.pk}/"
    form = {
        "slug": petition.slug,
        "name": petition.name,
        "goal": "100",
        "status": "closed",
        "retention_months": "2",
        "hourly_limit_per_address": "20",
        "hourly_limit_per_network": "200",
        "alert_threshold": "50",
    }
    assert admin_client.post(url, form).status_code == 302
    petition.refresh_from_db()
    assert petition.closed_at is not None
    due = petition.personal_data_erasure_due()
    assert timedelta(days=58) < due - petition.closed_at < timedelta(days=63)
    listing = admin_client.get("/admin/snippets/petitions/petition/").content.decode()
    assert "Personal data erased on" in listing or "effacées" in listing

    with time_machine.travel(due - timedelta(days=1)):
        assert run_privacy_sweep().signatures_erased == 0
    with time_machine.travel(due + timedelta(hours=1)):
        assert run_privacy_sweep().signatures_erased == 2
        assert run_privacy_sweep().signatures_erased == 0  # safe to run twice
    rows = Signature.objects.filter(petition=petition)
    assert all(
        (s.personal_data, s.email_digest, s.email_domain, s.ip_hash) == ("", None, "", "")
        for s in rows
    )
    assert sorted(rows.values_list("country", flat=True)) == ["BE", "FR"]
    assert all(
        timezone.localtime(s.confirmed_at).hour == 0 for s in rows
    )  # the day is kept, not the time
    assert services.rebuild_signature_count(petition_id=petition.pk) == 2
    # The addresses are free again: a new petition... and the same one keeps its count.
    petition.refresh_from_db()
    assert petition.confirmed_count == 2


def test_an_open_petition_keeps_its_data(petition):
    sign(petition, "a@example.org")
    with time_machine.travel(timezone.now() + timedelta(days=3650)):
        Petition.objects.filter(pk=petition.pk).update(deadline=None)
        report = run_privacy_sweep()
    assert report.signatures_erased == 0
    assert Signature.objects.get().personal_data


def test_a_petition_past_its_deadline_counts_from_the_deadline(petition):
    sign(petition, "a@example.org")
    deadline = timezone.now() + timedelta(days=1)
    Petition.objects.filter(pk=petition.pk).update(deadline=deadline, retention_months=1)
    petition.refresh_from_db()
    assert petition.personal_data_erasure_due() > deadline + timedelta(days=27)
    with time_machine.travel(deadline + timedelta(days=32)):
        assert run_privacy_sweep().signatures_erased == 1


@pytest.mark.django_db(
    transaction=True, serialized_rollback=True
)  # the worker closes its connection
def test_email_task_arguments_are_erased_once_sent_and_when_stale(petition, settings):
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "petitio.core.tasks_backend.DatabaseBackend"}}
    sign(petition, "sent@example.org", confirm=False)
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert mail.outbox[-1].to == ["sent@example.org"]
    sent = DBTaskResult.objects.get()
    assert "sent@example.org" not in str(sent.args_kwargs)
    assert sent.args_kwargs["kwargs"]["signature"]
    with time_machine.travel(timezone.now() - timedelta(days=8)):
        sign(petition, "never-sent@example.org", confirm=False)
        sign(petition, "worker-died@example.org", confirm=False)
        sign(petition, "being-sent@example.org", confirm=False)
    # A worker killed between sending and recording the result leaves its task running.
    DBTaskResult.objects.filter(
        args_kwargs__kwargs__recipient_email="worker-died@example.org"
    ).update(status="RUNNING", started_at=timezone.now() - timedelta(days=8))
    DBTaskResult.objects.filter(
        args_kwargs__kwargs__recipient_email="being-sent@example.org"
    ).update(status="RUNNING", started_at=timezone.now())
    assert DBTaskResult.objects.filter(args_kwargs__kwargs__has_key="recipient_email").exists()
    run_privacy_sweep()
    left = str(list(DBTaskResult.objects.values_list("args_kwargs")))
    assert "never-sent" not in left
    assert "worker-died" not in left
    assert "being-sent" in left  # queued long ago, but running now: its worker needs it
