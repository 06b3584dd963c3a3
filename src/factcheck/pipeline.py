"""From paths to a report: load, parse, extract, compare.

The one place the stages are joined. ``build_report`` is what ``factcheck
compare`` runs; ``check_article`` is what ``factcheck claim`` runs.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import interrupts
from .articles import DEFAULT_MAX_BYTES, Loaded, load_articles
from .claimbook import ClaimBook
from .errors import ModelError
from .models import Article, ArticleCheck, Claim, ClaimCheck, Report, Verdict

if TYPE_CHECKING:
    from spacy.language import Language

Progress = Callable[[int, int], None]
"""Called with (done, total) as articles are parsed."""


PARALLEL_MIN = 200
"""Left to choose (``jobs=None``), factcheck parses fewer articles than this in its own
process: below it, starting workers (each loads the model) costs more than it saves, and a
single process stops cleanly on Ctrl-C (spawned workers print their own tracebacks)."""


def jobs_for(jobs: int | None, articles: int) -> int:
    """Processes to parse ``articles`` with: ``jobs``, or one per core for 0, or for None
    one per core when there are at least :data:`PARALLEL_MIN` articles, else one."""
    cores = _cores()
    if jobs is None:
        jobs = cores if articles >= PARALLEL_MIN else 1
    elif jobs == 0:
        jobs = cores
    return max(1, min(jobs, -(-articles // _chunk_size())))  # no more than there are chunks


def extract_all(
    articles: Sequence[Article],
    *,
    model: str | None = None,
    jobs: int | None = 1,
    use_cache: bool = True,
    progress: Progress | None = None,
) -> list[Claim]:
    """Claims of every article, in article order, from the cache where the file is
    unchanged. ``jobs``: processes for parsing (0: one per core; None: chosen by
    :func:`jobs_for`, as ``--jobs auto``). Workers are spawned: a script that asks for
    them runs its work under ``if __name__ == "__main__":``."""
    from . import cache

    store = cache.ClaimCache.open(model) if use_cache else None
    found: list[list[Claim] | None] = [
        store.get(article) if store is not None else None for article in articles
    ]
    missing = [i for i, claims in enumerate(found) if claims is None]
    done = len(articles) - len(missing)
    if progress:
        progress(done, len(articles))
    if missing:
        todo = [articles[i] for i in missing]
        for i, claims in zip(missing, _extract(todo, model=model, store=store,
                                               jobs=jobs_for(jobs, len(todo))), strict=True):
            found[i] = claims
            if store is not None:
                store.put(articles[i], claims)
            done += 1
            if progress:
                progress(done, len(articles))
            interrupts.checkpoint("parse")
    return [claim for claims in found for claim in claims or ()]


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _chunk_size() -> int:
    from .nlp import BATCH_SIZE

    return BATCH_SIZE


def _extract(
    articles: list[Article], *, model: str | None, store, jobs: int
) -> Iterator[list[Claim]]:
    """Claims of each article, in order: parsed here, or by ``jobs`` worker processes that
    each load the model and return claims (not documents) a batch at a time."""
    from .nlp import load_nlp

    if jobs <= 1:
        nlp = load_nlp(model)
        if store is not None:
            store.bind(nlp)
        yield from _read(nlp, articles)
        return
    import multiprocessing

    # a batch at a time, smaller when there are few, so that both workers finish together
    size = max(1, min(_chunk_size(), -(-len(articles) // (2 * jobs))))
    chunks = [articles[i : i + size] for i in range(0, len(articles), size)]
    # spawn, not fork: the parent may run a progress thread, and need not load spaCy at all
    context = multiprocessing.get_context("spawn")
    with interrupts.deaf_children():  # workers start deaf to Ctrl-C: the parent stops them
        pool = context.Pool(jobs, initializer=_worker_start, initargs=(model,))
    with pool:
        for result in pool.imap(_worker_extract, chunks):
            if isinstance(result, _WorkerError):
                raise ModelError(result.path, result.problem, result.fix)
            yield from result


@dataclass(frozen=True)
class _WorkerError:
    """A model that would not load in a worker (exceptions with arguments do not pickle)."""

    path: str | None
    problem: str
    fix: str | None


_worker_nlp: Language | _WorkerError | None = None


def _worker_start(model: str | None) -> None:
    global _worker_nlp
    import signal

    from .nlp import load_nlp

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        _worker_nlp = load_nlp(model)
    except ModelError as exc:
        _worker_nlp = _WorkerError(exc.path, exc.problem, exc.fix)


def _worker_extract(articles: list[Article]) -> list[list[Claim]] | _WorkerError:
    nlp = _worker_nlp
    if nlp is None or isinstance(nlp, _WorkerError):
        return nlp or _WorkerError(None, "the spaCy pipeline did not load", None)
    return list(_read(nlp, articles))


def _read(nlp: Language, articles: Iterable[Article]) -> Iterator[list[Claim]]:
    """Parse and read each article, a very long one block by block (see
    :mod:`factcheck.extract.blocks`)."""
    from .extract import extract_claims, parse_text
    from .extract.blocks import moved, split_article
    from .nlp import parse_groups

    parted = [split_article(a) for a in articles]
    groups = ([parse_text(part) for _offset, part in parts] for parts in parted)
    for parts, docs in zip(parted, parse_groups(nlp, groups), strict=True):
        claims = [
            moved(extract_claims(part, doc), offset)
            for (offset, part), doc in zip(parts, docs, strict=True)
        ]
        if len(claims) == 1:
            yield claims[0]
        else:
            yield sorted((c for own in claims for c in own), key=lambda c: (c.start, c.end, c.kind))


def build_report(
    paths: str | Path | Sequence[str | Path],
    *,
    model: str | None = None,
    strict: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    jobs: int | None = 1,
    use_cache: bool = True,
    progress: Progress | None = None,
    loaded: Loaded | None = None,
    book: ClaimBook | None = None,
) -> Report:
    """Load the articles under ``paths`` and compare every claim they make.

    ``book`` is an optional claim book (see :mod:`factcheck.claimbook`); ``jobs`` as
    for :func:`extract_all`. With the cache, a run on exactly the same articles, book and
    code (and intact claim entries) reads the report back.
    """
    from . import cache

    loaded = loaded or load_articles(paths, strict=strict, max_bytes=max_bytes)
    interrupts.checkpoint("load")
    reports = cache.ReportCache.open(model) if use_cache else None
    if reports is not None:
        key = reports.key(loaded.articles, loaded.skipped, book)
        hit = reports.get(key) if key is not None else None
        if hit is not None:
            return hit
    from .judge import compare

    claims = extract_all(
        loaded.articles, model=model, jobs=jobs, use_cache=use_cache, progress=progress
    )
    interrupts.checkpoint("compare")
    report = compare(loaded.articles, claims, skipped=loaded.skipped, book=book)
    if reports is not None:
        key = reports.key(loaded.articles, loaded.skipped, book)
        if key is not None:
            reports.put(key, report)
    return report


def check_article(report: Report, article_id: str) -> ArticleCheck:
    """Verdicts on one article's claims from a report that compares it with others."""
    article = report.article(article_id)
    checks: list[ClaimCheck] = []
    for group in report.groups:
        for index, position in enumerate(group.positions):
            for claim in position.claims:
                if claim.article != article_id:
                    continue
                supporting = tuple(c for c in position.claims if c.article != article_id)
                contradicting = tuple(
                    c
                    for i, p in enumerate(group.positions)
                    if i != index
                    for c in p.claims
                    if c.article != article_id
                )
                if contradicting:
                    verdict = Verdict.CONTRADICTED
                elif supporting:
                    verdict = Verdict.CORROBORATED
                else:
                    verdict = Verdict.ONLY_HERE
                checks.append(
                    ClaimCheck(
                        claim=claim,
                        verdict=verdict,
                        group_id=group.id,
                        supporting=supporting,
                        contradicting=contradicting,
                    )
                )
    checks.sort(key=lambda c: (c.claim.start, c.claim.end, c.claim.kind.value))
    against = tuple(a for a in report.articles if a.id != article_id)
    return ArticleCheck(article=article, against=against, checks=tuple(checks), report=report)
