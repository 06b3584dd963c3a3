"""What a date dates: the event a date or time phrase is attached to, read from the parse.

"The ship sank on Tuesday", "the sinking on Tuesday" and "Tuesday's disaster"
date one event: a verb and its nominalization name it alike (:func:`verb_of`), and the
nouns news uses for the story's own incident ("disaster", "crash", "stampede", "the
match") all name :data:`INCIDENT`. A date that bounds a figure rather than dating an
event ("by Friday", "as of Tuesday morning", "the toll rose to 58 on Friday") and
a date of a statement ("police said on Monday") date nothing another outlet can
contradict, and give no event.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from .. import lexicon, wordforms
from ..quantities.units import lookup_unit

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

INCIDENT = "incident"
"""The event key of the story's own incident, whatever word names it."""

GENERIC_INCIDENTS = frozenset(
    "disaster tragedy incident accident catastrophe calamity event ordeal horror".split()
)
"""Nouns that name the story's incident without saying what it was: "Tuesday's disaster"
dates the sinking."""

SPEECH_VERBS = frozenset(
    "say tell add write quote insist stress note explain tweet post comment report announce "
    "confirm state claim reveal disclose warn".split()
)
"""Verbs of saying: "police said on Monday" dates the statement, not what it tells; two
outlets quoting statements of different days do not disagree."""

HAPPEN_VERBS = frozenset("be happen occur take unfold come erupt break record register".split())
"""Verbs whose subject is the event ("the attack happened on Thursday", "the disaster took
place on Sunday", "the quake was recorded at 10:05"): their date dates the subject."""
OCCUR_VERBS = frozenset("happen occur take unfold".split())
"""Of :data:`HAPPEN_VERBS`, those whose subject can only be an event: "the leak took place"."""
IMPACT_VERBS = frozenset("hit strike jolt rock".split())
"""Verbs whose subject, when it names an event, is the event ("the quake hit at 05:12");
"hackers hit the company on Friday" is the hit."""

ASPECT_VERBS = frozenset("begin start stop finish end".split())
"""Verbs whose complement or subject is the event ("began receiving calls", "the blaze
began on Monday")."""

GENERIC_VERBS = frozenset("be have do go get make see give put take come keep let become".split())
"""Verbs too general to name an event alone: "went to the market on Friday", "saw long
queues on Monday"; with a complement they may ("went bankrupt on Monday")."""

HOLD_VERBS = frozenset("hold stage organise organize call host conduct".split())
"""Verbs whose object is the event ("the country held its election on Sunday")."""

FIGURE_NOUNS = frozenset("toll number figure count tally total estimate rate level".split())
"""Nouns of a figure: "the toll rose to 58 on Friday" dates a figure, not an event."""

BOUND_PREPOSITIONS = frozenset("by since until till through throughout from as".split())
"""Prepositions that make a date a bound ("by Friday", "since 2003", "as of Monday"), not the
day of an event."""

OTHER_EVENT_WORDS = frozenset(
    "previous last earlier former first another other similar past prior second".split()
)
"""Words that make an event noun another event than the story's ("the last deadly attack
in November", "a previous disaster")."""

NOMINAL_SUFFIXES = (
    ("ation", ("e", "ate", "")),
    ("ition", ("ite", "")),
    ("sion", ("de", "se", "d", "t")),
    ("tion", ("te", "t", "")),
    ("ment", ("",)),
    ("ure", ("e", "")),
    ("al", ("e", "")),
)
"""Suffixes of nouns made from verbs, and the endings that give the verb back
("declaration" declare, "explosion" explode, "eruption" erupt, "departure" depart)."""


@dataclass(frozen=True)
class Dated:
    """The event a date phrase dates."""

    event: str | None
    """The event key: a verb lemma ("declare"), an event class ("convicted"), or
    :data:`INCIDENT`; None when the date dates no checkable event."""
    who: str | None = None
    """The event's subject when it is a name ("lenz", "council")."""
    what: str | None = None
    """The event's object when it has one ("winner" of "declared Ms Lenz the winner")."""
    planned: bool = False
    """The verb tells what is to happen ("will sign on Tuesday", "is due to open"), not what
    did."""


