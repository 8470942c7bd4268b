from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from petitio.petitions import services
from petitio.petitions.models import Petition, Signature, SignatureCountShard
from petitio.petitions.services import SignatureDetails, SigningOutcome
from petitio.privacy.consent import consent_text_id
from petitio.privacy.testing import unsealed


def details(email="claire.dubois@example.org", **overrides) -> SignatureDetails:
    values = {"first_name": "Claire", "last_name": "Dubois", "email": email, "country": "BE"}
    values.update(overrides)
    return SignatureDetails(**values)


def sign(petition, email="claire.dubois@example.org", locale="fr", **overrides):
    return services.sign_petition(
        petition=petition, details=details(email, **overrides), locale=locale
    )


def test_first_signature_is_pending_and_sends_a_confirmation_email(petition):
    assert sign(petition) is SigningOutcome.NEW
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.PENDING
    assert signature.consent_text.purpose == "signing"
    assert signature.consent_text.language == "fr"
    assert signature.newsletter_consent_text is None
    assert unsealed(signature.personal_data)["email"] == "claire.dubois@example.org"
    assert "claire" not in signature.personal_data.lower()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["claire.dubois@example.org"]
    assert "/signatures/confirm/" in mail.outbox[0].body
    assert "/signatures/not-me/" in mail.outbox[0].body
    petition.refresh_from_db()
    assert petition.confirmed_count == 0


@pytest.mark.parametrize(
    "variant",
    [
        "CLAIRE.DUBOIS@EXAMPLE.ORG",
        "claire.dubois+petitions@example.org",
        " claire.dubois@Example.org",
    ],
)
def test_second_signature_from_same_address_stores_nothing_new(petition, variant):
    sign(petition)
    assert sign(petition, email=variant.strip()) is SigningOutcome.REPEATED
    assert Signature.objects.count() == 1
    assert unsealed(Signature.objects.get().personal_data)["email"] == "claire.dubois@example.org"


def test_gmail_dots_and_googlemail_alias_count_as_the_same_address(petition):
    sign(petition, email="claire.dubois@gmail.com")
    assert sign(petition, email="ClaireDubois+x@googlemail.com") is SigningOutcome.REPEATED
    assert Signature.objects.count() == 1


def test_repeat_of_a_pending_signature_sends_the_confirmation_again(petition):
    sign(petition)
    sign(petition)
    assert len(mail.outbox) == 2
    assert all("/signatures/confirm/" in message.body for message in mail.outbox)


def test_repeat_of_a_confirmed_signature_sends_an_already_signed_notice(petition):
    sign(petition)
    services.confirm_signature(public_id=Signature.objects.get().public_id)
    sign(petition, locale="en")
    notice = mail.outbox[-1]
    assert "already signed" in notice.subject.lower()
    petition.refresh_from_db()
    assert petition.confirmed_count == 1


def test_closed_petition_refuses_signatures_and_stores_nothing(petition):
    petition.status = Petition.Status.CLOSED
    petition.save()
    with pytest.raises(services.PetitionClosed):
        sign(petition)
    assert not Signature.objects.exists()
    assert not mail.outbox


def test_petition_past_its_deadline_refuses_signatures(petition):
    petition.deadline = timezone.now() - timedelta(minutes=1)
    petition.save()
    with pytest.raises(services.PetitionClosed):
        sign(petition)


def test_confirmation_counts_once_even_when_repeated(petition):
    sign(petition)
    public_id = Signature.objects.get().public_id
    services.confirm_signature(public_id=public_id)
    services.confirm_signature(public_id=public_id)
    petition.refresh_from_db()
    assert petition.confirmed_count == 1
    assert Signature.objects.get().confirmed_at is not None


def test_confirmation_after_closing_is_refused(petition):
    sign(petition)
    Petition.objects.filter(pk=petition.pk).update(status=Petition.Status.CLOSED)
    with pytest.raises(services.PetitionClosed):
        services.confirm_signature(public_id=Signature.objects.get().public_id)
    assert Signature.objects.get().status == Signature.Status.PENDING


def test_rejected_signature_cannot_be_confirmed(petition):
    sign(petition)
    Signature.objects.update(status=Signature.Status.FRAUDULENT)
    with pytest.raises(services.SignatureNotConfirmable):
        services.confirm_signature(public_id=Signature.objects.get().public_id)


