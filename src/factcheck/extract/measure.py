"""What a figure counts or measures, read from the parse: the :class:`Measure` record.

The counted noun and the words that narrow it, what happened to it (its predicate),
whose figure it is, the part of the whole it covers, as of when, and whether it is a
level or a change. Nothing here lists the events news reports: a predicate no lexicon
names is kept as its lemma, and figures with the same one find each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .. import lexicon, wordforms
from ..models import Article, Measure, Subject
from ..quantities import Found
from .ages import age_holder
from .changes import change_noun, change_of, changed_holder, changed_noun, prior_level
from .counted import (
    DIMENSION_THINGS,
    MEASURED_DIMENSIONS,
    SIZE_VERBS,
    _attribute,
    _coordinated_part,
    _counted_noun,
    _date_word,
    _figure_root,
    _present_at,
    _thing_lemma,
    _whole_of_partitive,
    done_to,
    record_span,
    sized_noun,
    sized_subject,
)
from .dated import verb_of
from .populations import dwellers, is_population, turned_out
from .predicate import (
    RATE_ADVERBS,
    Predicate,
    _lemma,
    _member_clause,
    _person_like,
    _phrase,
    _pobj,
    _read_clause,
    container,
    descriptive,
    has_subject,
    predicate_of,
)
from .records import _context
from .setting import (
    BASELINE_ADVERBS,
    holder_name,
    holder_of,
    place_and_time,
    share_setting,
    time_words,
    winner_of,
)
from .syntax import hyphen_first

PERCENT_PRECISION = 0.2
"""Shares are compared to a tenth of a point either way: 73.22 % and 73.23 % are one
count at two moments, not two claims."""



NARROWING_PREPS = frozenset("in inside at on outside aboard onboard within near under with".split())
"""Prepositions whose object may narrow a count ("in intensive care", "inside the stadium")."""
DESCRIPTIVE = "~"
"""Marks a narrowing word that describes the counted noun ("arms traffickers") rather
than restricting the set (a place, a state, a part): it tells measures apart across
articles, but does not make a figure a part of another in its own article."""
SPATIAL_PREPS = frozenset({"inside", "outside", "aboard", "onboard", "within"})
"""Prepositions that always place the counted set: "died inside the stadium"."""
CAUSE_PREPS = frozenset({"from", "of", "due", "because"})
CAUSE_HEADS = frozenset("die kill perish injure hurt suffer succumb dead death".split())
"""Predicates whose "from"/"of" phrase says what caused it ("died from the flames")."""
CHARGE_PREPS = frozenset({"for"})
LASTING_INCIDENTS = lexicon.INCIDENT_NOUNS | frozenset(
    "siege standoff crisis ordeal hijacking blockade".split())
"""Nouns for the event itself, whose length a hyphened span gives ("a 16-hour siege")."""
NOT_NARROWING = frozenset(
    """
    total all some many several few more most number figure people person one ones part
    least estimate estimated overall combined approximately roughly nearly about around
    almost other additional further remaining whole entire such same various
    """.split()
)
"""Modifiers of a counted noun that do not narrow the set it counts."""


@dataclass(frozen=True)
class Reading:
    """A figure's measure and the tokens it was read from."""

    subject: Subject
    thing: Token | None
    """The counted noun, when the figure counts one."""
    predicate: Predicate


def nation(token: Token) -> str:
    """The narrowing to a nation, one spelling whether its word is a noun or an adjective,
    singular or plural: "Kenyans", "Kenyan" and "two Kenyan nationals" are "of:kenyan"."""
    return "of:" + wordforms.noun_lemma(token.lower_)


EXTENTS = frozenset("length height width depth stretch section portion part span piece".split())
"""Nouns that are an extent of something, not the thing: "a 60m stretch of the viaduct"."""


def _side(owner: Token, verb: Token | None) -> Token | None:
    """The nation of "on the Peruvian side", said of the counted noun or of its verb: whose
    losses they are."""
    for head in (owner, verb):
        for prep in (head.children if head is not None else ()):
            if prep.dep_ == "prep" and prep.lower_ == "on":
                side = next((c for c in prep.children if c.dep_ == "pobj"
                             and c.lemma_.lower() == "side"), None)
                norp = next((c for c in side.children if c.ent_type_ == "NORP"), None) \
                    if side is not None else None
                if norp is not None:
                    return norp
    return None


