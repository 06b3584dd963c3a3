"""What a group of figures is about, as the question a fact-checker asks of it.

"people killed", "people injured (critical)", "stores closed", "votes for Vance",
"weight of the lorry", "age of Okafor", "capacity of the stadium": built from the
measures of the group's claims (the most common thing, event, holder and narrowing),
with the words inflected from lemminflect's table. Never a bare verb or a parse fragment.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .. import lexicon, wordforms
from ..models import Claim, Measure

PERSON_THINGS = frozenset({"person", "people"})
EVENT_WORDS = {
    "killed": "killed", "injured": "injured", "missing": "missing", "evacuated": "evacuated",
    "aboard": "aboard", "arrested": "arrested", "charged": "charged", "convicted": "convicted",
    "sentenced": "sentenced", "acquitted": "acquitted", "participated": "taking part",
    "population": "living there", "rescued": "rescued", "seized": "seized", "found": "found",
    "infected": "infected", "damaged": "damaged", "fined": "fined",
    "hospitalised": "in hospital", "crossed": "crossing in",
}
"""How an event class reads after its thing ("people taking part")."""
DIMENSION_WORDS = {
    "duration": "duration", "length": "length", "mass": "weight", "speed": "speed",
    "area": "area", "volume": "volume", "money": "amount", "percent": "share",
    "percentage point": "change", "ratio": "ratio", "magnitude": "magnitude",
    "temperature": "temperature", "power": "power", "energy": "energy",
}


NOTED_DIMENSIONS = frozenset({"money", "length", "mass", "volume", "area"})
"""Dimensions whose verb says what the amount is when no noun does: "forfeit $1.2m"."""
PRICE_EVENTS = frozenset("sell buy acquire purchase pay take agree".split())
"""What an amount of money in a deal is the price of: "sold for", "bought for"."""


def measure_label(claims: Sequence[Claim]) -> str:
    """The question a group of numeric claims answers, in a few words, a named holder
    written as the articles write it ("votes for Marlow", not "votes for marlow")."""
    label = _measure_label(claims)
    holder = _common(c.subject.measure.holder for c in claims if c.subject.measure is not None)
    if not holder or holder not in label:
        return label
    written = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, holder.split())) + r"(?!\w)",
                         re.IGNORECASE)
    for claim in claims:
        found = written.search(claim.sentence)
        if found is not None and found.group() != holder and found.group()[:1].isupper():
            at = label.rindex(holder)
            return label[:at] + found.group() + label[at + len(holder):]
    return label


def _measure_label(claims: Sequence[Claim]) -> str:
    measures = [c.subject.measure for c in claims if c.subject.measure is not None]
    amount = claims[0].amount
    dimension = amount.dimension if amount is not None else "count"
    if not measures:
        return DIMENSION_WORDS.get(dimension, dimension)
    thing = _common(m.thing for m in measures)
    event = _common(m.event for m in measures if m.event not in lexicon.LIGHT_VERBS)
    holder = _common(m.holder for m in measures)
    mode = _common(m.mode for m in measures)
    narrow = _shared(m.narrow for m in measures)
    change = _common(m.change for m in measures)
    if thing == "age":
        if holder and all(m.common_holder for m in measures if m.holder):
            return f"age ({holder})"  # someone unnamed, by kind: "age (male)"
        return f"age of {holder}" if holder else "age"
    if thing == "margin":  # "broke the record by 78 seconds", "beat Vance by 300 votes"
        return "winning margin" if event in (None, "win") else f"margin ({event})"
    if mode == "capacity":
        return f"capacity of {holder}" if holder else "capacity"
    if thing == "magnitude":
        return "magnitude"
    if dimension in ("percent", "percentage point"):
        if holder and holder != "share" and not thing and all(
                m.common_holder for m in measures if m.holder == holder):
            return f"change in {holder}" if change else holder  # "turnout was 68%"
        return _share_label(thing, event, holder, change)
    if dimension == "money" and not thing and {m.event for m in measures} <= PRICE_EVENTS:
        # the holder of "bought" is the buyer, not what was bought
        return "price paid (each)" if mode == "rate" else "price paid"
    if dimension != "count":
        what, notes = _unprefixed(thing) if thing else (DIMENSION_WORDS.get(dimension,
                                                                             dimension), [])
        if dimension == "duration" and thing and ":" not in thing:
            what = f"duration of {what}"  # "six days of mourning": how long the mourning
        if event and event != thing and not holder and event not in lexicon.MEASURES and (
                thing or (dimension in NOTED_DIMENSIONS and event not in lexicon.LIGHT_VERBS)):
            notes.append(_participle(event))  # "amount (forfeited)", "length (fallen)"
        if holder:
            what += f" of {holder}"
        if mode == "remaining":
            notes.append("remaining")  # "with 40km remaining"
        return f"{what} ({', '.join(notes)})" if notes else what
    noun = _plural(thing) if thing else ("people" if event in lexicon.PERSON_EVENTS else "")
    words = [noun]
    if event:
        words.append(EVENT_WORDS.get(event, _participle(event)))
    label = " ".join(w for w in words if w) or "count"
    if holder and holder not in label:
        label += f" ({holder})" if thing else f" of {holder}"
    extra = [n.split(":", 1)[-1] for n in narrow if n not in label]
    if extra:
        label += " (" + ", ".join(extra) + ")"
    if mode in ("forecast", "presumed", "rate"):
        label += f" ({'expected' if mode == 'forecast' else mode})"
    return label


VOTING_EVENTS = frozenset({None, "win", "get", "take", "vote", "poll", "lead"})
"""What a holder's share with no other noun tells of: "Marlow won 52%", "Vance – 41.2%"."""


