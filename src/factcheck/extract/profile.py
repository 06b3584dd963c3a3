"""What an article is about, read from the parse its claims come from: named entities and
key terms, counted, for :mod:`factcheck.stories` to tell one event from another."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc

from ..models import Profile
from .syntax import ents_of
from .text import tokens_of

NAME_LABELS = frozenset(
    "PERSON ORG GPE LOC NORP FAC EVENT PRODUCT LAW WORK_OF_ART".split()
)
"""Entity labels that name something; dates, numbers and amounts do not say which event."""

TERM_POS = frozenset({"NOUN", "PROPN"})

_LEAD = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_TRAIL = re.compile(r"(?:['’]s|['’])$")


def article_profile(doc: Doc) -> Profile:
    """The entities (a person also by surname) and noun lemmas outside entities of a parse.

    >>> from factcheck.nlp import load_nlp
    >>> doc = load_nlp()("Rescuers in Jakarta said President Joko Widodo visited on Monday.")
    >>> profile = article_profile(doc)
    >>> profile.entities
    (('name:jakarta', 1), ('person:joko widodo', 1), ('person:widodo', 1))
    >>> profile.terms
    (('president', 1), ('rescuer', 1))
    """
    entities: Counter[str] = Counter()
    inside: set[int] = set()
    for ent in ents_of(doc):
        inside.update(range(ent.start, ent.end))  # "Monday" is a date, not a key term
        if ent.label_ not in NAME_LABELS:
            continue
        name = _TRAIL.sub("", _LEAD.sub("", " ".join(ent.text.split()))).strip(" \"'“”‘’.,")
        if not name or not any(ch.isalpha() for ch in name):
            continue
        kind = "person" if ent.label_ == "PERSON" else "name"
        entities[f"{kind}:{name.lower()}"] += 1
        if kind == "person" and " " in name:
            entities[f"person:{name.split()[-1].lower()}"] += 1
    terms: Counter[str] = Counter(
        tok.lemma_.lower()
        for tok in tokens_of(doc)
        if tok.pos_ in TERM_POS
        and tok.i not in inside
        and tok.is_alpha
        and not tok.is_stop
        and len(tok.text) > 2
    )
    return Profile(entities=_sorted(entities), terms=_sorted(terms))


def merged(profiles: Iterable[Profile]) -> Profile:
    """One profile of the blocks of a long article."""
    entities: Counter[str] = Counter()
    terms: Counter[str] = Counter()
    for profile in profiles:
        entities.update(dict(profile.entities))
        terms.update(dict(profile.terms))
    return Profile(entities=_sorted(entities), terms=_sorted(terms))


def _sorted(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counts.items()))
