"""Making a claim record: its exact span, its sentence, the words around it."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..models import (
    Article,
    Claim,
    ClaimKind,
    Subject,
)
from .text import tokens_of

CONTEXT_WINDOW = 8
"""Tokens either side of a claim whose lemmas describe its context."""

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
CLAUSE_DEPS = frozenset({"advcl", "ccomp", "relcl", "parataxis", "conj", "acl", "xcomp"})
QUOTES = "\"'“”‘’«»"

def claim_id(article: str, start: int, end: int, kind: ClaimKind) -> str:
    """A claim's id: its article, its span and its kind."""
    return f"{article}:{start}-{end}:{kind.value}"
def sent_text(sent: Span) -> str:
    """A sentence's text, sliced from its document's text, which is joined once and kept
    (``Span.text`` and ``Doc.text`` join their tokens anew on every call, which
    extraction would pay for each claim of each sentence)."""
    return doc_text(sent.doc)[sent.start_char : sent.end_char]


def doc_text(doc: Doc) -> str:
    """A document's text, joined once and kept (see :func:`sent_text`)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def keep_text(doc: Doc, text: str) -> None:
    """Keep ``text``, the very string ``doc`` was parsed from, as its text: joining the
    tokens again would give the same characters, at a cost."""
    doc.user_data[TEXT_KEY] = text


TEXT_KEY = "factcheck.text"
"""Where :func:`sent_text` keeps a document's text in ``Doc.user_data``."""


def _make(
    article: Article,
    kind: ClaimKind,
    start: int,
    end: int,
    sent: Span,
    value,
    subject: Subject,
    restates: str | None = None,
) -> Claim:
    title = article.title_span
    text = sent_text(sent)
    lead = len(text) - len(text.lstrip("#> \t"))  # a Markdown heading's marks
    return Claim(
        id=claim_id(article.id, start, end, kind),
        article=article.id,
        kind=kind,
        text=article.text[start:end],
        start=start,
        end=end,
        sentence=text[lead:].rstrip(),
        sentence_start=sent.start_char + lead,
        value=value,
        subject=subject,
        in_title=bool(title and title.start <= start and end <= title.end),
        restates=restates,
    )


def _context(doc: Doc, sent: Span, anchor: Token) -> str:
    lo = max(sent.start, anchor.i - CONTEXT_WINDOW)
    hi = min(sent.end, anchor.i + CONTEXT_WINDOW + 1)
    return " ".join(sorted({w for w in _content_lemmas(doc)[lo:hi] if w}))


def _content_lemmas(doc: Doc) -> list[str | None]:
    """Each token's lowercase lemma if it is a content word (else None), made once a
    document: every claim's context reads a window of them."""
    found = doc.user_data.get(_CONTENT)
    if found is None or len(found) != len(doc):
        found = doc.user_data[_CONTENT] = [
            t.lemma_.lower()
            if t.pos_ in CONTENT_POS and not t.is_stop and not t.like_num and t.is_alpha
            else None
            for t in tokens_of(doc)
        ]
    return found


_CONTENT = "factcheck.content"


