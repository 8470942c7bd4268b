from io import StringIO

from django.core.management import call_command

from petitio.petitions.models import Petition, Signature


def test_rebuild_signature_counts_repairs_drift(petition):
    Signature.objects.create(
        petition=petition,
        email_digest="a" * 64,
        country="BE",
        locale="fr",
        status=Signature.Status.CONFIRMED,
    )
    Petition.objects.filter(pk=petition.pk).update(confirmed_base=50)
    out = StringIO()
    call_command("rebuild_signature_counts", stdout=out)
    petition.refresh_from_db()
    assert petition.confirmed_count == 1
    assert "was 50" in out.getvalue()
