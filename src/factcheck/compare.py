"""Group claims across articles, split groups into positions, decide and explain.

The comparator is conservative on purpose: a conflict must be worth a
reader's time. Claims only share a group when nothing says they are about
different things (another event class, another measure, another year, a
narrower set), and their contexts are alike.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date
from functools import cache

import numpy as np
from rapidfuzz import fuzz, process, utils

from . import lexicon, linkage
from .claimbook import ClaimBook
from .models import (
    Amount,
    Article,
    Claim,
    ClaimKind,
    DateValue,
    Group,
    Penalty,
    Position,
    Relation,
    Report,
    Severity,
    Skipped,
    Status,
)
from .quantities import compatible, format_amount

LINK_THRESHOLD = 60
"""Context similarity (0-100) at which two numeric claims are taken to be about one thing."""

TFIDF_THRESHOLD = 0.2
"""Cosine of the tf-idf weighted sentence words at which two claims are about one thing:
rare words shared by two sentences ("quarry", "ferry") say more than common ones."""

SAME_CLASS_SCORE = 90
"""Score of two claims counted for the same event class ("killed", "arrested")."""

NAME_THRESHOLD = 85
"""Similarity of two spellings (0-100) that may be one name."""

ROLE_THRESHOLD = 80
"""Similarity of two roles that makes a shared given name the same person."""

MAX_EJECT_ROUNDS = 4
"""How often claims taken out of a group are grouped again among themselves."""

NUMERIC_KINDS = (ClaimKind.COUNT, ClaimKind.QUANTITY, ClaimKind.RATIO)


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
    if book is not None and book.topics:
        claims = [_with_topic(c, book) for c in claims]
    published = {a.id: a.published for a in articles}
    years = [p[:4] for p in published.values() if p and re.match(r"\d{4}", p)]
    if years:  # an undated article is taken to be from the collection's usual year
        usual = max(sorted(set(years)), key=years.count)
        published = {k: v or usual for k, v in published.items()}
    buckets: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        buckets[_block(claim)].append(claim)
    groups: list[list[Claim]] = []
    weights = _tfidf(claims)
    for key, members in sorted(buckets.items(), key=lambda kv: str(kv[0])):
        kind = key[0]
        if kind in NUMERIC_KINDS:
            groups.extend(_numeric_groups(members, published, weights))
        elif kind in (ClaimKind.PERSON, ClaimKind.ALIAS):
            groups.extend(_name_groups(members, rules))
        elif kind is ClaimKind.SENTENCE:
            groups.extend(_penalty_groups(members))
        else:
            groups.extend(_date_groups(members, weights))
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


# --- the claim book ----------------------------------------------------------------------

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
    words = {w.lower() for w in (s.action, s.noun, s.compared) if w}
    words |= {q.split(":", 1)[1] for q in s.qualifiers if q.startswith("penalty:")}
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
        from .quantities import find_amounts

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


def _block(claim: Claim) -> tuple:
    amount = claim.amount
    if amount is not None:
        return (claim.kind, amount.dimension)
    if claim.kind is ClaimKind.SENTENCE and isinstance(claim.value, Penalty):
        return (claim.kind, "death" if "death" in claim.value.type else claim.value.type)
    return (claim.kind, "")


# --- numbers -----------------------------------------------------------------------------


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

    out: list[list[Claim]] = []
    rules = _link_rules(apart, _bonus, published)
    pending = _cluster(claims, rules, weights)
    for _round in range(MAX_EJECT_ROUNDS):
        again: list[Claim] = []
        for group in pending:
            kept, ejected = _eject_subsets(group)
            out.append(kept)
            again.extend(ejected)
        if not again:
            return out
        pending = _cluster(again, rules, weights)
    out.extend(pending)
    return out


def _cluster(
    claims: list[Claim],
    rules: linkage.Rules,
    weights: dict[str, dict[str, float]] | None = None,
) -> list[list[Claim]]:
    """Single-link clustering over context similarity, never joining claims held apart.

    Every pair not held apart links when its context similarity (raised to its
    bonus, or, below ``LINK_THRESHOLD``, by the tf-idf cosine of its sentences)
    reaches ``LINK_THRESHOLD``; links are followed best first and never join two
    clusters with a pair held apart. :mod:`factcheck.linkage` does this by blocks
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
        (s.noun, s.action, s.qualifiers, s.role, s.compared, s.topic),
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
    __slots__ = ("action", "compared", "noun", "qualifiers", "role", "topic")

    def __init__(self, noun, action, qualifiers, role, compared, topic) -> None:
        self.noun, self.action, self.qualifiers = noun, action, qualifiers
        self.role, self.compared, self.topic = role, compared, topic


class _AmountView:
    __slots__ = ("dimension", "unit")

    def __init__(self, dimension: str, unit: str | None) -> None:
        self.dimension, self.unit = dimension, unit


class _LinkView:
    """A claim as :func:`_context_may_link` sees it: its qualifiers and its amount."""

    __slots__ = ("amount", "subject")

    def __init__(self, qualifiers: tuple[str, ...], amount: Amount | None) -> None:
        self.subject = _QualifiersView(qualifiers)
        self.amount = amount

    @staticmethod
    def key(claim: Claim) -> tuple:
        return (claim.subject.qualifiers, claim.amount)


