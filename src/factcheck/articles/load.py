"""From what the user named (files, folders, links, link lists) to ``Article``s, each read
by the reader for its kind, with ids, skipped inputs and warnings."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from factcheck.errors import InputError
from factcheck.models import Article, InputKind, Skipped

from .feed import FEED_SUFFIXES, read_feed
from .files import DEFAULT_MAX_BYTES, MAX_CHARS, check_length, decode, os_error, read_bytes
from .files import stat_path as _stat
from .html import HTML_SUFFIXES, SAVE_AS, extract_page, looks_like_html, page_article
from .links import FetchOptions, Page, fetch_pages, is_link, link_stem, read_link_list
from .text import _BLANK, parse_article

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
"""Suffixes read from a folder (any suffix goes when a file is named). A ``.json`` feed
is read when named, not from a folder: reports and other JSON files often sit beside
articles."""


@dataclass(frozen=True)
class Loaded:
    """What ``load_articles`` read: the articles, the inputs it skipped, and warnings."""

    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]
    """Files, links, feed lines and link-list lines that could not be read, and why."""
    warnings: tuple[str, ...]
    """One line each, naming the file: ``x.txt: decoded as Windows-1252 …``."""


def load_articles(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    strict: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_chars: int | None = MAX_CHARS,
    url_lists: Sequence[str | os.PathLike[str]] = (),
    fetch: FetchOptions | None = None,
) -> Loaded:
    """Read every article in ``paths``: files (any suffix), folders (their files with a
    suffix in :data:`ARTICLE_SUFFIXES`, sorted by name, not recursive, hidden files left
    out) and http(s) links, plus the links listed in the ``url_lists`` files.

    ``.html``/``.htm`` files are read as web pages, ``.jsonl`` and ``.json`` as feeds of
    many articles, links are fetched (``fetch``: timeout, cache; see
    :mod:`factcheck.articles.links`), anything else as text or Markdown.

    An input that cannot be read (a file, a link, one line of a feed or of a link list)
    is recorded in ``skipped`` and the rest load; with ``strict=True`` the first one
    raises ``InputError`` instead. Raises ``InputError`` too when no article at all could
    be read. Ids are file stems (a feed item's: the stem and its line number; a link's:
    the last part of its path), suffixed ``-2``, ``-3`` … when they repeat. Texts longer
    than ``max_chars`` (what the parser takes) count as unreadable.
    """
    given = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    if not given and not url_lists:
        raise InputError(None, "no article paths given", "give article files, folders or links")
    options = fetch or FetchOptions(max_bytes=max_bytes)
    errors: list[InputError] = []
    inputs = list(_expand_all(given, url_lists, max_bytes=max_bytes))
    links = [item for item in inputs if is_link(item)]
    pages = fetch_pages(links, options, stop_on_error=strict) if links else {}
    articles: list[Article] = []
    notes: list[str] = []
    ids: set[str] = set()
    seen: set[str] = set()
    for item in inputs:
        if isinstance(item, InputError):  # a path or a link-list line that gave no input
            if strict:
                raise item
            errors.append(item)
            continue
        key = item if is_link(item) else os.path.realpath(item)
        if key in seen:
            notes.append(f"{item}: given more than once; it is read once")
            continue
        seen.add(key)
        try:
            found, bad, warning = _read(item, pages, max_bytes=max_bytes, max_chars=max_chars,
                                        strict=strict)
        except InputError as error:
            if strict:
                raise
            errors.append(error)
            continue
        errors.extend(bad)
        for article in found:
            article = replace(article, id=_unique_id(article.id, ids))
            ids.add(article.id)
            articles.append(article)
        if warning:
            notes.append(warning)
    if not articles:
        raise _nothing_loaded(given, errors)
    skipped = tuple(Skipped(str(e.path), e.message.removeprefix(f"{e.path}: ")) for e in errors)
    return Loaded(tuple(articles), skipped, tuple(notes))


def read_article(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_chars: int | None = None,
    article_id: str | None = None,
    fetch: FetchOptions | None = None,
) -> tuple[Article, str | None]:
    """Read one article (a text, Markdown or HTML file, or a link); return it and a
    warning about its encoding, if any.

    ``article_id`` defaults to the file stem. Raises ``InputError`` for a file that is
    missing, unreadable, too large, empty, binary or undecodable, a page without article
    text, a link that cannot be fetched, a feed (it holds many articles), or a text
    longer than ``max_chars`` (None: no limit; pass ``MAX_CHARS`` when the article is to
    be parsed).
    """
    shown = os.fspath(path)
    if is_link(shown):
        pages = fetch_pages([shown], fetch or FetchOptions(max_bytes=max_bytes), stop_on_error=True)
        article = _from_page(pages[shown], max_chars=max_chars)
        return (replace(article, id=article_id) if article_id else article), None
    if Path(shown).suffix.lower() in FEED_SUFFIXES:
        raise InputError(
            shown,
            "is a feed, which holds many articles",
            "give one article here, and the feed with --against",
        )
    article, warning = _read_file(shown, max_bytes=max_bytes, max_chars=max_chars)
    return (replace(article, id=article_id) if article_id else article), warning


def _read(
    item: str,
    pages: dict[str, Page | InputError],
    *,
    max_bytes: int,
    max_chars: int | None,
    strict: bool,
) -> tuple[list[Article], list[InputError], str | None]:
    """The articles of one input, its bad items (feeds), and a warning."""
    if is_link(item):
        if item not in pages:  # not fetched: a failure before it stopped a strict run
            raise InputError(item, "not fetched", "fix the links that failed before it")
        return [_from_page(pages[item], max_chars=max_chars)], [], None
    if Path(item).suffix.lower() in FEED_SUFFIXES:
        feed = read_feed(item, max_bytes=max_bytes, max_chars=max_chars, strict=strict)
        return list(feed.articles), list(feed.bad), None
    article, warning = _read_file(item, max_bytes=max_bytes, max_chars=max_chars)
    return [article], [], warning


def _read_file(path: str, *, max_bytes: int, max_chars: int | None) -> tuple[Article, str | None]:
    stem = Path(path).stem
    html = Path(path).suffix.lower() in HTML_SUFFIXES
    data = read_bytes(path, max_bytes, saved_as=SAVE_AS if html else "plain text (.txt or .md)")
    if html and looks_like_html(data):  # a .html file without markup is read as text
        page = extract_page(data, path=path)
        return page_article(page, article_id=stem, path=path, max_chars=max_chars), None
    text, encoding, warning = decode(path, data)
    if _BLANK.fullmatch(text):
        raise InputError(path, "file is empty", "give a file with article text")
    check_length(path, text, max_chars)
    return parse_article(text, article_id=stem, path=path, encoding=encoding), warning


def _from_page(page: Page | InputError, *, max_chars: int | None) -> Article:
    """The article of a fetched page (the page's charset header decides its decoding)."""
    if isinstance(page, InputError):
        raise page
    content: bytes | str = page.content
    if page.charset:
        try:
            content = page.content.decode(page.charset, errors="replace")
        except LookupError:  # an unknown charset: let the extractor guess
            content = page.content
    extracted = extract_page(content, path=page.url, url=page.final_url)
    return page_article(
        extracted,
        article_id=link_stem(page.url),
        path=page.url,
        kind=InputKind.LINK,
        max_chars=max_chars,
    )


def _expand_all(
    given: list[str | os.PathLike[str]],
    url_lists: Sequence[str | os.PathLike[str]],
    *,
    max_bytes: int,
) -> Iterator[str | InputError]:
    """Files and links to read, in order, and in their place what could not be expanded."""
    for path in given:
        shown = os.fspath(path)
        if is_link(shown):
            yield shown.strip()
            continue
        try:
            yield from _expand(shown)
        except InputError as error:
            yield error
    for listing in url_lists:
        try:
            links, bad = read_link_list(os.fspath(listing), max_bytes=max_bytes)
        except InputError as error:
            yield error
            continue
        yield from bad
        yield from links


def _expand(path: str) -> list[str]:
    """The path itself if it is a file, else the article files of the folder."""
    if not stat.S_ISDIR(_stat(path).st_mode):
        return [path]
    try:
        with os.scandir(path) as entries:
            names = sorted(
                entry.name
                for entry in entries
                if not entry.name.startswith(".")
                and os.path.splitext(entry.name)[1].lower() in ARTICLE_SUFFIXES
                and _is_file(entry)
            )
    except OSError as error:
        raise os_error(path, error) from error
    if not names:
        listed = ", ".join(ARTICLE_SUFFIXES[:-1]) + f" or {ARTICLE_SUFFIXES[-1]}"
        raise InputError(
            path,
            f"folder has no articles ({listed} files)",
            "add article files to it, or name the files directly",
        )
    return [os.path.join(path, name) for name in names]


def _is_file(entry: os.DirEntry[str]) -> bool:
    """A regular file, or a link that reading will report (loop, broken).

    Folders, FIFOs, sockets and devices are left out: reading a FIFO nobody
    writes to would wait forever.
    """
    try:
        return stat.S_ISREG(entry.stat().st_mode)
    except OSError:
        return True


def _unique_id(stem: str, taken: set[str]) -> str:
    """``stem``, or ``stem-2``, ``stem-3`` … whichever is free."""
    candidate, n = stem, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}"
    return candidate


def _nothing_loaded(given: list[str | os.PathLike[str]], errors: list[InputError]) -> InputError:
    names = [os.fspath(p) for p in given]
    if len(errors) == 1 and (names == [errors[0].path] or not names):
        return errors[0]
    reasons = "; ".join(f"{e.path}: {e.problem}" for e in errors[:5])
    if len(errors) > 5:
        reasons += f"; {len(errors) - 5} more"
    return InputError(
        ", ".join(names) or None,
        f"no article could be read ({reasons})",
        "fix or replace the files named, or give other articles",
    )
