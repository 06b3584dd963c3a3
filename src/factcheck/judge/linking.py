"""Claims into groups: numbers by measure and context, sentences and dates by event."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from itertools import pairwise

from ..models import (
    Amount,
    Claim,
    ClaimKind,
    Measure,
)
from . import linkage
from .dates import date_groups, story_day
from .measures import (
    _bonus,
    _context_may_link,
    _hard_apart,
    _same_sentence_rivals,
    apart_reason,
    kin_keys,
    kindred,
    measure_of,
    narrowed,
    shares_restriction,
)
from .positions import _eject_subsets, _support
from .values import _agree, _magnitude

LINK_THRESHOLD = 60
"""Context similarity (0-100) at which two numeric claims are taken to be about one thing."""

TFIDF_THRESHOLD = 0.2
"""Cosine of the tf-idf weighted sentence words at which two claims are about one thing:
rare words shared by two sentences ("quarry", "ferry") say more than common ones."""

MAX_EJECT_ROUNDS = 4
"""How often claims taken out of a group are grouped again among themselves."""


def _tfidf(claims: Sequence[Claim]) -> dict[str, dict[str, float]]:
    """Unit-length tf-idf vectors of each claim's sentence words, idf over the sentences."""
    sentences = {(c.article, c.sentence_start): c.subject.terms for c in claims}
    df: dict[str, int] = defaultdict(int)
    for terms in sentences.values():
        for term in terms:
            df[term] += 1
    n = len(sentences)
    vectors: dict[tuple[str, int], dict[str, float]] = {}
    for key, terms in sentences.items():
        vec = {t: math.log((n + 1) / (df[t] + 0.5)) for t in terms}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors[key] = {t: v / norm for t, v in vec.items()}
    return {c.id: vectors[(c.article, c.sentence_start)] for c in claims}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _numeric_groups(
    claims: list[Claim], published: dict[str, str | None], weights: dict[str, dict[str, float]]
) -> list[list[Claim]]:
    def apart(a: Claim, b: Claim) -> bool:
        return _hard_apart(a, b, published)

    def apart_parts(a: Claim, b: Claim) -> bool:
        # claims taken out of their groups meet again only if they narrow alike: a part
        # of one toll ("34 inside the stadium") is no rival of another's headline figure
        return apart(a, b) or not (shares_restriction(a, b) or not (
            narrowed(measure_of(a)) or narrowed(measure_of(b))))

    out: list[list[Claim]] = []
    origin: dict[str, int] = {}  # an ejected claim's id -> the group it left
    rules = _link_rules(apart, _bonus, published)
    part_rules = _link_rules(apart_parts, _bonus, published)
    pending = _cluster(claims, rules, weights)
    for _round in range(MAX_EJECT_ROUNDS):
        again: list[Claim] = []
        for group in pending:
            kept, ejected = _eject_subsets(group)
            out.append(kept)
            for claim in ejected:
                origin.setdefault(claim.id, len(out) - 1)
            again.extend(ejected)
        if not again:
            break
        pending = _cluster(again, part_rules, weights)
    else:
        out.extend(pending)
    joined = _join_echoes(_rejoin(out, origin, apart), published)
    return [part for group in joined for part in _split_by_scale(group)]


MAX_REJOIN = 200
"""Groups of parts larger than this are not offered to other groups again."""


def _rejoin(groups: list[list[Claim]], origin: dict[str, int],
            apart: Callable[[Claim, Claim], bool]) -> list[list[Claim]]:
    """A part taken out of one article's group ("18 of them critically") may be the very
    measure another group holds ("52 are critical"), and so may a figure its own sentence
    kept from its article's total ("460 injured, and 12 police"): join such groups to the
    group they link to best, if they narrow alike, never back into the group they left."""
    groups = list(groups)
    parts = [k for k, g in enumerate(groups)
             if any(c.id in origin for c in g) or len({c.article for c in g}) == 1]
    index: dict[str, set[int]] = defaultdict(set)  # kin key -> groups with a claim of it
    for j, other in enumerate(groups):
        if len(other) <= MAX_REJOIN:
            for claim in other:
                for key in kin_keys(claim):
                    index[key].add(j)
    for k in parts:
        group = groups[k]
        if not group or len(group) > MAX_REJOIN:
            continue
        left = {origin[c.id] for c in group if c.id in origin}
        best, best_score = None, 0.0
        candidates = sorted({j for c in group for key in kin_keys(c) for j in index[key]})
        for j in candidates:
            other = groups[j]
            if j == k or not other or j in left or len(other) > MAX_REJOIN:
                continue
            if any(a.article == b.article or apart(a, b) for a in group for b in other):
                continue
            if not any(kindred(a, b) for a in group for b in other):
                continue  # a part joins only a group that narrows the same way
            score = max((_bonus(a, b) or 0.0) for a in group for b in other)
            if score >= LINK_THRESHOLD and score > best_score:
                best, best_score = j, score
        if best is not None:
            groups[best] = groups[best] + group
            groups[k] = []
            for claim in group:
                for key in kin_keys(claim):
                    index[key].add(best)
    return [g for g in groups if g]


