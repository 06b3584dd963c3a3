"""The approximator a figure opens with ("about", "more than", "up to"), read leftwards."""

from __future__ import annotations

import re

from .patterns import _MOD_BEFORE
from .tables import _MODIFIERS, LEFT_WINDOW


def _left_search(pattern: re.Pattern[str], text: str, end: int) -> re.Match[str] | None:
    return pattern.search(text, max(0, end - LEFT_WINDOW), end)


def _modifier_before(text: str, end: int) -> tuple[str | None, int]:
    """The normalised approximator ending at ``end`` and where it starts."""
    mod = _left_search(_MOD_BEFORE, text, end)
    if mod is None:
        return None, end
    return _MODIFIERS[" ".join(mod.group("mod").lower().split())], mod.start()
