"""Reading a file's bytes safely and decoding them: the limits every file reader shares.

Decoding, in order: UTF-32 or UTF-16 with a byte-order mark (the mark is
dropped, as Python's codecs do); UTF-8, with or without a mark; else
Windows-1252, else Latin-1, with a warning. A UTF-8 mark is *kept* as the
first character of the text (U+FEFF), exactly as
``Path.read_text(encoding="utf-8")`` keeps it, so offsets agree with that
reading.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat

from factcheck.errors import InputError

DEFAULT_MAX_BYTES = 5_000_000
"""Largest article file read; news articles are a few tens of kilobytes."""
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


def stat_path(path: str) -> os.stat_result:
    """``os.stat`` with its errors as one-line ``InputError``s."""
    try:
        return os.stat(path)
    except OSError as error:
        raise os_error(path, error) from error


def read_bytes(path: str, max_bytes: int, *, saved_as: str = "plain text (.txt or .md)") -> bytes:
    """The bytes of a file no larger than ``max_bytes``; an ``InputError`` for a folder, a
    missing, unreadable, oversized or empty file, or a known binary format (``saved_as``
    says what to save the article as instead)."""
    info = stat_path(path)
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, "is a folder, not a file", "give an article file")
    if info.st_size > max_bytes:
        raise too_large(path, info.st_size, max_bytes)
    try:
        with open(path, "rb") as file:
            # Bounded even when the size lied (pipes, files growing under us).
            data = file.read(max_bytes + 1)
    except OSError as error:
        raise os_error(path, error) from error
    if len(data) > max_bytes:
        raise too_large(path, None, max_bytes)
    if not data:
        raise InputError(path, "file is empty", "give a file with article text")
    refuse_binary(path, data, saved_as=saved_as)
    return data


def read_utf8(path: str, max_bytes: int, *, saved_as: str) -> str:
    """A file that must be UTF-8 (JSON, a list of links), decoded; a mark is dropped."""
    data = read_bytes(path, max_bytes, saved_as=saved_as)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            path, f"file is not UTF-8 (bad bytes at offset {error.start})", "re-save it as UTF-8"
        ) from error


def refuse_binary(path: str, data: bytes, *, saved_as: str = "plain text (.txt or .md)") -> None:
    """An ``InputError`` when ``data`` starts like an image, a PDF or an archive."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(path, f"file is {kind}, not text", f"save the article as {saved_as}")


def too_large(path: str, size: int | None, max_bytes: int, *, what: str = "file") -> InputError:
    """The error for a file (or a page, a feed line: ``what``) over ``max_bytes``."""
    size_mb, limit_mb = _megabytes(size or 0), _megabytes(max_bytes)
    if size is None:
        limit = limit_mb if max_bytes >= 100_000 else f"{max_bytes:,}-byte"
        problem = f"{what} is over the {limit} limit"
    elif size_mb == limit_mb:  # "5.0 MB, over the 5.0 MB limit" would read as a bug
        problem = f"{what} is {size:,} bytes, over the {max_bytes:,}-byte limit"
    else:
        problem = f"{what} is {size_mb}, over the {limit_mb} limit"
    return InputError(path, problem, "pass --max-bytes to raise it")


def _megabytes(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def os_error(path: str, error: OSError) -> InputError:
    """An ``OSError`` met while reading ``path``, as one line saying what to do."""
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


def decode(path: str, data: bytes) -> tuple[str, str, str | None]:
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


def check_length(path: str, text: str, max_chars: int | None) -> None:
    """An ``InputError`` when ``text`` is longer than the parser takes (None: no limit)."""
    if max_chars is not None and len(text) > max_chars:
        raise InputError(
            path,
            f"text is {len(text):,} characters, over the {max_chars:,} the parser takes",
            "split it into smaller articles",
        )
