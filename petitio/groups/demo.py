"""Demo school groups: the directory page in French, Dutch and English, eight
approved fictional groups across Belgium and one awaiting moderation.

Idempotent: does nothing when a SchoolGroupIndexPage exists. Schools and
coordinators are invented; addresses are on example.org, which receives no mail.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from petitio.content.demo import publish, translate
from petitio.content.models import HomePage
from petitio.core.emails import email_digest
from petitio.privacy.personal_data import encrypt_for_server

from .models import Province, SchoolGroup, SchoolGroupIndexPage

DEFAULT_LANGUAGE = settings.LANGUAGE_CODE
OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != DEFAULT_LANGUAGE]

INDEX_PAGE = {
    "fr": {
        "title": "Groupes-écoles",
        "slug": "groupes-ecoles",
        "intro": (
            "Dans toute la Belgique, des élèves et des enseignants agissent ensemble pour les "
            "droits humains : écriture de lettres, pétitions sur papier, débats. Rejoins un "
            "de nos groupes-écoles actifs !"
        ),
    },
    "nl": {
        "title": "Schoolgroepen",
        "slug": "schoolgroepen",
        "intro": (
            "Overal in België komen leerlingen en leerkrachten samen op voor de mensenrechten: "
            "brieven schrijven, petities op papier, debatten. Sluit je aan bij een van onze "
            "actieve schoolgroepen!"
        ),
    },
    "en": {
        "title": "School groups",
        "slug": "school-groups",
        "intro": (
            "All over Belgium, pupils and teachers take action together for human rights: "
            "letter writing, paper petitions, debates. Join one of our active school groups!"
        ),
    },
}

# (school, street, postcode, municipality, province, language, description, coordinator)
APPROVED_GROUPS = [
    (
        "Athénée des Tilleuls",
        "Rue des Tilleuls 12",
        "1050",
        "Ixelles",
        Province.BRUSSELS,
        "fr",
        "Un groupe de rhétos qui écrit chaque mois aux autorités pour des prisonniers d’opinion.",
        ("Sophie", "Lambert"),
    ),
    (
        "Koninklijk Atheneum De Linde",
        "Lindelaan 4",
        "2018",
        "Antwerpen",
        Province.ANTWERP,
        "nl",
        "Leerlingen van het vijfde en zesde jaar voeren actie voor vluchtelingenrechten.",
        ("Pieter", "Janssens"),
    ),
    (
        "Sint-Jozefscollege Heidebloem",
        "Kerkstraat 88",
        "3500",
        "Hasselt",
        Province.LIMBURG,
        "nl",
        "Een kleine, enthousiaste groep die petities op papier verzamelt op de speelplaats.",
        ("Els", "Vermeulen"),
    ),
    (
        "Institut Saint-Exupéry",
        "Avenue du Parc 3",
        "4000",
        "Liège",
        Province.LIEGE,
        "fr",
        "Débats, expositions et marathon d’écriture de lettres chaque décembre.",
        ("Karim", "Benali"),
    ),
    (
        "Lycée des Quatre Vents",
        "Chaussée de Mons 240",
        "7000",
        "Mons",
        Province.HAINAUT,
        "fr",
        "Nous sensibilisons les autres classes à la liberté d’expression.",
        ("Nathalie", "Dupont"),
    ),
    (
        "Collège du Bois Joli",
        "Rue du Bois 19",
        "5000",
        "Namur",
        Province.NAMUR,
        "fr",
        "",
        ("Thomas", "Renard"),
    ),
    (
        "GO! Campus Zeewind",
        "Zeedijk 150",
        "8400",
        "Oostende",
        Province.WEST_FLANDERS,
        "nl",
        "Wij schrijven brieven voor mensenrechtenverdedigers wereldwijd.",
        ("Jonas", "De Smet"),
    ),
    (
        "European School Brussels Fictional",
        "Avenue des Étoiles 1",
        "1000",
        "Bruxelles",
        Province.BRUSSELS,
        "en",
        "Pupils from many countries campaigning together in English.",
        ("Hannah", "Miller"),
    ),
]

PENDING_GROUP = (
    "École communale des Coquelicots",
    "Place du Marché 7",
    "1300",
    "Wavre",
    Province.WALLOON_BRABANT,
    "fr",
    "Un nouveau groupe dans une école primaire et secondaire.",
    ("Julie", "Martin"),
)


def create_group(data: tuple, *, status: str) -> SchoolGroup:
    school, street, postcode, municipality, province, language, description, person = data
    first_name, last_name = person
    email = f"{first_name}.{last_name}".lower().replace(" ", "") + "@example.org"
    now = timezone.now()
    return SchoolGroup.objects.create(
        school_name=school,
        street_address=street,
        postcode=postcode,
        municipality=municipality,
        province=province,
        language=language,
        description=description,
        coordinator_contact=encrypt_for_server(
            {"first_name": first_name, "last_name": last_name, "email": email}
        ),
        coordinator_email_digest=email_digest(email),
        status=status,
        email_confirmed_at=now,
        decided_at=now if status == SchoolGroup.Status.APPROVED else None,
    )


@transaction.atomic
def build_demo_groups() -> bool:
    """Create the directory pages and the demo groups; return whether it did.

    Needs the demo home pages (build_demo_site); does nothing without them, or when
    a directory page exists already.
    """
    if SchoolGroupIndexPage.objects.exists():
        return False
    home = HomePage.objects.filter(locale__language_code=DEFAULT_LANGUAGE).first()
    if home is None:
        return False
    index = SchoolGroupIndexPage(**INDEX_PAGE[DEFAULT_LANGUAGE], show_in_menus=True)
    home.add_child(instance=index)
    publish(index)
    for language in OTHER_LANGUAGES:
        translate(index, language, **INDEX_PAGE[language])
    for data in APPROVED_GROUPS:
        create_group(data, status=SchoolGroup.Status.APPROVED)
    create_group(PENDING_GROUP, status=SchoolGroup.Status.PENDING)
    return True
