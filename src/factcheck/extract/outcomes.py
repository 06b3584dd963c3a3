"""What happened to a named person: charged or not, held or released, convicted or
acquitted, sentenced.

Read from the parse, one verb at a time: the person is the verb's passive subject ("X was
acquitted") or its object ("the court acquitted X"), or a name beside either ("the man,
X, was freed"; "X and Y were convicted"). A fate that is only asked for, feared or
possible ("prosecutors sought to have X convicted", "X could be released", "if
convicted") is no fate yet, and a negated one is none, save "not charged".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from .. import lexicon
from ..models import Article, Claim, ClaimKind, Fate, Outcome, Subject
from .records import _context, _make
from .syntax import to_infinitive
from .text import tokens_of

FATE_VERBS: dict[str, Fate] = {
    "acquit": Fate.ACQUITTED,
    "exonerate": Fate.ACQUITTED,
    "convict": Fate.CONVICTED,
    "sentence": Fate.SENTENCED,
    "jail": Fate.SENTENCED,
    "imprison": Fate.SENTENCED,
    "charge": Fate.CHARGED,
    "indict": Fate.CHARGED,
    "release": Fate.RELEASED,
    "free": Fate.RELEASED,
    "remand": Fate.HELD,
    "hold": Fate.HELD,
}
"""Verbs whose passive subject or object met a fate."""

PASSIVE_ONLY = frozenset({"hold", "free"})
"""Verbs that say a fate only in the passive ("X is being held"; "held a press
conference", "freed himself" say none)."""

NOT_YET = frozenset(
    "seek ask demand want expect urge call threaten plan hope try face fear push likely "
    "could may might would will should must can".split()
)
"""Words over a fate that make it wished for, expected or possible, not met."""

CONDITIONS = frozenset({"if", "unless", "whether", "until", "before"})


def _outcome_claims(article: Article, doc: Doc, people: list[Claim]) -> Iterator[Claim]:
    """A claim for each named person the article says met a fate, its text the name and
    the verb's words ("Tom Hale was acquitted", "convicted Maria Lopez")."""
    if not people:
        return
    named = sorted(people, key=lambda c: c.start)
    for verb in tokens_of(doc):
        fate = _fate(verb)
        if fate is None or not _met(verb):
            continue
        if any(c.dep_ == "neg" for c in verb.children):
            if fate is not Fate.CHARGED:
                continue
            fate = Fate.NOT_CHARGED
        for tok in _who(verb):
            person = next((c for c in named if c.start <= tok.idx < c.end), None)
            if person is None:
                continue
            start, end = _phrase(verb)
            start, end = min(start, person.start), max(end, person.end)
            if not (article.body.start <= start or (article.title_span is not None
                                                    and article.title_span.start <= start)):
                continue
            sent = verb.sent
            subject = Subject(noun="outcome", role=person.subject.role,
                              context=_context(doc, sent, verb))
            yield _make(article, ClaimKind.OUTCOME, start, end, sent,
                        Outcome(person=str(person.value), fate=fate), subject)


def _fate(verb: Token) -> Fate | None:
    lemma = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if lemma == "find" and _passive(verb):  # "was found guilty", "found not guilty"
        guilty = next((c for c in verb.children if c.lower_ == "guilty"), None)
        if guilty is None:
            return None
        negated = any(c.dep_ == "neg" for c in guilty.children) or any(
            c.dep_ == "neg" for c in verb.children)
        return Fate.ACQUITTED if negated else Fate.CONVICTED
    if lemma == "clear" and _passive(verb) and any(c.lower_ == "of" for c in verb.children):
        return Fate.ACQUITTED  # "cleared of murder"
    fate = FATE_VERBS.get(lemma)
    if fate is None or (lemma in PASSIVE_ONLY and not _passive(verb)):
        return None
    if lemma == "charge" and not _passive(verb) and not any(
            c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in verb.children):
        return None  # "charged a fee", "charged the crowd"
    return fate


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _met(verb: Token) -> bool:
    """The fate is told as met: not under a modal, a wish, a fear or a condition."""
    if any(c.dep_ == "aux" and c.lemma_.lower() in NOT_YET for c in verb.children):
        return False
    if to_infinitive(verb):
        return False  # "to be released": yet to come
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONS
                                    for c in verb.children):
        return False
    head = verb
    while head.dep_ in ("xcomp", "ccomp", "advcl", "conj") and head.head is not head:
        head = head.head
        if head.lemma_.lower() in NOT_YET or head.lemma_.lower() in lexicon.NOT_HANDED_DOWN:
            return False
    return True


def _who(verb: Token) -> Iterator[Token]:
    """The people a fate befell: the passive subject, else the object, with the names
    beside it (conjuncts, appositions)."""
    deps = ("nsubjpass",) if _passive(verb) else ("dobj",)
    for child in verb.children:
        if child.dep_ not in deps:
            continue
        for tok in (child, *child.conjuncts):
            yield tok
            yield from (c for c in tok.children if c.dep_ == "appos")


def _phrase(verb: Token) -> tuple[int, int]:
    """The characters of the verb with its auxiliaries, negation and "guilty"."""
    parts = [verb] + [c for c in verb.children
                      if c.dep_ in ("auxpass", "aux", "neg") and c.i < verb.i
                      and verb.i - c.i <= 3]
    parts += [c for c in verb.children if c.lower_ in ("guilty", "free") and c.i > verb.i]
    for c in list(parts):
        parts += [g for g in c.children if g.dep_ == "neg"]
    first = min(parts, key=lambda t: t.i)
    last = max(parts, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)
