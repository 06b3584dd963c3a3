"""Whether two stated values can both be true: amounts, dates, sentences, name spellings."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from itertools import pairwise

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .. import lexicon
from ..models import (
    Amount,
    Claim,
    DateValue,
    Outcome,
    Penalty,
)
from ..quantities import compatible
from ..spelling import Alike, alike, american, fold
from .dates import dates_agree

NAME_THRESHOLD = 85
"""Similarity of two spellings (0-100) that may be one name."""

class _AgreeView:
    """A claim as :func:`_agree` sees it, restatement aside: its value and its text."""

    __slots__ = ("article", "id", "restates", "text", "value")

    def __init__(self, value, text: str, ident: str, article: str | None) -> None:
        self.value, self.text, self.id, self.restates = value, text, ident, None
        self.article = article


def _agree_views(claims: Sequence[Claim]) -> list[_AgreeView]:
    """One view per distinct (value, text), and article for a figure, for each claim in
    order: two claims that do not restate one another agree exactly when their views do."""
    made: dict[tuple, _AgreeView] = {}
    out = []
    for claim in claims:
        article = claim.article if isinstance(claim.value, Amount) else None
        key = (claim.value, claim.text, article)
        if key not in made:
            made[key] = _AgreeView(claim.value, claim.text, f"\0agree{len(made)}", article)
        out.append(made[key])
    return out


def _magnitude(amount: Amount) -> float:
    lo, hi = amount.base_interval()
    if math.isinf(hi):
        return lo
    if math.isinf(lo):
        return hi
    return (lo + hi) / 2


def _agree(a: Claim, b: Claim) -> bool:
    va, vb = a.value, b.value
    if isinstance(va, Amount) and isinstance(vb, Amount):
        if a.restates == b.id or b.restates == a.id:
            return True
        if a.article is not None and a.article == b.article:  # one outlet's own figures
            return compatible(_reach(a, own=True), _reach(b, own=True))
        if _apart_at_one_resolution(va, vb):
            return False
        bound = _lower_bound(va) and _lower_bound(vb)
        return compatible(_reach(a, bound=bound), _reach(b, bound=bound))
    if isinstance(va, Penalty) and isinstance(vb, Penalty):
        if va.type != vb.type or va.years is None or vb.years is None:
            return va.type == vb.type
        slack = max(va.precision, vb.precision) / 2  # "four years" holds "47 months"
        if va.approx or vb.approx:
            slack = max(slack, 0.1 * max(va.years, vb.years))
        return abs(va.years - vb.years) <= slack + 1e-9
    if isinstance(va, DateValue) and isinstance(vb, DateValue):
        return _dates_agree(va, vb)
    if isinstance(va, Outcome) and isinstance(vb, Outcome):
        return not va.fate.rivals(vb.fate)
    if isinstance(va, str) and isinstance(vb, str):
        return _spelt_alike(va, vb)
    return False


def _apart_at_one_resolution(a: Amount, b: Amount) -> bool:
    """Two round figures given to one resolution that differ by a step of it are two
    figures, "about" or not: "approximately 27,000 feet" and "28,000 feet", "some 2.7
    million" and "2.5 million" (each outlet rounded to the thousand, the hundred thousand,
    and got another one). Figures below a thousand, read to the unit, keep the slack of
    their "about" ("about 300" holds 291), and so does a rounder figure ("about 3,000"
    holds "3,100")."""
    if a.low is not None or a.high is not None or b.low is not None or b.high is not None:
        return False
    if not (a.approx or b.approx) or a.unit != b.unit:
        return False
    step = _round_step(a.amount)
    return step >= ROUND_STEP_MIN and step == _round_step(b.amount) \
        and abs(a.amount - b.amount) >= step - 1e-9


ROUND_STEP_MIN = 1000
"""The smallest step two figures must be rounded to for :func:`_apart_at_one_resolution`."""


def _round_step(x: float) -> int:
    """The power of ten a whole figure is rounded to: 27,000 -> 1000, 2,500,000 -> 100000,
    3,100 -> 100."""
    if not float(x).is_integer() or x == 0:
        return 0
    n, step = abs(int(x)), 1
    while n % 10 == 0:
        n, step = n // 10, step * 10
    return step


VAGUE_REACH = 1.5
"""How far past its nominal top a vague amount in words ("hundreds of thousands") may reach:
it does not deny "1.1 million"."""


def _reach(claim: Claim, *, own: bool = False, bound: bool = False) -> Amount:
    """What a figure allows when set against another. Within one article (``own``) a
    bound is a bound: "over 300 injured" and "323 injured" are one count. Against another
    outlet, "at least 70" or "more than 200" is the count that outlet had (news gives the
    figure confirmed so far): it reaches a little above itself ("more than 60" holds 61,
    :data:`LOWER_BOUND_REACH`), not to any figure ("at least 205 bodies" against "270
    bodies" are two counts); against another bound (``bound``) it is its own figure ("at
    least 70" against "at least 69")."""
    amount = claim.value
    assert isinstance(amount, Amount)
    if amount.low is not None and amount.high is not None and not amount.high_open \
            and not any(ch.isdigit() for ch in claim.text):
        # "dozens", "hundreds of thousands"; not "nearly a dozen", which stops below 12
        return replace(amount, high=amount.high * VAGUE_REACH)
    if own or not _lower_bound(amount):
        return amount
    if bound:
        return replace(amount, low=None, low_open=False)
    return replace(amount, high=amount.low * (1 + LOWER_BOUND_REACH) if amount.low > 0
                   else amount.low)


LOWER_BOUND_REACH = 0.1
"""How far above itself another outlet's "at least N" reaches: "more than 60" holds 61."""


def _lower_bound(amount: Amount) -> bool:
    """ "At least 70", "more than 200": a figure with nothing above it said."""
    return amount.low is not None and amount.high is None and amount.amount == amount.low


def _dates_agree(a: DateValue, b: DateValue) -> bool:
    return dates_agree(a, b)


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
    return tuple(t for t in re.split(r"[\s.\-‐‑–'’]+", fold(name)) if t)


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
    >>> _spelt_alike("A Rahmani", "Ahmad Rahmany"), _spelt_alike("Wei Liu", "Wei Lu")
    (False, False)

    A particle is part of the surname: "Garcia de Leon" is not spelt "Garcia Leon". Words
    written otherwise for the same sounds ("Seong", "Sung") are two spellings too.

    >>> _spelt_alike("Ana Garcia de Leon", "Garcia Leon"), _spelt_alike("Han Seong", "Han Sung")
    (False, False)

    Two given names before one surname are two spellings of the person's name:

    >>> _spelt_alike("Dorian Vasquell", "Demetrio Vasquell")
    False
    """
    ta, tb = _name_tokens(a), _name_tokens(b)
    if len(ta) == len(tb) == 2 and ta[1] == tb[1] and ta[0] != tb[0] \
            and min(len(ta[0]), len(tb[0])) > 2:
        return False  # one surname, two given names: "Dorian Vasquell", "Demetrio Vasquell"
    if _reordered(ta, tb):
        return False  # "Marc Olivier Durand", "Olivier Marc Durand": the words swapped
    ta, tb = [american(w) for w in ta], [american(w) for w in tb]  # "Centre", "Center"
    if other_surname(ta, tb):
        return False  # two given names, two surnames: "Jorge Emilio Valdera", "... Ostaran"
    for s in ta:
        for t in tb:
            if s == t or (len(s) == 1 and t.startswith(s)) or (len(t) == 1 and s.startswith(t)):
                continue
            if s in tb or t in ta:
                continue
            if min(len(s), len(t)) >= 3 and fuzz.ratio(s, t) >= SPELLING_SIMILARITY:
                return False
            if s[0] == t[0] and Levenshtein.distance(s, t) == 1 \
                    and not (s.startswith(t) or t.startswith(s)):
                return False  # a short word with a letter more: "Liu" and "Lu" (not "US", "USA")
            if alike(s, t) is not Alike.NOT:
                return False
    return not (_particle_dropped(ta, tb) or _particle_dropped(tb, ta))


def other_surname(ta: list[str], tb: list[str]) -> bool:
    """Two names of three words with the same two given names and another surname
    ("Jorge Emilio Valdera", "Jorge Emilio Ostaran")."""
    return len(ta) == len(tb) == 3 and ta[:2] == tb[:2] and ta[2] != tb[2]


def _reordered(ta: list[str], tb: list[str]) -> bool:
    """Two names that share two or more words but write them in another order: one
    person whose names an outlet swapped ("Jean Luc Moreau", "Luc Jean Moreau").

    >>> _reordered(["jean", "luc", "moreau"], ["luc", "jean", "moreau"])
    True
    >>> _reordered(["luc", "moreau"], ["jean", "luc", "moreau"])
    False
    """
    shared_a = [w for w in dict.fromkeys(ta) if w in tb]
    shared_b = [w for w in dict.fromkeys(tb) if w in ta]
    return len(shared_a) > 1 and shared_a != shared_b


def _particle_dropped(ta: list[str], tb: list[str]) -> bool:
    """``ta`` has a particle between two words that stand side by side in ``tb``."""
    pairs = set(pairwise(tb))
    return any(
        word in lexicon.NAME_PARTICLES and (before, after) in pairs
        for before, word, after in zip(ta, ta[1:], ta[2:], strict=False)
    )


def _names_agree(a: str, b: str) -> bool:
    """One spelling: every token of the shorter name stands, letter for letter
    (or as an initial), in the longer one."""
    ta, tb = _name_tokens(a), _name_tokens(b)
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return all(any(s == t or (len(s) == 1 and t.startswith(s)) for t in long_) for s in short)