SHARES = frozenset({"percent", "percentage point", "money"})
"""Dimensions of a share or a sum, which no verb makes a capacity ("holds a 4.6% stake")."""

GENDER_WORDS = {"male": "man", "female": "woman"}
"""Predicate adjectives that say who the counted are, not what happened to them."""


def read_measure(
    article: Article, doc: Doc, sent: Span, found: Found, number: Span, whole: Span
) -> Reading:
    """The measure of the figure ``found`` (``whole`` its tokens, ``number`` its digits)."""
    root = _figure_root(number, whole)
    thing, part, owner = _counted_noun(whole, number, found)
    anchor = root if owner is not None else thing or root  # "six of the seven accused were"
    if thing is None and root.dep_ == "nummod" and _date_word(root.head):
        anchor = root.head  # "rose to 233 Sunday": the figure stands where its day does
    whole_of_part = _whole_of_partitive(anchor)
    attributive = thing is not None and (
        (found.amount.dimension in MEASURED_DIMENSIONS
         and (found.hyphenated or found.amount.dimension == "power"))
        or (found.amount.dimension == "duration" and found.hyphenated
            and thing.lemma_.lower() not in lexicon.LEMMA_CLASS
            and thing.lemma_.lower() not in lexicon.TERM_NOUNS))
    # "a five-hour standoff": how long the standoff lasted, whatever the sentence's verb
    # "the 480 MW project" as "the 480-megawatt project": a plant's power is its capacity
    sized = sized_noun(whole) if found.amount.dimension in MEASURED_DIMENSIONS \
        and not attributive else None
    if sized is None and found.amount.dimension in MEASURED_DIMENSIONS and not attributive:
        sized = sized_subject(whole)  # "the barge was 140 metres long": the barge's length
    if sized is not None:  # "the 410m (1,345ft) pier", "a 1.6 kilometre-long viaduct"
        thing, attributive = sized, True
    pred = Predicate() if whole_of_part or attributive else predicate_of(anchor, whole)
    if thing is not None and thing.dep_ == "pobj" and thing.head.lower_ in (
            lexicon.PLACE_PREPOSITIONS) and _person_like(thing) is False and not whole_of_part:
        pred = Predicate()  # "killed in shootings at two mosques": the mosques were not killed
    unit_words = {w.lower() for w in (found.unit_text or "").split()}
    thing_lemma = _thing_lemma(thing, found, unit_words)
    thing_event = lexicon.LEMMA_CLASS.get(thing_lemma or "") if thing is not None and (
        thing_lemma in lexicon.EVENT_NOUNS or _person_like(thing)) else None
    if thing_event is not None and thing_lemma in lexicon.EVENT_NOUNS:
        thing_lemma = None  # "84 dead", "four deaths", "61 fatalities": the event names them
    narrow: list[str] = []
    cause: list[str] = []
    scope: list[str] = []
    holder = holder_of(anchor, pred.clause, found, thing, number)
    if sized is not None and sized.lemma_.lower() in EXTENTS:
        of = next((c for c in sized.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        whose = _pobj(of) if of is not None else None  # "a 60m stretch of the viaduct"
        holder = holder or (holder_name(whose) if whose is not None else None)
    elif sized is not None:
        holder = holder or holder_name(sized)  # the pier's length
    dimension = found.amount.dimension
    if thing is not None and not attributive:
        for child in thing.children:
            _modifier(child, narrow, cause, scope, whole, thing)
    for child in root.children:
        if child.i not in range(whole.start, whole.end) and child != thing:
            _modifier(child, narrow, cause, scope, whole, thing)
    if root.head.pos_ == "ADV" and root.head.i not in range(whole.start, whole.end):
        _modifier(root.head, narrow, cause, scope, whole, thing, as_head=True)
    for token in pred.modifiers:
        for child in token.children:
            if child == anchor or child.i in range(whole.start, whole.end):
                continue
            _modifier(child, narrow, cause, scope, whole, thing, on_predicate=True)
    words = [w for w in pred.words if not w.startswith("=")]
    marks = [w[1:].split(":") for w in pred.words if w.startswith("=")]
    tallied = doc[int(marks[0][0])] if marks else None
    if tallied is not None and thing is None:
        for child in doc[int(marks[0][1])].children:  # "the number of victims from the fire"
            if child.dep_ == "prep" and child.lower_ != "of":
                _modifier(child, narrow, cause, scope, whole, tallied, on_predicate=True,
                          cause_ok=True)
        # "the number of small businesses directly affected is 800 to 1,500"
        thing, thing_lemma = tallied, _thing_lemma(tallied, found, unit_words)
        inner = _tally_clause(tallied, doc[int(marks[0][1])]) or predicate_of(tallied, whole)
        words = [*(w for w in inner.words if not w.startswith("=")), *words]
        for token in inner.modifiers:
            for child in token.children:
                _modifier(child, narrow, cause, scope, whole, thing, on_predicate=True)
        for child in tallied.children:  # "the number of victims from the flames"
            _modifier(child, narrow, cause, scope, whole, thing, on_predicate=True,
                      cause_ok=True)
    event = _event(words, strong=pred.strong)
    if tallied is None and (done := done_to(thing or anchor)) is not None:
        event = done  # "the screening of 8,500 villagers was carried out": they were screened
    if thing_event is not None and pred.clause is not None \
            and pred.clause.lemma_.lower() in lexicon.HEDGE_WORDS:
        event = thing_event  # "seven deaths are suspected": deaths, not charges
    if thing_event is not None and (event is None or (
            lexicon.known_event(event) is None and thing_lemma is None)):
        event = thing_event  # "four deaths", "a 7.48 million-strong population"
    if holder is None and turned_out(pred.clause, anchor):
        event = "participated"  # "14 million (70%) voted", "64% cast their ballots": turnout
    if event in GENDER_WORDS:  # "forty of the victims were male": forty men, victims
        thing_lemma, event = GENDER_WORDS[event], thing_event
    if event is None and thing is not None and _present_at(thing):
        event = "participated"  # "42,000 fans at the game"
    if thing_lemma in DEAD_THINGS and (event is None or event in RECOVERY_EVENTS):
        thing_lemma, event = None, "killed"  # "38 bodies recovered": 38 dead
    elif event in RECOVERY_EVENTS and _alive(thing_lemma, narrow, pred.clause):
        event = "rescued"  # "pulled five survivors from the rubble", "found nine alive"
        narrow = [n for n in narrow if n not in ALIVE_WORDS]
    if event == "get" and thing_lemma in ELECTORAL_UNITS:
        event = "win"  # "getting 366,785 votes"
    if event == "aboard" and _candidate_carried(pred.clause, thing_lemma):
        event = "win"  # "Marlow carried 11 regions": a candidate carries what it wins
        holder = holder or winner_of(pred.clause)
    named = next((w for w in narrow if w in lexicon.LEMMA_CLASS), None)
    if named is not None and (event is None or lexicon.known_event(event) is not None):
        # "at least 84 dead", "leaving two people dead and 290 missing": the adjective on
        # the figure names what happened, nearer than any verb the parse reaches
        event = lexicon.LEMMA_CLASS[named]
        narrow.remove(named)
    condition = [w for phrase in words for w in phrase.split() if w in lexicon.CONDITION_WORDS]
    if condition:
        narrow.extend(condition)  # "52 are critical": injured, in that condition
        event = "injured"
    if event and event in lexicon.CONDITION_WORDS:
        event = "injured"
    if event in (None, "killed", "hospitalised") and thing_lemma is None \
            and lexicon.CONDITION_WORDS & set(narrow):
        event = "injured"  # "59 died and 155 were hurt, 22 in critical condition": the dead
        # have no condition, and those in hospital in one are the injured in it
    for word in pred.also:  # "two crew members arrested and charged": both are said
        also = lexicon.known_event(word)
        if also and also != event:
            narrow.append("also:" + also)
    if thing_lemma is None and event in SIZE_VERBS and dimension in MEASURED_DIMENSIONS:
        # "weighing 9 tonnes, the hull ...": a size verb whose subject is not found states
        # a weight all the same, as "the hull's weight of 9 tonnes" does
        thing_lemma, event = DIMENSION_THINGS[dimension], None
    if pred.agent and event:
        event = f"{event}-agent"
    if pred.negated and event:
        event = f"not {event}"  # "five stores have not been affected"
    time, extra_scope = place_and_time(article, doc, sent, anchor, pred, whole)
    scope.extend(extra_scope)
    if found.amount.dimension in ("percent", "percentage point"):
        scope.extend(share_setting(doc, sent))
    part = part or _coordinated_part(anchor, found, pred)
    if root.dep_ == "pobj" and root.head.lower_ == "with" and lexicon.CONDITION_WORDS & set(narrow):
        part = part or "including"  # "12 injured, with two in a critical condition"
    if thing is None and anchor.ent_type_ == "NORP":
        narrow.append(nation(anchor))  # "two Japanese", "two Kenyans"
    elif thing is not None and thing.pos_ == "PROPN" and (
            thing.ent_type_ == "NORP" or (thing.dep_ == "conj" and thing.head.ent_type_ == "NORP")):
        # "30 Kenyans and two Ugandans": people of a nation, each its own
        narrow.append(nation(thing))
    side = _side(thing or anchor, pred.clause)
    if side is not None:  # "12 casualties on the Peruvian side"
        narrow.append(nation(side))
    if dimension in MEASURED_DIMENSIONS:
        attribute = _attribute(doc, whole, thing, dimension)
        if attributive:  # "the 19-tonne lorry": the lorry's weight
            thing_lemma = attribute or DIMENSION_THINGS[dimension]
            if thing_lemma == "length" and thing is not None and (
                    _person_like(thing) or thing.ent_type_ in ("NORP", "PERSON")):
                thing_lemma = "height"  # "the 6-foot-5 player": a person's length is a height
        elif attribute is not None:
            thing_lemma = attribute
        elif dimension == "area" and thing_lemma is None:
            thing_lemma = "area"  # "an area of about 80 square km": an area has one extent
    if attributive and dimension == "duration":
        if thing_lemma in LASTING_INCIDENTS:
            thing_lemma = "incident"  # "a 16-hour siege", "the 17-hour ordeal": its length
        elif thing_lemma in ("low", "high"):
            thing_lemma, event = None, thing_lemma  # "a 26-month low": lowest in 26 months
    if dimension == "duration" and not attributive:
        record = record_span(whole, sent)
        if record is not None:  # "the strongest to hit the region in 14 years"
            thing_lemma, event = "record", None
            narrow.append("~" + record)
    if dimension == "age":
        thing_lemma, event, holder = "age", None, age_holder(number)
    if dimension == "magnitude":
        thing_lemma = "magnitude"  # "a 6.4-magnitude earthquake", "the magnitude 6.3 quake"
    if dimension == "money" and _share_price(pred.clause):
        thing_lemma, event = "share price", None  # "Globex shares rose 2.5% to $106"
    if dimension == "duration" and thing_lemma is not None and thing is not None \
            and thing.dep_ == "pobj" and thing.head.lower_ == "of" and event != "sentenced":
        event = None  # "called for six days of mourning", "declared seven days of mourning"
    if dimension == "temperature":  # "the mercury hit 46C", "a record 45.9C was recorded":
        thing_lemma, event = "temperature", None  # the verb varies, the reading does not
    change = change_of(pred, anchor, whole, found)
    if prior_level(anchor, pred.clause):
        time.append(lexicon.PRIOR_LEVEL)  # "raised it to 8% from 6.5%": the rate before
    noun = changed_noun(anchor, thing) if dimension in SHARES and not change else None
    if (moved := change_noun(noun)) is not None:  # "a 31 percent plunge in the stock"
        event, change = moved
        thing_lemma = None
        own = changed_holder(noun, anchor)
        holder = own or (None if holder == holder_name(noun) else holder)  # not "plunge"
    margin = _margin_of(pred.clause, anchor)
    if margin is not None:  # "broke the record by 78 seconds", "won the seat by 300 votes"
        thing_lemma, event, change, holder = "margin", margin, None, None
    if change and pred.clause is not None and any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in pred.clause.children):
        time.append("perfect")  # "shares have lost 90%": so far, not on one day
    mode = (
        "capacity" if (pred.capacity and dimension not in SHARES)
        or _capacity_noun(thing, found) else
        "presumed" if pred.presumed else
        "forecast" if pred.forecast else None
    )
    if whole_of_part:
        part = part or None
    if is_population(anchor, pred.clause, owner):
        thing_lemma, event = "population", "population"
    elif dwellers(anchor):  # the sentence's verb is not theirs: "hit a city of 500,000 people"
        thing_lemma, event, mode, change = "population", "population", None, None
    capacity = _capacity_phrase(anchor)
    if mode is None and capacity is not None:  # "the launch had a capacity of 45 passengers"
        mode, event = "capacity", None
        verb = capacity.head if capacity.dep_ in ("dobj", "attr") else None
        holder = holder or (container(verb) if verb is not None else None)
    if mode == "capacity":
        holder = holder or pred.holder or _capacity_holder(thing, found)
    measure = Measure(
        thing=thing_lemma,
        event=event,
        narrow=tuple(sorted(  # "severely" and "seriously" injured are one condition
            {lexicon.CONDITION_SYNONYMS.get(w, w) for w in narrow} - {thing_lemma, event, None})),
        holder=holder,
        # "the 57-year-old waved": an age's holder may be the person named before
        common_holder=bool(holder) and not _written_as_name(
            holder, doc.text[: sent.end_char] if dimension == "age" else sent.text),
        scope=tuple(sorted(set(scope))),
        time=tuple(sorted(set(time))),
        change=change,
        part=part,
        mode=mode,
        cause=tuple(sorted(set(cause))),
    )
    subject = Subject(
        measure=measure,
        compared=_compared(doc, whole) if found.amount.dimension == "ratio" else None,
        context=_context(doc, sent, anchor),
    )
    return Reading(subject=subject, thing=thing, predicate=pred)


def _tally_clause(tallied: Token, tally: Token) -> Predicate | None:
    """ "the number of people hurt stands at 31": the participle may hang on "number"
    rather than on the people; it still says what happened to them."""
    if any(c.dep_ in ("acl", "relcl") for c in tallied.children):
        return None
    clause = next((c for c in tally.children if c.dep_ in ("acl", "relcl")
                   and c.i > tallied.i and not descriptive(c)), None)
    return _read_clause(clause, tallied) if clause is not None else None


LIVING_THINGS = frozenset({"survivor"})
"""Who is found or pulled out alive: a count of them is a count of the rescued."""
ALIVE_WORDS = frozenset({"alive", "~alive"})
"""How "alive" narrows a count ("12 people alive"), as a word or a soft narrowing."""


def _alive(thing: str | None, narrow: list[str], verb: Token | None) -> bool:
    """ "five survivors", "nine people alive", "were recovered alive": living when found."""
    return thing in LIVING_THINGS or not ALIVE_WORDS.isdisjoint(narrow) or (
        verb is not None and any(c.lower_ == "alive" for c in verb.children))


DEAD_THINGS = frozenset({"body", "corpse", "remains", "cadaver"})
RECOVERY_EVENTS = frozenset(
    "found recover retrieve pull identify comprise include bring take".split())
"""What is done with the bodies of the dead: a count of them is a count of the dead."""

ELECTORAL_UNITS = frozenset(
    "region state province district county constituency ward riding seat vote "
    "municipality department prefecture".split())
"""What a candidate carries when it wins it: "Marlow carried 11 regions"."""


MARGIN_VERBS = frozenset(
    "beat win lead break smash shatter better improve defeat trail edge lose miss".split())
"""Verbs whose "by N" is a margin over their object: "beat Vance by 300 votes"."""


def _margin_of(verb: Token | None, anchor: Token) -> str | None:
    """What "by N" is a margin of ("record", "seat"), when the figure is one."""
    if verb is None or not (anchor.dep_ == "pobj" and anchor.head.lower_ == "by"
                            and anchor.head.head == verb):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    if obj.lemma_.lower() == "record" or verb.lemma_.lower() in MARGIN_VERBS:
        return obj.lemma_.lower() if obj.pos_ == "NOUN" else "win"
    return None


def _candidate_carried(verb: Token | None, thing: str | None) -> bool:
    """ "Marlow carried 11 regions": what is carried is an electoral unit, so it was won
    (a ferry carries passengers aboard)."""
    return verb is not None and verb.lemma_.lower() == "carry" and thing in ELECTORAL_UNITS


def _written_as_name(holder: str, sentence: str) -> bool:
    """The holder is written as a name in its sentence ("the Sewa", "Acme"), not as a
    common noun ("the ship", "the firm")."""
    found = re.search(rf"(?<!\w){re.escape(holder)}(?!\w)", sentence, re.IGNORECASE)
    return found is not None and found.group()[:1].isupper()


def _share_price(verb: Token | None) -> bool:
    """A sum a company's shares or stock moved to, or closed or traded at."""
    if verb is None or not (verb.lemma_.lower() in lexicon.CHANGE_VERBS
                            or verb.lemma_.lower() in ("close", "trade", "open", "end")):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lemma_.lower() in ("share", "stock")


def _modifier(child: Token, narrow: list[str], cause: list[str], scope: list[str],
              whole: Span, thing: Token | None, *, on_predicate: bool = False,
              cause_ok: bool = False, as_head: bool = False) -> None:
    """Sort one modifier of the counted noun or of its predicate into what narrows it."""
    dep = "advmod" if as_head else child.dep_  # "40 of them critically": the adverb heads
    low = child.lower_
    if dep == "amod" and child.pos_ in ("ADJ", "VERB") and child.i not in range(
            whole.start, whole.end) and not has_subject(child):
        word = _lemma(child)
        joined = _hyphened(child)
        if child.ent_type_ == "NORP" or child.pos_ == "PROPN":
            narrow.append(nation(child))  # "three British tourists"
        elif joined is not None:
            narrow.append(DESCRIPTIVE + joined)  # "short-tailed deer" were not tailed
        elif word not in NOT_NARROWING and word not in lexicon.PART_WORDS \
                and word not in lexicon.SEQUENCE_WORDS and child.tag_ != "JJS":
            restrictive = (word in lexicon.CONDITION_WORDS or word in lexicon.LEMMA_CLASS) \
                and word not in lexicon.HEDGE_WORDS
            narrow.append(word if restrictive else DESCRIPTIVE + word)
    elif dep == "compound" and thing is not None and child.head == thing:
        if child.pos_ == "PROPN" or child.ent_type_ or child.i in range(whole.start, whole.end):
            return  # a name: the holder ("Acme stores"); the figure's own unit ("six-story")
        if child.i == thing.i - 1 and child.lemma_.lower() + thing.lemma_.lower() == "":
            return
        if child.is_alpha and len(child.text) > 2:
            narrow.append(DESCRIPTIVE + child.lemma_.lower())  # "coast guard boats"
    elif dep == "advmod" and child.pos_ == "ADV":
        word = _lemma(child)
        if low == "still" or (
                low.endswith("ly") and low not in lexicon.STANCE_ADVERBS
                and low not in lexicon.TIME_ADVERBS and low not in lexicon.MANNER_ADVERBS
                and low not in RATE_ADVERBS and low not in BASELINE_ADVERBS):
            # "die daily" is a rate, "normally" a baseline (its time), neither a kind
            narrow.append(word)  # "seriously injured", "still closed", "directly hit"
    elif dep == "prep":
        obj = _pobj(child)
        if obj is None or obj.i in range(whole.start, whole.end):
            return
        if obj.ent_type_ in ("DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY"):
            return
        lemma = obj.lemma_.lower()
        if obj.pos_ == "PRON" or lemma in lexicon.INCIDENT_NOUNS:
            return
        if obj.ent_type_ in ("GPE", "LOC") or (obj.pos_ == "PROPN" and low in ("in", "at")):
            return  # places are read as scope by setting.place_and_time
        if low in CAUSE_PREPS and on_predicate and (
                cause_ok or child.head.lemma_.lower() in CAUSE_HEADS):
            cause.append(_phrase(low, obj))  # "died from the flames"
            cause.extend(c.lemma_.lower() for c in obj.children if c.dep_ == "conj")
        elif low in NARROWING_PREPS:
            if _person_like(obj) and low in ("among", "of"):
                return
            state = [c.lower_ for c in obj.children if c.dep_ == "amod"
                     and c.lower_ in lexicon.CONDITION_WORDS]  # fmt: skip
            if state:  # "two in a critical condition": injured, in that condition
                narrow.extend(state)
                return
            if low in SPATIAL_PREPS or lemma in lexicon.STATE_NOUNS \
                    or lemma in lexicon.PLACE_NOUNS:
                narrow.append(_phrase(low, obj))  # "in intensive care", "inside the stadium"
        elif low in CHARGE_PREPS and on_predicate and child.head.lemma_.lower() in (
                "convict", "jail", "sentence", "arrest", "charge", "acquit", "imprison",
                "find", "detain", "fine", "indict", "prosecute"):
            narrow.append("for:" + lemma)  # "convicted of murder" is not "of rape"
        elif low == "of" and on_predicate and child.head.lemma_.lower() in (
                "convict", "acquit", "accuse", "find", "guilty", "charge"):
            narrow.append("for:" + lemma)


MEASURING_VERBS = frozenset("count estimate number total tally put record register".split())
"""Verbs of counting: "48,000 demonstrators were counted" tells who they were, not an event
of their own."""


def _hyphened(word: Token) -> str | None:
    """A compound adjective a hyphen joins ("short-tailed", "hard-hit", "snow-capped"), as
    one word: it describes what is counted and names no event. None for any other word,
    and for an adverb in -ly before a participle ("badly-injured" is injured).

    >>> from spacy.lang.en import English
    >>> doc = English()("short-tailed deer")
    >>> _hyphened(doc[2]), _hyphened(doc[3])
    ('short-tailed', None)
    """
    first = hyphen_first(word)
    if first is None or first.lower_.endswith("ly"):
        return None
    return f"{first.lower_}-{word.lower_}"


def _event(words: list[str], *, strong: bool = False) -> str | None:
    """The event of a figure's predicate words: its class when one is known, else its
    first telling word. A noun made from a verb is that verb ("participation" is
    participate, "evacuation" evacuate), so the noun and the verb name one event."""
    words = [verb_of(w) if w.isalpha() else w for w in words]
    cls = lexicon.event_class(words)
    if cls:
        return cls
    if strong and words and words[0] not in MEASURING_VERBS:
        return lexicon.VERB_SYNONYMS.get(words[0], words[0])
    for word in words:
        if word not in lexicon.LIGHT_VERBS:
            return lexicon.VERB_SYNONYMS.get(word, word)
    return None


def _capacity_noun(thing: Token | None, found: Found) -> bool:
    if thing is not None and thing.lemma_.lower() in lexicon.CAPACITY_NOUNS:
        return True
    unit = (found.unit_text or "").lower().rstrip("s")
    return found.hyphenated and unit in lexicon.CAPACITY_NOUNS


def _capacity_phrase(anchor: Token) -> Token | None:
    """ "a capacity of 45 passengers", "its passenger capacity of 30": the capacity noun
    the figure is "of"."""
    head = anchor.head
    if anchor.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() == "capacity":
        return head.head
    return None


def _capacity_holder(thing: Token | None, found: Found) -> str | None:
    """ "the 42,000-seat stadium", "the 30,000 seat Riverside Stadium": what holds them."""
    if thing is None:
        return None
    if thing.lemma_.lower() in lexicon.CAPACITY_NOUNS:
        named = next((c for c in thing.children if c.dep_ in ("appos", "compound")
                      and c.pos_ in ("PROPN", "NOUN")), None)
        target = named if named is not None else thing.head
        return holder_name(target)
    if found.hyphenated:
        return holder_name(thing)
    return None


def _compared(doc: Doc, whole: Span) -> str | None:
    for tok in doc[whole.end : min(whole.end + 5, len(doc))]:
        if tok.lower_ == "than":
            for nxt in doc[tok.i + 1 : min(tok.i + 4, len(doc))]:
                if nxt.pos_ in ("NOUN", "PROPN"):
                    return nxt.lemma_.lower()
    return None


__all__ = ["PERCENT_PRECISION", "Reading", "_member_clause", "read_measure", "time_words"]
