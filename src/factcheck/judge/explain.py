"""What a group is about and what it says, in words a reader can check."""

from __future__ import annotations

from ..models import (
    Amount,
    Claim,
    ClaimKind,
    DateValue,
    Position,
    Relation,
    Status,
)
from ..quantities import format_amount
from .labels import measure_label


def _label(claim: Claim) -> str:
    value = claim.value
    if isinstance(value, Amount):
        return format_amount(value)
    if isinstance(value, DateValue):
        return value.iso
    return str(value)


def _about(claims: list[Claim]) -> str:
    first = claims[0]
    s = first.subject
    if first.kind in (ClaimKind.PERSON, ClaimKind.ALIAS):
        full = [c.value for c in claims if c.restates is None]
        common = max(sorted(set(full)), key=lambda v: (full.count(v), len(v)))
        what = "alias" if first.kind is ClaimKind.ALIAS else "name"
        return f"{what}: {common}"
    if first.kind is ClaimKind.SENTENCE:
        return "sentence handed down"
    if first.kind is ClaimKind.DATE:
        return f"date ({s.action})" if s.action else "date"
    return measure_label(claims)


NAMED = 3
"""Positions an explanation names; the others are counted."""


def _explain(
    about: str,
    positions: tuple[Position, ...],
    status: Status,
    relation: Relation,
    labels: dict[str, str],
) -> str:
    """One plain sentence: who says what."""

    def outlets(p: Position) -> str:
        names = [labels.get(a, a) for a in p.articles]
        return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]

    def say(p: Position, verb: str = "say") -> str:
        singular = len(p.articles) == 1
        return f"{outlets(p)} {verb + 's' if singular else verb}"

    def stated(p: Position, verb: str = "say", obj: str = "") -> str:
        """Each outlet with its own figure: "A and B say 50, C says at least 48"."""
        own: dict[str, list[str]] = {}
        for article in p.articles:
            claim = next(c for c in p.claims if c.article == article and c.restates is None) \
                if any(c.article == article and c.restates is None for c in p.claims) \
                else next(c for c in p.claims if c.article == article)
            own.setdefault(_label(claim), []).append(labels.get(article, article))
        parts = []
        for label, names in own.items():
            who = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
            parts.append(f"{who} {verb if len(names) > 1 else verb + 's'}{obj} {label}")
        return ", ".join(parts)

    first = positions[0]
    # Name at most NAMED positions, those most outlets hold first (stable among equals).
    named = sorted(positions, key=lambda p: -len(p.articles))[:NAMED]
    rest = len(positions) - len(named)
    more = f" (and {rest} more position{'s' if rest > 1 else ''})" if rest else ""
    if status is Status.SINGLE:
        return f"Only {outlets(first)} reports {about}: {first.label}."
    if status is Status.AGREEMENT:
        return f"{outlets(first)} agree on {about}: {first.label}."
    if relation is Relation.SPELLING:
        sides = "; ".join(stated(p, "spell", " it") for p in named)
        return f"The name is spelt differently: {sides}{more}."
    sides = "; ".join(stated(p) for p in named)
    tail = {
        Relation.SUBSET: " The smaller figure may count only part of the larger.",
        Relation.STAGE: " The reports are from different years: perhaps different stages"
        " of the story.",
    }.get(relation, "")
    return f"On {about}, {sides}{more}.{tail}"


