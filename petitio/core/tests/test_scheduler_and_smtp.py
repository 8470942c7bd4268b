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
        "petitio.core.smtp.KeptOpenEmailBackend",
        "mail.example.org",
        "587",
        "True",
    ]


class SessionCountingSink(Sink):
    def __init__(self):
        super().__init__()
        self.sessions = set()

    async def handle_DATA(self, server, session, envelope):
        self.sessions.add(session.peer)  # a new connection comes from a new port
        return await super().handle_DATA(server, session, envelope)


def test_the_smtp_connection_is_kept_open_between_messages_and_renewed(settings):
    from django.core.mail import send_mail

    from petitio.core import smtp

    sink = SessionCountingSink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "petitio.core.smtp.KeptOpenEmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    try:
        for number in range(3):
            send_mail(f"Message {number}", "Body", None, [f"p{number}@example.org"])
        assert len(sink.messages) == 3
        assert len(sink.sessions) == 1
        # A connection idle for a while is checked first; a dead one is replaced.
        smtp._kept.last_used -= smtp.IDLE_CHECK_SECONDS + 1
        smtp._kept.connection.close()  # as if the server had hung up
        send_mail("After a pause", "Body", None, ["late@example.org"])
        assert len(sink.messages) == 4
        assert len(sink.sessions) == 2
    finally:
        smtp._drop_kept_connection()
        controller.stop()


def test_a_failed_send_drops_the_connection_and_raises(settings):
    import smtplib

    import pytest
    from django.core.mail import send_mail

    from petitio.core import smtp

    class Refusing(Sink):
        async def handle_RCPT(self, server, session, envelope, address, options):
            return "550 No such user"

    controller = Controller(Refusing(), hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "petitio.core.smtp.KeptOpenEmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    try:
        with pytest.raises(smtplib.SMTPRecipientsRefused):
            send_mail("Refused", "Body", None, ["nobody@example.org"])
        assert smtp._kept.connection is None
    finally:
        smtp._drop_kept_connection()
        controller.stop()
