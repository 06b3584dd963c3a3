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

from rapidfuzz import fuzz, process, utils

from . import lexicon
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
rare words shared by two sentences ("sedated", "temple") say more than common ones."""

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
    pending = _cluster(claims, apart, _bonus, weights)
    for _round in range(MAX_EJECT_ROUNDS):
        again: list[Claim] = []
        for group in pending:
            kept, ejected = _eject_subsets(group)
            out.append(kept)
            again.extend(ejected)
        if not again:
            return out
        pending = _cluster(again, apart, _bonus, weights)
    out.extend(pending)
    return out


def _cluster(
    claims: list[Claim],
    apart: Callable[[Claim, Claim], bool],
    bonus: Callable[[Claim, Claim], float | None],
    weights: dict[str, dict[str, float]] | None = None,
) -> list[list[Claim]]:
    """Single-link clustering over context similarity, never joining claims held apart."""
    n = len(claims)
    if n == 0:
        return []
    contexts = [c.subject.context for c in claims]
    scores = process.cdist(
        contexts,
        contexts,
        scorer=fuzz.token_set_ratio,
        processor=utils.default_process,
        dtype="uint8",
    )
    by_id = {c.id: i for i, c in enumerate(claims)}
    edges: list[tuple[float, int, int]] = []
    for i in range(n):
        for j in range(i + 1, n):
            a, b = claims[i], claims[j]
            if a.restates == b.id or b.restates == a.id:
                edges.append((200.0, i, j))
                continue
            if apart(a, b) or _same_sentence_rivals(a, b):
                continue
            score = float(scores[i, j])
            extra = bonus(a, b)
            if extra is not None:
                score = max(score, extra)
            elif not _context_may_link(a, b):
                continue
            if weights is not None and score < LINK_THRESHOLD:
                cos = _cosine(weights[a.id], weights[b.id])
                if cos >= TFIDF_THRESHOLD:
                    score = LINK_THRESHOLD + 10 * cos
            if score >= LINK_THRESHOLD:
                edges.append((score, i, j))
    parent = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _score, i, j in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        forced = _score >= 200
        if not forced and any(
            apart(claims[x], claims[y]) and not _restated_pair(claims[x], claims[y])
            for x in members[ri]
            for y in members[rj]
        ):
            continue
        parent[rj] = ri
        members[ri].extend(members.pop(rj))
    del by_id
    return [[claims[i] for i in sorted(m)] for m in members.values()]


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
    """Two shares of one holder: "Zelensky" and "Zelenskiy" are one candidate."""
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
    out = [c for c in group if c not in kept]
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
    out = {}
    for claim in group:
        out[claim.id] = len(
            {o.article for o in group if o.article != claim.article and _agree(o, claim)}
        )
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
    name = QUOTED.sub(" ", name)  # 'Joaquin "El Chapo" Guzman': the nickname is an alias
    plain = "".join(
        ch for ch in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(ch)
    )
    return [t for t in re.split(r"[\s.\-‐‑–'’]+", plain) if t]


SPELLING_SIMILARITY = 70
"""Two words of one person's name this alike but not equal are one word spelt two ways."""


def _spelt_alike(a: str, b: str) -> bool:
    """Names of one person that do not spell a shared word differently. Words one name
    lacks ("Guzman Loera" and "Joaquin Guzman") are no disagreement; "Haibin" against
    "Haibing", or "Ding" against "Ting", is.

    >>> _spelt_alike("Guzman Loera", "Joaquin Archivaldo Guzman Loera")
    True
    >>> _spelt_alike("Yu Haibin", "Mr Yu Haibing"), _spelt_alike("M Farooqi", "Mubeen Farooqui")
    (False, False)
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
    for claim in anchors:
        fits = [p for p in positions if all(_agree(claim, o) for o in p)]
        if fits:
            best = max(fits, key=lambda p: (len({c.article for c in p}), -positions.index(p)))
            best.append(claim)
        else:
            positions.append([claim])
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
    names = [e[0].value for e in entities]
    n = len(names)
    if n == 0:
        return []
    surnames = [_name_tokens(x)[-1] for x in names]
    givens = [_name_tokens(x)[0] for x in names]
    full = process.cdist(names, names, scorer=fuzz.ratio, processor=utils.default_process)
    last = process.cdist(surnames, surnames, scorer=fuzz.ratio)
    first = process.cdist(givens, givens, scorer=fuzz.ratio)
    roles = [next((c.subject.role for c in e if c.subject.role), None) for e in entities]
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    arts = [{c.article for c in e} for e in entities]
    pairs = []
    for i in range(n):
        for j in range(i + 1, n):
            if arts[i] & arts[j]:
                continue  # one article names two different people
            if _same_person(i, j, names, full, last, first, roles, rules):
                pairs.append((float(full[i, j]), i, j))
    for _s, i, j in sorted(pairs, reverse=True):
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        group_i = {a for k in range(n) if find(k) == ri for a in arts[k]}
        group_j = {a for k in range(n) if find(k) == rj for a in arts[k]}
        if group_i & group_j:
            continue
        parent[rj] = ri
    merged: dict[int, list[Claim]] = defaultdict(list)
    for i, entity in enumerate(entities):
        merged[find(i)].extend(entity)
    return list(merged.values())


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
    for group in _cluster(claims, apart, lambda a, b: None, weights):
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
        parts.append(max(set(nouns), key=nouns.count))
    if actions:
        parts.append(max(set(actions), key=actions.count))
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
