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

import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, NamedTuple

from text_to_num import text2num

from factcheck.models import Amount

if TYPE_CHECKING:
    from collections.abc import Iterable

    import pint

__all__ = [
    "Found",
    "UnitInfo",
    "compatible",
    "find_amounts",
    "format_amount",
    "lookup_unit",
    "parse_number",
]

MAX_DIGITS = 15
"""Longer digit runs are identifiers or noise, never amounts."""
NEARLY_FACTOR = 0.9
""""nearly 300" allows 270 up to (not including) 300."""
LEFT_WINDOW = 40
"""How many characters before a number are searched for its modifier."""


@dataclass(frozen=True)
class Found:
    """One numeric expression found in a text."""

    start: int
    """Start of the whole expression, modifier and unit included (plus ``offset``)."""
    end: int
    """End of the whole expression (plus ``offset``)."""
    number_start: int
    """Start of the numeric part only ("2.05 million", "twelve", "20 to 30")."""
    number_end: int
    """End of the numeric part."""
    amount: Amount
    """The normalised value: figure, interval, unit and precision."""
    unit_text: str | None
    """The unit as written ("kilogrammes", "km", "US$", "rupees", "page")."""
    modifier: str | None
    """Normalised approximator: "more than", "at least", "about", "nearly", "up to",
    "less than", "no more than" or "between"."""
    hyphenated: bool
    """The unit or noun is joined by a hyphen: "3-meter", "eight-year-old", "15-page"."""
    is_year: bool
    """A bare four-digit number from 1800 to 2100 that reads as a year."""


@dataclass(frozen=True)
class UnitInfo:
    """What a unit word means."""

    name: str
    """Canonical symbol: "kg", "lb", "km/h", "day", "USD", "%", "magnitude"."""
    dimension: str
    """"mass", "length", "speed", "duration", "area", "volume", "money", "percent",
    "percentage point", "ratio" or "magnitude"."""
    scale: float
    """Factor from this unit to ``base_unit``."""
    base_unit: str
    """The unit values are compared in: "kg", "m", "m/s", "s", "m²", "m³", or the
    currency code (currencies are not converted)."""


# --------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------


def _words(text: str) -> tuple[str, ...]:
    """A word list written as one string, for readability."""
    return tuple(text.split())


# canonical unit -> (dimension, pint expression)
_PHYSICAL: dict[str, tuple[str, str]] = {
    "kg": ("mass", "kilogram"),
    "g": ("mass", "gram"),
    "mg": ("mass", "milligram"),
    "t": ("mass", "tonne"),
    "lb": ("mass", "pound"),
    "oz": ("mass", "ounce"),
    "m": ("length", "meter"),
    "km": ("length", "kilometer"),
    "cm": ("length", "centimeter"),
    "mm": ("length", "millimeter"),
    "ft": ("length", "foot"),
    "in": ("length", "inch"),
    "yd": ("length", "yard"),
    "mi": ("length", "mile"),
    "nmi": ("length", "nautical_mile"),
    "km/h": ("speed", "kilometer / hour"),
    "mph": ("speed", "mile / hour"),
    "kn": ("speed", "knot"),
    "m/s": ("speed", "meter / second"),
    "second": ("duration", "second"),
    "minute": ("duration", "minute"),
    "hour": ("duration", "hour"),
    "day": ("duration", "day"),
    "week": ("duration", "week"),
    "fortnight": ("duration", "2 * week"),
    "month": ("duration", "month"),
    "year": ("duration", "year"),
    "decade": ("duration", "10 * year"),  # pint's "decade" is a logarithmic unit
    "century": ("duration", "100 * year"),
    "ha": ("area", "hectare"),
    "km²": ("area", "kilometer ** 2"),
    "m²": ("area", "meter ** 2"),
    "mi²": ("area", "mile ** 2"),
    "acre": ("area", "acre"),
    "L": ("volume", "liter"),
    "mL": ("volume", "milliliter"),
    "gal": ("volume", "gallon"),
    "bbl": ("volume", "oil_barrel"),
    "m³": ("volume", "meter ** 3"),
}

_MEASURES = frozenset(("duration", "length", "mass", "volume", "area", "speed"))
"""Physical dimensions: the ones pint converts, and that may be hyphenated ("3-meter")."""
_BASE_UNIT = {
    "mass": "kg",
    "length": "m",
    "speed": "m/s",
    "duration": "s",
    "area": "m²",
    "volume": "m³",
}

_TIME_WORDS = ("second", "minute", "hour", "day", "week", "fortnight", "month", "year",
               "decade", "century")

# surface (lower case) -> canonical unit; plurals and British spellings spelled out
_PHYSICAL_ALIASES: dict[str, str] = {}


