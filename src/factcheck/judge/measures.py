"""Whether two numeric claims measure the same thing: what keeps them apart, what links them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz

from .. import lexicon
from ..models import (
    Claim,
    ClaimKind,
)
from .values import NAME_THRESHOLD, _agree, _magnitude

SAME_CLASS_SCORE = 90
"""Score of two claims counted for the same event class ("killed", "arrested")."""

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