SCALE_GAP = 10.0
"""Amounts further apart than this factor are not one measure told two ways."""
COUNT_GAP = 50.0
"""The same for counts, which move further as a story unfolds ("100 missing" on the first
day, "5,000" on the third)."""


def _split_by_scale(group: list[Claim]) -> list[list[Claim]]:
    """A weight, a span or a sum that differs by more than :data:`SCALE_GAP` from the rest
    of its group measures something else ("six weeks" is no rival of "85 years", "$7
    million" none of "$130 million"), unless it is the same figure with a slip of its
    scale ("$412 million" for "$412 billion"): the group splits where such a gap falls.
    Counts split past :data:`COUNT_GAP`."""
    sized = [c for c in group if c.kind in (ClaimKind.QUANTITY, ClaimKind.COUNT)
             and c.amount is not None
             and _magnitude(c.amount) > 0]
    if len(sized) != len(group) or len({c.article for c in group}) < 2:
        return [group]
    sized.sort(key=lambda c: _magnitude(c.amount))
    parts: list[list[Claim]] = [[sized[0]]]
    for before, claim in pairwise(sized):
        gap = _magnitude(claim.amount) / _magnitude(before.amount)
        limit = SCALE_GAP if claim.kind is ClaimKind.QUANTITY else COUNT_GAP
        if gap > limit and not _same_digits(before, claim):
            parts.append([])
        parts[-1].append(claim)
    if len(parts) == 1:
        return [group]
    moved = {c.id: k for k, part in enumerate(parts) for c in part}
    for c in group:  # a restatement goes where what it restates went
        if c.restates in moved:
            moved[c.id] = moved[c.restates]
    return [[c for c in group if moved[c.id] == k] for k in range(len(parts))]


ECHO_DIGITS = 3
"""Significant digits a sum needs for its echo elsewhere to say it is one figure."""


SHARE_ECHO = 1.0
"""How far apart, in percentage points, two precise shares ("52.34%", "52.43 percent") may
be and still be one figure reported with a slip: shares given to three or more significant
digits do not fall within a point of each other by chance."""


def _precise_share(claim: Claim) -> bool:
    """A percentage given to three or more significant digits, a decimal written."""
    amount = claim.amount
    return (claim.kind is ClaimKind.RATIO and amount is not None
            and amount.dimension == "percent" and amount.low is None
            and len(_digits(claim)) >= ECHO_DIGITS
            and any(mark in claim.text for mark in ".,"))


def _echo_keys(claim: Claim) -> set[tuple]:
    amount = claim.amount
    if _precise_share(claim):
        point = math.floor(amount.amount)  # two shares less than a point apart share a key
        return {("share", point), ("share", point + 1)}
    if claim.kind is not ClaimKind.QUANTITY or amount is None or amount.dimension != "money":
        return set()
    digits = _digits(claim)
    if len(digits) < ECHO_DIGITS:
        return set()
    return {("same", amount.unit, digits), ("swap", amount.unit, "".join(sorted(digits)))}


