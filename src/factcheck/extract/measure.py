"""What a figure counts or measures, read from the parse: the thing, its event, its holder."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .. import lexicon
from ..models import (
    Article,
    Subject,
)
from ..quantities import Found
from .qualifiers import CONTAINER_NOUNS, _compared, _qualifiers
from .records import _context
from .syntax import (
    _governing_verb,
    _in_child,
    _member_clause,
    _noun_family,
    _of_child,
    _unit_words,
    _where_spent,
)


def _numeric_subject(
    article: Article, doc: Doc, sent: Span, found: Found, number: Span, whole: Span
) -> tuple[Subject, Token | None]:
    root = whole.root
    thing: Token | None = None
    head = root.head
    nominal = head.pos_ in ("NOUN", "PROPN") or (
        root.dep_ == "nummod"
        and head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos")
    )  # "the three main accused were sentenced": a participle used as a noun
    near = 0 < head.i - whole.end + 1 <= MAX_NOUN_DISTANCE or head.i < whole.start
    if (
        head.i not in range(whole.start, whole.end)
        and nominal
        and near
        and (
            root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod")
            or found.hyphenated
        )
    ):
        thing = head
    elif root.pos_ in ("NOUN", "PROPN") and found.unit_text is None and root not in number:
        thing = root
    elif found.amount.dimension == "count" and not found.amount.exact:
        counted = _of_child(root)  # "thousands of overdose deaths", "hundreds of people"
        if counted is not None and counted.pos_ in ("NOUN", "PROPN"):
            thing = counted
    anchor = thing or root

    words: list[str] = []
    partitive_whole = False
    collective: Token | None = None
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of":
        owner = anchor.head.head
        if owner.pos_ in ("NUM", "PRON") or owner.like_num:
            partitive_whole = True  # "six of the seven accused": seven is the whole set
        elif owner.pos_ in ("NOUN", "PROPN"):
            collective = owner
    measured = None
    if found.unit_text and thing is None:
        measured = _of_child(root) or _in_child(root)  # "$24 million in restitution"
        if measured is None and found.amount.dimension == "duration":
            measured = _where_spent(root)  # "three years on federal supervision"
    own_words: list[str] = []
    if thing is not None:
        own_words.append(thing.lemma_.lower())
        own_words.extend(c.lemma_.lower() for c in thing.children if c.dep_ in ("amod", "compound"))
        for child in thing.children:
            if child.dep_ in ("acl", "relcl") and not _member_clause(child):
                words.append(child.lemma_.lower())
                words.extend(
                    g.lemma_.lower() for g in child.children if g.dep_ in ("acomp", "dobj", "prt")
                )
    if collective is not None:
        words.append(collective.lemma_.lower())
        words.extend(c.lemma_.lower() for c in collective.children if c.dep_ == "compound")
    for child in root.children:
        if child.dep_ in ("amod", "acl", "relcl") and child.pos_ in ("VERB", "ADJ", "NOUN"):
            own_words.append(child.lemma_.lower())
    if root.dep_ == "amod" and root.head.pos_ in ("VERB", "ADJ") and thing is None:
        words.append(root.head.lemma_.lower())
    place = (
        anchor.dep_ == "pobj"
        and anchor.head.lower_ in lexicon.PLACE_PREPOSITIONS
        and thing is not None
        and _noun_family(thing) is None
    )
    # "killed in shootings at two mosques": the mosques were not killed
    verb = None if partitive_whole or place else _governing_verb(anchor)
    if (
        verb is not None
        and verb.lemma_ == "take"
        and any(c.lemma_ == "part" for c in verb.children)
    ):
        words.append("participate")  # "took part"
    if (
        verb is not None
        and verb.lemma_ in ("claim", "take", "cost")
        and any(c.lemma_ == "life" for c in verb.subtree)
    ):
        words.append("kill")  # "claimed the lives of 157 people"
    if verb is not None:
        complements = [
            c
            for c in verb.children
            if c.dep_ in ("acomp", "xcomp", "oprd", "attr", "prt", "advmod")
            and c.i not in range(whole.start, whole.end)
            and c != anchor
        ]
        words.extend(c.lemma_.lower() for c in complements)
        words.append(verb.lemma_.lower())
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubj", "nsubjpass"):
                if child.i in range(whole.start, whole.end) or child == anchor:
                    continue
                words.append(child.lemma_.lower())
                words.extend(c.lemma_.lower() for c in child.children if c.dep_ == "compound")
    qualifiers = tuple(sorted(_qualifiers(article, doc, sent, anchor, verb, whole, found, thing)))
    cls = lexicon.event_class(words + own_words)
    if any(q.startswith("penalty:") for q in qualifiers):
        cls = "sentenced"
    if (verb is not None and anchor.dep_ == "nsubj" and cls
            and any(c.dep_ == "dobj" for c in verb.children)):
        cls = None  # "one gunman killed 49 people": the gunman did the killing
        words = [f"{verb.lemma_.lower()}-agent"]

    noun = None
    if thing is not None and thing.lemma_.lower() not in _unit_words(found):
        noun = thing.lemma_.lower()
        if noun in CONTAINER_NOUNS:  # "three counts of criminal breach of trust"
            what = next((g for c in thing.children if c.dep_ == "prep"
                         and c.lower_ in ("of", "under", "for")
                         for g in c.children if g.dep_ == "pobj"), None)
            if what is not None:
                noun = f"{noun}:{what.lemma_.lower()}"
        if found.hyphenated and found.unit_text:  # "a four-storey building": storeys, not buildings
            noun = f"{found.unit_text.lower().rstrip('s')}:{noun}"
        for child in thing.children:  # "crew members" are crew; "police officers" police
            if child.dep_ == "compound" and child.lemma_.lower() in lexicon.PERSON_FAMILIES:
                noun = child.lemma_.lower()
    elif measured is not None:
        noun = measured.lemma_.lower()
    collective_population = collective is not None and collective.lemma_.lower() == "population"
    if collective_population or _is_population(anchor, verb):
        noun = "population"
        cls = "population"  # how many live there, whatever the verb
    measure = _measure(doc, whole, thing, found)
    return (
        Subject(
            noun=noun,
            action=cls or (verb.lemma_.lower() if verb is not None else None),
            qualifiers=qualifiers,
            role=measure or _holder(anchor, verb, found),
            compared=_compared(doc, whole) if found.amount.dimension == "ratio" else None,
            context=_context(doc, sent, anchor),
        ),
        thing,
    )


PERCENT_PRECISION = 0.2
"""Shares are compared to a tenth of a point either way: 73.22 % and 73.23 % are one
count at two moments, not two claims."""

MAX_NOUN_DISTANCE = 5
"""Tokens between a number and the noun it counts; a parse that reaches further is wrong."""


def _is_population(anchor: Token, verb: Token | None) -> bool:
    """ "home to 160,000 people", "Springfield, which has 170,000 people": how many live there."""
    head = anchor.head
    if anchor.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "home":
        return True
    if verb is not None and verb.lemma_ == "have" and anchor.dep_ == "dobj":
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and (
            subject.ent_type_ in ("GPE", "LOC")
            or subject.lower_
            in ("which", "city", "town", "country", "region", "province", "state", "island")
        ):
            return (
                subject.lower_ != "which"
                or (verb.dep_ == "relcl" and verb.head.pos_ == "PROPN")
                or verb.head.ent_type_ in ("GPE", "LOC")
            )
    return False


HOLDER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _holder(anchor: Token, verb: Token | None, found: Found) -> str | None:
    """Whose share a percentage is: "Smith won 52%", "45% to Jones",
    "Jones's 45.2%". Shares of different holders are never rivals."""
    if found.amount.dimension not in ("percent", "percentage point"):
        return None
    candidates: list[Token] = [c for c in anchor.children if c.dep_ == "poss"]
    for owner in (anchor, verb):
        if owner is None:
            continue
        for child in owner.children:
            if child.dep_ == "prep" and child.lower_ in ("to", "for"):
                candidates.extend(g for g in child.children if g.dep_ == "pobj")
    if verb is not None:
        candidates.extend(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
    for cand in candidates:
        name = cand
        if name.ent_type_ in HOLDER_LABELS or name.pos_ == "PROPN":
            return "holder:" + name.text.lower()
    return "holder:?"


def _measure(doc: Doc, whole: Span, thing: Token | None, found: Found) -> str | None:
    if found.amount.dimension not in ("length", "mass", "speed", "area", "volume"):
        return None
    window = doc[max(whole.start - 3, 0) : min(whole.end + 3, len(doc))]
    for tok in window:
        lemma = tok.lemma_.lower().lstrip("-")
        for part in lemma.split("-"):
            if part in lexicon.MEASURES:
                return lexicon.MEASURES[part]
    after = [t for t in doc[whole.end : min(whole.end + 6, len(doc))] if not t.is_punct]
    after = [t for t in after if t.lower_ not in ("km", "kilometres", "kilometers", "miles", "mi")]
    if any(t.lower_ in lexicon.COMPASS for t in after[:2]):
        place = _direction_place(doc, whole.end)
        return f"distance:{place}" if place else "distance"
    if thing is not None and thing.lemma_.lower() in lexicon.HEIGHT_THINGS:
        return "height"
    owner = _of_child(thing) if thing is not None else None
    if owner is not None and owner.lemma_.lower() in lexicon.HEIGHT_THINGS:
        return "height"
    return None


def _direction_place(doc: Doc, i: int) -> str | None:
    for tok in doc[i : min(i + 5, len(doc))]:
        if tok.lower_ == "of":
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and nxt.pos_ == "PROPN":
                return nxt.text.lower()
    return None


