"""A very long article read block by block: offsets of the whole file, the same claims."""

from __future__ import annotations

from itertools import pairwise

from factcheck.articles import read_article
from factcheck.extract import extract_claims, parse_text
from factcheck.extract.blocks import moved, split_article
from factcheck.nlp import cuts

from .conftest import ARTICLES


def _blocked(nlp, article, size):
    claims = []
    for offset, part in split_article(article, size=size):
        claims += moved(extract_claims(part, nlp(parse_text(part))), offset)
    return claims


def test_cuts_cover_the_text_at_line_breaks() -> None:
    """Blocks follow one another, cover the text, and end at a line break when one is near."""
    text = ("A paragraph of some length.\n" * 50) + "x" * 30
    spans = cuts(text, size=100)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(spans))
    assert all(text[end - 1] == "\n" for _, end in spans[:-2])
    assert all(end - start <= 100 for start, end in spans)


def test_blocks_give_the_claims_of_the_whole(nlp) -> None:
    """A sample article read in small blocks: every claim is exact in the whole file, ids are
    unique, restatements point at claims of the article, and the figures are those read whole."""
    article, _ = read_article(ARTICLES / "reuters.txt")
    whole = extract_claims(article, nlp(parse_text(article)))
    blocked = _blocked(nlp, article, size=800)
    assert len(split_article(article, size=800)) > 3
    assert all(article.text[c.start : c.end] == c.text for c in blocked)
    assert all(article.text[c.sentence_start :].startswith(c.sentence) for c in blocked)
    ids = {c.id for c in blocked}
    assert len(ids) == len(blocked)
    assert all(c.restates in ids for c in blocked if c.restates)
    figures = {(c.start, c.end) for c in whole if c.kind.value in ("count", "quantity")}
    found = {(c.start, c.end) for c in blocked if c.kind.value in ("count", "quantity")}
    assert len(figures & found) >= 0.9 * len(figures)


def test_a_short_article_is_one_block() -> None:
    """An article no longer than a block is read whole, as before."""
    article, _ = read_article(ARTICLES / "reuters.txt")
    assert split_article(article) == [(0, article)]