def _echoes(a: Claim, b: Claim) -> bool:
    """ "$61.7 billion" in one report and "$61.7bn" in another are one figure, and so are
    "$412 million" and "$412 billion" (a slip of scale) or "$45.2 billion" and "$42.5
    billion" (two digits swapped): in a story about one event a sum of three significant
    digits does not recur by chance; nor does a precise share within a point of another
    ("47.31%" and "47.13 percent")."""
    if _precise_share(a) or _precise_share(b):
        return _precise_share(a) and _precise_share(b) \
            and abs(a.amount.amount - b.amount.amount) < SHARE_ECHO
    da, db = _digits(a), _digits(b)
    if da == db:
        return True
    if len(da) != len(db):
        return False
    swapped = [k for k in range(len(da)) if da[k] != db[k]]
    x, y = _magnitude(a.amount), _magnitude(b.amount)
    return (len(swapped) == 2 and swapped[1] == swapped[0] + 1
            and da[swapped[0]] == db[swapped[1]] and da[swapped[1]] == db[swapped[0]]
            and min(x, y) > 0 and max(x, y) / min(x, y) < SWAP_REACH)


SWAP_REACH = 1.5


def _join_echoes(groups: list[list[Claim]],
                 published: dict[str, str | None]) -> list[list[Claim]]:
    """Groups holding the same sum in two articles are one group (:func:`_echoes`), when
    nothing the text states holds their claims apart but a mode: "will pay $61.7bn" and
    "a $61.7bn takeover" are one price, said before and after."""
    groups = list(groups)
    keys = {c.id: _echo_keys(c) for group in groups for c in group}
    index: dict[tuple, set[int]] = defaultdict(set)
    for j, group in enumerate(groups):
        for claim in group:
            for key in keys[claim.id]:
                index[key].add(j)
    home = list(range(len(groups)))

    def find(j: int) -> int:
        while home[j] != j:
            j = home[j]
        return j

    for key in sorted(index, key=str):
        members = sorted(index[key])
        for x, j in enumerate(members):
            for k in members[x + 1:]:
                rj, rk = find(j), find(k)
                if rj == rk or len(groups[rj]) + len(groups[rk]) > MAX_REJOIN:
                    continue
                if not any(a.article != b.article and _echoes(a, b)
                           for a in groups[rj] if key in keys[a.id]
                           for b in groups[rk] if key in keys[b.id]):
                    continue
                if any(_echo_apart(a, b, published) for a in groups[rj] for b in groups[rk]):
                    continue
                groups[rj] = groups[rj] + groups[rk]
                groups[rk] = []
                home[rk] = rj
    return [g for g in groups if g]


def _echo_apart(a: Claim, b: Claim, published: dict[str, str | None]) -> bool:
    reason = apart_reason(a, b, published)
    if reason == "another holder" and a.kind is ClaimKind.RATIO:
        # a share no text gives a holder is nobody's rival, but its echo is itself
        return bool(measure_of(a).holder or measure_of(b).holder)
    return reason is not None and reason != "another mode"


def _digits(claim: Claim) -> str:
    return f"{claim.amount.amount:.6g}".replace(".", "").lstrip("0").split("e")[0].rstrip("0")


def _same_digits(a: Claim, b: Claim) -> bool:
    """ "$412 million" and "$412 billion": the same figure, its scale slipped."""
    return a.amount.unit == b.amount.unit and _digits(a) == _digits(b)


def _cluster(
    claims: list[Claim],
    rules: linkage.Rules,
    weights: dict[str, dict[str, float]] | None = None,
) -> list[list[Claim]]:
    """Single-link clustering over context similarity, never joining claims held apart.

    Every pair not held apart links when its context similarity (raised to its
    bonus, or, below ``LINK_THRESHOLD``, by the tf-idf cosine of its sentences)
    reaches ``LINK_THRESHOLD``; links are followed best first and never join two
    clusters with a pair held apart. :mod:`factcheck.judge.linkage` does this by blocks
    of alike claims (see :func:`_link_rules`), exactly as asking every pair would.
    """
    clusters = linkage.single_link(
        claims, rules, threshold=LINK_THRESHOLD, weights=weights,
        tfidf_threshold=TFIDF_THRESHOLD, cosine=_cosine,
    )
    return [[claims[i] for i in members] for members in clusters]


