"""What the sentence says of a counted phrase: its predicate, read from the parse.

The predicate is the clause a figure is the subject or object of ("84 people were
killed"), a clause attached to its noun ("people killed", "14 who are in intensive
care"), or what a copula or a light verb carries ("52 are critical", "14 suffered
injuries", "were forced to close"). Its lemmas name the event; its adverbs and
prepositional phrases may narrow the set the figure counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .. import lexicon
from ..wordforms import verb_lemma
from .syntax import to_infinitive

COPULAS = frozenset("be remain stay become lie seem appear".split())
"""Verbs whose complement, not themselves, says what a figure is."""

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "dative"})
CLIMB_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "oprd", "conj", "appos", "nummod",
     "compound", "quantmod", "npadvmod", "amod", "nmod", "dative", "prep", "pcomp", "agent"}
)
"""Links a counted phrase reaches its clause through; a parse that hangs it on a comma
or a quote gives it no predicate."""
MAX_CLIMB = 6
PATIENT_EVENTS = frozenset(
    "killed injured arrested rescued evacuated charged convicted sentenced acquitted".split()
)
"""Events whose subject does them to their object: "one gunman killed 49 people" counts
a killer, not the killed."""
RELATIVE_PRONOUNS = frozenset("which that who whom".split())
OFFSET_WORDS = frozenset("later earlier after before ago up down higher lower".split())
"""Words a span hangs on when it dates a clause ("found a week later" was found) or moves a
figure ("shares were down 23 percent": the shares' change)."""
TALLY_NOUNS = frozenset("number total figure count tally".split())
LEVEL_VERBS = frozenset("take push send".split())
"""Verbs that, with "to" before the figure, move what their object names to a level: "the
new finds took the tally to 85", "pushed the toll to 23"."""
"""Nouns that stand for a count of what their "of" phrase names."""
PREDICATIVE_NOUNS = frozenset("set due poised slated".split())
"""Words the parser may take for a counted noun when they say what is to come: "around
9,500 set to lose their jobs"."""


@dataclass
class Predicate:
    """The predicate of a counted phrase, with what it tells of the figure."""

    clause: Token | None = None
    """The verb (or adjective) heading the clause that says what happened."""
    words: list[str] = field(default_factory=list)
    """Lemmas that name what happened, most telling first."""
    modifiers: list[Token] = field(default_factory=list)
    """Tokens whose adverbs and prepositional phrases may narrow the figure."""
    agent: bool = False
    """The counted phrase does the action ("one gunman killed 49 people")."""
    presumed: bool = False
    forecast: bool = False
    capacity: bool = False
    negated: bool = False
    also: list[str] = field(default_factory=list)
    """Lemmas of verbs coordinated with the predicate ("arrested and charged")."""
    strong: bool = False
    """The first word names the event even when it is a light verb."""
    counted: Token | None = None
    """The noun a light verb's argument names as the counted thing ("the number of
    small businesses affected is between 800 and 1,500")."""
    holder: str | None = None
    """What can hold the figure, when the predicate is a capacity ("a stadium that is
    supposed to hold 38,000 people")."""


def predicate_of(anchor: Token, whole: Span) -> Predicate:
    """The predicate of the phrase headed by ``anchor`` (the counted noun, or the number
    itself when it stands alone); ``whole`` is the figure's own span."""
    inside = range(whole.start, whole.end)
    for child in anchor.children:
        if child.dep_ in ("acl", "relcl") and child.i not in inside and not _member_clause(child) \
                and not descriptive(child) and not (child.dep_ == "relcl" and _acted_on(anchor)):
            return _read_clause(child, anchor)
        if child.dep_ in ("xcomp", "advcl") and child.pos_ == "VERB" \
                and anchor.lower_ in PREDICATIVE_NOUNS \
                and to_infinitive(child):
            return _read_clause(child, anchor)  # "9,500 set to lose their jobs" lose them
    verb = _clause_verb(anchor)
    if verb is None:
        return Predicate()
    pred = _read_clause(verb, anchor)
    subject = _tallied_subject(anchor)
    if (
        subject.dep_ in SUBJECT_DEPS
        and subject.head == verb
        and verb.dep_ != "auxpass"
        and not any(c.dep_ == "auxpass" for c in verb.children)
        and any(c.dep_ == "dobj" and c.lemma_.lower() != "life" and not rate_adverbial(c)
                for c in verb.children)
        and pred.words
        and lexicon.event_class(pred.words) in PATIENT_EVENTS
        and not (_lemma(verb) in lexicon.LIGHT_OBJECT_VERBS | {"have"}
                 and lexicon.event_class(pred.words) == "injured")  # "23 had injuries"
    ):  # who "lost their lives" died: no agent
        pred.agent = True  # "one gunman killed 49 people": the gunman did the killing
    return pred


GATHERING_NOUNS = frozenset("number total group band".split())
"""Nouns that gather the noun they are "of": "a band of raiders", "a group of miners".
Named apart from :data:`TALLY_NOUNS` above, which it once rebound by accident."""


def _tallied_subject(anchor: Token) -> Token:
    """The subject the counted noun stands in: itself, or the tally it is "of" ("a
    band of raiders ... burned 30 huts": the raiders burned them)."""
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" \
            and anchor.head.head.lemma_.lower() in GATHERING_NOUNS:
        return anchor.head.head
    return anchor


RATE_NOUNS = frozenset("second minute hour day night week month year".split())
RATE_DETERMINERS = frozenset("a an each every per".split())
RATE_ADVERBS = frozenset("hourly daily nightly weekly monthly yearly annually".split())


def rate_adverbial(tok: Token) -> bool:
    """ "a day", "each week", "per year", "daily": how often, not a thing acted on
    ("700 people are dying a day" has no object)."""
    if tok.lower_ in RATE_ADVERBS and tok.dep_ in ("advmod", "npadvmod"):
        return True
    if tok.dep_ == "prep" and tok.lower_ == "per":
        return any(c.dep_ == "pobj" and c.lemma_.lower() in RATE_NOUNS for c in tok.children)
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in RATE_OFFSETS:
        return False  # "a day after police arrested 40": when, not how often
    return tok.lemma_.lower() in RATE_NOUNS and tok.dep_ in ("dobj", "npadvmod") and any(
        c.dep_ == "det" and c.lower_ in RATE_DETERMINERS for c in tok.children)


RATE_OFFSETS = frozenset("after before ago later earlier since into".split())
"""Words after "a week", "a day" that make it a time offset, not a rate."""


def rate_of_clause(anchor: Token) -> bool:
    """The figure's own clause says how often: "700 people are dying each day", "the plant
    makes 500 cars a day" (the figure its verb's subject or object)."""
    verb = anchor.head
    if anchor.dep_ not in SUBJECT_DEPS | {"dobj"} or verb.pos_ not in ("VERB", "AUX"):
        return False
    return any(rate_adverbial(c) for c in verb.children if c.i != anchor.i)


def _acted_on(anchor: Token) -> bool:
    """The counted noun is the object of a verb that tells what happened to it: "the breach
    affected 40,000 customers who bought tickets online" (affected, not bought)."""
    verb = anchor.head
    lemma = verb.lemma_.lower()
    if anchor.dep_ in ("nsubj", "nsubjpass") and verb.pos_ == "VERB" \
            and lemma in lexicon.LEMMA_CLASS:
        return True  # "12 people who were injured in the fall died": they died
    return anchor.dep_ == "dobj" and verb.pos_ == "VERB" and lemma not in lexicon.LIGHT_VERBS \
        and lemma not in lexicon.LIGHT_OBJECT_VERBS and lemma not in ("include", "involve")


def _clause_verb(anchor: Token) -> Token | None:
    """The verb whose clause the counted phrase belongs to, climbing only through links
    that keep it in one clause."""
    token = anchor
    if anchor.dep_ == "advmod" and anchor.pos_ == "ADP" and anchor.head.pos_ == "VERB":
        return anchor.head  # "over 300 injured": the figure's own "over" hangs on the verb
    for _ in range(MAX_CLIMB):
        if token.head == token:
            return None
        if token.dep_ not in CLIMB_DEPS and not (
                token.dep_ == "advmod" and token.lower_ in OFFSET_WORDS) and not (
                token.dep_ == "acomp" and token.like_num):  # "turnout was just 43.9%"
            return None
        below, token = token, token.head
        if token.pos_ == "PUNCT" or not (token.sent.start <= anchor.i < token.sent.end):
            return None
        if token.dep_ == "amod" and token.pos_ == "VERB" and below.dep_ == "nsubj":
            return token  # "killed, 63 injured and 168 vehicles damaged": 63 were injured
        if token.dep_ in ("aux", "auxpass") and token.head != token:
            token = token.head  # "stores were still closed": the participle, not "were"
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "amod":
            return token
        if token.pos_ == "ADJ" and token.dep_ in ("ROOT", "ccomp", "conj", "acomp"):
            return token  # "two dead, 290 missing": an adjective heads the clause
    return None


def _read_clause(verb: Token, anchor: Token) -> Predicate:
    pred = Predicate(clause=verb)
    seen = 0
    while seen < 4:  # raising and presumption verbs hand over to their complement
        seen += 1
        lemma = verb.lemma_.lower()
        if any(c.dep_ == "neg" for c in verb.children):
            pred.negated = True
        if any(c.dep_ == "aux" and c.lower_ in lexicon.FORECAST_AUX for c in verb.children):
            if lemma in lexicon.CAPACITY_VERBS:
                pred.capacity = True  # "can hold 900"; "1,700 jobs could be lost" may happen
            else:
                pred.forecast = True
        if lemma in lexicon.FORECAST_VERBS:
            pred.forecast = True
        complement = next((c for c in verb.children if c.dep_ in ("xcomp", "oprd", "ccomp")
                           and c.i > verb.i and c.pos_ in ("VERB", "AUX", "ADJ")), None)
        if lemma in lexicon.PRESUMED_VERBS and complement is not None:
            pred.presumed = True
            pred.modifiers.append(verb)
            verb = complement
            continue
        likely = _likely_to(verb) if lemma == "be" else None
        if likely is not None:  # "18 miners are likely to be trapped": presumed trapped
            pred.presumed = True
            pred.modifiers.append(verb)
            verb = likely
            continue
        if lemma in ("suppose", "design", "build", "plan", "mean") and complement is not None:
            pred.capacity = pred.capacity or _capacity_word(complement)
            pred.modifiers.append(verb)
            verb = complement
            continue
        if lemma in ("set", "slate", "poise", "due") and complement is not None \
                and to_infinitive(complement):
            pred.forecast = True  # "9,500 staff are set to lose their jobs"
            pred.modifiers.append(verb)
            verb = complement
            continue
        if (lemma in lexicon.RAISING_VERBS or lemma in lexicon.FORECAST_VERBS) \
                and complement is not None and complement.pos_ != "ADJ":
            pred.modifiers.append(verb)
            verb = complement
            continue
        break
    pred.clause = verb
    pred.modifiers.append(verb)
    pred.also = [c.lemma_.lower() for c in verb.children
                 if c.dep_ == "conj" and c.pos_ == "VERB" and not any(
                     g.dep_ in ("nsubj", "nsubjpass") or any(t.like_num for t in g.subtree)
                     or (g.dep_ == "dobj" and g.pos_ != "PRON")
                     for g in c.children)]  # "killed and over 300 injured": the 300's;
    # "killing four and wounding scores of others": the wounded are others
    lemma = _lemma(verb)  # "unaccounted", not the lemmatizer's "unaccounte"
    if _taken_away(verb, anchor):
        pred.words.append("steal")  # "made off with £3 million" stole it
        return pred
    if lemma in lexicon.CAPACITY_VERBS and not _level_of(anchor, verb) and (
            pred.capacity or _capacity_aux(verb) or _able_to(verb) or _standing(verb)):
        # "it takes the toll to 64" puts a figure at a level; "the hall takes 900" holds
        pred.capacity = True
        pred.holder = container(verb)
    elif _announced(verb):
        pred.forecast = True
    for child in verb.children:
        if child.dep_ in ("oprd", "acomp") and child != anchor:
            pred.modifiers.append(child)  # "found guilty of taking bribes"
    if lemma == "include":
        pred.words.extend(_subject_words(verb))  # "those convicted include two officers"
    if lemma in COPULAS or verb.pos_ == "AUX":
        for child in verb.children:
            if child.like_num or child.ent_type_ in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY"):
                continue
            if child.dep_ in ("acomp", "attr", "oprd") and child != anchor:
                pred.words.append(_lemma(child))
                pred.modifiers.append(child)
            elif child.dep_ == "prep" and child.lower_ == "among" and _pobj(child) is not None:
                pred.words.append(_lemma(_pobj(child)))  # "among the dead were 27": the dead
            elif child.dep_ == "prep" and child.i > verb.i and child.lower_ not in ("of", "by"):
                obj = _pobj(child)
                if obj is not None and obj != anchor and obj.ent_type_ not in (
                        "GPE", "LOC", "DATE", "TIME"):  # "9,000 are in the UK": a scope
                    pred.words.append(_phrase(child.lower_, obj))
            elif child.dep_ == "advmod" and child.lower_ in ("aboard", "onboard", "missing"):
                pred.words.append(child.lower_)
        if not pred.words:
            pred.words.extend(_argument_words(verb, anchor))  # "the toll was 62"
            pred.words.append(lemma)
        return pred
    if lemma in LEVEL_VERBS and _level_of(anchor, verb):
        pred.words.extend(_argument_words(verb, anchor))  # "took the toll to 58"
        return pred
    if lemma in lexicon.LIGHT_OBJECT_VERBS or lemma == "have":
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c != anchor), None)
        if lemma == "have" and (obj is None or _lemma(obj) not in lexicon.LEMMA_CLASS):
            obj = None  # "four had burn injuries" were hurt; "it has 900 seats" is not
        if obj is not None and obj.pos_ == "NOUN":
            if lemma in ("claim", "take", "cost") and obj.lemma_.lower() == "life":
                pred.words.append("kill")  # "claimed the lives of 157 people"
            elif lemma == "take" and obj.lemma_.lower() == "part":
                pred.words.append("participate")
            else:
                pred.words.append(obj.lemma_.lower())
                pred.modifiers.append(obj)
    if lemma == "take" and any(c.lemma_ == "part" for c in verb.children):
        pred.words.append("participate")
    if lemma in ("claim", "cost", "lose") and any(c.lemma_ == "life" for c in verb.subtree):
        pred.words.append("kill")
    if lemma in lexicon.LIGHT_VERBS and anchor.dep_ == "nsubjpass" and lemma != "be":
        pred.words.extend(_lemma(c) for c in verb.children  # "2,000 were left homeless"
                          if c.dep_ in ("acomp", "oprd") and c != anchor)
        pred.words.extend(_judged(verb))
        pred.words.extend(_as_state(verb))
        pred.words.append(lemma)  # "200 businesses have been hit": hit is what happened
        pred.strong = True
        return pred
    if (lemma in lexicon.LIGHT_VERBS or lemma in lexicon.CHANGE_VERBS) and _level_of(
            anchor, verb):
        # "put the death toll at 174", "lowered it to 125", "revised the toll down to 125":
        # the verb sets a level of what its object names (or what an earlier phrase did)
        pred.words.extend(_argument_words(verb, anchor))
        return pred
    if lemma in lexicon.LIGHT_VERBS and (anchor.dep_ in ("dobj", "attr") or (
            anchor.dep_ == "pobj" and anchor.head.lower_ in ("at", "to", "of"))):
        pred.words.extend(_argument_words(verb, anchor))
    pred.words.append(lemma)
    for child in verb.children:
        if (child.dep_ in ("acomp", "oprd") and child != anchor) or _object_participle(
                child, anchor) or _state_after(child, verb):
            pred.words.insert(0, _lemma(child))  # "found dead", "left homeless"
        elif lemma == "leave" and anchor.dep_ == "dobj" and _state_with(child):
            pred.words.insert(0, _lemma(_pobj(child)))  # "left 23 workers with injuries"
    pred.words[:0] = _as_state(verb)
    return pred


