"""What a figure counts: the counted noun beside it, the word that says how it is a part
of a set ("six of the seven accused", "a further eight", "149 passengers and eight crew"),
and the noun's lemma as the measure's thing ("crew members", "counts of fraud")."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .. import lexicon, wordforms
from ..quantities import Found
from ..quantities.units import lookup_unit
from .calendar import MONTHS, WEEKDAYS
from .dated import verb_of
from .predicate import (
    GATHERING_NOUNS,
    PREDICATIVE_NOUNS,
    TALLY_NOUNS,
    Predicate,
    _person_like,
    _pobj,
)
from .syntax import hyphen_first

MAX_NOUN_DISTANCE = 5
"""Tokens between a number and the noun it counts; a parse that reaches further is wrong."""
PARTITIVE_PRONOUNS = frozenset("them whom those these which they us".split())


def _figure_root(number: Span, whole: Span) -> Token:
    """The token that ties the figure to its sentence: the number's head, or the word of
    the figure it hangs on ("over 300 injured": over)."""
    root = number.root
    for _ in range(4):
        head = root.head
        if head == root or head.i not in range(whole.start, whole.end) or head in number:
            break
        root = head
    return root


def _labelled(root: Token, head: Token, whole: Span) -> bool:
    """A figure after a colon that follows its noun, the noun heading its line: a list of
    results ("Registered voters: 1,204,310.", "Invalid votes: 9,870")."""
    doc = whole.doc
    return (root.dep_ == "appos" and head.pos_ == "NOUN" and head.dep_ == "ROOT"
            and whole.start >= 2 and doc[whole.start - 1].text == ":"
            and doc[whole.start - 2] == head)


def _tallied(noun: Token) -> Token:
    """What a tally noun counts ("a band of raiders": the raiders); else the noun itself."""
    if noun.lemma_.lower() in GATHERING_NOUNS:
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        counted = _pobj(of) if of is not None else None
        if counted is not None:
            return counted
    return noun


def _date_word(token: Token) -> bool:
    """A weekday or month name: when a figure was given, never what it counts."""
    return token.lower_ in WEEKDAYS or token.lower_ in MONTHS


def _members(group: Token) -> Token:
    """What a group of a stated strength counts: "a 300-strong crowd of fans" counts the
    fans, "a 40-strong team" the team."""
    of = next((c for c in group.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    members = _pobj(of) if of is not None else None
    if members is not None and members.tag_ in ("NNS", "NNPS"):
        return members
    return group


def _counted_noun(
    whole: Span, number: Span, found: Found
) -> tuple[Token | None, str | None, Token | None]:
    """The counted noun, how the figure is a part of a set named beside it, and the noun
    the figure belongs to when it is a part ("six of the seven accused")."""
    root = _figure_root(number, whole)  # the figure's own head: "an estimated" is no head of it
    head = root.head
    nominal = head.pos_ in ("NOUN", "PROPN") or (
        root.dep_ == "nummod"
        and head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos")
    )  # "the three main accused were sentenced": a participle used as a noun
    if _date_word(head):
        nominal = False  # "rose to 233 Sunday": the day it was said, not what was counted
    near = 0 < head.i - whole.end + 1 <= MAX_NOUN_DISTANCE or head.i < whole.start or (
        found.hyphenated and head.i > whole.end and head.left_edge.i <= whole.start)
    # "the 25-minute ship-to-shore call": what stands between modifies the noun too
    if head.pos_ == "ADJ" and head.lower_ in ("strong",) and head.head.pos_ in ("NOUN", "PROPN"):
        return _members(head.head), None, None  # "a 7.48 million-strong population"
    if _labelled(root, head, whole):
        return head, None, None  # "Registered voters: 1,204,310.": a label and its figure
    part: str | None = None
    if (
        (root.dep_ == "pobj" and root.head.lower_ in ("including", "among"))
        or head.lower_ in ("including", "include")
        or (head.dep_ == "prep" and head.lower_ in ("including", "among"))
    ):
        part = "including"
    if (
        head.i not in range(whole.start, whole.end)
        and nominal
        and near
        and (
            root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod", "predet")
            or found.hyphenated
        )
    ):
        if head.lemma_.lower() in lexicon.PART_WORDS:
            return None, "other", None  # "293 others"
        if root.lower_ == "strong":
            return _members(head), part, None  # "a 300-strong herd of wild horses"
        return head, part or _part_word(head) or _part_word(root), None  # "a further eight"
    if root.pos_ in ("NOUN", "PROPN") and found.unit_text is None and not root.like_num \
            and root not in number \
            and root.lemma_.lower() not in lexicon.PART_WORDS:
        return root, part, None
    if root.dep_ == "appos" and root in number and found.unit_text is None \
            and not any(c.dep_ == "prep" for c in root.children):  # not "40 of them"
        named = _tallied(head)
        if named.tag_ in ("NNS", "NNPS") and named.lemma_.lower() not in lexicon.PART_WORDS:
            return named, part, None  # "the raiders, some six or so,": raiders counted
    if found.unit_text is not None:
        material = _material(root, found)
        if material is not None:
            return material, part, None  # "20 kg of copper", "$3 million in damages"
    of = next((c for c in root.children if c.dep_ == "prep"
               and c.lower_ in ("of", "among", "from")), None)
    counted = _pobj(of) if of is not None else None
    if counted is not None and found.unit_text is None:
        if counted.lower_ in PARTITIVE_PRONOUNS or counted.pos_ == "PRON":
            return None, "of", None  # "18 of them", "of whom 25"
        if counted.like_num:  # "six of the seven accused": the participle names them
            named = next((c for c in counted.children if c.dep_ in ("acl", "amod", "relcl")
                          and c.tag_ == "VBN"), None)
            if named is not None:
                return named, "of", counted
        if counted.tag_ == "VBN" and any(c.dep_ == "det" for c in counted.children):
            return counted, "of", counted  # "378 of the arrested": a part of those arrested
        if counted.pos_ in ("NOUN", "PROPN"):
            if (found.amount.exact and any(
                    c.like_num or c.dep_ in ("det", "poss") for c in counted.children)) or any(
                    c.lower_ in ("these", "those") for c in counted.children):
                # "50 of its 37,000 customers"; "about 327 million of these guests"
                return counted, "of", counted
            return counted, part, None  # "thousands of overdose deaths"
    if root.lemma_.lower() in lexicon.PART_WORDS:
        return None, "other", None
    group = _group_of(root) if found.unit_text is None else None
    if group is not None:
        return group, part, None  # "a crew of around 250", "a workforce of 1,200"
    return None, part, None


NOT_GROUPS = frozenset(
    """
    number total figure count tally toll estimate rate level maximum minimum average
    majority minority score margin series sum amount height depth length distance width
    weight age capacity range peak record handful batch cent percent percentage proportion
    share fraction portion half third quarter bulk rest
    """.split()
)
"""Nouns before "of" and a bare figure that are no group the figure sizes ("a total of
40", "a maximum of 12", "a margin of 300")."""


def _group_of(root: Token) -> Token | None:
    """The group a bare figure sizes ("a crew of around 250", "a team of 40"): the noun
    that "of" hangs from, when an indefinite article makes it a group of that size and it
    names no tally or measure."""
    of = root.head
    if root.dep_ != "pobj" or of.lower_ != "of" or of.head.pos_ != "NOUN":
        return None
    group = of.head
    lemma = group.lemma_.lower()
    if lemma in NOT_GROUPS or lemma in lexicon.PART_WORDS or group.like_num:
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in group.children):
        return None  # "the condition of three", "the names of 12": no group's size
    return group


