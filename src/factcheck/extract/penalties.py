"""Sentences handed down by a court, and the counts of people they were handed to."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span

from .. import lexicon
from ..models import (
    Article,
    Claim,
    ClaimKind,
    Penalty,
    Subject,
)
from ..quantities import parse_number
from .records import _context, _make, sent_text
from .syntax import _ents_in

_NUM = r"[\w.]+"
_REPRIEVE = (
    r"(?:,?\s+(?:with an?\s+(?P<r1>[\w.-]+?)[- ]years?\s+reprieve"
    r"|suspended for\s+(?P<r2>[\w.-]+)\s+years?))?"
)
_TERM = r"(?P<n>[\w.]+)[- ](?P<unit>years?|months?)"
_KIND = r"(?:rigorous|simple|hard|strict|additional)"
"""Words some courts' terms carry ("nine years of simple imprisonment")."""
PENALTY_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bsuspended death (?:sentence|penalty)\b", re.I), "suspended death"),
    (re.compile(r"\bdeath (?:sentence|penalty)" + _REPRIEVE, re.I), "death"),
    (re.compile(r"\bsentenc\w*\b[^.;\n]{0,60}?\bto death\b" + _REPRIEVE, re.I), "death"),
    (re.compile(r"\bcapital punishment\b", re.I), "death"),
    (
        re.compile(
            r"\blife (?:imprisonment|sentences?|terms?|in prison|in jail|behind bars)"
            r"(?:\s+without (?:the )?(?:possibility of )?parole)?\b"
            r"|\blife without (?:the )?(?:possibility of )?parole\b",
            re.I,
        ),
        "life",
    ),
    (
        re.compile(r"\b(?:sentenc|jail|imprison)\w*\b[^.;\n]{0,60}?\b(?:to|for) life\b", re.I),
        "life",
    ),
    (
        re.compile(
            r"\b" + _TERM + r"(?:'|’)?\s*(?:of\s+)?(?:" + _KIND + r"\s+)?(?:in prison|in jail|"
            r"behind bars|imprisonments?|jail terms?|prison terms?|terms?|prison sentences?|"
            r"sentences?)\b",
            re.I,
        ),
        "prison",
    ),
    (
        re.compile(
            r"\b(?:sentenc|jail|imprison)\w*\b[^.;\n]{0,40}?\b(?:to|for)\s+" + _TERM + r"\b", re.I
        ),
        "prison",
    ),  # "jailed for 12 years", "sentenced to 18 months"
)


def _penalty_claims(article: Article, doc: Doc, sent: Span) -> Iterator[Claim]:
    text = sent_text(sent)
    taken: list[tuple[int, int]] = []
    for pattern, ptype in PENALTY_PATTERNS:
        for m in pattern.finditer(text):
            start, end = sent.start_char + m.start(), sent.start_char + m.end()
            if any(s < end and start < e for s, e in taken):
                continue
            kind = ptype
            years = None
            precision = 1.0
            groups = m.groupdict()
            reprieve = groups.get("r1") or groups.get("r2")
            if ptype == "death" and reprieve:
                kind, years = "suspended death", parse_number(reprieve)
            elif ptype == "prison":
                years = parse_number(groups["n"])
                if years is None or years <= 0 or years > 100:
                    continue
                if groups["unit"].lower().startswith("month"):
                    years, precision = years / 12, 1 / 12
                elif years != int(years):
                    precision = 0.5 if years * 2 == int(years * 2) else 0.1
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not _handed_down(span) or HYPOTHETICAL.search(
                    text, max(0, m.start() - HYPOTHETICAL_WINDOW), m.start()):
                continue
            approx = HEDGE_BEFORE.search(text, max(0, m.start() - 30), m.start() + 12) is not None
            taken.append((start, end))
            subject = Subject(
                noun=_recipient(sent, span),
                action="sentenced",
                context=_context(doc, sent, span.root),
            )
            yield _make(
                article,
                ClaimKind.SENTENCE,
                start,
                end,
                sent,
                Penalty(type=kind, years=years, precision=precision, approx=approx),
                subject,
            )


HYPOTHETICAL = re.compile(
    r"(?i)\b(?:guidelines?|range|recommend\w*|faced?|facing|faces|maximum|up to|sought|seek\w*|"
    r"asked for|could|would have|potential|possible|as much as|prescribed|usual|normal|standard|"
    r"typical|aim\w*|demand\w*|call\w* for|push\w* for)\b[^.;,]*$"
)
"""Words before a term that make it one the law allows, the norm ("the prescribed 15-year
sentence for murder") or one someone asked for, not one given."""

HYPOTHETICAL_WINDOW = 60

HEDGE_BEFORE = re.compile(
    r"(?i)\b(?:nearly|almost|about|around|roughly|just (?:over|under)|"
    r"under|over|more than|less than|some)\s+[\w.-]+\s*[-\s]?(?:years?|months?)"
)


def _handed_down(span: Span) -> bool:
    """False for penalties that are sought, faced, possible or the law in general."""
    token = span.root
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX"):
            lemma = token.lemma_.lower()
            if lemma in lexicon.NOT_HANDED_DOWN or lemma == "have":
                return False
            if lemma == "serve" and any(c.dep_ == "aux" and c.lemma_ == "have"
                                        for c in token.children):
                return False  # "has already served one year in jail": time served
            if any(c.lower_ in lexicon.MODALS for c in token.children if c.dep_ == "aux"):
                return False
            if any(c.dep_ == "neg" for c in token.children):
                return False
            if lemma not in ("be",):
                return True
        if token.head == token:
            break
        token = token.head
    return True


def _recipient(sent: Span, span: Span) -> str | None:
    people = [e for e in _ents_in(sent) if e.label_ == "PERSON" and e.end <= span.start]
    return people[-1].text if people else None


PENALTY_BREAK = re.compile(
    r"(?i)\b(?:while|whereas|but|whom|which|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"\d+)\b|;"
)
"""What ends the reach of a penalty back to a count: a contrast, a relative clause, or
another number ("twelve men, one of whom received ...": the penalty is the one's)."""


def _attach_penalties(text: str, claims: list[Claim]) -> list[Claim]:
    """A count is qualified by the sentence handed down right after it in its sentence,
    unless another count or a contrast ("while", "but") stands between:
    "three men to life imprisonment" counts the men given life."""
    penalties = sorted((c for c in claims if c.kind is ClaimKind.SENTENCE), key=lambda c: c.start)
    counts = sorted((c for c in claims if c.kind is ClaimKind.COUNT), key=lambda c: c.start)
    out = []
    for claim in claims:
        measure = claim.subject.measure
        if claim.kind is not ClaimKind.COUNT or measure is None:
            out.append(claim)
            continue
        penalty = next(
            (
                p
                for p in penalties
                if p.sentence_start == claim.sentence_start
                and p.start >= claim.end
                and p.start - claim.end < 120
            ),
            None,
        )
        if penalty is not None:
            between = text[claim.end : penalty.start]
            blocked = PENALTY_BREAK.search(between) or any(
                claim.end <= o.start < penalty.start for o in counts if o is not claim
            )
            if not blocked:
                family = penalty.value.type if isinstance(penalty.value, Penalty) else "prison"
                narrow = {*measure.narrow, "penalty:" + ("death" if "death" in family else family)}
                measure = replace(measure, narrow=tuple(sorted(narrow)), event="sentenced")
                claim = replace(claim, subject=replace(claim.subject, measure=measure))
        out.append(claim)
    return out
