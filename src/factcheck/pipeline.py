"""From paths to a report: load, parse, extract, compare.

The one place the stages are joined. ``build_report`` is what ``factcheck
compare`` runs; ``check_article`` is what ``factcheck claim`` runs.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import interrupts
from .articles import DEFAULT_MAX_BYTES, Loaded, load_articles
from .claimbook import ClaimBook
from .errors import ModelError
from .models import (
    Article,
    ArticleCheck,
    Claim,
    ClaimCheck,
    Profile,
    Report,
    Skipped,
    Verdict,
)

if TYPE_CHECKING:
    from spacy.language import Language

Progress = Callable[[int, int], None]
"""Called with (done, total) as articles are parsed. When it has a ``stage`` attribute,
that is called with the name of a later stage ("Comparing stories") before the same
callback counts that stage's steps."""

Read = tuple[list[Claim], Profile]
"""What one parse gives of an article: its claims and its profile."""


PARALLEL_MIN = 200
"""Left to choose (``jobs=None``), factcheck parses fewer articles than this in its own
process: below it, starting workers (each loads the model) costs more than it saves, and a
single process stops cleanly on Ctrl-C (spawned workers print their own tracebacks)."""


SPILL_MIN = 1_000
"""From this many articles to parse, each article's claims go to the cache as they come and
are read back once parsing is done, so that the parent does not hold every claim while
the workers hold their models: the peak memory of a large cold run is the larger of the
two, not their sum."""


