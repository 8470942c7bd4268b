"""Staff translate a petition page with wagtail-localize; all languages share one count."""

from wagtail_localize.models import StringTranslation, Translation

from petitio.petitions.models import PetitionPage


def test_translate_action_creates_pages_that_share_the_petition(
    admin_client, petition_page, locales
):
    response = admin_client.post(
        f"/admin/localize/submit/page/{petition_page.pk}/",
        {"locales": [locales["nl"].pk, locales["en"].pk]},
    )
    assert response.status_code == 302
    dutch = PetitionPage.objects.get(
        locale=locales["nl"], translation_key=petition_page.translation_key
    )
    english = PetitionPage.objects.get(
        locale=locales["en"], translation_key=petition_page.translation_key
    )
    # The language-neutral petition (and so the count) is synchronised, not translated.
    assert dutch.petition_id == english.petition_id == petition_page.petition_id
    translation = Translation.objects.get(target_locale=locales["nl"])
    segments = {s.string.data for s in translation.source.stringsegment_set.all()}
    assert {"Un texte d’introduction.", "Les autorités", "Nous demandons justice."} <= segments
    assert not StringTranslation.objects.exists()  # nothing translated yet: staff do it next
