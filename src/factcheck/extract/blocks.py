"""A very long article read block by block: each block an article of its own, parsed and
read like one, its claims moved back to offsets of the whole file.

The parser's memory grows with the text it is given at once, and a document's readings
(the people it names, for instance) are asked of every sentence; blocks keep both bounded.
An article no longer than one block is read whole, exactly as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..models import Article, Claim, Span
from ..nlp import BLOCK_CHARS, cuts
from .records import claim_id


def split_article(article: Article, size: int = BLOCK_CHARS) -> list[tuple[int, Article]]:
    """The blocks of an article as ``(offset, article)``: the article itself when short,
    else one article per block, its text the block's, its spans moved to match.

    >>> from factcheck.articles import parse_article
    >>> art = parse_article("# Title\\n\\nOne hurt.\\nTwo hurt.\\n", article_id="a", path="a.md")
    >>> [(offset, part.text, part.title) for offset, part in split_article(art, size=12)]
    [(0, '# Title\\n\\n', 'Title'), (9, 'One hurt.\\n', 'Title'), (19, 'Two hurt.\\n', 'Title')]
    """
    if len(article.text) <= size:
        return [(0, article)]
    parts = []
    for start, end in cuts(article.text, size):
        parts.append(
            (
                start,
                replace(
                    article,
                    text=article.text[start:end],
                    body=_within(article.body, start, end) or Span(0, 0),
                    title_span=_within(article.title_span, start, end),
                ),
            )
        )
    return parts


def _within(span: Span | None, start: int, end: int) -> Span | None:
    if span is None or span.end <= start or end <= span.start:
        return None
    return Span(max(span.start, start) - start, min(span.end, end) - start)


def moved(claims: Iterable[Claim], offset: int) -> list[Claim]:
    """Claims of a block, at offsets of the whole file (their ids and the ids they restate
    follow, as ids hold offsets)."""
    claims = list(claims)
    if offset == 0:
        return claims
    ids = {c.id: _moved_id(c, offset) for c in claims}
    return [
        replace(
            c,
            id=ids[c.id],
            start=c.start + offset,
            end=c.end + offset,
            sentence_start=c.sentence_start + offset,
            restates=ids.get(c.restates, c.restates) if c.restates is not None else None,
        )
        for c in claims
    ]


def _moved_id(claim: Claim, offset: int) -> str:
    return claim_id(claim.article, claim.start + offset, claim.end + offset, claim.kind)
