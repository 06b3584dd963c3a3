"""Whether a figure is a change or a level, and which way it went.

"Shares fell 24 percent", "rose by five", "down 12.7%", "closed 18% below the offer price"
and "a 31 percent plunge" give changes; "rose to 63" and "24 percent of the vote" give
levels. A change's holder is what changed: the subject of its verb ("the currency fell
6%") or what the change noun is in ("a 10% drop in sales").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import lexicon
from .dated import verb_of
from .setting import holder_name

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..quantities import Found
    from .predicate import Predicate

CHANGING = frozenset({"percent", "percentage point", "money", "count"})
"""Dimensions whose "down 12.7%" or "up 300" is a change; a plume "9,000 metres up" is
a height."""

AFTER_WORDS = {"below": "down", "lower": "down", "above": "up", "higher": "up"}
"""Words after a figure that make it a distance from a reference: "closed 18% below the
offer price", "10 percent higher than a year ago"."""

NOUN_VERBS = {"loss": "lose", "growth": "grow", "hike": "raise", "cut": "cut"}
"""Change nouns not spelt as their verb ("a 4% loss", "a 75-point hike")."""


def change_of(pred: Predicate, anchor: Token, whole: Span, found: Found) -> str | None:
    """The direction of the change a figure states ("up", "down", "change"), or None
    for a level."""
    direction = _verb_change(pred, anchor, found)
    if direction is None and found.amount.dimension in CHANGING:
        direction = _word_before(whole.doc, whole) or _word_after(whole.doc, whole)
    return direction


MOVING_VERBS = frozenset({"go", "come", "shoot"})
"""Verbs that say a change with "up" or "down" and take no object ("went up by 5")."""


def _verb_change(pred: Predicate, anchor: Token, found: Found) -> str | None:
    """ "fell 24 percent", "rose by five", "an increase of 12": a change, with its
    direction; "rose to 63" states a level."""
    verb = pred.clause
    if verb is None:
        return None
    direction = lexicon.CHANGE_VERBS.get(verb.lemma_.lower())
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in ("down", "up") and direction == "change":
            direction = child.lower_  # "revised down by 100"
        if child.dep_ in ("prt", "advmod") and child.lower_ in ("down", "up") \
                and direction is None and verb.lemma_.lower() in MOVING_VERBS \
                and not found.start <= child.idx < found.end:
            direction = child.lower_  # "went up by $12", "came down 3%"
    if direction is None:
        return None
    if any(c.dep_ == "prep" and c.lower_ in ("in", "into") and any(
            g.lemma_.lower() in ("air", "sky", "atmosphere") for g in c.children)
            for c in verb.children):
        return None  # "a plume that rose 9,000 metres into the air": a height reached
    head = anchor.head
    if anchor.dep_ == "pobj" and head.lower_ == "to":
        return None  # "rose to 63"
    if anchor.dep_ == "pobj" and head.lower_ == "from":
        return None  # "up from 180": the earlier level (its time says so)
    if anchor.dep_ == "pobj" and head.lower_ == "by":
        return direction
    if anchor.dep_ in ("dobj", "npadvmod", "advmod") or (
            found.amount.dimension in ("percent", "percentage point") and anchor.head == verb
            and anchor.dep_ not in ("nsubj", "nsubjpass")):
        return direction
    return None


def _word_before(doc: Doc, whole: Span) -> str | None:
    """ "down 12.7%", "up 3 percent", "down by 18%": the word before a figure makes it a
    change."""
    k = whole.start - 1
    if k > 0 and doc[k].lower_ == "by":
        k -= 1
    before = doc[k] if k >= 0 else None
    if before is not None and before.lower_ in ("down", "up") and before.pos_ in ("ADV", "ADP") \
            and before.dep_ != "prt":  # "shut down 800 stores": a particle of the verb
        return before.lower_
    return None


def _word_after(doc: Doc, whole: Span) -> str | None:
    """ "closed 18.5% below the offer price", "5% higher than last year": a change from the
    reference named after it."""
    after = doc[whole.end] if whole.end < len(doc) else None
    if after is None or after.lower_ not in AFTER_WORDS:
        return None
    nxt = doc[after.i + 1] if after.i + 1 < len(doc) else None
    if after.lower_ in ("lower", "higher") and (nxt is None or nxt.lower_ != "than"):
        return None  # "5% higher" alone may be a level reached ("rates 5% higher")
    return AFTER_WORDS[after.lower_]


def change_noun(noun: Token | None) -> tuple[str, str] | None:
    """The verb and direction of a noun of change that a figure sizes: "a 31 percent
    plunge" (plunge, down), "the rise of 12%" (rise, up); None for any other noun."""
    if noun is None or noun.pos_ != "NOUN":
        return None
    lemma = noun.lemma_.lower()
    verb = NOUN_VERBS.get(lemma) or (lemma if lemma in lexicon.CHANGE_VERBS else verb_of(lemma))
    direction = lexicon.CHANGE_VERBS.get(verb)
    if direction is None or direction == "change":
        return None
    return verb, direction


def changed_noun(anchor: Token, thing: Token | None) -> Token | None:
    """The noun of change a figure sizes: "a 31% plunge" (the figure's noun) or "a drop
    of 31%" (the noun it is "of")."""
    if thing is not None:
        return thing
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.pos_ == "NOUN":
        return anchor.head.head
    return None


def changed_holder(noun: Token, anchor: Token) -> str | None:
    """What a noun of change is in or of: "a 10% drop in sales" (sale), "the plunge of 18%
    in Acme" (acme, whether the parse hangs "in Acme" on the plunge or on the 18%)."""
    for prep in (*noun.children, *(c for c in anchor.children if c.lower_ == "in")):
        if prep.dep_ == "prep" and prep.lower_ in ("in", "of"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and not obj.like_num and obj.lemma_.lower() not in (
                    "percent", "%", "cent", "point"):
                return "share" if obj.lemma_.lower() in ("share", "stock") \
                    else holder_name(obj)
    return None


def prior_level(anchor: Token, verb: Token | None) -> bool:
    """ "rose to 8% from 6.5%", "up from 180": the figure is the level before a change."""
    if verb is None or lexicon.CHANGE_VERBS.get(verb.lemma_.lower()) is None:
        return False
    head = anchor.head
    return anchor.dep_ == "pobj" and head.lower_ == "from" and (
        head.head == verb or head.head.head == verb)
