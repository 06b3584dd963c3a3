"""Find and normalise the numeric expressions of English news text.

This module works on plain strings, one sentence at a time, and returns exact
character spans: it knows numbers, approximations, ranges and units, not what
an amount is about (the spaCy-based extractor decides that).

>>> [f.amount.amount for f in find_amounts("Nine people got more than 12.5 kg.")]
[9.0, 12.5]

Design notes:

* Number words are read with ``text2num`` (the ``text2num`` package): it
  parses an already delimited span and raises on nonsense, so this module
  finds the span with its own regular expression and keeps exact offsets.
  A thin wrapper adds what it lacks: "a dozen", "half a million", "and a
  half", "lakh" and "crore".
* Units are converted with ``pint``, imported lazily and cached the first time
  a physical unit is met, so importing this module stays cheap. Currencies are
  a small table (pint has none) and are never converted.
* Strings that look numeric but are not amounts are masked before the scan:
  URLs, e-mail addresses, phone numbers, clock times, dates ("Nov. 7", "24/7",
  "2018/8/29", "the 1990s"), codes ("G20", "COVID-19", "F-16"), labelled
  numbers ("No. 10", "Boeing 737", "Section 302": section numbers are never
  returned) and ordinals ("10th", "first").
"""

from __future__ import annotations

from .numbers import parse_number
from .scan import find_amounts
from .tables import Found, UnitInfo
from .units import lookup_unit
from .values import compatible, format_amount

__all__ = [
    "Found",
    "UnitInfo",
    "compatible",
    "find_amounts",
    "format_amount",
    "lookup_unit",
    "parse_number",
]
