import re
import uuid

import pytest
from django.core import mail
from django.core.mail import BadHeaderError, EmailMultiAlternatives
from django.db import connection
from django.test.utils import CaptureQueriesContext

from petitio.petitions import emails, services
from petitio.petitions.models import Petition, Signature
from petitio.petitions.services import SignatureDetails
from petitio.petitions.tasks import send_confirmation_email
from petitio.petitions.tokens import LinkPurpose, read_signature_token


def sign(petition, email: str) -> Signature:
    details = SignatureDetails(first_name="Lotte", last_name="Janssens", email=email, country="BE")
    services.sign_petition(petition=petition, details=details, locale="nl")
    return Signature.objects.filter(petition=petition).latest("pk")


def test_the_lookup_by_public_id_finds_each_signature_with_one_query(petition):
    other = Petition.objects.create(
        slug="free-the-detained", name="Free the detained", goal=10, status=Petition.Status.OPEN
    )
    first = sign(petition, "lotte.janssens@example.org")
    second = sign(other, "pieter.claes@example.org")
    for signature, expected in ((first, petition), (second, other), (first, petition)):
        with CaptureQueriesContext(connection) as queries:
            found = emails.signature_for_email(public_id=str(signature.public_id))
        assert found == emails.SignatureForEmail(signature.public_id, expected.pk, expected.name)
        assert len(queries) == 1


def test_a_signature_gone_or_never_stored_is_not_found(petition):
    signature = sign(petition, "lotte.janssens@example.org")
    assert emails.signature_for_email(public_id=str(uuid.uuid4())) is None
    Signature.objects.filter(pk=signature.pk).delete()
    assert emails.signature_for_email(public_id=str(signature.public_id)) is None
    assert emails.signature_for_email(pk=signature.pk) is None


def test_the_lookup_by_key_of_earlier_tasks_finds_the_same_signature(petition):
    signature = sign(petition, "lotte.janssens@example.org")
    assert emails.signature_for_email(pk=signature.pk) == emails.signature_for_email(
        public_id=str(signature.public_id)
    )


def test_each_confirmation_email_links_to_its_own_signature(petition):
    first = sign(petition, "lotte.janssens@example.org")
    second = sign(petition, "pieter.claes@example.org")
    mail.outbox.clear()
    for signature, address in ((first, "lotte@example.org"), (second, "pieter@example.org")):
        send_confirmation_email.enqueue(
            signature=str(signature.public_id),
            locale="nl",
            recipient_email=address,
            recipient_name="Lotte",
        )
    for message, signature in zip(mail.outbox, (first, second), strict=True):
        token = message.body.split("/signatures/confirm/", 1)[1].split("/", 1)[0]
        assert read_signature_token(token, LinkPurpose.CONFIRM) == signature.public_id


def test_no_email_is_sent_for_a_withdrawn_signature(petition):
    signature = sign(petition, "lotte.janssens@example.org")
    Signature.objects.filter(pk=signature.pk).delete()
    mail.outbox.clear()
    send_confirmation_email.enqueue(
        signature=str(signature.public_id),
        locale="nl",
        recipient_email="lotte.janssens@example.org",
        recipient_name="Lotte",
    )
    assert mail.outbox == []


def _without_random_parts(message: bytes) -> bytes:
    """A message's bytes without its random MIME boundary and Message-ID."""
    boundary = re.search(rb'boundary="([^"]+)"', message)
    assert boundary is not None
    message = message.replace(boundary.group(1), b"BOUNDARY")
    return re.sub(rb"Message-ID: <[^>]+>", b"Message-ID: <ID>", message)


@pytest.mark.parametrize(
    "subject",
    [
        "Bevestig uw handtekening: Stop de vervolging van de Oeigoeren",
        "Confirmez votre signature : Arrêtez la persécution des Ouïghours au Xinjiang, libérez "
        "les personnes détenues",
        "Confirm your signature",
    ],
)
def test_a_signing_email_is_the_message_django_would_build(subject):
    def build(kind: type[EmailMultiAlternatives]) -> bytes:
        message = kind(
            subject=subject,
            body="Bonjour Anouk,\n\nCliquez sur le lien.",
            from_email="Amnistie démo <petitions@example.org>",
            to=["anouk.peeters@example.org"],
        )
        message.attach_alternative("<p>Bonjour Anouk,</p>", "text/html")
        built = message.message().as_bytes()
        assert message.subject == subject  # as given, for the local outbox and tests
        return built

    for _ in range(2):  # the second time from the cache
        expected = _without_random_parts(build(EmailMultiAlternatives))
        assert _without_random_parts(build(emails.SigningEmail)) == expected


def test_a_signing_email_refuses_a_subject_on_two_lines():
    message = emails.SigningEmail(subject="Confirmez\nBcc: x@example.org", to=["a@example.org"])
    with pytest.raises(BadHeaderError):
        message.message()
