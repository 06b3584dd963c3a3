"""Claims out of a parsed article: one module per claim family.

Extraction is total: odd sentences give fewer claims, never an exception.
Every claim's ``text`` is exactly ``article.text[start:end]``.

``extract_claims`` (in :mod:`.claims`) and ``parse_text`` (in :mod:`.text`) are imported on
first use, so that the comparator can read dates (:mod:`.calendar`) and event keys
(:mod:`.dated`) without importing spaCy and every claim family.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .claims import extract_claims
    from .text import parse_text

__all__ = ["extract_claims", "parse_text"]


def __getattr__(name: str) -> Any:
    if name == "extract_claims":
        from .claims import extract_claims

        return extract_claims
    if name == "parse_text":
        from .text import parse_text

        return parse_text
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