def dated_event(span: Span) -> Dated:
    """The event the date phrase ``span`` is attached to."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lemma_.lower() in SPEECH_VERBS and before.pos_ == "VERB" \
            and _announced(before) is None:
        return Dated(None)  # "the ministry said Friday 17 had died": when it was said
    cleft = _cleft_verb(span)
    if cleft is not None:
        return _verb_event(cleft)
    anchor = _anchor(span)
    if anchor is None:
        return Dated(None)
    if anchor.pos_ in ("NOUN", "PROPN"):
        if span.root.head == anchor and span.root.dep_ in MODIFIER_DEPS \
                and not _eventive(anchor.lemma_.lower()):
            return Dated(None)  # "the 2016 budget": the year says which budget
        dated = _noun_event(anchor)
        if anchor.lemma_.lower() in lexicon.OCCASION_NOUNS and dated.who is None:
            verb = _governing_verb(anchor)  # "at a briefing on Monday, Mayor Ruiz said"
            if verb is not None:
                dated = replace(dated, who=_speaker(verb))
        return dated
    if anchor.pos_ in ("VERB", "AUX"):
        dated = _verb_event(anchor)
        return replace(dated, planned=True) if dated.event and _planned(anchor) else dated
    return Dated(None)


PLAN_VERBS = frozenset("plan schedule expect set due intend aim hope".split())


def _planned(verb: Token) -> bool:
    """ "would accept the offer on Tuesday", "is scheduled to open on Monday": a plan."""
    if any(c.dep_ == "aux" and c.lower_ in lexicon.FORECAST_AUX for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in PLAN_VERBS


def _cleft_verb(span: Span) -> Token | None:
    """ "It was at around 3.45 am that the gas leaked": the verb the cleft dates."""
    doc = span.doc
    start = span.start - 1 if span.start > 0 and doc[span.start - 1].pos_ == "ADP" else span.start
    if start < 2 or span.end >= len(doc) or doc[span.end].lower_ != "that":
        return None
    if doc[start - 2].lower_ != "it" or doc[start - 1].lemma_ != "be":
        return None
    sent_end = span.sent.end
    return next((t for t in doc[span.end + 1 : sent_end] if t.pos_ == "VERB"), None)


MODIFIER_DEPS = frozenset("poss compound nummod amod nmod".split())
"""How a date modifies a noun directly ("Sunday's march", "the 2003 protest")."""


def _anchor(span: Span) -> Token | None:
    """The verb or noun a date phrase hangs from; None for a bound ("by Friday")."""
    token = span.root
    for _ in range(4):
        head = token.head
        if head == token:
            return token if token.pos_ in ("VERB", "AUX") else None
        if token.dep_ == "poss":
            return head  # "Tuesday's disaster"
        if head.pos_ == "ADP":
            if head.lower_ in BOUND_PREPOSITIONS or head.head.lower_ in BOUND_PREPOSITIONS:
                return None
            token = head
            continue
        if head.i in range(span.start, span.end) or _clock_noun(head):
            token = head  # "at 12:30 pm local time": the clock is part of the time
            continue
        if head.pos_ in ("VERB", "AUX", "NOUN", "PROPN"):
            return head
        token = head
    return None


def _clock_noun(token: Token) -> bool:
    """ "Time" in "local time", "Beijing time", "GMT time": which clock a time is told in."""
    return token.lemma_.lower() == "time" and any(
        c.dep_ in ("amod", "compound") for c in token.children)


def _noun_event(noun: Token, *, climb: bool = True, eventive: bool = False) -> Dated:
    lemma = noun.lemma_.lower()
    if climb and (noun.dep_ == "dobj" or not _eventive(lemma)):
        # "declared Ms Lenz the winner ... on Friday", "the chair of the panel on Friday
        # declared": a date beside an object, or beside a noun that names no event,
        # dates the verb
        verb = _governing_verb(noun)
        if verb is not None and verb.lemma_.lower() not in HOLD_VERBS:
            return _verb_event(verb)
    if not (eventive or _eventive(lemma)):
        return Dated(None)
    if lemma in FIGURE_NOUNS:
        return Dated(None)
    if any(c.lower_ in OTHER_EVENT_WORDS for c in noun.children
           if c.dep_ in ("amod", "advmod")):
        return Dated(None)  # "the previous attack in March", "an earlier disaster"
    if noun.ent_type_ in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"):
        return Dated(None)  # "France in 1962": a name is no event
    event = event_key(lemma)
    if event == INCIDENT:
        return Dated(INCIDENT)
    if lemma in lexicon.OCCASION_NOUNS:  # "a briefing on border security": which briefing
        return Dated(event, what=_name(_of_object(noun) or _topic(noun)))
    return Dated(event, what=_name(_of_object(noun)))


def _topic(noun: Token) -> Token | None:
    """What an occasion is about: "a hearing on the budget" (budget)."""
    prep = next((c for c in noun.children if c.dep_ == "prep"
                 and c.lower_ in ("on", "about", "over")), None)
    topic = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None \
        else None
    return None if topic is None or topic.ent_type_ in ("DATE", "TIME") else topic


def _of_object(noun: Token) -> Token | None:
    """What a noun of an event acts on: "the seizure of 3 tonnes of ivory" (ivory)."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is not None and any(c.dep_ == "nummod" for c in obj.children):
        inner = _of_object(obj)  # "3 tonnes of ivory": the ivory, not the tonnes
        return inner if inner is not None else obj
    return obj


