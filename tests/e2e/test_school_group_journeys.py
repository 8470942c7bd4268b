"""School groups ("groupes-écoles"): pupils join, teachers register and report paper
signatures, staff moderate in the admin. Axe checks the public pages on the way.
The demo site (tests/e2e/conftest.py `demo_site`) includes the demo school groups.
"""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import expect

from petitio.groups.models import GroupMembership, PaperSignatureReport, SchoolGroup
from petitio.petitions.models import Petition, PetitionPage

from .helpers import UYGHUR_SLUG
from .test_accessibility import audit, summary
from .test_staff_journeys import log_into_admin

DIRECTORY = "/fr/groupes-ecoles/"
STAFF_PASSWORD = "a-long-staff-password-for-ines"  # noqa: S105
DEMO_SCHOOL = "Athénée des Tilleuls"
DEMO_COORDINATOR = "sophie.lambert@example.org"


def link_in_last_email(fragment: str, to: str) -> str:
    assert mail.outbox, "no email was sent"
    message = mail.outbox[-1]
    assert message.to == [to], message.to
    match = re.search(rf"https?://\S+/{fragment}/\S+/", message.body)
    assert match, f"no {fragment} link in the email:\n{message.body}"
    return match.group(0)


def press_the_only_button(page) -> None:
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").click()


def log_in_staff(page, base: str) -> None:
    get_user_model().objects.create_superuser("ines", "ines@example.org", STAFF_PASSWORD)
    log_into_admin(page, base, "ines", STAFF_PASSWORD)


def choose_in_row_menu(page, row_text: str, action: str) -> None:
    """In an admin listing, open the "More options" menu of the row and pick `action`."""
    row = page.locator("tr", has_text=row_text)
    row.get_by_role("button", name=re.compile(r"^More options")).click()
    row.get_by_role("link", name=action, exact=True).click()


def test_lea_a_pupil_joins_a_group_from_the_directory_and_confirms(demo_site, page):
    base = demo_site.url
    group = SchoolGroup.objects.get(school_name=DEMO_SCHOOL)

    page.goto(f"{base}{DIRECTORY}")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    card = page.locator(".school-group", has_text=DEMO_SCHOOL)
    card.get_by_role("link").click()
    expect(page).to_have_url(re.compile(rf"/fr/groups/join/\?group={group.pk}$"))
    expect(page.locator("#id_group")).to_have_value(str(group.pk))
    # The first question is the age, and nothing personal is asked yet.
    expect(page.locator("input[name=email]")).to_have_count(0)
    page.locator("input[name=age][value='13-or-older']").check()
    page.locator("main form button[type=submit]").click()

    page.locator("#id_first_name").fill("Léa")
    page.locator("#id_email").fill("lea@example.org")
    page.locator("input[name=role][value=pupil]").check()
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/fr/groups/join/check-your-inbox/$"))
    assert GroupMembership.objects.get().status == GroupMembership.Status.PENDING

    page.goto(link_in_last_email("groups/join/confirm", "lea@example.org"))
    press_the_only_button(page)
    expect(page).to_have_url(re.compile(r"/fr/groups/join/welcome/$"))
    assert GroupMembership.objects.get().status == GroupMembership.Status.CONFIRMED
    notice = mail.outbox[-1]
    assert notice.to == [DEMO_COORDINATOR]
    assert "Élève" in notice.body  # the role only: names stay sealed
    assert "Léa" not in notice.body and "lea@example.org" not in notice.body


def test_noah_under_13_is_asked_to_see_his_teacher_and_nothing_is_stored(demo_site, no_js_page):
    page = no_js_page
    page.goto(f"{demo_site.url}{DIRECTORY}")
    page.locator(".school-group", has_text=DEMO_SCHOOL).get_by_role("link").click()
    page.locator("input[name=age][value='under-13']").check()
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main")).to_contain_text(DEMO_SCHOOL)
    expect(page.locator("main input")).to_have_count(0)
    assert not GroupMembership.objects.exists()
    assert not mail.outbox


