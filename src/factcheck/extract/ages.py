"""Whose age a figure is: the person named beside it ("Jo Lind, 21", "the 44-year-old
driver, Tom Okafor"), or the person an anaphoric "the 52-year-old" stands for."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .. import lexicon
from .setting import holder_name, surname
from .syntax import _ent_at, _ents_in, ents_of


def age_holder(number: Span) -> str | None:
    """Whose age a figure is: the person named nearest to it in its sentence ("Jo Lind,
    21" as "jo lind", by :func:`full_name`), or named beside the noun it describes ("the
    44-year-old driver, Tom Okafor" as "okafor", by :func:`holder_name`)."""
    doc = number.doc
    if number.start >= 2 and doc[number.start - 1].text in (",", "(") \
            and doc[number.start - 2].pos_ == "PROPN":
        return full_name(doc[number.start - 2])  # "Jo Lind, 21"
    described = _aged_noun(number)
    if described is not None and described.pos_ == "PROPN":
        return holder_name(described)  # "50-year-old Tom Okafor", whatever the entity label
    if described is not None:  # "the 44-year-old driver, Tom Okafor": the driver's age
        named = next((c for c in described.children if c.dep_ in ("appos", "compound")
                      and c.pos_ == "PROPN"), None)
        if named is not None:
            return holder_name(named)
        if _anaphoric(described):
            return _antecedent(number) or _kind_of(described)
        return _kind_of(described)
    sent = number.sent
    people = [e for e in _ents_in(sent) if e.label_ == "PERSON"]
    if not people:
        old = _age_word(number)
        return _antecedent(number) if old is not None and _anaphoric(old) else None
    nearest = min(people, key=lambda e: min(abs(e.end - number.start), abs(e.start - number.end)))
    return full_name(nearest[-1])


ANAPHOR_SENTENCES = 3
"""How many sentences back "the 52-year-old" looks for the person it stands for."""


def _anaphoric(phrase: Token) -> bool:
    """ "The 52-year-old former pilot won the race", "but the 51-year-old
    said": a definite subject that names someone by age stands for a person named
    before, not a new one ("a 34-year-old teacher")."""
    return phrase.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "det" and c.lower_ == "the" for c in phrase.children)


def _antecedent(number: Span) -> str | None:
    """The person named last before the figure's sentence, within
    :data:`ANAPHOR_SENTENCES` sentences, as the last word of the name."""
    doc, sent = number.doc, number.sent
    floor = sent.start
    for _ in range(ANAPHOR_SENTENCES):
        if floor == 0:
            break
        floor = doc[floor - 1].sent.start
    people = [e for e in ents_of(doc) if e.label_ == "PERSON" and floor <= e.start
              and e.end <= sent.start]
    return surname(people[-1]) if people else None


def _age_word(number: Span) -> Token | None:
    """The "old" of "the 51-year-old" standing alone as a noun phrase."""
    tok = number.root
    for _ in range(3):
        if tok.lower_ == "old" and tok.dep_ in ("nsubj", "nsubjpass"):
            return tok
        if tok.head == tok:
            return None
        tok = tok.head
    return None


def _kind_of(noun: Token) -> str:
    """Whom an age describes when no name is given, by kind: "a 41-year-old man" and "a
    woman aged 29" are two people, whatever else two reports say of them."""
    lemma = noun.lemma_.lower()
    return lexicon.PERSON_FAMILIES.get(lemma, lemma)


def _aged_noun(number: Span) -> Token | None:
    """The common noun an age describes ("the 75-year-old leader", "two sons aged five"),
    or None."""
    tok = number.root
    for _ in range(4):
        if tok.dep_ == "amod" and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head
        if tok.dep_ == "acl" and tok.lemma_.lower() == "age" and tok.head.pos_ == "NOUN":
            return tok.head  # "two sons aged five": the sons' age, not the subject's
        if tok.head == tok:
            return None
        tok = tok.head
    return None


def full_name(last: Token) -> str | None:
    """A person's whole name ending at ``last``, lower-cased: the PERSON entity holding it,
    else the proper nouns run before it ("Ana Lind (13)"). Two children of one family are
    two holders ("ana lind", "tom lind"); "Lind" alone stands inside either."""
    entity = _ent_at(last) if last.ent_type_ == "PERSON" else None
    if entity is not None and entity.end == last.i + 1:
        words = list(entity)
    else:
        start = last.i
        while start > last.sent.start and last.doc[start - 1].pos_ == "PROPN" \
                and last.doc[start - 1].is_title:
            start -= 1
        words = list(last.doc[start : last.i + 1])
    while len(words) > 1 and words[0].lower_.rstrip(".") in lexicon.HONORIFICS:
        words = words[1:]  # "Mr", "Sheikh" before a name; a name may end in such a word
    end = surname(words)
    if end is None:
        return None
    return " ".join([*(t.lower_ for t in words[:-1]), end])
