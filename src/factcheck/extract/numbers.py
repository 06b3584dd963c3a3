"""Counts, quantities and ratios: every amount of a sentence that says something checkable."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span

from .. import lexicon
from ..models import (
    Amount,
    Article,
    Claim,
    ClaimKind,
    Measure,
)
from ..quantities import Found, find_amounts
from .ages import age_holder
from .measure import PERCENT_PRECISION, read_measure
from .predicate import rate_of_clause
from .records import _make, sent_text
from .syntax import _ent_at, to_infinitive


def _numeric_claims(article: Article, doc: Doc, sent: Span) -> Iterator[Claim]:
    out: list[Claim] = []
    previous: tuple[Found, int] | None = None
    for found in find_amounts(sent_text(sent), offset=sent.start_char):
        if found.is_year:
            continue
        claim = _numeric_claim(article, doc, sent, found)
        if claim is None:
            continue
        if previous and _restates(article.text, previous[0], found):
            anchor = out[previous[1]]
            own, theirs = claim.subject.measure, anchor.subject.measure
            if theirs is not None and own is not None and theirs.thing is None and own.thing:
                # "20 kg (44.1 pounds) of copper": the thing follows the restatement
                anchor = replace(anchor, subject=replace(
                    anchor.subject, measure=replace(theirs, thing=own.thing)))
                out[previous[1]] = anchor
            claim = _with_restates(claim, anchor)
        previous = (found, len(out))
        out.append(claim)
    yield from out


def _restates(text: str, first: Found, second: Found) -> bool:
    """True for "20 kg (44.1 pounds)": the second amount restates the first."""
    between = text[first.end : second.start]
    return (
        re.fullmatch(
            r"\s*[(\[]\s*(?:or|about|around|some|approximately|roughly|nearly)?\s*"
            r"(?:U\.?S\.?|US|S|HK|A|NZ|C)?\s*",
            between,
        ) is not None
        and first.amount.dimension == second.amount.dimension
    )


def _with_restates(claim: Claim, anchor: Claim) -> Claim:
    return replace(claim, restates=anchor.id, subject=anchor.subject)


def _numeric_claim(article: Article, doc: Doc, sent: Span, found: Found) -> Claim | None:
    number = doc.char_span(found.number_start, found.number_end, alignment_mode="expand")
    whole = doc.char_span(found.start, found.end, alignment_mode="expand")
    if number is None or whole is None or len(number) == 0:
        return None
    amount = found.amount
    if amount.dimension in ("percent", "percentage point"):
        amount = replace(amount, precision=max(amount.precision, PERCENT_PRECISION))
    if found.modifier == "up to" and amount.dimension == "count" and re.match(
        r"(?i)up\s+to\b", article.text[found.start : found.end]
    ):  # "can carry up to 210 people"; "winds of up to 200 km/h" stay the peak
        amount = replace(amount, high=amount.amount, low=None, approx=False)  # at most
    if (
        amount.dimension == "duration"
        and found.modifier == "more than"
        and re.match(r"(?i)over\b", article.text[found.start : found.end])
    ):
        amount = replace(amount, low=None, low_open=False)  # "raped over five days": during
    kind = _numeric_kind(amount)
    if _in_a_name(number) and not found.unit_text:
        return None  # "Seven Oaks Homes", "Ninety Nine Lofts": a number in a name
    if amount.dimension == "duration" and (AGO.match(article.text, found.end) or (
            OFFSET.match(article.text, found.end)
            and not SPAN_BEFORE.search(article.text[max(0, found.start - 20):found.start]))):
        return None  # "two years ago" dates an event; it measures nothing
    if SUPERLATIVE_OF.match(article.text, found.end):
        return None  # "one of the largest protests": a rank, not a count
    if amount.dimension == "count" and not found.unit_text and _age_bound(whole):
        return None  # "children under five", "over the age of 65": who, not how many
    if amount.dimension == "count" and not found.unit_text and _a_number_named(number):
        return None  # "the lucky numbers drawn were 6, 13 and 21": named, none counted
    reading = read_measure(article, doc, sent, found, number, whole)
    subject, thing = reading.subject, reading.thing
    measure = subject.measure
    event = measure.event
    if amount.dimension == "duration" and (
            event == "sentenced" or event in lexicon.NOT_HANDED_DOWN) \
            and not _time_for(whole, measure.thing):
        return None  # a term in prison is a sentence claim, or no claim when only possible
    rate = RATE_AFTER.match(
        article.text,
        (thing.idx + len(thing.text)) if thing is not None and thing.i >= whole.end else found.end,
    )
    if rate or rate_of_clause(thing if thing is not None else whole.root):
        measure = replace(measure, mode="rate")
    elif amount.dimension in ("length", "duration") and REMAINING_AFTER.match(
            article.text, found.end):
        measure = replace(measure, mode="remaining")  # "with 40km remaining": not the length
    known = lexicon.known_event(event) if event else None
    aged = kind is ClaimKind.COUNT and _is_age(number)
    if kind is ClaimKind.COUNT and amount.exact and amount.amount != int(amount.amount):
        if not re.search(r"(?i)\b(?:magnitude|richter)\b", sent_text(sent)):
            return None  # "7.4" alone is no count of anything
        amount = replace(amount, dimension="magnitude", unit="magnitude", base_unit="magnitude")
        kind = ClaimKind.QUANTITY
        measure = Measure(thing="magnitude")
    elif (
        kind is ClaimKind.COUNT
        and not aged
        and thing is None
        and not (event or measure.thing or measure.narrow or measure.part or measure.holder)
        and abs(amount.amount) < 100
        and not PENALTY_AHEAD.match(article.text, found.end)
    ):
        return None  # a small bare number that counts nothing the sentence names
    elif (
        kind is ClaimKind.COUNT
        and amount.exact
        and amount.amount == 1
        and (known not in lexicon.PERSON_EVENTS or lexicon.LEMMA_CLASS.get(
            measure.thing or "") is not None)
    ):
        return None  # "one country", "one of the largest", "one survivor told": no count
    if aged:
        amount = replace(amount, dimension="age", unit="year", base_unit="year")
        kind = ClaimKind.QUANTITY
        measure = Measure(thing="age", holder=age_holder(number))
    subject = replace(subject, measure=measure)
    start, end = found.start, found.end
    if (
        kind is ClaimKind.COUNT
        and thing is not None
        and thing.i == whole.end
        and thing.idx + len(thing.text) <= sent.end_char
    ):
        end = thing.idx + len(thing.text)  # "twelve people": the counted noun belongs to the quote
    return _make(article, kind, start, end, sent, amount, subject)


PENALTY_AHEAD = re.compile(
    r"[^.;]{0,40}?\b(?:life (?:sentences?|terms?|imprisonment|in prison)|death sentences?|"
    r"years? in (?:prison|jail))",
    re.I,
)
"""A bare number before a sentence handed down counts its recipients ("two got life")."""

AGO = re.compile(r"\s+(?:ago|earlier|before that)\b", re.I)
OFFSET = re.compile(r"\s+(?:before|after|since)\b", re.I)
SPAN_BEFORE = re.compile(r"(?i)\b(?:for|over|within|in|lasting|during)\s+(?:about\s+|some\s+)?$")
"""A duration that dates something ("two years ago", "three days after the flood"), unless
it is what something lasted ("held for four days before she was killed")."""
NAME_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "PRODUCT", "LAW", "EVENT"})


CUSTODY = frozenset("prison jail custody detention probation supervision bar".split())


def _time_for(whole: Span, thing: str | None) -> bool:
    """A span of time for something other than a penalty: "called for six days of
    mourning" (of mourning), "has 18 days to appeal" (a time allowed to act)."""
    if thing is not None:
        return thing not in CUSTODY
    unit = whole.root
    return any(c.dep_ in ("relcl", "acl") and to_infinitive(c) for c in unit.children)


