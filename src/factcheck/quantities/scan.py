"""The finder: every amount of a sentence with its exact span, modifier, range and unit."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.models import Amount

from .durations import compound_durations
from .lengths import compound_lengths
from .modifiers import _left_search, _modifier_before
from .numbers import _Num, _read_number, _ungrouped, parse_number
from .patterns import (
    _AGE_AFTER,
    _AGE_BEFORE,
    _ART_AFTER,
    _ART_CONTEXT,
    _CORE,
    _CUR_BEFORE,
    _FOLD_AFTER,
    _FROM_BEFORE,
    _HAS_DIGIT,
    _LEVEL_BEFORE,
    _MAG_AFTER,
    _MAG_BEFORE,
    _MASK,
    _NEXT_WORD,
    _NOUN_AFTER,
    _POSTFIX_AFTER,
    _RANGE_AFTER,
    _SIGN_BEFORE,
    _STRONG_AFTER,
    _TEMP_AFTER,
    _UNIT_AFTER,
    _VAGUE_RANGE,
    _WORD_MASK,
)
from .tables import (
    _ABOUT,
    _ATLEAST,
    _ATMOST,
    _BETWEEN,
    _COUNT_NOUNS,
    _HYPHEN_NOUNS,
    _HYPHEN_STOP,
    _LESS,
    _MAGNITUDE,
    _MEASURES,
    _MORE,
    _NEARLY,
    _ONES,
    _POSTFIX,
    _RATIO,
    _TEMPERATURES,
    _UPTO,
    _VAGUE,
    _VAGUE_BASE,
    NEARLY_FACTOR,
    Found,
    UnitInfo,
)
from .units import _age_scale, lookup_unit

MAGNITUDE_PRECISION = 0.1
"""Magnitudes are given to a tenth: a whole one ("magnitude 6") is that figure point zero,
so it conflicts with 6.2 where a count of 6 would not with 6.2 million's rounding."""


