"""What the claim book adds: topics that steer grouping, name rules, reference values."""

from __future__ import annotations

from dataclasses import replace

from ..claimbook import ClaimBook
from ..models import (
    Claim,
    DateValue,
    Group,
    Penalty,
)
from ..quantities import compatible
from .values import _dates_agree, _name_tokens, _names_agree

NameRules = tuple[tuple[bool, frozenset[str]], ...]


def _name_rules(book: ClaimBook | None) -> NameRules:
    if book is None:
        return ()
    return tuple(
        (rule.same, frozenset(" ".join(_name_tokens(n)) for n in rule.names)) for rule in book.names
    )


def _book_says(a: str, b: str, rules: NameRules) -> bool | None:
    """True: the claim book says one person; False: two people; None: it does not say."""
    x, y = " ".join(_name_tokens(a)), " ".join(_name_tokens(b))
    for same, names in rules:
        if x in names and y in names and x != y:
            return same
    return None


def _with_topic(claim: Claim, book: ClaimBook) -> Claim:
    """The topic whose cues name what the claim is about (its action, noun, compared
    thing, penalty or name); the sentence around it is not enough."""
    s = claim.subject
    m = s.measure
    words = {w.lower() for w in (s.action, s.noun, s.compared) if w}
    if m is not None:
        words |= {w.lower() for w in (m.thing, m.event) if w}
        words |= {n.split(":", 1)[1] for n in m.narrow if n.startswith("penalty:")}
    if isinstance(claim.value, (Penalty, str)):
        words |= set(str(claim.value).lower().replace(",", " ").split())
    best: tuple[int, str] | None = None
    for topic in book.topics:
        if topic.kind is not None and topic.kind is not claim.kind:
            continue
        if topic.dimension and (claim.amount is None or claim.amount.dimension != topic.dimension):
            continue
        hits = sum(1 for cue in topic.cues if cue in words)
        if hits and (best is None or hits > best[0]):
            best = (hits, topic.id)
    if best is None:
        return claim
    return replace(claim, subject=replace(claim.subject, topic=best[1]))


def _with_book(group: Group, book: ClaimBook, labels: dict[str, str]) -> Group:
    topics = [c.subject.topic for c in group.claims if c.subject.topic]
    if not topics:
        return group
    topic_id = max(sorted(set(topics)), key=topics.count)
    topic = book.topic(topic_id)
    reference = None
    for ref in book.references:
        if ref.topic == topic_id:
            reference = _check_reference(group, ref.value, ref.source, labels)
            break
    return replace(
        group, topic=topic_id, question=topic.question if topic else None, reference=reference
    )


def _one_reference_per_topic(groups: list[Group]) -> list[Group]:
    """A reference value speaks to the main group of its topic, not to its parts."""
    main: dict[str, Group] = {}
    for group in groups:
        if group.topic and group.reference:
            best = main.get(group.topic)
            if best is None or len(group.articles) > len(best.articles):
                main[group.topic] = group
    return [
        g if g.reference is None or main.get(g.topic) is g else replace(g, reference=None)
        for g in groups
    ]


def _check_reference(group: Group, value, source: str | None, labels: dict[str, str]) -> str:
    """Which positions agree with a reference value, in words."""
    agree, disagree = [], []
    for position in group.positions:
        claim = position.claims[0]
        ok = _matches_reference(claim, value)
        names = [labels.get(a, a) for a in position.articles]
        (agree if ok else disagree).extend(names)
    head = f"{value}" + (f" ({source})" if source else "")
    parts = []
    if agree:
        parts.append("agrees with " + ", ".join(agree))
    if disagree:
        parts.append("contradicts " + ", ".join(disagree))
    return f"{head}: " + "; ".join(parts) + "."


def _matches_reference(claim: Claim, value) -> bool:
    if claim.amount is not None:
        from ..quantities import find_amounts

        found = find_amounts(str(value))
        if found:
            ref = found[0].amount
            if ref.dimension == "count" and claim.amount.dimension != "count":
                ref = replace(
                    claim.amount,
                    amount=ref.amount,
                    low=None,
                    high=None,
                    approx=False,
                    precision=ref.precision,
                )
            return compatible(claim.amount, ref)
        return False
    if isinstance(claim.value, Penalty):
        return str(value).lower() in str(claim.value).lower()
    if isinstance(claim.value, DateValue):
        return _dates_agree(claim.value, DateValue(iso=str(value), precision="day"))
    return _names_agree(str(claim.value), str(value))