def jobs_for(jobs: int | None, articles: int) -> int:
    """Processes to parse ``articles`` with: ``jobs``, or one per core for 0, or for None
    one per core when there are at least :data:`PARALLEL_MIN` articles, else one."""
    cores = _cores()
    if jobs is None:
        jobs = cores if articles >= PARALLEL_MIN else 1
    elif jobs == 0:
        jobs = cores
    return max(1, min(jobs, -(-articles // _chunk_size())))  # no more than there are chunks


def extract_all(articles: Sequence[Article], **options) -> list[Claim]:
    """Claims of every article, in article order; options as for :func:`read_all`."""
    return [claim for claims, _profile in read_all(articles, **options) for claim in claims]


def read_all(
    articles: Sequence[Article],
    *,
    model: str | None = None,
    jobs: int | None = 1,
    use_cache: bool = True,
    progress: Progress | None = None,
    workers: Workers | None = None,
) -> list[Read]:
    """What one parse gives of each article, in article order: its claims and its profile
    (entities and key terms, for telling stories apart), from the cache where the file is
    unchanged. ``jobs``: processes for parsing (0: one per core; None: chosen by
    :func:`jobs_for`, as ``--jobs auto``). Workers are spawned: a script that asks for
    them runs its work under ``if __name__ == "__main__":``. ``workers``: processes to
    parse with that are kept for later work (see :class:`Workers`), else started here and
    stopped once parsing is done."""
    from . import cache

    store = cache.ClaimCache.open(model) if use_cache else None
    found: list[Read | None] = [
        store.get(article) if store is not None else None for article in articles
    ]
    missing = [i for i, read in enumerate(found) if read is None]
    done = len(articles) - len(missing)
    if progress:
        progress(done, len(articles))
    spilled: list[int] = []
    if missing:
        todo = [articles[i] for i in missing]
        spill = store is not None and len(todo) >= SPILL_MIN
        reading = _extract(todo, model=model, store=store, jobs=jobs_for(jobs, len(todo)),
                           workers=None if spill else workers)  # fmt: skip
        for i, read in zip(missing, reading, strict=True):
            found[i] = read
            if store is not None and store.put(articles[i], read) and spill:
                found[i] = None  # on disk: read back once the parsing workers are gone
                spilled.append(i)
            done += 1
            if progress:
                progress(done, len(articles))
            interrupts.checkpoint("parse")
    if store is not None:  # claims spilled to it are read back now the workers are gone
        for i in spilled:
            found[i] = store.get(articles[i])
    lost = [i for i in spilled if found[i] is None]  # the entry went between write and read
    if lost:
        for i, read in zip(lost, _extract([articles[i] for i in lost], model=model, store=None,
                                          jobs=1), strict=True):  # fmt: skip
            found[i] = read
    return [read for read in found if read is not None]


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _chunk_size() -> int:
    from .nlp import BATCH_SIZE

    return BATCH_SIZE


def _extract(
    articles: list[Article], *, model: str | None, store, jobs: int,
    workers: Workers | None = None,
) -> Iterator[Read]:
    """Claims and profile of each article, in order: parsed here, or by ``jobs`` worker
    processes that each load the model and return them (not documents) a batch at a time:
    those of ``workers``, else processes started for this and stopped after it."""
    from .nlp import load_nlp

    if jobs <= 1:
        nlp = load_nlp(model)
        if store is not None:
            store.bind(nlp)
        yield from _read(nlp, articles)
        return
    chunks = guided_chunks(articles, _chunk_size(), jobs)
    with Workers(model) if workers is None else nullcontext(workers) as own:
        for result in own.pool(jobs).imap(_worker_extract, chunks):
            if isinstance(result, _WorkerError):
                raise ModelError(result.path, result.problem, result.fix)
            yield from result


class Workers:
    """Worker processes that each load the model, started when first asked for and kept
    until the ``with`` block ends: the processes that parsed a run's articles then compare
    its stories side by side."""

    def __init__(self, model: str | None) -> None:
        self.model = model
        self._pool = None

    def pool(self, jobs: int):
        """The processes, ``jobs`` of them when they start now."""
        if self._pool is None:
            import multiprocessing

            # spawn, not fork: the parent may run a progress thread, and need not load spaCy
            context = multiprocessing.get_context("spawn")
            with interrupts.deaf_children():  # workers start deaf to Ctrl-C: the parent stops them
                self._pool = context.Pool(jobs, initializer=_worker_start, initargs=(self.model,))
        return self._pool

    @property
    def running(self) -> bool:
        """True once the processes have started (and until the block ends)."""
        return self._pool is not None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None


def guided_chunks(items: Sequence, size: int, jobs: int) -> list:
    """``items`` in order, cut into the batches that ``jobs`` workers take as they come
    free: full batches of ``size`` while plenty are left, then each at most a
    ``2 * jobs``-th of what is left, so that no worker is still parsing a full batch while
    the others wait for it.

    >>> [len(c) for c in guided_chunks(range(40), 8, 2)]
    [8, 8, 6, 5, 4, 3, 2, 1, 1, 1, 1]
    """
    chunks, start = [], 0
    while start < len(items):
        left = len(items) - start
        step = max(1, min(size, -(-left // (2 * jobs))))
        chunks.append(items[start : start + step])
        start += step
    return chunks


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


def parse_batch(articles: Sequence[Article], *, model: str | None = None) -> list[Read]:
    """Parse a batch of articles in this process (the model loaded once per process): the
    pure step a distributed engine maps over batches (see the README's Performance)."""
    from .nlp import load_nlp

    return list(_read(load_nlp(model), articles))


def report_from(
    articles: Sequence[Article],
    reads: Sequence[Read],
    *,
    skipped: Sequence[Skipped] = (),
    book: ClaimBook | None = None,
    one_story: bool = False,
) -> Report:
    """The report on articles already parsed (``reads`` in article order, as
    :func:`parse_batch` gives them): split into stories, each compared."""
    loaded = Loaded(articles=tuple(articles), skipped=tuple(skipped), warnings=())
    stories = _stories(loaded.articles, list(reads), one_story=one_story)
    return _compare_stories(loaded, list(reads), stories, book=book, progress=None)


def _worker_extract(articles: list[Article]) -> list[Read] | _WorkerError:
    nlp = _worker_nlp
    if nlp is None or isinstance(nlp, _WorkerError):
        return nlp or _WorkerError(None, "the spaCy pipeline did not load", None)
    return list(_read(nlp, articles))


def _compare_one(task: tuple[int, list[Article], list[Claim], ClaimBook | None]):
    """Compare one story's claims, here or in a worker: (its index, its groups)."""
    from .judge import compare

    k, articles, claims, book = task
    return k, compare(articles, claims, book=book).groups


def _read(nlp: Language, articles: Iterable[Article]) -> Iterator[Read]:
    """Parse and read each article, a very long one block by block (see
    :mod:`factcheck.extract.blocks`)."""
    from .extract import extract_claims, parse_text
    from .extract.blocks import moved, split_article
    from .extract.profile import article_profile, merged
    from .extract.records import keep_text
    from .nlp import parse_groups

    parted = [split_article(a) for a in articles]
    groups = [[parse_text(part) for _offset, part in parts] for parts in parted]
    for parts, texts, docs in zip(parted, groups, parse_groups(nlp, groups), strict=True):
        claims, profiles = [], []
        for (offset, part), text, doc in zip(parts, texts, docs, strict=True):
            keep_text(doc, text)  # spaCy's text is the text it was given, character for character
            claims.append(moved(extract_claims(part, doc), offset))
            profiles.append(article_profile(doc))
        if len(claims) == 1:
            yield claims[0], profiles[0]
        else:
            own = sorted((c for block in claims for c in block),
                         key=lambda c: (c.start, c.end, c.kind))  # fmt: skip
            yield own, merged(profiles)


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
    one_story: bool = False,
    stories_only: bool = False,
) -> Report:
    """Load the articles under ``paths``, split them into stories and compare the claims of
    each story's articles (``one_story``: all of them together, as one story;
    ``stories_only``: no comparing, the report's groups are empty).

    ``book`` is an optional claim book (see :mod:`factcheck.claimbook`); ``jobs`` as
    for :func:`read_all`. With the cache, a run on exactly the same articles, book and
    code (and intact claim entries) reads the report back.
    """
    from . import cache

    loaded = loaded or load_articles(paths, strict=strict, max_bytes=max_bytes)
    interrupts.checkpoint("load")
    reports = cache.ReportCache.open(model) if use_cache and not stories_only else None
    if reports is not None:
        key = reports.key(loaded.articles, loaded.skipped, book, split=not one_story)
        hit = reports.get(key) if key is not None else None
        if hit is not None:
            return hit
    with Workers(model) as workers:
        reads = read_all(loaded.articles, model=model, jobs=jobs, use_cache=use_cache,
                         progress=progress, workers=workers)  # fmt: skip
        stories = _stories(loaded.articles, reads, one_story=one_story)
        if stories_only:
            return Report(articles=_in_stories(loaded.articles, stories), groups=(),
                          skipped=tuple(loaded.skipped), stories=stories)  # fmt: skip
        report = _compare_stories(loaded, reads, stories, book=book, progress=progress,
                                  workers=workers if workers.running else None)  # fmt: skip
    if reports is not None:
        key = reports.key(loaded.articles, loaded.skipped, book, split=not one_story)
        if key is not None:
            reports.put(key, report)
    return report


def find_stories(paths: str | Path | Sequence[str | Path], **options) -> Report:
    """The stories of the articles under ``paths``, without comparing their claims: a report
    with its articles (each naming its story) and its stories, and no groups. Options as
    for :func:`build_report`."""
    return build_report(paths, **options, stories_only=True)


def _stories(articles: Sequence[Article], reads: list[Read], *, one_story: bool):
    from .stories import one_story as whole
    from .stories import split

    interrupts.checkpoint("split")
    if not articles:
        return ()
    if one_story or len(articles) < 2:
        return (whole(articles),)
    return split(articles, [profile for _claims, profile in reads])


def _in_stories(articles: Sequence[Article], stories) -> tuple[Article, ...]:
    story_of = {aid: story.id for story in stories for aid in story.articles}
    return tuple(replace(a, story=story_of[a.id]) for a in articles)


def _compare_stories(
    loaded: Loaded, reads: list[Read], stories, *, book, progress, workers: Workers | None = None
) -> Report:
    """Compare the claims of each story's articles, and put the stories' groups together,
    story by story (a group's id starts with its story's when there are several). Running
    ``workers`` compare the stories side by side, the largest first."""
    index = {article.id: k for k, article in enumerate(loaded.articles)}
    stage = getattr(progress, "stage", None)
    if stage is not None and len(stories) > 1:
        stage("Comparing stories")
    tasks = []
    for k, story in enumerate(stories):
        members = [index[aid] for aid in story.articles]
        tasks.append((k, [loaded.articles[m] for m in members],
                      [claim for m in members for claim in reads[m][0]], book))  # fmt: skip
    if workers is not None and len(stories) > 1:
        tasks.sort(key=lambda task: -len(task[2]))
        found = workers.pool(1).imap_unordered(_compare_one, tasks)
    else:
        found = map(_compare_one, tasks)
    parts: dict[int, tuple] = {}
    for done, (k, part) in enumerate(found, 1):
        interrupts.checkpoint("compare")
        parts[k] = part
        if progress and stage is not None and len(stories) > 1:
            progress(done, len(stories))
    groups = []
    for k, story in enumerate(stories):
        prefix = f"{story.id}-" if len(stories) > 1 else ""
        groups += [replace(g, id=prefix + g.id, story=story.id) for g in parts[k]]
    return Report(
        articles=_in_stories(loaded.articles, stories),
        groups=tuple(groups),
        skipped=tuple(loaded.skipped),
        claim_book=book.path if book is not None else None,
        stories=tuple(stories),
    )


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
    against = tuple(
        a for a in report.articles
        if a.id != article_id and (article.story is None or a.story == article.story)
    )  # the articles of its story: the others tell of something else
    return ArticleCheck(article=article, against=against, checks=tuple(checks), report=report)
