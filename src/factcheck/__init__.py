"""factcheck: cross-check what several news articles claim about one event.

>>> from factcheck import build_report
>>> report = build_report("data/articles")  # doctest: +SKIP

The heavy modules (spaCy, pint) load on first use, so importing the package is cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from .errors import ClaimBookError, FactcheckError, InputError, ModelError, OutputError
from .models import (
    Amount,
    Article,
    ArticleCheck,
    Claim,
    ClaimCheck,
    ClaimKind,
    DateValue,
    Fate,
    Group,
    InputKind,
    Outcome,
    Penalty,
    Position,
    Relation,
    Report,
    Severity,
    Status,
    Story,
    Subject,
    Verdict,
)

_LAZY = {
    "load_articles": "articles",
    "read_article": "articles",
    "load_nlp": "nlp",
    "extract_claims": "extract",
    "compare": "judge",
    "build_report": "pipeline",
    "check_article": "pipeline",
    "find_stories": "pipeline",
    "to_html": "render",
    "to_json": "render",
    "to_markdown": "render",
    "to_table": "render",
}

__all__ = [
    "Amount",
    "Article",
    "ArticleCheck",
    "Claim",
    "ClaimBookError",
    "ClaimCheck",
    "ClaimKind",
    "DateValue",
    "FactcheckError",
    "Fate",
    "Group",
    "InputError",
    "InputKind",
    "ModelError",
    "Outcome",
    "OutputError",
    "Penalty",
    "Position",
    "Relation",
    "Report",
    "Severity",
    "Status",
    "Story",
    "Subject",
    "Verdict",
    *_LAZY,
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