def _in_a_name(number: Span) -> bool:
    """The figure is part of a name the model found, with a word of the name beside it
    ("Seven Oaks Homes", "Ninety Nine Lofts"); figures alone tagged as a name ("3 815 207"
    read as a product, "Seventeen" opening a paragraph read as an organisation) are
    figures."""
    root = number.root
    if root.ent_type_ not in NAME_LABELS:
        return False
    entity = _ent_at(root)
    spelt = not any(ch.isdigit() for ch in number.text)  # "Seven Oaks": any word beside it
    return entity is None or any(
        t.is_alpha and (spelt or t.text[:1].isupper()) and t not in number for t in entity)
SUPERLATIVE_OF = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our)\s+(?:[\w'’]+\s+){0,2}"
    r"(?:\w+est|most|least|biggest|best|worst)\b",
    re.I,
)
REMAINING_AFTER = re.compile(
    r"\s*(?:remaining|to\s+go|left)\b(?!\s+(?:the|a|an|his|her|their|its|for|by|at|from|"
    r"with|behind|over)\b)",
    re.I,
)
"""What follows a distance or a time that is what is left of it ("with 40km remaining",
"ten minutes to go"), not how long the whole is ("left the city" is another verb)."""

RATE_AFTER = re.compile(
    r"\s*(?:a|per|each|every)\s+(?:day|week|month|year|hour|minute|second|share)\b|\s*(?:daily|"
    r"annually|yearly|weekly|monthly)\b",
    re.I,
)


AGE_SUPERLATIVES = frozenset("oldest youngest".split())


def _is_age(number: Span) -> bool:
    """ "Peter Chan, 21, said", "Peter Chan (21)", "the oldest at 76": a bare number set off
    after a name, or a superlative of age "at" a number, is an age."""
    doc = number.doc
    before = doc[number.start - 1] if number.start > 0 else None
    after = doc[number.end] if number.end < len(doc) else None
    if before is not None and before.text == "(" and after is not None and after.text == ")" \
            and number.start >= 2 and doc[number.start - 2].pos_ == "PROPN":
        return True  # "Ada Okon (72) was sentenced"
    if before is not None and before.lower_ == "at" and number.start >= 2 \
            and doc[number.start - 2].lower_ in AGE_SUPERLATIVES:
        return True  # "the oldest at 76"
    return (
        before is not None
        and before.text == ","
        and number.start >= 2
        and doc[number.start - 2].pos_ == "PROPN"
        and (after is None or after.is_punct or (after.lower_ in ("and", "or")
                                                  and number.end + 1 < len(doc)
                                                  and doc[number.end + 1].pos_ == "PROPN"))
    )  # "Jo Lind, 21 and Ade Bello, 40": a list of names with their ages


AGE_BOUNDS = frozenset("under over above below".split())


def _age_bound(whole: Span) -> bool:
    """ "14 children under five", "people over the age of 65", "those younger than 18":
    a bare figure that bounds the age of the people it follows counts nobody."""
    doc = whole.doc
    at = whole.start + 1 if whole[0].lower_ in AGE_BOUNDS else whole.start
    if at < 2:
        return False
    before, prior = doc[at - 1], doc[at - 2]
    if before.lower_ in AGE_BOUNDS:
        return prior.lemma_.lower() in lexicon.PERSON_NOUNS
    if before.lower_ == "of":
        return prior.lower_ == "age"
    return before.lower_ == "than" and prior.lower_ in ("younger", "older")


NUMBER_NOUNS = frozenset({"number", "numeral", "digit"})
"""Nouns whose plural, said to be some figures, names those figures."""


def _a_number_named(number: Span) -> bool:
    """ "The lucky numbers drawn were 6, 13 and 21": figures that are what some numbers are,
    not how many of something there are. "The number of dead was 40" counts."""
    token = number.root
    after = number.doc[number.end] if number.end < len(number.doc) else None
    if after is not None and after.pos_ in ("NOUN", "ADJ", "VERB", "PROPN"):
        return False  # "the numbers were 40 dead and 12 injured": counts
    while token.dep_ in ("conj", "appos", "npadvmod") and token.head.like_num:
        token = token.head  # the first of a list of figures
    verb = token.head
    if token.dep_ not in ("attr", "npadvmod", "appos") or verb.lemma_ != "be":
        return False
    return any(child.dep_ == "nsubj" and child.lemma_ in NUMBER_NOUNS and child.tag_ == "NNS"
               and not any(c.lower_ == "of" for c in child.children)
               for child in verb.children)


def _numeric_kind(amount: Amount) -> ClaimKind:
    if amount.dimension == "count":
        return ClaimKind.COUNT
    if amount.dimension in ("percent", "ratio"):
        return ClaimKind.RATIO
    return ClaimKind.QUANTITY




def resolve_antecedents(claims: list[Claim]) -> list[Claim]:
    """ "202 people were injured; 52 are critical, of whom 25 are on life support": a
    count that leaves its noun to an earlier phrase ("of whom", "of them", "others", a
    bare figure) counts that phrase's thing; its own predicate, if it has one, says what
    happened to it, else the earlier one's does."""
    out: list[Claim] = []
    last: Claim | None = None
    for claim in claims:
        measure = claim.subject.measure
        if claim.kind is not ClaimKind.COUNT or measure is None:
            out.append(claim)
            continue
        if (
            last is not None
            and measure.thing is None
            and claim.sentence_start - last.sentence_start <= ANTECEDENT_REACH
            and (measure.part in ("of", "other") or measure.event is None
                 or lexicon.known_event(measure.event) is None)
        ):
            before = last.subject.measure
            event = measure.event if (measure.event and measure.part != "of") or (
                measure.event and before.event is None) else before.event
            if measure.part == "of" and measure.event and measure.event != before.event:
                event = measure.event  # "two of whom were police officers"
            measure = replace(measure, thing=before.thing, event=event or measure.event)
            claim = replace(claim, subject=replace(claim.subject, measure=measure))
        if measure.part == "other" and measure.event and not any(
                o.subject.measure is not None and o.subject.measure.event == measure.event
                and claim.sentence_start - o.sentence_start <= ANTECEDENT_REACH
                for o in out if o.kind is ClaimKind.COUNT):
            # "two dead, 293 others missing": the others are other than the dead, and
            # missing is measure enough; "three others were also convicted", "a further
            # eight presumed dead" after five dead stay parts of the same event's count
            measure = replace(measure, part=None)
            claim = replace(claim, subject=replace(claim.subject, measure=measure))
        if measure.thing is not None or measure.event is not None:
            last = claim
        out.append(claim)
    return out


ANTECEDENT_REACH = 400
"""Characters back from a count's sentence to the phrase it leaves its noun to (about
two sentences)."""


def headline_from_body(claims: list[Claim]) -> list[Claim]:
    """A headline is shorthand its body restates: "Customs seizes ship 40000 pounds
    cocaine" parses poorly, "over 40,000 pounds of cocaine were found" well. A headline
    figure whose own reading names no known event takes the measure of the first body
    figure of the same value and dimension."""
    from ..quantities import compatible

    body = [c for c in claims if not c.in_title and c.subject.measure is not None
            and c.amount is not None and c.subject.measure.event]
    out = []
    for claim in claims:
        measure = claim.subject.measure
        if claim.in_title and measure is not None and claim.amount is not None \
                and lexicon.known_event(measure.event) is None:
            match = next((b for b in body if b.kind is claim.kind
                          and b.amount.dimension == claim.amount.dimension
                          and compatible(b.amount, claim.amount)), None)
            if match is not None:
                claim = replace(claim, subject=replace(
                    claim.subject, measure=match.subject.measure))
        out.append(claim)
    return out
