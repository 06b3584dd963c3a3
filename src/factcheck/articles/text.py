"""Text and Markdown articles: the header styles, title and body of a decoded file.

``Article.text`` is the whole decoded file, unchanged: line ends (CRLF, CR),
NBSP and zero-width characters stay where they are, so every offset in
factcheck indexes the file's text. ``Article.encoding`` names the codec that
turns the file's bytes back into ``text`` (``"utf-8"`` for a marked UTF-8 file
too).

Three header styles are understood; whatever a file does not state stays None:

* Markdown: ``# Title`` and ``Published at: **…**``, ``Author: **…**``,
  ``Original: [Outlet](url)`` lines in any order.
* Byline: a title line, then ``By <author> Source:<outlet> Published: <date>``.
* Bare: the first non-blank line is the title, the rest is the body.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from dateutil import parser as dateparser

from factcheck.models import Article, Span

_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BLANK = re.compile(rf"[\s{_INVISIBLE}]*")
_INVISIBLE_CHARS = re.compile(f"[{_INVISIBLE}]")
_HEADING = re.compile(rf"#{{1,6}}(?=[\s{_INVISIBLE}])")
_FIELD = re.compile(
    r"\s*(?P<key>published(?:\s+at)?|date|authors?|original|source|url|link)\s*:\s*"
    r"(?:\*\*(?P<bold>.*)\*\*|\[(?P<name>.*)\]\((?P<href>.*)\)|<?(?P<bare>https?://\S+?)>?)\s*",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"\s*By\s+(?P<rest>.+)")
_BYLINE_KEY = re.compile(r"\s*\b(?i:(source|published))\s*:\s*")
_URL = re.compile(r"(?:https?://|www\.)\S*", re.IGNORECASE)
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_FIELD_KEYS = {
    "published": "published", "published at": "published", "date": "published",
    "author": "author", "authors": "author",
    "original": "link", "source": "link", "url": "link", "link": "link",
}  # fmt: skip
# Two defaults that differ in every part reveal which parts a date string left out.
_DEFAULTS = (datetime(2000, 1, 1, 0, 0, 0), datetime(2001, 2, 2, 1, 1, 1))


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    """Offset of the line end, before ``\\r\\n``, ``\\r`` or ``\\n``."""


def parse_article(text: str, *, article_id: str, path: str, encoding: str = "utf-8") -> Article:
    """Build an ``Article`` from decoded text: find the header, title and body.

    >>> art = parse_article("# Storm hits\\n\\nWinds rose.", article_id="a", path="a.md")
    >>> art.title, art.text[art.body.start:art.body.end]
    ('Storm hits', 'Winds rose.')
    """
    title: Span | None = None
    fields: dict[str, str | None] = {}
    body_start = len(text)
    first = True
    for line in _lines(text):
        content = text[line.start : line.end]
        if _BLANK.fullmatch(content):
            continue
        heading = _heading(text, line) if title is None else None
        found = None if heading else _fields(content)
        if heading:
            title = heading
        elif found is not None:
            for key, value in found.items():
                fields.setdefault(key, value)
        elif first:
            title = _trim(text, line.start, line.end)
        else:
            body_start = line.start
            break
        first = False
    return Article(
        id=article_id,
        path=path,
        text=text,
        body=_trim(text, body_start, len(text)),
        outlet=fields.get("outlet"),
        title=text[title.start : title.end] if title else None,
        title_span=title,
        author=fields.get("author"),
        published=fields.get("published"),
        url=fields.get("url"),
        encoding=encoding,
    )


def headed_text(body: str, title: str | None) -> tuple[str, Span | None, Span]:
    r"""An extracted text with its headline: the text, where the title stands, where the
    body stands.

    ``body`` is kept as it is, so its offsets still index what it was extracted from
    (a feed's text field, the extractor's output). When its first line is the title,
    that line is the title; else the title, when there is one, is added after the body
    and a blank line, so that the headline's claims have offsets too.

    >>> headed_text("Storm hits\nWinds rose.", "Storm hits")
    ('Storm hits\nWinds rose.', Span(start=0, end=10), Span(start=11, end=22))
    >>> headed_text("Winds rose.", "Storm hits")
    ('Winds rose.\n\nStorm hits', Span(start=13, end=23), Span(start=0, end=11))
    """
    title = " ".join(title.split()) if title else ""
    for line in _lines(body):
        first = _trim(body, line.start, line.end)
        if first.start == first.end:
            continue
        if title and " ".join(body[first.start : first.end].split()).casefold() == title.casefold():
            return body, first, _trim(body, line.end, len(body))
        break
    if not title:
        return body, None, _trim(body, 0, len(body))
    text = f"{body}\n\n{title}"
    return text, Span(len(body) + 2, len(text)), _trim(body, 0, len(body))


def _lines(text: str) -> Iterator[_Line]:
    start = 0
    for brk in _LINE_BREAK.finditer(text):
        yield _Line(start, brk.start())
        start = brk.end()
    if start < len(text):
        yield _Line(start, len(text))


def _is_space(char: str) -> bool:
    return char.isspace() or char in _INVISIBLE


def _trim(text: str, start: int, end: int) -> Span:
    """``start:end`` without the whitespace and zero-width characters at its ends."""
    while start < end and _is_space(text[start]):
        start += 1
    while end > start and _is_space(text[end - 1]):
        end -= 1
    return Span(start, end)


def _heading(text: str, line: _Line) -> Span | None:
    """The span of a ``# Title`` line's title, or None for any other line."""
    span = _trim(text, line.start, line.end)
    hashes = _HEADING.match(text, span.start, span.end)
    if not hashes:
        return None
    title = _trim(text, hashes.end(), span.end)
    return title if title.start < title.end else None


