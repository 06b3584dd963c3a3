"""Comparing two amounts and writing one for a reader."""

from __future__ import annotations

import math

from factcheck.models import Amount

from .tables import _TIME_WORDS, _VAGUE_LABELS, NEARLY_FACTOR


def compatible(a: Amount, b: Amount) -> bool:
    """True when both statements can be true of one value.

    Same dimension (and currency), and the base intervals overlap.

    >>> from factcheck.quantities import find_amounts
    >>> kg = find_amounts("20 kg")[0].amount
    >>> lb = find_amounts("44.1 pounds")[0].amount
    >>> compatible(kg, lb)
    True
    >>> compatible(Amount(1030000, precision=10000), Amount(1300000, precision=100000))
    False
    """
    if a.dimension != b.dimension:
        return False
    if a.base_unit and b.base_unit and a.base_unit != b.base_unit:
        return False
    lo1, hi1 = a.base_interval()
    lo2, hi2 = b.base_interval()
    if any(math.isnan(x) for x in (lo1, hi1, lo2, hi2)):
        return False
    if lo1 == hi1 or lo2 == hi2:  # a point: touching counts
        return lo1 <= hi2 and lo2 <= hi1
    return lo1 < hi2 and lo2 < hi1


def _fmt_number(x: float) -> str:
    if math.isinf(x) or math.isnan(x):
        return str(x)
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(x) >= scale:
            mantissa = x / scale
            if abs(mantissa * 1000 - round(mantissa * 1000)) < 1e-6:
                return f"{round(mantissa, 3):g} {word}"
            break
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.6f}".rstrip("0").rstrip(".")


_PREFIX_DIMENSIONS = ("money", "magnitude")


def _fmt_value(a: Amount, x: float, *, with_unit: bool = True) -> str:
    n = _fmt_number(x)
    if not with_unit or a.unit is None or a.dimension == "count":
        return n
    if a.dimension == "money":
        return f"{a.unit} {n}"
    if a.dimension == "magnitude":
        return f"magnitude {n}"
    if a.dimension == "percent":
        return f"{n}%"
    if a.dimension == "ratio":
        return f"{n} times"
    if a.unit == "second" and 3600 <= x < 86400 and float(x).is_integer():
        hours, rest = divmod(int(x), 3600)  # "2:04:17": a time told in parts
        return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
    plural = "" if x == 1 else ("ies" if a.unit == "century" else "s")
    if a.dimension == "age":
        return f"{n} {a.unit}{plural} old"
    if a.unit in _TIME_WORDS:
        word = a.unit[:-1] if plural == "ies" else a.unit
        return f"{n} {word}{plural}"
    if a.dimension == "percentage point":
        return f"{n} percentage point{plural}"
    return f"{n} {a.unit}"


def format_amount(a: Amount) -> str:
    """A short reading of an amount, for reports.

    >>> from factcheck.quantities import find_amounts
    >>> format_amount(find_amounts("20 kilogrammes")[0].amount)
    '20 kg'
    >>> [format_amount(f.amount) for f in find_amounts(
    ...     "more than 100, 2.05 million, between 20 and 30, about 60, six meters")]
    ['more than 100', '2.05 million', 'between 20 and 30', 'about 60', '6 m']
    """
    label = _VAGUE_LABELS.get((a.low, a.high)) if a.low is not None else None
    if label and not a.low_open and not a.high_open:
        unit = _fmt_value(a, 0).split(" ", 1)
        return label if a.dimension == "count" or len(unit) < 2 else f"{label} ({a.unit})"
    if a.low is not None and a.high is not None:
        if (a.high_open and not a.low_open and a.amount == a.high
                and math.isclose(a.low, NEARLY_FACTOR * a.high)):
            return f"nearly {_fmt_value(a, a.high)}"
        prefix_unit = a.dimension in _PREFIX_DIMENSIONS
        low = _fmt_value(a, a.low, with_unit=prefix_unit)
        text = f"between {low} and {_fmt_value(a, a.high)}"
        return f"about {text}" if a.approx else text
    if a.low is not None:
        return f"{'more than' if a.low_open else 'at least'} {_fmt_value(a, a.low)}"
    if a.high is not None:
        return f"{'less than' if a.high_open else 'no more than'} {_fmt_value(a, a.high)}"
    if a.approx:
        return f"about {_fmt_value(a, a.amount)}"
    return _fmt_value(a, a.amount)