class _QualifiersView:
    __slots__ = ("qualifiers",)

    def __init__(self, qualifiers: tuple[str, ...]) -> None:
        self.qualifiers = qualifiers


class _AgreeView:
    """A claim as :func:`_agree` sees it, restatement aside: its value and its text."""

    __slots__ = ("id", "restates", "text", "value")

    def __init__(self, value, text: str, ident: str) -> None:
        self.value, self.text, self.id, self.restates = value, text, ident, None


def _agree_views(claims: Sequence[Claim]) -> list[_AgreeView]:
    """One view per distinct (value, text), for each claim in order: two claims that do
    not restate one another agree exactly when their views do."""
    made: dict[tuple, _AgreeView] = {}
    out = []
    for claim in claims:
        key = (claim.value, claim.text)
        if key not in made:
            made[key] = _AgreeView(claim.value, claim.text, f"\0agree{len(made)}")
        out.append(made[key])
    return out


MAX_CONTEXT_RATIO = 5.0
"""Figures further apart than this are not joined on context alone."""


def _context_may_link(a: Claim, b: Claim) -> bool:
    """Context alone joins only plain figures of a like size: parts of sets
    ("three others", "two of them") need a stronger reason."""
    if _strong_subsets(a.subject.qualifiers) or _strong_subsets(b.subject.qualifiers):
        return False
    if a.amount is not None and b.amount is not None:
        x, y = abs(_magnitude(a.amount)), abs(_magnitude(b.amount))
        if min(x, y) > 0 and max(x, y) / min(x, y) > MAX_CONTEXT_RATIO:
            return False
    return True


def _same_sentence_rivals(a: Claim, b: Claim) -> bool:
    """One sentence does not contradict itself: two values in it are two different things."""
    return a.article == b.article and a.sentence_start == b.sentence_start and not _agree(a, b)


def _restated_pair(a: Claim, b: Claim) -> bool:
    return a.restates == b.id or b.restates == a.id


def _hard_apart(a: Claim, b: Claim, published: dict[str, str | None]) -> bool:
    """True when something in the text says the two claims are about different things."""
    sa, sb = a.subject, b.subject
    if sa.topic and sb.topic and sa.topic != sb.topic:
        return True  # the claim book says so
    if (
        a.article == b.article
        and sa.action
        and sb.action
        and sa.action != sb.action
        and not _agree(a, b)
        and not _restated_pair(a, b)
    ):
        return True  # one article, two verbs, two figures: two different things
    if (a.amount is not None and b.amount is not None and a.amount.dimension == "money"
            and a.amount.unit != b.amount.unit and not (a.restates or b.restates)):
        return True  # rupees and dollars are compared through a stated conversion only
    if a.amount is not None and a.amount.dimension == "age":
        return bool(sa.noun and sb.noun and _noun_class(sa.noun) != _noun_class(sb.noun))
    ca, cb = _cls(sa.action), _cls(sb.action)
    if a.kind is ClaimKind.RATIO and not (sa.compared and sa.compared == sb.compared) \
            and not _same_holder(sa.role, sb.role):
        return True
    measured = bool(sa.role and sa.role == sb.role)  # one measure of one thing: verbs vary
    if ca and cb and ca != cb and not measured:
        return True
    if (ca or cb) and not (ca and cb) and not measured \
            and not _light(sa.action if cb else sb.action):
        return True  # "killing 157 people" is not "carrying 149 passengers"
    if (a.kind is ClaimKind.COUNT and not (ca or cb) and sa.action != sb.action
            and not (_light(sa.action) and _light(sb.action))):
        return True  # people who arrived are not people who crashed
    if _gendered(sa.noun) != _gendered(sb.noun):
        return True  # "two men and a woman" are parts of a total, not rival totals
    if _strong_subsets(sa.qualifiers) != _strong_subsets(sb.qualifiers):
        return True
    if sa.role and sb.role and sa.role.split(":")[0] != sb.role.split(":")[0]:
        return True
    if sa.role and sb.role and sa.role != sb.role and ":" in sa.role and ":" in sb.role:
        return True
    na, nb = _noun_class(sa.noun), _noun_class(sb.noun)
    if na and nb and na != nb and not (sa.role and sa.role == sb.role):
        return True
    if a.kind is ClaimKind.COUNT and (ca or cb) in lexicon.PERSON_EVENTS and (
            (na and na not in ("person", "population") and not nb)
            or (nb and nb not in ("person", "population") and not na)):
        return True  # "a 21-storey building" is not the 43 dead it collapsed on
    fa, fb = _family(sa.noun), _family(sb.noun)
    if fa and fb and fa != fb:
        return True  # rescuers are not victims, men are not women
    if _quals(sa.qualifiers, "penalty") != _quals(sb.qualifiers, "penalty"):
        return True
    for prefix in ("scope", "where", "stage"):
        if _quals(sa.qualifiers, prefix) != _quals(sb.qualifiers, prefix):
            return True
    ya = _years(sa.qualifiers, published.get(a.article))
    yb = _years(sb.qualifiers, published.get(b.article))
    if ya and yb and not (ya & yb):
        return True
    return bool(sa.compared and sb.compared and sa.compared != sb.compared)