def _alias(canonical: str, *surfaces: str) -> None:
    for surface in surfaces:
        _PHYSICAL_ALIASES[surface] = canonical


_alias("kg", "kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme", "kilogrammes")
_alias("g", "gram", "grams", "gramme", "grammes")
_alias("mg", "mg", "milligram", "milligrams", "milligramme", "milligrammes")
_alias("t", "tonne", "tonnes", "ton", "tons", "metric ton", "metric tons", "metric tonne",
       "metric tonnes")
_alias("lb", "lb", "lbs", "pound", "pounds")
_alias("oz", "oz", "ounce", "ounces")
_alias("m", "m", "metre", "metres", "meter", "meters")
_alias("km", "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers")
_alias("cm", "cm", "centimetre", "centimetres", "centimeter", "centimeters")
_alias("mm", "mm", "millimetre", "millimetres", "millimeter", "millimeters")
_alias("ft", "ft", "foot", "feet")
_alias("in", "inch", "inches")
_alias("yd", "yd", "yds", "yard", "yards")
_alias("mi", "mile", "miles")
_alias("nmi", "nautical mile", "nautical miles")
_alias("km/h", "kph", "km/h", "kmh", "kmph", "km/hr", "km per hour", "kilometres per hour",
       "kilometers per hour", "kilometre per hour", "kilometer per hour",
       "kilometres an hour", "kilometers an hour")
_alias("mph", "mph", "miles per hour", "mile per hour", "miles an hour")
_alias("kn", "knot", "knots")
_alias("m/s", "m/s", "metres per second", "meters per second", "metre per second",
       "meter per second")
_alias("second", "second", "seconds", "sec", "secs")
_alias("minute", "minute", "minutes", "min", "mins")
_alias("hour", "hour", "hours", "hr", "hrs")
_alias("day", "day", "days")
_alias("week", "week", "weeks")
_alias("fortnight", "fortnight", "fortnights")
_alias("month", "month", "months")
_alias("year", "year", "years", "yr", "yrs")
_alias("decade", "decade", "decades")
_alias("century", "century", "centuries")
_alias("ha", "ha", "hectare", "hectares")
_alias("km²", "km²", "km2", "sq km", "sq. km", "square km", "square kilometre",
       "square kilometres", "square kilometer", "square kilometers")
_alias("m²", "m²", "m2", "sq m", "square metre", "square metres", "square meter",
       "square meters")
_alias("mi²", "sq mi", "square mile", "square miles")
_alias("acre", "acre", "acres")
_alias("L", "litre", "litres", "liter", "liters")
_alias("mL", "ml", "millilitre", "millilitres", "milliliter", "milliliters")
_alias("gal", "gallon", "gallons")
_alias("bbl", "bbl", "barrel", "barrels")
_alias("m³", "m³", "m3", "cubic metre", "cubic metres", "cubic meter", "cubic meters")

# Symbols that are only units in one case: "g" (not "G", as in "5G"), "h".
_CASED_UNITS = {"g": "g", "h": "hour"}

# currency code -> suffix words (lower case), prefix symbols (exact case)
_CURRENCIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "USD": (("dollar", "dollars", "us dollar", "us dollars", "u.s. dollar", "u.s. dollars",
             "american dollars", "usd"), ("US$", "U.S.$", "$", "USD")),
    "HKD": (("hong kong dollar", "hong kong dollars", "hk dollars", "hkd"), ("HK$", "HKD")),
    "SGD": (("singapore dollar", "singapore dollars", "sgd"), ("S$", "SGD")),
    "AUD": (("australian dollar", "australian dollars", "aud"), ("A$", "AUD")),
    "CAD": (("canadian dollar", "canadian dollars", "cad"), ("C$", "CAD")),
    "CNY": (("yuan", "renminbi", "rmb", "cny"), ("RMB", "CNY")),
    "INR": (("rupee", "rupees", "indian rupees", "inr"), ("Rs.", "Rs", "Re.", "Re", "INR", "₹")),
    "PKR": (("pakistani rupees", "pkr"), ("PKR",)),
    "LKR": (("sri lankan rupees", "lkr"), ("LKR",)),
    "IDR": (("rupiah", "indonesian rupiah", "idr"), ("Rp.", "Rp", "IDR")),
    "MYR": (("ringgit", "myr"), ("RM", "MYR")),
    "EUR": (("euro", "euros", "eur"), ("€", "EUR")),
    "GBP": (("pounds sterling", "pound sterling", "gbp"), ("£", "GBP")),
    "JPY": (("yen", "jpy"), ("JPY",)),
}