MEASURED_DIMENSIONS = frozenset(
    {"length", "mass", "speed", "area", "volume", "power", "energy"})
DIMENSION_THINGS = {"length": "length", "mass": "weight", "speed": "speed", "area": "area",
                    "volume": "volume", "power": "capacity", "energy": "energy"}
"""What a figure joined to its noun by a hyphen measures of it ("a 19-tonne lorry")."""


def _coordinated_part(anchor: Token, found: Found, pred: Predicate) -> str | None:
    """ "149 passengers and eight crew": each is a part of the total aboard; "two other
    men and one woman": the woman is one of the others; "the passengers included 325
    students": a part of the passengers."""
    if anchor.dep_ == "conj" and any(
            c.lower_ in lexicon.PART_WORDS for c in anchor.head.children):
        return "other"
    partners = [c for c in anchor.children if c.dep_ == "conj"]
    if anchor.dep_ == "conj":
        partners.append(anchor.head)
    if found.amount.dimension == "count" and any(_counted(p) for p in partners):
        return "and"
    verb = pred.clause
    if verb is not None and verb.lemma_.lower() == "include" and anchor.dep_ in (
            "dobj", "conj", "appos", "attr"):
        return "including"
    if verb is not None and found.amount.dimension != "age" and any(
            _one_of_several(c) for c in verb.children
            if c.dep_ in ("nsubj", "nsubjpass") and c.i != anchor.i):
        return "of"  # "one of the containers held 1,900 kg, another 980 kg": each a part
    return None