def _bonus(a: Claim, b: Claim) -> float | None:
    sa, sb = a.subject, b.subject
    if sa.topic and sa.topic == sb.topic:
        return 100.0
    amount = a.amount
    if amount is not None and amount.dimension == "magnitude":
        return SAME_CLASS_SCORE
    if amount is not None and amount.dimension == "age":
        return (
            SAME_CLASS_SCORE if sa.noun and _noun_class(sa.noun) == _noun_class(sb.noun) else None
        )
    ca, cb = _cls(sa.action), _cls(sb.action)
    if ca and ca == cb:
        return SAME_CLASS_SCORE
    if sa.role and sa.role == sb.role:
        return SAME_CLASS_SCORE - 5
    if sa.compared and sa.compared == sb.compared:
        return SAME_CLASS_SCORE
    if sa.action and sa.action == sb.action and sa.noun and sa.noun == sb.noun:
        return SAME_CLASS_SCORE - 10
    if sa.noun and sa.noun == sb.noun and _noun_class(sa.noun) != "person" and not (ca or cb):
        return SAME_CLASS_SCORE - 10
    return None


def _strong_subsets(qualifiers: Iterable[str]) -> frozenset[str]:
    words = {q.split(":", 1)[1].rstrip("s") for q in qualifiers if q.startswith("subset:")}
    return frozenset(
        w for w in words if w in lexicon.STRONG_SUBSETS or w + "s" in lexicon.STRONG_SUBSETS
    )


def _cls(action: str | None) -> str | None:
    return action if action in lexicon.EVENT_CLASSES else None


def _gendered(noun: str | None) -> str | None:
    family = _family(noun)
    return family if family in lexicon.PART_FAMILIES else None


def _same_holder(a: str | None, b: str | None) -> bool:
    """Two shares of one holder: "Tsvetkov" and "Tsvetkoff" are one candidate."""
    if not (a and b and a.startswith("holder:") and b.startswith("holder:")):
        return False
    x, y = a[7:], b[7:]
    return x != "?" and y != "?" and fuzz.ratio(x, y) >= NAME_THRESHOLD - 5


def _light(action: str | None) -> bool:
    """No verb, or one that carries a figure without saying what happened."""
    return action is None or action in lexicon.LIGHT_VERBS


def _family(noun: str | None) -> str | None:
    if noun is None:
        return None
    return lexicon.PERSON_FAMILIES.get(noun) or lexicon.PERSON_FAMILIES.get(noun.rstrip("s"))


def _noun_class(noun: str | None) -> str | None:
    if noun is None:
        return None
    if noun == "population":
        return "population"
    if noun in lexicon.PERSON_NOUNS or noun.rstrip("s") in lexicon.PERSON_NOUNS:
        return "person"
    return lexicon.NOUN_SYNONYMS.get(noun, noun)


def _quals(qualifiers: Iterable[str], prefix: str) -> frozenset[str]:
    return frozenset(q for q in qualifiers if q.startswith(prefix + ":"))


def _years(qualifiers: Iterable[str], published: str | None) -> frozenset[str]:
    """The years a claim speaks of: those its sentence names (a relative "-1" counts back
    from the publication year), else the publication year."""
    own = _quals(qualifiers, "year")
    base = _pub_year(published)
    if any(q == "year:-1" for q in own):
        own = own - {"year:-1"}
        if base:
            own = own | {f"year:{int(next(iter(base))[5:]) - 1}"}
    return own or base


def _pub_year(published: str | None) -> frozenset[str]:
    if published and re.match(r"\d{4}", published):
        return frozenset({"year:" + published[:4]})
    return frozenset()


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
        for claim in own:
            rivals = [o for o in own if o is not claim and not _agree(o, claim)]
            if not rivals:
                continue
            if claim.kind is ClaimKind.SENTENCE:
                if support[claim.id] < max(support[r.id] for r in rivals):
                    ejected.add(claim.id)
                continue
            if claim.in_title and any(not r.in_title for r in rivals):
                ejected.add(claim.id)  # a headline's shorthand, which its own body corrects
                continue
            subset = any(q.startswith("subset:") for q in claim.subject.qualifiers)
            smaller = claim.amount is not None and any(
                r.amount is not None and _magnitude(claim.amount) < _magnitude(r.amount)
                for r in rivals
                if not r.in_title
            )
            if subset and smaller:
                ejected.add(claim.id)
    kept = [c for c in group if c.id not in ejected and (c.restates not in ejected)]
    out = [c for c in group if c.id in ejected or c.restates in ejected]
    return kept, out


def _magnitude(amount: Amount) -> float:
    lo, hi = amount.base_interval()
    if math.isinf(hi):
        return lo
    if math.isinf(lo):
        return hi
    return (lo + hi) / 2


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


# --- agreement between two values --------------------------------------------------------


