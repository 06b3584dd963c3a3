"""What a group is about and what it says, in words a reader can check."""

from __future__ import annotations

from ..models import (
    Amount,
    Claim,
    ClaimKind,
    DateValue,
    Outcome,
    Position,
    Relation,
    Status,
)
from ..quantities import format_amount
from .dates import date_label
from .labels import measure_label
from .stages import Stage, stage_line


def _label(claim: Claim) -> str:
    value = claim.value
    if isinstance(value, Amount):
        return format_amount(value)
    if isinstance(value, DateValue):
        return value.label
    return str(value)


NAMED_KINDS = {
    ClaimKind.PERSON: "name",
    ClaimKind.ALIAS: "alias",
    ClaimKind.ORGANISATION: "organisation",
    ClaimKind.PLACE: "place",
}
"""How a group of names says what it is about ("name: Anna Kowalska", "place: Westmark")."""


def _about(claims: list[Claim]) -> str:
    first = claims[0]
    if first.kind in NAMED_KINDS:
        full = [c.value for c in claims if c.restates is None]
        common = max(sorted(set(full)), key=lambda v: (full.count(v), len(v)))
        kinds = [c.kind for c in claims]
        return f"{NAMED_KINDS[max(dict.fromkeys(kinds), key=kinds.count)]}: {common}"
    if first.kind is ClaimKind.SENTENCE:
        return "sentence handed down"
    if first.kind is ClaimKind.OUTCOME:
        names = [c.value.person for c in claims if isinstance(c.value, Outcome)]
        return f"what happened to {max(sorted(set(names)), key=lambda n: (len(n), n))}"
    if first.kind is ClaimKind.DATE:
        return date_label(claims)
    return measure_label(claims)


NAMED = 3
"""Positions an explanation names; the others are counted."""


def _explain(
    about: str,
    positions: tuple[Position, ...],
    status: Status,
    relation: Relation,
    labels: dict[str, str],
    *,
    moved: tuple[Stage, ...] | None = None,
) -> str:
    """One plain sentence: who says what; for stages of one moving figure, the figures with
    their times, newest first."""

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
    converted = [p for p in positions if all(c.restates is not None for c in p.claims)]
    if converted and len(converted) < len(positions):
        # one figure all agree on, converted two ways ("7 billion yen ($61 million)")
        whole = next(p for p in positions if p not in converted)
        base = next((c for c in whole.claims if c.restates is None), whole.claims[0])
        conversions = [c for c in whole.claims if c.restates is not None]
        ways = [f"{say(p, 'give')} {p.label}" for p in converted]
        if conversions:
            their = sorted({labels.get(c.article, c.article) for c in conversions})
            ways.insert(0, f"{', '.join(their)} {'gives' if len(their) == 1 else 'give'} "
                           f"{_label(conversions[0])}")
        return (f"On {about}, the outlets agree on {_label(base)} but convert it "
                f"differently: {'; '.join(ways)}.")
    sides = "; ".join(stated(p) for p in named)
    if relation is Relation.STAGE and moved:
        return (f"On {about}, the figure moved as the story went on, newest first: "
                f"{stage_line(moved)}. {sides[0].upper()}{sides[1:]}{more}.")
    tail = {
        Relation.SUBSET: " The smaller figure may count only part of the larger.",
    }.get(relation, "")
    return f"On {about}, {sides}{more}.{tail}"


