"""Prepare a freshly migrated database for the benchmark and write the visitors' plan.

    python -m bench.prepare --out var/bench/sqlite/plan.json

Loads the demo content (`seed_demo`: real pages in French, Dutch and English,
sealed mode with the demo key), picks the demo's open petition, and writes the
URLs visitors will use. Runs with the benchmarked server's settings.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path


def prepare() -> dict:
    from django.core.management import call_command

    from petitio.petitions.models import Petition, PetitionPage

    call_command("seed_demo", verbosity=0)
    petition = Petition.objects.filter(status=Petition.Status.OPEN).order_by("pk").first()
    if petition is None:
        raise SystemExit("The demo content has no open petition to benchmark.")
    pages = PetitionPage.objects.live().filter(petition=petition).select_related("locale")
    languages = sorted(page.locale.language_code for page in pages)
    return {
        "petition": petition.slug,
        "page_paths": [page.url for page in pages],
        "count_paths": [f"/api/v1/petitions/{petition.slug}?lang={lang}" for lang in languages],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "petitio.settings.production")
    import django

    django.setup()
    Path(args.out).write_text(json.dumps(prepare()))


if __name__ == "__main__":
    main()
