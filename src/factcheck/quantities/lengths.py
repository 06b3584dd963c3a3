"""Heights told in feet and inches ("6ft 5in", "6 feet 5 inches", "6-foot-5", "6′4″"): one
length, in inches."""

from __future__ import annotations

import re

from factcheck.models import Amount

from .modifiers import _modifier_before, bounds
from .tables import Found
from .units import lookup_unit

_JOIN = re.compile(r"\s*(?:,\s*|\s+and\s+)?\s*$", re.IGNORECASE)
_HYPHEN = re.compile(r"-$")
_INCHES_AFTER = re.compile(r" ?(\d{1,2}) ?ins?\b")
"""Inches written short right after feet: "6ft 5in" (the scan reads no "5in" alone)."""
_PRIMES = re.compile(r"(?<![\d.])(\d{1,2})\s?(?:′|')\s?(\d{1,2}(?:\.\d)?)\s?(?:″|\"|''|”)")
"""Feet and inches in prime marks: "6′4″", "5' 11\""."""
FEET_INCHES = "ft-in"
"""The ``unit_text`` of a length told in feet and inches."""
MAX_INCHES = 11.5


def compound_lengths(text: str, found: list[Found], offset: int) -> list[Found]:
    """One span for feet and inches.

    >>> from factcheck.quantities import find_amounts
    >>> [(f.amount.amount, f.amount.unit) for f in find_amounts("the 6ft 3in forward")]
    [(75.0, 'in')]
    >>> [f.amount.amount for f in find_amounts("a 5-foot-9 guard")]
    [69.0]
    >>> [f.amount.amount for f in find_amounts("the 6′ 1″ 180-pound keeper")][:1]
    [73.0]
    """
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if prev is not None and prev.amount.unit == "ft" and prev.amount.exact \
                and _inches(f) is not None and f.modifier is None:
            between = text[prev.end - offset : f.start - offset]
            counted = f.amount.unit is None and f.amount.dimension == "count"
            if (f.amount.unit == "in" and _JOIN.fullmatch(between)) or (
                    counted and _HYPHEN.fullmatch(between)):
                inches = prev.amount.amount * 12 + f.amount.amount
                out[-1] = _length(prev.start, f.end, prev.number_start, f.number_end, inches,
                                  prev.modifier, True)
                continue
        short = _INCHES_AFTER.match(text, f.end - offset) if f.amount.unit == "ft" else None
        if short is not None and f.amount.exact and int(short.group(1)) <= MAX_INCHES:
            f = _length(f.start, short.end() + offset, f.number_start, short.end(1) + offset,
                        f.amount.amount * 12 + int(short.group(1)), f.modifier, True)
        out.append(f)
    for m in _PRIMES.finditer(text):
        inches = float(m.group(2))
        if inches > MAX_INCHES:
            continue
        out = [f for f in out if not (f.start - offset < m.end() and m.start() < f.end - offset)]
        modifier, start = _modifier_before(text, m.start())
        out.append(_length(start + offset, m.end() + offset, m.start() + offset,
                           m.end() + offset, int(m.group(1)) * 12 + inches, modifier, True))
    return sorted(out, key=lambda f: f.start)


def _inches(f: Found) -> float | None:
    """A figure that may be the inches after a figure in feet: 0 to 11."""
    if f.amount.unit not in ("in", None) or not f.amount.exact:
        return None
    return f.amount.amount if 0 <= f.amount.amount <= MAX_INCHES else None


def _length(start: int, end: int, num_start: int, num_end: int, inches: float,
            modifier: str | None, hyphenated: bool) -> Found:
    """A length in inches; ``hyphenated`` marks it as one word before its noun ("the 6ft 5in
    Jamaican" sizes the Jamaican), as feet and inches nearly always are."""
    unit = lookup_unit("inch")
    amount = Amount(amount=inches, unit=unit.name, dimension=unit.dimension, scale=unit.scale,
                    base_unit=unit.base_unit, precision=1.0, **bounds(inches, modifier))
    return Found(start=start, end=end, number_start=num_start, number_end=num_end,
                 amount=amount, unit_text=FEET_INCHES, modifier=modifier,
                 hyphenated=hyphenated, is_year=False)