def _state_after(child: Token, verb: Token) -> bool:
    """ "14 went missing": a state word right after the verb says what they became, even
    when the parse hangs it on the verb as a clause of its own or as an adverb."""
    return child.i == verb.i + 1 and child.dep_ in ("advcl", "xcomp", "advmod") \
        and child.lower_ in lexicon.LEMMA_CLASS


AWAY_WITH = {"make": "off", "get": "away", "run": "off", "escape": None, "flee": None}
"""Verbs that, with "with" before what they took, say it was stolen: "made off with",
"got away with", "ran off with", "escaped with", "fled with" (and the particle each needs)."""


def _taken_away(verb: Token, anchor: Token) -> bool:
    """ "the gang made off with £3 million", "escaped with jewels worth $2 million": the
    figure is what was taken."""
    lemma = verb.lemma_.lower()
    if lemma not in AWAY_WITH:
        return False
    particle = AWAY_WITH[lemma]
    if particle is not None and not any(c.dep_ in ("prt", "advmod") and c.lower_ == particle
                                        for c in verb.children):
        return False
    if _person_like(anchor) or anchor.lemma_.lower() in lexicon.PART_WORDS:
        return False  # "escaped with 40 other inmates" took no one
    return any(t.dep_ == "prep" and t.lower_ == "with" and t.head.i == verb.i
               for t in anchor.ancestors)


