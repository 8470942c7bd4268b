"""Create the first staff account and print its login once.

Staff sign in with a password and a code from an authenticator app
(settings.WAGTAIL_2FA_REQUIRED): the admin leads a new account through setting it up
at its first login, so the message says what to expect.
"""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create a superuser 'admin' with a random password if no superuser exists."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "Staff account exists. Forgotten the password? "
                f"Run: .venv/bin/python manage.py changepassword {username}"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        banner = "=" * 64
        self.stdout.write(
            f"{banner}\nStaff login for /admin/ (shown only this once):\n"
            f"  username: {username}\n  password: {password}\n"
            "At the first login the admin asks you to set up two-step verification:\n"
            "scan the QR code it shows with an authenticator app on your phone\n"
            "(FreeOTP, Aegis, Google Authenticator...), then enter the 6-digit code.\n"
            f"{banner}"
        )
