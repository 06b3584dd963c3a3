"""Which articles copy one another, and which position most independent sources hold."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..models import (
    Article,
    Position,
)


def _consensus(positions: tuple[Position, ...]) -> tuple[int | None, tuple[str, ...]]:
    """The position most independent sources hold, if one does, and the articles alone
    against it."""
    if len(positions) < 2:
        return (0 if positions else None), ()
    counts = [p.independent or len(p.articles) for p in positions]
    top = max(counts)
    if counts.count(top) > 1:
        return None, ()
    majority = counts.index(top)
    held = set(positions[majority].articles)
    outliers = sorted(
        {a for i, p in enumerate(positions) if i != majority for a in p.articles} - held
    )
    return majority, tuple(outliers)


SAME_WORDS = {"usa": "us", "uk": "britain"}
"""Spellings that copy editors change when they run a wire story."""

SHINGLE = 8
"""Words in a run that two articles must share for the run to count as copied."""

SHARED_SHINGLES = 12
"""Copied runs two articles must share to be one source: about two sentences' worth."""

COMMON_SHINGLE = 10
"""A run in more articles than this is boilerplate, not copying."""


def copies_of(articles: Sequence[Article]) -> dict[str, frozenset[str]]:
    """Article id -> the articles it shares copied text with (a wire story run by several
    outlets, lightly edited). Copying is not transitive: a piece that borrows from two
    independent reports does not make them one.

    >>> from factcheck.models import Article, Span
    >>> wire = ("Rescuers pulled 12 survivors from the rubble of the collapsed hotel overnight, "
    ...         "and the mayor said the search would go on for as long as there was any hope. ")
    >>> a = Article(id="a", path="a", text=wire, body=Span(0, len(wire)))
    >>> b = Article(id="b", path="b", text="Intro. " + wire, body=Span(0, len(wire) + 7))
    >>> c = Article(id="c", path="c", text="A quiet day.", body=Span(0, 12))
    >>> {k: sorted(v) for k, v in copies_of([a, b, c]).items()}
    {'a': ['b'], 'b': ['a'], 'c': []}
    """
    holders: dict[int, set[str]] = defaultdict(set)
    for article in articles:
        body = article.text[article.body.start:article.body.end].lower().replace(".", "")
        words = [SAME_WORDS.get(w, w) for w in re.findall(r"\w+", body)]
        for i in range(len(words) - SHINGLE + 1):
            holders[hash(tuple(words[i:i + SHINGLE]))].add(article.id)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for ids in holders.values():
        if 1 < len(ids) <= COMMON_SHINGLE:
            ordered = sorted(ids)
            for i, x in enumerate(ordered):
                for y in ordered[i + 1:]:
                    shared[(x, y)] += 1
    copies: dict[str, set[str]] = {a.id: set() for a in articles}
    for (x, y), count in shared.items():
        if count >= SHARED_SHINGLES:
            copies[x].add(y)
            copies[y].add(x)
    return {k: frozenset(v) for k, v in copies.items()}


def independent_count(ids: Iterable[str], copies: dict[str, frozenset[str]]) -> int:
    """The most articles among ``ids`` of which none copies another.

    >>> independent_count(["r", "u", "a"], {"u": frozenset({"r", "a"}), "r": frozenset({"u"}),
    ...                                     "a": frozenset({"u"})})
    2
    """
    left = set(ids)
    count = 0
    while left:  # greedy on fewest copies: exact for the small stars and chains news makes
        pick = min(sorted(left), key=lambda x: len(copies.get(x, frozenset()) & left))
        left -= {pick} | copies.get(pick, frozenset())
        count += 1
    return count


