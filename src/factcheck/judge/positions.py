"""A group's claims split into positions that can all be true, and the parts an article
marks as parts of a larger figure it gives."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from .. import lexicon
from ..models import (
    Amount,
    Claim,
    ClaimKind,
    DateValue,
    Penalty,
)
from .nouns import family
from .values import _agree, _agree_views, _AgreeView, _lower_bound, _magnitude, _name_tokens


def _eject_subsets(group: list[Claim]) -> tuple[list[Claim], list[Claim]]:
    """Take out the claims an article itself marks as a part of a larger figure it gives.

    "Six were convicted ... three convicted of murder": the three are a subset,
    not a rival count. Sentences handed down to different people are likewise
    taken apart when one article gives several.
    """
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in group:
        by_article[claim.article].append(claim)
    support = _support(group)
    ejected: set[str] = set()
    for _article, own in by_article.items():
        if len(own) < 2:
            continue
        parts: set[str] = set()
        for claim in own:
            rivals = [o for o in own if o is not claim and not _agree(o, claim)]
            if not rivals:
                continue
            if claim.kind is ClaimKind.SENTENCE:
                if support[claim.id] < max(support[r.id] for r in rivals):
                    ejected.add(claim.id)
                continue
            if claim.amount is not None and any(
                r.amount is not None and _magnitude(claim.amount) < _magnitude(r.amount)
                and _narrower(claim, r)
                for r in rivals
            ):
                parts.add(claim.id)  # "34 died inside the stadium" of its 125
        ejected |= parts
        for claim in own:  # parts aside, a headline's shorthand its own body corrects
            rivals = [o for o in own if o is not claim and o.id not in parts
                      and not _agree(o, claim)]
            if claim.in_title and claim.kind is not ClaimKind.SENTENCE \
                    and any(not r.in_title for r in rivals):
                ejected.add(claim.id)
    kept = [c for c in group if c.id not in ejected and (c.restates not in ejected)]
    out = [c for c in group if c.id in ejected or c.restates in ejected]
    return kept, out


def _narrower(a: Claim, b: Claim) -> bool:
    """The text narrows ``a`` in a way it does not narrow ``b``: a part of a set, a place,
    a state, a cause ("of them", "inside the stadium", "from the flames")."""
    ma, mb = a.subject.measure, b.subject.measure
    if ma is None or mb is None or ma.thing == "age":
        return False  # an age has no parts: "Ann, 16, from Leyland" is no subset of her 18
    restrictive_a = {n for n in ma.narrow if not n.startswith(("~", "also:"))}
    specific = bool(
        family(ma.thing) in lexicon.RESPONDER_FAMILIES | lexicon.PART_FAMILIES
        and (mb.thing is None or mb.thing in lexicon.GENERIC_PERSONS)
    )  # police, firefighters, women or children among a toll of people
    return bool(
        specific  # "two officers were killed" of "129 people"
        or (ma.part and not mb.part)
        or restrictive_a - set(mb.narrow)
        or set(ma.scope) - set(mb.scope)
        or set(ma.cause) - set(mb.cause)
    )


def _support(group: list[Claim]) -> dict[str, int]:
    """For each claim, how many other articles have a claim agreeing with it."""
    # asked once per pair of distinct views; restating pairs are asked of the claims
    views = _agree_views(group)
    holders: dict[_AgreeView, set[str]] = defaultdict(set)
    for claim, view in zip(group, views, strict=True):
        holders[view].add(claim.article)
    agreeing: dict[_AgreeView, set[str]] = {}
    for v in holders:
        found: set[str] = set()
        for u, arts in holders.items():
            if _agree(u, v):
                found |= arts
        agreeing[v] = found
    restaters: dict[str, list[Claim]] = defaultdict(list)
    by_id: dict[str, list[Claim]] = defaultdict(list)
    for claim in group:
        by_id[claim.id].append(claim)
        if claim.restates is not None:
            restaters[claim.restates].append(claim)
    out = {}
    for claim, view in zip(group, views, strict=True):
        others = restaters.get(claim.id, [])
        if claim.restates is not None:
            others = others + by_id.get(claim.restates, [])
        extra = {o.article for o in others if _agree(o, claim)}
        out[claim.id] = len((agreeing[view] | extra) - {claim.article})
    return out


CONVERSION_SLACK = 0.1
"""How far two conversions of one figure may differ (rates move between days, outlets
round): "$52 million" and "$51.6 million" are one conversion, "$61 million" another."""


def _same_conversion(a: Claim, b: Claim) -> bool:
    if _agree(a, b) or a.amount is None or b.amount is None:
        return True
    x, y = a.amount.in_base(a.amount.amount), b.amount.in_base(b.amount.amount)
    return abs(x - y) <= CONVERSION_SLACK * max(abs(x), abs(y))


def _split_conversions(position: list[Claim]) -> list[list[Claim]]:
    """One figure converted two ways ("7 billion yen ($52 million)" against "7 billion
    yen ($61 million)"): the conversions held by fewer articles stand apart as positions
    of their own; the figure they convert, which the articles agree on, stays whole."""
    anchors = {c.id: c for c in position if c.restates is None}
    stated: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in position:
        anchor = anchors.get(claim.restates or "")
        if anchor is not None and claim.amount is not None and anchor.amount is not None:
            # "150 km (95 miles)" is compared with another "150 km (N miles)" only
            stated[(anchor.amount.unit, claim.amount.unit)].append(claim)
    for conversions in stated.values():
        parts: list[list[Claim]] = []
        for claim in sorted(conversions, key=lambda c: (c.article, c.start)):
            home = next((p for p in parts if all(_same_conversion(claim, o) for o in p)), None)
            if home is None:
                parts.append([claim])
            else:
                home.append(claim)
        if len(parts) < 2:
            continue
        largest = max(range(len(parts)), key=lambda k: (len({c.article for c in parts[k]}), -k))
        apart = [p for k, p in enumerate(parts) if k != largest]
        moved = {c.id for p in apart for c in p}
        return [[c for c in position if c.id not in moved], *apart]
    return [position]


def _positions(claims: list[Claim]) -> list[list[Claim]]:
    """Partition claims into sets that can all be true, most specific first."""
    given = {c.id: c for c in claims}
    claims = _bounds_restating(claims)
    by_id = {c.id: c for c in claims}
    anchors = [c for c in claims if c.restates not in by_id]
    anchors.sort(key=lambda c: (_width(c), c.article, c.start))
    positions: list[list[Claim]] = []
    # No anchor restates another, so two anchors agree when their views do. Each view is
    # a bit; a claim fits a position when it agrees with every view the position holds.
    views = _agree_views(anchors)
    bit = {view: k for k, view in enumerate(dict.fromkeys(views))}
    agrees: dict[_AgreeView, int] = {}
    held: list[int] = []
    arts: list[set[str]] = []
    for claim, view in zip(anchors, views, strict=True):
        if view not in agrees:
            agrees[view] = sum(1 << k for u, k in bit.items() if _agree(view, u))
        fits = [k for k, mask in enumerate(held) if not mask & ~agrees[view]]
        if fits:
            # "at least 125" fits 125 and 174: it goes with the figure nearest its own,
            # else with its own article's, else with the most articles
            best = max(fits, key=lambda k: (-_distance(claim, positions[k]),
                                            claim.article in arts[k],
                                            len(arts[k]), -k))
            positions[best].append(claim)
            held[best] |= 1 << bit[view]
            arts[best].add(claim.article)
        else:
            positions.append([claim])
            held.append(1 << bit[view])
            arts.append({claim.article})
    for claim in claims:
        if claim.restates in by_id:
            for p in positions:
                if any(o.id == claim.restates for o in p):
                    p.append(claim)
                    break
    positions = [part for p in positions for part in _split_conversions(p)]
    positions.sort(key=lambda p: (-len({c.article for c in p}), -len(p), min(c.start for c in p)))
    return [
        [given[c.id] for c in sorted(p, key=lambda c: (c.restates is not None, c.article, c.start))]
        for p in positions
    ]


OWN_BOUND_REACH = 1.5
"""How far above an outlet's "more than N" its own figure may be to be that count: its
"more than 100 injured" and "133 injured" are one, its "at least 400" and "4,000" two."""


def _bounds_restating(claims: list[Claim]) -> list[Claim]:
    """An outlet's "more than 100 injured" restates its own "133 injured": a lower bound
    stands with the nearest figure its own article gives in the group that it holds, up
    to :data:`OWN_BOUND_REACH` times itself (another outlet's bound is read as that
    outlet's count). A bound that restates a figure is not restated in turn."""
    figures: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.restates is None and isinstance(c.value, Amount):
            figures[c.article].append(c)

    def held(c: Claim) -> list[Claim]:
        amount = c.value
        if not (isinstance(amount, Amount) and _lower_bound(amount) and c.restates is None):
            return []
        top = amount.amount * OWN_BOUND_REACH
        return [o for o in figures.get(c.article, ()) if o.id != c.id
                and amount.amount <= o.value.amount <= top and _agree(c, o)]

    above = {c.id: held(c) for c in claims}
    out = []
    for c in claims:
        targets = [o for o in above[c.id] if not above[o.id]]
        if targets:
            nearest = min(targets, key=lambda o: (o.value.amount, o.start))
            c = replace(c, restates=nearest.id)
        out.append(c)
    return out


def _distance(claim: Claim, position: list[Claim]) -> float:
    """How far a claim's own figure is from the nearest figure of a position (0 when the
    claims are not amounts)."""
    if claim.amount is None:
        return 0.0
    own = claim.amount.amount * claim.amount.scale
    figures = [c.amount.amount * c.amount.scale for c in position if c.amount is not None]
    return min((abs(own - f) for f in figures), default=0.0)


def _width(claim: Claim) -> float:
    amount = claim.amount
    if amount is not None:
        lo, hi = amount.base_interval()
        return hi - lo
    if isinstance(claim.value, str):
        return -len(_name_tokens(claim.value))
    if isinstance(claim.value, DateValue):
        width = {"time": 0, "day": 0, "weekday": 1, "week": 1.5, "month": 2, "year": 3}
        return width.get(claim.value.precision, 4) - (0.5 if claim.value.time else 0)
    if isinstance(claim.value, Penalty):
        return 0 if claim.value.years is not None else 1
    return 0


