"""What spaCy reads of an article: the headline (in sentence case) and the body, offsets kept."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..models import (
    Article,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def parse_text(article: Article) -> str:
    r"""What spaCy should read of an article: the headline and the body, with the header
    lines and Markdown marks blanked out. Same length as ``article.text``, line breaks
    kept, so every offset still indexes the file.

    >>> from factcheck.articles import parse_article
    >>> text = "# Twelve hurt\n\nPublished at: **2021-03-04**\n\nTwelve people were hurt.\n"
    >>> art = parse_article(text, article_id="a", path="a.md")
    >>> [line.strip() or len(line) for line in parse_text(art).split("\n")]
    ['Twelve hurt', 0, 28, 0, 'Twelve people were hurt.', 0]
    """
    text = article.text
    keep = sorted(
        (s for s in (article.title_span, article.body) if s is not None), key=lambda s: s.start
    )
    parts: list[str] = []
    pos = 0
    for span in keep:
        if span.start < pos:
            continue
        parts.append(_BLANK.sub(" ", text[pos : span.start]))
        kept = text[span.start : span.end]
        if span is article.title_span and _title_case(article):
            kept = _sentence_case(kept, _proper_words(article))
        parts.append(kept)
        pos = span.end
    parts.append(_BLANK.sub(" ", text[pos:]))
    return "".join(parts)


def _proper_words(article: Article) -> frozenset[str]:
    """Words the body capitalises where no sentence starts: names, not headline style."""
    body = article.text[article.body.start : article.body.end]
    return frozenset(m.group(1) for m in re.finditer(r"(?<=[a-z,;:] )([A-Z][\w'’-]*)", body))


def _sentence_case(title: str, proper: frozenset[str]) -> str:
    """ "Court Jails Bank Robber for Life" as a sentence, so that it parses:
    the first word, acronyms and names the body capitalises keep their capitals."""
    out = []
    for i, m in enumerate(re.finditer(r"\S+|\s+", title)):
        word = m.group()
        core = word.strip("\"'“”‘’:,.!?()")
        keep = i == 0 or not core or core.isupper() or core in proper or not word[:1].isalpha()
        lowered = word if keep else word.lower()
        out.append(lowered if len(lowered) == len(word) else word)
    return "".join(out)


_BLANK = re.compile(r"[^\n\r]")


def _title_case(article: Article) -> bool:
    if article.title is None:
        return False
    words = [w for w in re.findall(r"[^\W\d_]{4,}", article.title)]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) > 0.6




def tokens_of(doc: Doc) -> list[Token]:
    """The document's tokens, made once: spaCy builds a new ``Token`` on every iteration
    and every index, and extraction walks an article several times."""
    found = doc.user_data.get(_TOKENS)
    if found is None or len(found) != len(doc):
        found = doc.user_data[_TOKENS] = list(doc)
    return found


_TOKENS = "factcheck.tokens"
