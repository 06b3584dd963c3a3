"""The words that narrow a figure: parts of sets, scope, stage, region, year, capacity."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .. import lexicon
from ..models import (
    Article,
)
from ..quantities import Found
from .calendar import MONTHS, _published
from .syntax import _clause_tokens, _counted, _member_clause

AGO = re.compile(r"\s+(?:ago|earlier|before that)\b", re.I)
CONTAINER_NOUNS = frozenset("count charge case offence offense violation".split())
"""Nouns whose count means little without what they are counts of ("counts of fraud")."""
FORECAST_WORDS = frozenset("expect forecast predict project likely".split())

STAGE_WORDS = frozenset("exit preliminary initial projected partial provisional".split())
REGION_WORDS = frozenset("region province state district county oblast prefecture city".split())
"""Words that mark a share as one stage of a count, not its result."""

PENALTY_WORDS = {"death": "death", "life": "life", "capital": "death"}


def _qualifiers(
    article: Article,
    doc: Doc,
    sent: Span,
    anchor: Token,
    verb: Token | None,
    whole: Span,
    found: Found,
    thing: Token | None,
) -> set[str]:
    quals: set[str] = set()
    own = [anchor, *anchor.children, *doc[whole.start : whole.end]]
    for tok in own:
        low = tok.lower_
        if low in lexicon.SUBSET_WORDS or (
            tok.dep_ == "amod" and tok.pos_ == "ADJ" and low.endswith("st")
        ):
            quals.add("subset:" + low)
    for child in anchor.children:
        if (
            child.dep_ == "prep"
            and child.lower_ in ("of", "among")
            and any(g.dep_ == "pobj" for g in child.children)
            and thing is None
            and child.i not in range(whole.start, whole.end)
        ):
            quals.add("subset:of")
            if any(g.dep_ == "pobj" and g.pos_ == "PRON" for g in child.children):
                quals.add("subset:among")  # "nine of them": a part of a set named before
    if thing is not None and (thing.ent_type_ == "NORP" or any(
            c.ent_type_ == "NORP" and c.dep_ in ("amod", "compound") for c in thing.children)):
        quals.add("subset:nationality")  # "two Japanese", "three British tourists"
    elif thing is None and anchor.ent_type_ == "NORP":
        quals.add("subset:nationality")
    if anchor.dep_ == "conj" and any(
        c.lower_ in lexicon.SUBSET_WORDS for c in anchor.head.children
    ):
        quals.add("subset:other")  # "two other men and one woman": the woman is one of the others
    partners = [c for c in anchor.children if c.dep_ == "conj"]
    if anchor.dep_ == "conj":
        partners.append(anchor.head)
    if found.amount.dimension == "count" and any(_counted(p) for p in partners):
        quals.add("subset:part")  # "149 passengers and eight crew": each is part of the total
    if anchor.head.lower_ in ("including", "include", "among") or (
        anchor.dep_ == "pobj" and anchor.head.lower_ in ("including", "among")
    ):
        quals.add("subset:including")
    clause = list(_clause_tokens(verb, anchor)) if verb is not None else []
    if verb is not None and (
        verb.lemma_.lower() in lexicon.NOT_HANDED_DOWN
        or any(c.lower_ in lexicon.MODALS for c in verb.children if c.dep_ == "aux")
    ):
        clause = [t for t in clause if t.lower_ not in PENALTY_WORDS]
    if verb is not None and verb.lemma_.lower() == "include":
        quals.add("subset:including")
    if verb is not None and verb.lemma_.lower() == "be":
        for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
            for mod in subj.children:
                if mod.lower_ in lexicon.SUBSET_WORDS:
                    quals.add("subset:" + mod.lower_)
    related = list(clause)
    if thing is not None:
        for child in thing.children:
            if child.dep_ in ("acl", "relcl") and not _member_clause(child):
                related.extend(child.subtree)
    years = set()
    for tok in related:
        low = tok.lower_
        if low in lexicon.SCOPE_WORDS:
            quals.add("scope:" + low)
        if (
            tok.like_num
            and len(tok.text) == 4
            and tok.text.isdigit()
            and 1800 <= int(tok.text) <= 2100
        ):
            years.add(tok.text)
        if tok.dep_ == "acl" or tok.lower_ in ("decade", "decades"):
            for sub in tok.subtree:
                if sub.text.isdigit() and len(sub.text) == 4 and 1800 <= int(sub.text) <= 2100:
                    years.add(sub.text)
            if tok.lower_ == "decade":  # "in the decade to 2017", not "worst in decades"
                quals.add("scope:decade")
    if any(t.lemma_.lower() in FORECAST_WORDS for t in clause) or (
            verb is not None and verb.lemma_.lower() in FORECAST_WORDS):
        quals.add("scope:forecast")  # "expected to weaken to 90 km/h": not what happened
    for owner in {anchor, thing} - {None}:
        for acl in owner.children:
            if acl.dep_ in ("acl", "relcl") and any(
                c.dep_ == "prep" and c.lower_ in ("for", "of") for c in acl.children
            ):
                quals.add("subset:for")
    if verb is not None:
        for child in verb.children:
            if (
                child.dep_ == "prep"
                and child.lower_ in ("for", "of")
                and verb.lemma_.lower()
                in ("convict", "find", "sentence", "jail", "arrest", "charge", "acquit", "imprison")
            ):
                quals.add("subset:for")
    pub = _published(article)
    if verb is not None and verb.dep_ in ("advcl", "acl", "xcomp", "conj") and verb.head != verb:
        # "the one that crashed last October, resulting in 189 deaths": its time is the crash's
        related = related + [
            t for c in verb.head.children if c.dep_ in ("npadvmod", "prep") for t in c.subtree
        ]
    # a month of last year anywhere in the sentence puts its figures in that year:
    # "the one that crashed last October, resulting in 189 deaths", said in March.
    # Without a publication date the year is relative ("-1"), resolved when comparing.
    last_year = str(pub.year - 1) if pub is not None else "-1"
    for tok in sent:
        low = tok.lower_.rstrip(".")
        before = doc[tok.i - 1].lower_ if tok.i > sent.start else ""
        after = doc[tok.i + 1] if tok.i + 1 < sent.end else None
        dated = after is not None and after.like_num
        if (low == "year" and before == "last") or (
            low in MONTHS
            and len(low) > 3
            and not dated
            and (
                (before == "last"
                and (pub is None or MONTHS[low] >= pub.month))
                or (before == "in"
                and pub is not None
                and MONTHS[low] > pub.month)
            )
        ):
            years.add(last_year)
    if (
        (verb is not None
        and any(c.lower_ in ("can", "could") for c in verb.children if c.dep_ == "aux"))
        or any(t.lemma_ == "capacity" for t in related)
    ):
        quals.add("scope:capacity")  # "can carry up to 210": what it holds, not who was there
    if found.amount.dimension in ("percent", "percentage point"):
        for tok in sent:
            if tok.lemma_.lower() in REGION_WORDS and tok.i > sent.start \
                    and doc[tok.i - 1].pos_ == "PROPN":
                quals.add("where:" + doc[tok.i - 1].text.lower())  # "62.8% in Lviv region"
            if tok.lower_ in STAGE_WORDS or (
                    tok.ent_type_ == "ORDINAL" and tok.i + 1 < sent.end
                    and doc[tok.i + 1].lemma_.lower() in ("round", "ballot", "vote")):
                quals.add("stage:" + tok.lower_)  # "in the first round", "exit polls"
    for year in years:
        quals.add("year:" + year)
    return quals


def _compared(doc: Doc, whole: Span) -> str | None:
    for tok in doc[whole.end : min(whole.end + 5, len(doc))]:
        if tok.lower_ == "than":
            for nxt in doc[tok.i + 1 : min(tok.i + 4, len(doc))]:
                if nxt.pos_ in ("NOUN", "PROPN"):
                    return nxt.lemma_.lower()
    return None