PARTITIVE_HEADS = frozenset("one two three some each either neither half".split())


def _one_of_several(subject: Token) -> bool:
    """ "one of the trucks", "each of them", "another": a subject that is a member of a
    set, so that what its clause measures is that member's share."""
    if subject.lower_ in ("another", "other") and subject.pos_ in ("DET", "PRON", "ADJ"):
        return True
    return subject.lower_ in PARTITIVE_HEADS and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in subject.children)


def _counted(tok: Token) -> bool:
    """A token that is itself counted: "eight crew", "149 passengers"."""
    return tok.like_num or any(c.dep_ == "nummod" and c.like_num for c in tok.children)


ATTRIBUTES_OF = {"mass": frozenset({"weight"}), "speed": frozenset({"speed"}),
                 "length": frozenset({"height", "depth", "length", "width", "distance"})}
"""The extents an attribute word may give a figure of each dimension: "tall" sizes no
weight ("the 20-tonne crane, 40 metres tall": the 20 tonnes are its weight)."""


def _attribute(doc: Doc, whole: Span, thing: Token | None,
               dimension: str | None = None) -> str | None:
    """Which extent of a thing a length or mass measures: "high", "deep", "wide", "tall"
    (or a wave's length, which is its height)."""
    fits = ATTRIBUTES_OF.get(dimension or "")
    # the figure's own words, then the nearest after it, then before it: "12-foot high and
    # 15-foot wide" gives the 15 feet "wide", not the "high" of the figure before
    if whole.start > 0 and doc[whole.start - 1].lower_ in WITHIN_PREPS:
        return "distance"  # "within 2 km of the plant": a reach from it
    window = [*doc[whole.start : whole.end], *doc[whole.end : min(whole.end + 3, len(doc))],
              *reversed(doc[max(whole.start - 3, 0) : whole.start])]
    for tok in window:
        for piece in tok.lemma_.lower().lstrip("-").split("-"):
            if piece in lexicon.MEASURES and (fits is None or lexicon.MEASURES[piece] in fits):
                return lexicon.MEASURES[piece]
    after = [t for t in doc[whole.end : min(whole.end + 6, len(doc))] if not t.is_punct]
    if fits is not None and "distance" not in fits:
        return None
    if any(t.lower_ in lexicon.COMPASS and t.pos_ != "PROPN" for t in after[:3]):
        return "distance"
    if thing is not None and thing.lemma_.lower() in lexicon.HEIGHT_THINGS:
        return "height"
    return None


def sized_noun(whole: Span) -> Token | None:
    """The noun a length or weight written before it sizes, its unit joined to it without a
    hyphen: "the 410m (1,345ft) pier", "a 1.6 kilometre-long viaduct", "the
    75-metre-long jetty" (the pier, the viaduct); None when the figure stands alone."""
    unit = whole[-1]
    head = unit.head
    appos = next((c for c in unit.children if c.dep_ == "appos" and c.pos_ == "NOUN"
                  and lookup_unit(c.lower_) is None), None)
    if appos is not None:
        head = appos  # the parse may make the unit the subject and the noun its apposition
    elif unit.dep_ == "npadvmod" and head.pos_ == "ADJ" and head.dep_ == "amod" \
            and head.lower_ in lexicon.MEASURES:
        head = head.head  # "kilometre-long viaduct": long, then what is long
    elif unit.dep_ not in ("nmod", "compound"):
        return None
    if head.pos_ != "NOUN" or head.i <= unit.i or head.ent_type_ in ("DATE", "TIME") \
            or lookup_unit(head.lower_) is not None or head.lower_ in lexicon.COMPASS:
        return None  # "35 miles (56 km) north of the city": a distance, no noun sized
    return head


SIZE_VERBS = frozenset("stretch span measure weigh".split())
"""Verbs that give their subject's own size: "the jetty stretches 800 m", "it weighs 9 t"."""


