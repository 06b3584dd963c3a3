"""Durations told in parts ("2hr 4min 17sec", "2 hours, 4 minutes and 17 seconds") and race
times ("2:04:17"): one amount, in seconds."""

from __future__ import annotations

import re

from factcheck.models import Amount

from .modifiers import _modifier_before, bounds
from .tables import Found

_RACE_TIME = re.compile(r"(?<![\d:.])(\d{1,2}):([0-5]\d):([0-5]\d)(?:\.(\d{1,2}))?(?![\d:])")
"""A time taken, hours to seconds ("2:04:17", "2:16:45.5"); a clock time has no seconds
("at 10:45"), so it stays masked."""
_DURATION_JOIN = re.compile(r"\s*(?:,\s*|\s+and\s+|,\s+and\s+)?\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"week": 604800.0, "day": 86400.0, "hour": 3600.0, "minute": 60.0,
                 "second": 1.0}


def compound_durations(text: str, found: list[Found], offset: int) -> list[Found]:
    """One span for a time told in parts: "2hr 4min 17sec", "2 hours, 4 minutes and 17
    seconds" and race times "2:04:17" are one duration, in seconds.

    >>> from factcheck.quantities import find_amounts
    >>> [(f.amount.amount, f.amount.unit) for f in find_amounts("won in 2hr 4min 17sec")]
    [(7457.0, 'second')]
    >>> [f.amount.amount for f in find_amounts("a time of 2:16:45 in the race")]
    [8205.0]
    """
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        unit = f.amount.unit
        if (prev is not None and prev.amount.dimension == "duration" == f.amount.dimension
                and unit in _UNIT_SECONDS and _seconds_unit(prev) is not None
                and _UNIT_SECONDS[unit] < _seconds_unit(prev)
                and f.amount.exact and f.modifier is None
                and _DURATION_JOIN.fullmatch(text[prev.end - offset : f.start - offset])):
            total = _seconds(prev) + f.amount.amount * _UNIT_SECONDS[unit]
            out[-1] = _duration(prev.start, f.end, prev.number_start, f.number_end, total,
                                _UNIT_SECONDS[unit], prev.modifier)  # "under 2 hours 5 minutes"
            continue
        out.append(f)
    taken = [(f.start - offset, f.end - offset) for f in out]
    for m in _RACE_TIME.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        hours, minutes, seconds = (int(m.group(k)) for k in (1, 2, 3))
        fraction = float("0." + m.group(4)) if m.group(4) else 0.0
        total = hours * 3600 + minutes * 60 + seconds + fraction
        precision = 10.0 ** -len(m.group(4)) if m.group(4) else 1.0
        modifier, start = _modifier_before(text, m.start())  # "ran under 2:05:00"
        out.append(_duration(start + offset, m.end() + offset, m.start() + offset,
                             m.end() + offset, total, precision, modifier))
    return sorted(out, key=lambda f: f.start)


def _seconds_unit(f: Found) -> float | None:
    """The smallest unit a duration is told in, in seconds (a compound's precision)."""
    if f.unit_text == COMPOUND:
        return f.amount.precision
    return _UNIT_SECONDS.get(f.amount.unit or "")


def _seconds(f: Found) -> float:
    if f.unit_text == COMPOUND:
        return f.amount.amount
    return f.amount.amount * (_UNIT_SECONDS.get(f.amount.unit or "") or 1.0)


def _duration(start: int, end: int, num_start: int, num_end: int, seconds: float,
              precision: float, modifier: str | None) -> Found:
    amount = Amount(amount=seconds, unit="second", dimension="duration", scale=1.0,
                    base_unit="s", precision=precision, **bounds(seconds, modifier))
    return Found(start=start, end=end, number_start=num_start, number_end=num_end,
                 amount=amount, unit_text=COMPOUND, modifier=modifier, hyphenated=False,
                 is_year=False)


COMPOUND = "h:m:s"
"""The ``unit_text`` of a duration told in parts."""
