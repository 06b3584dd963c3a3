"""Units: words to canonical units, and pint for the factors between them (imported lazily)."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:

    import pint
from .tables import (
    _BASE_UNIT,
    _CASED_UNITS,
    _CURRENCIES,
    _CURRENCY_SYMBOLS,
    _CURRENCY_WORDS,
    _MAGNITUDE,
    _MAGNITUDE_WORDS,
    _OTHER_UNITS,
    _PHYSICAL,
    _PHYSICAL_ALIASES,
    _RATIO,
    UnitInfo,
)


@lru_cache(maxsize=1)
def _registry() -> pint.UnitRegistry:
    """The pint registry, built on first use (importing pint costs ~0.3 s); pint keeps its
    parsed definitions in the user's cache folder, so later processes build it in ~0.03 s
    instead of ~0.2 s (each parsing worker builds its own)."""
    import pint

    try:
        return pint.UnitRegistry(cache_folder=":auto:")
    except Exception:  # an unwritable cache folder: build it from the definitions
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
    UnitInfo(name='kg', dimension='mass', scale=1.0, base_unit='kg', offset=0.0)
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
    raw = raw.replace("-", " ")  # "square-kilometre", "kilowatt-hour"
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