def test_withdrawing_a_confirmed_signature_deletes_it_and_uncounts_it(petition):
    sign(petition)
    public_id = Signature.objects.get().public_id
    services.confirm_signature(public_id=public_id)
    services.withdraw_signature(public_id=public_id)
    assert not Signature.objects.exists()
    petition.refresh_from_db()
    assert petition.confirmed_count == 0
    with pytest.raises(services.SignatureNotFound):
        services.withdraw_signature(public_id=public_id)


def test_withdrawn_address_can_sign_again(petition):
    sign(petition)
    services.withdraw_signature(public_id=Signature.objects.get().public_id)
    assert sign(petition) is SigningOutcome.NEW


def test_rebuild_restores_a_count_that_was_tampered_with(petition):
    for index in range(3):
        sign(petition, email=f"person{index}@example.org")
    for signature in Signature.objects.all()[:2]:
        services.confirm_signature(public_id=signature.public_id)
    Petition.objects.filter(pk=petition.pk).update(confirmed_base=999)
    assert services.rebuild_signature_count(petition_id=petition.pk) == 2
    petition.refresh_from_db()
    assert petition.confirmed_count == 2


def test_confirmations_are_spread_over_shards_and_a_rebuild_folds_them_in(petition):
    """The count is not one hot row: confirmations land on shards, never the petition."""
    for index in range(20):
        sign(petition, email=f"person{index}@example.org")
    with CaptureQueriesContext(connection) as queries:
        for signature in Signature.objects.all():
            services.confirm_signature(public_id=signature.public_id)
    assert not [q for q in queries if q["sql"].startswith('UPDATE "petitions_petition"')]
    shards = SignatureCountShard.objects.filter(petition=petition)
    assert shards.count() == services.COUNT_SHARDS
    assert sum(shards.values_list("delta", flat=True)) == 20
    assert shards.filter(delta__gt=0).count() > 1
    signature = Signature.objects.first()
    services.withdraw_signature(public_id=signature.public_id)
    petition.refresh_from_db()
    assert petition.confirmed_count == petition.signature_count == 19
    assert services.rebuild_signature_count(petition_id=petition.pk) == 19
    petition.refresh_from_db()
    assert petition.confirmed_base == 19
    assert set(shards.values_list("delta", flat=True)) == {0}
    assert petition.confirmed_count == 19


def test_signature_and_its_email_task_are_written_in_one_transaction(petition, settings):
    """With the database task backend the task row is part of the signing transaction."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "petitio.core.tasks_backend.DatabaseBackend"}}
    consent_text_id("signing", "fr")  # The wording's first use records it once, not per signature.
    with CaptureQueriesContext(connection) as queries:
        sign(petition)
    assert Signature.objects.count() == 1
    task = DBTaskResult.objects.get()
    assert task.task_path.endswith("send_confirmation_email")
    assert task.args_kwargs["kwargs"]["signature"] == str(Signature.objects.get().public_id)
    # The address rides with the queued task only, to be erased once sent.
    assert task.args_kwargs["kwargs"]["recipient_email"] == "claire.dubois@example.org"
    writes = [q["sql"] for q in queries.captured_queries if q["sql"].startswith(("INSERT", "WITH"))]
    if connection.vendor == "postgresql":
        # One statement writes both rows: one round trip, and atomic on its own.
        assert len(writes) == 1
        assert writes[0].count("INSERT INTO") == 2
    else:
        assert len(writes) == 2


def test_signing_announces_its_email_task_as_the_stored_row_describes_it(petition, settings):
    """task_enqueued carries what django-tasks-db's own TaskResult of the row says."""
    from django_tasks.signals import task_enqueued
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "petitio.core.tasks_backend.DatabaseBackend"}}
    announced = []

    def receive(sender, task_result, **kwargs):
        announced.append(task_result)

    task_enqueued.connect(receive)
    try:
        sign(petition)
    finally:
        task_enqueued.disconnect(receive)
    [result] = announced
    stored = DBTaskResult.objects.get().task_result
    assert result.db_result.pk == stored.db_result.pk
    for name in (
        "task",
        "id",
        "status",
        "enqueued_at",
        "started_at",
        "last_attempted_at",
        "finished_at",
        "args",
        "kwargs",
        "backend",
        "errors",
        "worker_ids",
    ):
        assert getattr(result, name) == getattr(stored, name), name
    assert result.kwargs["recipient_email"] == "claire.dubois@example.org"


def test_a_failure_while_queueing_leaves_no_signature(petition, monkeypatch):
    class BrokenQueue:
        get_backend = staticmethod(services.send_confirmation_email.get_backend)

        @staticmethod
        def enqueue(**kwargs):
            raise RuntimeError("queue unavailable")

    monkeypatch.setattr(services, "send_confirmation_email", BrokenQueue)
    with pytest.raises(RuntimeError):
        sign(petition)
    assert not Signature.objects.exists()