def _fields(content: str) -> dict[str, str | None] | None:
    """Metadata stated by a header line, or None when it is not a header line."""
    clean = _INVISIBLE_CHARS.sub("", content)
    if field := _FIELD.fullmatch(clean):
        key = _FIELD_KEYS[re.sub(r"\s+", " ", field["key"].lower())]
        if key == "published":
            return {"published": iso_date(field["bold"] or "")}
        if key == "author":
            return {"author": _author(field["bold"] or field["name"] or "")}
        if field["href"] is not None:
            return {"outlet": _value(field["name"]), "url": _value(field["href"])}
        value = _value(field["bold"] or field["bare"])
        return {"url": value} if value and _URL.fullmatch(value) else {"outlet": value}
    if byline := _BYLINE.fullmatch(clean):
        parts = _BYLINE_KEY.split(byline["rest"])
        if len(parts) == 1:
            return None
        found: dict[str, str | None] = {"author": _author(parts[0])}
        for key, value in zip(parts[1::2], parts[2::2], strict=True):
            if key.lower() == "source":
                found.setdefault("outlet", _value(value))
            else:
                found.setdefault("published", iso_date(value))
        return found
    return None


def _value(raw: str | None) -> str | None:
    value = (raw or "").strip()
    return value or None


def _author(raw: str) -> str | None:
    """Names only: markdown links become their text, URLs are dropped."""
    names = (part.strip() for part in _MD_LINK.sub(r"\1", raw).split(","))
    return ", ".join(n for n in names if n and not _URL.fullmatch(n)) or None


def iso_date(raw: str) -> str | None:
    """An ISO 8601 date as given, else normalised; None when absent or unreadable.

    >>> iso_date("2019-11-07T08:48:42+00:00"), iso_date("2018/8/29 23:58:40")
    ('2019-11-07T08:48:42+00:00', '2018-08-29T23:58:40')
    >>> iso_date("June 2019"), iso_date("Thursday"), iso_date("")
    ('2019-06', None, None)
    """
    value = raw.strip()
    if not value:
        return None
    try:
        datetime.fromisoformat(value)
        return value
    except ValueError:
        pass
    try:
        with warnings.catch_warnings():
            # An unknown zone name ("EST") is dropped: the stated clock time is kept.
            warnings.simplefilter("ignore", dateparser.UnknownTimezoneWarning)
            a, b = (dateparser.parse(value, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        return None
    if a.year != b.year:
        return None
    if a.month != b.month:
        return f"{a.year:04d}"
    if a.day != b.day:
        return f"{a.year:04d}-{a.month:02d}"
    if a.hour != b.hour:
        return a.date().isoformat()
    return a.isoformat()