_CURRENCY_WORDS = {w: code for code, (words, _) in _CURRENCIES.items() for w in words}
_CURRENCY_SYMBOLS = {s: code for code, (_, syms) in _CURRENCIES.items() for s in syms}

_PERCENT = UnitInfo("%", "percent", 1.0, "%")
_POINTS = UnitInfo("percentage point", "percentage point", 1.0, "percentage point")
_RATIO = UnitInfo("times", "ratio", 1.0, "times")
_MAGNITUDE = UnitInfo("magnitude", "magnitude", 1.0, "magnitude")
_OTHER_UNITS: dict[str, UnitInfo] = {
    "%": _PERCENT, "percent": _PERCENT, "per cent": _PERCENT, "pct": _PERCENT,
    "percentage point": _POINTS, "percentage points": _POINTS,
    "times": _RATIO,
}
_MAGNITUDE_WORDS = ("magnitude", "richter", "richter scale", "on the richter scale", "sr",
                    "mw")

# Approximators, as written -> normalised.
_MORE, _ATLEAST, _NEARLY, _ABOUT = "more than", "at least", "nearly", "about"
_UPTO, _LESS, _ATMOST, _BETWEEN = "up to", "less than", "no more than", "between"
_MODIFIERS: dict[str, str] = {
    "more than": _MORE, "over": _MORE, "above": _MORE, "in excess of": _MORE,
    "upwards of": _MORE, "upward of": _MORE, "greater than": _MORE, "just over": _MORE,
    "well over": _MORE, "well above": _MORE, "exceeding": _MORE,
    "at least": _ATLEAST, "no fewer than": _ATLEAST, "no less than": _ATLEAST,
    "not less than": _ATLEAST, "not fewer than": _ATLEAST, "a minimum of": _ATLEAST,
    "nearly": _NEARLY, "almost": _NEARLY, "just under": _NEARLY, "just shy of": _NEARLY,
    "just below": _NEARLY, "not quite": _NEARLY,
    "about": _ABOUT, "around": _ABOUT, "approximately": _ABOUT, "approx.": _ABOUT,
    "roughly": _ABOUT, "some": _ABOUT, "an estimated": _ABOUT, "circa": _ABOUT,
    "close to": _ABOUT, "closer to": _ABOUT, "in the region of": _ABOUT,
    "in the order of": _ABOUT, "an approximate": _ABOUT,
    "up to": _UPTO, "as high as": _UPTO, "as many as": _UPTO, "as much as": _UPTO,
    "as long as": _UPTO,
    "fewer than": _LESS, "less than": _LESS, "under": _LESS, "below": _LESS,
    "well under": _LESS, "well below": _LESS,
    "no more than": _ATMOST, "not more than": _ATMOST, "at most": _ATMOST,
    "at the most": _ATMOST, "a maximum of": _ATMOST,
    "between": _BETWEEN,
}
_POSTFIX = {"so": _ABOUT, "more": _ATLEAST, "over": _ATLEAST, "odd": _ABOUT,
            "plus": _ATLEAST, "+": _ATLEAST}

_ONES = _words("zero one two three four five six seven eight nine ten eleven twelve thirteen "
               "fourteen fifteen sixteen seventeen eighteen nineteen")
_TENS = _words("twenty thirty forty fifty sixty seventy eighty ninety")
_BIG = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_MULT = {"dozen": 12.0, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7}
_SCALE_SUFFIX = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6,
                 "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
                 "k": 1e3, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
                 "dozen": 12.0}
_MONEY_ONLY_SCALES = {"m", "b", "k"}  # "$5m" is money; "5m" alone is five metres

# vague plural -> (low, high)
_VAGUE = {"dozens": (24.0, 144.0), "scores": (40.0, 200.0), "tens": (20.0, 100.0),
          "hundreds": (100.0, 1e3), "thousands": (1e3, 1e4), "millions": (1e6, 1e7),
          "billions": (1e9, 1e10), "lakhs": (1e5, 1e7), "crores": (1e7, 1e9)}
_VAGUE_BASE = {"dozen": 12.0, "dozens": 12.0, "hundred": 100.0, "hundreds": 100.0,
               "thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6,
               "billion": 1e9, "billions": 1e9, "lakh": 1e5, "lakhs": 1e5,
               "crore": 1e7, "crores": 1e7, "tens": 10.0, "scores": 20.0}
_VAGUE_LABELS = {(24.0, 144.0): "dozens", (40.0, 200.0): "scores", (20.0, 100.0): "tens",
                 (100.0, 1e3): "hundreds", (1e3, 1e4): "thousands",
                 (1e4, 1e5): "tens of thousands", (1e5, 1e6): "hundreds of thousands",
                 (1e6, 1e7): "millions", (1e9, 1e10): "billions",
                 (200.0, 1e3): "several hundred", (2e3, 1e4): "several thousand",
                 (2e6, 1e7): "several million"}

