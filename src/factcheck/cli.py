"""The command line: parse options, call the core, render, map errors to exit codes.

Only this module imports click, prints or writes files. spaCy is imported
lazily, so ``factcheck --help`` starts fast.
"""

from __future__ import annotations

import io
import os
import re
import stat
import sys
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import click

from .errors import FactcheckError, OutputError

FORMATS = ("table", "markdown", "json")


@dataclass(frozen=True)
class Options:
    """The options both commands share, as click parsed them."""

    fmt: str
    output: str
    model: str | None
    jobs: int | None
    no_cache: bool
    strict: bool
    max_bytes: int
    fail_on: str | None
    min_severity: str | None
    quiet: bool
    claims_file: Path | None
    no_claims: bool


SEVERITIES = ("high", "medium", "low")
INTERRUPTED = 130
"""Exit status after Ctrl-C (128 + SIGINT), as shells report it."""
INTERNAL_ERROR = 70
"""Exit status for a bug in factcheck (EX_SOFTWARE), apart from 1 (conflicts) and 2 (input)."""
DEBUG_ENV = "FACTCHECK_DEBUG"
"""Set it to see the traceback of an internal error instead of one line."""


def _version() -> str:
    try:
        return metadata.version("factcheck")
    except metadata.PackageNotFoundError:
        return "0"


class _Jobs(click.ParamType):
    """``auto`` or a whole number of processes (0: one per core)."""

    name = "N|auto"

    def convert(self, value, param, ctx):
        if value is None or isinstance(value, int):
            return value
        if str(value).strip().lower() == "auto":
            return None
        try:
            number = int(value)
        except ValueError:
            number = -1
        if number < 0:
            self.fail(
                f"{value!r} is not 'auto' or a whole number of processes (0: one per core)",
                param,
                ctx,
            )
        return number


_JOBS = _Jobs()


