"""Saved web pages (``.html``, ``.htm``) and fetched ones: the article text and its metadata,
through trafilatura.

Claims need the article's own sentences and nothing else, so the extractor is set
for precision (:data:`EXTRACT_OPTIONS`): navigation, ads, comments, related links,
tables, images and link targets are left out; the publication date comes from the
page's metadata only (never guessed from its address or its text). Title, author,
date (to the day), site name and canonical address are read from ``<meta>``,
OpenGraph and JSON-LD.

The article's ``text`` is the extracted text, unchanged, with the headline first
(see :func:`~factcheck.articles.text.headed_text`); offsets index that text, which
the JSON report carries, since they cannot index the page's markup.
"""

from __future__ import annotations

import logging
import re
from configparser import ConfigParser
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from factcheck.errors import InputError
from factcheck.models import Article, InputKind

from .files import SNIFF_BYTES, check_length
from .text import headed_text, iso_date

HTML_SUFFIXES = (".html", ".htm")
"""Files read as web pages."""
SAVE_AS = "a web page (.html) or plain text (.txt or .md)"
"""What to save an article as, in the messages about files that are neither."""

EXTRACT_OPTIONS = {
    "favor_precision": True,  # less text, but the article's own: claims come from it
    "include_comments": False,  # readers' comments are not the outlet's claims
    "include_tables": False,  # a cell's figure has no sentence to say what it counts
    "include_images": False,
    "include_links": False,
    "include_formatting": False,
    "deduplicate": False,  # a repeated sentence is still the article's
    "with_metadata": True,
    "date_extraction_params": {
        "original_date": True,  # first publication, not the last update
        "extensive_search": False,  # metadata only: no date guessed from the address or text
        "outputformat": "%Y-%m-%d",
    },
}
"""How trafilatura reads a page: precision over recall."""

MAX_TREE_SIZE = 200_000
"""Most HTML elements a page may have; more is no news article, and would be slow."""

_MARKUP = re.compile(rb"<\s*(?:!doctype|html|head|body|meta|title|div|p|article)\b", re.I)

# trafilatura and the libraries it calls log to Python's logging; without a handler
# their warnings would reach stderr as stray lines. A caller's own logging set-up
# still receives them.
for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


@dataclass(frozen=True)
class PageText:
    """What trafilatura found in a page."""

    text: str
    title: str | None
    author: str | None
    published: str | None
    outlet: str | None
    url: str | None


def extract_page(data: bytes | str, *, path: str, url: str | None = None) -> PageText:
    """The article text and metadata of an HTML page (bytes as saved, or text decoded
    as its server said).

    ``url`` is where the page was fetched from, a fallback for its own address.
    Raises ``InputError`` when the page holds no article text.
    """
    import trafilatura
    from lxml.etree import LxmlError

    raw = data if isinstance(data, bytes) else b""
    if b"\0" in raw[:SNIFF_BYTES] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(path, "file looks binary (it holds NUL bytes)", f"save it as {SAVE_AS}")
    try:
        document = trafilatura.bare_extraction(data, url=url, config=_config(), **EXTRACT_OPTIONS)
    except (LxmlError, ValueError) as error:  # markup lxml cannot take
        raise InputError(
            path, f"page cannot be parsed as HTML ({error})", f"save it again as {SAVE_AS}"
        ) from error
    text = (getattr(document, "text", None) or "").strip()
    if not text:
        raise InputError(
            path, "page has no article text", "save the page with its article, or the text as .txt"
        )
    return PageText(
        text=text,
        title=_clean(document.title),
        author=_clean(document.author),
        published=iso_date(document.date or ""),
        outlet=_clean(document.sitename) or _host(document.url or url),
        url=_clean(document.url) or url,
    )


def looks_like_html(data: bytes | str) -> bool:
    """True when the start of a file or response holds HTML markup.

    >>> looks_like_html(b"<!DOCTYPE html><p>Hi"), looks_like_html("Nine jailed <b>today</b>")
    (True, False)
    """
    head = data[:SNIFF_BYTES]
    return bool(_MARKUP.search(head if isinstance(head, bytes) else head.encode()))


@cache
def _config() -> ConfigParser:
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_TREE_SIZE))
    return config


def page_article(
    page: PageText,
    *,
    article_id: str,
    path: str,
    kind: InputKind = InputKind.HTML,
    max_chars: int | None = None,
) -> Article:
    """The ``Article`` of an extracted page: headline first, body as extracted."""
    text, title_span, body = headed_text(page.text, page.title)
    check_length(path, text, max_chars)
    return Article(
        id=article_id,
        path=path,
        text=text,
        body=body,
        outlet=page.outlet,
        title=text[title_span.start : title_span.end] if title_span else None,
        title_span=title_span,
        author=page.author,
        published=page.published,
        url=page.url,
        kind=kind,
    )


def _clean(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None


def _host(url: str | None) -> str | None:
    """A page's host name, the outlet when the page does not name its site."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None
