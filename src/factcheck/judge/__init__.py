"""Group claims across articles, split groups into positions, decide and explain.

The comparator is conservative on purpose: a conflict must be worth a
reader's time. Claims only share a group when nothing says they are about
different things (another event class, another measure, another year, a
narrower set), and their contexts are alike.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from ..claimbook import ClaimBook
from ..models import (
    Article,
    Claim,
    ClaimKind,
    Penalty,
    Report,
    Skipped,
)
from .book import _name_rules, _one_reference_per_topic, _with_book, _with_topic
from .consensus import copies_of
from .groups import _build_group, _group_order, _with_id
from .linking import _date_groups, _numeric_groups, _penalty_groups, _tfidf
from .names import _name_groups, as_people
from .outcomes import _outcome_groups, penalties_by_person, person_keys
from .things import _thing_groups

__all__ = ["compare", "copies_of"]

NUMERIC_KINDS = (ClaimKind.COUNT, ClaimKind.QUANTITY, ClaimKind.RATIO)
THING_KINDS = (ClaimKind.ORGANISATION, ClaimKind.PLACE)


def compare(
    articles: Sequence[Article],
    claims: Sequence[Claim],
    *,
    skipped: Sequence[Skipped] = (),
    book: ClaimBook | None = None,
) -> Report:
    """Build the report: every claim in exactly one group, groups sorted for reading.

    A claim book (``claims.yaml``) names topics that steer grouping, spellings
    known to be one person (or two), and reference values to check against.
    """
    rules = _name_rules(book)
    claims = as_people(list(claims))
    if book is not None and book.topics:
        claims = [_with_topic(c, book) for c in claims]
    published = {a.id: a.published for a in articles}
    stated = dict(published)
    years = [p[:4] for p in published.values() if p and re.match(r"\d{4}", p)]
    if years:  # an undated article is taken to be from the collection's usual year
        usual = max(sorted(set(years)), key=years.count)
        published = {k: v or usual for k, v in published.items()}
    buckets: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        buckets[_block(claim)].append(claim)
    groups: list[list[Claim]] = []
    weights = _tfidf(claims)
    people: list[list[Claim]] = []
    penalties: list[list[Claim]] = []
    for key, members in sorted(buckets.items(), key=lambda kv: str(kv[0])):
        kind = key[0]
        if kind is ClaimKind.OUTCOME:
            continue  # grouped by the person it befell, once people are grouped
        if kind in NUMERIC_KINDS:
            groups.extend(_numeric_groups(members, published, weights))
        elif kind in (ClaimKind.PERSON, ClaimKind.ALIAS):
            named = _name_groups(members, rules)
            groups.extend(named)
            if kind is ClaimKind.PERSON:
                people = named
        elif kind in THING_KINDS:
            groups.extend(_thing_groups(members))
        elif kind is ClaimKind.SENTENCE:
            penalties.append(members)  # split by person, once people are grouped
        else:
            groups.extend(_date_groups(members, weights, stated))
    outcomes = buckets.get((ClaimKind.OUTCOME, ""), [])
    if penalties or outcomes:
        person_key = person_keys(people)  # who each name is, for sentences and fates alike
        for members in penalties:
            for own in penalties_by_person(members, person_key):
                groups.extend(_penalty_groups(own))
        if outcomes:
            groups.extend(_outcome_groups(outcomes, person_key))
    labels = {a.id: a.label for a in articles}
    copies = copies_of(articles)
    built = [_build_group(members, labels, published, copies) for members in groups if members]
    if book is not None:
        built = [_with_book(g, book, labels) for g in built]
        built = _one_reference_per_topic(built)
    built.sort(key=_group_order)
    final = tuple(_with_id(g, i) for i, g in enumerate(built))
    return Report(
        articles=tuple(articles),
        groups=final,
        skipped=tuple(skipped),
        claim_book=book.path if book is not None else None,
    )


def _block(claim: Claim) -> tuple:
    amount = claim.amount
    if amount is not None:
        return (claim.kind, amount.dimension)
    if claim.kind is ClaimKind.SENTENCE and isinstance(claim.value, Penalty):
        return (claim.kind, "death" if "death" in claim.value.type else claim.value.type)
    if claim.kind in THING_KINDS:  # the tagger calls one name either: they meet as names
        return (ClaimKind.ORGANISATION, "")
    return (claim.kind, "")