@dataclass
class _Draft:
    """What has been learnt about one expression while reading it."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    precision: float
    low: float | None = None
    high: float | None = None
    modifier: str | None = None
    unit: UnitInfo | None = None
    unit_text: str | None = None
    dimension: str = "count"
    unit_name: str | None = None
    scale: float = 1.0
    offset: float = 0.0
    base_unit: str | None = None
    hyphenated: bool = False
    is_year: bool = False

    def set_unit(self, info: UnitInfo, unit_text: str | None) -> None:
        self.unit, self.unit_text = info, unit_text
        self.dimension, self.unit_name = info.dimension, info.name
        self.scale, self.base_unit, self.offset = info.scale, info.base_unit, info.offset
        if info.dimension == "magnitude" and self.precision >= 1:
            self.precision = MAGNITUDE_PRECISION  # "magnitude 6" is 6.0, not 5.5 to 6.5

    def set_age(self, unit: str, unit_text: str | None) -> None:
        self.dimension, self.unit_name, self.base_unit = "age", unit, "year"
        self.scale, self.unit_text = _age_scale(unit), unit_text

    def to_found(self, offset: int) -> Found:
        low, high, mod, v = self.low, self.high, self.modifier, self.value
        approx = mod in (_ABOUT, _UPTO)
        low_open = high_open = False
        if low is not None and high is not None:  # a range or a vague amount
            if mod in (_MORE, _ATLEAST):
                high = None
            elif mod in (_LESS, _ATMOST):
                low, high = None, low
        elif mod in (_MORE, _ATLEAST):
            low = v
        elif mod == _NEARLY:
            low, high = NEARLY_FACTOR * v, v
        elif mod in (_LESS, _ATMOST):
            high = v
        if low is not None and high is not None and low > high:  # "nearly -5C"
            low, high = high, low
        low_open = mod == _MORE and low is not None
        high_open = mod in (_LESS, _NEARLY) and high is not None
        amount = Amount(amount=v, unit=self.unit_name, dimension=self.dimension, low=low,
                        high=high, low_open=low_open, high_open=high_open, approx=approx,
                        scale=self.scale, base_unit=self.base_unit, precision=self.precision,
                        offset=self.offset)
        return Found(start=self.start + offset, end=self.end + offset,
                     number_start=self.num_start + offset, number_end=self.num_end + offset,
                     amount=amount, unit_text=self.unit_text, modifier=mod,
                     hyphenated=self.hyphenated, is_year=self.is_year)


def _masks(text: str) -> list[tuple[int, int]]:
    """Spans that look numeric but hold no amount (dates, codes, phone numbers...)."""
    spans = [m.span() for m in _WORD_MASK.finditer(text)]
    if _HAS_DIGIT.search(text):
        spans.extend(m.span() for m in _MASK.finditer(text))
    if "\x1b" in text or "\x9b" in text:
        spans.extend(m.span() for m in _ESCAPES.finditer(text))
    return spans


_ESCAPES = re.compile(r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]|\x1b\][^\x07\x1b]*")
"""Terminal escape sequences: "ESC[0m" holds no 0 metres."""


def _masked(masks: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in masks)


def _vague(m: re.Match[str]) -> tuple[float, float]:
    """(low, high) of "hundreds", "tens of thousands", "several hundred"."""
    if m.group("vp"):
        plural = m.group("vp").lower()
        outer = _VAGUE_BASE[m.group("vp2").lower()] if m.group("vp2") else 1.0
        quant = (m.group("vq") or "").lower()
        if quant and quant != "some":
            return _quantified(quant, _VAGUE_BASE[plural] * outer)
        if m.group("vp2"):
            low = 10.0 if plural == "tens" else _VAGUE[plural][0]
            return low * outer, 10 * low * outer
        return _VAGUE[plural]
    base = _VAGUE_BASE[m.group("vs").lower()]
    if m.group("vs2"):
        base *= _VAGUE_BASE[m.group("vs2").lower()]
    return _quantified(m.group("vq2").lower(), base)


def _quantified(quant: str, base: float) -> tuple[float, float]:
    """ "several hundred" is 200 to 1000; "a couple of hundred" 200 to 300."""
    if "couple" in quant:
        return 2 * base, 3 * base
    return 2 * base, 10 * base


def find_amounts(text: str, *, offset: int = 0) -> list[Found]:
    """Every numeric expression in ``text``, left to right.

    Offsets are ``offset`` plus indexes into ``text``. Never raises: text that
    cannot be read gives fewer results.

    >>> [(f.amount.amount, f.amount.unit) for f in find_amounts("20 kilogrammes (44.1 pounds)")]
    [(20.0, 'kg'), (44.1, 'lb')]
    >>> f, = find_amounts("More than 36,000 deaths")
    >>> f.modifier, f.amount.low, f.amount.low_open, f.amount.precision
    ('more than', 36000.0, True, 1000.0)
    >>> [f.is_year for f in find_amounts("the 2003 protest")]
    [True]
    >>> find_amounts("open 24/7, call 555-0199 or see Boeing 737 at 7pm")
    []
    """
    if not isinstance(text, str) or not text:
        return []
    masks: list[tuple[int, int]] | None = None
    found: list[Found] = []
    pos = 0
    while pos < len(text):
        m = _CORE.search(text, pos)
        if m is None:
            break
        if masks is None:
            masks = _masks(text)
        drafts: list[_Draft] = []
        next_pos = m.end()
        if not _masked(masks, m.start(), m.end()):
            try:
                drafts, next_pos = _read_expression(text, m, masks)
            except (ValueError, ArithmeticError):  # odd text gives no amount, never a crash
                drafts = []
        found.extend(d.to_found(offset) for d in drafts)
        pos = max(next_pos, m.start() + 1)
    found = _multiples(text, found, offset)
    return compound_lengths(text, compound_durations(text, found, offset), offset)


_MULTIPLE_WORDS = {"twice": 2.0, "double": 2.0, "triple": 3.0, "treble": 3.0,
                   "quadruple": 4.0}
_MULTIPLE = re.compile(
    r"\b(?P<w>twice|double|triple|treble|quadruple)(?=\s+(?:the|as|that|its|their|his|her"
    r"|what)\b)|\b(?P<n>[a-z]{3,9}?)fold\b",
    re.IGNORECASE,
)
"""A multiple in a word before what it multiplies: "twice the speed limit", "double what
was paid", "twice as many", "a fivefold rise". ("Stabbed twice", "a double murder" are no
multiples.)"""


def _multiples(text: str, found: list[Found], offset: int) -> list[Found]:
    """Add the multiples told in a word, where no other figure covers them."""
    extra = []
    for m in _MULTIPLE.finditer(text):
        if any(f.start < m.end() + offset and m.start() + offset < f.end for f in found):
            continue
        word = m.group("w")
        value = _MULTIPLE_WORDS[word.lower()] if word else parse_number(m.group("n"))
        if not value:
            continue  # "manifold", "scaffold"
        modifier, start = _modifier_before(text, m.start())  # "more than double the limit"
        d = _Draft(start=start, end=m.end(), num_start=m.start(), num_end=m.end(),
                   value=value, precision=0.5 if word else 1.0, modifier=modifier)
        d.set_unit(_RATIO, word or "fold")
        extra.append(d.to_found(offset))
    if not extra:
        return found
    return sorted([*found, *extra], key=lambda f: f.start)


def _read_expression(
    text: str, m: re.Match[str], masks: list[tuple[int, int]]
) -> tuple[list[_Draft], int]:
    """Read the expression around the core match ``m``: (drafts, where to go on)."""
    if m.group("vague") is not None:
        return _read_vague(text, m)
    if m.group("frac") is not None:
        return _read_fraction(text, m)
    nothing: tuple[list[_Draft], int] = ([], m.end())
    left = m.start()
    currency: UnitInfo | None = None
    prefix: UnitInfo | None = None  # currency or magnitude written before the number
    prefix_text: str | None = None
    aged = False
    gpre = m.group("gpre")
    if gpre:
        prefix = _MAGNITUDE if gpre in ("M", "Mw", "MW") else lookup_unit(gpre)
        prefix_text = gpre
    elif m.group("dig") is not None or m.group("words") is not None:
        cur = _left_search(_CUR_BEFORE, text, left)
        mag = None if cur else _left_search(_MAG_BEFORE, text, left)
        age = None if cur or mag else _left_search(_AGE_BEFORE, text, left)
        if cur:
            prefix, prefix_text, left = lookup_unit(cur.group("cur")), cur.group("cur"), cur.start()
        elif mag:
            prefix, prefix_text, left = _MAGNITUDE, mag.group("mag"), mag.start()
        elif age:
            aged, left = True, age.start()
    if prefix is not None and prefix.dimension == "money":
        currency = prefix
    modifier, start = _modifier_before(text, left)

    if m.group("art") is not None:  # "for a week", "more than a year"
        if modifier is None and not _left_search(_ART_CONTEXT, text, left) \
                and not _ART_AFTER.match(text, m.end()):  # "a week later"
            return nothing
        num = _Num(m.start(), m.start(), m.end(), 1.0, 1.0, False)
    else:
        read = _read_number(text, m, money=currency is not None)
        if read is None:
            return nothing
        num = read
    d = _Draft(start=start, end=num.end, num_start=num.num_start, num_end=num.end,
               value=num.value, precision=num.precision, modifier=modifier)
    if prefix is not None:
        d.set_unit(prefix, prefix_text)
    elif aged:
        d.set_age("year", None)
    pos = num.end

    if m.group("art") is not None or m.group("half") is not None:
        unit = _UNIT_AFTER.match(text, pos)
        info = lookup_unit(unit.group("u")) if unit else None
        if unit is None or info is None or info.dimension not in _MEASURES:
            return nothing
        d.set_unit(info, unit.group("u"))
        d.end, d.hyphenated = unit.end(), unit.group("hy") == "-"
        return [d], d.end

    post = _POSTFIX_AFTER.match(text, pos)  # "100 or so", "50-odd", "20+"
    if post and d.modifier is None:
        d.modifier = _POSTFIX[(post.group("p1") or post.group("p2") or "+").lower()]
        pos = post.end()
    elif post:
        post = None

    if prefix is None and not aged:
        age = _AGE_AFTER.match(text, pos)  # "eight-year-old", "14-month-old", "8 years old"
        if age:
            hy = age.group("hy") or age.group("hy2")
            d.set_age((age.group("u") or age.group("u2")).lower(), age.group()[len(hy):])
            d.end, d.hyphenated = age.end(), hy == "-"
            return [d], d.end
        mag = _MAG_AFTER.match(text, pos)  # "7.5-magnitude", "7.5 on the Richter scale"
        if mag:
            d.set_unit(_MAGNITUDE, mag.group("u") or mag.group("u2") or mag.group("u3"))
            d.end, d.hyphenated = mag.end(), mag.group("hy") == "-"
            return [d], d.end
    if aged or (prefix is not None and currency is None):
        d.end = pos
        return [d], d.end

    rng = _RANGE_AFTER.match(text, pos) if post is None else None
    if rng:
        outcome = _read_range(text, m, d, num, rng, masks, currency)
        if outcome == "drop":  # a score ("3-2") or a season ("2018-19")
            second = _CORE.match(text, rng.end())
            return [], second.end() if second else rng.end()
        if outcome == "range":
            pos = d.num_end
            if d.modifier not in (None, _BETWEEN, _ABOUT, _UPTO):
                d.modifier, d.start = None, left  # "more than 20 to 30": keep the range
    if d.modifier == _BETWEEN and d.low is None:
        d.modifier, d.start = None, left

    d.end = pos
    words = m.group("words") is not None
    temp = None if currency is not None else _TEMP_AFTER.match(text, pos)
    if temp:
        _set_temperature(text, d, temp)
        return [d], d.end
    unit = None if currency is not None else _UNIT_AFTER.match(text, pos)
    info = lookup_unit(unit.group("u")) if unit else None
    if unit and info is not None and info.name == "lb" and _pounds_of_money(
            text, left, pos, unit.end()):
        info = lookup_unit("pounds sterling")  # "46 billion pounds", "49 pounds per share"
    if unit and info and (unit.group("hy") != "-" or info.dimension in _MEASURES):
        d.set_unit(info, unit.group("u"))
        d.end, d.hyphenated = unit.end(), unit.group("hy") == "-"
    elif currency is None:
        fold = _FOLD_AFTER.match(text, pos)
        strong = _STRONG_AFTER.match(text, pos)
        noun = _NOUN_AFTER.match(text, pos)
        if fold:
            d.set_unit(_RATIO, fold.group().lstrip("-"))
            d.end, d.hyphenated = fold.end(), fold.group().startswith("-")
        elif strong:  # "3.45 million-strong"
            d.end, d.hyphenated = strong.end(), True
        elif noun and noun.group("noun") not in _HYPHEN_STOP and (
                not words or noun.group("noun") in _HYPHEN_NOUNS):
            d.unit_text, d.hyphenated, d.end = noun.group("noun"), True, noun.end()
        elif words and text.startswith("-", pos) and text[pos + 1:pos + 2].isalpha():
            return nothing  # "one-sided", "two-time", "three-pronged"
    if d.modifier is None and post is None:
        post = _POSTFIX_AFTER.match(text, d.end)
        if post and post.group("p1"):  # "10 km or so"
            d.modifier, d.end = _POSTFIX[post.group("p1").lower()], post.end()

    if d.end < len(text) and (text[d.end].isalnum() or text[d.end] == "_") and not words:
        return nothing  # glued letters: "5G", "3D", "10th"
    if d.low is None and _is_year(text, num, d):
        d.is_year, d.precision = True, 1.0
    return [d], max(d.end, d.num_end)


_MONEY_CUES = re.compile(
    r"\b(?:pa(?:id|y|ys|ying)|price[ds]?|offer(?:ed|s)?|worth|valu(?:e|ed|es|ing)|cost(?:s)?|"
    r"fees?|fined?|salary|wages?|bid|deal|sold|sell(?:s|ing)?|trad(?:e|ed|ing)|pence|"
    r"penny|sterling|budget|revenue|profit|loss|bonus|compensation|takeover|acquisition)\b",
    re.IGNORECASE)
_MASS_CUES = re.compile(
    r"\b(?:weigh(?:s|ed|ing|t)?|heavy|kg|kilo(?:gram)?s?|ounces?|tonnes?|cocaine|heroin|"
    r"drugs?|gold|silver|fish|baby|born)\b", re.IGNORECASE)
_SCALED = re.compile(r"\b(?:million|billion|trillion|bn|mn)\b|\d(?:bn|m)\b", re.IGNORECASE)
_PER_SHARE = re.compile(r"\s*(?:a|per|each|for each)\s+(?:\w+\s+)?share\b|\s+sterling\b",
                        re.IGNORECASE)


def _pounds_of_money(text: str, left: int, pos: int, end: int) -> bool:
    """ "Pounds" that are sterling: a scaled amount ("46 billion pounds"), a price per
    share, or words of money around it and none of weight."""
    if _SCALED.search(text, left, pos) or _PER_SHARE.match(text, end):
        return True
    before = text[max(0, left - 60) : left]
    after = text[end : end + 30]
    return bool(_MONEY_CUES.search(before) or _MONEY_CUES.search(after)) and not (
        _MASS_CUES.search(before) or _MASS_CUES.search(after))


def _set_temperature(text: str, d: _Draft, temp: re.Match[str]) -> None:
    """A temperature: its scale, and a sign before the figure ("-5C", "minus 5 degrees")."""
    scale = next(g for g in temp.groups() if g is not None).lower()
    d.set_unit(_TEMPERATURES[scale], temp.group().strip())
    d.end = temp.end()
    sign = _SIGN_BEFORE.search(text, max(0, d.num_start - 8), d.num_start)
    if sign is None or d.start != d.num_start:
        return
    d.value = -d.value
    d.low, d.high = (None if d.high is None else -d.high), (None if d.low is None else -d.low)
    d.start = sign.start()


def _is_year(text: str, num: _Num, d: _Draft) -> bool:
    """A bare four-digit number that reads as a year ("in 1997", "the 2003 protest")."""
    if not (num.year_like and 1800 <= d.value <= 2100 and d.end == num.end):
        return False
    if d.modifier is not None or d.unit is not None or d.unit_text is not None:
        return False
    nxt = _NEXT_WORD.match(text, d.end)
    if _LEVEL_BEFORE.search(text, max(0, d.start - 90), d.start):
        return False  # "1,342 left, down from 1876": the level before, not a year
    return not (nxt and nxt.group("w").lower() in _COUNT_NOUNS)


def _read_range(text: str, m: re.Match[str], d: _Draft, first: _Num, rng: re.Match[str],
                masks: list[tuple[int, int]], currency: UnitInfo | None) -> str | None:
    """Make ``d`` a range when a second number follows: "range", "drop" (a score) or None."""
    conn = rng.group("conn").strip().lower()
    dash = conn in ("-", "–", "—")
    if conn == "and" and d.modifier != _BETWEEN:
        return None
    if _left_search(_FROM_BEFORE, text, d.start):  # "rose from 217 to 832": two figures
        return None
    if rng.group("cur") and (currency is None or lookup_unit(rng.group("cur")) != currency):
        return None
    m2 = _CORE.match(text, rng.end())
    if m2 is None or m2.group("gpre") or (m2.group("dig") is None and m2.group("words") is None):
        return None
    if dash and (m2.group("dig") is None or m.group("dig") is None):
        return None
    if _masked(masks, m2.start(), m2.end()):
        return None
    second = _read_number(text, m2, money=currency is not None)
    if second is None:
        return None
    low, low_prec, high = first.value, first.precision, second.value
    if (m.group("dig") is not None and m2.group("dig") is not None
            and first.end == m.end("dig") and second.end > m2.end("dig")):
        bare = float(_ungrouped(m2.group("dig")).replace(",", ""))
        if bare and low < bare:  # "1.5 to 2 million": the scale word belongs to both
            low, low_prec = low * high / bare, low_prec * high / bare
    if first.year_like and second.year_like:
        return None  # "2015-2018", "between 2015 and 2018": two years
    if not low < high:
        return "drop" if dash and currency is None else None
    if conn == "or" and high > 2 * low:
        return None
    d.low, d.high, d.value = low, high, (low + high) / 2
    d.precision = min(low_prec, second.precision)
    d.num_end = second.end
    return "range"


_FRACTION_OF = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6,
                "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_FRACTION_PRECISION = 5.0
"""A share told as a fraction ("a fifth of the town") is a round figure: within 2.5
points of its value either way ("a third" is 30.8 to 35.8 per cent)."""
_LEFT_OF_HALF = re.compile(r"(?:first|second|latter|former|other|the|its|their|his|her)\s+$",
                           re.IGNORECASE)


def _read_fraction(text: str, m: re.Match[str]) -> tuple[list[_Draft], int]:
    """ "a fifth of the town", "two-thirds of voters", "half of them": a share in per cent.
    "the first half of the year" is no share."""
    if m.group("fh"):
        if _left_search(_LEFT_OF_HALF, text, m.start()):
            return [], m.end()
        value = 50.0
    else:
        count = m.group("fn").lower()
        n = 1.0 if count in ("a", "an") else float(_ONES.index(count))
        value = 100.0 * n / _FRACTION_OF[m.group("fd").lower()]
    modifier, start = _modifier_before(text, m.start())
    if modifier == _BETWEEN:
        modifier, start = None, m.start()
    d = _Draft(start=start, end=m.end(), num_start=m.start(), num_end=m.end(), value=value,
               precision=_FRACTION_PRECISION, modifier=modifier)
    d.set_unit(lookup_unit("percent"), None)
    return [d], m.end()


def _read_vague(text: str, m: re.Match[str]) -> tuple[list[_Draft], int]:
    low, high = _vague(m)
    end = m.end()
    rng = _VAGUE_RANGE.match(text, end)
    if rng and m.group("vp") and not m.group("vq"):  # "tens to hundreds"
        m2 = _CORE.match(text, rng.end())
        if m2 and m2.group("vp") and not m2.group("vq"):
            low2, high2 = _vague(m2)
            if low2 > low:
                high, end = high2, m2.end()
    modifier, start = _modifier_before(text, m.start())
    if modifier == _BETWEEN:
        modifier, start = None, m.start()
    d = _Draft(start=start, end=end, num_start=m.start(), num_end=end, value=low,
               precision=low, low=low, high=high, modifier=modifier)
    return [d], end


