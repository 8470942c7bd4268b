"""Petitio's task worker: tasks claimed and finished in batches, results as
django-tasks-db records them, nothing lost when a worker stops or dies."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks import task
from django_tasks.signals import task_finished
from django_tasks_db.models import DBTaskResult

from petitio.core.tasks_worker import Worker, requeue_stalled_tasks, update_own_row
from petitio.petitions import services
from petitio.petitions.services import SignatureDetails

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DATABASE_BACKEND = {"default": {"BACKEND": "petitio.core.tasks_backend.DatabaseBackend"}}


@task()
def succeeds(number: int) -> int:
    return number * 2


@task()
def fails() -> None:
    raise RuntimeError("the mail server said no")


@task()
def returns_what_cannot_be_stored() -> object:
    return object()


@task(takes_context=True)
def notes_on_its_row(context) -> None:
    update_own_row(context.task_result, args_kwargs={"args": [], "kwargs": {"noted": True}})


# The worker a test runs, for tasks that ask it to stop (as one Ctrl-C does).
running_worker: list[Worker] = []


@task()
def asks_the_worker_to_stop() -> None:
    running_worker[0].running = False


def new_worker(**options) -> Worker:
    return Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
        **options,
    )


def task_writes(queries: CaptureQueriesContext) -> list[str]:
    """The UPDATE statements of the task table (an executemany() counts once)."""
    return [q["sql"] for q in queries.captured_queries if 'UPDATE "django_tasks' in q["sql"]]


def run_worker(*options: str) -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", *options, verbosity=0)


def test_a_sent_email_is_claimed_then_finished_with_its_address_erased_in_one_write(
    petition, settings
):
    settings.TASKS = DATABASE_BACKEND
    services.sign_petition(
        petition=petition,
        details=SignatureDetails(
            first_name="Nur", last_name="A", email="nur@example.org", country="BE"
        ),
        locale="fr",
    )
    with CaptureQueriesContext(connection) as queries:
        run_worker()
    assert mail.outbox[-1].to == ["nur@example.org"]
    row = DBTaskResult.objects.get()
    assert row.status == "SUCCESSFUL"
    assert "nur@example.org" not in str(row.args_kwargs)
    assert row.args_kwargs["kwargs"]["signature"]
    assert len(task_writes(queries)) == 2  # the claim; the result with the erasure


def test_a_failing_task_is_recorded_as_failed_and_the_next_one_still_runs(settings):
    settings.TASKS = DATABASE_BACKEND
    failing = fails.enqueue()
    succeeding = succeeds.enqueue(21)
    run_worker()
    failed = DBTaskResult.objects.get(id=failing.id)
    assert failed.status == "FAILED"
    assert failed.exception_class_path == "builtins.RuntimeError"
    assert "the mail server said no" in failed.traceback
    done = DBTaskResult.objects.get(id=succeeding.id)
    assert (done.status, done.return_value, done.traceback) == ("SUCCESSFUL", 42, "")
    assert done.finished_at is not None


def test_a_return_value_that_cannot_be_stored_fails_the_task(settings):
    settings.TASKS = DATABASE_BACKEND
    result = returns_what_cannot_be_stored.enqueue()
    after = succeeds.enqueue(1)
    run_worker()
    failed = DBTaskResult.objects.get(id=result.id)
    assert failed.status == "FAILED"
    assert failed.exception_class_path == "builtins.TypeError"
    assert DBTaskResult.objects.get(id=after.id).status == "SUCCESSFUL"


def test_the_last_result_is_written_before_the_worker_stops(settings):
    settings.TASKS = DATABASE_BACKEND
    first = succeeds.enqueue(1)
    second = succeeds.enqueue(2)
    call_command("db_worker", "--max-tasks", "1", "--no-startup-delay", verbosity=0)
    statuses = {
        row.id: row.status for row in DBTaskResult.objects.filter(id__in=[first.id, second.id])
    }
    assert sorted(statuses.values()) == ["READY", "SUCCESSFUL"]


def test_task_finished_is_sent_once_the_result_is_stored(settings):
    settings.TASKS = DATABASE_BACKEND
    seen = []

    def record(sender, task_result, **kwargs):
        seen.append((task_result.status, DBTaskResult.objects.get(id=task_result.id).status))

    task_finished.connect(record)
    try:
        succeeds.enqueue(3)
        run_worker()
    finally:
        task_finished.disconnect(record)
    assert [(str(status), stored) for status, stored in seen] == [("SUCCESSFUL", "SUCCESSFUL")]


def test_a_task_changing_its_own_row_gets_it_written_by_the_worker_or_at_once(settings):
    settings.TASKS = DATABASE_BACKEND
    queued = notes_on_its_row.enqueue()
    run_worker()
    row = DBTaskResult.objects.get(id=queued.id)
    assert (row.status, row.args_kwargs["kwargs"]) == ("SUCCESSFUL", {"noted": True})
    # Outside the worker (another worker, a test calling the task) the change is written at once.
    other = succeeds.enqueue(5)
    update_own_row(other, args_kwargs={"args": [], "kwargs": {}})
    assert DBTaskResult.objects.get(id=other.id).args_kwargs == {"args": [], "kwargs": {}}


def test_tasks_are_claimed_and_finished_in_batches_of_the_claim_size(settings):
    settings.TASKS = DATABASE_BACKEND
    queued = [succeeds.enqueue(number) for number in range(25)]
    with CaptureQueriesContext(connection) as queries:
        run_worker("--claim-size", "10")
    rows = DBTaskResult.objects.filter(id__in=[result.id for result in queued])
    assert sorted(row.return_value for row in rows) == [number * 2 for number in range(25)]
    assert {(row.status, tuple(row.worker_ids)) for row in rows} == {
        ("SUCCESSFUL", (rows[0].worker_ids[0],))
    }
    assert all(row.started_at <= row.finished_at for row in rows)
    # Claims of 10, 10 and 5, each writing the previous batch's results: 3 + 3.
    assert len(task_writes(queries)) == 6


def test_a_worker_asked_to_stop_hands_back_the_tasks_it_claimed_but_did_not_start(settings):
    settings.TASKS = DATABASE_BACKEND
    first = succeeds.enqueue(1)
    stop = asks_the_worker_to_stop.enqueue()
    rest = [succeeds.enqueue(number) for number in range(3)]
    worker = new_worker(claim_size=10)
    running_worker[:] = [worker]
    worker.run()
    done = DBTaskResult.objects.filter(id__in=[first.id, stop.id])
    assert {row.status for row in done} == {"SUCCESSFUL"}
    handed_back = DBTaskResult.objects.filter(id__in=[result.id for result in rest])
    assert [(row.status, row.started_at, row.worker_ids) for row in handed_back] == [
        ("READY", None, [])
    ] * 3
    # The next worker runs them.
    run_worker()
    assert {row.status for row in handed_back.all()} == {"SUCCESSFUL"}


def test_tasks_left_running_by_a_dead_worker_are_requeued_after_the_stall_delay(settings):
    settings.TASKS = DATABASE_BACKEND
    settings.TASK_STALLED_AFTER_SECONDS = 600
    abandoned = succeeds.enqueue(1)
    still_running = succeeds.enqueue(2)
    now = timezone.now()
    DBTaskResult.objects.filter(id=abandoned.id).update(
        status="RUNNING", started_at=now - timedelta(seconds=601), worker_ids=["dead"]
    )
    DBTaskResult.objects.filter(id=still_running.id).update(
        status="RUNNING", started_at=now - timedelta(seconds=30), worker_ids=["alive"]
    )
    call_command("run_scheduler", "--once", verbosity=0)
    requeued = DBTaskResult.objects.get(id=abandoned.id)
    assert (requeued.status, requeued.started_at, requeued.worker_ids) == ("READY", None, ["dead"])
    assert DBTaskResult.objects.get(id=still_running.id).status == "RUNNING"
    assert requeue_stalled_tasks(running_longer_than=timedelta(seconds=600)) == 0
    run_worker()
    assert DBTaskResult.objects.get(id=abandoned.id).return_value == 2


class SteadyLoad:
    """Stands in for OthersLoad: the rest of the machine keeps `share` of it busy."""

    def __init__(self, share: float) -> None:
        self.share = share

    def busy_share(self) -> float:
        return self.share


def test_a_worker_gives_way_while_the_machine_is_busy_but_claims_a_batch_now_and_then(
    monkeypatch,
):
    clock = [1000.0]
    monkeypatch.setattr("petitio.core.tasks_worker.time.monotonic", lambda: clock[0])
    worker = new_worker(yield_when_busy=0.5, longest_yield=30)
    worker.others_load = SteadyLoad(0.9)
    giving_way = []
    for now in (1000, 1010, 1029.9, 1030, 1031, 1060):
        clock[0] = now
        giving_way.append(worker._giving_way())
    assert giving_way == [True, True, True, False, True, False]
    worker.others_load = SteadyLoad(0.2)
    assert worker._giving_way() is True  # less busy, not yet for calm_seconds
    clock[0] = 1061
    assert worker._giving_way() is False
    assert new_worker()._giving_way() is False  # by default a worker never gives way


def test_having_given_way_a_worker_claims_again_once_the_machine_stays_calm(monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr("petitio.core.tasks_worker.time.monotonic", lambda: clock[0])
    worker = new_worker(yield_when_busy=0.5, longest_yield=30, calm_seconds=1.0)
    readings = iter([0.9, 0.3, 0.3, 0.8, 0.3, 0.3, 0.3, 0.3])
    worker.others_load = LoadSequence(readings)
    giving_way = []
    for now in (1000, 1000.1, 1000.5, 1000.6, 1000.7, 1001.0, 1001.7, 1001.8):
        clock[0] = now
        giving_way.append(worker._giving_way())
    # A dip under the share (0.3) is not enough: the machine must stay under it for
    # calm_seconds, counted again from the last busy reading (0.8 at 1000.6).
    assert giving_way == [True, True, True, True, True, True, False, False]


class LoadSequence:
    """Stands in for OthersLoad: one reading after another."""

    def __init__(self, readings) -> None:
        self.readings = readings

    def busy_share(self) -> float:
        return next(self.readings)


def test_a_worker_giving_way_still_runs_every_task(settings):
    settings.TASKS = DATABASE_BACKEND
    queued = [succeeds.enqueue(number) for number in range(3)]
    worker = new_worker(yield_when_busy=0.5, longest_yield=0)
    worker.others_load = SteadyLoad(1.0)
    worker.run()
    rows = DBTaskResult.objects.filter(id__in=[result.id for result in queued])
    assert {row.status for row in rows} == {"SUCCESSFUL"}


def test_the_load_of_other_processes_is_read_from_proc_stat(tmp_path, monkeypatch):
    from petitio.core import machine_load

    stat = tmp_path / "stat"
    monkeypatch.setattr(machine_load.os, "getpriority", lambda which, who: 19)  # niced
    monkeypatch.setattr(machine_load.os, "times", lambda: os.times_result((5.0, 0.0, 0, 0, 0)))
    load = machine_load.OthersLoad(stat)
    # user nice system idle iowait irq softirq steal guest guest_nice
    stat.write_text("cpu  1000 500 200 8000 100 0 0 0 0 0\ncpu0 ...\n")
    assert load.busy_share() == 0.0  # one reading: nothing to compare yet
    # 200 ticks later: 120 user, 30 nice (this niced worker's), 10 system, 40 idle.
    stat.write_text("cpu  1120 530 210 8040 100 0 0 0 0 0\n")
    assert load.busy_share() == pytest.approx(130 / 200)
    stat.write_text("cpu  1121 530 210 8041 100 0 0 0 0 0\n")
    assert load.busy_share() == pytest.approx(130 / 200)  # too short a window: as before
    stat.unlink()
    assert load.busy_share() == 0.0  # no /proc/stat (not Linux): never busy