# Nouns that make a four-digit number a count rather than a year ("2000 people").
_COUNT_NOUNS = frozenset(_words("""
    people persons men women children kids students residents protesters demonstrators
    marchers soldiers troops police policemen officers workers victims deaths dead
    casualties cases homes houses buildings families households passengers migrants
    refugees prisoners inmates votes voters jobs patients survivors participants
    employees members tourists villagers visitors delegates others more new tonnes
"""))

# Nouns a spelled-out number may be hyphenated to and still count ("three-member").
_HYPHEN_NOUNS = frozenset(_words("""
    page member strong storey story floor seat point man woman person judge nation country
    state party lane bed room car vehicle game match round stage phase part step star goal
    run set shot vote count hole bench
"""))
_HYPHEN_STOP = frozenset(_words("for to and or the of in on at by a an time"))

_ORDINALS = _words("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                   "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
                   "nineteenth twentieth thirtieth fortieth fiftieth sixtieth seventieth "
                   "eightieth ninetieth hundredth thousandth millionth billionth")
_FRACTIONS = _words("halves thirds quarters fourths fifths sixths sevenths eighths ninths "
                    "tenths hundredths thousandths")

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
           "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")

_LABELS = (
    "No|Nos|NO|Number|number|Section|Sections|section|sections|Sec|Article|Articles|article|"
    "articles|Art|Chapter|chapter|Clause|clause|Rule|rule|Para|Paragraph|paragraph|Room|"
    "room|Gate|Platform|Flight|flight|Route|Highway|Level|Grade|Category|Phase|Ward|Block|"
    "Runway|runway|Train|train|Bay|Lane|Road|Street|"
    "Sector|Vol|Volume|Page|page|Part|Act|Resolution|Amendment|Type|Model|Version|Channel|"
    "Terminal|Pier|Exit|Unit|Squad|Battalion|Brigade|Regiment|Corps|Fleet|Bus|Line|"
    "Boeing|Airbus|Embraer|Bombardier|Cessna|Tupolev|Ilyushin|Antonov|Sukhoi|Learjet|"
    "Gulfstream|iPhone|Galaxy|Windows|PlayStation|Xbox|Apollo|Soyuz|Falcon|Formula"
)


