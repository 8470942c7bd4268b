"""StreamField blocks shared by content pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


def body_blocks() -> list[tuple[str, blocks.Block]]:
    return [
        ("heading", blocks.CharBlock(form_classname="title", label=_("Heading"))),
        ("paragraph", blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraph"))),
        ("image", ImageBlock(label=_("Image"))),
        ("quote", blocks.BlockQuoteBlock(label=_("Quote"))),
    ]
