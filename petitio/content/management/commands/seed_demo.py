from django.core.management.base import BaseCommand

from petitio.content.demo import build_demo_site


class Command(BaseCommand):
    help = "Create the demo site (organisation, petitions, legal pages) unless it exists."

    def handle(self, *args, **options):
        if build_demo_site():
            self.stdout.write(self.style.SUCCESS("Demo content created in fr, nl and en."))
        else:
            self.stdout.write("Demo content already present; nothing changed.")
