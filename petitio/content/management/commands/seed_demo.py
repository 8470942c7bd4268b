from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from petitio.content.demo import build_demo_site
from petitio.privacy import crypto
from petitio.privacy.models import PrivacySettings
from petitio.privacy.personal_data import forget_cached_protection

# The demo seals signers' data like a real installation. Its private key is kept
# beside the database so that a newcomer can try `petitio decrypt`; a real
# organisation runs create_sealing_keys and keeps the private key off the server.
DEMO_PRIVATE_KEY_FILE = settings.VAR_DIR / "demo-sealing-private.key"


class Command(BaseCommand):
    help = "Create the demo site (fictional organisation) in French, Dutch and English."

    def handle(self, *args, **options):
        # Keys first: the demo's own signatures are sealed like anyone's.
        self.ensure_demo_sealing_key()
        if build_demo_site():
            self.stdout.write(self.style.SUCCESS("Demo content created in fr, nl and en."))
        else:
            self.stdout.write("Demo content already present; nothing changed.")

    def ensure_demo_sealing_key(self) -> None:
        privacy = PrivacySettings.load()
        if privacy.sealing_public_key:
            return
        if DEMO_PRIVATE_KEY_FILE.exists():  # A new database beside an earlier demo key.
            private_key = DEMO_PRIVATE_KEY_FILE.read_text(encoding="ascii")
            privacy.sealing_public_key = crypto.public_key_of(private_key)
            privacy.sealing_key_created_at = timezone.now()
            privacy.save()
            forget_cached_protection()
            return
        call_command("create_sealing_keys", private_key_file=DEMO_PRIVATE_KEY_FILE)
        self.stdout.write(
            "Demo only: this private key sits on the server so you can try `petitio "
            "decrypt`. A real organisation keeps it elsewhere."
        )