def _agree(a: Claim, b: Claim) -> bool:
    va, vb = a.value, b.value
    if isinstance(va, Amount) and isinstance(vb, Amount):
        return a.restates == b.id or b.restates == a.id or compatible(_reach(a), _reach(b))
    if isinstance(va, Penalty) and isinstance(vb, Penalty):
        if va.type != vb.type or va.years is None or vb.years is None:
            return va.type == vb.type
        slack = max(va.precision, vb.precision) / 2  # "four years" holds "47 months"
        if va.approx or vb.approx:
            slack = max(slack, 0.1 * max(va.years, vb.years))
        return abs(va.years - vb.years) <= slack + 1e-9
    if isinstance(va, DateValue) and isinstance(vb, DateValue):
        return _dates_agree(va, vb)
    if isinstance(va, str) and isinstance(vb, str):
        return _spelt_alike(va, vb)
    return False


VAGUE_REACH = 1.5
"""How far past its nominal top a vague amount in words ("hundreds of thousands") may reach:
it does not deny "1.1 million"."""


def _reach(claim: Claim) -> Amount:
    amount = claim.value
    assert isinstance(amount, Amount)
    if amount.low is not None and amount.high is not None and not any(
            ch.isdigit() for ch in claim.text):
        return replace(amount, high=amount.high * VAGUE_REACH)
    return amount


def _dates_agree(a: DateValue, b: DateValue) -> bool:
    if "weekday" in (a.precision, b.precision):
        return _weekday(a) == _weekday(b) or None in (_weekday(a), _weekday(b))
    x, y = a.iso.lstrip("-"), b.iso.lstrip("-")
    return x.startswith(y) or y.startswith(x)


def _weekday(value: DateValue) -> str | None:
    if value.iso[:1].isdigit() and len(value.iso) == 10:
        return lexicon.WEEKDAYS[date.fromisoformat(value.iso).weekday()]
    return value.iso.lower() if value.iso.lower() in lexicon.WEEKDAYS else None


QUOTED = re.compile(r"[\"“”‘’'][^\"“”‘’']*[\"“”‘’']")


def _name_tokens(name: str) -> list[str]:
    """A name's words for comparison: case, accents, dots, hyphens and apostrophes aside
    ("Al-Qahtani" is "al qahtani"; "José" is "jose").

    >>> _name_tokens("Saud Al-Qahtani"), _name_tokens("José M. Ruiz")
    (['saud', 'al', 'qahtani'], ['jose', 'm', 'ruiz'])
    """
    name = QUOTED.sub(" ", name)  # 'Juan "El Toro" Perez': the nickname is an alias
    return list(_name_words(name))


@cache
def _name_words(name: str) -> tuple[str, ...]:
    plain = "".join(
        ch for ch in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(ch)
    )
    return tuple(t for t in re.split(r"[\s.\-‐‑–'’]+", plain) if t)


SPELLING_SIMILARITY = 70
"""Two words of one person's name this alike but not equal are one word spelt two ways."""


def _spelt_alike(a: str, b: str) -> bool:
    """Names of one person that do not spell a shared word differently. Words one name
    lacks ("Perez Luna" and "Juan Perez") are no disagreement; "Kowalska" against
    "Kowalski", or "Ding" against "Ting", is.

    >>> _spelt_alike("Perez Luna", "Juan Carlos Perez Luna")
    True
    >>> _spelt_alike("Anna Kowalska", "Ms Anna Kowalski")
    False
    >>> _spelt_alike("A Rahmani", "Ahmad Rahmany")
    False
    """
    ta, tb = _name_tokens(a), _name_tokens(b)
    for s in ta:
        for t in tb:
            if s == t or (len(s) == 1 and t.startswith(s)) or (len(t) == 1 and s.startswith(t)):
                continue
            if min(len(s), len(t)) >= 3 and fuzz.ratio(s, t) >= SPELLING_SIMILARITY \
                    and s not in tb and t not in ta:
                return False
    return True


def _names_agree(a: str, b: str) -> bool:
    """One spelling: every token of the shorter name stands, letter for letter
    (or as an initial), in the longer one."""
    ta, tb = _name_tokens(a), _name_tokens(b)
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return all(any(s == t or (len(s) == 1 and t.startswith(s)) for t in long_) for s in short)


# --- positions ---------------------------------------------------------------------------


def _positions(claims: list[Claim]) -> list[list[Claim]]:
    """Partition claims into sets that can all be true, most specific first."""
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
            best = max(fits, key=lambda k: (len(arts[k]), -k))
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
    positions.sort(key=lambda p: (-len({c.article for c in p}), -len(p), min(c.start for c in p)))
    return [
        sorted(p, key=lambda c: (c.restates is not None, c.article, c.start)) for p in positions
    ]


def _width(claim: Claim) -> float:
    amount = claim.amount
    if amount is not None:
        lo, hi = amount.base_interval()
        return hi - lo
    if isinstance(claim.value, str):
        return -len(_name_tokens(claim.value))
    if isinstance(claim.value, DateValue):
        return {"day": 0, "weekday": 1, "month": 2, "year": 3}.get(claim.value.precision, 4)
    if isinstance(claim.value, Penalty):
        return 0 if claim.value.years is not None else 1
    return 0


# --- people and aliases ------------------------------------------------------------------