def _alternation(words: Iterable[str]) -> str:
    """Regex alternation of literal phrases, longest first, spaces as any whitespace."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


# --------------------------------------------------------------------------
# Regular expressions (compiled once)
# --------------------------------------------------------------------------

_D = "[0-9]"
_NUM_RE = (rf"{_D}{{1,3}}(?:,{_D}{{3}})+(?:\.{_D}+)?"  # 2,347 and 14,600.5
           rf"|{_D}{{1,2}}(?:,{_D}{{2}})+,{_D}{{3}}(?:\.{_D}+)?"  # 1,50,000 (South Asian)
           rf"|{_D}+(?:\.{_D}+)?|\.{_D}+")
_GLUED_PREFIX = r"Rs\.?|Re\.?|RM|Rp\.?|INR|USD|EUR|GBP|RMB|CNY|HKD|IDR|SGD|Mw|MW|M"
_TOK = (rf"(?:(?:{'|'.join(_TENS)})(?:-(?:{'|'.join(_ONES[1:10])}))?"
        rf"|{_alternation(_ONES)}|hundred|thousand|million|billion|trillion|dozen"
        r"|lakhs?|crores?)")
_SCALE_AHEAD = r"(?:hundred|thousand|million|billion|trillion|dozen|lakh|crore)\b"
_HALF_UNITS = ("mile|kilometre|kilometer|metre|meter|kilo|kilogram|kilogramme|pound|ton|tonne"
               "|litre|liter|gallon")
_TIME_AHEAD = rf"(?:{'|'.join(_TIME_WORDS)})\b"

_CORE = re.compile(
    rf"""
    (?P<vague>\b
        (?:(?P<vq>several|a\s+few|a\s+couple\s+of|many|some)\s+)?
        (?P<vp>dozens|scores(?=\s+of\b)
            |tens(?=\s+of\s+(?:thousands|millions|billions)\b|\s+(?:to|or)\s+(?:hundreds|thousands)\b)
            |hundreds|thousands|millions|billions|lakhs|crores)
        (?:\s+of\s+(?P<vp2>thousands|millions|billions|lakhs|crores))?\b
      | \b(?P<vq2>several|a\s+few|a\s+couple\s+of|many)\s+
        (?P<vs>dozen|hundred|thousand|million|billion|lakh|crore)
        (?:\s+(?P<vs2>thousand|million|billion))?\b
    )
    | (?P<half>\bhalf\s+an?)(?=\s+(?:{'|'.join(_TIME_WORDS)}|{_HALF_UNITS})\b)
    | (?P<words>\b
        (?:(?P<wa>half\s+an?|an?)[\s-]+(?={_SCALE_AHEAD}))?
        {_TOK}(?:(?:[\s-]+|\s+and\s+){_TOK}){{0,11}}\b
        (?!-(?:{'|'.join(_ORDINALS)}|{'|'.join(_FRACTIONS)})\b)
        (?![\s-]+(?:{'|'.join(_FRACTIONS)})\b)
    )
    | (?P<art>\ban?)(?=\s+{_TIME_AHEAD})
    | (?<![\w.,/])(?:(?P<gpre>(?-i:{_GLUED_PREFIX}))(?=[0-9]))?
      (?P<dig>{_NUM_RE})(?![0-9]|[.,][0-9])
    """,
    re.IGNORECASE | re.VERBOSE,
)

_MASK = re.compile(
    rf"""
      (?:https?://|www\.)\S+
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+
    | \b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|int|info|io|co|uk|in|cn|id|sg|hk|my|au)
      \b(?:/\S*)?
    | (?<!\w)[@#]\w+
    | \+{_D}[0-9\s().-]{{5,}}{_D}
    | \({_D}{{2,4}}\)\s?{_D}{{3,4}}[\s.-]?{_D}{{3,4}}
    | (?<![0-9,.]){_D}{{3}}[.-]{_D}{{3}}[.-]{_D}{{4}}(?![0-9])
    | (?<![0-9,.]){_D}{{3}}-{_D}{{4}}(?![0-9,])
    | (?<![0-9.,]){_D}{{1,2}}(?:[:.]{_D}{{2}})?\s?(?:[ap]\.\s?m\.|[ap]m\b)
    | (?<![0-9.,]){_D}{{1,2}}:{_D}{{2}}(?::{_D}{{2}})?(?![0-9])
    | (?<![0-9.,]){_D}{{1,2}}[.:]?{_D}{{2}}\s?
      (?-i:GMT|UTC|IST|WIB|WITA|WIT|HKT|BST|EST|EDT|PST|CET|hrs)\b
    | \b{_D}{{1,2}}\s+o['’]clock\b
    | (?<![0-9]){_D}+(?:\s?/\s?{_D}+)+
    | (?<![0-9.,]){_D}{{4}}-{_D}{{1,2}}-{_D}{{1,2}}(?![0-9])
    | (?<![0-9.,]){_D}{{1,2}}([./-]){_D}{{1,2}}\1{_D}{{2,4}}(?![0-9])
    | (?<![0-9.,]){_D}+(?:\.{_D}+){{2,}}
    | (?<![0-9])['’]?(?:{_D}{{2}})?{_D}0['’]?s\b
    | (?-i:\b(?!(?:Mid|Pre|Post|Early|Late|Over|Under|Top|Age|Ages)-)
           [A-Z][A-Za-z]*-{_D}+[A-Za-z0-9]*)
    | \bcovid-?19\b
    | (?-i:(?<=[0-9]\s)[A-Z][A-Za-z]{{1,5}}\s{_D}{{1,2}}\b)
    | (?-i:\bM{_D}+\b(?![.,]{_D}))
    | (?-i:\b[A-Z]{{2}}[\s-]?{_D}{{3,4}}\b(?![.,]{_D}))
    | (?-i:\b(?:{_MONTHS})\b\.?\s+{_D}{{1,2}}(?:st|nd|rd|th)?(?![0-9]|[.,]{_D}|\s*%))
    | (?-i:\b{_D}{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b)
    | (?-i:\b(?:{_LABELS})\b\.?\s?\#?\s?{_D}+(?:[.,]{_D}+)*[A-Za-z]?(?:-[A-Z0-9]+)?
           (?:\s?(?:,|and|&|or)\s?{_D}+[A-Za-z]?(?:-[A-Z])?)*)
    """,
    re.IGNORECASE | re.VERBOSE,
)
_WORD_MASK = re.compile(
    r"""
      \bzero[\s-]+(?:tolerance|sum|hour|day|waste|emissions?|carbon|gravity|rated)\b
    | \b(?:ground|patient)\s+zero\b
    | \bno[\s-]+one\b | \bone\s+(?:or\s+)?another\b | \bone\s+by\s+one\b
    | \bon\s+the\s+one\s+hand\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
_HAS_DIGIT = re.compile("[0-9]")

_MOD_BEFORE = re.compile(rf"(?<![\w.])(?P<mod>{_alternation(_MODIFIERS)})\s+$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"(?<!\w)from\s+$", re.IGNORECASE)
_ART_CONTEXT = re.compile(r"(?<!\w)(?:for|within|lasting|spanning)\s+$", re.IGNORECASE)
_ART_AFTER = re.compile(r"\s*(?:\w+\s+)?(?:later|after|before|earlier|ago)\b", re.IGNORECASE)
_CUR_BEFORE = re.compile(
    rf"(?<![\w$])(?P<cur>{_alternation(_CURRENCY_SYMBOLS)})\s?$")
_MAG_BEFORE = re.compile(
    r"(?<!\w)(?P<mag>(?:Richter\s+)?magnitude(?:\s+of)?|(?-i:Mw?))[\s-]*$", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"(?<!\w)(?P<aged>aged|age)\s+$", re.IGNORECASE)

_HALF_AFTER = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)
_SCALE_AFTER = re.compile(
    r"(?P<sp>\s*)(?P<sc>million|billion|trillion|thousand|hundred|lakhs?|crores?|dozen"
    r"|mn|bn|tn|m|b|k)(?![\w])",
    re.IGNORECASE,
)
_POSTFIX_AFTER = re.compile(
    r"(?:\s+or\s+(?P<p1>so|more|over)\b|-(?P<p2>odd|plus)\b|(?P<p3>\+)(?![\w+]))",
    re.IGNORECASE,
)
_AGE_AFTER = re.compile(
    r"(?P<hy>-|\s+)(?P<u>year|month|week|day)s?(?:-|\s+)old\b"
    r"|(?P<hy2>\s+)(?P<u2>year|month)s?\s+of\s+age\b",
    re.IGNORECASE,
)
_MAG_AFTER = re.compile(
    r"(?P<hy>-|\s+)(?P<u>magnitude|Richter(?:\s+scale)?)\b"
    r"|\s+(?P<u2>on\s+the\s+Richter\s+scale)\b|\s?(?P<u3>(?-i:SR))\b",
    re.IGNORECASE,
)
_RANGE_AFTER = re.compile(
    rf"(?P<conn>\s*[-–—]\s*|\s+(?:to|and|or)\s+)(?:(?P<cur>{_alternation(_CURRENCY_SYMBOLS)})\s?)?",
    re.IGNORECASE,
)
_UNIT_AFTER = re.compile(
    rf"(?P<hy>-|\s*)(?P<u>{_alternation([*_PHYSICAL_ALIASES, *_CURRENCY_WORDS, *_OTHER_UNITS])}"
    rf"|(?-i:{'|'.join(_CASED_UNITS)}))(?![\w])",
    re.IGNORECASE,
)
_VAGUE_RANGE = re.compile(r"\s+(?:to|or)\s+", re.IGNORECASE)
_FOLD_AFTER = re.compile(r"-?fold\b", re.IGNORECASE)
_STRONG_AFTER = re.compile(r"-strong\b", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"-(?P<noun>[a-z]{2,})\b(?!-)")
_NEXT_WORD = re.compile(r"\s+(?P<w>[A-Za-z]+)")
_WORD_TOKENS = re.compile(r"[A-Za-z]+")


# --------------------------------------------------------------------------
# Units
# --------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _registry() -> pint.UnitRegistry:
    """The pint registry, built on first use (importing pint costs ~0.3 s)."""
    import pint

    return pint.UnitRegistry()


@cache
def _pint_factor(expression: str, target: str | None = None) -> float | None:
    """How many base units (or ``target`` units) one ``expression`` is."""
    try:
        quantity = _registry().parse_expression(expression)
        quantity = quantity.to(target) if target else quantity.to_base_units()
        return float(quantity.magnitude)
    except Exception:  # a pint failure must not break extraction: the unit is unknown
        return None


@lru_cache(maxsize=2048)
def lookup_unit(word: str) -> UnitInfo | None:
    """What a unit word means, or None when it is not a unit this module knows.

    >>> lookup_unit("kilogrammes")
    UnitInfo(name='kg', dimension='mass', scale=1.0, base_unit='kg')
    >>> round(lookup_unit("pounds").scale, 5), lookup_unit("pounds").dimension
    (0.45359, 'mass')
    >>> lookup_unit("US$").base_unit, lookup_unit("pounds sterling").name
    ('USD', 'GBP')
    >>> lookup_unit("per cent").dimension, lookup_unit("people")
    ('percent', None)
    """
    if not isinstance(word, str):
        return None
    raw = " ".join(word.split())
    if raw in _CURRENCY_SYMBOLS:
        code = _CURRENCY_SYMBOLS[raw]
        return UnitInfo(code, "money", 1.0, code)
    if raw in _CASED_UNITS:
        return _physical(_CASED_UNITS[raw])
    key = raw.lower()
    if key in _CURRENCY_WORDS:
        code = _CURRENCY_WORDS[key]
        return UnitInfo(code, "money", 1.0, code)
    if key in _OTHER_UNITS:
        return _OTHER_UNITS[key]
    if key in _MAGNITUDE_WORDS:
        return _MAGNITUDE
    if key == "fold":
        return _RATIO
    canonical = _PHYSICAL_ALIASES.get(key) or _PHYSICAL_ALIASES.get(key.rstrip("."))
    if canonical is None and key.upper() in _CURRENCIES:
        return UnitInfo(key.upper(), "money", 1.0, key.upper())
    return _physical(canonical) if canonical else None


def _physical(canonical: str) -> UnitInfo | None:
    dimension, expression = _PHYSICAL[canonical]
    scale = _pint_factor(expression)
    if scale is None:
        return None
    return UnitInfo(canonical, dimension, scale, _BASE_UNIT[dimension])


def _age_scale(unit: str) -> float:
    """Years per ``unit`` (ages compare in years)."""
    if unit == "year":
        return 1.0
    return _pint_factor(_PHYSICAL[unit][1], "year") or 1.0


# --------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------


class _Num(NamedTuple):
    start: int  # numeric part incl. a glued prefix ("Rs100", "M7.5")
    num_start: int
    end: int  # after the scale word or "and a half"
    value: float
    precision: float
    year_like: bool  # four plain digits


def _int_precision(value: float) -> float:
    """1 below 1000; else 10 ** (trailing zeros): 36,000 -> 1000, 2,347 -> 1."""
    if value < 1000:
        return 1.0
    n = int(value)
    zeros = 0
    while n and n % 10 == 0 and zeros < MAX_DIGITS:
        n //= 10
        zeros += 1
    return 10.0**zeros


def _scaled_precision(mantissa: float, mantissa_precision: float | None, scale: float) -> float:
    """Resolution of "2.05 million" (10000) or "a million" (100000)."""
    if mantissa_precision is None:  # a whole mantissa: "2 million", "20 million"
        mantissa_precision = 0.1 if mantissa < 10 else 1.0
    return mantissa_precision * scale


def _words_value(phrase: str) -> tuple[float, float] | None:
    """Value and precision of a spelled-out number, or None."""
    tokens = phrase.lower().replace("-", " ").split()
    factor = 1.0
    article = False
    if len(tokens) > 1 and tokens[0] == "half" and tokens[1] in ("a", "an"):
        factor, tokens, article = 0.5, tokens[2:], True
    elif tokens and tokens[0] in ("a", "an"):
        tokens, article = ["one", *tokens[1:]], True
    if not tokens or ((tokens[0] in _BIG or tokens[0] in _MULT) and not article):
        return None
    mult = 1.0
    last = tokens[-1]
    if last in _MULT:
        mult = _MULT[tokens.pop()]
        if not tokens:
            return None
    try:
        base = float(text2num(" ".join(tokens), "en"))
    except ValueError:
        return None
    value = base * mult * factor
    scale = mult if last in ("lakh", "lakhs", "crore", "crores") else _BIG.get(last, 0.0)
    if scale >= 1e5 and value:
        mantissa = value / scale
        whole = float(mantissa).is_integer()
        return value, _scaled_precision(mantissa, None if whole else 0.1, scale)
    return value, _int_precision(value) if value.is_integer() else 0.5


def _read_words(text: str, start: int, end: int) -> tuple[int, float, float] | None:
    """The longest prefix of ``text[start:end]`` that reads as a number."""
    value = _words_value(text[start:end])
    if value is not None:
        return end, *value
    ends = [t.end() for t in _WORD_TOKENS.finditer(text, start, end)
            if t.group().lower() != "and"]
    for stop in reversed(ends[:-1]):
        value = _words_value(text[start:stop])
        if value is not None:
            return stop, *value
    return None


def _read_number(text: str, m: re.Match[str], *, money: bool) -> _Num | None:
    """Read the digits or words matched by ``_CORE``, plus "and a half" and a scale word."""
    digits = m.group("dig")
    if m.group("half") is not None:
        return _Num(m.start(), m.start(), m.end(), 0.5, 0.5, False)
    if digits is not None:
        if len(digits.replace(",", "").replace(".", "")) > MAX_DIGITS:
            return None
        start, num_start, end = m.start(), m.start("dig"), m.end("dig")
        mantissa = float(digits.replace(",", ""))
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        mprec: float | None = 10.0**-decimals if decimals else None
    else:
        read = _read_words(text, m.start("words"), m.end("words"))
        if read is None:
            return None
        end, mantissa, words_prec = read
        start = num_start = m.start("words")
        last = text[start:end].replace("-", " ").split()[-1].lower()
        if last in _BIG or last in _MULT or not mantissa.is_integer():
            return _Num(start, num_start, end, mantissa, words_prec, False)
        mprec = None
    half = _HALF_AFTER.match(text, end)
    if half:
        mantissa, mprec, end = mantissa + 0.5, 0.5, half.end()
    scale_m = _SCALE_AFTER.match(text, end)
    if scale_m:
        word = scale_m.group("sc").lower()
        if word in _MONEY_ONLY_SCALES:
            allowed = money and not scale_m.group("sp")  # "$5m", "$5bn", "Rs5k"
        elif word in ("mn", "bn", "tn"):
            allowed = True
        else:  # number words carry their own: "one and a half million" only
            allowed = digits is not None or half is not None
        if allowed:
            scale = _SCALE_SUFFIX[word]
            value = mantissa * scale
            if word == "dozen" or scale < 1e3:
                precision = _int_precision(value) if value.is_integer() else scale / 2
            elif half is not None:
                precision = scale / 10
            else:
                precision = _scaled_precision(mantissa, mprec, scale)
            return _Num(start, num_start, scale_m.end(), value, precision, False)
    if mprec is None:
        mprec = _int_precision(mantissa)
    year_like = digits is not None and half is None and len(digits) == 4 and digits.isdigit()
    return _Num(start, num_start, end, mantissa, mprec, year_like)


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or words, or None.

    >>> parse_number("nine"), parse_number("2,347"), parse_number("2.5 million")
    (9.0, 2347.0, 2500000.0)
    >>> parse_number("a dozen"), parse_number("twenty-one"), parse_number("four and a half")
    (12.0, 21.0, 4.5)
    >>> parse_number("1 lakh"), parse_number("2 crore"), parse_number("half a million")
    (100000.0, 20000000.0, 500000.0)
    >>> parse_number("hundreds") is None, parse_number("first") is None
    (True, True)
    """
    if not isinstance(text, str):
        return None
    s = text.strip()
    m = _CORE.match(s)
    if not m or (m.group("dig") is None and m.group("words") is None) or m.group("gpre"):
        return None
    num = _read_number(s, m, money=False)
    if num is None or num.end != len(s):
        return None
    return num.value


# --------------------------------------------------------------------------
# The finder
# --------------------------------------------------------------------------


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
    base_unit: str | None = None
    hyphenated: bool = False
    is_year: bool = False

    def set_unit(self, info: UnitInfo, unit_text: str | None) -> None:
        self.unit, self.unit_text = info, unit_text
        self.dimension, self.unit_name = info.dimension, info.name
        self.scale, self.base_unit = info.scale, info.base_unit

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
        low_open = mod == _MORE and low is not None
        high_open = mod in (_LESS, _NEARLY) and high is not None
        amount = Amount(amount=v, unit=self.unit_name, dimension=self.dimension, low=low,
                        high=high, low_open=low_open, high_open=high_open, approx=approx,
                        scale=self.scale, base_unit=self.base_unit, precision=self.precision)
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


def _left_search(pattern: re.Pattern[str], text: str, end: int) -> re.Match[str] | None:
    return pattern.search(text, max(0, end - LEFT_WINDOW), end)


def _modifier_before(text: str, end: int) -> tuple[str | None, int]:
    """The normalised approximator ending at ``end`` and where it starts."""
    mod = _left_search(_MOD_BEFORE, text, end)
    if mod is None:
        return None, end
    return _MODIFIERS[" ".join(mod.group("mod").lower().split())], mod.start()


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
    return found


def _read_expression(
    text: str, m: re.Match[str], masks: list[tuple[int, int]]
) -> tuple[list[_Draft], int]:
    """Read the expression around the core match ``m``: (drafts, where to go on)."""
    if m.group("vague") is not None:
        return _read_vague(text, m)
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
    unit = None if currency is not None else _UNIT_AFTER.match(text, pos)
    info = lookup_unit(unit.group("u")) if unit else None
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


def _is_year(text: str, num: _Num, d: _Draft) -> bool:
    """A bare four-digit number that reads as a year ("in 1997", "the 2003 protest")."""
    if not (num.year_like and 1800 <= d.value <= 2100 and d.end == num.end):
        return False
    if d.modifier is not None or d.unit is not None or d.unit_text is not None:
        return False
    nxt = _NEXT_WORD.match(text, d.end)
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
        bare = float(m2.group("dig").replace(",", ""))
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


# --------------------------------------------------------------------------
# Comparing and formatting
# --------------------------------------------------------------------------


def compatible(a: Amount, b: Amount) -> bool:
    """True when both statements can be true of one value.

    Same dimension (and currency), and the base intervals overlap.

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
