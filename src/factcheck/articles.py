"""Read article files into ``Article`` records: decoding, header styles, ids.

This is the only module that reads article files. ``Article.text`` is the whole
decoded file, unchanged: line ends (CRLF, CR), NBSP and zero-width characters
stay where they are, so every offset in factcheck indexes the file's text.

Decoding, in order: UTF-32 or UTF-16 with a byte-order mark (the mark is
dropped, as Python's codecs do); UTF-8, with or without a mark; else
Windows-1252, else Latin-1, with a warning. A UTF-8 mark is *kept* as the
first character of ``text`` (U+FEFF), exactly as
``Path.read_text(encoding="utf-8")`` keeps it, so offsets agree with that
reading. ``Article.encoding`` names the codec that turns the file's bytes
back into ``text`` (``"utf-8"`` for a marked UTF-8 file too).

Three header styles are understood; whatever a file does not state stays None:

* Markdown: ``# Title`` and ``Published at: **…**``, ``Author: **…**``,
  ``Original: [Outlet](url)`` lines in any order.
* Byline: a title line, then ``By <author> Source:<outlet> Published: <date>``.
* Bare: the first non-blank line is the title, the rest is the body.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from dateutil import parser as dateparser

from factcheck.errors import InputError
from factcheck.models import Article, Skipped, Span

DEFAULT_MAX_BYTES = 5_000_000
"""Largest article file read; news articles are a few tens of kilobytes."""
ARTICLE_SUFFIXES = (".txt", ".md")
"""Suffixes read from a folder (any suffix goes when a file is named)."""
SNIFF_BYTES = 8192
"""How much of a file is searched for NUL bytes to tell binary from text."""
MAX_CHARS = 1_000_000
"""Longest text parsed (spaCy's default ``nlp.max_length``; the parser needs about
1 GB of memory per 100,000 characters)."""

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"PK\x05\x06", "a ZIP archive"),
)
# UTF-32 before UTF-16: the UTF-32-LE mark starts with the UTF-16-LE one.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
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
class Loaded:
    """What ``load_articles`` read: the articles, the files it skipped, and warnings."""

    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]
    warnings: tuple[str, ...]
    """One line each, naming the file: ``x.txt: decoded as Windows-1252 …``."""


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    """Offset of the line end, before ``\\r\\n``, ``\\r`` or ``\\n``."""


def load_articles(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    strict: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_chars: int | None = MAX_CHARS,
) -> Loaded:
    """Read every article in ``paths``: files (any suffix) and folders (their
    ``.txt`` and ``.md`` files, sorted by name, not recursive, hidden files left out).

    A file that cannot be read is recorded in ``skipped`` and the rest load;
    with ``strict=True`` the first such file raises ``InputError`` instead.
    Raises ``InputError`` too when no article at all could be read.
    Ids are file stems, suffixed ``-2``, ``-3`` … when stems repeat. Texts
    longer than ``max_chars`` (what the parser takes) count as unreadable.
    """
    given = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    if not given:
        raise InputError(None, "no article paths given", "give article files or a folder")
    articles: list[Article] = []
    errors: list[InputError] = []
    notes: list[str] = []
    ids: set[str] = set()
    seen: set[str] = set()
    for file in _expand_all(given, errors, strict=strict):
        real = os.path.realpath(file)
        if real in seen:
            notes.append(f"{file}: given more than once; it is read once")
            continue
        seen.add(real)
        try:
            article, warning = read_article(
                file,
                max_bytes=max_bytes,
                max_chars=max_chars,
                article_id=_unique_id(Path(file).stem, ids),
            )
        except InputError as error:
            if strict:
                raise
            errors.append(error)
            continue
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
) -> tuple[Article, str | None]:
    """Read one article file; return it and a warning about its encoding, if any.

    ``article_id`` defaults to the file stem. Raises ``InputError`` for a file
    that is missing, unreadable, too large, empty, binary or undecodable, or
    whose text is longer than ``max_chars`` (None: no limit; pass
    ``MAX_CHARS`` when the article is to be parsed).
    """
    shown = os.fspath(path)
    data = _read_bytes(shown, max_bytes)
    text, encoding, warning = _decode(shown, data)
    if _BLANK.fullmatch(text):
        raise InputError(shown, "file is empty", "give a file with article text")
    if max_chars is not None and len(text) > max_chars:
        raise InputError(
            shown,
            f"text is {len(text):,} characters, over the {max_chars:,} the parser takes",
            "split it into smaller articles",
        )
    article = parse_article(
        text, article_id=article_id or Path(shown).stem, path=shown, encoding=encoding
    )
    return article, warning


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


def _expand_all(
    given: list[str | os.PathLike[str]], errors: list[InputError], *, strict: bool
) -> Iterator[str]:
    for path in given:
        try:
            files = _expand(os.fspath(path))
        except InputError as error:
            if strict:
                raise
            errors.append(error)
            continue
        yield from files


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
        raise _os_error(path, error) from error
    if not names:
        raise InputError(
            path,
            f"folder has no {' or '.join(ARTICLE_SUFFIXES)} articles",
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
    if len(errors) == 1 and names == [errors[0].path]:
        return errors[0]
    reasons = "; ".join(f"{e.path}: {e.problem}" for e in errors)
    return InputError(
        ", ".join(names),
        f"no article could be read ({reasons})",
        "fix or replace the files named, or give other articles",
    )


def _stat(path: str) -> os.stat_result:
    try:
        return os.stat(path)
    except OSError as error:
        raise _os_error(path, error) from error


def _read_bytes(path: str, max_bytes: int) -> bytes:
    info = _stat(path)
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, "is a folder, not a file", "give an article file")
    if info.st_size > max_bytes:
        raise _too_large(path, info.st_size, max_bytes)
    try:
        with open(path, "rb") as file:
            # Bounded even when the size lied (pipes, files growing under us).
            data = file.read(max_bytes + 1)
    except OSError as error:
        raise _os_error(path, error) from error
    if len(data) > max_bytes:
        raise _too_large(path, None, max_bytes)
    if not data:
        raise InputError(path, "file is empty", "give a file with article text")
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(
                path, f"file is {kind}, not text", "save the article as plain text (.txt or .md)"
            )
    return data


def _too_large(path: str, size: int | None, max_bytes: int) -> InputError:
    size_mb, limit_mb = _megabytes(size or 0), _megabytes(max_bytes)
    if size is None:
        problem = f"file is over the {limit_mb} limit"
    elif size_mb == limit_mb:  # "5.0 MB, over the 5.0 MB limit" would read as a bug
        problem = f"file is {size:,} bytes, over the {max_bytes:,}-byte limit"
    else:
        problem = f"file is {size_mb}, over the {limit_mb} limit"
    return InputError(path, problem, "pass --max-bytes to raise it")


def _megabytes(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def _os_error(path: str, error: OSError) -> InputError:
    if error.errno == errno.ELOOP:
        return InputError(path, "symbolic link loop", "fix the link or give the file itself")
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        if os.path.islink(path):
            return InputError(path, "broken symbolic link", "fix the link or give the file itself")
        return InputError(path, "no such file or folder", "check the path")
    if isinstance(error, PermissionError):
        return InputError(
            path, "permission denied", "make it readable (chmod +r) or give another file"
        )
    return InputError(path, f"cannot be read ({error.strerror or error})", "check the file")


def _decode(path: str, data: bytes) -> tuple[str, str, str | None]:
    """The text, the codec that decodes it, and a warning when UTF-8 failed."""
    for bom, codec, name in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec, None
            except UnicodeDecodeError as error:
                raise _undecodable(path, name, error) from error
    if b"\0" in data[:SNIFF_BYTES]:
        raise InputError(
            path,
            "file looks binary (it holds NUL bytes)",
            "give a plain-text article (.txt or .md), saved as UTF-8",
        )
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as error:
        if data.startswith(codecs.BOM_UTF8):
            raise _undecodable(path, "UTF-8", error) from error
    try:
        text, codec, name = data.decode("cp1252"), "cp1252", "Windows-1252"
    except UnicodeDecodeError:
        text, codec, name = data.decode("latin-1"), "latin-1", "Latin-1"
    warning = f"{path}: decoded as {name} (not UTF-8); re-save it as UTF-8 to silence this"
    return text, codec, warning


def _undecodable(path: str, name: str, error: UnicodeDecodeError) -> InputError:
    return InputError(
        path,
        f"file is marked as {name} but is not valid {name} (bad bytes at offset {error.start})",
        "re-save it as UTF-8",
    )


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
            return {"published": _iso_date(field["bold"] or "")}
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
                found.setdefault("published", _iso_date(value))
        return found
    return None


def _value(raw: str | None) -> str | None:
    value = (raw or "").strip()
    return value or None


def _author(raw: str) -> str | None:
    """Names only: markdown links become their text, URLs are dropped."""
    names = (part.strip() for part in _MD_LINK.sub(r"\1", raw).split(","))
    return ", ".join(n for n in names if n and not _URL.fullmatch(n)) or None


def _iso_date(raw: str) -> str | None:
    """An ISO 8601 date as given, else normalised; None when absent or unreadable.

    >>> _iso_date("2019-11-07T08:48:42+00:00"), _iso_date("2018/8/29 23:58:40")
    ('2019-11-07T08:48:42+00:00', '2018-08-29T23:58:40')
    >>> _iso_date("June 2019"), _iso_date("Thursday"), _iso_date("")
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
