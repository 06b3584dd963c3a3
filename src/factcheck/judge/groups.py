"""A finished group: positions, status, relation, severity, consensus, order and id."""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import (
    Claim,
    ClaimKind,
    Group,
    Position,
    Relation,
    Severity,
    Status,
)
from .consensus import _consensus, independent_count
from .explain import _about, _explain, _label
from .measures import is_part, measure_of
from .positions import _positions, _width
from .stages import Stage, stages
from .values import _magnitude

THING_KINDS = (ClaimKind.ORGANISATION, ClaimKind.PLACE)
NAME_KINDS = (ClaimKind.PERSON, ClaimKind.ALIAS, *THING_KINDS)


def _build_group(claims: list[Claim], labels: dict[str, str], published,
                 copies: dict[str, frozenset[str]]) -> Group:
    positions = _positions(claims)
    kinds = [c.kind for c in claims]
    kind = max(dict.fromkeys(kinds), key=kinds.count)  # a place some outlets call a club
    arts = {c.article for c in claims}
    if len(arts) == 1:
        status = Status.SINGLE  # one article against itself is a single source, not a dispute
    elif len(positions) > 1:
        status = Status.CONFLICT
    else:
        status = Status.AGREEMENT
    pos_records = tuple(
        Position(
            label=_label(min((c for c in p if c.restates is None), key=_width, default=p[0])),
            claims=tuple(p),
            articles=tuple(sorted({c.article for c in p})),
            independent=independent_count({c.article for c in p}, copies),
        )
        for p in positions
    )
    moved = stages(kind, pos_records, published) if status is Status.CONFLICT else None
    relation = _relation(kind, pos_records, status, moved)
    severity = _severity(kind, pos_records, relation) if status is Status.CONFLICT else None
    majority, outliers = _consensus(pos_records)
    about = _about(claims)
    return Group(
        id="",
        kind=kind,
        status=status,
        relation=relation,
        positions=pos_records,
        about=about,
        explanation=_explain(about, pos_records, status, relation, labels, moved=moved),
        severity=severity,
        majority=majority,
        outliers=outliers,
    )


def _relation(
    kind: ClaimKind, positions: tuple[Position, ...], status: Status,
    moved: tuple[Stage, ...] | None = None,
) -> Relation:
    if status is Status.SINGLE:
        return Relation.SINGLE
    if status is Status.AGREEMENT:
        units = {c.amount.unit for p in positions for c in p.claims if c.amount is not None}
        return Relation.CONVERTED if len(units) > 1 else Relation.SAME
    if kind in NAME_KINDS:
        return Relation.SPELLING
    if moved:
        return Relation.STAGE  # one figure moving over the reports (see judge.stages)
    if kind is not ClaimKind.DATE and _smaller_is_part(positions):
        return Relation.SUBSET
    return Relation.CONTRADICTION


def _smaller_is_part(positions: tuple[Position, ...]) -> bool:
    """True when the smaller figure is marked as a part of a set ("three others")."""
    sized = [
        (min(_magnitude(c.amount) for c in p.claims if c.amount is not None), p)
        for p in positions
        if any(c.amount is not None for c in p.claims)
    ]
    if len(sized) < 2:
        return False
    _size, smallest = min(sized, key=lambda sp: sp[0])
    return any(is_part(measure_of(c)) for c in smallest.claims)


def _severity(kind: ClaimKind, positions: tuple[Position, ...], relation: Relation) -> Severity:
    if relation in (Relation.STAGE, Relation.SUBSET) or kind in THING_KINDS:
        return Severity.LOW  # a place or club misspelt misleads less than a person or figure
    if kind in (ClaimKind.PERSON, ClaimKind.ALIAS, ClaimKind.DATE):
        return Severity.MEDIUM
    sides = [p for p in positions if len(p.articles) > 0]
    exact = sum(1 for p in sides if any(c.amount is None or c.amount.exact for c in p.claims))
    if kind in (ClaimKind.SENTENCE, ClaimKind.OUTCOME) or exact >= 2:
        return Severity.HIGH
    return Severity.MEDIUM


def _group_order(group: Group) -> tuple:
    status_rank = {Status.CONFLICT: 0, Status.AGREEMENT: 1, Status.SINGLE: 2}[group.status]
    sev = group.severity.rank if group.severity else 3
    first = min((c.article, c.start) for c in group.claims)
    return (status_rank, sev, -len(group.articles), group.kind.value, group.about, first)


def _with_id(group: Group, index: int) -> Group:
    base = group.topic or group.about
    slug = re.sub(r"[^a-z0-9]+", "-", base.lower()).strip("-")[:40] or group.kind.value
    return replace(group, id=f"{group.kind.value}-{slug}-{index + 1}")
