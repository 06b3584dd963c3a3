"""Where a report goes: refusing outputs that would clobber an input, atomic writes,
and text made safe for the terminal."""

from __future__ import annotations

import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

import click

from .. import interrupts
from ..errors import OutputError


def _book_path(claims_file: Path | None, no_claims: bool) -> Path | None:
    """The claim book a run reads, if any, without reading it."""
    if claims_file is not None:
        return claims_file
    from ..claimbook import DEFAULT_NAME

    default = Path(DEFAULT_NAME)
    return default if not no_claims and default.is_file() else None


def _identity(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    """Device and inode of the file a path names (links followed), or None."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def _input_files(inputs) -> set[tuple[int, int]]:
    """Identities of every file the run reads: named files and the articles of folders."""
    from ..articles import ARTICLE_SUFFIXES

    found: set[tuple[int, int]] = set()
    for given in inputs:
        if os.path.isdir(given):
            try:
                names = [
                    n
                    for n in os.listdir(given)
                    if os.path.splitext(n)[1].lower() in ARTICLE_SUFFIXES
                ]
            except OSError:
                continue
            identities = [_identity(os.path.join(given, n)) for n in names]
        else:
            identities = [_identity(given)]
        found.update(i for i in identities if i is not None)
    return found


def _check_output(output: str, inputs, *, book: Path | None = None) -> Path | None:
    """Refuse, before any work, an output that would clobber an input or cannot be written."""
    from ..articles import ARTICLE_SUFFIXES

    if output == "-":
        return None
    target = Path(output)
    resolved = target.resolve()
    existing = _identity(target)
    if existing is not None and book is not None and existing == _identity(book):
        raise OutputError(output, "is the claim book", "choose another output file")
    if existing is not None and existing in _input_files(inputs):
        raise OutputError(output, "is an input article", "choose another output file")
    for given in inputs:
        if (
            os.path.isdir(given)
            and resolved.parent == Path(given).resolve()
            and target.suffix.lower() in ARTICLE_SUFFIXES
        ):
            raise OutputError(
                output,
                "would be read as an article of the input folder",
                "write the report outside the article folder",
            )
    if target.is_dir():
        raise OutputError(output, "is a folder", "give a file name for the report")
    parent = target.parent if str(target.parent) else Path(".")
    if parent.exists() and not parent.is_dir():
        raise OutputError(output, f"{parent} is not a folder", "choose another path")
    if not parent.is_dir():
        raise OutputError(
            output, f"folder {parent} does not exist", "create it or choose another path"
        )
    if existing is not None and not stat.S_ISREG(os.stat(target).st_mode):
        writable = os.access(target, os.W_OK)  # a FIFO or device: written into, not replaced
    else:
        writable = os.access(resolved.parent, os.W_OK) and (
            existing is None or os.access(target, os.W_OK)
        )
    if not writable:
        raise OutputError(output, "cannot be written (permission denied)", "choose a writable path")
    return target


def _emit(rendered, target: Path | None, fmt: str) -> None:
    """Show or write a rendered report: a string, a rich renderable (``table``), or an
    iterator of strings written one after the other (a large JSON report)."""
    if target is None:
        interrupts.checkpoint("write")  # nothing written yet
    try:
        if fmt == "table":
            from rich.console import Console

            if target is None:
                Console(soft_wrap=False).print(rendered)
                return
            import io

            buffer = io.StringIO()
            Console(file=buffer, width=120, no_color=True, color_system=None).print(rendered)
            rendered = buffer.getvalue()
        chunks = (_safe(c) for c in ([rendered] if isinstance(rendered, str) else rendered))
        if target is None:
            for chunk in chunks:
                click.echo(chunk, nl=False)
            return
    except UnicodeEncodeError:
        encoding = getattr(sys.stdout, "encoding", None) or "?"
        raise OutputError(
            "standard output",
            f"its encoding ({encoding}) cannot show the characters of this report",
            "set PYTHONIOENCODING=utf-8 or write the report with -o FILE",
        ) from None
    try:
        _atomic_write(target, chunks)
    except OSError as exc:
        raise OutputError(
            str(target),
            f"cannot be written ({exc.strerror or exc})",
            "free some space or choose another path",
        ) from None


def _safe(text: str) -> str:
    """A file name that is not valid UTF-8 holds lone surrogates: written as escapes."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _atomic_write(target: Path, chunks: Iterable[str]) -> None:
    """Write through a temporary file in the same folder, then rename.

    A link is written through (the file it names is replaced, the link kept), the
    replaced file keeps its permissions, and a FIFO or device (``/dev/null``) is
    written into, never replaced.
    """
    real = Path(os.path.realpath(target))
    try:
        info = os.stat(real)
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        interrupts.checkpoint("write")
        with open(target, "w", encoding="utf-8", newline="") as handle:
            handle.writelines(chunks)
        return
    mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.writelines(chunks)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        interrupts.checkpoint("write")  # the last moment a Ctrl-C leaves the old report
        os.replace(tmp, real)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    r"""A message safe for the terminal: controls, bidi overrides and the undecodable
    bytes of file names are shown as escapes, so a hostile name cannot drive the terminal.

    >>> print(printable("bad\x1b[31m.txt"), printable("caf\udce9.txt"))
    bad\x1b[31m.txt caf\xe9.txt
    """

    def escape(match: re.Match[str]) -> str:
        code = ord(match.group())
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            return f"\\x{code - 0xDC00:02x}"
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNPRINTABLE.sub(escape, text)