def _verb_event(verb: Token) -> Dated:
    lemma = verb.lemma_.lower()
    occasion = _occasion_of(verb)
    if occasion is not None:  # "was named at a news conference on Thursday": its day
        dated = _noun_event(occasion, climb=False)
        return replace(dated, who=dated.who or _speaker(verb))  # whose: the mayor's
    announced = _announced(verb)
    if announced is not None:  # "Acme announced the merger on Monday": the announcement
        return Dated(lemma, who=_speaker(verb), what=_name(announced))
    if lemma in SPEECH_VERBS or _ongoing(verb):
        return Dated(None)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")), None)
    if subject is not None and subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        subject = verb.head  # "a guard who died on Tuesday": the guard died
        if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children):
            return Dated(None)  # a relative clause on "a guard" tells of someone aside
    if lemma in ASPECT_VERBS:
        inner = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp")
                      and c.pos_ == "VERB"), None)
        if inner is not None:
            return _verb_event(inner)
        if subject is not None and subject.pos_ == "NOUN" and (
                _eventive(subject.lemma_.lower())
                or subject.lemma_.lower() not in lexicon.PERSON_NOUNS):
            # what begins is an event, whatever its noun: "the coup began at 10 pm"
            return _noun_event(subject, climb=False, eventive=True)
        return Dated(None)
    if lemma == "come" and any(c.dep_ == "prep" and c.lower_ == "to" and any(
            g.lower_ == "light" for g in c.children) for c in verb.children):
        # "the killing came to light on Monday": it was found out then, not done
        return Dated(event_key("find"), what=_name(subject))
    if lemma in HAPPEN_VERBS and subject is not None and subject.pos_ == "NOUN" and (
            lemma != "take" or any(c.lower_ in ("place", "effect") for c in verb.children)):
        # "the leak took place at 2.30 am": what takes place is an event, whatever its noun;
        # a rule "takes effect"; a chopper that "took off" is none
        return _noun_event(subject, climb=False, eventive=lemma in OCCUR_VERBS)
    if lemma in IMPACT_VERBS and subject is not None and subject.pos_ == "NOUN" \
            and _eventive(subject.lemma_.lower()):
        return _noun_event(subject, climb=False)
    if lemma in HOLD_VERBS and obj is None and subject is not None and subject.dep_ == "nsubjpass":
        obj = subject  # "the ceremony was organised on Friday": what was held
    if lemma in HOLD_VERBS and obj is not None and obj.pos_ == "NOUN":
        return _noun_event(obj, climb=False)
    if subject is not None and subject.lemma_.lower() in FIGURE_NOUNS:
        return Dated(None)  # "the toll hit 58 on Friday"
    complements = [c.lemma_.lower() for c in verb.children if c.dep_ in ("acomp", "oprd")
                   or (c.dep_ in ("xcomp", "ccomp") and c.pos_ == "ADJ")]
    event = lexicon.event_class(complements) or event_key(lemma)
    if event in lexicon.PERSON_EVENTS and _in_incident(verb):
        return Dated(INCIDENT)  # "12 died on Monday when a bridge collapsed": its date
    if lemma in GENERIC_VERBS and event == lemma:
        if not complements:
            return Dated(None)
        event = f"{lemma} {complements[0]}"  # "went bankrupt"
    if event == INCIDENT:
        return Dated(INCIDENT)  # the story's incident, whoever tells of it
    who = _name(subject) if subject is not None and subject.pos_ == "PROPN" else None
    if obj is None and subject is not None and subject.dep_ == "nsubjpass" and who is None:
        obj = subject  # "the summit was cancelled on Monday": what was cancelled
    return Dated(event, who=who, what=_name(obj))


DEED_VERBS = frozenset("announce unveil".split())
"""Verbs of saying whose object is a deed of its own ("announced the merger", "unveiled a
plan"): its day is the announcement's, which outlets can give differently."""


