"""Every claim of an article, each claim family's in text order (the families are the
other modules of :mod:`factcheck.extract`).

Extraction is total: odd sentences give fewer claims, never an exception.
Every claim's ``text`` is exactly ``article.text[start:end]``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.tokens import Doc, Token

from .. import lexicon
from ..models import Amount, Article, Claim, ClaimKind, Measure, Subject
from .dates import _date_claims
from .entities import _entity_claims
from .names import _alias_claims, _person_claims
from .numbers import _numeric_claims, headline_from_body, resolve_antecedents
from .outcomes import _outcome_claims
from .penalties import _attach_penalties, _penalty_claims
from .records import CONTENT_POS, _context, _make
from .text import _title_case


def extract_claims(article: Article, doc: Doc) -> list[Claim]:
    """Every checkable claim of an article, in text order.

    ``doc`` is the parse of ``article.text`` (the whole file), so token
    offsets are file offsets. Only the headline and the body give claims.
    """
    scopes = _scopes(article)
    claims: list[Claim] = []
    title_case = _title_case(article)
    for sent in doc.sents:
        if not any(sent.start_char < end and start < sent.end_char for start, end in scopes):
            continue
        in_title = (
            article.title_span is not None
            and sent.start_char < article.title_span.end
            and article.title_span.start < sent.end_char
        )
        if not (in_title and title_case):  # Title Case headlines parse too poorly to count
            claims.extend(_numeric_claims(article, doc, sent))
        claims.extend(_penalty_claims(article, doc, sent))
        claims.extend(_date_claims(article, doc, sent))
        claims.extend(_alias_claims(article, sent))
    if article.title_span is not None:
        claims.extend(_headline_singulars(article, doc))
    claims.extend(_person_claims(article, doc, claims))
    named = [c for c in claims if c.kind in (ClaimKind.PERSON, ClaimKind.ALIAS)]
    claims.extend(_outcome_claims(article, doc, [c for c in named if c.kind is ClaimKind.PERSON]))
    title = article.title_span
    claims.extend(_entity_claims(
        article, doc, named, scopes=scopes,
        skip=(title.start, title.end) if title is not None and title_case else None,
    ))
    claims = _attach_penalties(article.text, headline_from_body(resolve_antecedents(claims)))
    terms: dict[int, tuple[str, ...]] = {}
    sentences: dict[tuple[int, str], str] = {}  # one string a sentence, shared by its claims
    claims = [
        replace(c, sentence=sentences.setdefault((c.sentence_start, c.sentence), c.sentence),
                subject=replace(c.subject, terms=_terms(doc, c, terms)))
        for c in claims
    ]  # fmt: skip
    penalties = [(c.start, c.end) for c in claims if c.kind is ClaimKind.SENTENCE]
    claims = [
        c
        for c in claims
        if c.kind not in (ClaimKind.QUANTITY, ClaimKind.COUNT)
        or c.text.isalpha()  # a headline's "robber": one person, not the term's number
        or not any(s <= c.start and c.end <= e for s, e in penalties)
    ]
    inside = [c for c in claims if any(s <= c.start and c.end <= e for s, e in scopes)]
    return sorted(_dedupe(inside), key=lambda c: (c.start, c.end, c.kind))


TIME_WORDS = frozenset(
    """
    second minute hour day week month year decade century time percent cent
    """.split()
)


def _terms(doc: Doc, claim: Claim, memo: dict[int, tuple[str, ...]]) -> tuple[str, ...]:
    """The content lemmas of a claim's sentence, without numbers and units."""
    if claim.sentence_start not in memo:
        sent = doc.char_span(
            claim.sentence_start,
            claim.sentence_start + len(claim.sentence),
            alignment_mode="expand",
        )
        lemmas = set()
        for tok in sent if sent is not None else ():
            lemma = tok.lemma_.lower()
            if (
                tok.pos_ in CONTENT_POS
                and tok.is_alpha
                and not tok.is_stop
                and not tok.like_num
                and lemma not in TIME_WORDS
                and not _is_unit(tok)
            ):
                lemmas.add(sys.intern(lemma))  # shared by every sentence of the article
        memo[claim.sentence_start] = tuple(sorted(lemmas))
    return memo[claim.sentence_start]


def _is_unit(tok: Token) -> bool:
    return any(c.like_num for c in tok.children) and tok.i > 0 and tok.doc[tok.i - 1].like_num


def _headline_singulars(article: Article, doc: Doc) -> Iterator[Claim]:
    """Headlines drop articles: "court jails robber for life" says one robber.
    A singular person noun that a headline's event verb acts on is a count of one."""
    span = doc.char_span(article.title_span.start, article.title_span.end,
                         alignment_mode="expand")
    if span is None:
        return
    for tok in span:
        if not (tok.dep_ in ("dobj", "nsubjpass") and tok.tag_ == "NN" and tok.head.pos_ == "VERB"):
            continue
        if tok.lemma_.lower() not in lexicon.PERSON_NOUNS:
            continue
        if any(c.dep_ in ("det", "nummod", "poss") for c in tok.children):
            continue
        cls = lexicon.event_class([tok.head.lemma_.lower()])
        if cls not in lexicon.PERSON_EVENTS:
            continue
        sent = tok.sent
        measure = Measure(thing=tok.lemma_.lower(), event=cls)
        subject = Subject(measure=measure, context=_context(doc, sent, tok))
        yield _make(article, ClaimKind.COUNT, tok.idx, tok.idx + len(tok.text), sent,
                    Amount(1.0), subject)


def _scopes(article: Article) -> list[tuple[int, int]]:
    spans = [(article.body.start, article.body.end)]
    if article.title_span is not None:
        spans.append((article.title_span.start, article.title_span.end))
    return spans


def _dedupe(claims: Iterable[Claim]) -> Iterator[Claim]:
    seen: set[tuple[int, int, str]] = set()
    for claim in claims:
        key = (claim.start, claim.end, claim.kind)
        if key not in seen:
            seen.add(key)
            yield claim


