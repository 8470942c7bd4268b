"""Share links: plain URLs to each network's own share page, no third-party script.

The page loads nothing from these services; a person who clicks leaves for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ShareLink:
    network: str
    label: str
    href: str


def share_links(*, url: str, text: str) -> list[ShareLink]:
    message = f"{text} {url}".strip()
    return [
        ShareLink(
            "email",
            _("Email"),
            f"mailto:?{urlencode({'subject': text, 'body': message}, quote_via=quote)}",
        ),
        ShareLink("whatsapp", "WhatsApp", f"https://wa.me/?{urlencode({'text': message})}"),
        ShareLink(
            "facebook",
            "Facebook",
            f"https://www.facebook.com/sharer/sharer.php?{urlencode({'u': url})}",
        ),
        ShareLink("x", "X", f"https://x.com/intent/post?{urlencode({'text': text, 'url': url})}"),
        ShareLink(
            "bluesky", "Bluesky", f"https://bsky.app/intent/compose?{urlencode({'text': message})}"
        ),
        ShareLink(
            "mastodon", "Mastodon", f"https://mastodonshare.com/?{urlencode({'text': message})}"
        ),
    ]
