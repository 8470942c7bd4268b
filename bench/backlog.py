"""Queue a backlog of confirmation emails, as a surge that outran the worker leaves.

    python -m bench.backlog --petition SLUG --count 100000 --out backlog.txt

Writes `count` pending signatures of the petition, each sealed like a real one,
and their confirmation-email tasks, in bulk (the web path would take minutes to
queue this many); prints how long it took. The addresses go to --out, one per
line, so the checks can count their emails too.
"""

from __future__ import annotations

import argparse
import os
import time
import uuid
from pathlib import Path

BATCH = 2000


def queue_backlog(slug: str, count: int, out: Path) -> float:
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult, get_date_max

    from petitio.core.emails import email_digest
    from petitio.petitions.models import Petition, Signature
    from petitio.petitions.tasks import send_confirmation_email
    from petitio.privacy.consent import Purpose, consent_text_id
    from petitio.privacy.personal_data import protect_record

    started = time.monotonic()
    petition = Petition.objects.get(slug=slug)
    consent_id = consent_text_id(Purpose.SIGNING, "fr")
    task = send_confirmation_email
    run = uuid.uuid4().hex[:8]
    with out.open("w") as addresses:
        for first in range(0, count, BATCH):
            emails = [
                f"backlog-{run}-{n}@example.org" for n in range(first, min(count, first + BATCH))
            ]
            with transaction.atomic():
                signatures = Signature.objects.bulk_create(
                    Signature(
                        petition=petition,
                        email_digest=email_digest(email),
                        personal_data=protect_record(
                            {
                                "first_name": "Nur",
                                "last_name": "Abdulla",
                                "email": email,
                                "postcode": "",
                            }
                        ),
                        email_domain="example.org",
                        country="BE",
                        locale="fr",
                        consent_text_id=consent_id,
                    )
                    for email in emails
                )
                DBTaskResult.objects.bulk_create(
                    DBTaskResult(
                        id=uuid.uuid4(),
                        args_kwargs={
                            "args": [],
                            "kwargs": {
                                "signature": str(signature.public_id),
                                "locale": "fr",
                                "recipient_email": email,
                                "recipient_name": "Nur",
                            },
                        },
                        priority=task.priority,
                        task_path=task.module_path,
                        queue_name=task.queue_name,
                        run_after=task.run_after or get_date_max(),
                        backend_name=task.backend,
                    )
                    for signature, email in zip(signatures, emails, strict=True)
                )
            addresses.write("\n".join(emails) + "\n")
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--petition", required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "petitio.settings.production")
    import django

    django.setup()
    seconds = queue_backlog(args.petition, args.count, Path(args.out))
    print(f"{args.count} emails queued in {seconds:.1f} s")


if __name__ == "__main__":
    main()
