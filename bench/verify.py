"""After the load: check the database against what the load generator was told.

Runs with the benchmarked server's settings and environment:

    python -m bench.verify --petition SLUG --acknowledged acks.txt \
        [--confirmed N] [--smtp-stats smtp.json]

Checks, and prints as JSON:
- every acknowledged signature is in the database, and none twice;
- each has its email task (queued, or already sent);
- with --smtp-stats: each acknowledged address received exactly one email;
- the petition's stored count equals the count rebuilt from the rows, and with
  --confirmed, the number of confirmations the visitors were told succeeded.
Exit status 1 when any check fails.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path


def chunks(items: list, size: int = 500):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def wait_drained(timeout: float) -> dict:
    """Wait until no email task is waiting or running; say how long it took."""
    import time

    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    started = time.monotonic()
    unfinished = (TaskResultStatus.READY, TaskResultStatus.RUNNING)
    while True:
        left = DBTaskResult.objects.filter(status__in=unfinished).count()
        waited = time.monotonic() - started
        if not left or waited > timeout:
            return {"drained": not left, "left": left, "seconds": round(waited, 1)}
        time.sleep(0.5)


def verify(args: argparse.Namespace) -> dict:
    from django.db.models import Count, Q
    from django_tasks_db.models import DBTaskResult

    from petitio.core.emails import email_digest
    from petitio.petitions.models import Petition, Signature

    petition = Petition.objects.get(slug=args.petition)
    acknowledged = Path(args.acknowledged).read_text().split()
    digests = [email_digest(address) for address in acknowledged]
    found: Counter[str] = Counter()
    public_ids: list[str] = []
    for part in chunks(digests):
        rows = Signature.objects.filter(petition=petition, email_digest__in=part)
        for digest, public_id in rows.values_list("email_digest", "public_id"):
            found[digest] += 1
            public_ids.append(str(public_id))
    missing = [d for d in digests if not found[d]]
    duplicated = [d for d, n in found.items() if n > 1]
    queued_directly = (
        [email_digest(a) for a in Path(args.also_emailed).read_text().split()]
        if args.also_emailed
        else []
    )
    known = set(digests) | set(queued_directly)
    extra = sum(
        1
        for digest in Signature.objects.filter(
            petition=petition, email_domain="example.org"
        ).values_list("email_digest", flat=True)
        if digest not in known
    )

    tasks_per_signature: Counter[str] = Counter()
    for result in DBTaskResult.objects.filter(task_path__endswith="_email").values_list(
        "args_kwargs", flat=True
    ):
        public_id = (result.get("kwargs") or {}).get("signature")
        if public_id:
            tasks_per_signature[public_id] += 1
    without_email = [public_id for public_id in public_ids if not tasks_per_signature[public_id]]

    confirmed_rows = Signature.objects.filter(
        petition=petition, status=Signature.Status.CONFIRMED
    ).aggregate(counted=Count("pk", filter=Q(flags="")), all=Count("pk"))
    petition.refresh_from_db()
    report = {
        "acknowledged": len(acknowledged),
        "found": sum(1 for d in digests if found[d]),
        "missing": len(missing),
        "duplicated": len(duplicated),
        "unacknowledged_rows": extra,
        "without_email_task": len(without_email),
        "flagged": Signature.objects.filter(petition=petition).exclude(flags="").count(),
        "stored_count": petition.confirmed_count,
        "rebuilt_count": confirmed_rows["counted"],
        "confirmed_rows": confirmed_rows["all"],
    }
    failures = []
    if missing:
        failures.append(f"{len(missing)} acknowledged signatures are missing")
    if duplicated:
        failures.append(f"{len(duplicated)} signatures are stored twice")
    if without_email:
        failures.append(f"{len(without_email)} signatures have no email task")
    if petition.confirmed_count != confirmed_rows["counted"]:
        failures.append("the stored count differs from the rows")
    if args.confirmed is not None and args.confirmed != confirmed_rows["all"]:
        failures.append(
            f"{args.confirmed} confirmations acknowledged, {confirmed_rows['all']} stored"
        )
    if args.smtp_stats:
        per_recipient = json.loads(Path(args.smtp_stats).read_text())["per_recipient"]
        expected = acknowledged + (
            Path(args.also_emailed).read_text().split() if args.also_emailed else []
        )
        not_once = [a for a in expected if per_recipient.get(a.lower(), 0) != 1]
        report["emails_sent"] = sum(per_recipient.values())
        report["addresses_not_emailed_once"] = len(not_once)
        if not_once:
            failures.append(f"{len(not_once)} addresses did not get exactly one email")
        # Signatures committed but never acknowledged (their server was killed
        # mid-request) get their email too, and also only once.
        twice = [address for address, n in per_recipient.items() if n > 1]
        report["addresses_emailed_twice"] = len(twice)
        if twice:
            failures.append(f"{len(twice)} addresses got the same email twice")
    report["failures"] = failures
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wait-drained", type=float, help="only wait for the queue to empty")
    parser.add_argument("--petition")
    parser.add_argument("--acknowledged")
    parser.add_argument("--confirmed", type=int)
    parser.add_argument("--smtp-stats")
    parser.add_argument("--also-emailed", help="more addresses that must get one email each")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "petitio.settings.production")
    import django

    django.setup()
    if args.wait_drained is not None:
        print(json.dumps(wait_drained(args.wait_drained)))
        return
    report = verify(args)
    print(json.dumps(report))
    sys.exit(1 if report["failures"] else 0)


if __name__ == "__main__":
    main()
