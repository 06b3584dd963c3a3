"""The approximator a figure opens with ("about", "more than", "up to"), read leftwards."""

from __future__ import annotations

import re

from .patterns import _MOD_BEFORE
from .tables import _ABOUT, _ATLEAST, _ATMOST, _LESS, _MODIFIERS, _MORE, _UPTO, LEFT_WINDOW


def _left_search(pattern: re.Pattern[str], text: str, end: int) -> re.Match[str] | None:
    return pattern.search(text, max(0, end - LEFT_WINDOW), end)


def _modifier_before(text: str, end: int) -> tuple[str | None, int]:
    """The normalised approximator ending at ``end`` and where it starts."""
    mod = _left_search(_MOD_BEFORE, text, end)
    if mod is None:
        return None, end
    return _MODIFIERS[" ".join(mod.group("mod").lower().split())], mod.start()


def bounds(value: float, modifier: str | None) -> dict[str, float | bool | None]:
    """What an approximator makes of one figure, as :class:`Amount` fields: "more than 2
    hours" is open above 2 hours, "under 6ft" bounded by 6ft, "about" an approximation."""
    return {
        "low": value if modifier in (_MORE, _ATLEAST) else None,
        "high": value if modifier in (_LESS, _ATMOST, _UPTO) else None,
        "low_open": modifier == _MORE,
        "high_open": modifier == _LESS,
        "approx": modifier == _ABOUT,
    }
