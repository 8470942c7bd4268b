"""Email staff about petitions drawing more flagged signatures than their threshold."""

from django.core.management.base import BaseCommand

from petitio.petitions.alerts import send_abuse_alerts


class Command(BaseCommand):
    help = "Alert staff about petitions past their flagged-signature threshold."

    def handle(self, *args, **options):
        self.stdout.write(f"{send_abuse_alerts()} alert(s) sent.")