def test_a_task_row_the_database_refuses_leaves_no_signature(petition, settings, monkeypatch):
    from django_tasks_db.models import DBTaskResult

    from petitio.core.tasks_backend import DatabaseBackend

    settings.TASKS = {"default": {"BACKEND": "petitio.core.tasks_backend.DatabaseBackend"}}
    new_task_row = DatabaseBackend.new_task_row

    def refused_row(self, task, args, kwargs):
        row = new_task_row(self, task, args, kwargs)
        row.task_path = None  # NOT NULL: the second INSERT fails
        return row

    monkeypatch.setattr(DatabaseBackend, "new_task_row", refused_row)
    with pytest.raises(IntegrityError), transaction.atomic():
        sign(petition)
    assert not Signature.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_a_repeated_address_gets_its_email_by_public_id(petition, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "petitio.core.tasks_backend.DatabaseBackend"}}
    assert sign(petition) is SigningOutcome.NEW
    assert sign(petition) is SigningOutcome.REPEATED
    assert Signature.objects.count() == 1
    public_id = str(Signature.objects.get().public_id)
    tasks = DBTaskResult.objects.order_by("enqueued_at")
    assert [task.args_kwargs["kwargs"]["signature"] for task in tasks] == [public_id] * 2


@pytest.mark.django_db(
    transaction=True, serialized_rollback=True
)  # the worker closes its connection
def test_the_worker_sends_the_queued_email(petition, settings):
    from django.core.management import call_command

    settings.TASKS = {"default": {"BACKEND": "petitio.core.tasks_backend.DatabaseBackend"}}
    sign(petition)
    assert not mail.outbox
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["claire.dubois@example.org"]


def test_an_email_task_queued_by_an_earlier_version_names_its_signature_by_key(petition):
    from petitio.petitions.tasks import send_confirmation_email

    sign(petition)
    mail.outbox.clear()
    send_confirmation_email.enqueue(
        signature_id=Signature.objects.get().pk,
        locale="fr",
        recipient_email="claire.dubois@example.org",
        recipient_name="Claire",
    )
    assert [message.to for message in mail.outbox] == [["claire.dubois@example.org"]]


def test_confirmation_past_the_deadline_is_refused_and_before_it_counts(petition):
    sign(petition, email="late@example.org")
    sign(petition, email="on-time@example.org")
    late, on_time = Signature.objects.order_by("pk")
    Petition.objects.filter(pk=petition.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    with pytest.raises(services.PetitionClosed):
        services.confirm_signature(public_id=late.public_id)
    Petition.objects.filter(pk=petition.pk).update(deadline=timezone.now() + timedelta(days=1))
    assert services.confirm_signature(public_id=on_time.public_id) == petition.pk
    assert dict(Signature.objects.values_list("public_id", "status")) == {
        late.public_id: Signature.Status.PENDING,
        on_time.public_id: Signature.Status.CONFIRMED,
    }
    petition.refresh_from_db()
    assert petition.confirmed_count == 1


def test_a_flagged_signature_is_confirmed_but_not_counted(petition):
    sign(petition)
    Signature.objects.update(flags="honeypot")
    services.confirm_signature(public_id=Signature.objects.get().public_id)
    assert Signature.objects.get().status == Signature.Status.CONFIRMED
    petition.refresh_from_db()
    assert petition.confirmed_count == 0


def test_when_the_one_statement_confirmation_misses_the_orm_path_confirms_once(
    petition, monkeypatch
):
    """As when the petition reopened between the two reads: the slower path, which
    explains refusals, confirms a signature that is pending and open by then."""
    from petitio.petitions import statements

    monkeypatch.setattr(statements, "confirm_if_pending", lambda public_id, now: None)
    sign(petition)
    public_id = Signature.objects.get().public_id
    assert services.confirm_signature(public_id=public_id) == petition.pk
    assert services.confirm_signature(public_id=public_id) == petition.pk
    assert Signature.objects.get().confirmed_at is not None
    petition.refresh_from_db()
    assert petition.confirmed_count == 1


def test_confirming_an_unknown_signature_changes_nothing(petition):
    import uuid

    sign(petition)
    with pytest.raises(services.SignatureNotFound):
        services.confirm_signature(public_id=uuid.uuid4())
    assert Signature.objects.get().status == Signature.Status.PENDING
    assert not SignatureCountShard.objects.filter(delta__gt=0).exists()
