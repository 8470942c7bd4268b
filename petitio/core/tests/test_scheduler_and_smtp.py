import socket
import subprocess
import sys
from datetime import timedelta

from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.utils import timezone

from petitio.petitions import services
from petitio.petitions.models import PetitionPage
from petitio.petitions.services import SignatureDetails


def test_scheduler_publishes_a_page_whose_time_has_come(petition_page):
    petition_page.title = "Nouveau titre programmé"
    revision = petition_page.save_revision()
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.save()
    call_command("run_scheduler", "--once")
    assert PetitionPage.objects.get(pk=petition_page.pk).title == "Nouveau titre programmé"


class Sink:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_confirmation_email_goes_through_an_smtp_server(petition, settings):
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
        services.sign_petition(
            petition=petition,
            details=SignatureDetails(
                first_name="Zoë", last_name="Peeters", email="zoe@example.org", country="BE"
            ),
            locale="nl",
        )
    finally:
        controller.stop()
    [envelope] = sink.messages
    assert envelope.rcpt_tos == ["zoe@example.org"]
    assert b"/nl/signatures/confirm/" in envelope.content


def test_email_url_selects_the_smtp_backend():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='petitio.settings.dev';"
        "from django.conf import settings as s;"
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_USE_TLS)"
    )
    env = {"EMAIL_URL": "smtp://mailer:secret@mail.example.org:587/?tls=True", "PATH": ""}
    output = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert output.split() == [
        "django.core.mail.backends.smtp.EmailBackend",
        "mail.example.org",
        "587",
        "True",
    ]
