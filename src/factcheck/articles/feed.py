"""Feeds: ``.jsonl`` files with one article a line, and ``.json`` files holding an array of
the same, as scrapers and news APIs write them.

An item is a JSON object with the article in ``text`` (or ``body``) and, each optional,
``title``, ``url``, ``outlet`` (or ``source``, a name or an object with a ``name``),
``published`` (or ``date``) and ``author`` (a name or a list of names). Other fields
are ignored. An item that is not an object, has no text, or gives a known field a
value of the wrong type is a bad item: it is reported with its file and line number
and the others are read.

An article's ``text`` is the item's text field exactly, so that its offsets index
that field; the title, when the text does not start with it, follows the text after
a blank line (see :func:`~factcheck.articles.text.headed_text`). The article's
``source`` is ``feed.jsonl:LINE``, its id the file stem and the line number.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.errors import InputError
from factcheck.models import Article, InputKind

from .files import check_length, os_error, read_utf8, refuse_binary, stat_path, too_large
from .text import headed_text, iso_date

FEED_SUFFIXES = (".jsonl", ".json")
"""Files read as feeds: one article a line, or an array of articles."""
MAX_FEED_BYTES = 1_000_000_000
"""Largest ``.json`` array read (it is read whole); a ``.jsonl`` feed is read a line at
a time, each line at most ``--max-bytes``, with no limit on the whole."""
SAVE_AS = "JSON Lines (.jsonl): one object a line with a 'text' field"

_TEXT_FIELDS = ("text", "body")
_OUTLET_FIELDS = ("outlet", "source")
_DATE_FIELDS = ("published", "date")


@dataclass(frozen=True)
class Feed:
    """What a feed file gave: its articles, and its bad items as errors naming their line."""

    articles: tuple[Article, ...]
    bad: tuple[InputError, ...]


def read_feed(
    path: str,
    *,
    max_bytes: int,
    max_chars: int | None,
    strict: bool = False,
) -> Feed:
    """Every article of a feed file; bad items are collected (``strict``: the first raises).

    Raises ``InputError`` for a file that cannot be read, or holds no article at all.
    """
    stem = Path(path).stem
    articles: list[Article] = []
    bad: list[tuple[int, InputError]] = []
    items = _lines(path, max_bytes) if path.lower().endswith(".jsonl") else _array(path)
    for line, item in items:
        where = f"{path}:{line}"
        try:
            if isinstance(item, InputError):
                raise item
            articles.append(
                _article(item, where, article_id=f"{stem}-{line}", path=path, max_chars=max_chars)
            )
        except InputError as error:
            if strict:
                raise
            bad.append((line, error))
    if not articles:
        raise _no_articles(path, bad)
    return Feed(tuple(articles), tuple(error for _, error in bad))


def _no_articles(path: str, bad: list[tuple[int, InputError]]) -> InputError:
    """The error for a feed none of whose items is an article: the first bad item says why."""
    if not bad:
        return InputError(
            path, "feed has no articles", f"give a feed in {SAVE_AS}, or a JSON array of them"
        )
    line, first = bad[0]
    more = f"; {len(bad) - 1} more bad lines" if len(bad) > 1 else ""
    return InputError(path, f"feed has no articles (line {line}: {first.problem}{more})", first.fix)


def _lines(path: str, max_bytes: int) -> Iterator[tuple[int, Any]]:
    """``(line number, object or error)`` for each non-blank line of a JSON Lines file."""
    info = stat_path(path)
    if info.st_size == 0:
        raise InputError(path, "file is empty", f"give a feed in {SAVE_AS}")
    try:
        with open(path, "rb") as file:
            head = file.read(16)
            refuse_binary(path, head, saved_as=SAVE_AS)
            file.seek(0)
            number = 0
            while True:
                raw = file.readline(max_bytes + 1)
                if not raw:
                    return
                number += 1
                if len(raw) > max_bytes and not raw.endswith(b"\n"):
                    while (rest := file.readline(max_bytes)) and not rest.endswith(b"\n"):
                        pass  # the rest of an overlong line: skipped, never held whole
                    yield number, too_large(f"{path}:{number}", None, max_bytes, what="line")
                    continue
                if number == 1 and raw.startswith(codecs.BOM_UTF8):
                    raw = raw[len(codecs.BOM_UTF8) :]
                if raw.strip():
                    yield number, _parse_line(raw, f"{path}:{number}")
    except OSError as error:
        raise os_error(path, error) from error


def _parse_line(raw: bytes, where: str) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        return InputError(
            where, f"line is not UTF-8 (bad bytes at offset {error.start})", "re-save it as UTF-8"
        )
    except json.JSONDecodeError as error:
        return InputError(
            where, f"line is not valid JSON ({error.msg} at column {error.colno})", _FIX
        )


_FIX = "write one JSON object a line, with the article in 'text'"


def _array(path: str) -> Iterator[tuple[int, Any]]:
    """``(line number, object)`` for each item of a JSON array file."""
    text = read_utf8(path, MAX_FEED_BYTES, saved_as=SAVE_AS)
    decoder = json.JSONDecoder()
    pos = _skip_space(text, 0)
    if not text.startswith("[", pos):
        raise InputError(path, "file is not a JSON array of articles", f"give a feed in {SAVE_AS}")
    pos = _skip_space(text, pos + 1)
    if text.startswith("]", pos):
        return
    line, counted = 1, 0
    while True:
        line += text.count("\n", counted, pos)  # counted on from the last item: linear
        counted = pos
        try:
            item, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as error:
            raise InputError(
                path,
                f"file is not valid JSON ({error.msg} at line {error.lineno},"
                f" column {error.colno})",
                "fix the file, or write it as JSON Lines (.jsonl) so one bad item is skipped",
            ) from error
        yield line, item
        pos = _skip_space(text, pos)
        if text.startswith("]", pos):
            return
        if not text.startswith(",", pos):
            row = line + text.count("\n", counted, pos)
            raise InputError(
                path,
                f"file is not valid JSON (expected ',' or ']' at line {row})",
                "fix the file, or write it as JSON Lines (.jsonl) so one bad item is skipped",
            )
        pos = _skip_space(text, pos + 1)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def _article(
    item: Any, where: str, *, article_id: str, path: str, max_chars: int | None
) -> Article:
    """One feed item as an ``Article``; ``InputError`` naming ``where`` when it is bad."""
    if not isinstance(item, dict):
        raise InputError(where, f"item is {_kind(item)}, not an object", _FIX)
    body = _first(item, _TEXT_FIELDS, where)
    if body is None:
        raise InputError(where, "item has no text", "give the article in a 'text' or 'body' field")
    title = _first(item, ("title",), where)
    text, title_span, body_span = headed_text(body, title)
    check_length(where, text, max_chars)
    published = _first(item, _DATE_FIELDS, where)
    return Article(
        id=article_id,
        path=path,
        text=text,
        body=body_span,
        outlet=_outlet(item, where),
        title=text[title_span.start : title_span.end] if title_span else None,
        title_span=title_span,
        author=_authors(item.get("author"), where),
        published=iso_date(published) if published else None,
        url=_first(item, ("url",), where),
        kind=InputKind.FEED,
        source=where,
    )


def _first(item: dict[str, Any], keys: tuple[str, ...], where: str) -> str | None:
    """The first of ``keys`` the item gives a non-blank value: a text field as it is,
    metadata with its white space collapsed (numbers and lists are not text)."""
    for key in keys:
        value = item.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputError(where, f"field '{key}' is {_kind(value)}, not text", _FIX)
        if value.strip():
            return value if key in _TEXT_FIELDS else " ".join(value.split())
    return None


def _outlet(item: dict[str, Any], where: str) -> str | None:
    source = item.get("source")
    if item.get("outlet") is None and isinstance(source, dict):  # news APIs: {"name": ...}
        name = source.get("name")
        if not isinstance(name, str):
            return None
        return " ".join(name.split()) or None
    return _first(item, _OUTLET_FIELDS, where)


def _authors(value: Any, where: str) -> str | None:
    if value is None:
        return None
    names = value if isinstance(value, list) else [value]
    if not all(isinstance(n, str) for n in names):
        raise InputError(where, "field 'author' is not a name or a list of names", _FIX)
    return ", ".join(" ".join(n.split()) for n in names if n.strip()) or None


def _kind(value: Any) -> str:
    """How a JSON value is named in messages."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null" if value is None else "text"
