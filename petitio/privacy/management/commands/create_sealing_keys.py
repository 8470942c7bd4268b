"""Create the organisation's sealing key pair; show the private key once.

The public key is stored in the privacy settings and seals every record from now
on. The private key is printed (or written to --private-key-file, readable by its
owner only) and never stored by the server: whoever keeps it can open exports
with `petitio decrypt`; if it is lost, sealed data stays sealed for ever.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from petitio.privacy import crypto
from petitio.privacy.models import PrivacySettings
from petitio.privacy.personal_data import forget_cached_protection


class Command(BaseCommand):
    help = "Create a sealing key pair: store the public key, show the private key once."

    def add_arguments(self, parser):
        parser.add_argument(
            "--private-key-file",
            type=Path,
            help="Write the private key to this new file (mode 600) instead of printing it.",
        )
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="Do nothing if a key exists already (for scripted set-ups).",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Replace an existing key. Records sealed before stay sealed to the old key.",
        )

    def handle(self, *args, private_key_file: Path | None, if_missing: bool, replace: bool, **kw):
        privacy = PrivacySettings.load()
        if privacy.sealing_public_key:
            if if_missing:
                self.stdout.write(f"A sealing key exists already (id {privacy.sealing_key_id}).")
                return
            if not replace:
                raise CommandError(
                    f"A sealing key exists already (id {privacy.sealing_key_id}). Use "
                    "--replace to create a new one: records sealed before stay readable "
                    "only with the old private key."
                )
        if private_key_file is not None and private_key_file.exists():
            raise CommandError(f"{private_key_file} exists already; choose a new file name.")
        pair = crypto.generate_key_pair()
        if private_key_file is not None:
            private_key_file.parent.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(private_key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w", encoding="ascii") as handle:
                handle.write(pair.private_key + "\n")
        privacy.sealing_public_key = pair.public_key
        privacy.sealing_key_created_at = timezone.now()
        privacy.save(update_fields=["sealing_public_key", "sealing_key_created_at"])
        forget_cached_protection()
        self.stdout.write(self.style.SUCCESS(f"Sealing key {pair.key_id} created."))
        if private_key_file is not None:
            self.stdout.write(f"Private key written to {private_key_file}.")
        else:
            self.stdout.write(
                "Private key (shown once; keep it off this server, for example in a "
                "password manager):\n" + pair.private_key
            )
        self.stdout.write(
            "Open exports on your own computer with: petitio decrypt --key FILE export.csv"
        )