def _person_like(token: Token) -> bool:
    """The token names people ("workers", "passengers", "inmates")."""
    lemma = token.lemma_.lower()
    return lemma in lexicon.PERSON_NOUNS or lemma in lexicon.PERSON_FAMILIES


def _state_with(child: Token) -> bool:
    """ "left 23 workers with injuries": a "with" phrase naming what happened to them
    says what the verb left them in."""
    obj = _pobj(child) if child.dep_ == "prep" and child.lower_ == "with" else None
    return obj is not None and _lemma(obj) in lexicon.LEMMA_CLASS


def _as_state(verb: Token) -> list[str]:
    """ "listed as missing", "registered as dead": what the verb files them as."""
    return [c.lower_ for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "as"
            for c in prep.children
            if c.dep_ in ("pcomp", "pobj", "acomp", "amod") and c.lower_ in lexicon.LEMMA_CLASS]


def _object_participle(child: Token, anchor: Token) -> bool:
    """ "leaving more than 40 injured": a bare participle right after the figure says what
    it is, even when the parse hangs it on the verb as a clause of its own."""
    return (child.dep_ in ("advcl", "ccomp", "xcomp") and child.tag_ == "VBN"
            and anchor.dep_ == "dobj"
            and child.i == max(t.i for t in anchor.subtree) + 1
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark")
                        for c in child.children))