def _name_groups(claims: list[Claim], rules: NameRules = ()) -> list[list[Claim]]:
    """One group per referent: short mentions join their full name in the same article,
    spellings that are close join across articles when nothing sets them apart."""
    entities: list[list[Claim]] = []
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_article[claim.article].append(claim)
    for _article, own in sorted(by_article.items()):
        local: list[list[Claim]] = []
        for claim in sorted(own, key=lambda c: (-len(_name_tokens(c.value)), c.start)):
            home = next((e for e in local if _names_agree(claim.value, e[0].value)), None)
            if home is None:
                local.append([claim])
            elif len(_name_tokens(claim.value)) < len(_name_tokens(home[0].value)):
                home.append(replace(claim, restates=home[0].id))  # "Yu" stands for its full name
            else:
                home.append(claim)
        entities.extend(local)
    n = len(entities)
    if n == 0:
        return []
    names = [e[0].value for e in entities]
    roles = [next((c.subject.role for c in e if c.subject.role), None) for e in entities]
    articles = [e[0].article for e in entities]  # an entity is one article's
    # Entities with one name and role are alike to _same_person: it is asked once per
    # pair of such kinds, and only of pairs that can be one person (see _name_candidates).
    kinds: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    for i in range(n):
        kinds[(names[i], roles[i])].append(i)
    by_name: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for kind in kinds:
        by_name[kind[0]].append(kind)
    scores = _NameScores()
    candidates = list(_name_candidates(list(by_name), rules, roled={n for n, r in kinds if r}))
    scores.prepare([(a, b) for a, b, _roles_only in candidates])
    order = {kind: k for k, kind in enumerate(kinds)}
    decided: dict[tuple, bool | None] = {}

    def decide(ka: tuple[str, str | None], kb: tuple[str, str | None]) -> bool:
        if (ka, kb) not in decided:
            decided[(ka, kb)] = _kinds_same_person(ka, kb, scores, rules)[0]
        return decided[(ka, kb)]

    def decide_names(a: str, b: str) -> bool | None:
        """The verdict for every pair of entities so named, or None when it hangs on roles."""
        if (a, b) not in decided:
            verdict, read_roles = _kinds_same_person(by_name[a][0], by_name[b][0], scores, rules)
            decided[(a, b)] = None if read_roles else verdict
        return decided[(a, b)]

    art_code = {a: k for k, a in enumerate(dict.fromkeys(articles))}

    def members(idx: list[int]) -> tuple[np.ndarray, np.ndarray]:
        return np.asarray(idx, dtype=np.int64), np.asarray([art_code[articles[i]] for i in idx])

    of_kind = {kind: members(idx) for kind, idx in kinds.items()}
    of_name = {
        name: members(sorted(i for kind in named for i in kinds[kind]))
        for name, named in by_name.items()
    }
    found_s: list[np.ndarray] = []
    found_i: list[np.ndarray] = []
    found_j: list[np.ndarray] = []

    def link(a: str, b: str, left, right, forward: bool, backward: bool, same: bool) -> None:
        """Pairs of entities ``left`` x ``right`` (named a and b) taken for one person."""
        (ei, ai), (ej, aj) = left, right
        lower = ei[:, None] < ej[None, :]  # the pair's own order: names[i] first
        ok = np.zeros(lower.shape, dtype=bool)
        if forward:
            ok |= lower
        if backward and not same:
            ok |= ~lower
        ok &= ai[:, None] != aj[None, :]  # one article names two different people
        r, c = np.nonzero(ok)
        if not len(r):
            return
        x, y = ei[r], ej[c]
        found_s.append(np.where(x < y, float(scores.full(a, b)), float(scores.full(b, a))))
        found_i.append(np.minimum(x, y))
        found_j.append(np.maximum(x, y))

    for a, b, roles_only in candidates:
        forward = decide_names(a, b)
        backward = forward if a == b else decide_names(b, a)
        if forward is not None and backward is not None:
            if forward or backward:
                link(a, b, of_name[a], of_name[b], forward, backward, a == b)
            continue
        for ka in by_name[a]:
            for kb in by_name[b]:
                if a == b and order[ka] > order[kb]:
                    continue  # each pair of kinds once
                if roles_only and not (ka[1] and kb[1]):
                    continue
                same_kind = ka == kb
                forward = decide(ka, kb)
                backward = forward if same_kind else decide(kb, ka)
                if forward or backward:
                    link(a, b, of_kind[ka], of_kind[kb], forward, backward, same_kind)
    label = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    arts: dict[int, set[str]] = {i: {articles[i]} for i in range(n)}
    if found_s:
        s = np.concatenate(found_s)
        fi = np.concatenate(found_i).tolist()
        fj = np.concatenate(found_j).tolist()
        for t in np.lexsort((-np.asarray(fj), -np.asarray(fi), -s)).tolist():
            # best first, ties by the larger first index, then second
            ri, rj = label[fi[t]], label[fj[t]]
            if ri == rj or not arts[ri].isdisjoint(arts[rj]):
                continue
            if len(members[ri]) < len(members[rj]):
                ri, rj = rj, ri
            moved = members.pop(rj)
            for k in moved:
                label[k] = ri
            members[ri].extend(moved)
            arts[ri] |= arts.pop(rj)
    merged: dict[int, list[Claim]] = defaultdict(list)
    for i, entity in enumerate(entities):
        merged[label[i]].extend(entity)
    return list(merged.values())