def sized_subject(whole: Span) -> Token | None:
    """The subject whose own extent its clause states: "the barge was 140 metres long",
    "the viaduct stretches 2 km", "the statue weighs 40 tonnes" (the barge, the viaduct,
    the statue); None for a pronoun, a figure in a noun phrase, or a verb of motion
    ("the convoy travelled 40 km" is a distance gone, not the convoy's length)."""
    unit = whole[-1]
    head = unit.head
    if unit.dep_ == "npadvmod" and head.pos_ in ("ADJ", "ADV") and head.dep_ == "acomp" \
            and head.lower_ in lexicon.MEASURES and lexicon.MEASURES[head.lower_] != "distance":
        verb = head.head  # "was 140 metres long": long, then what was
    elif unit.dep_ in ("dobj", "npadvmod") and head.pos_ == "VERB" \
            and head.lemma_.lower() in SIZE_VERBS:
        verb = head
    else:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "conj":  # "stretches 2 km and weighs 9 t"
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or subject.ent_type_ in (
            "DATE", "TIME", "CARDINAL", "QUANTITY") or lookup_unit(subject.lower_) is not None:
        return None
    return subject


def _material(root: Token, found: Found) -> Token | None:
    """What an amount with a unit is an amount of: "20 kg of copper", "$3 million in
    damages", "three years on supervision"."""
    if found.amount.dimension == "length" and root.head.lower_ in WITHIN_PREPS:
        return None  # "within 2 km of the plant": the plant is where it is measured from
    preps = ("of",) if found.amount.dimension != "money" else ("of", "in")
    if found.amount.dimension == "duration":
        preps = ("on", "in", "under", "behind", "of")  # "three days of mourning"
    for tok in (root, root.head) if found.amount.dimension == "duration" else (root,):
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in preps and child.i > root.i:
                obj = _pobj(child)
                if obj is not None and obj.pos_ in ("NOUN", "PROPN", "ADJ") \
                        and obj.ent_type_ not in ("DATE", "TIME", "GPE") \
                        and obj.lemma_.lower() not in PAYMENT_FORMS:
                    return obj
    return None


PAYMENT_FORMS = frozenset("cash stock share equity kind".split())
"""How a sum is paid, not what it is of: "$41 billion in cash"."""


def _part_word(noun: Token) -> str | None:
    for child in noun.children:
        low = child.lower_
        after = child.doc[child.i + 1].lower_ if child.i + 1 < len(child.doc) else ""
        if low in lexicon.PART_WORDS and after != "than":
            return "other"  # "a further eight"; "more than double" is no further part
        if low in lexicon.SEQUENCE_WORDS or (
                child.dep_ == "amod" and child.pos_ == "ADJ" and child.tag_ == "JJS"):
            return low
    return None


def _present_at(thing: Token) -> bool:
    """People "at the game", "at the rally", "in the march": those who took part."""
    if not _person_like(thing):
        return False
    for child in thing.children:
        if child.dep_ == "prep" and child.lower_ in ("at", "in", "on"):
            obj = _pobj(child)
            if obj is not None and obj.lemma_.lower() in lexicon.INCIDENT_NOUNS:
                return True
    return False


def _whole_of_partitive(anchor: Token) -> bool:
    """ "six of the seven accused", "out of the 40,000 people in attendance": this figure
    is the set another figure is a part of; that figure's verb is not this one's."""
    if anchor.dep_ != "pobj" or anchor.head.lower_ not in ("of", "among"):
        return False
    owner = anchor.head.head
    if owner.lower_ == "out":
        return True
    return owner.pos_ in ("NUM", "PRON") or owner.like_num or owner.lemma_.lower() in (
        "all", "some", "none", "most", "many", "few", "several", "each", "any", "both", "half")


def _noun_lemma(noun: Token) -> str:
    """A noun's lemma, a plural's read from its form: spaCy's rules read "corpses" as
    "corps"."""
    return wordforms.noun_lemma(noun.lower_) if noun.tag_ == "NNS" else noun.lemma_.lower()