def test_nathalie_registers_a_group_staff_approve_it_and_it_appears_in_the_directory(
    demo_site, page
):
    base = demo_site.url
    school = "Collège Imaginaire du Beffroi"

    page.goto(f"{base}{DIRECTORY}")
    page.locator("main").get_by_role("link", name="Inscrire un nouveau groupe").first.click()
    expect(page).to_have_url(re.compile(r"/fr/groups/register/$"))
    page.locator("#id_school_name").fill(school)
    page.locator("#id_street_address").fill("Chaussée de Mons 240")
    page.locator("#id_postcode").fill("7000")
    page.locator("#id_municipality").fill("Mons")
    page.locator("#id_province").select_option("hainaut")
    page.locator("#id_language").select_option("fr")
    page.locator("#id_description").fill("Nous défendons la liberté d’expression.")
    page.locator("#id_coordinator_first_name").fill("Nathalie")
    page.locator("#id_coordinator_last_name").fill("Dupont")
    page.locator("#id_coordinator_email").fill("nathalie.dupont@example.org")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/fr/groups/register/check-your-inbox/$"))

    page.goto(link_in_last_email("groups/register/confirm", "nathalie.dupont@example.org"))
    press_the_only_button(page)
    expect(page).to_have_url(re.compile(r"/fr/groups/register/received/$"))
    group = SchoolGroup.objects.get(school_name=school)
    assert group.status == SchoolGroup.Status.PENDING
    page.goto(f"{base}{DIRECTORY}")
    expect(page.locator("main")).not_to_contain_text(school)

    log_in_staff(page, base)
    sidebar = page.get_by_role("navigation", name="Main menu")
    sidebar.get_by_role("button", name="School groups").click()
    sidebar.get_by_role("link", name="Groups").click()
    expect(page.get_by_role("heading", name="School groups", level=1)).to_be_visible()
    choose_in_row_menu(page, school, "Approve")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    expect(page.get_by_text(f"Group '{group}' approved.")).to_be_visible()
    group.refresh_from_db()
    assert group.status == SchoolGroup.Status.APPROVED
    assert "/groups/paper-signatures/" in mail.outbox[-1].body

    page.goto(f"{base}{DIRECTORY}")
    province = page.locator(".school-groups__province", has_text="Hainaut")
    expect(province.locator(".school-group", has_text=school)).to_be_visible()


def test_sophie_reports_paper_signatures_staff_approve_and_the_petition_counts_them(
    demo_site, page
):
    base = demo_site.url
    petition_page = PetitionPage.objects.get(petition__slug=UYGHUR_SLUG, locale__language_code="fr")

    page.goto(f"{base}{DIRECTORY}")
    page.locator("main").get_by_role("link", name=re.compile("signatures sur papier")).click()
    page.locator("#id_email").fill(DEMO_COORDINATOR)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/fr/groups/paper-signatures/sent/$"))

    page.goto(link_in_last_email("groups/paper-signatures", DEMO_COORDINATOR))
    expect(page.locator("main")).to_contain_text(DEMO_SCHOOL)
    page.locator("#id_petition").select_option(label=petition_page.title)
    page.locator("#id_count").fill("250")
    page.locator("#id_note").fill("Collectées pendant la journée portes ouvertes.")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/fr/groups/paper-signatures/received/$"))
    report = PaperSignatureReport.objects.get()
    assert (report.count, report.status) == (250, PaperSignatureReport.Status.PENDING)
    assert Petition.objects.get(slug=UYGHUR_SLUG).paper_count == 0

    log_in_staff(page, base)
    sidebar = page.get_by_role("navigation", name="Main menu")
    sidebar.get_by_role("button", name="School groups").click()
    sidebar.get_by_role("link", name="Paper signatures").click()
    choose_in_row_menu(page, DEMO_SCHOOL, "Approve")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    expect(page.get_by_text("Report approved")).to_be_visible()
    assert Petition.objects.get(slug=UYGHUR_SLUG).paper_count == 250

    page.goto(f"{base}{petition_page.url}")
    expect(page.locator(".progress__paper")).to_have_text(re.compile(r"dont 250 sur papier"))


def test_amina_meets_no_serious_barrier_on_the_school_group_pages(demo_site, page):
    base = demo_site.url
    group = SchoolGroup.objects.get(school_name=DEMO_SCHOOL)
    blocking: dict[str, list[dict]] = {}

    page.goto(f"{base}{DIRECTORY}")
    blocking["directory"] = audit(page, "the school group directory")
    page.goto(f"{base}{DIRECTORY}?q=zzzz")
    blocking["empty directory"] = audit(page, "the directory with no result")

    page.goto(f"{base}/fr/groups/join/?group={group.pk}")
    blocking["join: age question"] = audit(page, "the age question")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#form-errors")).to_be_visible()
    blocking["join: age question with errors"] = audit(page, "the age question with errors")
    page.locator("input[name=age][value='13-or-older']").check()
    page.locator("main form button[type=submit]").click()
    blocking["join: details"] = audit(page, "the join form")
    page.locator("#id_email").fill("not-an-address")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    expect(page.locator("#form-errors")).to_be_visible()
    blocking["join: details with errors"] = audit(page, "the join form with errors")

    page.goto(f"{base}/fr/groups/register/")
    blocking["register"] = audit(page, "the registration form")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    expect(page.locator("#form-errors")).to_be_visible()
    blocking["register with errors"] = audit(page, "the registration form with errors")

    page.set_viewport_size({"width": 360, "height": 740})
    for path in (DIRECTORY, "/fr/groups/register/"):
        page.goto(f"{base}{path}")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth > document.documentElement.clientWidth"
        )
        assert not overflow, f"{path} scrolls sideways at 360px"

    assert not any(blocking.values()), f"serious accessibility violations: {summary(blocking)}"
