"""The command line: parse options, call the core, render, map errors to exit codes.

Only this package imports click, prints or writes files. spaCy is imported
lazily, so ``factcheck --help`` starts fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .feedback import _errors, _exit_code, _progress, _skipped, _stderr, _summary, _warn
from .options import (
    Options,
    _common,
    _filter,
    _inputs,
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
    factcheck compare data/articles -o report.html
    factcheck claim articles/first.md
    factcheck stories feed.jsonl
    """


@main.command()
@_inputs("compare")
@_common
def compare(inputs: tuple[str, ...], url_lists: tuple[str, ...], **options: Any) -> None:
    """Compare the claims of the articles in PATHS_OR_LINKS: files, folders and links.

    Files: .txt and .md articles, .html/.htm saved web pages, .jsonl feeds (one
    article a line) and .json arrays. A folder gives its .txt, .md, .html, .htm and
    .jsonl files. Links (http:// or https://) are fetched, a few at a time, and
    kept in the cache, so a second run works offline.

    Articles that tell of several events are split into stories (see `factcheck stories`)
    and compared story by story. Conflicts come first, most severe first; then
    agreements and single-source claims.

    \b
    Examples:
      factcheck compare data/articles --format json -o report.json
      factcheck compare data/articles -o report.html
      factcheck compare saved/page.html https://example.org/news/story.html
      factcheck compare --urls links.txt feed.jsonl
    """
    o = Options(**options)
    if not inputs and not url_lists:
        raise click.UsageError("give article files, folders or links, or --urls FILE")
    with _errors():
        target = _check_output(
            o.output, (*inputs, *url_lists), book=_book_path(o.claims_file, o.no_claims)
        )
        from ..claimbook import find_claim_book
        from ..pipeline import build_report

        book = find_claim_book(o.claims_file, disabled=o.no_claims)
        loaded = _load(o, inputs, url_lists)
        with _progress(o.quiet) as progress:
            report = build_report(
                inputs,
                model=o.model,
                jobs=_jobs(o.jobs),
                use_cache=not o.no_cache,
                progress=progress,
                loaded=loaded,
                book=book,
                one_story=o.one_story,
            )
        report = _filter(report, o.min_severity)
        _emit(_render(report, o.format), target, o.format)
        if not o.quiet:
            _summary(report)
        sys.exit(_exit_code(report, o.fail_on))


@main.command()
@click.argument("article", metavar="ARTICLE")
@click.option(
    "--against",
    "against",
    multiple=True,
    metavar="PATH_OR_LINK",
    help="Articles, folders, feeds or links to check against "
    "(default: the others in ARTICLE's folder).",
)
@_common
def claim(article: str, against: tuple[str, ...], **options: Any) -> None:
    """Check each claim of ARTICLE against what the other articles say.

    ARTICLE is a .txt, .md or .html file, or a link. Each claim is corroborated (by
    which outlets), contradicted (by which, with their values) or only here.

    \b
    Examples:
      factcheck claim articles/first.md --against articles
      factcheck claim articles/first.md -o check.html
      factcheck claim https://example.org/story.html --against saved/ --against feed.jsonl
    """
    o = Options(**options)
    with _errors():
        from ..articles import MAX_CHARS, is_link, load_articles, read_article
        from ..claimbook import find_claim_book
        from ..pipeline import build_report, check_article

        link = is_link(article)
        if not link and Path(article).is_dir():
            raise click.BadParameter(
                f"{article!r} is a folder; give one article, and the folder with --against",
                param_hint="'ARTICLE'",
            )
        if link and not against:
            raise click.UsageError("a link has no folder of other articles: give --against")
        target = _check_output(
            o.output, (article, *against), book=_book_path(o.claims_file, o.no_claims)
        )
        book = find_claim_book(o.claims_file, disabled=o.no_claims)
        own, warning = read_article(
            article, max_bytes=o.max_bytes, max_chars=MAX_CHARS, fetch=o.fetch()
        )
        _warn((warning,) if warning else (), o.quiet)
        others_paths = list(against) or [str(Path(article).parent)]
        others = load_articles(
            others_paths, strict=o.strict, max_bytes=o.max_bytes, fetch=o.fetch()
        )
        _warn(others.warnings, o.quiet)
        _skipped(others.skipped, o.quiet)
        rest = [a for a in others.articles if not _same_input(a.path, article)]
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
        _emit(_render_check(check, o.format), target, o.format)
        counts = _verdict_counts(check)
        if not o.quiet:
            from ..render.values import plural

            _stderr(
                f"{own.label}: {plural(len(check.checks), 'claim')}: "
                f"{counts['corroborated']} corroborated, {counts['contradicted']} contradicted, "
                f"{counts['only-here']} only here (against {plural(len(check.against), 'article')})"
            )
        if o.fail_on == "conflict" and counts["contradicted"]:
            sys.exit(1)
        if o.fail_on == "any" and check.checks:
            sys.exit(1)


@main.command()
@_inputs("read")
@_reading
def stories(inputs: tuple[str, ...], url_lists: tuple[str, ...], **options: Any) -> None:
    """List the stories the articles in PATHS_OR_LINKS tell: for each, a title, its
    articles and the dates they were published between.

    Articles about one event make one story; `compare` compares claims story by story.
    Inputs as for `compare`.

    \b
    Example:
      factcheck stories feed.jsonl --format json -o stories.json
    """
    o = Options(**options)
    if not inputs and not url_lists:
        raise click.UsageError("give article files, folders or links, or --urls FILE")
    if o.format == "html":
        raise click.UsageError("factcheck stories writes table, markdown or json")
    with _errors():
        target = _check_output(o.output, (*inputs, *url_lists))
        from ..pipeline import find_stories

        loaded = _load(o, inputs, url_lists)
        with _progress(o.quiet) as progress:
            report = find_stories(
                inputs, model=o.model, jobs=_jobs(o.jobs), use_cache=not o.no_cache,
                progress=progress, loaded=loaded,
            )  # fmt: skip
        _emit(_render_stories(report, o.format), target, o.format)
        if not o.quiet:
            from ..render.values import plural

            _stderr(
                f"{plural(len(report.articles), 'article')} in "
                f"{plural(len(report.stories), 'story', 'stories')}"
            )


def _load(o: Options, inputs: tuple[str, ...], url_lists: tuple[str, ...]):
    """The articles of the inputs and link lists; warnings and skipped inputs on stderr."""
    from ..articles import load_articles

    loaded = load_articles(
        list(inputs), url_lists=url_lists, strict=o.strict, max_bytes=o.max_bytes,
        fetch=o.fetch(),
    )  # fmt: skip
    _warn(loaded.warnings, o.quiet)
    _skipped(loaded.skipped, o.quiet)
    return loaded


def _same_input(path: str, article: str) -> bool:
    """True when an article read from ``path`` is ARTICLE itself (a file or a link)."""
    from ..articles import is_link

    if is_link(path) or is_link(article):
        return path == article
    return Path(path).resolve() == Path(article).resolve()


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


