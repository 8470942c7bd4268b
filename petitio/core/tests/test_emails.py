"""Email normalisation: addresses reaching one mailbox give one digest."""

from hypothesis import given
from hypothesis import strategies as st

from petitio.core.emails import email_digest, normalise_email

local_parts = st.from_regex(r"[a-z0-9]([a-z0-9._-]{0,20}[a-z0-9])?", fullmatch=True)
domains = st.sampled_from(["example.org", "gmail.com", "proton.me", "uni.be", "mail.example.co.uk"])
tags = st.from_regex(r"[a-z0-9._-]{0,12}", fullmatch=True)


@given(local_parts, domains)
def test_normalisation_is_idempotent(local, domain):
    once = normalise_email(f"{local}@{domain}")
    assert normalise_email(once) == once


@given(local_parts, domains)
def test_letter_case_never_matters(local, domain):
    address = f"{local}@{domain}"
    assert email_digest(address.upper()) == email_digest(address)


@given(local_parts, domains, tags)
def test_a_plus_tag_reaches_the_same_mailbox(local, domain, tag):
    assert email_digest(f"{local}+{tag}@{domain}") == email_digest(f"{local}@{domain}")


@given(local_parts, st.lists(st.integers(min_value=0, max_value=20), max_size=4))
def test_dots_in_a_gmail_address_are_ignored(local, positions):
    dotted = list(local)
    for position in positions:
        dotted.insert(min(position, len(dotted)), ".")
    assert email_digest("".join(dotted) + "@gmail.com") == email_digest(local + "@gmail.com")


@given(local_parts)
def test_googlemail_is_gmail(local):
    assert normalise_email(f"{local}@googlemail.com") == normalise_email(f"{local}@gmail.com")


@given(local_parts, local_parts, domains)
def test_different_mailboxes_get_different_digests(first, second, domain):
    if normalise_email(f"{first}@{domain}") != normalise_email(f"{second}@{domain}"):
        assert email_digest(f"{first}@{domain}") != email_digest(f"{second}@{domain}")


def test_dots_matter_outside_gmail():
    assert email_digest("a.b@example.org") != email_digest("ab@example.org")


def test_internationalised_domain_is_encoded():
    assert normalise_email("Zoë@Exämple.be") == "zoë@xn--exmple-cua.be"


def test_digest_depends_on_the_secret_key(settings):
    before = email_digest("a@example.org")
    settings.EMAIL_HASH_KEY = "another-key"
    assert email_digest("a@example.org") != before
    assert len(before) == 64