def _common(func: Callable) -> Callable:
    options = [
        click.option(
            "--format",
            "fmt",
            type=click.Choice(FORMATS),
            default="table",
            show_default=True,
            help="Output format.",
        ),
        click.option(
            "-o",
            "--output",
            type=click.Path(dir_okay=False, allow_dash=True),
            default="-",
            show_default=True,
            help="Write the report to FILE ('-' for stdout).",
        ),
        click.option(
            "--model",
            metavar="NAME",
            help="spaCy pipeline (package or path); default $FACTCHECK_MODEL, else en_core_web_sm.",
        ),
        click.option(
            "--jobs",
            type=_JOBS,
            default="auto",
            show_default=True,
            help="Processes for parsing: a number, 0 for one per core, or auto: one per core "
            "when at least 200 articles need parsing (not in the cache), else one.",
        ),
        click.option(
            "--no-cache",
            is_flag=True,
            help="Parse and compare everything again, ignoring the cache.",
        ),
        click.option(
            "--strict",
            is_flag=True,
            help="Fail on the first unreadable file instead of skipping it.",
        ),
        click.option(
            "--max-bytes",
            type=click.IntRange(min=1),
            default=5_000_000,
            show_default=True,
            help="Largest article file accepted.",
        ),
        click.option(
            "--fail-on",
            type=click.Choice(("conflict", "any")),
            default=None,
            help="Exit 1 when the report has conflicts (or any finding).",
        ),
        click.option(
            "--min-severity",
            type=click.Choice(SEVERITIES),
            default=None,
            help="Show only conflicts at least this severe.",
        ),
        click.option("-q", "--quiet", is_flag=True, help="No progress or summary on stderr."),
        click.option(
            "--claims",
            "claims_file",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help="Claim book (default: ./claims.yaml when present).",
        ),
        click.option("--no-claims", is_flag=True, help="Ignore any claim book."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(_version(), prog_name="factcheck")
def main() -> None:
    """Cross-check what several news articles claim about one event.

    \b
    factcheck compare data/articles
    factcheck compare data/articles --format markdown -o report.md
    factcheck claim articles/first.md
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_common
def compare(paths: tuple[Path, ...], **options: Any) -> None:
    """Compare the claims of the articles in PATHS (folders of .txt/.md files, or files).

    Conflicts come first, most severe first; then agreements and single-source claims.

    \b
    Example:
      factcheck compare data/articles --format json -o report.json
    """
    o = Options(**options)
    with _errors():
        target = _check_output(o.output, paths, book=_book_path(o.claims_file, o.no_claims))
        from .articles import load_articles
        from .claimbook import find_claim_book
        from .pipeline import build_report

        book = find_claim_book(o.claims_file, disabled=o.no_claims)
        loaded = load_articles(list(paths), strict=o.strict, max_bytes=o.max_bytes)
        _warn(loaded.warnings, o.quiet)
        with _progress(o.quiet) as progress:
            report = build_report(
                paths,
                model=o.model,
                jobs=_jobs(o.jobs),
                use_cache=not o.no_cache,
                progress=progress,
                loaded=loaded,
                book=book,
            )
        report = _filter(report, o.min_severity)
        _emit(_render(report, o.fmt), target, o.fmt)
        if not o.quiet:
            _summary(report)
        sys.exit(_exit_code(report, o.fail_on))


@main.command()
@click.argument("article", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--against",
    "against",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Articles or folders to check against (default: the others in ARTICLE's folder).",
)
@_common
def claim(article: Path, against: tuple[Path, ...], **options: Any) -> None:
    """Check each claim of ARTICLE against what the other articles say.

    Each claim is corroborated (by which outlets), contradicted (by which, with
    their values) or only here.

    \b
    Example:
      factcheck claim articles/first.md --against articles
    """
    o = Options(**options)
    with _errors():
        from .articles import MAX_CHARS, load_articles, read_article
        from .claimbook import find_claim_book
        from .pipeline import build_report, check_article

        target = _check_output(
            o.output, (article, *against), book=_book_path(o.claims_file, o.no_claims)
        )
        book = find_claim_book(o.claims_file, disabled=o.no_claims)
        own, warning = read_article(article, max_bytes=o.max_bytes, max_chars=MAX_CHARS)
        _warn((warning,) if warning else (), o.quiet)
        others_paths = list(against) or [article.parent]
        others = load_articles(others_paths, strict=o.strict, max_bytes=o.max_bytes)
        _warn(others.warnings, o.quiet)
        rest = [a for a in others.articles if Path(a.path).resolve() != article.resolve()]
        taken = {a.id for a in rest}
        if own.id in taken:
            own = _renamed(own, taken)
        from .articles import Loaded

        loaded = Loaded(articles=(own, *rest), skipped=others.skipped, warnings=())
        with _progress(o.quiet) as progress:
            report = build_report(
                [],
                model=o.model,
                jobs=_jobs(o.jobs),
                use_cache=not o.no_cache,
                progress=progress,
                loaded=loaded,
                book=book,
            )
        report = _filter(report, o.min_severity)
        check = check_article(report, own.id)
        _emit(_render_check(check, o.fmt), target, o.fmt)
        counts = _verdict_counts(check)
        if not o.quiet:
            _stderr(
                f"{own.label}: {len(check.checks)} claims: {counts['corroborated']} corroborated, "
                f"{counts['contradicted']} contradicted, {counts['only-here']} only here "
                f"(against {len(rest)} articles)"
            )
        if o.fail_on == "conflict" and counts["contradicted"]:
            sys.exit(1)
        if o.fail_on == "any" and check.checks:
            sys.exit(1)


def _renamed(article, taken):
    from dataclasses import replace

    n = 2
    while f"{article.id}-{n}" in taken:
        n += 1
    return replace(article, id=f"{article.id}-{n}")


def _verdict_counts(check) -> dict[str, int]:
    counts = {"corroborated": 0, "contradicted": 0, "only-here": 0}
    for item in check.checks:
        counts[item.verdict.value] += 1
    return counts


def _jobs(jobs: int | None) -> int | None:
    """None (auto) lets the pipeline choose by how many articles need parsing."""
    return jobs


def _filter(report, min_severity: str | None):
    if not min_severity:
        return report
    from dataclasses import replace

    from .models import Severity, Status

    limit = Severity(min_severity).rank
    groups = tuple(
        g
        for g in report.groups
        if g.status is not Status.CONFLICT or (g.severity is not None and g.severity.rank <= limit)
    )
    return replace(report, groups=groups)


def _render(report, fmt: str):
    from . import render

    if fmt == "json":
        return render.to_json(report)
    if fmt == "markdown":
        return render.to_markdown(report)
    return render.to_table(report)


def _render_check(check, fmt: str):
    from . import render

    if fmt == "json":
        return render.check_to_json(check)
    if fmt == "markdown":
        return render.check_to_markdown(check)
    return render.check_to_table(check)


def _book_path(claims_file: Path | None, no_claims: bool) -> Path | None:
    """The claim book a run reads, if any, without reading it."""
    if claims_file is not None:
        return claims_file
    from .claimbook import DEFAULT_NAME

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
    from .articles import ARTICLE_SUFFIXES

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
    from .articles import ARTICLE_SUFFIXES

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
        # A file name that is not valid UTF-8 holds lone surrogates: write them as escapes.
        rendered = rendered.encode("utf-8", "backslashreplace").decode("utf-8")
        if target is None:
            click.echo(rendered, nl=False)
            return
    except UnicodeEncodeError:
        encoding = getattr(sys.stdout, "encoding", None) or "?"
        raise OutputError(
            "standard output",
            f"its encoding ({encoding}) cannot show the characters of this report",
            "set PYTHONIOENCODING=utf-8 or write the report with -o FILE",
        ) from None
    try:
        _atomic_write(target, rendered)
    except OSError as exc:
        raise OutputError(
            str(target),
            f"cannot be written ({exc.strerror or exc})",
            "free some space or choose another path",
        ) from None


def _atomic_write(target: Path, text: str) -> None:
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
        with open(target, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        return
    mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
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


def _stderr(line: str) -> None:
    click.echo(printable(line), err=True)


def _warn(warnings, quiet: bool) -> None:
    if quiet:
        return
    for warning in warnings:
        _stderr(f"Warning: {warning}")


def _summary(report) -> None:
    from .models import Status

    conflicts = len(report.by_status(Status.CONFLICT))
    agreements = len(report.by_status(Status.AGREEMENT))
    single = len(report.by_status(Status.SINGLE))
    line = (
        f"{len(report.articles)} articles: {conflicts} conflicts, {agreements} agreements, "
        f"{single} single-source claims"
    )
    if report.claim_book:
        line += f" (claim book: {report.claim_book})"
    if report.skipped:
        line += f"; skipped {len(report.skipped)}: " + ", ".join(s.path for s in report.skipped)
    _stderr(line)


def _exit_code(report, fail_on: str | None) -> int:
    from .models import Status

    if fail_on == "conflict" and report.by_status(Status.CONFLICT):
        return 1
    if fail_on == "any" and report.groups:
        return 1
    return 0


PROGRESS_DELAY = 1.0
"""Seconds a run goes on before its progress bar shows: quick runs (warm ones) stay quiet."""


@contextmanager
def _progress(quiet: bool):
    """A progress bar on stderr for runs that take more than :data:`PROGRESS_DELAY`
    seconds; none with ``--quiet`` or when stderr is not a terminal."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    import threading

    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        transient=True,
        console=_stderr_console(),
    )
    task = bar.add_task("Reading articles", total=None)
    lock = threading.Lock()
    state = {"shown": False, "over": False}

    def show() -> None:
        with lock:
            if not state["over"]:
                bar.start()
                state["shown"] = True

    timer = threading.Timer(PROGRESS_DELAY, show)
    timer.daemon = True
    timer.start()

    def update(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total, description="Parsing articles")

    try:
        yield update
    finally:
        timer.cancel()
        with lock:
            state["over"] = True
            if state["shown"]:
                bar.stop()


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


@contextmanager
def _errors():
    """Domain errors become one ``Error:`` line and exit 2; Ctrl-C exits 130 quietly;
    any other exception is a bug: one line and exit 70 (``$FACTCHECK_DEBUG`` shows it)."""
    try:
        yield
    except FactcheckError as exc:
        _stderr(f"Error: {exc.message}")
        sys.exit(2)
    except KeyboardInterrupt:
        _stderr("Interrupted.")
        sys.exit(INTERRUPTED)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(0)
    except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
        raise
    except Exception as exc:
        if os.environ.get(DEBUG_ENV):
            raise
        _stderr(
            f"Error: internal error ({type(exc).__name__}: {exc}); this is a bug in factcheck, "
            f"please report it with the input (set {DEBUG_ENV}=1 for the traceback)"
        )
        sys.exit(INTERNAL_ERROR)


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the flush at exit does not fail on the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass
