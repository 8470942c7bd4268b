"""Recompute every petition's confirmed count from its signature rows."""

from django.core.management.base import BaseCommand

from petitio.petitions.models import Petition
from petitio.petitions.services import rebuild_signature_count


class Command(BaseCommand):
    help = "Recompute the confirmed signature count of every petition (or those named)."

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="Only these petitions (default: all).")

    def handle(self, *args, slugs, **options):
        petitions = Petition.objects.order_by("pk")
        if slugs:
            petitions = petitions.filter(slug__in=slugs)
        for petition in petitions:
            before = petition.confirmed_count
            after = rebuild_signature_count(petition_id=petition.pk)
            marker = "" if before == after else f" (was {before})"
            self.stdout.write(f"{petition.slug}: {after}{marker}")
