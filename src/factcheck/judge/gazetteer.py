"""Known countries and their subdivisions (pycountry): names that are two places however
alike they are spelt ("Austria" and "Australia", "Gambia" and "Zambia")."""

from __future__ import annotations

import re
from functools import cache

from ..spelling import fold


@cache
def _index() -> dict[str, str]:
    """Every folded name of a country or subdivision (official, common, the part before
    a comma, the codes of a country), mapped to its ISO code."""
    import pycountry

    names: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        names.setdefault(_plain(sub.name), sub.code)
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names[_plain(value)] = country.alpha_2
                names[_plain(value.split(",")[0])] = country.alpha_2
        names[_plain(country.alpha_3)] = country.alpha_2
    return names


@cache
def _codes() -> dict[str, str]:
    import pycountry

    return {c.alpha_2.lower(): c.alpha_2 for c in pycountry.countries}


def _plain(name: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(name)))


def known_place(name: str) -> str | None:
    """The ISO code of the country or subdivision so named (a code written in capitals
    counts: "U.S."), else None.

    >>> known_place("Slovenia"), known_place("Slovenija"), known_place("U.S.")
    ('SI', None, 'US')
    """
    plain = _plain(name)
    found = _index().get(plain)
    letters = name.replace(".", "").replace(" ", "")
    if found is None and letters.isupper() and len(letters) == 2:
        found = _codes().get(letters.lower())
    return found


def distinct_places(a: str, b: str) -> bool:
    """True when both names are known, as two different places.

    >>> distinct_places("Austria", "Australia"), distinct_places("Slovenia", "Slovenija")
    (True, False)
    """
    ka, kb = known_place(a), known_place(b)
    return ka is not None and kb is not None and ka != kb