def _link_rules(
    apart: Callable[[Claim, Claim], bool],
    bonus: Callable[[Claim, Claim], float | None] | None,
    published: dict[str, str | None] | None = None,
) -> linkage.Rules:
    """The rules of :func:`_cluster`. For two claims of different articles, ``apart`` and
    ``bonus`` are asked of *views* of the claims (:class:`_View`): all of a claim but its
    article, text, value, offsets and context words, with the publication year of its
    article. Reading anything else there raises ``AttributeError``, so a rule that needs
    more must add it to the view (see :func:`_view_key`); what a view shows, claims with
    one key share, and the rules are asked once per pair of keys."""
    views: dict[tuple, tuple[_View, _View]] = {}

    def pair(ka: tuple, kb: tuple) -> tuple[_View, _View]:
        for key in (ka, kb):
            if key not in views:
                made = (_View(key, f"\0view{len(views)}a"), _View(key, f"\0view{len(views)}b"))
                if published is not None:
                    for view in made:  # its year, under an id no article has
                        published[view.article] = key[-1]
                views[key] = made
        return views[ka][0], views[kb][1]

    return linkage.Rules(
        key=lambda c: _view_key(c, published),
        apart=apart,
        keys_apart=lambda ka, kb: bool(apart(*pair(ka, kb))),
        rivals=_same_sentence_rivals,
        bonus=bonus,
        keys_bonus=(lambda ka, kb: bonus(*pair(ka, kb))) if bonus is not None else None,
        may_link=_context_may_link,
        link_key=_LinkView.key,
        keys_may_link=lambda ka, kb: bool(_context_may_link(_LinkView(*ka), _LinkView(*kb))),
    )


def _view_key(claim: Claim, published: dict[str, str | None] | None) -> tuple:
    """All that a :class:`_View` of the claim shows, as a hashable key."""
    s = claim.subject
    amount = claim.amount
    date = published.get(claim.article) if published is not None else None
    if date and re.match(r"\d{4}", date):
        date = date[:4]  # the year is all the rules read of the date
    return (
        claim.kind,
        claim.restates is not None,
        (s.measure, s.action, s.compared, s.topic),
        (amount.dimension, amount.unit) if amount is not None else None,
        date,
    )


class _View:
    """A claim as the pair rules see it when the two claims come from different articles."""

    __slots__ = ("amount", "article", "id", "kind", "restates", "subject")

    def __init__(self, key: tuple, article: str) -> None:
        kind, restates, subject, amount, _date = key
        self.kind = kind
        self.subject = _SubjectView(*subject)
        self.amount = _AmountView(*amount) if amount is not None else None
        self.article = article
        self.id = article
        # whether it restates another claim; never one of the other side
        self.restates = f"{article}:restated" if restates else None


class _SubjectView:
    __slots__ = ("action", "compared", "measure", "topic")

    def __init__(self, measure, action, compared, topic) -> None:
        self.measure, self.action, self.compared, self.topic = measure, action, compared, topic


class _AmountView:
    __slots__ = ("dimension", "unit")

    def __init__(self, dimension: str, unit: str | None) -> None:
        self.dimension, self.unit = dimension, unit


class _LinkView:
    """A claim as :func:`_context_may_link` sees it: its measure and its amount."""

    __slots__ = ("amount", "subject")

    def __init__(self, measure: Measure | None, amount: Amount | None) -> None:
        self.subject = _MeasureView(measure)
        self.amount = amount

    @staticmethod
    def key(claim: Claim) -> tuple:
        return (claim.subject.measure, claim.amount)


class _MeasureView:
    __slots__ = ("measure",)

    def __init__(self, measure: Measure | None) -> None:
        self.measure = measure


def _penalty_groups(claims: list[Claim]) -> list[list[Claim]]:
    kept, ejected = _eject_subsets(claims)
    out = [kept]
    while ejected:
        kept, ejected = _eject_subsets(ejected)
        out.append(kept)
    return out


def _date_groups(claims: list[Claim], weights: dict[str, dict[str, float]],
                 published: dict[str, str | None]) -> list[list[Claim]]:
    """Dates group by the event they date (:func:`factcheck.judge.dates.date_groups`)."""
    return date_groups(claims, lambda members, rules: _cluster(members, rules, weights),
                       _eject_dates, story=story_day(published))


def _eject_dates(claims: list[Claim]) -> tuple[list[Claim], list[Claim]]:
    """Dates of one event class from one article that disagree are different events."""
    support = _support(claims)
    ejected = set()
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_article[c.article].append(c)
    for own in by_article.values():
        for c in own:
            rivals = [o for o in own if o is not c and not _agree(o, c)]
            if rivals and support[c.id] <= max(support[r.id] for r in rivals):
                ejected.add(c.id)
    # relative dates (a weekday, a month without year) never make a conflict on their own
    kept = [c for c in claims if c.id not in ejected]
    return kept, [c for c in claims if c.id in ejected]