def _judged(verb: Token) -> list[str]:
    """What a passive verb of judging says its subject is, through "to be": "1,611 ballots
    were considered to be invalid ballots" (invalid), "were thought to be missing"."""
    words = []
    for be in (c for c in verb.children if c.dep_ == "xcomp" and c.lemma_ == "be"):
        for c in be.children:
            if c.dep_ == "acomp":
                words.append(_lemma(c))
            elif c.dep_ == "attr" and c.pos_ == "NOUN":  # a participle, quoted or not
                words.extend(verb_lemma(m.lower_) if m.tag_ == "VBN" or m.lower_.endswith("ed")
                             else _lemma(m) for m in c.children if m.dep_ == "amod")
    return words


def descriptive(clause: Token) -> bool:
    """ "1.3 million people, which would make it the largest march": a clause set off by a
    comma that speaks of the whole statement, not of the people counted."""
    doc = clause.doc
    first = min(t.i for t in clause.subtree)
    comma = first > 0 and doc[first - 1].text == ","
    which = any(c.lower_ == "which" and c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    return comma and which


def _argument_words(verb: Token, anchor: Token) -> list[str]:
    """ "organisers put the turnout at 1.03 million", "estimated the crowd at 1.3 million",
    "the toll stood at 62": a light verb's other argument names what the figure counts
    (its object; its subject only for verbs with none, never the person who says it)."""
    deps = ("dobj",) if any(c.dep_ == "dobj" and c != anchor for c in verb.children) \
        else ("nsubj", "nsubjpass")
    words = []
    for child in verb.children:
        if child.dep_ not in deps or child == anchor:
            continue
        if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            child = verb.head  # "turnout, which organisers put at 1.03 million"
        lemma = child.lemma_.lower()
        if child.pos_ == "PROPN" and child.is_sent_start and child.lower_ in lexicon.LEMMA_CLASS:
            words.append(child.lower_)  # "Turnout was 43.9%": a capital, not a name
            continue
        if lemma in TALLY_NOUNS:
            counted = _pobj(next((c for c in child.children if c.dep_ == "prep"
                                  and c.lower_ == "of"), child))
            if counted is not None and counted.pos_ in ("NOUN", "PROPN"):
                words.append(f"={counted.i}:{child.i}")  # "the number of businesses affected"
                continue
        if child.pos_ == "NOUN" and lemma not in lexicon.PERSON_NOUNS \
                and lemma not in lexicon.PERSON_FAMILIES and lemma not in lexicon.INCIDENT_NOUNS:
            named = [c.lemma_.lower() for c in child.children if c.dep_ == "compound"
                     or (c.dep_ == "amod" and c.tag_ == "VBG")]
            if lemma in TALLY_NOUNS:  # "took the rescue tally to 85": what is tallied
                words.extend(named)
                named = []
            words.append(lemma)
            words.extend(named)
    return words


def _level_of(anchor: Token, verb: Token) -> bool:
    """The figure is the level a verb puts something at: "at 174", "to 125"."""
    return anchor.dep_ == "pobj" and anchor.head.lower_ in ("at", "to") and (
        anchor.head.head == verb or anchor.head.head.head == verb
        or anchor.head.head.lemma_.lower() in (*TALLY_NOUNS, "toll"))  # "and the toll to 39"


def _likely_to(verb: Token) -> Token | None:
    """The verb of "are likely to be trapped" (an estimate of who was), or None."""
    for adjective in (c for c in verb.children if c.dep_ == "acomp" and c.lower_ == "likely"):
        return next((c for c in adjective.children if c.dep_ == "xcomp"
                     and c.pos_ in ("VERB", "AUX")), None)
    return None


def _able_to(verb: Token) -> bool:
    """ "supposed to hold", "designed to carry", "able to seat": a capacity."""
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_.lower() in (
        "suppose", "design", "build", "able", "allow", "mean", "plan", "intend", "permit")


def _standing(verb: Token) -> bool:
    """ "The stadium holds 42,000", "a hall which seats 900": the simple present of a
    capacity verb states what a thing can take, not who is in it now."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return verb.tag_ in ("VBZ", "VBP") and (subject is None or (subject.ent_type_ != "PERSON"
                                            and subject.lower_ not in ("he", "she", "they")))


ANNOUNCING = frozenset("plan intend aim be set due poised propose want seek agree".split())
"""Heads of "to" + verb that tell what is to come: "plans to shed", "is to axe"."""


def _announced(verb: Token) -> bool:
    """ "The firm plans to shed 5,000 jobs", "the carmaker is to axe 3,000": announced, not
    done."""
    return (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ANNOUNCING
            and to_infinitive(verb))


def container(verb: Token) -> str | None:
    """The subject of a capacity ("a stadium that can hold"): what holds the figure."""
    from .setting import holder_name

    token = verb
    for _ in range(3):
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            if subject.lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":
                subject = token.head
            return holder_name(subject)
        if token.dep_ in ("xcomp", "relcl") and token.head != token:
            if token.dep_ == "relcl":
                return holder_name(token.head)
            token = token.head
    return None


def _subject_words(verb: Token) -> list[str]:
    """What a subject says happened to its members: "those convicted", "the accused"."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return []
    words = [c.lemma_.lower() for c in subject.children if c.dep_ in ("acl", "amod", "relcl")]
    return [*words, subject.lemma_.lower()]


def _capacity_aux(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("can", "could") for c in verb.children)


def _capacity_word(verb: Token) -> bool:
    return verb.lemma_.lower() in lexicon.CAPACITY_VERBS


def _member_clause(clause: Token) -> bool:
    """A relative clause about one member ("..., one of whom received ...")."""
    return any(
        t.like_num or t.lower_ in ("one", "some", "all")
        for t in clause.children
        if t.dep_ in ("nsubj", "nsubjpass")
    )


def _pobj(prep: Token) -> Token | None:
    return next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)


def _lemma(token: Token) -> str:
    word = token.lemma_.lower()
    if word not in lexicon.LEMMA_CLASS and token.lower_ in lexicon.LEMMA_CLASS:
        return token.lower_  # "unaccounted", which the lemmatizer cuts to "unaccounte"
    if token.pos_ == "ADV" and word.endswith("ly") and len(word) > 4:
        return word[:-2]  # "critically" narrows as "critical" does
    return word


def _phrase(prep: str, obj: Token) -> str:
    """ "in intensive care" as "intensive care": the object with its modifiers."""
    words = [
        c.lemma_.lower() for c in obj.children
        if c.dep_ in ("amod", "compound") and c.i < obj.i and c.is_alpha
    ]
    head = obj.lemma_.lower()
    if prep in ("on", "aboard") and head in ("board", "boat", "ship", "plane", "vessel"):
        return "aboard"
    return " ".join([*words, head])


def has_subject(word: Token) -> bool:
    """A participle the parse hangs on a noun as its modifier but that has a subject of its
    own is a clause: in "63 injured and 168 vehicles were damaged" the vehicles were not
    injured."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in word.children)
