"""The options the commands share, and the renderers they pick."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import click

from .feedback import SEVERITIES

FORMATS = ("table", "markdown", "json", "html")
SUFFIX_FORMATS = {
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
}
"""The format an output file's suffix picks when --format is not given."""
FETCH_TIMEOUT = 20.0
"""Default of --timeout (``factcheck.articles.FETCH_TIMEOUT``; not imported here, so that
``--help`` stays fast)."""


@dataclass(frozen=True)
class Options:
    """The options of a command, as click parsed them (those it lacks at their defaults)."""

    fmt: str | None
    """--format as given; :attr:`format` is the one used."""
    output: str
    model: str | None
    jobs: int | None
    no_cache: bool
    strict: bool
    max_bytes: int
    quiet: bool
    timeout: float
    fail_on: str | None = None
    min_severity: str | None = None
    claims_file: Path | None = None
    no_claims: bool = False
    one_story: bool = False

    @property
    def format(self) -> str:
        """--format when given, else the one the -o file's suffix names, else table."""
        if self.fmt:
            return self.fmt
        if self.output == "-":
            return "table"
        return SUFFIX_FORMATS.get(Path(self.output).suffix.lower(), "table")
    def fetch(self):
        """How links are fetched in this run (the cache as for claims)."""
        from ..articles import FetchOptions

        return FetchOptions(
            timeout=self.timeout, max_bytes=self.max_bytes, use_cache=not self.no_cache
        )


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


def _inputs(verb: str) -> Callable:
    """The PATHS_OR_LINKS argument and --urls, for a command that reads them to ``verb``."""

    def decorate(func: Callable) -> Callable:
        func = click.option(
            "--urls",
            "url_lists",
            multiple=True,
            metavar="FILE",
            help=f"A file of links to {verb}, one a line (blank lines and # comments ignored).",
        )(func)
        return click.argument("inputs", nargs=-1, metavar="PATHS_OR_LINKS...")(func)

    return decorate


def _common(func: Callable) -> Callable:
    """The options of the commands that compare claims."""
    return _options(func, _reading_options() + _judging_options())


def _reading(func: Callable) -> Callable:
    """The options of a command that reads articles without comparing them."""
    return _options(func, _reading_options())


def _options(func: Callable, options: list) -> Callable:
    for option in reversed(options):
        func = option(func)
    return func


def _reading_options() -> list:
    return [
        click.option(
            "--format",
            "fmt",
            type=click.Choice(FORMATS),
            default=None,
            help="Output format [default: from the -o file's suffix (.html, .md, .json), "
            "else table].",
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
            help="Fetch links, parse and compare everything again, ignoring the cache.",
        ),
        click.option(
            "--strict",
            is_flag=True,
            help="Fail on the first unreadable file, link or feed line instead of skipping it.",
        ),
        click.option(
            "--max-bytes",
            type=click.IntRange(min=1),
            default=5_000_000,
            show_default=True,
            help="Largest article file, fetched page or feed line accepted.",
        ),
        click.option(
            "--timeout",
            type=click.FloatRange(min=0, min_open=True),
            default=FETCH_TIMEOUT,
            show_default=True,
            metavar="SECONDS",
            help="How long to wait for a linked page.",
        ),
        click.option("-q", "--quiet", is_flag=True, help="No progress or summary on stderr."),
    ]


def _judging_options() -> list:
    return [
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
        click.option(
            "--claims",
            "claims_file",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help="Claim book (default: ./claims.yaml when present).",
        ),
        click.option("--no-claims", is_flag=True, help="Ignore any claim book."),
        click.option(
            "--one-story",
            is_flag=True,
            help="Compare all the articles as one story, without splitting them into stories.",
        ),
    ]


def _jobs(jobs: int | None) -> int | None:
    """None (auto) lets the pipeline choose by how many articles need parsing."""
    return jobs


def _filter(report, min_severity: str | None):
    if not min_severity:
        return report
    from dataclasses import replace

    from ..models import Severity, Status

    limit = Severity(min_severity).rank
    groups = tuple(
        g
        for g in report.groups
        if g.status is not Status.CONFLICT or (g.severity is not None and g.severity.rank <= limit)
    )
    return replace(report, groups=groups)


def _render(report, fmt: str):
    """The report in a format; files shown relative to the working folder (not in JSON,
    whose paths are the contract)."""
    from .. import render

    if fmt == "json":
        return render.json_chunks(report)  # written a group at a time
    renderer = {"markdown": render.to_markdown, "html": render.to_html}.get(fmt, render.to_table)
    return renderer(report, cwd=Path.cwd())


def _render_check(check, fmt: str):
    from .. import render

    if fmt == "json":
        return render.check_to_json(check)
    renderer = {"markdown": render.check_to_markdown, "html": render.check_to_html}.get(
        fmt, render.check_to_table
    )
    return renderer(check, cwd=Path.cwd())


def _render_stories(report, fmt: str):
    from .. import render

    if fmt == "json":
        return render.stories_to_json(report)
    if fmt == "markdown":
        return render.stories_to_markdown(report)
    if fmt == "html":
        raise click.UsageError("factcheck stories writes table, markdown or json, not html")
    return render.stories_to_table(report)