class _NameScores:
    """``fuzz.ratio`` of names, surnames and given names as ``process.cdist`` gives them
    (float32), computed once per pair of distinct strings."""

    def __init__(self) -> None:
        self._memo: dict[tuple[str, str, str], object] = {}

    def prepare(self, pairs: list[tuple[str, str]]) -> None:
        """Score these pairs (both ways) in a few calls."""
        wanted: dict[tuple[str, str], set[str]] = defaultdict(set)
        for a, b in pairs:
            ta, tb = _name_tokens(a), _name_tokens(b)
            for x, y in ((a, b), (b, a)):
                wanted[("full", x)].add(y)
            if ta and tb:
                for x, y in ((ta[-1], tb[-1]), (tb[-1], ta[-1]), (ta[0], tb[0]), (tb[0], ta[0])):
                    wanted[("part", x)].add(y)
        for (what, a), others in wanted.items():
            others_list = sorted(others)
            processor = utils.default_process if what == "full" else None
            row = process.cdist([a], others_list, scorer=fuzz.ratio, processor=processor)[0]
            for b, value in zip(others_list, row, strict=True):
                self._memo[(what, a, b)] = value

    def _get(self, what: str, a: str, b: str):
        found = self._memo.get((what, a, b))
        if found is None:
            processor = utils.default_process if what == "full" else None
            found = process.cdist([a], [b], scorer=fuzz.ratio, processor=processor)[0, 0]
            self._memo[(what, a, b)] = found
        return found

    def full(self, a: str, b: str):
        return self._get("full", a, b)

    def matrices(self, a: str, b: str) -> tuple[dict, dict, dict]:
        """``full``, ``last`` and ``first`` as :func:`_same_person` reads them, for (a, b)."""
        found = self._memo.get(("matrices", a, b))
        if found is None:
            both = _name_tokens(a) and _name_tokens(b)
            found = self._memo[("matrices", a, b)] = (
                {(0, 1): self.full(a, b)},
                {(0, 1): self.last(a, b) if both else None},
                {(0, 1): self.first(a, b) if both else None},
            )
        return found

    def last(self, a: str, b: str):
        return self._get("part", _name_tokens(a)[-1], _name_tokens(b)[-1])

    def first(self, a: str, b: str):
        return self._get("part", _name_tokens(a)[0], _name_tokens(b)[0])


def _kinds_same_person(ka: tuple[str, str | None], kb: tuple[str, str | None],
                       scores: _NameScores, rules: NameRules) -> tuple[bool, bool]:
    """:func:`_same_person` for two entities with these names and roles, and whether it
    read the roles (when not, the verdict holds for every role)."""
    (a, role_a), (b, role_b) = ka, kb
    full, last, first = scores.matrices(a, b)
    roles = _Watched([role_a, role_b])
    verdict = _same_person(0, 1, [a, b], full, last, first, roles, rules)
    return verdict, roles.read


class _Watched(list):
    """A list that notes whether it was read."""

    read = False

    def __getitem__(self, index):
        self.read = True
        return super().__getitem__(index)

    def __iter__(self):
        self.read = True
        return super().__iter__()

    def __len__(self) -> int:
        self.read = True
        return super().__len__()

    def __contains__(self, item) -> bool:
        self.read = True
        return super().__contains__(item)


def _name_candidates(names: list[str], rules: NameRules, *, roled: set[str]):
    """Pairs of distinct names (and each name with itself) that :func:`_same_person` may
    take for one person, each with whether it may only when both have a role; every other
    pair it certainly does not."""
    tokens = [_name_tokens(x) for x in names]
    out: dict[tuple[int, int], bool] = {(k, k): False for k in range(len(names))}

    def add_all(group: list[int], roles_only: bool = False) -> None:
        add_across(group, group, roles_only)

    def add_across(left: list[int], right: list[int], roles_only: bool = False) -> None:
        for x in left:
            for y in right:
                if x != y:
                    pair = (min(x, y), max(x, y))
                    out[pair] = out.get(pair, True) and roles_only

    # one spelling (_names_agree): the shorter name's words stand in the longer one, so
    # the two share a word, or the shorter is initials only (or has no words at all)
    by_token: dict[str, list[int]] = defaultdict(list)
    by_letter: dict[str, list[int]] = defaultdict(list)
    for k, ts in enumerate(tokens):
        for t in set(ts):
            by_token[t].append(k)
            by_letter[t[0]].append(k)
    for group in by_token.values():
        add_all(group)
    for k, ts in enumerate(tokens):
        if not ts:
            add_across([k], list(range(len(names))))
        elif all(len(t) == 1 for t in ts):
            add_across([k], sorted(set(by_letter[ts[0]])))
    # fuzzy spellings: one-word names alike; surnames alike; given names alike (with roles)
    singles = [k for k, ts in enumerate(tokens) if len(ts) == 1]
    _alike([names[k] for k in singles], utils.default_process, [[k] for k in singles],
           add_across, roles_only=False)
    multi = [k for k, ts in enumerate(tokens) if len(ts) > 1]
    for part, roles_only in ((-1, False), (0, True)):
        words: dict[str, list[int]] = defaultdict(list)
        for k in multi:
            if not roles_only or names[k] in roled:
                words[tokens[k][part]].append(k)
        distinct = list(words)
        _alike(distinct, None, [words[w] for w in distinct], add_across, roles_only=roles_only)
    # the claim book's own pairs
    for same, listed in rules:
        if same:
            add_all([k for k, ts in enumerate(tokens) if " ".join(ts) in listed])
    for (x, y), roles_only in sorted(out.items()):
        yield names[x], names[y], roles_only


