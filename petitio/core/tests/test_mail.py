from django.core.mail import EmailMessage

from petitio.core.mail import OutboxEmailBackend, list_outbox, read_outbox_message


def test_outbox_backend_writes_one_readable_file_per_message(tmp_path, settings):
    settings.EMAIL_OUTBOX_DIR = tmp_path / "outbox"
    message = EmailMessage(
        "Sujet éè", "Lien : http://x/confirm/abc/", "from@x.org", ["دىلنۇر@x.org"]
    )
    assert OutboxEmailBackend().send_messages([message, message]) == 2
    stored = list(list_outbox())
    assert len(stored) == 2
    assert stored[0].subject == "Sujet éè"
    assert "http://x/confirm/abc/" in stored[0].text
    assert read_outbox_message(stored[0].name).subject == "Sujet éè"


def test_outbox_refuses_paths_outside_it(tmp_path, settings):
    settings.EMAIL_OUTBOX_DIR = tmp_path
    (tmp_path.parent / "secret.eml").write_text("x")
    assert read_outbox_message("../secret.eml") is None
    assert read_outbox_message("nothing.eml") is None


def test_outbox_admin_lists_messages_for_staff_only(client, admin_client, tmp_path, settings):
    settings.EMAIL_OUTBOX_DIR = tmp_path
    OutboxEmailBackend().send_messages(
        [EmailMessage("Confirmez", "http://testserver/fr/x/", "f@x.org", ["a@x.org"])]
    )
    assert client.get("/admin/outbox/").status_code == 302
    listing = admin_client.get("/admin/outbox/")
    assert listing.status_code == 200
    assert "Confirmez" in listing.content.decode()
    name = next(list_outbox()).name
    detail = admin_client.get(f"/admin/outbox/{name}/").content.decode()
    assert '<a href="http://testserver/fr/x/"' in detail
    assert admin_client.get("/admin/outbox/missing.eml/").status_code == 404