def _thing_lemma(thing: Token | None, found: Found, unit_words: set[str]) -> str | None:
    if thing is None or not any(ch.isalpha() for ch in thing.text) or thing.like_num \
            or thing.lower_ in PREDICATIVE_NOUNS:
        return None
    if thing.pos_ == "PROPN" and thing.tag_ != "VBN":
        # "1.5 million Kenyans": people of a nation; "three Julies" names nothing countable
        return "people" if thing.ent_type_ == "NORP" else None
    lemma = _noun_lemma(thing) if thing.tag_ != "VBN" else thing.lower_  # "the accused"
    if lemma in unit_words:
        return None
    if lemma in ("national", "citizen") and any(
            c.ent_type_ == "NORP" and c.dep_ in ("amod", "compound") for c in thing.children):
        return "people"  # "22 Mexican nationals" are 22 Mexicans
    if lemma == "member":  # "12 members of staff", "six members of the crew" count staff, crew
        of = next((c for c in thing.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        whose = _pobj(of) if of is not None else None
        if whose is not None and whose.pos_ == "NOUN" and whose.tag_ in ("NN", "NNS") \
                and _noun_lemma(whose) in lexicon.PERSON_FAMILIES:
            return _noun_lemma(whose)  # "members of a ring" are still members
    compounds = [c for c in thing.children if c.dep_ == "compound" and c.i == thing.i - 1]
    if compounds and compounds[0].pos_ == "NOUN" and lemma in ("member", "worker", "officer",
                                                                  "personnel", "staff"):
        lemma = compounds[0].lemma_.lower() + lemma  # "crew members" are crewmembers
    if lemma in lexicon.CONTAINER_NOUNS:  # "three counts of criminal breach of trust"
        what = next((g for c in thing.children if c.dep_ == "prep"
                     and c.lower_ in ("of", "under", "for")
                     for g in c.children if g.dep_ == "pobj"), None)
        if what is not None:
            lemma = f"{lemma}:{what.lemma_.lower()}"
    first = hyphen_first(thing)
    if first is not None and first.pos_ not in ("NUM", "ADV"):
        lemma = first.lower_ + lemma  # "a stand-off" is "a standoff"
    sizing = (found.unit_text or "").lower().rstrip("s") if found.hyphenated else next(
        (c.lower_ for c in thing.children if c.dep_ == "compound" and c.i == thing.i - 1
         and c.i - 2 >= 0 and thing.doc[c.i - 1].like_num
         and thing.doc[c.i - 2].lower_ in ("a", "an", "the")), "")
    # "a 14 member squad" sizes one squad; "nine member states" counts the states
    if sizing in MEMBER_UNITS:  # "a 14-member squad", "a three-man crew": its members
        return lemma if lemma in lexicon.PERSON_NOUNS else lemma + "member"
    if found.hyphenated and found.unit_text and found.amount.dimension != "duration":
        unit = found.unit_text.lower().rstrip("s")
        unit = UNIT_SPELLINGS.get(unit, unit)  # "a four-story building" in American
        lemma = f"{unit}:{lemma}"  # "a four-storey building"
    return lemma  # "a five-hour standoff" lasted, whatever the unit: the standoff


WITHIN_PREPS = frozenset({"within", "inside"})
"""Prepositions that make a length a reach from a place, not an extent of a material."""

MEMBER_UNITS = frozenset({"member", "man", "person"})
"""Words that size a body by the people in it: "a 14-member squad" counts squad members."""

UNIT_SPELLINGS = {"story": "storey", "storie": "storey"}
"""Spellings of one unit of a thing's size, its final "s" gone: a building's floors."""


def record_span(whole: Span, sent: Span) -> str | None:
    """The superlative a span "in N years" is the record of: "the worst flooding in 40
    years", "the most powerful storm to hit the coast in a decade" (the time since a worse
    one); None when no superlative comes before the span in its sentence."""
    root = whole.root
    if root.dep_ != "pobj" or root.head.lower_ != "in":
        return None
    for tok in sent:
        if tok.i >= whole.start:
            break
        if tok.tag_ == "RBS" and tok.head.pos_ == "ADJ":
            return tok.head.lemma_.lower()  # "the most powerful"
        if tok.tag_ == "JJS" and tok.lower_ not in ("least", "most") and tok.head.lower_ != "at":
            return tok.lower_
    return None


COUNTING_NOUNS = TALLY_NOUNS | GATHERING_NOUNS
"""Nouns whose "of" names what they count or gather, not what was done to it."""


def done_to(counted: Token) -> str | None:
    """The event a noun made from a verb names for the people or things counted after its
    "of": "the evacuation of 3,000 residents" (evacuated), "blood screening of 21,000
    people" (screened); the clause's own verb ("was completed", "was carried out") only
    says the event took place."""
    if counted.dep_ != "pobj" or counted.head.lower_ != "of":
        return None
    noun = counted.head.head
    if noun.pos_ != "NOUN" or noun.lemma_.lower() in COUNTING_NOUNS:
        return None
    lemma = noun.lemma_.lower()
    verb = verb_of(lemma)
    if verb == lemma:
        return None  # "the deaths of 40 miners", "the arrest of 12 men": often a precedent
        # or an earlier case the story recalls, which keeps its own verb
    return lexicon.known_event(verb) or lexicon.VERB_SYNONYMS.get(verb, verb)
