"""From paths to a report: load, parse, extract, compare.

The one place the stages are joined. ``build_report`` is what ``factcheck
compare`` runs; ``check_article`` is what ``factcheck claim`` runs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from .articles import DEFAULT_MAX_BYTES, Loaded, load_articles
from .claimbook import ClaimBook
from .models import Article, ArticleCheck, Claim, ClaimCheck, Report, Verdict

Progress = Callable[[int, int], None]
"""Called with (done, total) as articles are parsed."""


def extract_all(
    articles: Sequence[Article],
    *,
    model: str | None = None,
    jobs: int = 1,
    use_cache: bool = True,
    progress: Progress | None = None,
) -> list[Claim]:
    """Claims of every article, from the cache where the file is unchanged."""
    from . import cache

    claims: list[Claim] = []
    missing: list[Article] = []
    store = cache.ClaimCache.open(model) if use_cache else None
    for article in articles:
        hit = store.get(article) if store is not None else None
        if hit is None:
            missing.append(article)
        else:
            claims.extend(hit)
    done = len(articles) - len(missing)
    if progress:
        progress(done, len(articles))
    if missing:
        from .extract import extract_claims, parse_text
        from .nlp import load_nlp, parse

        nlp = load_nlp(model)
        if store is not None:
            store.bind(nlp)
        docs = parse(nlp, (parse_text(a) for a in missing), n_process=jobs)
        for article, doc in zip(missing, docs, strict=True):
            found = extract_claims(article, doc)
            claims.extend(found)
            if store is not None:
                store.put(article, found)
            done += 1
            if progress:
                progress(done, len(articles))
    return claims


def build_report(
    paths: str | Path | Sequence[str | Path],
    *,
    model: str | None = None,
    strict: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    jobs: int = 1,
    use_cache: bool = True,
    progress: Progress | None = None,
    loaded: Loaded | None = None,
    book: ClaimBook | None = None,
) -> Report:
    """Load the articles under ``paths`` and compare every claim they make.

    ``book`` is an optional claim book (see :mod:`factcheck.claimbook`).
    """
    from .compare import compare

    loaded = loaded or load_articles(paths, strict=strict, max_bytes=max_bytes)
    claims = extract_all(
        loaded.articles, model=model, jobs=jobs, use_cache=use_cache, progress=progress
    )
    return compare(loaded.articles, claims, skipped=loaded.skipped, book=book)


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