def _announced(verb: Token) -> Token | None:
    """The thing a verb of :data:`DEED_VERBS` makes known, when it is a noun: "announced
    the closure on Monday" (closure); None for "announced that ..." (a statement)."""
    if verb.lemma_.lower() not in DEED_VERBS:
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return obj if obj is not None and obj.pos_ == "NOUN" else None


def _occasion_of(verb: Token) -> Token | None:
    """The occasion a verb's act took place at ("spoke at a rally", "announced during a
    briefing"): what a date on the verb dates."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("at", "during"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() in lexicon.OCCASION_NOUNS:
                return obj
    return None


def _speaker(verb: Token) -> str | None:
    """The named subject of a verb ("Mayor Ruiz said"), which tells whose occasion it was."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return _name(subject) if subject is not None and subject.pos_ == "PROPN" else None


def _in_incident(verb: Token) -> bool:
    """True when a verb of what happened to people says the incident it happened in ("were
    killed in a landslide", "died when a bridge collapsed")."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "after", "during") and any(
                event_key(o.lemma_.lower()) == INCIDENT
                for o in child.children if o.dep_ == "pobj"):
            return True
        if child.dep_ == "advcl" and event_key(child.lemma_.lower()) == INCIDENT:
            return True
    return False


def _ongoing(verb: Token) -> bool:
    """True for a verb that tells a state at a time, not an event: "fans queuing outside
    on Friday night", "the blaze, which was still raging on Monday"."""
    if verb.tag_ != "VBG":
        return False
    return verb.dep_ == "acl" or any(
        c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)


def _eventive(lemma: str) -> bool:
    """True for a noun that names an event: an incident, a word of an event class, or a
    verb made a noun ("declaration", "sinking")."""
    return event_key(lemma) != lemma or lemma in lexicon.EVENT_NOUNS \
        or lemma in lexicon.OCCASION_NOUNS or verb_of(lemma) != lemma


def _governing_verb(token: Token) -> Token | None:
    for _ in range(4):
        if token.head == token:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _name(token: Token | None) -> str | None:
    if token is not None and _a_unit(token):  # "seized 300 kg of cocaine": the cocaine
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        token = next((c for c in of.children if c.dep_ == "pobj"), token) if of else token
    if token is None or token.pos_ not in ("NOUN", "PROPN") or token.lemma_.lower() in (
            lexicon.GENERIC_PERSONS):
        return None
    return token.lemma_.lower()


def _a_unit(token: Token) -> bool:
    info = lookup_unit(token.lower_)
    return info is not None and info.dimension in ("mass", "volume", "length", "area")


@cache
def event_key(lemma: str) -> str:
    """The key of an event word: incidents are one, a verb and its nominalization alike,
    and the event classes of the lexicon by class.

    >>> event_key("sinking"), event_key("disaster"), event_key("sink")
    ('incident', 'incident', 'incident')
    >>> event_key("declaration"), event_key("conviction"), event_key("announce")
    ('declare', 'convicted', 'announce')
    >>> event_key("abduct"), event_key("abduction"), event_key("free")
    ('kidnap', 'kidnap', 'release')
    """
    if lemma in GENERIC_INCIDENTS or lemma in lexicon.INCIDENT_NOUNS:
        return INCIDENT
    verb = verb_of(lemma)
    if verb in _incident_verbs():
        return INCIDENT
    return lexicon.event_class([lemma]) or lexicon.event_class([verb]) \
        or lexicon.DEED_SYNONYMS.get(verb, verb)


@cache
def verb_of(noun: str) -> str:
    """The verb a noun is made from, else the noun itself.

    >>> verb_of("sinking"), verb_of("explosion"), verb_of("departure"), verb_of("match")
    ('sink', 'explode', 'depart', 'match')
    """
    if noun.endswith("ing"):
        verb = wordforms.verb_lemma(noun)
        if verb != noun:
            return verb  # "capsizing": the verb's rules know words the lexicon lacks
    for suffix, endings in NOMINAL_SUFFIXES:
        if noun.endswith(suffix) and len(noun) > len(suffix) + 2:
            stem = noun[: -len(suffix)]
            for ending in endings:
                if wordforms.is_verb(stem + ending):
                    return stem + ending
    return noun


@cache
def _incident_verbs() -> frozenset[str]:
    nouns = GENERIC_INCIDENTS | lexicon.INCIDENT_NOUNS
    return frozenset(verb_of(n) for n in nouns if verb_of(n) != n) | frozenset(
        n for n in lexicon.INCIDENT_NOUNS if wordforms.is_verb(n)
    )
"""Verbs whose nominalization names an incident ("sink", "capsize", "crash", "explode")."""
