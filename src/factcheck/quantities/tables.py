"""The records a scan returns, and the word tables it reads: number words, modifiers,
scales, vague amounts, unit and currency names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.models import Amount

if TYPE_CHECKING:
    from collections.abc import Iterable


MAX_DIGITS = 15
"""Longer digit runs are identifiers or noise, never amounts."""
NEARLY_FACTOR = 0.95
""""nearly 300" allows 285 up to (not including) 300: "almost 200" is not "about 180"."""
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
    """The unit values are compared in: "kg", "m", "m/s", "s", "m²", "m³", "°C", or the
    currency code (currencies are not converted)."""
    offset: float = 0.0
    """Added before ``scale`` where the unit's zero differs from the base unit's (°F)."""


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
    "W": ("power", "watt"),
    "kW": ("power", "kilowatt"),
    "MW": ("power", "megawatt"),
    "GW": ("power", "gigawatt"),
    "kWh": ("energy", "kilowatt_hour"),
    "MWh": ("energy", "megawatt_hour"),
    "GWh": ("energy", "gigawatt_hour"),
    "TWh": ("energy", "terawatt_hour"),
}

_MEASURES = frozenset(("duration", "length", "mass", "volume", "area", "speed", "power",
                       "energy"))
"""Physical dimensions: the ones pint converts, and that may be hyphenated ("3-meter")."""
_BASE_UNIT = {
    "mass": "kg",
    "length": "m",
    "speed": "m/s",
    "duration": "s",
    "area": "m²",
    "volume": "m³",
    "power": "W",
    "energy": "J",
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
_alias("W", "watt", "watts")
_alias("kW", "kw", "kilowatt", "kilowatts")
_alias("MW", "megawatt", "megawatts")
_alias("GW", "gw", "gigawatt", "gigawatts")
_alias("kWh", "kwh", "kilowatt hour", "kilowatt hours")
_alias("MWh", "mwh", "megawatt hour", "megawatt hours")
_alias("GWh", "gwh", "gigawatt hour", "gigawatt hours")
_alias("TWh", "twh", "terawatt hour", "terawatt hours")
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
_CASED_UNITS = {"g": "g", "h": "hour", "MW": "MW"}  # "Mw" is a quake's moment magnitude

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

_MORE_SYMBOLS = {"₩": "KRW", "₦": "NGN", "₺": "TRY", "₽": "RUB", "₱": "PHP", "R$": "BRL",
                 "KSh": "KES", "Ksh": "KES", "NZ$": "NZD", "CHF": "CHF", "KRW": "KRW",
                 "NGN": "NGN", "ZAR": "ZAR", "KES": "KES"}
_BARE_STOP = frozenset("mark sum sol som oro silver platinum palladium account omani fomento "
                       "previsional uruguayo mvdol involved purposes".split())
"""Last words of ISO 4217 names that are English words or no currency alone."""


def _iso_currency_words() -> dict[str, str]:
    """Currency names from the ISO 4217 list (pycountry): "kenyan shilling(s)", "turkish
    lira", "swiss franc(s)", and a last word alone where only one currency has it and it is
    no English word ("naira", "rand", "baht", "zloty"); "won" is South Korea's."""
    import pycountry

    words: dict[str, str] = {}
    last: dict[str, set[str]] = {}
    for currency in pycountry.currencies:
        name = currency.name.lower()
        if not all(w.isalpha() for w in name.split()):
            continue
        for form in (name, name + "s"):
            words.setdefault(form, currency.alpha_3)
        last.setdefault(name.split()[-1], set()).add(currency.alpha_3)
    for word, codes in last.items():
        if len(codes) == 1 and word not in _BARE_STOP:
            words.setdefault(word, next(iter(codes)))
            words.setdefault(word + "s", next(iter(codes)))
    words["won"] = "KRW"
    return words


_CURRENCY_WORDS = {w: code for code, (words, _) in _CURRENCIES.items() for w in words}
for _word, _code in _iso_currency_words().items():
    _CURRENCY_WORDS.setdefault(_word, _code)
_CURRENCY_SYMBOLS = {s: code for code, (_, syms) in _CURRENCIES.items() for s in syms}
for _symbol, _code in _MORE_SYMBOLS.items():
    _CURRENCY_SYMBOLS.setdefault(_symbol, _code)

_PERCENT = UnitInfo("%", "percent", 1.0, "%")
_POINTS = UnitInfo("percentage point", "percentage point", 1.0, "percentage point")
_RATIO = UnitInfo("times", "ratio", 1.0, "times")
_MAGNITUDE = UnitInfo("magnitude", "magnitude", 1.0, "magnitude")
_CELSIUS = UnitInfo("°C", "temperature", 1.0, "°C")
_FAHRENHEIT = UnitInfo("°F", "temperature", 5 / 9, "°C", offset=-32.0)
_TEMPERATURES = {"c": _CELSIUS, "celsius": _CELSIUS, "centigrade": _CELSIUS,
                 "f": _FAHRENHEIT, "fahrenheit": _FAHRENHEIT}
"""Temperature scales by the letter or word that names them (pint's offset units are not
multiplicative, so the two affine maps are written out)."""
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
    "well under": _LESS, "well below": _LESS, "sub": _LESS,
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


def _alternation(words: Iterable[str], *, hyphens: bool = False) -> str:
    """Regex alternation of literal phrases, longest first, spaces as any whitespace (or,
    with ``hyphens``, a hyphen: "a 1,200-square-kilometre reservoir")."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    gap = r"(?:\s+|-)" if hyphens else r"\s+"
    return "|".join(re.escape(w).replace(r"\ ", gap) for w in ordered)


