"""The command line: parse options, call the core, render, map errors to exit codes.

Only this package imports click, prints or writes files. spaCy is imported
lazily, so ``factcheck --help`` starts fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .feedback import _errors, _exit_code, _progress, _stderr, _summary, _warn
from .options import (
    Options,
    _common,
    _filter,
    _jobs,
    _reading,
    _render,
    _render_check,
    _render_stories,
    _version,
)
from .output import _book_path, _check_output, _emit, printable

__all__ = ["main", "printable"]


class _Main(click.Group):
    """The command group; run from the command line (no ``args``), it owns the process."""

    def main(self, args=None, *rest, **extra):
        if args is None:  # sys.argv: the console script or ``python -m factcheck``
            from .. import interrupts

            interrupts.own_process()
        return super().main(args, *rest, **extra)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(_version(), prog_name="factcheck")
def main() -> None:
    """Cross-check what several news articles claim about one event.

    \b
    factcheck compare data/articles
    factcheck compare data/articles --format markdown -o report.md
    factcheck claim articles/first.md
    factcheck stories feed/
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_common
def compare(paths: tuple[Path, ...], **options: Any) -> None:
    """Compare the claims of the articles in PATHS (folders of .txt/.md files, or files).

    Articles that tell of several events are split into stories (see `factcheck stories`)
    and compared story by story. Conflicts come first, most severe first; then agreements
    and single-source claims.

    \b
    Example:
      factcheck compare data/articles --format json -o report.json
    """
    o = Options(**options)
    with _errors():
        target = _check_output(o.output, paths, book=_book_path(o.claims_file, o.no_claims))
        from ..articles import load_articles
        from ..claimbook import find_claim_book
        from ..pipeline import build_report

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
                one_story=o.one_story,
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
        from ..articles import MAX_CHARS, load_articles, read_article
        from ..claimbook import find_claim_book
        from ..pipeline import build_report, check_article

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
        from ..articles import Loaded

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
                one_story=o.one_story,
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


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_reading
def stories(paths: tuple[Path, ...], **options: Any) -> None:
    """List the stories the articles in PATHS tell: for each, a title, its articles and the
    dates they were published between.

    Articles about one event make one story; `compare` compares claims story by story.

    \b
    Example:
      factcheck stories feed/ --format json -o stories.json
    """
    o = Options(**options)
    with _errors():
        target = _check_output(o.output, paths)
        from ..articles import load_articles
        from ..pipeline import find_stories

        loaded = load_articles(list(paths), strict=o.strict, max_bytes=o.max_bytes)
        _warn(loaded.warnings, o.quiet)
        with _progress(o.quiet) as progress:
            report = find_stories(
                paths,
                model=o.model,
                jobs=_jobs(o.jobs),
                use_cache=not o.no_cache,
                progress=progress,
                loaded=loaded,
            )
        _emit(_render_stories(report, o.fmt), target, o.fmt)
        if not o.quiet:
            _stderr(f"{len(report.articles)} articles in {len(report.stories)} stories")


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