def _alike(strings: list[str], processor, owners: list[list[int]], add_across, *,
           roles_only: bool) -> None:
    """Pairs of owners whose strings are at least NAME_THRESHOLD alike (``fuzz.ratio``)."""
    if not strings:
        return
    step = 512
    for start in range(0, len(strings), step):
        block = process.cdist(strings[start:start + step], strings, scorer=fuzz.ratio,
                              processor=processor)
        for r, c in zip(*np.nonzero(block >= NAME_THRESHOLD), strict=True):
            add_across(owners[start + int(r)], owners[int(c)], roles_only)


def _same_person(i: int, j: int, names, full, last, first, roles, rules: NameRules) -> bool:
    said = _book_says(names[i], names[j], rules)
    if said is not None:
        return said
    ti, tj = _name_tokens(names[i]), _name_tokens(names[j])
    if _names_agree(names[i], names[j]) and (len(ti) > 1 or len(tj) > 1 or ti == tj):
        return True
    if len(ti) == 1 and len(tj) == 1:
        return full[i, j] >= NAME_THRESHOLD
    if len(ti) < 2 or len(tj) < 2:
        return False
    given_ok = first[i, j] >= NAME_THRESHOLD or (
        (len(ti[0]) == 1 and tj[0].startswith(ti[0]))
        or (len(tj[0]) == 1 and ti[0].startswith(tj[0]))
    )
    if last[i, j] >= NAME_THRESHOLD and given_ok:
        return True
    if first[i, j] >= NAME_THRESHOLD and len(ti[0]) > 3 and roles[i] and roles[j]:
        return fuzz.token_set_ratio(roles[i], roles[j]) >= ROLE_THRESHOLD
    return False


# --- sentences and dates -----------------------------------------------------------------


def _penalty_groups(claims: list[Claim]) -> list[list[Claim]]:
    kept, ejected = _eject_subsets(claims)
    out = [kept]
    while ejected:
        kept, ejected = _eject_subsets(ejected)
        out.append(kept)
    return out


def _date_groups(claims: list[Claim], weights: dict[str, dict[str, float]]) -> list[list[Claim]]:
    """Dates group only when they date the same event class in alike sentences."""

    def apart(a: Claim, b: Claim) -> bool:
        return not a.subject.action or a.subject.action != b.subject.action

    out = []
    for group in _cluster(claims, _link_rules(apart, None), weights):
        kept, ejected = _eject_dates(group)
        out.append(kept)
        out.extend([m] for m in ejected)
    return out


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


# --- building the group ------------------------------------------------------------------


def _build_group(claims: list[Claim], labels: dict[str, str], published,
                 copies: dict[str, frozenset[str]]) -> Group:
    positions = _positions(claims)
    kind = claims[0].kind
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
    relation = _relation(kind, pos_records, status, published)
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
        explanation=_explain(about, pos_records, status, relation, labels),
        severity=severity,
        majority=majority,
        outliers=outliers,
    )


def _label(claim: Claim) -> str:
    value = claim.value
    if isinstance(value, Amount):
        return format_amount(value)
    if isinstance(value, DateValue):
        return value.iso
    return str(value)


def _relation(
    kind: ClaimKind, positions: tuple[Position, ...], status: Status, published
) -> Relation:
    if status is Status.SINGLE:
        return Relation.SINGLE
    if status is Status.AGREEMENT:
        units = {c.amount.unit for p in positions for c in p.claims if c.amount is not None}
        return Relation.CONVERTED if len(units) > 1 else Relation.SAME
    if kind in (ClaimKind.PERSON, ClaimKind.ALIAS):
        return Relation.SPELLING
    years = [{(published.get(c.article) or "")[:4] for c in p.claims} - {""} for p in positions]
    if len(years) >= 2 and all(years) and all(not (years[0] & other) for other in years[1:]):
        return Relation.STAGE
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
    return any(_strong_subsets(c.subject.qualifiers) for c in smallest.claims)


def _severity(kind: ClaimKind, positions: tuple[Position, ...], relation: Relation) -> Severity:
    if relation in (Relation.STAGE, Relation.SUBSET):
        return Severity.LOW
    if kind in (ClaimKind.PERSON, ClaimKind.ALIAS, ClaimKind.DATE):
        return Severity.MEDIUM
    sides = [p for p in positions if len(p.articles) > 0]
    exact = sum(1 for p in sides if any(c.amount is None or c.amount.exact for c in p.claims))
    if kind is ClaimKind.SENTENCE or exact >= 2:
        return Severity.HIGH
    return Severity.MEDIUM


def _consensus(positions: tuple[Position, ...]) -> tuple[int | None, tuple[str, ...]]:
    """The position most independent sources hold, if one does, and the articles alone
    against it."""
    if len(positions) < 2:
        return (0 if positions else None), ()
    counts = [p.independent or len(p.articles) for p in positions]
    top = max(counts)
    if counts.count(top) > 1:
        return None, ()
    majority = counts.index(top)
    held = set(positions[majority].articles)
    outliers = sorted(
        {a for i, p in enumerate(positions) if i != majority for a in p.articles} - held
    )
    return majority, tuple(outliers)