def _share_label(thing: str | None, event: str | None, holder: str | None,
                 change: str | None) -> str:
    if change:
        what = f"{holder} " if holder and holder != "share" else ""
        return f"{what}share price change" if holder in ("share", None) and event in (
            None, "fall", "lose", "drop", "rise", "plunge") else f"change in {holder or thing}"
    if holder and (thing in ("vote", "ballot") or (thing is None and event in VOTING_EVENTS)):
        return f"vote share of {holder}"
    if holder and event == "rate":
        return f"rate of {holder}"  # "the bank raised its key rate to 8%"
    if holder:
        return f"share of {thing} ({holder})" if thing else f"share of {holder}"
    return f"share of {thing}" if thing else "share"


def _unprefixed(thing: str) -> tuple[str, list[str]]:
    """ "day:period" (a three-day period) reads "period", noted "days"."""
    if ":" not in thing:
        return thing, []
    unit, noun = thing.split(":", 1)
    return noun, [_plural(unit)]


def _common(values) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return max(sorted(counts), key=lambda v: counts[v])


def _shared(narrows) -> list[str]:
    """Narrowing words most of the claims share."""
    narrows = [{w.lstrip("~") for w in n} for n in narrows]
    counts = Counter(w for n in narrows for w in n)
    half = len(narrows) / 2
    return sorted(w for w, k in counts.items() if k > half and not w.startswith("penalty:"))


def _participle(lemma: str) -> str:
    """ "killed", "closed", "held"; a noun or adjective stays as it is ("aboard")."""
    if " " in lemma or not lemma.isalpha():
        return lemma
    return wordforms.participle(lemma)


def _plural(noun: str) -> str:
    if noun in PERSON_THINGS:
        return "people"
    if ":" in noun:  # "storey:building": storeys
        noun = noun.split(":", 1)[0]
    if not noun.replace(" ", "").isalpha():
        return noun
    return wordforms.plural(noun)


def measure_words(measure: Measure) -> str:
    """One measure in a few words (for a claim on its own)."""
    return " ".join(measure.words)