SAME_WORDS = {"usa": "us", "uk": "britain"}
"""Spellings that copy editors change when they run a wire story."""

SHINGLE = 8
"""Words in a run that two articles must share for the run to count as copied."""

SHARED_SHINGLES = 12
"""Copied runs two articles must share to be one source: about two sentences' worth."""

COMMON_SHINGLE = 10
"""A run in more articles than this is boilerplate, not copying."""


def copies_of(articles: Sequence[Article]) -> dict[str, frozenset[str]]:
    """Article id -> the articles it shares copied text with (a wire story run by several
    outlets, lightly edited). Copying is not transitive: a piece that borrows from two
    independent reports does not make them one.

    >>> from factcheck.models import Article, Span
    >>> wire = ("Rescuers pulled 12 survivors from the rubble of the collapsed hotel overnight, "
    ...         "and the mayor said the search would go on for as long as there was any hope. ")
    >>> a = Article(id="a", path="a", text=wire, body=Span(0, len(wire)))
    >>> b = Article(id="b", path="b", text="Intro. " + wire, body=Span(0, len(wire) + 7))
    >>> c = Article(id="c", path="c", text="A quiet day.", body=Span(0, 12))
    >>> {k: sorted(v) for k, v in copies_of([a, b, c]).items()}
    {'a': ['b'], 'b': ['a'], 'c': []}
    """
    holders: dict[int, set[str]] = defaultdict(set)
    for article in articles:
        body = article.text[article.body.start:article.body.end].lower().replace(".", "")
        words = [SAME_WORDS.get(w, w) for w in re.findall(r"\w+", body)]
        for i in range(len(words) - SHINGLE + 1):
            holders[hash(tuple(words[i:i + SHINGLE]))].add(article.id)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for ids in holders.values():
        if 1 < len(ids) <= COMMON_SHINGLE:
            ordered = sorted(ids)
            for i, x in enumerate(ordered):
                for y in ordered[i + 1:]:
                    shared[(x, y)] += 1
    copies: dict[str, set[str]] = {a.id: set() for a in articles}
    for (x, y), count in shared.items():
        if count >= SHARED_SHINGLES:
            copies[x].add(y)
            copies[y].add(x)
    return {k: frozenset(v) for k, v in copies.items()}


def independent_count(ids: Iterable[str], copies: dict[str, frozenset[str]]) -> int:
    """The most articles among ``ids`` of which none copies another.

    >>> independent_count(["r", "u", "a"], {"u": frozenset({"r", "a"}), "r": frozenset({"u"}),
    ...                                     "a": frozenset({"u"})})
    2
    """
    left = set(ids)
    count = 0
    while left:  # greedy on fewest copies: exact for the small stars and chains news makes
        pick = min(sorted(left), key=lambda x: len(copies.get(x, frozenset()) & left))
        left -= {pick} | copies.get(pick, frozenset())
        count += 1
    return count


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
    amount = first.amount
    parts = []
    nouns = [c.subject.noun for c in claims if c.subject.noun]
    actions = [c.subject.action for c in claims if c.subject.action]
    roles = [c.subject.role for c in claims if c.subject.role]
    if roles:
        parts.append(roles[0].replace(":", " from "))
    if nouns:
        parts.append(max(sorted(set(nouns)), key=nouns.count))
    if actions:
        parts.append(max(sorted(set(actions)), key=actions.count))
    if amount is not None and amount.dimension not in ("count",):
        parts.insert(0, amount.dimension)
    return " ".join(parts) or (amount.dimension if amount else first.kind.value)


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
    if status is Status.SINGLE:
        return f"Only {outlets(first)} reports {about}: {first.label}."
    if status is Status.AGREEMENT:
        return f"{outlets(first)} agree on {about}: {first.label}."
    if relation is Relation.SPELLING:
        sides = "; ".join(stated(p, "spell", " it") for p in positions[:4])
        return f"The name is spelt differently: {sides}."
    sides = "; ".join(stated(p) for p in positions[:4])
    more = f" (and {len(positions) - 4} more positions)" if len(positions) > 4 else ""
    tail = {
        Relation.SUBSET: " The smaller figure may count only part of the larger.",
        Relation.STAGE: " The reports are from different years: perhaps different stages"
        " of the story.",
    }.get(relation, "")
    return f"On {about}, {sides}{more}.{tail}"


def _group_order(group: Group) -> tuple:
    status_rank = {Status.CONFLICT: 0, Status.AGREEMENT: 1, Status.SINGLE: 2}[group.status]
    sev = group.severity.rank if group.severity else 3
    first = min((c.article, c.start) for c in group.claims)
    return (status_rank, sev, -len(group.articles), group.kind.value, group.about, first)


def _with_id(group: Group, index: int) -> Group:
    base = group.topic or group.about
    slug = re.sub(r"[^a-z0-9]+", "-", base.lower()).strip("-")[:40] or group.kind.value
    return replace(group, id=f"{group.kind.value}-{slug}-{index + 1}")
